"""assessments.yaml (chapter 4): O-NET scores, OBEC indicators, ITA and the office
standards."""

from __future__ import annotations

from demo.seed.core import Seeder, SeedError, dec
from indicators.models import (
    ItaAssessment,
    ObecIndicatorProvinceResult,
    ObecIndicatorRating,
    OnetScore,
    OnetSubject,
    StandardItem,
)
from plans.models import FiscalYear, Office, Province

ONET_SUBJECT_CODES = {
    "ภาษาไทย": "thai",
    "สังคมศึกษา": "social",
    "ภาษาอังกฤษ": "english",
    "คณิตศาสตร์": "math",
    "วิทยาศาสตร์": "science",
}


def onet_subject(loader: Seeder, name: str) -> OnetSubject:
    code = ONET_SUBJECT_CODES.get(name)
    if code is None:
        raise SeedError(f"ไม่รู้จักวิชา O-NET “{name}”")
    order = list(ONET_SUBJECT_CODES).index(name) + 1
    return loader.upsert(OnetSubject, {"code": code}, {"name": name, "order": order})


def load_assessments(loader: Seeder, office: Office, year: FiscalYear) -> None:
    data = loader.read("assessments.yaml")
    provinces = {p.name: p for p in Province.objects.all()}
    for row in data.get("onet_scores", []):
        loader.upsert(
            OnetScore,
            {
                "office": office,
                "scope": OnetScore.Scope.PROVINCE,
                "province": provinces[row["province"]],
                "grade": int(row["grade"]),
                "academic_year": int(row["academic_year"]),
                "subject": onet_subject(loader, row["subject"]),
            },
            {"score": dec(row["score"])},
        )
    columns = {
        "office_2563": (OnetScore.Scope.OFFICE, 2563),
        "office_2564": (OnetScore.Scope.OFFICE, 2564),
        "nation_2564": (OnetScore.Scope.NATION, 2564),
        "obec_2564": (OnetScore.Scope.OBEC, 2564),
    }
    for row in data.get("onet_comparisons", []):
        for column, (scope, academic_year) in columns.items():
            if row.get(column) in (None, ""):
                continue
            loader.upsert(
                OnetScore,
                {
                    "office": office,
                    "scope": scope,
                    "province": None,
                    "grade": int(row["grade"]),
                    "academic_year": academic_year,
                    "subject": onet_subject(loader, row["subject"]),
                },
                {"score": dec(row[column])},
            )
    province_results = {
        row["province"]: row["value"] for row in data.get("obec_indicator_province_results", [])
    }
    for row in data.get("obec_indicators", []):
        rating = loader.upsert(
            ObecIndicatorRating,
            {"office": office, "fiscal_year": year, "number": int(row["number"])},
            {
                "text": row["text"],
                "level": row.get("level"),
                "note": row.get("note") or "",
                "target": dec((row.get("target") or {}).get("value")),
            },
        )
        if row.get("level") is None:
            for name, value in province_results.items():
                loader.upsert(
                    ObecIndicatorProvinceResult,
                    {"rating": rating, "province": provinces[name]},
                    {"value": dec(value)},
                )
    ita = data.get("ita")
    if ita:
        score = dec(ita["score"])
        change = dec(ita.get("printed_change"))
        loader.upsert(
            ItaAssessment,
            {"office": office, "fiscal_year": year},
            {
                "score": score,
                "level": ita["level"],
                # The report gives the rise, not last year's score: store the score it implies.
                "previous_score": score - change if change is not None else None,
                "previous_level": ita.get("previous_level") or "",
            },
        )
    load_standards(loader, office, year, data.get("office_standards", []))


def load_standards(loader: Seeder, office: Office, year: FiscalYear, standards: list) -> None:
    order = 0
    kept = []

    def add(parent, kind, label, item):
        nonlocal order
        order += 1
        obj = loader.upsert(
            StandardItem,
            {"office": office, "fiscal_year": year, "order": order},
            {
                "parent": parent,
                "kind": kind,
                "label": str(label),
                "name": item["name"] if "name" in item else item.get("text", ""),
                "level": item.get("level"),
                "note": item.get("note") or "",
            },
        )
        kept.append(obj.pk)
        return obj

    def add_points(parent, points):
        for point in points or []:
            node = add(parent, StandardItem.Kind.POINT, point.get("label", ""), point)
            add_points(node, point.get("points"))

    for standard in standards:
        node = add(None, StandardItem.Kind.STANDARD, standard["number"], standard)
        for indicator in standard.get("indicators") or []:
            child = add(node, StandardItem.Kind.INDICATOR, indicator["number"], indicator)
            add_points(child, indicator.get("points"))
    loader.prune(StandardItem.objects.filter(office=office, fiscal_year=year), kept)
