"""The copy's choice of parts and the undo's confirmation: both one-time forms."""

from __future__ import annotations

from django import forms

from nextyear.services import PART_LABELS, Part
from plans.forms import OnceForm


class CopyForm(OnceForm):
    """Which parts to take; the frame is offered only when the next year has no plan."""

    def __init__(self, *args, offer_frame: bool, **kwargs):
        super().__init__(*args, **kwargs)
        for part in Part:
            if part == Part.FRAME and not offer_frame:
                continue
            self.fields[part.value] = forms.BooleanField(
                label=PART_LABELS[part], required=False, initial=True
            )

    def parts(self) -> set[Part]:
        return {Part(name) for name, value in self.cleaned_data.items() if value}


class UndoForm(OnceForm):
    """The undo's confirmation: the one-time token only."""
