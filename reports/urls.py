from django.urls import include, path

from reports import document_views, pictures, views

app_name = "reports"

urlpatterns = [
    path("dashboard/", include("reports.dashboard_urls")),
    path("", views.home, name="home"),
    path("plans/<int:year>/", views.plan_summary_page, name="plan_summary"),
    path("plans/<int:year>/summary.xlsx", views.summary_xlsx, name="summary_xlsx"),
    path("plans/<int:year>/table-13.xlsx", views.budget_table_xlsx, name="budget_table_xlsx"),
    path("plans/<int:year>/tables-1-6.xlsx", views.school_tables_xlsx, name="school_tables_xlsx"),
    path("plans/<int:year>/report/", views.annual_report_page, name="annual_report"),
    path("plans/<int:year>/report.pdf", views.annual_report_pdf, name="annual_report_pdf"),
    path("plans/<int:year>/report/pdf/", views.report_job_request_page, name="report_job_request"),
    path("plans/<int:year>/publishing/", views.publishing_page, name="publishing"),
    path(
        "plans/<int:year>/publishing/<slug:slug>/publish/",
        views.publication_publish,
        name="publication_publish",
    ),
    path(
        "plans/<int:year>/publishing/<slug:slug>/withdraw/",
        views.publication_withdraw,
        name="publication_withdraw",
    ),
    path("plans/<int:year>/report/pictures/", pictures.picture_list, name="pictures"),
    path(
        "plans/<int:year>/report/pictures/photos/<int:pk>/",
        pictures.photo_picture,
        name="photo_picture",
    ),
    path(
        "plans/<int:year>/report/pictures/figures/<int:pk>/",
        pictures.figure_picture,
        name="figure_picture",
    ),
    path(
        "plans/<int:year>/report/pictures/office/<slug:field>/",
        pictures.office_picture,
        name="office_picture",
    ),
    path(
        "plans/<int:year>/report/pictures/projects/<int:pk>/add/",
        pictures.photo_add,
        name="photo_add",
    ),
    path("plans/<int:year>/report/projects/", views.narrative_list, name="narrative_list"),
    path("plans/<int:year>/report/projects.xlsx", views.narrative_xlsx, name="narrative_xlsx"),
    path(
        "plans/<int:year>/report/projects/<int:project_id>/",
        views.narrative_page,
        name="narrative",
    ),
    path(
        "plans/<int:year>/report/pdf/<int:job_id>/",
        views.report_job_status_page,
        name="report_job_status",
    ),
    path(
        "plans/<int:year>/report/pdf/<int:job_id>/download/",
        views.report_job_download,
        name="report_job_download",
    ),
    # The plan's printable documents (reports/documents.py).
    path("plans/<int:year>/documents/", document_views.document_list, name="documents"),
    path(
        "plans/<int:year>/documents/approval/",
        document_views.plan_approval,
        name="plan_approval",
    ),
    path("plans/<int:year>/documents/<slug:slug>/", document_views.document_html, name="document"),
    path(
        "plans/<int:year>/documents/<slug:slug>.pdf",
        document_views.document_pdf,
        name="document_pdf",
    ),
]
