"""The import pages' forms: they validate; plans/imports/services.py writes."""

from __future__ import annotations

from django import forms

from plans.imports.reading import EXTENSIONS, MAX_BYTES, MAX_ROWS
from plans.thai import format_number, to_thai_digits

TOO_BIG = "ไฟล์มีขนาดเกิน {limit} MB กรุณาแบ่งไฟล์แล้วนำเข้าทีละไฟล์"
WRONG_TYPE = "รับเฉพาะไฟล์ .xlsx หรือ .csv"
EMPTY = "ไฟล์ว่างเปล่า ไม่มีข้อมูลให้นำเข้า"


class UploadForm(forms.Form):
    file = forms.FileField(
        label="ไฟล์ข้อมูล",
        help_text=(
            f"ไฟล์ .xlsx หรือ .csv ขนาดไม่เกิน {to_thai_digits(MAX_BYTES // (1024 * 1024))} MB "
            f"ไม่เกิน {format_number(MAX_ROWS, 0)} แถว "
            "ระบบจะแสดงตัวอย่างให้ตรวจก่อน ยังไม่บันทึกจนกว่าท่านจะยืนยัน"
        ),
        error_messages={
            "required": "กรุณาเลือกไฟล์ที่จะนำเข้า",
            "empty": EMPTY,
            "invalid": "ไม่ได้รับไฟล์ กรุณาเลือกไฟล์อีกครั้ง",
        },
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(EXTENSIONS)}),
    )

    def clean_file(self):
        file = self.cleaned_data["file"]
        if file.size > MAX_BYTES:
            raise forms.ValidationError(
                TOO_BIG.format(limit=to_thai_digits(MAX_BYTES // (1024 * 1024)))
            )
        if not (file.name or "").lower().endswith(EXTENSIONS):
            raise forms.ValidationError(WRONG_TYPE)
        return file


class ConfirmForm(forms.Form):
    """The confirmation names the file the user saw previewed (its SHA-256): the stored
    file is what is imported, and a newer upload (another tab) is not confirmed unseen."""

    digest = forms.CharField(widget=forms.HiddenInput, max_length=64)
