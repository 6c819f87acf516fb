"""The user's choice, per kind of notice, of seeing it in the portal and by e-mail."""

from __future__ import annotations

from django import forms

from plans.models import NoticeKind
from plans.models.notices import EMAILED_ELSEWHERE


def field_name(kind: str, where: str) -> str:
    return f"{kind}_{where}"


class NoticePreferencesForm(forms.Form):
    """Two boxes per kind ("แสดงในระบบ", "ส่งทางอีเมล"), ticked as the user chose (default:
    both). A kind e-mailed by its own code (the password-reset link) has the first only."""

    def __init__(self, *args, preferences: dict[str, tuple[bool, bool]], **kwargs):
        super().__init__(*args, **kwargs)
        self.rows = []
        for kind, label in NoticeKind.choices:
            in_portal, by_email = preferences[kind]
            portal = field_name(kind, "portal")
            self.fields[portal] = forms.BooleanField(
                label=f"{label}: แสดงในระบบ", required=False, initial=in_portal
            )
            email = None
            if kind not in EMAILED_ELSEWHERE:
                email = field_name(kind, "email")
                self.fields[email] = forms.BooleanField(
                    label=f"{label}: ส่งทางอีเมล", required=False, initial=by_email
                )
            self.rows.append((kind, label, portal, email))

    def table(self):
        """(label, portal field, e-mail field or None) for the page's table."""
        return [
            (label, self[portal], self[email] if email else None)
            for _kind, label, portal, email in self.rows
        ]

    def choices(self) -> dict[str, tuple[bool, bool]]:
        return {
            kind: (
                self.cleaned_data[portal],
                self.cleaned_data[email] if email else True,
            )
            for kind, _label, portal, email in self.rows
        }
