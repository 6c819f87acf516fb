"""Writes to the office's people by its administrator (Right.MANAGE_PEOPLE): accounts made
or attached with a role in the office, roles and groups changed, memberships removed,
password-reset links sent. Each service checks the right again (`require`), never touches
the user's own membership (`plans.access.own_membership`, the admin's rule too), and only
the office's membership of an account that also belongs to another office: such an account,
and a superuser's, keeps its name, e-mail and state as they are (`account_editable`).
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.forms import PasswordResetForm
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from plans import audit
from plans.access import Right, own_membership, require
from plans.models import Membership, Office, WorkGroup

OWN_MEMBERSHIP = "ท่านเปลี่ยนหรือลบสิทธิ์ของตนเองไม่ได้ ผู้ดูแลระบบคนอื่นของสำนักงานเป็นผู้ดำเนินการ"
ACCOUNT_NOT_EDITABLE = "บัญชีนี้ใช้ในสำนักงานอื่นด้วยหรือเป็นบัญชีผู้ดูแลระบบกลาง แก้ไขได้เฉพาะบทบาทในสำนักงานนี้"
USERNAME_TAKEN = 'ชื่อผู้ใช้นี้มีผู้ใช้แล้ว หากเป็นบัญชีของบุคลากรที่มีอยู่แล้ว ให้ใช้ "เพิ่มบัญชีที่มีอยู่แล้ว"'
ALREADY_MEMBER = "ผู้ใช้นี้เป็นบุคลากรของสำนักงานนี้อยู่แล้ว"
NO_EMAIL = "บัญชีนี้ยังไม่มีอีเมล จึงส่งลิงก์ตั้งรหัสผ่านไม่ได้"
INACTIVE = "บัญชีนี้ถูกระงับการใช้งาน จึงส่งลิงก์ตั้งรหัสผ่านไม่ได้"


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
    password: str,
    role: str,
    work_group: WorkGroup | None = None,
    position: str = "",
) -> Membership:
    """A new account (the form has checked the password against the validators) with a
    role in `office`."""
    require(user, office, Right.MANAGE_PEOPLE)
    if get_user_model().objects.filter(username__iexact=username).exists():
        raise ValidationError({"username": USERNAME_TAKEN})
    account = get_user_model()(
        username=username, first_name=first_name, last_name=last_name, email=email
    )
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


def member_password_reset(*, membership: Membership, user, request) -> None:
    """E-mails the member a link to set a new password (the administrator never learns it).
    Writes nothing: the new password is the member's own act."""
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
    form.save(
        request=request,
        use_https=request.is_secure(),
        subject_template_name="registration/password_reset_subject.txt",
        email_template_name="registration/password_reset_email.txt",
    )
