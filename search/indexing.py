"""Writing the search index: what each kind of document holds, and keeping it current.

**What is indexed** (`SOURCES`, one per `Kind`), each document with its office, its fiscal
year and project where it has them:

- a project: its name (the title), objectives, target groups, responsible group and people;
- its activities (name, the note printed beside it) and indicators (text);
- the project's narrative as the annual report prints it (progress/narrative.py: methods,
  quantitative and qualitative results, problems, recommendations; the planning group's
  edits, else the typed texts, else the approved quarterly reports');
- each quarterly report's narrative (every status: everyone of the office reads them);
- schools (name, code, cluster, province, levels).

**Kept current in one place**: receivers of post_save and post_delete of the models those
documents are made from (`DEPENDENTS`), connected by SearchConfig.ready(), refresh the
documents a write touches *in the write's transaction*, as the audit trail does
(plans/audit.py): whatever the path (a service, the admin, an import, the shell), the index
changes exactly when the data commits, and not if it rolls back. A refresh reads the
object again and rewrites its document (one delete, one insert); an object that is gone
loses it. Segmenting is cached per run of text (search/text.py), so re-indexing a project
after one of its statements changed segments only the changed statement.

Writes the receivers do not see one by one arrive through `audit.written_in_bulk`: the
rows `created_in_bulk` recorded (the schools' import) are indexed together, and at the end
of an `audit.suppressed()` block (the demo's seed loader, a restore) that wrote indexed
rows, every office it wrote is rebuilt (`rebuild`), so `load_demo` leaves a complete index.
Not seen: `QuerySet.update` and raw SQL on indexed text (the apps use neither);
`manage.py search_reindex` rebuilds everything or one office.
"""

from __future__ import annotations

import threading
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.apps import apps
from django.db import models
from django.db.models import Prefetch, QuerySet
from django.db.models.signals import post_delete, post_save, pre_delete

from plans import audit
from plans.manage.texts import as_typed
from plans.ownership import office_path
from search.models import Kind, SearchDocument
from search.text import tokens_text

BATCH = 500
SEPARATOR = " · "


def _join(parts: Iterable[str]) -> str:
    """Texts as one line each (whitespace squeezed), between middle dots; a figure a text
    keeps as typed ({จำนวนโครงการ=๑๗}) is indexed as typed."""
    return SEPARATOR.join(" ".join(as_typed(p).split()) for p in parts if p and p.strip())


def _document(
    obj: models.Model,
    kind: str,
    *,
    office_id: int,
    title: str,
    body: str,
    year: int | None = None,
    project_id: int | None = None,
    number: int | None = None,
    title_searched: bool = True,
) -> SearchDocument:
    title = " ".join(title.split())
    return SearchDocument(
        office_id=office_id,
        kind=kind,
        object_id=obj.pk,
        fiscal_year=year,
        project_id=project_id,
        number=number,
        title=title,
        body=body,
        title_tokens=tokens_text(title) if title_searched else "",
        body_tokens=tokens_text(body),
    )


def _of_project(obj: models.Model, kind: str, project, **fields) -> SearchDocument:
    """A document of a project's object: the project's office, year and id."""
    plan = project.plan
    return _document(
        obj,
        kind,
        office_id=plan.office_id,
        year=plan.fiscal_year.year,
        project_id=project.pk,
        **fields,
    )


# -- the kinds of document ----------------------------------------------------------------


def _projects() -> QuerySet:
    from projects.models import Project, ProjectStatement

    return Project.objects.select_related("plan__fiscal_year", "work_group").prefetch_related(
        Prefetch("statements", queryset=ProjectStatement.objects.order_by("kind", "number"))
    )


def _project(project) -> SearchDocument:
    from projects.models import ProjectStatement

    kinds = (ProjectStatement.Kind.OBJECTIVE, ProjectStatement.Kind.TARGET_GROUP)
    statements = [s.text for s in project.statements.all() if s.kind in kinds]
    group = project.work_group.name if project.work_group else ""
    return _of_project(
        project,
        Kind.PROJECT,
        project,
        title=project.name,
        body=_join([*statements, group, project.owner_name, project.responsible_text]),
    )


def _narratives() -> QuerySet:
    from progress.narrative import PREFETCHES

    return _projects().prefetch_related(*PREFETCHES)


def _narrative(project) -> SearchDocument:
    from progress.narrative import project_narrative

    story = project_narrative(project)
    items = [i for s in story.sections if not s.cleared for i in s.items]
    return _of_project(
        project,
        Kind.NARRATIVE,
        project,
        title=project.name,
        body=_join(items),
        title_searched=False,  # the project's own document finds its name
    )


def _of_projects(label: str) -> Callable[[], QuerySet]:
    """The rows of a model of a project's (an activity, an indicator, a quarterly report),
    with what their documents read of the project."""
    return lambda: apps.get_model(label).objects.select_related("project__plan__fiscal_year")


def _activity(activity) -> SearchDocument:
    return _of_project(
        activity,
        Kind.ACTIVITY,
        activity.project,
        number=activity.number,
        title=activity.name,
        body=activity.printed_note,
    )


def _indicator(indicator) -> SearchDocument:
    return _of_project(
        indicator,
        Kind.INDICATOR,
        indicator.project,
        number=indicator.order,
        title=indicator.text,
        body="",
    )


def _report(report) -> SearchDocument:
    return _of_project(
        report,
        Kind.REPORT,
        report.project,
        number=report.quarter,
        title=report.project.name,
        body=_join(getattr(report, field) for field in report.NARRATIVE),
        title_searched=False,
    )


def _schools() -> QuerySet:
    from plans.models import School

    return School.objects.select_related("cluster", "province")


def _school(school) -> SearchDocument:
    return _document(
        school,
        Kind.SCHOOL,
        office_id=school.office_id,
        title=school.name,
        body=_join(
            [
                f"รหัสโรงเรียน {school.code}",
                school.cluster.name if school.cluster else "",
                f"จังหวัด{school.province.name}",
                f"ระดับที่เปิดสอน {school.get_levels_display()}",
            ]
        ),
    )


@dataclass(frozen=True)
class Source:
    queryset: Callable[[], QuerySet]
    document: Callable[[models.Model], SearchDocument]


SOURCES: dict[str, Source] = {
    Kind.PROJECT: Source(_projects, _project),
    Kind.ACTIVITY: Source(_of_projects("projects.activity"), _activity),
    Kind.INDICATOR: Source(_of_projects("indicators.indicator"), _indicator),
    Kind.NARRATIVE: Source(_narratives, _narrative),
    Kind.REPORT: Source(_of_projects("progress.quarterlyreport"), _report),
    Kind.SCHOOL: Source(_schools, _school),
}


# -- writing documents --------------------------------------------------------------------


def refresh(kind: str, ids: Iterable[int]) -> None:
    """Rewrite the documents of `kind` for the objects `ids` as they are now (an object that
    is gone loses its document)."""
    ids = sorted(set(ids))
    if not ids:
        return
    source = SOURCES[kind]
    documents = [source.document(obj) for obj in source.queryset().filter(pk__in=ids)]
    SearchDocument.objects.filter(kind=kind, object_id__in=ids).delete()
    SearchDocument.objects.bulk_create(documents, batch_size=BATCH)


def rebuild(office_ids: Iterable[int]) -> int:
    """Every document of the offices, made again; the number made."""
    office_ids = sorted(set(office_ids))
    SearchDocument.objects.filter(office_id__in=office_ids).delete()
    made = 0
    for source in SOURCES.values():
        rows = source.queryset()
        rows = rows.filter(**{f"{office_path(rows.model)}__in": office_ids}).order_by("pk")
        batch = []
        for obj in rows.iterator(chunk_size=BATCH):
            batch.append(source.document(obj))
            if len(batch) >= BATCH:
                made += len(SearchDocument.objects.bulk_create(batch))
                batch = []
        made += len(SearchDocument.objects.bulk_create(batch))
    return made


# -- what a write touches -----------------------------------------------------------------


def _school_ids(cluster) -> list[int]:
    ids = getattr(cluster, "_search_schools", None)  # read before a delete unlinks them
    return ids if ids is not None else list(cluster.schools.values_list("pk", flat=True))


# Each indexed model's label -> the documents a write of one of its rows touches.
DEPENDENTS: dict[str, Callable[[models.Model], list[tuple[str, list[int]]]]] = {
    "projects.project": lambda o: [(Kind.PROJECT, [o.pk]), (Kind.NARRATIVE, [o.pk])],
    "projects.projectstatement": lambda o: [
        (Kind.PROJECT, [o.project_id]),
        (Kind.NARRATIVE, [o.project_id]),
    ],
    "projects.activity": lambda o: [(Kind.ACTIVITY, [o.pk])],
    "indicators.indicator": lambda o: [(Kind.INDICATOR, [o.pk])],
    "progress.quarterlyreport": lambda o: [
        (Kind.REPORT, [o.pk]),
        (Kind.NARRATIVE, [o.project_id]),
    ],
    "progress.narrativeedit": lambda o: [(Kind.NARRATIVE, [o.project_id])],
    "plans.school": lambda o: [(Kind.SCHOOL, [o.pk])],
    "plans.schoolcluster": lambda o: [(Kind.SCHOOL, _school_ids(o))],
    "plans.workgroup": lambda o: [(Kind.PROJECT, list(o.projects.values_list("pk", flat=True)))],
}


def _touched(objs: Iterable[models.Model]) -> dict[str, set[int]]:
    touched: dict[str, set[int]] = defaultdict(set)
    for obj in objs:
        for kind, ids in DEPENDENTS[obj._meta.label_lower](obj):
            touched[kind].update(ids)
    return touched


class _Pending(threading.local):
    dirty = False  # an indexed row was written inside audit.suppressed()


_pending = _Pending()


def _after_save(sender, instance, raw=False, **kwargs) -> None:
    if raw or audit.is_suppressed():
        _pending.dirty = True
        return
    for kind, ids in _touched([instance]).items():
        refresh(kind, ids)


def _before_delete(sender, instance, **kwargs) -> None:
    if sender._meta.label_lower == "plans.schoolcluster" and not audit.is_suppressed():
        instance._search_schools = _school_ids(instance)


def _after_delete(sender, instance, **kwargs) -> None:
    if audit.is_suppressed():
        _pending.dirty = True
        return
    label = sender._meta.label_lower
    if label == "plans.office":
        SearchDocument.objects.filter(office_id=instance.pk).delete()
        return
    if label == "projects.project":
        SearchDocument.objects.filter(project_id=instance.pk).delete()
    for kind, ids in _touched([instance]).items():
        refresh(kind, ids)  # the row is gone: its own document goes, the others follow


def _after_bulk(sender, offices=(), objs=(), **kwargs) -> None:
    indexed = [o for o in objs if o._meta.label_lower in DEPENDENTS]
    for kind, ids in _touched(indexed).items():
        refresh(kind, ids)
    if _pending.dirty and offices:
        _pending.dirty = False
        rebuild(o for o in offices if o is not None)


def connect() -> None:
    """Called once by SearchConfig.ready()."""
    for label in DEPENDENTS:
        model = apps.get_model(label)
        post_save.connect(_after_save, sender=model, dispatch_uid=f"search_{label}_save")
    for label in (*DEPENDENTS, "plans.office"):
        model = apps.get_model(label)
        post_delete.connect(_after_delete, sender=model, dispatch_uid=f"search_{label}_delete")
    pre_delete.connect(
        _before_delete,
        sender=apps.get_model("plans.schoolcluster"),
        dispatch_uid="search_cluster_before_delete",
    )
    audit.written_in_bulk.connect(_after_bulk, dispatch_uid="search_written_in_bulk")
