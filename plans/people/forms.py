"""The people pages' forms: they validate and normalise; plans/people/services.py writes."""

from __future__ import annotations

from django import forms
from django.contrib.auth import get_user_model, password_validation
from django.contrib.auth.validators import UnicodeUsernameValidator
from django.core.exceptions import ValidationError

from plans.forms import OnceForm
from plans.models import Membership, Office, Role

NOT_FOUND = "ไม่พบบัญชีผู้ใช้นี้ กรุณาตรวจสอบชื่อผู้ใช้หรืออีเมล"
MANY_BY_EMAIL = "มีหลายบัญชีที่ใช้อีเมลนี้ กรุณาระบุชื่อผู้ใช้แทน"
PASSWORDS_DIFFER = "รหัสผ่านทั้งสองช่องไม่ตรงกัน"
GROUP_NEEDED = "บทบาทนี้ต้องระบุกลุ่มงาน"
TYPED_WITH_INVITE = 'ท่านกรอกรหัสผ่านไว้แต่เลือก "ส่งลิงก์" กรุณาเลือก "กำหนดรหัสผ่านเริ่มต้นเอง" หรือลบรหัสผ่านที่กรอก'
PASSWORD_NEEDED = "กรุณากรอกรหัสผ่านเริ่มต้นทั้งสองช่อง หรือเลือกส่งลิงก์ให้ผู้ใช้ตั้งรหัสผ่านเอง"  # noqa: S105


class MemberFields(forms.Form):
    """A member's role in the office: role, work group (the office's own) and position."""

    role = forms.ChoiceField(label="บทบาท", choices=[("", "— เลือกบทบาท —"), *Role.choices])
    work_group = forms.ModelChoiceField(
        label="กลุ่มงาน",
        queryset=None,
        required=False,
        empty_label="— ไม่ระบุ —",
        help_text="จำเป็นสำหรับเจ้าหน้าที่ผู้รับผิดชอบโครงการและผู้อำนวยการกลุ่ม",
    )
    position = forms.CharField(label="ตำแหน่ง", max_length=200, required=False)

    def __init__(self, *args, office: Office, **kwargs):
        super().__init__(*args, **kwargs)
        self.office = office
        self.fields["work_group"].queryset = office.work_groups.order_by("order", "name")

    def clean(self):
        data = super().clean()
        if data.get("role") in Membership.GROUP_ROLES and not data.get("work_group"):
            self.add_error("work_group", GROUP_NEEDED)
        return data


class MemberCreateForm(OnceForm, MemberFields):
    """A new account with its role in the office."""

    field_order = [
        "username",
        "first_name",
        "last_name",
        "email",
        "how",
        "password1",
        "password2",
        "role",
        "work_group",
        "position",
    ]
    INVITE, PASSWORD = "invite", "password"
    how = forms.ChoiceField(
        label="รหัสผ่าน",
        choices=[
            (INVITE, "ส่งลิงก์ทางอีเมลให้ผู้ใช้ตั้งรหัสผ่านเอง (แนะนำ)"),
            (PASSWORD, "กำหนดรหัสผ่านเริ่มต้นเอง แล้วแจ้งผู้ใช้"),
        ],
        initial=INVITE,
        widget=forms.RadioSelect,
        help_text="ส่งลิงก์: ผู้ดูแลระบบไม่ทราบรหัสผ่านของผู้ใช้ ลิงก์ใช้ได้ครั้งเดียว",
    )
    username = forms.CharField(
        label="ชื่อผู้ใช้",
        max_length=150,
        validators=[UnicodeUsernameValidator()],
        help_text="ใช้เข้าสู่ระบบ: ตัวอักษร ตัวเลข และ @ . + - _ ไม่เกิน ๑๕๐ ตัว",
    )
    first_name = forms.CharField(label="ชื่อ", max_length=150)
    last_name = forms.CharField(label="นามสกุล", max_length=150)
    email = forms.EmailField(label="อีเมล", help_text="ใช้รับลิงก์ตั้งรหัสผ่านใหม่เมื่อลืมรหัสผ่าน")
    password1 = forms.CharField(
        label="รหัสผ่านเริ่มต้น",
        required=False,
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text="อย่างน้อย ๘ ตัว ไม่ใช่ตัวเลขล้วน ไม่คล้ายชื่อผู้ใช้ และไม่ใช่รหัสผ่านที่ใช้กันทั่วไป",
    )
    password2 = forms.CharField(
        label="ยืนยันรหัสผ่าน",
        required=False,
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def clean(self):
        data = super().clean()
        first, second = data.get("password1"), data.get("password2")
        if data.pop("how", None) != self.PASSWORD:  # an invitation: no password of the admin's
            if first or second:  # never drop what was typed without saying so
                self.add_error("how", TYPED_WITH_INVITE)
            data["password"] = None
            data.pop("password1", None)
            data.pop("password2", None)
            return data
        if not first:
            self.add_error("password1", PASSWORD_NEEDED)
        elif not second:
            self.add_error("password2", PASSWORD_NEEDED)
        elif first != second:
            self.add_error("password2", PASSWORDS_DIFFER)
        elif first:
            candidate = get_user_model()(
                username=data.get("username", ""),
                first_name=data.get("first_name", ""),
                last_name=data.get("last_name", ""),
                email=data.get("email", ""),
            )
            try:
                password_validation.validate_password(first, candidate)
            except ValidationError as error:
                self.add_error("password1", error)
        data["password"] = data.pop("password1", None)
        data.pop("password2", None)
        return data


class MemberAttachForm(OnceForm, MemberFields):
    """An existing account, found by its username or e-mail, given a role in the office."""

    field_order = ["account", "role", "work_group", "position"]
    account = forms.CharField(
        label="ชื่อผู้ใช้หรืออีเมลของบัญชี",
        max_length=254,
        help_text="บัญชีที่มีอยู่แล้ว เช่น ของบุคลากรที่ย้ายมาจากสำนักงานอื่น",
    )

    def clean_account(self):
        text = self.cleaned_data["account"].strip()
        users = get_user_model().objects
        account = users.filter(username=text).first()
        if account is None and "@" in text:
            found = list(users.filter(email__iexact=text)[:2])
            if len(found) > 1:
                raise ValidationError(MANY_BY_EMAIL)
            account = found[0] if found else None
        if account is None:
            raise ValidationError(NOT_FOUND)
        return account


class MemberEditForm(MemberFields):
    """A member's role, group and position; with `with_account`, also the account's name,
    e-mail and whether it may sign in."""

    first_name = forms.CharField(label="ชื่อ", max_length=150, required=False)
    last_name = forms.CharField(label="นามสกุล", max_length=150, required=False)
    email = forms.EmailField(label="อีเมล", required=False)
    is_active = forms.BooleanField(
        label="ใช้งานได้",
        required=False,
        help_text="เอาเครื่องหมายออกเพื่อระงับการเข้าสู่ระบบของบัญชีนี้ โดยไม่ลบข้อมูลที่บันทึกไว้",
    )

    ACCOUNT = ("first_name", "last_name", "email", "is_active")

    def __init__(self, *args, membership: Membership, with_account: bool, **kwargs):
        person = membership.user
        initial = {
            "role": membership.role,
            "work_group": membership.work_group_id,
            "position": membership.position,
            **{name: getattr(person, name) for name in self.ACCOUNT},
        }
        super().__init__(*args, office=membership.office, initial=initial, **kwargs)
        self.with_account = with_account
        if not with_account:
            for name in self.ACCOUNT:
                del self.fields[name]
        else:
            self.order_fields([*self.ACCOUNT, "role", "work_group", "position"])

    def service_arguments(self) -> dict:
        data = dict(self.cleaned_data)
        account = {name: data.pop(name) for name in self.ACCOUNT if name in data}
        return {**data, "account": account or None}


class OfficeForm(forms.Form):
    """The office's name and contacts as the report's cover and back cover print them."""

    name = forms.CharField(label="ชื่อสำนักงาน", max_length=200)
    short_name = forms.CharField(label="ชื่อย่อ", max_length=100)
    address = forms.CharField(label="ที่ตั้ง", max_length=300, required=False)
    phone = forms.CharField(label="โทรศัพท์", max_length=50, required=False)
    fax = forms.CharField(label="โทรสาร", max_length=50, required=False)
    website = forms.CharField(label="เว็บไซต์", max_length=200, required=False)
    email = forms.EmailField(label="อีเมล", required=False)
