"""The second save after a conflict (the lost-update guard of the quarterly report).

When someone saved the report after this user's page was built, the save is refused
(`services.StaleReport`) and the page shows, field by field, what the other person saved
beside what this user typed: the narrative, each indicator's value, unit and count, each
activity's amount. The user chooses per field ("keep mine" or "take theirs", or one choice
for the whole page) and saves again; the choices are applied against the version shown,
and if the report changed once more, the save is refused again with the new differences.

Fields are keyed by the report's keys (the narrative's names, `indicator_key`,
`activity_key`), so the saved report (`ReportForm.saved_fields`), the typed form (its rows
found by `ReportForm.keyed_fields`) and the posted choices line up.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from plans import thai
from plans.history import history_for
from progress.forms import VALUE_ROW_FIELDS, ReportForm, activity_key, indicator_key
from progress.models import QuarterlyReport, ReportValue

KEEP_MINE = "mine"
TAKE_THEIRS = "theirs"
CHOICE_PREFIX = "choice_"
ALL_FIELD = "conflict_all"  # a page-wide choice (the two "all" buttons)
VERSION_FIELD = "conflict_version"  # the version the choices were made against


# What the refused save tells the user above the comparison table.
MESSAGE = (
    "มีผู้อื่นบันทึกรายงานนี้ก่อนท่าน ข้อมูลของท่านยังไม่ถูกบันทึกและยังอยู่ในหน้านี้ "
    "กรุณาเลือกในตารางด้านล่างว่าจะใช้ข้อมูลของใครในแต่ละช่อง แล้วกดบันทึกอีกครั้ง"
)


@dataclass(frozen=True)
class ConflictRow:
    key: str  # the form field's name
    label: str
    theirs: Any  # None: blank
    mine: Any
    choice: str = KEEP_MINE

    @property
    def choice_name(self) -> str:
        return CHOICE_PREFIX + self.key

    @property
    def is_text(self) -> bool:
        return isinstance(self.theirs, str) or isinstance(self.mine, str)


@dataclass(frozen=True)
class Conflict:
    version: int  # the saved version the rows compare against
    rows: list[ConflictRow]
    saved_by: Any  # the user of the latest saved change, if known
    saved_at: datetime | None


def _labels(form: ReportForm) -> dict[str, str]:
    labels = {
        name: str(QuarterlyReport._meta.get_field(name).verbose_name)
        for name in QuarterlyReport.NARRATIVE
    }
    for indicator in form.indicators:
        head = f"ตัวชี้วัดที่ {thai.to_thai_digits(indicator.order)}"
        for name in VALUE_ROW_FIELDS:
            label = ReportValue._meta.get_field(name).verbose_name
            labels[indicator_key(name, indicator)] = f"{head}: {label}"
    for activity in form.activities:
        where = (
            f"กิจกรรมที่ {thai.to_thai_digits(activity.number)} {activity.name}"
            if activity
            else "ทั้งโครงการ"
        )
        labels[activity_key(activity)] = f"เบิกจ่าย {where}"
    return labels


def typed_fields(form: ReportForm) -> dict[str, Any]:
    """What the user typed, normalised as the save would store it."""
    out: dict[str, Any] = dict(form.narrative())
    values = form.values()
    for indicator in form.indicators:
        typed = values.get(indicator.pk, (None,) * len(VALUE_ROW_FIELDS))
        for name, value in zip(VALUE_ROW_FIELDS, typed, strict=True):
            out[indicator_key(name, indicator)] = value
    amounts = form.amounts()
    for activity in form.activities:
        out[activity_key(activity)] = amounts.get(activity.pk if activity else None)
    return out


def conflict_of(
    report: QuarterlyReport | None, form: ReportForm, choices: Mapping[str, str] | None = None
) -> Conflict:
    """The fields where the saved report and the typed form differ."""
    theirs, mine, labels = form.saved_fields(report), typed_fields(form), _labels(form)
    choices = choices or {}
    rows = [
        ConflictRow(key, labels[key], theirs[key], mine[key], choices.get(key, KEEP_MINE))
        for key in theirs
        if theirs[key] != mine[key]  # Decimal: 85.5 and 85.50 are one value
    ]
    last = history_for(report).first() if report else None
    return Conflict(
        version=report.version if report else 0,
        rows=rows,
        saved_by=last.user if last else None,
        saved_at=last.at if last else None,
    )


def posted_choices(data: Mapping[str, str], keys) -> dict[str, str]:
    """The user's choice per field: the page-wide button wins over the per-field radios."""
    everything = data.get(ALL_FIELD)
    out = {}
    for key in keys:
        choice = everything or data.get(CHOICE_PREFIX + key)
        out[key] = TAKE_THEIRS if choice == TAKE_THEIRS else KEEP_MINE
    return out


def apply_choices(report: QuarterlyReport | None, form: ReportForm, data: Mapping[str, str]):
    """Before a second save: when the choices were made against the saved version the form
    now carries, put the other person's value into each field the user chose to take.
    Returns the fields taken (empty when there was no choice to apply)."""
    if data.get(VERSION_FIELD) != str(form.cleaned_data.get("version")):
        return set()
    if (report.version if report else 0) != form.cleaned_data["version"]:
        return set()  # saved again meanwhile: the save is refused and shows the new rows
    theirs = form.saved_fields(report)
    conflict = conflict_of(report, form)
    choices = posted_choices(data, [row.key for row in conflict.rows])
    taken = {key for key, choice in choices.items() if choice == TAKE_THEIRS}
    fields = form.keyed_fields()
    for key in taken:
        holder, name = fields[key]
        holder.cleaned_data[name] = theirs[key]
    return taken
