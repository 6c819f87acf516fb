# ruff: noqa: S310, S603, S607 -- a benchmark that runs local tools and fetches 127.0.0.1 only
"""The director dashboard under concurrent load, on loopback only, beside a static file.

For each database (PostgreSQL first: a throw-away server of scripts/postgres, or
BENCH_DATABASE_URL for an empty database; then SQLite, a fresh file) it generates the
national-scale synthetic data set (`manage.py generate_national_data`; BENCH_SIZE=small for
a quick run), times the dashboard's uncached first view in one process (the cache emptied
before each request, after a warm-up), serves the portal with gunicorn on 127.0.0.1, signs a
director in as a browser does (session and CSRF cookies), and runs wrk with many connections
for a bounded time against a plain static file and then the dashboard, through the same
server. On PostgreSQL it also runs two app servers (gunicorn instances, each with its own
cache, as two machines would) on the one database, wrk loading both at once. Prints
requests/s, p50, p95 and errors, and the dashboard's share of the static file's throughput;
asserts nothing.

    BENCH_SIZE=small|full (default full)   BENCH_SECONDS=20   BENCH_CONNECTIONS=32
    BENCH_DATABASES=postgres,sqlite (default both)
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
from multiprocessing.pool import ThreadPool
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
    return "; ".join(f"{name}={value}" for name, value in cookies.items())


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


def start_gunicorn(
    python: str,
    env: dict,
    workers: int,
    app: str = "dashboard_load:wsgi_app()",
    ready: str = "/accounts/login/",
    pythonpath: str = f"{ROOT},{ROOT / 'bench'}",
) -> tuple[subprocess.Popen, str]:
    """gunicorn serving `app` on a free loopback port, once `ready` answers; and its
    address. (bench/ on the path for this script's app only: its search.py would stand for
    the portal's search app.)"""
    port = free_port()
    server = subprocess.Popen(
        [
            python,
            "-m",
            "gunicorn",
            "--chdir",
            str(ROOT),
            "--pythonpath",
            pythonpath,
            "--workers",
            str(workers),
            "--bind",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
            app,
        ],
        env=env,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(120):
        try:
            urllib.request.urlopen(f"{base}{ready}", timeout=2).read()
            break
        except OSError:
            time.sleep(0.5)
    return server, base


def stop(server: subprocess.Popen) -> None:
    os.killpg(server.pid, signal.SIGTERM)
    server.wait(timeout=30)


UNCACHED = """
import time
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.db import connection
client = Client()
client.force_login(get_user_model().objects.get(username="bench-director"))
times = []
for n in range(12):
    cache.clear()
    started = time.perf_counter()
    assert client.get("/dashboard/?quarter=4", HTTP_HOST="127.0.0.1").status_code == 200
    times.append((time.perf_counter() - started) * 1000)
with CaptureQueriesContext(connection) as queries:
    cache.clear()
    client.get("/dashboard/?quarter=4", HTTP_HOST="127.0.0.1")
warm = sorted(times[2:])
print(f"RESULT {warm[len(warm) // 2]:.1f} {warm[-1]:.1f} {len(queries)}")
"""


def uncached_view(python: str, env: dict) -> str:
    out = subprocess.run(
        [python, "manage.py", "shell", "-c", UNCACHED],
        cwd=ROOT,
        env={**env, "DJANGO_ALLOWED_HOSTS": "127.0.0.1"},
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    median, worst, queries = re.search(r"RESULT (.*)", out).group(1).split()
    return f"median {median} ms, slowest {worst} ms, {queries} queries"


def concurrent_load(wrk: str, urls: list[str], cookies: list[str], seconds, connections, script):
    """wrk against several servers at once (connections split between them): the summed
    requests/s, the worst p50 and p95, the summed errors and requests."""
    share = max(1, connections // len(urls))
    with ThreadPool(len(urls)) as pool:
        rows = pool.starmap(
            load, [(wrk, u, c, seconds, share, script) for u, c in zip(urls, cookies, strict=True)]
        )
    return (
        sum(r[0] for r in rows),
        max(r[1] for r in rows),
        max(r[2] for r in rows),
        sum(r[3] for r in rows),
        sum(r[4] for r in rows),
    )


def measure(label, wrk, bases, cookies, seconds, connections, script) -> None:
    dashboard = [f"{b}/dashboard/?quarter=4" for b in bases]
    static = [f"{b}/static/css/app.css" for b in bases]
    for base, cookie in zip(bases, cookies, strict=True):  # warm every worker (imports)
        check = urllib.request.Request(f"{base}/dashboard/?quarter=4", headers={"Cookie": cookie})
        for _ in range(12):
            urllib.request.urlopen(check, timeout=60).read()
    # The static file first: a sync worker still answers the dashboard's queued requests
    # for a while after wrk stops.
    rows = {}
    for name, urls in (("static file", static), ("dashboard", dashboard)):
        rows[name] = concurrent_load(wrk, urls, cookies, seconds, connections, script)
    share = rows["dashboard"][0] / rows["static file"][0] * 100
    for name, (rps, p50, p95, errors, total) in rows.items():
        print(f"{label:<34}{name:<13}{rps:>9.1f}{p50:>9.1f}{p95:>9.1f}{errors:>8}{total:>10}")
    print(f"{label:<34}{'dashboard / static':<22}{share:>8.1f} % of the throughput", flush=True)


def main() -> None:
    size = os.environ.get("BENCH_SIZE", "full")
    seconds = int(os.environ.get("BENCH_SECONDS", "20"))
    connections = int(os.environ.get("BENCH_CONNECTIONS", "32"))
    engines = os.environ.get("BENCH_DATABASES", "postgres,sqlite").split(",")
    workers = max(2, 2 * (os.cpu_count() or 1))
    wrk = ensure_wrk()
    work = Path(tempfile.mkdtemp(prefix="dashboard-bench-"))
    script = work / "report.lua"
    script.write_text(WRK_SCRIPT)
    python = sys.executable
    print(
        f"size: {size}; {workers} gunicorn workers per server; wrk: 2 threads, "
        f"{connections} connections, {seconds} s per URL, loopback"
    )
    print(f"{'':<34}{'URL':<13}{'req/s':>9}{'p50 ms':>9}{'p95 ms':>9}{'errors':>8}{'requests':>10}")
    postgres_dir = None
    try:
        for engine in engines:
            if engine == "postgres":
                database = os.environ.get("BENCH_DATABASE_URL")
                if not database:
                    out = subprocess.run(
                        ["bash", str(ROOT / "scripts/postgres"), "start"],
                        check=True,
                        capture_output=True,
                        text=True,
                    ).stdout
                    found = dict(re.findall(r"^(\w+)=(\S+)$", out, re.MULTILINE))
                    postgres_dir, database = found["PGTEST_DIR"], found["DATABASE_URL"]
                label = "PostgreSQL"
            else:
                database, label = f"sqlite:///{work}/national.db", "SQLite"
            env = {
                **os.environ,
                "DATABASE_URL": database,
                "DJANGO_DEBUG": "false",  # demo mode (no secret key) without DEBUG's query log
                "DJANGO_SETTINGS_MODULE": "config.settings",
            }
            started = time.perf_counter()
            subprocess.run(
                [
                    python,
                    "manage.py",
                    "generate_national_data",
                    "--database-url",
                    database,
                    *SIZES[size],
                ],
                cwd=ROOT,
                env=env,
                check=True,
                capture_output=True,
            )
            print(
                f"{label}: data set ready in {time.perf_counter() - started:.0f} s; "
                f"uncached first view (one process): {uncached_view(python, env)}",
                flush=True,
            )
            setups = [(label, 1)] + (
                [(f"{label}, two app servers", 2)] if engine == "postgres" else []
            )
            for name, instances in setups:
                servers = [
                    start_gunicorn(python, env, workers // instances) for _ in range(instances)
                ]
                try:
                    bases = [base for _, base in servers]
                    cookies = [sign_in(b, "bench-director", "bench-2567") for b in bases]
                    measure(name, wrk, bases, cookies, seconds, connections, str(script))
                finally:
                    for server, _ in servers:
                        stop(server)
    finally:
        if postgres_dir:
            subprocess.run(
                ["bash", str(ROOT / "scripts/postgres"), "stop", postgres_dir], check=False
            )
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
