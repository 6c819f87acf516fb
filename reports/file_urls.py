"""/files/...: every uploaded or generated file, each behind its owner's right to read it."""

from django.urls import path

from reports import files

app_name = "files"

urlpatterns = [
    path("progress-photo/<int:pk>/", files.progress_photo_file, name="progress_photo"),
    path("project-photo/<int:pk>/", files.project_photo_file, name="project_photo"),
    path("highlight-figure/<int:pk>/", files.highlight_figure_file, name="highlight_figure"),
    path("office-emblem/<int:pk>/", files.office_emblem_file, name="office_emblem"),
    path("office-map/<int:pk>/", files.office_map_file, name="office_map"),
    path("report-pdf/<int:pk>/", files.report_pdf_file, name="report_pdf"),
    path("publication/<int:pk>/", files.publication_file, name="publication"),
]
