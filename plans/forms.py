"""What every form of the portal shares: the one way forms are rendered (`PortalFormRenderer`,
templates/forms/), number fields that read numbers as Thai users type them (Thai or Arabic
digits, with thousands separators: ๑,๒๓๔.๕๐) and show saved ones in Thai digits
(`initial_number`), forms with rows (`RowFormSet`, one row per indicator, activity or
quarter) and the one-time token of forms that record money (`OnceForm`). Forms only
validate and normalise; they never write."""

import uuid
from collections.abc import Sequence
from datetime import date
from decimal import Decimal

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


def initial_number(value: Decimal | int, places: int) -> str:
    """A number as a form's initial value: as the portal writes numbers, in Thai digits with
    thousands separators and the field's decimal places (Decimal("1234.5"), 2 ->
    "๑,๒๓๔.๕๐"), which the Thai number fields read back as typed."""
    return thai.format_number(value, places)


class ThaiDecimalField(forms.DecimalField):
    """A decimal typed the Thai way; a saved value (the form's initial) is shown in Thai
    digits (`initial_number`), what the user typed as typed."""

    def prepare_value(self, value):
        if isinstance(value, Decimal | int) and not isinstance(value, bool):
            places = self.decimal_places
            if places is None:
                places = max(0, -Decimal(value).as_tuple().exponent)
            return initial_number(value, places)
        return super().prepare_value(value)

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


class ThaiDateField(forms.Field):
    """A Buddhist-era date, read as Thai users type it ("๔/๓/๒๕๖๕", "4 มี.ค. 2565",
    "2565-03-04": plans.thai.parse_thai_date) and shown as "๔/๓/๒๕๖๕": every date input of
    the portal and of the admin (plans.admin.THAI_INPUTS)."""

    widget = forms.TextInput({"placeholder": "เช่น ๔/๓/๒๕๖๕", "autocomplete": "off"})

    def __init__(self, **kwargs):
        kwargs["help_text"] = kwargs.get("help_text") or "วัน/เดือน/ปี พ.ศ. เช่น ๔/๓/๒๕๖๕"
        super().__init__(**kwargs)

    def prepare_value(self, value):
        if isinstance(value, date):
            return thai.to_thai_digits(f"{value.day}/{value.month}/{thai.be_year(value.year)}")
        return value

    def to_python(self, value):
        if isinstance(value, date):
            return value
        if not value or not str(value).strip():
            return None
        try:
            return thai.parse_thai_date(str(value))
        except ValueError as error:
            raise ValidationError(str(error), code="invalid") from error


class PortalFormRenderer(TemplatesSetting):
    """Every form rendered the same way (settings.FORM_RENDERER). `{{ form }}` is the error
    summary, the hidden fields and each field; `{{ field.as_field_group }}` is one field: the
    label with the required mark, the input (tied to its help and errors by
    aria-describedby, aria-invalid when wrong), the help text and the errors."""

    form_template_name = "forms/form.html"
    field_template_name = "forms/field.html"
    formset_template_name = "forms/formset.html"


ROWS_CHANGED = "รายการในแบบฟอร์มนี้เปลี่ยนไปหลังจากที่ท่านเปิดหน้า ข้อมูลยังไม่ถูกบันทึก กรุณาเปิดหน้านี้ใหม่แล้วกรอกอีกครั้ง"


class RowForm(forms.Form):
    """One row of a RowFormSet: `item` is what the row is about, `key` (hidden) names it."""

    template_name = "forms/fields.html"  # the fields only: the page's summary covers the rows
    key = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args, item=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.item = item


class RowFormSet(forms.BaseFormSet):
    """One row per item the page lists (a project's indicators, the year's quarters), in that
    order: the rows are the server's, not the browser's. A post with more or fewer rows, or
    with a row of another item (the list changed after the page was opened), is refused with
    a Thai message. `initial` is a list aligned with `items`."""

    default_error_messages = {
        "missing_management_form": ROWS_CHANGED,
        "too_many_forms": ROWS_CHANGED,
        "too_few_forms": ROWS_CHANGED,
    }

    def __init__(self, *args, items: Sequence, initial: Sequence[dict] | None = None, **kwargs):
        self.items = list(items)
        self.min_num = self.max_num = self.absolute_max = len(self.items)
        self.validate_min = self.validate_max = True
        initial = initial or [{} for _ in self.items]
        rows = [
            {**row, "key": self.key_of(item)} for item, row in zip(self.items, initial, strict=True)
        ]
        super().__init__(*args, initial=rows, **kwargs)

    @staticmethod
    def key_of(item) -> str:
        return str(item.pk)

    def get_form_kwargs(self, index):
        item = self.items[index] if index is not None and index < len(self.items) else None
        # Every row is one the page asks for (none is an optional extra row), so its required
        # fields say so to assistive technology as a whole form's do.
        return {**super().get_form_kwargs(index), "item": item, "use_required_attribute": True}

    def clean(self):
        posted = [form.cleaned_data.get("key") for form in self.forms]
        expected = [self.key_of(item) for item in self.items]
        if posted != expected or self.initial_form_count() != len(expected):
            raise ValidationError(ROWS_CHANGED, code="rows_changed")


class FormWithRows(forms.Form):
    """A form with formsets of rows (`formsets`, made by the subclass from the same data):
    valid when the form and every row is. The error summary (templates/forms/_errors.html)
    lists the formsets' own errors with the form's and tells when a row is wrong."""

    formsets: tuple[RowFormSet, ...] = ()

    def is_valid(self) -> bool:
        valid = super().is_valid()
        return all([valid, *(formset.is_valid() for formset in self.formsets)])

    def non_field_errors(self):
        errors = super().non_field_errors().copy()
        for formset in self.formsets:
            errors.extend(formset.non_form_errors())
        return errors

    @property
    def rows_invalid(self) -> bool:
        return self.is_bound and any(formset.total_error_count() for formset in self.formsets)


def show_errors(form, error) -> None:
    """Put a service's refusal (a ValidationError) on the form: on its field when the form
    has one, else as the form's own error. Every portal form view uses it."""
    if hasattr(error, "error_dict"):
        for field, errors in error.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error.messages)
