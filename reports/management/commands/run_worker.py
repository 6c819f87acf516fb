"""`manage.py run_worker`: one worker of the task queue (django-tasks' database backend).

It is django-tasks-db's `db_worker` (every option of it works: --queue-name, --interval,
--batch, --max-tasks…) with two things first:

- PDF jobs whose worker died mid-render (no heartbeat for REPORT_JOB_STALE_SECONDS) are
  queued again or failed (reports.services.report_jobs_recover), so a restart leaves no job
  "running";
- --max-tasks defaults to WORKER_MAX_TASKS (20): the worker exits after that many tasks and
  its process manager (systemd's Restart=always, scripts/run's loop) starts a fresh one, so
  the memory a large PDF took goes back to the system.

A worker runs one task at a time: the number of workers is the number of PDFs rendered at
once, and each worker holds at most one render in memory.
"""

from __future__ import annotations

from django.conf import settings
from django_tasks_db.management.commands import db_worker

from reports import publishing, services


class Command(db_worker.Command):
    help = "Run a worker of the task queue (PDF jobs, e-mail, reminders), one task at a time."

    def add_arguments(self, parser) -> None:
        super().add_arguments(parser)
        limit = getattr(settings, "WORKER_MAX_TASKS", 0)
        parser.set_defaults(max_tasks=limit if limit > 0 else None)

    def handle(self, *args, **options) -> None:
        recovered = services.report_jobs_recover()
        if recovered and options["verbosity"]:
            self.stdout.write(f"PDF jobs left by a stopped worker: {len(recovered)} dealt with")
        failed = publishing.publications_recover()
        if failed and options["verbosity"]:
            self.stdout.write(f"publications left pending by a stopped worker: {failed} failed")
        super().handle(*args, **options)
