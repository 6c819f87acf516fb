# ruff: noqa: S310, S603, S607 -- a benchmark that runs local tools and fetches 127.0.0.1 only
"""The director dashboard under concurrent load, on loopback only.

Creates a separate database (a fresh SQLite file, or BENCH_DATABASE_URL for an empty
PostgreSQL database), generates the national-scale synthetic data set into it
(`manage.py generate_national_data`; BENCH_SIZE=small for a quick run), serves the portal
with gunicorn (several worker processes) on 127.0.0.1, signs a director in (a session
cookie), and runs wrk with many connections for a bounded time against the dashboard and
against a plain static file served by the same server. Prints requests/s, p50, p95 and
errors for both; asserts nothing.

    BENCH_SIZE=small|full (default full)   BENCH_SECONDS=20   BENCH_CONNECTIONS=32
"""

from __future__ import annotations

import http.cookiejar
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SIZES = {
    "full": ["--offices", "245", "--projects", "20", "--schools", "30000"],
    "small": ["--offices", "20", "--projects", "20", "--schools", "2000"],
}
WRK_SCRIPT = """
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %d %d %d %d %d\\n", summary.requests, summary.duration,
    latency:percentile(50), latency:percentile(95),
    e.connect + e.read + e.write + e.status + e.timeout))
end
"""


def wsgi_app():
    """gunicorn's entry point (`dashboard_load:wsgi_app()`): the portal with its static files
    served by Django's own handler, as runserver does, so that both URLs go through the same
    server and workers."""
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    from django.contrib.staticfiles.handlers import StaticFilesHandler
    from django.core.wsgi import get_wsgi_application

    return StaticFilesHandler(get_wsgi_application())


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def ensure_wrk() -> str:
    found = shutil.which("wrk")
    if found:
        return found
    if os.geteuid() != 0:
        sys.exit("bench: wrk is missing and only root may install it (apt-get install wrk)")
    print("installing wrk (Debian package) ...", flush=True)
    subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], check=False, capture_output=True)
    if not shutil.which("wrk"):
        subprocess.run(["apt-get", "update", "-qq"], check=True, capture_output=True)
        subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], check=True, capture_output=True)
    return shutil.which("wrk") or "wrk"


def sign_in(base: str, username: str, password: str) -> str:
    """Signs in through the login form like a browser; returns the session cookie."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    page = opener.open(f"{base}/accounts/login/", timeout=30).read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    form = urllib.parse.urlencode(
        {"username": username, "password": password, "csrfmiddlewaretoken": token}
    ).encode()
    opener.open(f"{base}/accounts/login/", data=form, timeout=30).read()
    cookies = {c.name: c.value for c in jar}
    if "sessionid" not in cookies:
        raise RuntimeError("sign-in failed")
    return f"sessionid={cookies['sessionid']}"


def load(wrk: str, url: str, cookie: str, seconds: int, connections: int, script: str):
    out = subprocess.run(
        [
            wrk,
            "-t2",
            f"-c{connections}",
            f"-d{seconds}s",
            "--timeout",
            "10s",
            "-s",
            script,
            "-H",
            f"Cookie: {cookie}",
            url,
        ],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    requests, duration, p50, p95, errors = map(int, re.search(r"RESULT (.*)", out).group(1).split())
    return requests / (duration / 1e6), p50 / 1000, p95 / 1000, errors, requests


def main() -> None:
    size = os.environ.get("BENCH_SIZE", "full")
    seconds = int(os.environ.get("BENCH_SECONDS", "20"))
    connections = int(os.environ.get("BENCH_CONNECTIONS", "32"))
    workers = max(2, 2 * (os.cpu_count() or 1))
    wrk = ensure_wrk()
    work = Path(tempfile.mkdtemp(prefix="dashboard-bench-"))
    database = os.environ.get("BENCH_DATABASE_URL") or f"sqlite:///{work}/national.db"
    env = {
        **os.environ,
        "DATABASE_URL": database,
        "DJANGO_DEBUG": "false",  # demo mode (no secret key) without DEBUG's query log
        "DJANGO_SETTINGS_MODULE": "config.settings",
    }
    python = sys.executable
    print(f"database: {database.split('@')[-1]}; size: {size}; {workers} gunicorn workers")
    started = time.perf_counter()
    subprocess.run(
        [python, "manage.py", "generate_national_data", "--database-url", database, *SIZES[size]],
        cwd=ROOT,
        env=env,
        check=True,
    )
    print(f"data set ready in {time.perf_counter() - started:.0f} s (migrations included)")

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [
            python,
            "-m",
            "gunicorn",
            "--chdir",
            str(ROOT),
            "--pythonpath",
            f"{ROOT},{ROOT / 'bench'}",
            "--workers",
            str(workers),
            "--bind",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
            "dashboard_load:wsgi_app()",
        ],
        env=env,
        start_new_session=True,
    )
    try:
        for _ in range(120):
            try:
                urllib.request.urlopen(f"{base}/accounts/login/", timeout=2).read()
                break
            except OSError:
                time.sleep(0.5)
        cookie = sign_in(base, "bench-director", "bench-2567")
        dashboard = f"{base}/dashboard/?quarter=4"
        static = f"{base}/static/css/app.css"
        check = urllib.request.Request(dashboard, headers={"Cookie": cookie})
        body = urllib.request.urlopen(check, timeout=30).read()
        print(f"dashboard page: {len(body):,} bytes; static file: app.css")
        for _ in range(3 * workers):  # warm every worker (imports, templates) before timing
            urllib.request.urlopen(check, timeout=60).read()
        script = work / "report.lua"
        script.write_text(WRK_SCRIPT)
        print(f"\nwrk: 2 threads, {connections} connections, {seconds} s per URL, loopback")
        print(f"{'':<12}{'req/s':>10}{'p50 ms':>10}{'p95 ms':>10}{'errors':>8}{'requests':>10}")
        # The static file first: a sync worker still answers the dashboard's queued requests
        # for a while after wrk stops.
        for label, url in (("static file", static), ("dashboard", dashboard)):
            rps, p50, p95, errors, total = load(wrk, url, cookie, seconds, connections, str(script))
            print(f"{label:<12}{rps:>10.1f}{p50:>10.1f}{p95:>10.1f}{errors:>8}{total:>10}")
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
