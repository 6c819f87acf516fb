from django.urls import path

from plans.trail import views

app_name = "trail"

urlpatterns = [
    path("", views.trail_list, name="list"),
    path("history.xlsx", views.trail_export, name="export"),
]
