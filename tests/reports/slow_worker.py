"""`python -m tests.reports.slow_worker [run_worker options]`: the project's worker with
WeasyPrint (the outside world) slowed by SLOW_PDF_SECONDS before it writes a PDF, so that a
test can kill the worker in the middle of a render."""

import os
import sys
import time

import weasyprint
from django.core.management import execute_from_command_line

_write_pdf = weasyprint.HTML.write_pdf


def _slow_write_pdf(self, *args, **kwargs):
    time.sleep(float(os.environ.get("SLOW_PDF_SECONDS", "60")))
    return _write_pdf(self, *args, **kwargs)


if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    weasyprint.HTML.write_pdf = _slow_write_pdf
    execute_from_command_line(["manage.py", "run_worker", *sys.argv[1:]])
