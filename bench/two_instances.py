"""Two app servers, one database, the task queue between them (issue 14's trial).

    .venv/bin/python bench/two_instances.py          # (scripts/bench runs it so)

starts the production stack itself (`INSTANCES=2 WORKERS=2 scripts/run --production`: a
throw-away PostgreSQL, two gunicorn instances, two workers), or, given addresses, uses a
stack already running:

    .venv/bin/python bench/two_instances.py http://127.0.0.1:8000 http://127.0.0.1:8001 \
        admin PASSWORD [YEAR]

Signs in on both instances (one session each, as two people would), asks for the annual
report's PDF through the first, follows the job's status page through the second until a
worker has rendered it, downloads it through the second, then asks for it again (the same
data: the kept file, no render) and prints each step's time, and the memory of the stack's
processes when it started them.
"""

from __future__ import annotations

import contextlib
import http.cookiejar
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


class Browser:
    def __init__(self, base: str):
        self.base = base.rstrip("/")
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.cookies))

    def get(self, path: str):
        return self.opener.open(self.base + path, timeout=120)

    def post(self, path: str, data: dict):
        token = next(c.value for c in self.cookies if c.name == "csrftoken")
        body = urllib.parse.urlencode({**data, "csrfmiddlewaretoken": token}).encode()
        request = urllib.request.Request(  # noqa: S310 - our own server
            self.base + path, data=body, headers={"Referer": self.base + path}
        )
        return self.opener.open(request, timeout=120)

    def sign_in(self, username: str, password: str) -> None:
        self.get("/accounts/login/").read()
        response = self.post("/accounts/login/", {"username": username, "password": password})
        assert "/accounts/login/" not in response.url, "sign-in refused"


def trial(first_url: str, second_url: str, username: str, password: str, year: str) -> None:
    first, second = Browser(first_url), Browser(second_url)
    first.sign_in(username, password)
    second.sign_in(username, password)

    start = time.perf_counter()
    response = first.post(f"/plans/{year}/report/pdf/", {})
    status_path = urllib.parse.urlsplit(response.url).path
    print(f"queued through {first_url}: {status_path} ({time.perf_counter() - start:.2f} s)")

    polls = 0
    while True:
        page = second.get(status_path).read().decode()
        polls += 1
        found = re.search(r'href="([^"]+)" data-testid="download"', page)
        if found:
            break
        assert 'data-testid="job-error"' not in page, "the job failed"
        time.sleep(0.5)
    rendered = time.perf_counter() - start
    print(f"done, seen through {second_url} after {rendered:.1f} s ({polls} status reads)")

    start = time.perf_counter()
    pdf = second.get(found.group(1)).read()
    print(
        f"downloaded through {second_url}: {len(pdf) / 1e6:.1f} MB in "
        f"{time.perf_counter() - start:.2f} s, starts with {pdf[:5]!r}"
    )

    start = time.perf_counter()
    again = first.get(f"/plans/{year}/report.pdf")
    content = again.read()
    print(
        f"asked again through {first_url} (same data): {again.headers['Content-Type']}, "
        f"{'the same file' if content == pdf else 'ANOTHER FILE'}, "
        f"{time.perf_counter() - start:.2f} s"
    )


def _free_ports() -> int:
    """A port p with p and p + 1 free on 127.0.0.1."""
    for _ in range(50):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        with socket.socket() as other:
            try:
                other.bind(("127.0.0.1", port + 1))
            except OSError:
                continue
        return port
    raise RuntimeError("no two free ports")


def _listening(port: int) -> bool:
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) == 0


def _descendants(pid: int) -> list[tuple[int, int, str]]:
    """(pid, RSS in MB, command) of every process under `pid`."""
    ps = shutil.which("ps") or "/bin/ps"
    rows = subprocess.run(  # noqa: S603 - a fixed command
        [ps, "-eo", "pid=,ppid=,rss=,args="], capture_output=True, text=True, check=True
    ).stdout.splitlines()
    table = []
    for row in rows:
        child, parent, rss, args = row.split(None, 3)
        table.append((int(child), int(parent), int(rss) // 1024, args))
    found, frontier = [], {pid}
    while frontier:
        level = [row for row in table if row[1] in frontier]
        found += [(child, rss, args) for child, _parent, rss, args in level]
        frontier = {row[0] for row in level}
    return found


@contextlib.contextmanager
def production_stack() -> Iterator[tuple[int, str, int]]:
    """`INSTANCES=2 WORKERS=2 scripts/run --production` on two free ports; yields (first
    port, the admin's password, the script's pid); stopped (and its database deleted) on
    exit."""
    port, password = _free_ports(), secrets.token_urlsafe(12)
    env = {**os.environ, "INSTANCES": "2", "WORKERS": "2", "PORT": str(port)}
    env |= {"HOST": "127.0.0.1", "PASSWORD": password}
    log = tempfile.NamedTemporaryFile("w+", prefix="two-instances-", suffix=".log")  # noqa: SIM115
    started = time.perf_counter()
    script = subprocess.Popen(  # noqa: S603 - the project's own script
        [shutil.which("bash") or "/bin/bash", str(ROOT / "scripts/run"), "--production"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 600
        while not (_listening(port) and _listening(port + 1) and "worker(s)" in _read(log)):
            if script.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"scripts/run --production did not start:\n{_read(log)}")
            time.sleep(1)
        print(
            f"scripts/run --production: PostgreSQL, migrate, FY2565 seed, collectstatic, "
            f"2 gunicorn instances and 2 workers up in {time.perf_counter() - started:.0f} s"
        )
        yield port, password, script.pid
    finally:
        script.send_signal(signal.SIGTERM)  # its trap stops everything it started
        try:
            script.wait(timeout=90)
        except subprocess.TimeoutExpired:
            os.killpg(script.pid, signal.SIGKILL)
        log.close()


def _read(log) -> str:
    log.flush()
    return Path(log.name).read_text(errors="replace")


def main() -> None:
    if len(sys.argv) > 1:
        first_url, second_url, username, password, *rest = sys.argv[1:]
        trial(first_url, second_url, username, password, rest[0] if rest else "2565")
        return
    with production_stack() as (port, password, pid):
        first, second = f"http://127.0.0.1:{port}", f"http://127.0.0.1:{port + 1}"
        trial(first, second, "admin", password, "2565")
        for _pid, rss, args in _descendants(pid):
            if "run_worker" in args and not args.startswith("bash"):
                print(f"worker process: {rss} MB")
            elif "gunicorn" in args:
                print(f"gunicorn process: {rss} MB")


if __name__ == "__main__":
    main()
