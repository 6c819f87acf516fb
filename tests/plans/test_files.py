"""The one image rule (plans.files.validate_image) on every path, and unguessable names."""

import re

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.forms import modelform_factory

from plans import files
from projects.models import ProjectPhoto
from reports.models import ReportJob
from tests import factories
from tests.progress.factories import png_bytes

HUGE = factories.huge_png()  # 10,000 x 10,000 = 100 million pixels in about 12 KB


def upload(data: bytes, name="photo.png") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="image/png")


def messages(data: bytes, name="photo.png") -> list[str]:
    with pytest.raises(ValidationError) as error:
        files.validate_image(upload(data, name))
    return error.value.messages


def test_a_12_kb_png_of_100_million_pixels_is_refused_in_thai():
    assert len(HUGE) < 20_000
    assert messages(HUGE) == [files.TOO_MANY_PIXELS]
    assert "๔๐ ล้านจุด" in files.TOO_MANY_PIXELS


def test_an_image_beyond_pillows_own_bomb_limit_gets_the_same_message():
    # 200 million pixels: Pillow itself raises DecompressionBombError while opening.
    assert messages(factories.huge_png(20_000, 10_000)) == [files.TOO_MANY_PIXELS]


def test_the_limit_is_width_times_height(monkeypatch):
    monkeypatch.setattr(files, "MAX_IMAGE_PIXELS", 64)
    files.validate_image(upload(png_bytes((8, 8))))  # exactly 64: accepted
    assert messages(png_bytes((8, 9))) == [files.TOO_MANY_PIXELS]


def test_other_refusals_are_thai():
    assert messages(b"not an image") == [files.NOT_AN_IMAGE]
    assert messages(png_bytes(fmt="GIF")) == [files.WRONG_FORMAT]
    assert messages(png_bytes(), "photo.exe") == [
        "ไฟล์นามสกุล “.exe” ไม่รับ รับเฉพาะไฟล์ภาพ .jpg .jpeg .png หรือ .webp"
    ]


@pytest.mark.parametrize("fmt", ["JPEG", "PNG", "WEBP"])
def test_accepted_formats(fmt):
    files.validate_image(upload(png_bytes(fmt=fmt), f"photo.{fmt.lower()}"))


@pytest.mark.django_db
def test_the_admins_model_form_obeys_the_rule_in_thai(plan):
    """The admin builds its form from the model field: same rule, Thai messages."""
    project = factories.project(plan)
    form_class = modelform_factory(ProjectPhoto, fields=["project", "order", "caption", "image"])
    data = {"project": project.pk, "order": 1, "caption": "ภาพ"}
    form = form_class(data, {"image": upload(HUGE)})
    assert not form.is_valid()
    assert form.errors["image"] == [files.TOO_MANY_PIXELS]
    form = form_class(data, {"image": upload(b"", "photo.png")})
    assert form.errors["image"] == ["ไฟล์ว่างเปล่า"]
    assert not ProjectPhoto.objects.filter(project=project).exists()


@pytest.mark.django_db
def test_model_validation_refuses_the_bomb_on_any_save_path(plan):
    photo = ProjectPhoto(
        project=factories.project(plan), order=1, caption="ภาพ", image=upload(HUGE)
    )
    with pytest.raises(ValidationError) as error:
        photo.full_clean()
    assert error.value.message_dict == {"image": [files.TOO_MANY_PIXELS]}


@pytest.mark.django_db
def test_stored_names_are_random_and_keep_the_real_format(plan, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    project = factories.project(plan)
    # A PNG named .JPG: stored as .png, its real format; the original name is gone.
    first = ProjectPhoto.objects.create(
        project=project, order=1, caption="ภาพ", image=upload(png_bytes(), "ภาพกิจกรรม.JPG")
    )
    second = ProjectPhoto.objects.create(
        project=project, order=2, caption="ภาพ", image=upload(png_bytes(), "ภาพกิจกรรม.JPG")
    )
    assert re.fullmatch(r"photos/[0-9a-f]{32}\.png", first.image.name)
    assert first.image.name != second.image.name
    assert (tmp_path / first.image.name).read_bytes() == png_bytes()


def test_other_files_keep_their_lower_cased_extension():
    name = files.PrivateName("reports")(ReportJob(), "Annual-Report-2565.PDF")
    assert re.fullmatch(r"reports/[0-9a-f]{32}\.pdf", name)
