"""Form fields that read numbers as Thai users type them: Thai or Arabic digits, with
thousands separators (๑,๒๓๔.๕๐). Forms only validate and normalise; they never write."""

from django import forms
from django.core.exceptions import ValidationError

from plans import thai


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
