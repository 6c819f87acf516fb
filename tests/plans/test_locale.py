"""The project's Thai catalogue (locale/th): Django's validation messages reach users in
Thai, and the committed django.mo is compiled from the committed django.po."""

import gettext
import re
from decimal import Decimal

import pytest
from django import forms
from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.utils import translation

LC_MESSAGES = settings.BASE_DIR / "locale" / "th" / "LC_MESSAGES"
ENGLISH = re.compile(r"[A-Za-z]{2,}")


def _unquote(text: str) -> str:
    return text.encode("latin-1", "backslashreplace").decode("unicode_escape")


def read_po(path) -> dict:
    """msgid (or (msgid, 0) for a plural) -> msgstr, as GNU gettext's catalogue keys them."""
    entries = {}
    for block in path.read_text(encoding="utf-8").split("\n\n"):
        fields, key = {}, None
        for line in block.splitlines():
            if line.startswith("#"):
                continue
            match = re.match(r'(msgid_plural|msgid|msgstr(?:\[\d\])?) "(.*)"$', line)
            if match:
                key = match[1]
                fields[key] = match[2]
            elif line.startswith('"') and key:
                fields[key] += line[1:-1]
        fields = {name: _unquote(value) for name, value in fields.items()}
        if not fields.get("msgid"):
            continue
        if "msgid_plural" in fields:
            entries[(fields["msgid"], 0)] = fields["msgstr[0]"]
        else:
            entries[fields["msgid"]] = fields["msgstr"]
    return entries


def test_the_compiled_catalogue_matches_its_source():
    """After editing django.po, run msgfmt (see the comment at its top) and commit both."""
    with (LC_MESSAGES / "django.mo").open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)._catalog
    compiled = {key: value for key, value in compiled.items() if key not in ("", ("", 0))}
    assert compiled == read_po(LC_MESSAGES / "django.po")


def test_every_translation_is_thai():
    for msgid, msgstr in read_po(LC_MESSAGES / "django.po").items():
        assert msgstr, msgid
        assert re.search("[ก-๙]", msgstr), msgid
        placeholders = re.sub(r"%\([a-z_0-9]+\)[sdr]|%d|\{[a-z_]+\}", "", msgstr)
        assert not ENGLISH.search(placeholders), msgid


def errors_of(field: forms.Field, value) -> list[str]:
    with pytest.raises(ValidationError) as caught:
        field.clean(value)
    return caught.value.messages


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        (forms.CharField(max_length=200), "ก" * 201, "ข้อความต้องยาวไม่เกิน 200 ตัวอักษร"),
        (forms.CharField(min_length=3), "กข", "ข้อความต้องยาวอย่างน้อย 3 ตัวอักษร"),
        (forms.CharField(), "ก\x00ข", "ข้อความมีอักขระพิเศษที่ระบบรับไม่ได้"),
        (forms.CharField(), "", "กรุณากรอกข้อมูลนี้"),
        (forms.DecimalField(max_digits=14, decimal_places=2), "1" * 15, "ไม่เกิน 14 หลัก"),
        (forms.DecimalField(max_digits=14, decimal_places=2), "1.234", "ทศนิยมไม่เกิน 2"),
        (forms.DecimalField(max_digits=5, decimal_places=2), "1234", "ไม่เกิน 3 หลักก่อนจุด"),
        (forms.DecimalField(), "abc", "กรุณากรอกตัวเลข"),
        (forms.IntegerField(), "9" * 5000, "กรุณากรอกจำนวนเต็ม"),
        (forms.DecimalField(max_value=Decimal(100)), "101", "ค่าต้องไม่เกิน 100"),
        (forms.ChoiceField(choices=[("a", "ก")]), "zzz", "กรุณาเลือกจากรายการที่กำหนด"),
        (forms.DateField(), "x", "กรุณากรอกวันที่ให้ถูกต้อง"),
    ],
)
def test_django_validation_messages_are_thai(field, value, message):
    with translation.override("th"):
        messages = errors_of(field, value)
    assert any(message in text for text in messages), messages
    assert not any(ENGLISH.search(text) for text in messages), messages


def test_password_rules_are_thai(db):
    with translation.override("th"), pytest.raises(ValidationError) as caught:
        validate_password("123")
    assert caught.value.messages == [
        "รหัสผ่านสั้นเกินไป ต้องมีอย่างน้อย 8 ตัวอักษร",
        "รหัสผ่านนี้ใช้กันทั่วไปจนเดาได้ง่าย",
        "รหัสผ่านเป็นตัวเลขทั้งหมด",
    ]
