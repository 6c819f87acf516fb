"""Two app servers, one database, the task queue between them (issue 14's trial).

    INSTANCES=2 WORKERS=2 PORT=8101 PASSWORD=... scripts/run --production   # in one shell
    .venv/bin/python bench/two_instances.py http://127.0.0.1:8101 http://127.0.0.1:8102 \
        admin PASSWORD [YEAR]

Signs in on both instances (one session each, as two people would), asks for the annual
report's PDF through the first, follows the job's status page through the second until a
worker has rendered it, downloads it through the second, then asks for it again (the same
data: the kept file, no render) and prints each step's time.
"""

from __future__ import annotations

import http.cookiejar
import re
import sys
import time
import urllib.parse
import urllib.request


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


def main() -> None:
    first_url, second_url, username, password, *rest = sys.argv[1:]
    year = rest[0] if rest else "2565"
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


if __name__ == "__main__":
    main()
