"""The year's report texts a page lists: which keys the printed report reads, with their
Thai names and where they print.

The report app declares them (reports/outline.py, where the report's sections are
declared) and hands them over from its AppConfig.ready(): `plans` imports no other app."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class TextSlot:
    """One report text the printed report reads: its key (ReportText.key), its Thai name
    and where it prints."""

    key: str
    name: str
    where: str


_provider: list[Callable[[int], Sequence[TextSlot]]] = []


def declare(provider: Callable[[int], Sequence[TextSlot]]) -> None:
    """Called once by the report app: the function that lists a year's report texts."""
    _provider[:] = [provider]


def text_slots(year: int) -> list[TextSlot]:
    """The report texts of `year`'s report, in print order."""
    return [slot for provider in _provider for slot in provider(year)]
