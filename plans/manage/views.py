"""The planning group's pages (Right.MANAGE_PLAN): the plan's frame, the year's report
texts and committees. Check access, parse the form, call one service, render or redirect."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from plans.access import (
    NOT_ALLOWED,
    Right,
    current_office,
    managed_plan,
    office_plans,
    plan_choice,
    rights_for,
)
from plans.forms import show_errors
from plans.manage import forms, selectors, services
from plans.manage.texts import figures, text_slots
from plans.models import (
    Committee,
    CommitteeSection,
    Plan,
    PlanStatement,
    PolicyArea,
    Strategy,
)
from plans.services import ALREADY_SUBMITTED, AlreadySubmitted, submit_once
from plans.thai import to_thai_digits

SAVED = "บันทึกแล้ว"


def _post(request):
    return request.POST if request.method == "POST" else None


def start(request):
    """The menu's entry: the year every page opens at (plans.access.plan_choice), else the
    office's newest plan; a Thai empty state when the office has none."""
    office = current_office(request)
    if office is None or Right.MANAGE_PLAN not in rights_for(request.user, office):
        raise PermissionDenied(NOT_ALLOWED)
    plan = plan_choice(request)[0] or office_plans(request).order_by("-fiscal_year__year").first()
    if plan is None:
        return render(request, "plans/manage/no_plan.html", {"office": office})
    return redirect("plan_manage:home", year=plan.fiscal_year.year)


@require_http_methods(["GET", "POST"])
def plan_create(request):
    """A new, empty plan of the current office for a fiscal year (the office's first, or a
    year not copied from the one before)."""
    office = current_office(request)
    if office is None or Right.MANAGE_PLAN not in rights_for(request.user, office):
        raise PermissionDenied(NOT_ALLOWED)
    form = forms.PlanCreateForm(_post(request), user=request.user)
    if request.method == "POST" and form.is_valid():
        year = form.cleaned_data["year"]
        try:
            submit_once(
                key=form.submission_key,
                user=request.user,
                write=lambda: services.plan_create(office=office, year=year, user=request.user),
            )
        except AlreadySubmitted:
            messages.info(request, ALREADY_SUBMITTED)
            return redirect("plan_manage:home", year=year)
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(request, f"สร้างแผนปฏิบัติการปีงบประมาณ พ.ศ. {to_thai_digits(year)} แล้ว")
            return redirect("plan_manage:home", year=year)
    return render(request, "plans/manage/plan_create.html", {"form": form, "office": office})


def menu(request) -> dict:
    """Context processor: the main menu's "จัดการแผน" for the planning group of the office
    the page is about."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    try:
        office = current_office(request)
    except Http404:
        return {}
    return {"manages_plan": office is not None and Right.MANAGE_PLAN in rights_for(user, office)}


def plan_home(request, year: int):
    plan = managed_plan(request, year)
    context = {
        "plan": plan,
        "section": "frame",
        "lists": selectors.frame_lists(plan),
    }
    return render(request, "plans/manage/plan_home.html", context)


@require_http_methods(["GET", "POST"])
def vision_edit(request, year: int):
    plan = managed_plan(request, year)
    initial = {"vision": plan.vision, "values_name": plan.values_name}
    form = forms.VisionForm(_post(request), initial=initial)
    if form.is_valid():
        services.plan_vision_save(plan=plan, user=request.user, **form.cleaned_data)
        messages.success(request, SAVED)
        return redirect("plan_manage:home", year=year)
    context = {"plan": plan, "section": "frame", "form": form}
    return render(request, "plans/manage/vision_form.html", context)


def _list_page(request, plan: Plan, *, rows, new, form_class, fields, title, back, **extra):
    """A page that edits one numbered list (plans.manage.services.numbered_list_save): its
    rows in order, blank rows to add, "ลำดับ" to reorder and "ลบรายการนี้" to remove; rows
    to remove are listed for confirmation before anything is saved."""
    number_field = extra.pop("number_field", "number")
    stored = list(rows.order_by(number_field))
    formset_class = forms.list_formset(form_class)
    initial = [
        {"row": obj.pk, "ORDER": to_thai_digits(i), **{f: getattr(obj, f) for f in fields}}
        for i, obj in enumerate(stored, start=1)
    ]
    formset = formset_class(_post(request), initial=initial, prefix="rows")
    confirm = None
    if request.method == "POST" and formset.is_valid():
        posted = formset.rows()
        removing = [row.pk for row in posted if row.remove]
        if removing and "confirm" not in request.POST:
            confirm = [obj for obj in stored if obj.pk in removing]
        else:
            try:
                services.numbered_list_save(
                    plan=plan,
                    user=request.user,
                    rows=rows,
                    new=new,
                    posted=posted,
                    number_field=number_field,
                )
            except ValidationError as error:
                formset._non_form_errors = formset.error_class(error.messages)
            else:
                messages.success(request, SAVED)
                return redirect(request.get_full_path())
    context = {
        "plan": plan,
        "section": extra.pop("section", "frame"),
        "formset": formset,
        "confirm": confirm,
        "title": title,
        "back": back,
        **extra,
    }
    return render(request, "plans/manage/list_form.html", context)


@require_http_methods(["GET", "POST"])
def statements_edit(request, year: int, kind: str):
    plan = managed_plan(request, year)
    if kind not in PlanStatement.Kind.values:
        raise Http404
    return _list_page(
        request,
        plan,
        rows=plan.statements.filter(kind=kind),
        new={"plan": plan, "kind": kind},
        form_class=forms.StatementRowForm,
        fields=["title", "text"],
        title=PlanStatement.Kind(kind).label,
        back=reverse("plan_manage:home", args=[year]),
    )


@require_http_methods(["GET", "POST"])
def policies_edit(request, year: int, area: int):
    plan = managed_plan(request, year)
    area_obj = get_object_or_404(PolicyArea, number=area)
    return _list_page(
        request,
        plan,
        rows=plan.policy_items.filter(area=area_obj),
        new={"plan": plan, "area": area_obj},
        form_class=forms.PolicyRowForm,
        fields=["text"],
        title=f"นโยบาย{area_obj.name}",
        back=reverse("plan_manage:home", args=[year]),
    )


@require_http_methods(["GET", "POST"])
def strategies_edit(request, year: int):
    plan = managed_plan(request, year)
    return _list_page(
        request,
        plan,
        rows=plan.strategies.all(),
        new={"plan": plan},
        form_class=forms.StrategyRowForm,
        fields=["name"],
        title="กลยุทธ์",
        back=reverse("plan_manage:home", args=[year]),
    )


STRATEGY_PARTS = {
    # part: (related name, row form, fields, Thai name)
    "goals": ("goals", forms.StrategyGoalRowForm, ["text"], "เป้าประสงค์เชิงกลยุทธ์"),
    "indicators": (
        "indicators",
        forms.StrategyIndicatorRowForm,
        ["text", "target_qualifier", "target_value", "target_unit", "target_per"],
        "ตัวชี้วัด",
    ),
    "guidelines": (
        "guidelines",
        forms.StrategyGuidelineRowForm,
        ["heading", "text"],
        "แนวทางการพัฒนา",
    ),
}


@require_http_methods(["GET", "POST"])
def strategy_part_edit(request, year: int, number: int, part: str):
    plan = managed_plan(request, year)
    strategy = get_object_or_404(Strategy, plan=plan, number=number)
    if part not in STRATEGY_PARTS:
        raise Http404
    related, form_class, fields, name = STRATEGY_PARTS[part]
    return _list_page(
        request,
        plan,
        rows=getattr(strategy, related).all(),
        new={"strategy": strategy},
        form_class=form_class,
        fields=fields,
        title=f"{name} ของ{strategy}",
        back=reverse("plan_manage:home", args=[year]),
    )


def text_list(request, year: int):
    plan = managed_plan(request, year)
    context = {"plan": plan, "section": "texts", "rows": selectors.text_rows(plan)}
    return render(request, "plans/manage/text_list.html", context)


@require_http_methods(["GET", "POST"])
def text_edit(request, year: int, key: str):
    plan = managed_plan(request, year)
    slot = next((s for s in text_slots(year) if s.key == key), None)
    text = plan.texts.filter(key=key).first()
    if slot is None and text is None:
        raise Http404
    initial = {"title": text.title, "body": text.body, "signed_by": text.signed_by} if text else {}
    form = forms.ReportTextForm(_post(request), initial=initial)
    if form.is_valid():
        try:
            services.report_text_save(
                plan=plan, user=request.user, key=key, known=slot is not None, **form.cleaned_data
            )
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(request, SAVED)
            return redirect("plan_manage:texts", year=year)
    context = {"plan": plan, "section": "texts", "slot": slot, "text": text, "form": form}
    context.update(key=key, figures=figures())
    return render(request, "plans/manage/text_form.html", context)


def committee_list(request, year: int):
    plan = managed_plan(request, year)
    context = {"plan": plan, "section": "committees", "committees": selectors.committees(plan)}
    return render(request, "plans/manage/committee_list.html", context)


def _kind_or_404(kind: str) -> Committee.Kind:
    if kind not in Committee.Kind.values:
        raise Http404
    return Committee.Kind(kind)


@require_http_methods(["GET", "POST"])
def committee_edit(request, year: int, kind: str):
    plan = managed_plan(request, year)
    kind = _kind_or_404(kind)
    committee = plan.committees.filter(kind=kind).first()
    fields = forms.CommitteeForm.base_fields
    initial = {name: getattr(committee, name) for name in fields} if committee else {}
    form = forms.CommitteeForm(_post(request), initial=initial)
    if form.is_valid():
        services.committee_save(plan=plan, user=request.user, kind=kind, **form.cleaned_data)
        messages.success(request, SAVED)
        return redirect("plan_manage:committee_sections", year=year, kind=kind)
    context = {"plan": plan, "section": "committees", "kind": kind, "form": form}
    context["committee"] = committee
    return render(request, "plans/manage/committee_form.html", context)


@require_http_methods(["GET", "POST"])
def committee_sections(request, year: int, kind: str):
    plan = managed_plan(request, year)
    kind = _kind_or_404(kind)
    committee = plan.committees.filter(kind=kind).first()
    if committee is None:
        return redirect("plan_manage:committee_edit", year=year, kind=kind)
    return _list_page(
        request,
        plan,
        rows=committee.sections.all(),
        new={"committee": committee},
        form_class=forms.SectionRowForm,
        fields=["title", "duty"],
        number_field="order",
        title=f"กลุ่มใน{kind.label}",
        back=reverse("plan_manage:committees", args=[year]),
        section="committees",
        committee=committee,
        sections=list(committee.sections.order_by("order")),
    )


@require_http_methods(["GET", "POST"])
def committee_members(request, year: int, kind: str, section: int):
    plan = managed_plan(request, year)
    kind = _kind_or_404(kind)
    group = get_object_or_404(
        CommitteeSection.objects.select_related("committee"),
        committee__plan=plan,
        committee__kind=kind,
        pk=section,
    )
    return _list_page(
        request,
        plan,
        rows=group.members.all(),
        new={"section": group},
        form_class=forms.MemberRowForm,
        fields=["name", "position", "role"],
        number_field="order",
        title=f"รายชื่อ {group.title} ({kind.label})",
        back=reverse("plan_manage:committee_sections", args=[year, kind]),
        section="committees",
    )
