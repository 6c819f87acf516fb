"""The report's pictures page (/plans/<year>/report/pictures/): the planning group uploads a
picture into a slot that had only its caption, and the report prints it with its caption;
takes it off again (nothing prints, no frame); adds a photo; a file that is not a picture
is refused in Thai and changes nothing; other roles 403, another office 404."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from plans.models import AuditEntry, Role
from projects.models import Highlight, HighlightFigure, ProjectPhoto
from reports import printing, selectors
from tests import factories
from tests.progress.factories import png_bytes
from tests.queries import REQUEST_EXTRA

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = settings.SENDFILE_ROOT = tmp_path / "media"


@pytest.fixture
def project(plan, group):
    return factories.project(plan, 1, group=group)


@pytest.fixture
def slot(project):
    return ProjectPhoto.objects.create(project=project, order=1, caption="อบรมครูแกนนำ")


def _png(name="photo.png"):
    return SimpleUploadedFile(name, png_bytes((40, 30)), content_type="image/png")


def _html(plan) -> str:
    return printing.annual_report_html(selectors.annual_report(plan))


def test_a_caption_only_slot_prints_once_it_has_its_picture(
    client, planner, plan, slot, django_capture_on_commit_callbacks
):
    assert "อบรมครูแกนนำ" not in _html(plan)
    client.force_login(planner)
    year = plan.fiscal_year.year
    listing = client.get(reverse("reports:pictures", args=[year])).content.decode()
    assert "ยังไม่มีภาพ (ไม่พิมพ์)" in listing and "อบรมครูแกนนำ" in listing
    url = reverse("reports:photo_picture", args=[year, slot.pk])
    response = client.post(url, {"image": _png(), "caption": ""})
    assert response.status_code == 302
    slot.refresh_from_db()
    assert slot.image and slot.caption == "อบรมครูแกนนำ"
    html = _html(plan)
    assert f"/files/project-photo/{slot.pk}/" in html
    assert re.search(r"<figcaption>\s*อบรมครูแกนนำ", html)
    entry = AuditEntry.objects.filter(object_type="projects.projectphoto", user=planner).last()
    assert entry is not None
    # Taken off again: the report prints nothing of it, and the file is gone.
    name = slot.image.name
    storage = slot.image.storage
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"clear": "on", "caption": ""})
    slot.refresh_from_db()
    assert not slot.image and "อบรมครูแกนนำ" not in _html(plan)
    assert not storage.exists(name)


def test_the_caption_alone_can_change(client, planner, plan, slot):
    client.force_login(planner)
    url = reverse("reports:photo_picture", args=[plan.fiscal_year.year, slot.pk])
    client.post(url, {"caption": "อบรมครูแกนนำ รุ่นที่ ๒"})
    slot.refresh_from_db()
    assert slot.caption == "อบรมครูแกนนำ รุ่นที่ ๒"


def test_a_file_that_is_not_a_picture_is_refused(client, planner, plan, slot):
    client.force_login(planner)
    url = reverse("reports:photo_picture", args=[plan.fiscal_year.year, slot.pk])
    fake = SimpleUploadedFile("photo.png", b"not an image", content_type="image/png")
    response = client.post(url, {"image": fake})
    assert response.status_code == 200
    page = response.content.decode()
    assert "ภาพ" in page and 'class="errorlist"' in page
    slot.refresh_from_db()
    assert not slot.image
    both = client.post(url, {"image": _png(), "clear": "on"})
    assert "อย่างใดอย่างหนึ่ง" in both.content.decode()


def test_a_photo_is_added_and_a_highlights_figure_filled(client, planner, plan, project):
    client.force_login(planner)
    year = plan.fiscal_year.year
    client.post(
        reverse("reports:photo_add", args=[year, project.pk]),
        {"caption": "ประชุมชี้แจง", "image": _png()},
    )
    assert list(project.photos.values_list("order", "caption")) == [(1, "ประชุมชี้แจง")]
    highlight = Highlight.objects.create(plan=plan, number=1, title="ผลงานเด่น")
    figure = HighlightFigure.objects.create(highlight=highlight, order=1, caption="แผนภาพที่ ๑")
    client.post(reverse("reports:figure_picture", args=[year, figure.pk]), {"image": _png()})
    figure.refresh_from_db()
    assert figure.image
    html = _html(plan)
    assert "ประชุมชี้แจง" in html
    assert "แผนภาพที่ ๑" in html


@pytest.mark.parametrize("role", [Role.STAFF, Role.DIRECTOR, Role.FINANCE])
def test_other_roles_are_refused(client, office, plan, group, slot, role):
    user = factories.member(office, "someone", role, group if role == Role.STAFF else None)
    client.force_login(user)
    year = plan.fiscal_year.year
    assert client.get(reverse("reports:pictures", args=[year])).status_code == 403
    url = reverse("reports:photo_picture", args=[year, slot.pk])
    assert client.post(url, {"image": _png()}).status_code == 403
    slot.refresh_from_db()
    assert not slot.image


def test_another_offices_slot_is_404(client, plan, slot):
    elsewhere = factories.office(code="elsewhere", name="สำนักงานอื่น")
    factories.plan(elsewhere)
    stranger = factories.member(elsewhere, "stranger", Role.PLANNING)
    client.force_login(stranger)
    url = reverse("reports:photo_picture", args=[plan.fiscal_year.year, slot.pk])
    assert client.get(url, {"office": "elsewhere"}).status_code == 404


def test_the_page_makes_as_many_queries_for_many_slots_as_for_one(
    client, planner, plan, group, django_assert_max_num_queries
):
    client.force_login(planner)
    url = reverse("reports:pictures", args=[plan.fiscal_year.year])
    for number in (1, 2, 3):
        project = factories.project(plan, number, group=group)
        ProjectPhoto.objects.create(project=project, order=1, caption=f"ภาพ {number}")
        client.get(url)
        with django_assert_max_num_queries(4 + REQUEST_EXTRA):
            assert client.get(url).status_code == 200


def test_the_office_emblem_map_and_back_cover_print(client, planner, plan, office):
    office.phone, office.fax, office.email = "0 5526 7235", "0 5526 7234", "office@example.go.th"
    office.save()
    client.force_login(planner)
    year = plan.fiscal_year.year
    for field in ("emblem", "location_map"):
        url = reverse("reports:office_picture", args=[year, field])
        assert "คำบรรยายภาพ" not in client.get(url).content.decode()  # no caption to give
        assert client.post(url, {"image": _png()}).status_code == 302
    office.refresh_from_db()
    assert office.emblem and office.location_map
    html = _html(plan)
    assert f'class="cover-emblem" src="/files/office-emblem/{office.pk}/"' in html
    assert f"/files/office-map/{office.pk}/" in html
    back = html.split('data-testid="back-cover"')[1].split("</section>")[0]
    for text in ("โทรศัพท์ ๐ ๕๕๒๖ ๗๒๓๕", "โทรสาร ๐ ๕๕๒๖ ๗๒๓๔", "office@example.go.th"):
        assert text in back
    assert client.get(f"/files/office-emblem/{office.pk}/").status_code == 200
    assert client.get(reverse("reports:office_picture", args=[year, "other"])).status_code == 404
