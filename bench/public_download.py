# ruff: noqa: S603 -- a benchmark that runs local tools and fetches 127.0.0.1 only
"""Anonymous readers downloading a published document (/public/<office>/<year>/<slug>.pdf),
on loopback only.

Makes a fresh SQLite database and media folder, publishes a PDF of BENCH_PDF_MB megabytes
(the FY2565 annual report is a few MB), serves the portal with gunicorn (sync workers, as
production does behind nginx) and runs BENCH_CLIENTS client processes, each with one
keep-alive connection, for BENCH_SECONDS: first full downloads (Django sends the file:
SENDFILE_BACKEND=simple; with nginx's X-Accel-Redirect, nginx sends it and Django only
answers the lookup), then revalidations with If-None-Match (304, what a returning reader or
a cache sends once max-age has passed). Prints requests/s, MB/s, p50 and p95; asserts
nothing.

    BENCH_SECONDS=10   BENCH_CLIENTS=8   BENCH_PDF_MB=3
"""

from __future__ import annotations

import http.client
import os
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from dashboard_load import start_gunicorn, stop  # bench/ is the script's folder, first on sys.path

ROOT = Path(__file__).resolve().parent.parent
SETUP = """
import hashlib
from django.core.files.base import ContentFile
from django.utils import timezone
from plans.models import FiscalYear, Office, Plan
from reports.models import Publication

office = Office.objects.create(code="bench-office", name="สำนักงานทดสอบความเร็ว")
year = FiscalYear.objects.get_or_create(year=2565)[0]
plan = Plan.objects.create(office=office, fiscal_year=year)
content = b"%PDF-1.7\\n" + bytes(range(256)) * ({size} // 256)
publication = Publication(
    plan=plan, document="annual-report", status="published", published_at=timezone.now(),
    size=len(content), sha256=hashlib.sha256(content).hexdigest(),
)
publication.file.save("annual-report.pdf", ContentFile(content), save=True)
print("ETAG", publication.sha256)
"""
PATH = "/public/bench-office/2565/annual-report.pdf"


def client(port: int, seconds: float, etag: str | None) -> tuple[int, int, list[float], int]:
    """One reader: requests over one keep-alive connection for `seconds`; returns
    (requests, bytes, latencies in ms, errors)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    headers = {"If-None-Match": etag} if etag else {}
    expected = 304 if etag else 200
    count = received = errors = 0
    latencies: list[float] = []
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        started = time.perf_counter()
        try:
            connection.request("GET", PATH, headers=headers)
            response = connection.getresponse()
            body = response.read()
        except (OSError, http.client.HTTPException):
            errors += 1
            connection.close()
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            continue
        latencies.append((time.perf_counter() - started) * 1000)
        count += 1
        received += len(body)
        if response.status != expected:
            errors += 1
    return count, received, latencies, errors


def run(port: int, clients: int, seconds: float, etag: str | None):
    with ProcessPoolExecutor(clients) as pool:
        results = list(pool.map(client, [port] * clients, [seconds] * clients, [etag] * clients))
    count = sum(r[0] for r in results)
    received = sum(r[1] for r in results)
    latencies = sorted(x for r in results for x in r[2])
    errors = sum(r[3] for r in results)

    def pct(p: float) -> float:
        return latencies[min(len(latencies) - 1, int(len(latencies) * p))] if latencies else 0.0

    return count / seconds, received / seconds / 1e6, pct(0.5), pct(0.95), errors, count


def main() -> None:
    seconds = float(os.environ.get("BENCH_SECONDS", "10"))
    clients = int(os.environ.get("BENCH_CLIENTS", "8"))
    size = int(float(os.environ.get("BENCH_PDF_MB", "3")) * 1_000_000)
    workers = max(2, 2 * (os.cpu_count() or 1))
    work = Path(tempfile.mkdtemp(prefix="public-bench-"))
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{work}/bench.db",
        "DJANGO_MEDIA_ROOT": str(work / "media"),
        "DJANGO_DEBUG": "false",
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "SENDFILE_BACKEND": "django_sendfile.backends.simple",
    }
    python = sys.executable
    subprocess.run([python, "manage.py", "migrate", "-v0"], cwd=ROOT, env=env, check=True)
    etag = (
        subprocess.run(
            [python, "manage.py", "shell", "-c", SETUP.format(size=size)],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
            text=True,
        )
        .stdout.split("ETAG ")[-1]
        .strip()
    )
    server, base = start_gunicorn(
        python, env, workers, app="config.wsgi", ready=PATH, pythonpath=str(ROOT)
    )
    port = int(base.rsplit(":", 1)[1])
    try:
        print(f"published PDF: {size / 1e6:.1f} MB; {workers} gunicorn sync workers; loopback")
        print(f"{clients} readers with keep-alive connections, {seconds:.0f} s per run")
        heads = ("req/s", "MB/s", "p50 ms", "p95 ms", "errors")
        print(f"{'':<22}" + "".join(f"{h:>9}" for h in heads) + f"{'requests':>10}")
        for label, tag in (("full download (200)", None), ("revalidation (304)", f'"{etag}"')):
            rps, mbs, p50, p95, errors, count = run(port, clients, seconds, tag)
            print(f"{label:<22}{rps:>9.1f}{mbs:>9.1f}{p50:>9.1f}{p95:>9.1f}{errors:>9}{count:>10}")
    finally:
        stop(server)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
