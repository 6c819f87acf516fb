from django.urls import path

from reports import dashboard_views as views

urlpatterns = [
    path("", views.overview, name="dashboard"),
    path("indicators/", views.indicator_list, name="dashboard_indicators"),
    path("projects/", views.project_list, name="dashboard_projects"),
    path("overdue/", views.overdue_list, name="dashboard_overdue"),
    path("projects/<int:pk>/", views.project_detail, name="dashboard_project"),
    path("budget/", views.budget, name="dashboard_budget"),
    path("areas/", views.by_area, name="dashboard_areas"),
    path("groups/", views.by_group, name="dashboard_groups"),
    path("schools/", views.schools, name="dashboard_schools"),
]
