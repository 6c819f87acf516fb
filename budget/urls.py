from django.urls import path

from budget import views

app_name = "budget"

urlpatterns = [
    path("", views.home, name="home"),
    path("<int:year>/", views.budget_overview, name="overview"),
    path("<int:year>/budget.xlsx", views.budget_overview_xlsx, name="overview_xlsx"),
    path("<int:year>/allocations/add/", views.office_allocation_add, name="office_allocation_add"),
    path(
        "<int:year>/disbursements/add/",
        views.office_disbursement_add,
        name="office_disbursement_add",
    ),
    path("<int:year>/targets/", views.targets_edit, name="targets_edit"),
    path("<int:year>/transfers/", views.transfer_add, name="transfer_add"),
    path("<int:year>/transfers.xlsx", views.transfers_xlsx, name="transfers_xlsx"),
    path("<int:year>/projects/<int:pk>/", views.project_ledger, name="project_ledger"),
    path(
        "<int:year>/projects/<int:pk>/ledger.xlsx",
        views.project_ledger_xlsx,
        name="project_ledger_xlsx",
    ),
    path(
        "<int:year>/projects/<int:pk>/allocations/add/",
        views.project_allocation_add,
        name="project_allocation_add",
    ),
    path(
        "<int:year>/projects/<int:pk>/disbursements/<int:entry>/delete/",
        views.disbursement_delete,
        name="disbursement_delete",
    ),
    path(
        "<int:year>/projects/<int:pk>/disbursements/<int:entry>/reverse/",
        views.disbursement_reverse,
        name="disbursement_reverse",
    ),
]
