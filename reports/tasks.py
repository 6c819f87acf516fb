"""Background work of the reports app, on the project's task queue (django-tasks).

How a task is declared and queued in this project (every app does it the same way):

- In ``<app>/tasks.py``, a module-level function decorated with ``@task()`` from
  ``django_tasks`` (Django 6's ``django.tasks`` once the portal moves to it) whose arguments
  are JSON values: ids, never model instances. It fetches what it needs and calls one
  service; the service holds the logic and is what the tests call directly.
- A service queues it with ``<task>.enqueue(**kwargs)`` inside its transaction: with the
  database backend the task's row commits with the service's rows (or neither does), and a
  worker (``manage.py run_worker``) picks it up after the commit. The tests' immediate
  backend runs it at once, in the caller.
- A task may run twice (a retried job, a worker killed after its work but before its
  record): make the service idempotent (here: a job runs only when it is queued).
"""

from __future__ import annotations

from django_tasks import task
from django_tasks.backends.immediate import ImmediateBackend

from reports import publishing, services


@task()
def report_job_render(job_id: int) -> None:
    """Render a queued ``ReportJob`` (``reports.services.report_job_run``); a worker
    process keeps the job's heartbeat while it renders."""
    in_worker = not isinstance(report_job_render.get_backend(), ImmediateBackend)
    services.report_job_run(job_id=job_id, heartbeat=in_worker)


@task()
def publication_render(publication_id: int) -> None:
    """Render a pending published version of a document and publish it
    (``reports.publishing.publication_run``)."""
    publishing.publication_run(publication_id=publication_id)
