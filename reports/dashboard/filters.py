"""What a dashboard page's URL chose (year, quarter, policy area, work group, sort), the
links that keep it, and the choices the filter form offers."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

from plans import thai
from plans.models import Office, PolicyArea, WorkGroup


@dataclass(frozen=True)
class Filters:
    """What the URL's query string chose: year, quarter, policy area number, group code,
    and for tables a sort key ("-rate" sorts descending)."""

    year: int
    quarter: int
    area: int | None = None
    group: str = ""
    sort: str = ""
    office: str = ""  # only for a user who reads several offices

    def query(self, **changes) -> str:
        """The query string of these filters with some changed (None drops a key)."""
        values = {
            "office": self.office,
            "year": self.year,
            "quarter": self.quarter,
            "area": self.area,
            "group": self.group,
            "sort": self.sort,
        }
        values.update(changes)
        return urlencode({k: v for k, v in values.items() if v not in (None, "")})

    @property
    def base_query(self) -> str:
        """The filters without sort or list-specific keys: what a link to another page keeps."""
        return self.query(sort=None)

    @property
    def quarter_label(self) -> str:
        return thai.quarter_label(self.quarter)


@dataclass(frozen=True)
class Choice:
    value: str
    label: str


def filter_choices(office: Office) -> tuple[list[Choice], list[Choice]]:
    """Policy areas and the office's work groups for the filter form. Two queries."""
    areas = [
        Choice(str(a.number), f"{thai.to_thai_digits(a.number)}. {a.name}")
        for a in PolicyArea.objects.order_by("number")
    ]
    groups = [Choice(g.code, g.name) for g in WorkGroup.objects.filter(office=office)]
    return areas, groups
