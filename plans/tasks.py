"""Background work of the plans app, on the project's task queue (django-tasks; how a task
is declared and queued: reports/tasks.py): the check and the import of an uploaded
spreadsheet (plans/imports/services.py holds the logic)."""

from __future__ import annotations

from django_tasks import task

from plans.imports import services


@task()
def import_upload_check(upload_id: int, attempt: int) -> None:
    """Check a stored upload: the preview's dry run (``services.import_check_run``)."""
    services.import_check_run(upload_id=upload_id, attempt=attempt)


@task()
def import_upload_import(upload_id: int, attempt: int) -> None:
    """Import a checked and confirmed upload as its user (``services.import_run``)."""
    services.import_run(upload_id=upload_id, attempt=attempt)
