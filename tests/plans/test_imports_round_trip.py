"""Round trip (issue 13, "Done when"): the FY2565 seed's school statistics and personnel,
exported from the import pages and imported into an empty office, give the same tables 1 to
6 as the seed's office (reports.selectors.annual computes them in both)."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from plans.models import ImportUpload, Office, Role, School
from reports.selectors.annual import personnel_table, school_stats
from tests import factories

pytestmark = pytest.mark.django_db


def _download(client, kind: str, office: Office) -> bytes:
    url = reverse("imports:export", kwargs={"kind": kind})
    response = client.get(f"{url}?office={office.code}&year=๒๕๖๕")
    assert response.status_code == 200
    disposition = response["Content-Disposition"]
    assert disposition.startswith(f'attachment; filename="{office.code}-2565-{kind}.xlsx"')
    return response.content


def _import(client, kind: str, office: Office, content: bytes) -> None:
    base = reverse("imports:upload", kwargs={"kind": kind})
    file = SimpleUploadedFile(f"{kind}.xlsx", content)
    client.post(f"{base}?office={office.code}", {"file": file, "office": office.code})
    preview = reverse("imports:preview", kwargs={"kind": kind}) + f"?office={office.code}"
    outcome = client.get(preview).context["outcome"]
    assert outcome.ok, outcome.refused or outcome.issues[:5]
    digest = ImportUpload.objects.get(kind=kind).digest
    response = client.post(preview, {"digest": digest, "office": office.code})
    assert response.status_code == 302


def test_fy2565_school_statistics_exported_and_imported_into_an_empty_office(
    client, fy2565_db, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    seeded = fy2565_db.office
    empty = factories.office(code="empty-office", name="สำนักงานใหม่")
    empty.provinces.set(seeded.provinces.all())
    planner = factories.member(seeded, "roundtrip", Role.PLANNING)
    planner.memberships.create(office=empty, role=Role.PLANNING)
    client.force_login(planner)

    for kind in ("schools", "personnel"):
        _import(client, kind, empty, _download(client, kind, seeded))

    assert (
        School.objects.filter(office=empty).count() == School.objects.filter(office=seeded).count()
    )
    assert school_stats(empty, 2565) == school_stats(seeded, 2565)
    assert personnel_table(empty, 2565) == personnel_table(seeded, 2565)
    assert school_stats(empty, 2565).students > 0 and personnel_table(empty, 2565).total > 0

    # And the seeded office's own export imported back into it changes nothing.
    content = _download(client, "schools", seeded)
    base = reverse("imports:upload", kwargs={"kind": "schools"})
    client.post(
        f"{base}?office={seeded.code}",
        {"file": SimpleUploadedFile("s.xlsx", content), "office": seeded.code},
    )
    outcome = client.get(
        reverse("imports:preview", kwargs={"kind": "schools"}) + f"?office={seeded.code}"
    ).context["outcome"]
    assert (len(outcome.created), len(outcome.changed), len(outcome.issues)) == (0, 0, 0)
    assert len(outcome.unchanged) == 57
