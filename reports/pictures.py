"""The planning group's page of the report's pictures ("ภาพประกอบรายงาน"): every project's
activity photos and every highlight's figures, which have their picture and which only a
caption (those print nothing); upload or replace a picture, take it off, add a photo
(projects/pictures.py writes). Right.MANAGE_PLAN, as the narrative pages."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from plans.files import ImageFormField
from plans.forms import show_errors
from projects import pictures
from projects.models import Highlight, HighlightFigure, Project, ProjectPhoto
from reports.views import _narrative_plan

SAVED = "บันทึกภาพแล้ว"
CLEARED = "นำภาพออกแล้ว รายงานจะไม่พิมพ์ภาพนี้จนกว่าจะอัปโหลดภาพใหม่"
NOTHING = "ไม่มีการเปลี่ยนแปลง (ไม่ได้เลือกไฟล์ภาพ ไม่ได้นำภาพออก และคำบรรยายเหมือนเดิม)"


class PictureForm(forms.Form):
    image = ImageFormField(label="ไฟล์ภาพ", required=False, help_text="JPEG หรือ PNG")
    caption = forms.CharField(
        label="คำบรรยายภาพ", max_length=500, required=False, help_text="เว้นว่าง: ใช้คำบรรยายเดิม"
    )
    clear = forms.BooleanField(label="นำภาพออก (รายงานไม่พิมพ์ภาพนี้)", required=False)

    def clean(self):
        data = super().clean()
        if data.get("image") and data.get("clear"):
            raise ValidationError(pictures.BOTH)
        return data


class PhotoAddForm(forms.Form):
    caption = forms.CharField(label="คำบรรยายภาพ", max_length=500)
    image = ImageFormField(label="ไฟล์ภาพ", help_text="JPEG หรือ PNG")


def picture_list(request, year: int):
    plan = _narrative_plan(request, year)
    office = plan.office
    office_pictures = [
        (field, label, getattr(office, field)) for field, label in pictures.OFFICE_PICTURES.items()
    ]
    projects = (
        Project.objects.filter(plan=plan)
        .prefetch_related(Prefetch("photos", queryset=ProjectPhoto.objects.order_by("order")))
        .order_by("number")
    )
    highlights = (
        Highlight.objects.filter(plan=plan)
        .prefetch_related(Prefetch("figures", queryset=HighlightFigure.objects.order_by("order")))
        .order_by("number")
    )
    context = {
        "plan": plan,
        "projects": list(projects),
        "highlights": list(highlights),
        "office_pictures": office_pictures,
    }
    return render(request, "reports/pictures/picture_list.html", context)


def _edit(request, year: int, picture, *, what: str, field: str = "image"):
    plan = _narrative_plan(request, year)
    data, files = (request.POST, request.FILES) if request.method == "POST" else (None, None)
    form = PictureForm(data, files, initial={"caption": getattr(picture, "caption", "")})
    if field != "image":
        del form.fields["caption"]
    if request.method == "POST" and form.is_valid():
        try:
            changed = pictures.picture_update(
                picture=picture, user=request.user, field=field, **form.cleaned_data
            )
        except ValidationError as error:
            show_errors(form, error)
        else:
            if not changed:
                messages.info(request, NOTHING)
            elif form.cleaned_data["clear"]:
                messages.success(request, CLEARED)
            else:
                messages.success(request, SAVED)
            return redirect("reports:pictures", year=year)
    context = {
        "plan": plan,
        "picture": picture,
        "image": getattr(picture, field),
        "form": form,
        "what": what,
    }
    return render(request, "reports/pictures/picture_form.html", context)


@require_http_methods(["GET", "POST"])
def photo_picture(request, year: int, pk: int):
    photo = get_object_or_404(
        ProjectPhoto.objects.select_related("project__plan__fiscal_year"),
        pk=pk,
        project__plan__in=[_narrative_plan(request, year)],
    )
    return _edit(request, year, photo, what=f"ภาพกิจกรรมของ{photo.project}")


@require_http_methods(["GET", "POST"])
def figure_picture(request, year: int, pk: int):
    figure = get_object_or_404(
        HighlightFigure.objects.select_related("highlight__plan"),
        pk=pk,
        highlight__plan__in=[_narrative_plan(request, year)],
    )
    return _edit(request, year, figure, what=f"แผนภาพของผลงาน “{figure.highlight}”")


@require_http_methods(["GET", "POST"])
def photo_add(request, year: int, pk: int):
    plan = _narrative_plan(request, year)
    project = get_object_or_404(Project.objects.filter(plan=plan), pk=pk)
    form = PhotoAddForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            pictures.project_photo_add(project=project, user=request.user, **form.cleaned_data)
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(request, SAVED)
            return redirect("reports:pictures", year=year)
    context = {"plan": plan, "project": project, "form": form}
    return render(request, "reports/pictures/photo_add.html", context)


@require_http_methods(["GET", "POST"])
def office_picture(request, year: int, field: str):
    """The office's emblem or location map (pictures.OFFICE_PICTURES)."""
    if field not in pictures.OFFICE_PICTURES:
        raise Http404("ไม่พบภาพนี้")
    plan = _narrative_plan(request, year)
    return _edit(request, year, plan.office, what=pictures.OFFICE_PICTURES[field], field=field)
