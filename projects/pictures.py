"""The pictures the printed report shows beside the texts the seed or the planning group
typed: each project's activity photos (ProjectPhoto) and each highlight's figures
(HighlightFigure). A slot may hold a caption only (the FY2565 seed knows the reference's
captions, not its pictures); the report prints a slot only once it has its picture
(reports/selectors/chapter3.py). The planning group uploads, replaces and removes the
pictures, and adds photos, on the page "ภาพประกอบรายงาน" (reports/views.py)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max

from plans import audit
from plans.access import Right, require
from plans.files import validate_image
from plans.models import Office
from plans.ownership import office_id_of
from projects.models import HighlightFigure, Project, ProjectPhoto

Picture = ProjectPhoto | HighlightFigure | Office
# An office's pictures: its emblem (the cover) and its location map (chapter 2).
OFFICE_PICTURES = {"emblem": "ตราสัญลักษณ์ (หน้าปกรายงาน)", "location_map": "แผนที่ที่ตั้งสำนักงาน"}
NO_CAPTION = "กรุณาพิมพ์คำบรรยายภาพ"
BOTH = "กรุณาเลือกไฟล์ภาพใหม่หรือนำภาพออก อย่างใดอย่างหนึ่ง"


@audit.authored
@transaction.atomic
def picture_update(
    *,
    picture: Picture,
    user,
    image=None,
    caption: str = "",
    clear: bool = False,
    field: str = "image",
) -> bool:
    """A slot's new picture (checked by the portal's one image rule) or none (`clear`), and
    its caption (blank: kept; an office's pictures have none). `field`: the image field (an
    office's "emblem" or "location_map"). The file it no longer shows is removed once the
    change commits. Returns whether anything changed."""
    require(user, office_id_of(picture), Right.MANAGE_PLAN)
    if image is not None and clear:
        raise ValidationError(BOTH)
    current = getattr(picture, field)
    old = current.name if current else ""
    changed = False
    if image is not None:
        validate_image(image)
        setattr(picture, field, image)
        changed = True
    elif clear and old:
        setattr(picture, field, "")
        changed = True
    if hasattr(picture, "caption") and caption.strip() and caption.strip() != picture.caption:
        picture.caption, changed = caption.strip(), True
    if not changed:
        return False
    picture.full_clean()
    picture.save()
    new = getattr(picture, field)
    if old and new.name != old:
        storage = new.storage
        transaction.on_commit(lambda: storage.delete(old))
    return True


@audit.authored
@transaction.atomic
def project_photo_add(*, project: Project, caption: str, image, user) -> ProjectPhoto:
    """A new activity photo of the project, last in its order."""
    require(user, project.plan.office_id, Right.MANAGE_PLAN)
    if not caption.strip():
        raise ValidationError({"caption": NO_CAPTION})
    validate_image(image)
    last = project.photos.aggregate(last=Max("order"))["last"] or 0
    photo = ProjectPhoto(project=project, order=last + 1, caption=caption.strip(), image=image)
    photo.full_clean()
    photo.save()
    return photo
