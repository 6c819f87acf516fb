"""The audit trail, recorded at the model level: every save, delete and many-to-many change
of the portal's data writes an `AuditEntry`, whatever the path (services, the admin, imports,
management commands, the shell).

An entry stores codes, never display text: the action as an `Action` code, the changes as
{field name: [old, new]} with values as text (a foreign key as the related row's name, a
choice as its code, money as "25000.00", a date as "2022-10-01"). Labels, Thai digits and
Buddhist-era dates are rendered when the history is shown (plans/history.py), so renaming a
label never splits a history.

Who and why come from the context: `AuditMiddleware` names the signed-in user of a request,
`@authored` a service's `user`; a service names its domain action ("approve", "reverse") and
reason for the writes it makes inside `acting(...)`, and nested writes take them too.
Writes with no user are the system's. The author's name is kept on the entry.

An entry belongs to its row's office (plans/ownership.py) and to the records whose history
shows it (`PARENTS`, registered by each app): a disbursement appears in its project's
history, a report's value in the report's. The receivers listen to the audited models only.
Bulk writes (`QuerySet.update`, `bulk_create`) send no signals and are not used for recorded
fields; `suppressed()` is for loading seed data only.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, replace
from datetime import date, datetime
from decimal import Decimal
from functools import wraps
from typing import Any

from django.apps import apps
from django.db import connections, models, router
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save
from django.dispatch import Signal
from django.utils import timezone

from plans import versions
from plans.models.audit import AuditAction, AuditEntry
from plans.ownership import office_id_of

Action = AuditAction  # the codes an entry's action takes (plans/models/audit.py)


# The apps whose rows are audited, and user accounts; machinery is not (the trail itself,
# used form tokens, files uploaded for import, PDF jobs).
AUDITED_APPS = frozenset({"plans", "projects", "indicators", "budget", "progress", "nextyear"})
AUDITED_MODELS = frozenset({"auth.user", "auth.group"})
NOT_AUDITED = frozenset(
    {
        "plans.auditentry",
        "plans.submissiontoken",
        "plans.importupload",
        # the data version counters (plans/versions.py), which the receivers below move on
        "plans.dataversion",
        # notices to people, their own choices of them, and the reminders' record of sending
        "plans.notice",
        "plans.noticepreference",
        "progress.remindersent",
    }
)
# Bookkeeping that is not a change anyone made.
NOT_RECORDED_FIELDS = frozenset({"version", "last_login"})
# Recorded as changed, never with their value.
SECRET_FIELDS = frozenset({"password"})
SECRET_CHANGED = "changed"  # noqa: S105 -- a marker, not a password

# Sent after writes that receivers of post_save and post_delete did not see one by one, for
# what keeps a copy of the data (the search index, search/indexing.py): at the end of a
# `suppressed()` block with `offices`, the ids of the offices it wrote (None: data of no
# office); after `created_in_bulk` with `objs`, the rows it recorded. In the writes'
# transaction.
written_in_bulk = Signal()

# The records whose history shows a row's changes, by the row's model label: attribute
# paths from the row ("indicator.project"), or a function of the row. Each app registers
# its own in its AppConfig.ready() (`parents`); a row is always in its own history too.
PARENTS: dict[str, tuple[str | Callable[[Any], Any], ...]] = {}


def parents(label: str, *paths: str | Callable[[Any], Any]) -> None:
    """Register where the rows of `label` ("budget.projectdisbursement") show in history."""
    PARENTS[label] = paths


@dataclass(frozen=True)
class _Context:
    user: Any = None
    request: Any = None
    action: str = ""
    note: str = ""
    suppressed: bool = False
    # The offices whose data was written while suppressed (their versions move on at the end).
    touched: set | None = None


_context: ContextVar[_Context | None] = ContextVar("audit_context", default=None)
_NONE = _Context()


def _current() -> _Context:
    return _context.get() or _NONE


@contextmanager
def _using(context: _Context) -> Iterator[None]:
    token = _context.set(context)
    try:
        yield
    finally:
        _context.reset(token)


def acting(*, user: Any = None, action: str = "", note: str = ""):
    """The writes inside are `user`'s (None: keep the request's), named `action` (an
    `Action` code; empty: create/update/delete), with `note` as their reason."""
    current = _current()
    return _using(
        replace(
            current,
            user=user if user is not None else current.user,
            action=action or current.action,
            note=note or current.note,
        )
    )


def authored(service: Callable) -> Callable:
    """A service's writes are its `user`'s (the keyword every write service takes), also
    when it is called outside a request (a command, a background job, a test)."""

    @wraps(service)
    def wrapper(*args, **kwargs):
        with acting(user=kwargs.get("user")):
            return service(*args, **kwargs)

    return wrapper


def record(
    obj: models.Model,
    *,
    user: Any,
    note: str,
    action: str = "update",
    changes: dict[str, list] | None = None,
) -> None:
    """An entry in `obj`'s history for an act that saves none of its recorded fields (a
    sign-in lockout cleared, a document published), by `user`, explained by `note`, with
    `changes` ({field name: [old, new]}, values as text) when the act has some to show."""
    with acting(user=user, note=note):
        _write(
            obj,
            action,
            {name: [_text(old), _text(new)] for name, (old, new) in (changes or {}).items()},
        )


@contextmanager
def suppressed():
    """No entries for the writes inside: seed data loading and restores only. The data
    versions (plans/versions.py) of the offices written still move on, when the block ends."""
    touched: set = set()
    with _using(replace(_current(), suppressed=True, touched=touched)):
        yield
    versions.bump_many(touched)
    written_in_bulk.send(sender=None, offices=frozenset(touched), objs=())


def is_suppressed() -> bool:
    """Whether the current writes are inside `suppressed()` (seed loading, restores)."""
    return _current().suppressed


class AuditMiddleware:
    """Names the request's signed-in user as the author of what the request writes."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with _using(_Context(request=request)):
            return self.get_response(request)


def _actor(context: _Context):
    user = context.user
    if user is None and context.request is not None:
        user = getattr(context.request, "user", None)
    return user if getattr(user, "is_authenticated", False) else None


# -- what is recorded -------------------------------------------------------------------------


def is_audited(model: type[models.Model]) -> bool:
    label = model._meta.label_lower
    if label in NOT_AUDITED or model._meta.proxy:
        return False
    if model._meta.app_label not in AUDITED_APPS and label not in AUDITED_MODELS:
        return False
    # Migrations' historical models are other classes of the same label: not recorded.
    try:
        return apps.get_model(label) is model
    except LookupError:
        return False


def recorded_fields(model: type[models.Model]) -> list[models.Field]:
    return [
        f
        for f in model._meta.concrete_fields
        if not f.primary_key
        and f.name not in NOT_RECORDED_FIELDS
        and not getattr(f, "auto_now", False)
        and not getattr(f, "auto_now_add", False)
    ]


def _text(value: Any) -> str | None:
    """A value as stored in the trail: text that outlives schema changes."""
    if value is None or value == "":
        return None
    if isinstance(value, models.Model):
        return str(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal | int | float | str):
        return str(value)
    if hasattr(value, "name"):  # a file
        return value.name or None
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def _raw(obj: models.Model, field: models.Field) -> Any:
    return getattr(obj, field.attname)


def _shown(obj: models.Model, field: models.Field, raw: Any) -> str | None:
    """The stored text of `raw` (a foreign key's id as the related row's name)."""
    if raw is None or raw == "":
        return None
    if field.name in SECRET_FIELDS:
        return SECRET_CHANGED
    if field.is_relation:
        cached = field.get_cached_value(obj, None) if field.is_cached(obj) else None
        if cached is not None and cached.pk == raw:
            return str(cached)
        related = field.related_model._base_manager.filter(pk=raw).first()
        return str(related) if related is not None else str(raw)
    if isinstance(field, models.DecimalField) and isinstance(raw, Decimal | int | str):
        # As the column holds it: 30 saved in a two-place column is "30.00".
        return str(Decimal(raw).quantize(Decimal(1).scaleb(-field.decimal_places)))
    return _text(raw)


def _same(field: models.Field, before: Any, after: Any) -> bool:
    """The same value for the column (Decimal 30 and "30.00" are one value)."""
    try:
        return field.to_python(before) == field.to_python(after)
    except Exception:  # a value the field cannot read: compare the stored texts
        return _text(before) == _text(after)


def _parents(obj: models.Model) -> list[models.Model]:
    found: list[models.Model] = []
    for path in PARENTS.get(obj._meta.label_lower, ()):
        target: Any = obj
        if callable(path):
            target = path(obj)
        else:
            for name in path.split("."):
                target = getattr(target, name, None) if target is not None else None
        if target is not None and target.pk is not None and target not in found:
            found.append(target)
    return found


def _write(obj: models.Model, action: str, changes: dict[str, list]) -> None:
    AuditEntry.objects.bulk_create([AuditEntry(**e) for e in _entries(obj, action, changes)])
    _changed(obj)


def _changed(obj: models.Model) -> None:
    """The data version of ``obj``'s office moves on (plans/versions.py), in the write's
    transaction; under ``suppressed()`` when the block ends. User accounts count for none,
    nor does the machinery an entry is recorded for (a document published: no report reads
    it)."""
    if _moves_version(type(obj)):
        _offices_changed({office_id_of(obj)})


def _moves_version(model: type[models.Model]) -> bool:
    """Whether a write of ``model`` is data a report reads (not an account, not the audit's
    own machinery)."""
    return model._meta.label_lower not in AUDITED_MODELS and is_audited(model)


def _offices_changed(office_ids: set[int | None]) -> None:
    touched = _current().touched
    if touched is not None:
        touched.update(office_ids)
    else:
        versions.bump_many(office_ids)


def _entries(obj: models.Model, action: str, changes: dict[str, list]) -> list[dict[str, Any]]:
    """The entries (as AuditEntry's keyword arguments) of one change of `obj`: one per
    record whose history shows it."""
    context = _current()
    author = _actor(context)
    common = {
        "office_id": office_id_of(obj),
        "user": author,
        "user_name": (author.get_full_name() or author.get_username())[:150] if author else "",
        "object_type": obj._meta.label_lower,
        "object_id": obj.pk,
        "object_label": str(obj)[:300],
        "action": context.action or action,
        "changes": changes,
        "note": context.note,
    }
    parents = _parents(obj)
    return [{**common, "parent_type": p._meta.label_lower, "parent_id": p.pk} for p in parents] or [
        common
    ]


def created_in_bulk(objs: list[models.Model], *, batch: int = 2000) -> None:
    """The entries saving each of `objs` would have written, for rows just made by
    `bulk_create` (which sends no signals): an import of many rows records every row it
    creates, as the same entries, in a few statements (`batch` rows each)."""
    fields: dict[type, list[models.Field]] = {}
    entries: list[dict[str, Any]] = []
    offices: set[int | None] = set()
    for obj in objs:
        model = type(obj)
        if _moves_version(model):
            offices.add(office_id_of(obj))
        if model not in fields:
            fields[model] = recorded_fields(model) if _active(model) else []
        if not fields[model]:
            continue
        changes = {}
        for field in fields[model]:
            after = _raw(obj, field)
            if _text(after) is None:
                continue
            shown = SECRET_CHANGED if field.name in SECRET_FIELDS else _shown(obj, field, after)
            changes[field.name] = [None, shown]
        entries += _entries(obj, Action.CREATE, changes)
        if len(entries) >= batch:
            _insert(entries)
            entries = []
    _insert(entries)
    _offices_changed(offices)
    written_in_bulk.send(sender=None, offices=frozenset(), objs=tuple(objs))


def _insert(entries: list[dict[str, Any]]) -> None:
    """INSERT the entries with one executemany: the columns and values `bulk_create`
    writes, without building a model object and compiling SQL for each entry, which cost
    more than the import's own rows (an import of 30,000 schools writes 240,000 entries).
    Plain values go as they are; the JSON of the changes and the time through their fields."""
    if not entries:
        return
    connection = connections[router.db_for_write(AuditEntry)]
    fields = [f for f in AuditEntry._meta.concrete_fields if not f.primary_key]
    at = AuditEntry._meta.get_field("at").get_db_prep_save(timezone.now(), connection)
    changes = AuditEntry._meta.get_field("changes")

    def value(entry: dict[str, Any], field: models.Field) -> Any:
        if field.name == "at":
            return at
        if field.name == "changes":
            return changes.get_db_prep_save(entry.get("changes", {}), connection)
        if field.name == "user":
            user = entry.get("user")
            return user.pk if user is not None else None
        if field.attname in entry:
            return entry[field.attname]
        return entry.get(field.name, field.get_default())

    table = connection.ops.quote_name(AuditEntry._meta.db_table)
    names = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    marks = ", ".join(["%s"] * len(fields))
    rows = [tuple(value(entry, f) for f in fields) for entry in entries]
    with connection.cursor() as cursor:
        cursor.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", rows)  # noqa: S608


# -- the signal receivers ---------------------------------------------------------------------


def _active(sender, raw: bool = False) -> bool:
    return not raw and not _current().suppressed and is_audited(sender)


def _before_save(sender, instance, raw=False, **kwargs) -> None:
    if not _active(sender, raw) or instance.pk is None or instance._state.adding:
        instance._audit_old = None
        return
    names = [f.attname for f in recorded_fields(sender)]
    instance._audit_old = sender._base_manager.filter(pk=instance.pk).values(*names).first()


def _after_save(sender, instance, created, raw=False, update_fields=None, **kwargs) -> None:
    if not _active(sender, raw):
        _changed(instance)  # seed loading, fixtures: no entry, the version moves on
        return
    old = None if created else getattr(instance, "_audit_old", None)
    changes = {}
    for field in recorded_fields(sender):
        if update_fields is not None and field.name not in update_fields:
            continue
        before = old.get(field.attname) if old else None
        after = _raw(instance, field)
        if _same(field, before, after) or (_text(before) is None and _text(after) is None):
            continue
        if field.name in SECRET_FIELDS:
            changes[field.name] = [None, SECRET_CHANGED]  # that it changed, nothing more
            continue
        changes[field.name] = [_shown(instance, field, before), _shown(instance, field, after)]
    instance._audit_old = None
    if changes:
        _write(instance, Action.CREATE if created else Action.UPDATE, changes)


def _after_delete(sender, instance, **kwargs) -> None:
    if not _active(sender):
        _changed(instance)
        return
    changes = {}
    for field in recorded_fields(sender):
        value = _shown(instance, field, _raw(instance, field))
        if value is not None and field.name not in SECRET_FIELDS:
            changes[field.name] = [value, None]
    _write(instance, Action.DELETE, changes)


def _m2m_labels(instance, name: str) -> str | None:
    labels = sorted(str(o) for o in getattr(instance, name).all())
    return ", ".join(labels) or None


def _m2m(sender, instance, action, reverse, model, **kwargs) -> None:
    if not isinstance(instance, models.Model):
        return
    if reverse or not _active(type(instance)):
        # Not recorded (changed from the other side, or suppressed): the version moves on.
        audited = is_audited(model if reverse else type(instance))
        if audited and action in ("post_add", "post_remove", "post_clear"):
            _changed(instance)
        return
    field = next((f for f in instance._meta.many_to_many if f.remote_field.through is sender), None)
    if field is None:
        return
    if action in ("pre_add", "pre_remove", "pre_clear"):
        instance._audit_m2m = {**getattr(instance, "_audit_m2m", {}), field.name: None}
        instance._audit_m2m[field.name] = _m2m_labels(instance, field.name)
    elif action in ("post_add", "post_remove", "post_clear"):
        before = getattr(instance, "_audit_m2m", {}).pop(field.name, None)
        after = _m2m_labels(instance, field.name)
        if before != after:
            _write(instance, Action.UPDATE, {field.name: [before, after]})


def connect() -> None:
    """Called once by PlansConfig.ready(), when every model is loaded: the receivers listen to
    the audited models only, so that other models keep Django's fast deletes (sessions, form
    tokens)."""
    for model in apps.get_models():
        if not is_audited(model):
            continue
        uid = model._meta.label_lower
        pre_save.connect(_before_save, sender=model, dispatch_uid=f"audit_before_save_{uid}")
        post_save.connect(_after_save, sender=model, dispatch_uid=f"audit_after_save_{uid}")
        post_delete.connect(_after_delete, sender=model, dispatch_uid=f"audit_after_delete_{uid}")
        for field in model._meta.many_to_many:
            m2m_changed.connect(
                _m2m,
                sender=field.remote_field.through,
                dispatch_uid=f"audit_m2m_{uid}_{field.name}",
            )
