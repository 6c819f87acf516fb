from django.urls import path

from plans.notices import views

app_name = "notices"

urlpatterns = [
    path("", views.notice_list, name="list"),
    path("settings/", views.notice_preferences, name="preferences"),
]
