"""Fixtures of the report tests: the FY2565 annual report's PDF, rendered once per session."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import transaction


@pytest.fixture(scope="session")
def fy2565_pdf_file(fy2565_seed, django_db_blocker, tmp_path_factory) -> Path:
    """The FY2565 annual report as `manage.py render_report 2565 --format pdf` writes it, on
    the seed (restored for the command, then rolled back). Rendering its 118 pages takes
    several seconds, so it is done once for every assertion that reads the PDF."""
    path = tmp_path_factory.mktemp("fy2565") / "report.pdf"
    with django_db_blocker.unblock(), transaction.atomic():
        plan = fy2565_seed.restore()
        call_command(
            "render_report", "2565", "--format", "pdf", "--output", str(path), "--office",
            plan.office.code, stdout=io.StringIO(),
        )  # fmt: skip
        transaction.set_rollback(True)
    return path
