from django.urls import path

from progress import views

app_name = "progress"

urlpatterns = [
    path("", views.project_list, name="project_list"),
    path("projects.xlsx", views.project_list_export, name="project_list_export"),
    path("queue/", views.work_queue, name="queue"),
    path("queue.xlsx", views.work_queue_export, name="queue_export"),
    path("projects/<int:project_id>/q<int:quarter>/", views.report_page, name="report"),
    path(
        "projects/<int:project_id>/q<int:quarter>/return/",
        views.report_decide,
        {"decision": "return"},
        name="report_return",
    ),
    path(
        "projects/<int:project_id>/q<int:quarter>/approve/",
        views.report_decide,
        {"decision": "approve"},
        name="report_approve",
    ),
    path(
        "projects/<int:project_id>/q<int:quarter>/reopen/",
        views.report_decide,
        {"decision": "reopen"},
        name="report_reopen",
    ),
    path("photos/<int:photo_id>/delete/", views.photo_delete, name="photo_delete"),
    path("follow-up/", views.follow_up_list, name="follow_up"),
    path("follow-up.xlsx", views.follow_up_export, name="follow_up_export"),
]
