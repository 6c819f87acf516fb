"""The copy's choice of parts and the undo's confirmation: both one-time forms."""

from __future__ import annotations

from django import forms

from nextyear.services import PART_LABELS, Part
from plans.forms import FormWithRows, OnceForm, RowForm, RowFormSet, ThaiDecimalField


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


class ProposalForm(RowForm):
    """One project's proposed budget; `item` is the project. Empty: no proposal."""

    amount = ThaiDecimalField(
        required=False,
        min_value=0,
        max_digits=15,
        decimal_places=2,
        widget=forms.TextInput({"inputmode": "decimal"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.item is not None:
            self.fields["amount"].label = f"{self.item} (บาท)"


ProposalFormSet = forms.formset_factory(ProposalForm, formset=RowFormSet, extra=0)


class ProposalsForm(FormWithRows):
    """The proposed budget of each project of a plan, one row per project."""

    def __init__(self, *args, projects: list, **kwargs):
        super().__init__(*args, **kwargs)
        self.rows = ProposalFormSet(
            self.data if self.is_bound else None,
            prefix="rows",
            items=projects,
            initial=[{"amount": _proposed(p)} for p in projects],
        )
        self.formsets = (self.rows,)

    def amounts(self) -> dict:
        return {row.item: row.cleaned_data.get("amount") for row in self.rows}


def _proposed(project):
    proposal = getattr(project, "budget_proposal", None)
    return proposal.amount if proposal is not None else None
