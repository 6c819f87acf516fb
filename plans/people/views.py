"""The people of the office, managed by its administrator (Right.MANAGE_PEOPLE) in the
portal: list, add (a new account or an existing one), change a role, remove, send a
password-reset link. Another office's member is a 404, a role without the right gets a
403, and one's own membership is never changed here (plans.access.own_membership)."""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from plans.access import NOT_ALLOWED, Right, current_office, own_membership, rights_for
from plans.excel import xlsx_response
from plans.forms import show_errors
from plans.models import Membership, Office
from plans.people import exports, forms, selectors, services
from plans.services import ALREADY_SUBMITTED, AlreadySubmitted, submit_once
from plans.templatetags.thai import person

PAGE_SIZE = 25


def _office(request) -> Office:
    """The current office, when the user manages its people (else 404 or 403)."""
    office = current_office(request)
    if office is None:
        raise Http404("ไม่พบสำนักงาน")
    if Right.MANAGE_PEOPLE not in rights_for(request.user, office):
        raise PermissionDenied(NOT_ALLOWED)
    return office


def _membership(request, pk: int) -> Membership:
    """A membership of an office the user belongs to (another office's is a 404), when the
    user manages that office's people (else 403); never their own (403)."""
    visible = Membership.objects.filter(office__in=Office.objects.visible_to(request.user))
    membership = get_object_or_404(visible.select_related("user", "office", "work_group"), pk=pk)
    if Right.MANAGE_PEOPLE not in rights_for(request.user, membership.office):
        raise PermissionDenied(NOT_ALLOWED)
    if own_membership(request.user, membership):
        raise PermissionDenied(services.OWN_MEMBERSHIP)
    return membership


def _search(request) -> str:
    return request.GET.get("q", "").strip()[:100]


def member_list(request):
    office = _office(request)
    search = _search(request)
    members = selectors.member_list_for_office(office, search=search)
    page = Paginator(members, PAGE_SIZE).get_page(request.GET.get("page"))
    locked = services.locked_out(m.user.get_username() for m in page.object_list)
    for membership in page.object_list:
        membership.own = own_membership(request.user, membership)
        membership.locked = membership.user.get_username() in locked
    query = urlencode({"office": office.code, **({"q": search} if search else {})})
    context = {
        "office": office,
        "page": page,
        "search": search,
        "export_url": f"{reverse('people:member_list_export')}?{query}",
    }
    return render(request, "plans/people/member_list.html", context)


def member_list_export(request):
    """The office's people as searched, every page of them."""
    office = _office(request)
    search = _search(request)
    members = list(selectors.member_list_for_office(office, search=search))
    return xlsx_response(exports.members_export(office, members, search=search))


def _add(request, form_class, service, *, title: str, template: str, done: str, after=None):
    office = _office(request)
    data = request.POST if request.method == "POST" else None
    form = form_class(data, office=office, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            membership = submit_once(
                key=form.submission_key,
                user=request.user,
                write=lambda: service(office=office, user=request.user, **form.cleaned_data),
            )
        except AlreadySubmitted:
            messages.info(request, ALREADY_SUBMITTED)
            return redirect("people:member_list")
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(request, done.format(person=person(membership.user)))
            if after:
                after(request, membership)
            return redirect("people:member_list")
    return render(request, template, {"office": office, "form": form, "title": title})


def _invite(request, membership: Membership) -> None:
    """A new account made without a password: its member is e-mailed the link to set it."""
    if membership.user.has_usable_password():
        return
    try:
        services.member_invite(membership=membership, user=request.user, request=request)
    except ValidationError as error:
        messages.warning(request, f"ยังไม่ได้ส่งลิงก์ตั้งรหัสผ่าน: {' '.join(error.messages)}")
    else:
        messages.info(request, f"ส่งลิงก์ตั้งรหัสผ่านไปที่ {membership.user.email} แล้ว")


@require_http_methods(["GET", "POST"])
def member_add(request):
    return _add(
        request,
        forms.MemberCreateForm,
        services.member_create,
        title="สร้างบัญชีผู้ใช้ใหม่",
        template="plans/people/member_add.html",
        done="สร้างบัญชีและเพิ่ม {person} เป็นบุคลากรของสำนักงานแล้ว",
        after=_invite,
    )


@require_http_methods(["GET", "POST"])
def member_attach(request):
    return _add(
        request,
        forms.MemberAttachForm,
        services.member_attach,
        title="เพิ่มบัญชีที่มีอยู่แล้ว",
        template="plans/people/member_add.html",
        done="เพิ่ม {person} เป็นบุคลากรของสำนักงานแล้ว",
    )


@require_http_methods(["GET", "POST"])
def member_edit(request, pk: int):
    membership = _membership(request, pk)
    editable = services.account_editable(account=membership.user, office=membership.office)
    data = request.POST if request.method == "POST" else None
    form = forms.MemberEditForm(data, membership=membership, with_account=editable)
    if request.method == "POST" and form.is_valid():
        try:
            services.member_update(
                membership=membership, user=request.user, **form.service_arguments()
            )
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(request, f"บันทึกข้อมูลของ {person(membership.user)} แล้ว")
            return redirect("people:member_list")
    context = {"office": membership.office, "membership": membership, "form": form}
    context["account_editable"] = editable
    return render(request, "plans/people/member_edit.html", context)


@require_http_methods(["GET", "POST"])
def member_remove(request, pk: int):
    """Asks first; removes the membership on POST (the account stays)."""
    membership = _membership(request, pk)
    if request.method == "POST":
        services.member_remove(membership=membership, user=request.user)
        messages.success(request, f"นำ {person(membership.user)} ออกจากบุคลากรของสำนักงานแล้ว")
        return redirect("people:member_list")
    context = {"office": membership.office, "membership": membership}
    return render(request, "plans/people/member_remove.html", context)


@require_http_methods(["GET", "POST"])
def member_password(request, pk: int):
    """Asks first; e-mails the member a link to set a new password on POST."""
    membership = _membership(request, pk)
    refusal = None
    if not services.account_editable(account=membership.user, office=membership.office):
        refusal = services.ACCOUNT_NOT_EDITABLE
    elif request.method == "POST":
        try:
            services.member_password_reset(
                membership=membership, user=request.user, request=request
            )
        except ValidationError as error:
            refusal = " ".join(error.messages)
        else:
            messages.success(request, f"ส่งลิงก์ตั้งรหัสผ่านใหม่ไปที่ {membership.user.email} แล้ว")
            return redirect("people:member_list")
    context = {"office": membership.office, "membership": membership, "refusal": refusal}
    return render(request, "plans/people/member_password.html", context)


@require_http_methods(["GET", "POST"])
def member_unlock(request, pk: int):
    """Asks first (showing whether the member is locked out); clears a sign-in lockout on
    POST. Their password is unchanged."""
    membership = _membership(request, pk)
    if request.method == "POST":
        if services.member_unlock(membership=membership, user=request.user):
            messages.success(request, f"ปลดล็อกแล้ว {person(membership.user)} เข้าสู่ระบบได้อีกครั้ง")
        else:
            messages.info(request, f"{person(membership.user)} ไม่ได้ถูกล็อกการเข้าสู่ระบบ")
        return redirect(f"{reverse('people:member_list')}?office={membership.office.code}")
    locked = membership.user.get_username() in services.locked_out([membership.user.username])
    context = {"office": membership.office, "membership": membership, "locked": locked}
    return render(request, "plans/people/member_unlock.html", context)


@require_http_methods(["GET", "POST"])
def office_edit(request):
    """The office's name and contacts, which the report's cover and back cover print."""
    office = _office(request)
    initial = {name: getattr(office, name) for name in services.OFFICE_FIELDS}
    form = forms.OfficeForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            changed = services.office_update(office=office, user=request.user, **form.cleaned_data)
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(request, "บันทึกข้อมูลสำนักงานแล้ว" if changed else "ไม่มีการเปลี่ยนแปลง")
            return redirect(f"{reverse('people:office_edit')}?office={office.code}")
    context = {"office": office, "form": form, "section": "office"}
    return render(request, "plans/people/office_edit.html", context)
