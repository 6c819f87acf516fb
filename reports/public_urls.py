"""/public/...: the documents each office has published, without signing in (reports/public.py)."""

from django.urls import path

from reports import public

app_name = "public"

urlpatterns = [
    path("<slug:code>/", public.office_page, name="office"),
    path("<slug:code>/<int:year>/", public.year_page, name="year"),
    path("<slug:code>/<int:year>/<slug:slug>.pdf", public.document_file, name="document"),
]
