from django.urls import path

from plans.manage import views

app_name = "plan_manage"

YEAR = "<int:year>/manage/"

urlpatterns = [
    path("manage/", views.start, name="start"),
    path("manage/new/", views.plan_create, name="plan_create"),
    path(YEAR, views.plan_home, name="home"),
    path(YEAR + "vision/", views.vision_edit, name="vision"),
    path(YEAR + "statements/<slug:kind>/", views.statements_edit, name="statements"),
    path(YEAR + "policies/<int:area>/", views.policies_edit, name="policies"),
    path(YEAR + "strategies/", views.strategies_edit, name="strategies"),
    path(
        YEAR + "strategies/<int:number>/<slug:part>/",
        views.strategy_part_edit,
        name="strategy_part",
    ),
    path(YEAR + "texts/", views.text_list, name="texts"),
    path(YEAR + "texts/<slug:key>/", views.text_edit, name="text_edit"),
    path(YEAR + "committees/", views.committee_list, name="committees"),
    path(YEAR + "committees/<slug:kind>/", views.committee_edit, name="committee_edit"),
    path(
        YEAR + "committees/<slug:kind>/groups/", views.committee_sections, name="committee_sections"
    ),
    path(
        YEAR + "committees/<slug:kind>/groups/<int:section>/",
        views.committee_members,
        name="committee_members",
    ),
]
