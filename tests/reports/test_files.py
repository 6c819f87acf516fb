"""Uploaded and generated files are private: /files/... serves each only to users of its
office (another office, or no office at all, is a 404), under an unguessable name, and no
public /media/ route exists, not even with DEBUG."""

import importlib
import re

import pytest
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage, Storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import clear_url_caches, reverse
from django_sendfile.utils import _get_sendfile

import config.urls
from progress.models import QuarterlyReport
from projects.models import Highlight, ProjectPhoto
from reports import printing
from reports.models import ReportJob
from reports.selectors import annual_report
from tests import factories
from tests.progress.factories import png_bytes

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.7\n% a stand-in for the rendered report\n"


@pytest.fixture(autouse=True)
def private_media(settings, tmp_path):
    settings.MEDIA_ROOT = settings.SENDFILE_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def project(plan, group):
    return factories.project(plan, 1, group=group, budget="10000")


def png(name="ภาพกิจกรรม.png") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, png_bytes(), content_type="image/png")


def progress_photo(plan, project):
    report = QuarterlyReport.objects.create(project=project, quarter=1)
    return report.photos.create(image=png(), caption="ภาพการอบรม", order=1), "progress"


def project_photo(plan, project):
    return project.photos.create(image=png(), caption="ภาพกิจกรรม", order=1), "photos"


def highlight_figure(plan, project):
    highlight = Highlight.objects.create(plan=plan, number=1, title="ผลงานเด่น")
    return highlight.figures.create(image=png(), caption="แผนภาพ", order=1), "figures"


def report_pdf(plan, project):
    job = ReportJob.objects.create(plan=plan, status=ReportJob.Status.DONE, progress=100)
    job.file.save("annual-report-2565.pdf", ContentFile(PDF))
    return job, "reports"


KINDS = {
    # kind: (maker, url name, content, type, disposition)
    "progress_photo": (progress_photo, png_bytes(), "image/png", "inline"),
    "project_photo": (project_photo, png_bytes(), "image/png", "inline"),
    "highlight_figure": (highlight_figure, png_bytes(), "image/png", "inline"),
    "report_pdf": (report_pdf, PDF, "application/pdf", "attachment"),
}


@pytest.fixture(params=list(KINDS))
def stored(request, plan, project):
    """(url, field file, expected bytes, content type, disposition) of one kind of file."""
    maker, content, content_type, disposition = KINDS[request.param]
    obj, folder = maker(plan, project)
    field = obj.file if isinstance(obj, ReportJob) else obj.image
    url = reverse(f"files:{request.param}", args=[obj.pk])
    return {
        "kind": request.param,
        "url": url,
        "field": field,
        "folder": folder,
        "content": content,
        "type": content_type,
        "disposition": disposition,
    }


def test_a_user_of_the_office_gets_the_file(client, staff_user, stored):
    client.force_login(staff_user)
    response = client.get(stored["url"])
    assert response.status_code == 200
    assert response.content == stored["content"]
    assert response["Content-Type"] == stored["type"]
    assert response["Content-Disposition"].startswith(stored["disposition"] + "; filename=")
    assert "private" in response["Cache-Control"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert stored["field"].url == stored["url"]  # .url is the checked view, never /media/


def test_another_offices_planner_gets_404(client, outsider, stored):
    client.force_login(outsider)
    assert client.get(stored["url"]).status_code == 404


def test_a_user_with_no_office_gets_404(client, stored):
    client.force_login(get_user_model().objects.create_user("nobody", password="pw-2565"))
    assert client.get(stored["url"]).status_code == 404


def test_anonymous_is_sent_to_sign_in(client, stored):
    response = client.get(stored["url"])
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_the_stored_name_is_not_guessable(stored):
    name = stored["field"].name
    assert re.fullmatch(rf"{stored['folder']}/[0-9a-f]{{32}}\.(png|pdf)", name)
    assert "ภาพ" not in name and "annual-report" not in name and "2565" not in name


@pytest.fixture
def debug_urls(settings):
    """The URLconf as it is built with DEBUG on (the old one added /media/ then)."""
    settings.DEBUG = True
    importlib.reload(config.urls)
    clear_url_caches()
    yield
    settings.DEBUG = False
    importlib.reload(config.urls)
    clear_url_caches()


def test_the_old_media_url_is_404_even_with_debug(client, staff_user, stored, debug_urls):
    client.force_login(staff_user)
    assert client.get(f"/media/{stored['field'].name}").status_code == 404
    assert client.get(stored["url"]).status_code == 200


def test_the_pdf_download_name_is_readable(client, staff_user, plan, project):
    job, _ = report_pdf(plan, project)
    client.force_login(staff_user)
    response = client.get(reverse("files:report_pdf", args=[job.pk]))
    assert response["Content-Disposition"] == (
        'attachment; filename="annual-report-test-office-2565.pdf"'
    )
    old_route = reverse("reports:report_job_download", args=[2565, job.pk])
    assert client.get(old_route).content == PDF  # the same helper behind the job page's link


def test_an_unfinished_job_has_no_file(client, staff_user, plan):
    job = ReportJob.objects.create(plan=plan)
    client.force_login(staff_user)
    assert client.get(reverse("files:report_pdf", args=[job.pk])).status_code == 404


@pytest.fixture
def nginx(settings):
    settings.SENDFILE_BACKEND = "django_sendfile.backends.nginx"
    settings.SENDFILE_URL = "/protected-media/"
    _get_sendfile.cache_clear()  # sendfile caches the backend it loaded
    yield
    _get_sendfile.cache_clear()


def test_production_hands_the_file_to_nginx(client, staff_user, plan, project, nginx):
    photo, _ = project_photo(plan, project)
    client.force_login(staff_user)
    response = client.get(reverse("files:project_photo", args=[photo.pk]))
    assert response["X-Accel-Redirect"] == f"/protected-media/{photo.image.name}"
    assert response.content == b""
    assert response["Content-Type"] == "image/png"
    assert "private" in response["Cache-Control"]


def test_the_printed_report_reads_its_pictures_from_storage(plan, project):
    """The screen loads a report's pictures from /files/...; WeasyPrint reads the same URLs
    from storage (nothing is fetched over HTTP), and the PDF holds the picture."""
    photo, _ = project_photo(plan, project)
    report = annual_report(plan)
    url = reverse("files:project_photo", args=[photo.pk])
    assert f'src="{url}"' in printing.annual_report_html(report)
    files = printing.report_files(report)
    assert list(files) == [url]
    fetched = printing.url_fetcher(files).fetch(f"http://portal.example{url}")
    assert fetched.read() == png_bytes()
    assert b"/Subtype /Image" in printing.annual_report_pdf(report)


class ObjectStorage(Storage):
    """A storage with no file-system path (Storage.path raises NotImplementedError), as
    S3-compatible object storage (django-storages) is; a folder stands in for the bucket."""

    def __init__(self):
        self.bucket = FileSystemStorage()

    def _open(self, name, mode="rb"):
        return self.bucket._open(name, mode)

    def _save(self, name, content):
        return self.bucket._save(name, content)

    def exists(self, name):
        return self.bucket.exists(name)

    def delete(self, name):
        self.bucket.delete(name)

    def size(self, name):
        return self.bucket.size(name)


@pytest.fixture
def object_storage(settings):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": f"{__name__}.ObjectStorage"},
    }


def test_object_storage_streams_the_file_and_the_pdf_reads_it(
    client, staff_user, plan, project, object_storage
):
    photo, _ = project_photo(plan, project)
    with pytest.raises(NotImplementedError):
        photo.image.path  # noqa: B018 - no path: nothing for nginx or WeasyPrint to open
    client.force_login(staff_user)
    response = client.get(reverse("files:project_photo", args=[photo.pk]))
    assert b"".join(response.streaming_content) == png_bytes()
    assert response["Content-Type"] == "image/png"
    assert response["Content-Disposition"].startswith("inline")
    assert "private" in response["Cache-Control"]
    report = annual_report(plan)
    assert b"/Subtype /Image" in printing.annual_report_pdf(report)


def test_another_offices_photo_is_a_404_by_id(client, outsider, plan, project):
    """Ids are sequential: walking them as another office's planner finds nothing."""
    photo = ProjectPhoto.objects.create(project=project, order=1, caption="ภาพ", image=png())
    client.force_login(outsider)
    for pk in (photo.pk - 1, photo.pk, photo.pk + 1):
        assert client.get(reverse("files:project_photo", args=[pk])).status_code == 404


def test_the_admin_links_to_the_checked_view_and_refuses_the_bomb(admin_client, plan, project):
    photo, _ = project_photo(plan, project)
    change = reverse("admin:projects_projectphoto_change", args=[photo.pk])
    html = admin_client.get(change).content.decode()
    assert f'href="{reverse("files:project_photo", args=[photo.pk])}"' in html
    assert "/media/" not in html
    bomb = SimpleUploadedFile("bomb.png", factories.huge_png(), content_type="image/png")
    data = {"project": project.pk, "order": 2, "caption": "ภาพ", "image": bomb}
    response = admin_client.post(reverse("admin:projects_projectphoto_add"), data)
    assert response.status_code == 200
    assert "ภาพมีจำนวนจุดภาพเกิน ๔๐ ล้านจุด" in response.content.decode()
    assert list(project.photos.all()) == [photo]


def test_a_file_stored_under_an_old_name_is_still_served(client, staff_user, project, settings):
    old = settings.MEDIA_ROOT / "photos" / "2565" / "activity.png"
    old.parent.mkdir(parents=True)
    old.write_bytes(png_bytes())
    photo = ProjectPhoto.objects.create(
        project=project, order=1, caption="ภาพ", image="photos/2565/activity.png"
    )
    client.force_login(staff_user)
    response = client.get(photo.image.url)
    assert response.status_code == 200 and response.content == png_bytes()
    assert client.get("/media/photos/2565/activity.png").status_code == 404
