from django.urls import path

from reports import dashboard_views as views

urlpatterns = [
    path("", views.overview, name="dashboard"),
    path("indicators/", views.indicator_list, name="dashboard_indicators"),
    path("indicators.xlsx", views.indicator_list_xlsx, name="dashboard_indicators_xlsx"),
    path("projects/", views.project_list, name="dashboard_projects"),
    path("projects.xlsx", views.project_list_xlsx, name="dashboard_projects_xlsx"),
    path("overdue/", views.overdue_list, name="dashboard_overdue"),
    path("overdue.xlsx", views.overdue_list_xlsx, name="dashboard_overdue_xlsx"),
    path("projects/<int:pk>/", views.project_detail, name="dashboard_project"),
    path("budget/", views.budget, name="dashboard_budget"),
    path("areas/", views.by_area, name="dashboard_areas"),
    path("areas.xlsx", views.by_area_xlsx, name="dashboard_areas_xlsx"),
    path("groups/", views.by_group, name="dashboard_groups"),
    path("groups.xlsx", views.by_group_xlsx, name="dashboard_groups_xlsx"),
    path("schools/", views.schools, name="dashboard_schools"),
]
