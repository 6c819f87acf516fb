from django.urls import path

from projects import views

app_name = "projects"

urlpatterns = [
    path("projects/", views.home, name="home"),
    path("<int:year>/projects/", views.project_list, name="project_list"),
    path("<int:year>/projects.xlsx", views.project_list_export, name="project_list_export"),
    path("<int:year>/projects/add/", views.project_add, name="project_add"),
    path("<int:year>/projects/<int:pk>/", views.project_tree, name="project_tree"),
    path("<int:year>/projects/<int:pk>/delete/", views.project_delete, name="project_delete"),
    path(
        "<int:year>/projects/<int:pk>/activities/",
        views.activities_edit,
        name="activities_edit",
    ),
    path(
        "<int:year>/projects/<int:pk>/activities/<int:activity>/delete/",
        views.activity_delete,
        name="activity_delete",
    ),
    path(
        "<int:year>/projects/<int:pk>/indicators/add/",
        views.indicator_add,
        name="indicator_add",
    ),
    path(
        "<int:year>/projects/<int:pk>/indicators/<int:indicator>/",
        views.indicator_edit,
        name="indicator_edit",
    ),
    path(
        "<int:year>/projects/<int:pk>/indicators/<int:indicator>/delete/",
        views.indicator_delete,
        name="indicator_delete",
    ),
]
