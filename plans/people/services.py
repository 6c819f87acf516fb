"""Writes to the office's people by its administrator (Right.MANAGE_PEOPLE): accounts made
or attached with a role in the office, roles and groups changed, memberships removed,
password-reset links sent. Each service checks the right again (`require`), never touches
the user's own membership (`plans.access.own_membership`, the admin's rule too), and only
the office's membership of an account that also belongs to another office: such an account,
and a superuser's, keeps its name, e-mail and state as they are (`account_editable`).
"""

from __future__ import annotations

from axes.models import AccessAttempt
from axes.utils import reset as axes_reset
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import PasswordResetForm
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone

from plans import audit
from plans.access import Right, own_membership, require
from plans.models import Membership, NoticeKind, Office, WorkGroup
from plans.notices.services import notify
from plans.templatetags.thai import person

OWN_MEMBERSHIP = "ท่านเปลี่ยนหรือลบสิทธิ์ของตนเองไม่ได้ ผู้ดูแลระบบคนอื่นของสำนักงานเป็นผู้ดำเนินการ"
ACCOUNT_NOT_EDITABLE = "บัญชีนี้ใช้ในสำนักงานอื่นด้วยหรือเป็นบัญชีผู้ดูแลระบบกลาง แก้ไขได้เฉพาะบทบาทในสำนักงานนี้"
USERNAME_TAKEN = 'ชื่อผู้ใช้นี้มีผู้ใช้แล้ว หากเป็นบัญชีของบุคลากรที่มีอยู่แล้ว ให้ใช้ "เพิ่มบัญชีที่มีอยู่แล้ว"'
ALREADY_MEMBER = "ผู้ใช้นี้เป็นบุคลากรของสำนักงานนี้อยู่แล้ว"
NO_EMAIL = "บัญชีนี้ยังไม่มีอีเมล จึงส่งลิงก์ตั้งรหัสผ่านไม่ได้"
INACTIVE = "บัญชีนี้ถูกระงับการใช้งาน จึงส่งลิงก์ตั้งรหัสผ่านไม่ได้"
MAIL_FAILED = "ส่งอีเมลไม่สำเร็จ (เครื่องส่งอีเมลของระบบไม่ตอบรับ) กรุณาลองอีกครั้งภายหลังหรือแจ้งผู้ดูแลเครื่องแม่ข่าย"
UNLOCKED_NOTE = "ปลดล็อกการเข้าสู่ระบบ (ใส่รหัสผ่านผิดเกินกำหนด)"


def account_editable(*, account, office: Office) -> bool:
    """Whether the office's administrator may change the account itself (name, e-mail,
    whether it may sign in, its password by a link): an account of this office alone, and
    not a superuser's. Otherwise only its membership in this office is theirs."""
    if account.is_superuser:
        return False
    return not Membership.objects.filter(user=account).exclude(office=office).exists()


def _refuse_own(user, membership: Membership) -> None:
    if own_membership(user, membership):
        raise PermissionDenied(OWN_MEMBERSHIP)


def _save_membership(membership: Membership) -> Membership:
    membership.full_clean()
    membership.save()
    return membership


@audit.authored
@transaction.atomic
def member_create(
    *,
    office: Office,
    user,
    username: str,
    first_name: str,
    last_name: str,
    email: str,
    password: str | None,
    role: str,
    work_group: WorkGroup | None = None,
    position: str = "",
) -> Membership:
    """A new account with a role in `office`: with the `password` the form has checked
    against the validators, or with none (None: the member sets their own through the
    invitation link, `member_invite`)."""
    require(user, office, Right.MANAGE_PEOPLE)
    if get_user_model().objects.filter(username__iexact=username).exists():
        raise ValidationError({"username": USERNAME_TAKEN})
    account = get_user_model()(
        username=username, first_name=first_name, last_name=last_name, email=email
    )
    if password is None:
        account.set_unusable_password()
    else:
        account.set_password(password)
    account.full_clean()
    account.save()
    membership = Membership(
        user=account, office=office, role=role, work_group=work_group, position=position
    )
    return _save_membership(membership)


@audit.authored
@transaction.atomic
def member_attach(
    *,
    office: Office,
    user,
    account,
    role: str,
    work_group: WorkGroup | None = None,
    position: str = "",
) -> Membership:
    """An existing account (of another office, or of none yet) given a role in `office`;
    the account itself is left as it is."""
    require(user, office, Right.MANAGE_PEOPLE)
    if Membership.objects.filter(user=account, office=office).exists():
        raise ValidationError({"account": ALREADY_MEMBER})
    membership = Membership(
        user=account, office=office, role=role, work_group=work_group, position=position
    )
    if own_membership(user, membership):
        raise PermissionDenied(OWN_MEMBERSHIP)
    return _save_membership(membership)


ACCOUNT_FIELDS = ("first_name", "last_name", "email", "is_active")


@audit.authored
@transaction.atomic
def member_update(
    *,
    membership: Membership,
    user,
    role: str,
    work_group: WorkGroup | None,
    position: str,
    account: dict | None = None,
) -> Membership:
    """A member's role, group and position in the office; with `account` (some of
    ACCOUNT_FIELDS) also their account, when `account_editable`."""
    require(user, membership.office_id, Right.MANAGE_PEOPLE)
    _refuse_own(user, membership)
    membership = Membership.objects.select_for_update().get(pk=membership.pk)
    membership.role, membership.work_group, membership.position = role, work_group, position
    _save_membership(membership)
    if account:
        person = membership.user
        if not account_editable(account=person, office=membership.office):
            raise PermissionDenied(ACCOUNT_NOT_EDITABLE)
        unknown = set(account) - set(ACCOUNT_FIELDS)
        if unknown:
            raise ValueError(f"not account fields: {sorted(unknown)}")
        changed = [name for name, value in account.items() if getattr(person, name) != value]
        if changed:
            for name in changed:
                setattr(person, name, account[name])
            person.full_clean()
            person.save(update_fields=changed)
    return membership


@audit.authored
@transaction.atomic
def member_remove(*, membership: Membership, user) -> None:
    """Removes the member from the office (their account stays: it may belong to another
    office, and what they wrote keeps their name)."""
    require(user, membership.office_id, Right.MANAGE_PEOPLE)
    _refuse_own(user, membership)
    membership.delete()


class _OneAccountResetForm(PasswordResetForm):
    """Django's reset e-mail (the same templates and token as "ลืมรหัสผ่าน" on the sign-in
    page), for one chosen account rather than every account with an e-mail address."""

    def __init__(self, account):
        super().__init__({"email": account.email})
        self.account = account

    def get_users(self, email):
        yield self.account

    def send_mail(self, subject_template_name, email_template_name, context, *args, **kwargs):
        """Django's, except that a failure to send is the administrator's to know (Django's
        form logs it and says nothing, for the anonymous "ลืมรหัสผ่าน" page)."""
        subject = "".join(render_to_string(subject_template_name, context).splitlines())
        body = render_to_string(email_template_name, context)
        EmailMessage(subject, body, to=[context["email"]]).send()


def _send_link(membership: Membership, user, request, *, template: str) -> None:
    """E-mails the member a one-time link to set their password (Django's reset token:
    the administrator never learns the password). Writes nothing."""
    require(user, membership.office_id, Right.MANAGE_PEOPLE)
    _refuse_own(user, membership)
    account = membership.user
    if not account_editable(account=account, office=membership.office):
        raise PermissionDenied(ACCOUNT_NOT_EDITABLE)
    if not account.is_active:
        raise ValidationError(INACTIVE)
    if not account.email:
        raise ValidationError(NO_EMAIL)
    form = _OneAccountResetForm(account)
    form.is_valid()
    try:
        form.save(
            request=request,
            use_https=request.is_secure(),
            subject_template_name=f"registration/{template}_subject.txt",
            email_template_name=f"registration/{template}_email.txt",
            extra_email_context={"office": membership.office},
        )
    except OSError as error:  # smtplib's errors are OSErrors: the server is down or refuses
        raise ValidationError(MAIL_FAILED) from error


def member_password_reset(*, membership: Membership, user, request) -> None:
    """E-mails the member a link to set a new password; the old one works until they do.
    Once sent, the member's notices record it (plans/notices/: in the portal only, as the
    e-mail is the link itself)."""
    _send_link(membership, user, request, template="password_reset")
    notify(
        recipients=[membership.user],
        office_id=membership.office_id,
        kind=NoticeKind.PASSWORD_RESET,
        text=(
            f"{person(user)} ผู้ดูแลระบบของ{membership.office.name} ส่งลิงก์ตั้งรหัสผ่านใหม่"
            f"ไปที่อีเมล {membership.user.email} ของท่าน ลิงก์ใช้ได้ครั้งเดียว "
            "รหัสผ่านเดิมยังใช้ได้จนกว่าท่านจะตั้งรหัสผ่านใหม่"
        ),
    )


def member_invite(*, membership: Membership, user, request) -> None:
    """E-mails a new member (an account made without a password) the link to set theirs."""
    _send_link(membership, user, request, template="invite")


def locked_out(usernames) -> set[str]:
    """Which of `usernames` cannot sign in now: too many failed sign-ins within the
    cool-off time (django-axes' rule and settings, config/security.py)."""
    limit, cool_off = settings.AXES_FAILURE_LIMIT, settings.AXES_COOLOFF_TIME
    attempts = AccessAttempt.objects.filter(
        username__in=list(usernames), failures_since_start__gte=limit
    )
    if cool_off:
        attempts = attempts.filter(attempt_time__gte=timezone.now() - cool_off)
    return set(attempts.values_list("username", flat=True))


@transaction.atomic
def member_unlock(*, membership: Membership, user) -> int:
    """Lets a member locked out by failed sign-ins try again now (their password is
    unchanged); the unlocking is written to the membership's history. Returns the number of
    lock records cleared."""
    require(user, membership.office_id, Right.MANAGE_PEOPLE)
    _refuse_own(user, membership)
    account = membership.user
    cleared = axes_reset(username=account.get_username())
    if cleared:
        audit.record(membership, user=user, note=UNLOCKED_NOTE)
    return cleared


OFFICE_FIELDS = ("name", "short_name", "address", "phone", "fax", "website", "email")


@audit.authored
@transaction.atomic
def office_update(*, office: Office, user, **values) -> bool:
    """The office's name and contacts (OFFICE_FIELDS), by its administrator. Returns whether
    anything changed."""
    require(user, office.pk, Right.MANAGE_PEOPLE)
    unknown = set(values) - set(OFFICE_FIELDS)
    if unknown:
        raise ValueError(f"not office fields: {sorted(unknown)}")
    office = Office.objects.select_for_update().get(pk=office.pk)
    changed = [name for name, value in values.items() if getattr(office, name) != value]
    if not changed:
        return False
    for name in changed:
        setattr(office, name, values[name])
    office.full_clean()
    office.save(update_fields=changed)
    return True
