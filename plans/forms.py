"""What every form of the portal shares: the one way forms are rendered (`PortalFormRenderer`,
templates/forms/), form fields that read numbers as Thai users type them (Thai or Arabic
digits, with thousands separators: ๑,๒๓๔.๕๐) and the one-time token of forms that record
money (`OnceForm`). Forms only validate and normalise; they never write."""

import uuid

from django import forms
from django.core import signing
from django.core.exceptions import ValidationError
from django.forms.renderers import TemplatesSetting

from plans import thai

ONCE_FIELD = "submission_token"
ONCE_SALT = "plans.forms.OnceForm"
TOKEN_MAX_AGE = 24 * 60 * 60  # seconds: a form left open overnight asks to be posted again
ONCE_REFUSED = "แบบฟอร์มนี้หมดอายุหรือไม่ถูกต้อง ข้อมูลยังไม่ถูกบันทึก กรุณาตรวจสอบข้อมูลแล้วกดบันทึกอีกครั้ง"


def issue_token(user) -> str:
    """A new signed one-time token for `user`: "<user pk>.<random key>" with a timestamp."""
    return signing.TimestampSigner(salt=ONCE_SALT).sign(f"{user.pk}.{uuid.uuid4().hex}")


def read_token(value: str | None, user) -> str:
    """The key of a token issued to `user` and not expired, or ValidationError (Thai)."""
    try:
        payload = signing.TimestampSigner(salt=ONCE_SALT).unsign(value or "", max_age=TOKEN_MAX_AGE)
    except signing.BadSignature as error:  # forged, altered, missing or expired
        raise ValidationError(ONCE_REFUSED, code="token") from error
    owner, _, key = payload.partition(".")
    if owner != str(user.pk) or not key:
        raise ValidationError(ONCE_REFUSED, code="token")
    return key


class OnceForm(forms.Form):
    """A form whose post records at most once: it carries a hidden one-time token, signed
    for the user, checked here (a missing, forged or expired token is a Thai form error,
    and the page gets a fresh one) and used up by plans.services.submit_once in the write's
    transaction. After `is_valid()`, `submission_key` is the key to pass it; the token is
    not in `cleaned_data`, which holds the service's arguments only."""

    submission_token = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.submission_key: str | None = None
        self.fields[ONCE_FIELD].initial = issue_token(user)

    def clean(self):
        data = super().clean()
        data.pop(ONCE_FIELD, None)
        try:
            self.submission_key = read_token(self.data.get(self.add_prefix(ONCE_FIELD)), self.user)
        except ValidationError:
            self.data = self.data.copy()  # the page shown again carries a valid token
            self.data[self.add_prefix(ONCE_FIELD)] = issue_token(self.user)
            raise
        return data


class ThaiDecimalField(forms.DecimalField):
    def to_python(self, value):
        if isinstance(value, str) and value.strip():
            try:
                value = str(thai.parse_decimal(value))
            except ValueError as error:
                raise ValidationError(str(error), code="invalid") from error
        return super().to_python(value)


class ThaiIntegerField(forms.IntegerField):
    def to_python(self, value):
        if isinstance(value, str) and value.strip():
            try:
                value = str(thai.parse_decimal(value, places=0))
            except ValueError as error:
                raise ValidationError(str(error), code="invalid") from error
        return super().to_python(value)


class PortalFormRenderer(TemplatesSetting):
    """Every form rendered the same way (settings.FORM_RENDERER). `{{ form }}` is the error
    summary, the hidden fields and each field; `{{ field.as_field_group }}` is one field: the
    label with the required mark, the input (tied to its help and errors by
    aria-describedby, aria-invalid when wrong), the help text and the errors."""

    form_template_name = "forms/form.html"
    field_template_name = "forms/field.html"
