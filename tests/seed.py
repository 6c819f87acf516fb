"""The FY2565 seed for tests: loaded once per session, restored into each test that asks.

Loading the seed through demo/loader.py takes seconds; putting the same rows back takes
milliseconds. So the session loads it once inside a transaction, reads every row the load
added (table by table, as the database returns them), and rolls the load back: the test
database stays empty. A test that asks for the seed gets those rows inserted inside its own
transaction, which ends with the test, so nothing leaks from one test into another.

Foreign keys are deferred to the end of the transaction (Django creates them that way on
SQLite and PostgreSQL), so the tables are filled in any order. Rows keep their ids: the
database's own counters have already passed them (the load drew them), and SQLite's
AUTOINCREMENT counter follows the ids inserted.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.apps import apps
from django.db import connection, transaction

Rows = list[tuple]


def _read(cursor, table: str) -> tuple[list[str], Rows]:
    cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608
    return [column[0] for column in cursor.description], cursor.fetchall()


def _all_rows() -> dict[str, tuple[list[str], Rows]]:
    with connection.cursor() as cursor:
        return {table: _read(cursor, table) for table in connection.introspection.table_names()}


def _check_no_reference_to(tables: set[str], seeded: set[str]) -> None:
    """The seed may not point at rows that the migrations made (content types,
    permissions): a transactional test's flush makes those again with new ids, and the
    restored rows would point at ids that are gone."""
    models = {m._meta.db_table: m for m in apps.get_models(include_auto_created=True)}
    for table in seeded:
        model = models.get(table)
        for field in model._meta.concrete_fields if model else ():
            target = field.related_model
            if field.is_relation and target and target._meta.db_table in tables:
                raise AssertionError(
                    f"the seed's {table}.{field.column} refers to {target._meta.db_table}, "
                    "which a flush re-creates with new ids: restore it by natural key"
                )


@dataclass(frozen=True)
class Seed:
    plan_pk: int
    tables: dict[str, tuple[list[str], Rows]]  # table -> (columns, rows the load added)

    @classmethod
    def take(cls) -> Seed:
        from demo.guard import record_load
        from demo.loader import Loader

        with transaction.atomic():
            before = _all_rows()
            data = {table: rows for table, (_, rows) in before.items() if rows}
            assert set(data) <= {"django_migrations", "django_content_type", "auth_permission"}, (
                f"the test database is not empty before the seed is loaded: {sorted(data)}"
            )
            loader = Loader()
            plan = loader.load()
            record_load(plan, loader.stats)
            after = _all_rows()
            transaction.set_rollback(True)
        tables = {}
        for table, (columns, rows) in after.items():
            old = set(before[table][1])
            if old - set(rows):
                raise AssertionError(f"loading the seed changed rows the migrations made: {table}")
            added = [row for row in rows if row not in old]
            if added and old:
                raise AssertionError(f"loading the seed added rows to {table} (migrations' rows)")
            if added:
                tables[table] = (columns, added)
        _check_no_reference_to(set(data), set(tables))
        return cls(plan_pk=plan.pk, tables=tables)

    def restore(self):
        """Inserts the seed's rows into the current transaction; returns the FY2565 plan."""
        from plans.models import Plan

        quote = connection.ops.quote_name
        with transaction.atomic(), connection.cursor() as cursor:
            for table, (columns, rows) in self.tables.items():
                names = ", ".join(quote(column) for column in columns)
                marks = ", ".join(["%s"] * len(columns))
                cursor.executemany(f"INSERT INTO {quote(table)} ({names}) VALUES ({marks})", rows)  # noqa: S608
            if connection.vendor == "postgresql":
                _past_restored_ids(cursor, self.tables)
        return Plan.objects.select_related("office", "fiscal_year").get(pk=self.plan_pk)

    def rows(self) -> dict[str, Rows]:
        """Every row the seed holds, table by table, as the database returns them now."""
        current = _all_rows()
        return {table: current[table][1] for table in self.tables}


def _past_restored_ids(cursor, tables: dict) -> None:
    """PostgreSQL: each restored table's id sequence is moved past the ids just inserted, so
    that a row the test creates next never takes one of them (the seed's ids were handed out
    when it was taken; a test that restarted a sequence since, a restore's flush say, would
    otherwise hand them out again). Sequences only promise unique values: moving one forward
    inside a test that rolls back is harmless."""
    for table, (columns, _rows) in tables.items():
        if "id" not in columns:
            continue
        cursor.execute("SELECT pg_get_serial_sequence(%s, 'id')", [table])
        sequence = cursor.fetchone()[0]
        if sequence:
            quoted = connection.ops.quote_name(table)
            cursor.execute(
                f"SELECT setval(%s, GREATEST((SELECT COALESCE(MAX(id), 1) FROM {quoted}),"  # noqa: S608
                f" (SELECT last_value FROM {sequence})))",
                [sequence],
            )
