"""The data version: one counter per office that every write of its data moves on.

A thing made from an office's data (the annual report's PDF today; cached dashboards
tomorrow, issue #15) is kept with :func:`data_version` of that office, read *before* the
data; while the version is the same, nothing it was made from has changed and it can be
served again. The rule lives in ONE place that no write can forget: the audit trail's signal
receivers (plans/audit.py), which see every save, delete and many-to-many change of the
audited apps in the same transaction, call :func:`bump` (so a version moves on exactly when
the change commits, and not if it rolls back); rows made with ``bulk_create`` are bumped by
``audit.created_in_bulk``; seed loading and restores under ``audit.suppressed()`` bump the
offices they touched when the block ends.

Public API (keep it small and stable: other apps key caches on it):

- ``data_version(office_id)`` -> ``str``: the version of what a page or report of that
  office reads (the office's own data and the data of no office);
- ``office_version(office_id)`` -> ``str``: one scope's version (``None``: the data of no
  office);
- ``national_version()`` -> ``str``: moves on whenever any office's data changes (for pages
  across every office);
- ``user_version(user)`` -> ``str``: the version of everything the user's pages may read and
  show them (the offices they read, the data of no office, their notices), in one query;
- ``bump(office_id)``: what the audit receivers call; anyone writing with
  ``QuerySet.update`` or raw SQL (which send no signals) calls it too.

Not counted: user accounts and groups (no report prints them; their offices' memberships
are ``plans`` rows and do count), and the machinery the audit trail leaves out.
Versions are strings ("<epoch>.<counter>"); compare them for equality only.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import connection
from django.db.models import Count, F, Sum

from plans.models.versions import DataVersion

NO_OFFICE = 0  # the scope of data that belongs to no office


def _scope(office_id: int | None) -> int:
    return office_id or NO_OFFICE


def bump(office_id: int | None) -> None:
    """Move the office's version on (``None``: the data of no office), in the caller's
    transaction."""
    scope = _scope(office_id)
    rows = DataVersion.objects.filter(scope=scope)
    if not rows.update(counter=F("counter") + 1):
        # The office's first change: make its row (another transaction may make it at the
        # same time; the conflict is ignored and the update below counts this change).
        DataVersion.objects.bulk_create([DataVersion(scope=scope)], ignore_conflicts=True)
        rows.update(counter=F("counter") + 1)


def bump_many(office_ids: Iterable[int | None]) -> None:
    for scope in sorted({_scope(o) for o in office_ids}):  # one order: no deadlock
        bump(scope or None)


def _versions(scopes: list[int]) -> dict[int, str]:
    rows = DataVersion.objects.filter(scope__in=scopes).values_list("scope", "epoch", "counter")
    return {scope: f"{epoch}.{counter}" for scope, epoch, counter in rows}


def office_version(office_id: int | None) -> str:
    """One scope's version: the office's own rows (``None``: the data of no office)."""
    scope = _scope(office_id)
    return _versions([scope]).get(scope, "0")


def data_version(office_id: int) -> str:
    """The version of everything a page or report of the office reads: its own data and the
    data of no office (one query)."""
    found = _versions([_scope(office_id), NO_OFFICE])
    return f"{found.get(_scope(office_id), '0')}/{found.get(NO_OFFICE, '0')}"


def national_version() -> str:
    """Moves on whenever any office's data changes (counters only grow; a row made or
    dropped changes the count)."""
    totals = DataVersion.objects.aggregate(rows=Count("scope"), changes=Sum("counter"))
    return f"{totals['rows']}.{totals['changes'] or 0}"


USER_VERSION = "plan_user_version"  # the attribute a user loaded with their version carries


def user_version_sql(user_table: str) -> str:
    """The version of what a user may read and be shown, as one SQL expression over a row of
    ``user_table`` (see :func:`user_version`): the offices they read (plans.access: every
    office for a superuser) and the data of no office, then their notices in the portal
    (their newest and how many are unread: the menu's count), as "scope:epoch.counter"
    joined by commas. Written in SQL rather than by the ORM because a whole cached page is
    answered after it (plans/caching.py), and building it through the ORM took several times
    longer than running it; the rule it reads stays plans.access's (`roles_with`), and the
    tests hold it to `offices_with`. Names come from the models, values from the code: no
    user text goes into it."""
    from plans.access import Right, roles_with  # plans.access reads plans.models only
    from plans.models import Membership, Notice

    quote = connection.ops.quote_name
    user = quote(user_table)
    roles = ", ".join(f"'{role}'" for role in roles_with(Right.READ))  # codes, not user text
    rows = (
        f"SELECT scope AS s, epoch AS e, counter AS c FROM {quote(DataVersion._meta.db_table)}"  # noqa: S608
        f" WHERE scope = {NO_OFFICE} OR {user}.is_superuser OR scope IN (SELECT office_id"
        f" FROM {quote(Membership._meta.db_table)} WHERE user_id = {user}.id"
        f" AND role IN ({roles}))"
        f" UNION ALL SELECT -1, CAST(COALESCE(MAX(id), 0) AS VARCHAR(20)),"
        f" COUNT(CASE WHEN read_at IS NULL THEN 1 END) FROM {quote(Notice._meta.db_table)}"
        f" WHERE recipient_id = {user}.id AND in_portal"
    )
    text = "CAST(s AS VARCHAR(20)) || ':' || e || '.' || CAST(c AS VARCHAR(20))"
    if connection.vendor == "postgresql":
        return f"(SELECT string_agg({text}, ',' ORDER BY s, e) FROM ({rows}) AS v)"  # noqa: S608
    ordered = f"SELECT {text} AS x FROM ({rows}) ORDER BY s, e"  # noqa: S608
    return f"(SELECT group_concat(x, ',') FROM ({ordered}))"  # noqa: S608


def user_version(user) -> str:
    """The version of everything the user's pages may read and show them (one query, or none
    when the user was loaded with it: config.security.PortalBackend). A membership given or
    taken is a row of its office and moves that office's version, which the user's old
    version did not include or still does: either way the returned version changes."""
    loaded = getattr(user, USER_VERSION, None)
    if loaded is not None:
        return loaded
    table = user._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {user_version_sql(table)} FROM {connection.ops.quote_name(table)}"  # noqa: S608
            " WHERE id = %s",
            [user.pk],
        )
        return cursor.fetchone()[0] or ""
