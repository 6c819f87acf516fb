from django.urls import path

from reports import views

app_name = "reports"

urlpatterns = [
    path("", views.home, name="home"),
    path("plans/<int:year>/", views.plan_summary_page, name="plan_summary"),
]
