from django.urls import include, path

from reports import views

app_name = "reports"

urlpatterns = [
    path("dashboard/", include("reports.dashboard_urls")),
    path("", views.home, name="home"),
    path("plans/<int:year>/", views.plan_summary_page, name="plan_summary"),
    path("plans/<int:year>/report/", views.annual_report_page, name="annual_report"),
    path("plans/<int:year>/report.pdf", views.annual_report_pdf, name="annual_report_pdf"),
]
