"""Each demo role signs in and follows every link it can reach, on the FY2565 data: no page
answers 5xx (issue: trust, "Done when").

Links are followed breadth-first from the home page as a person would click them: every
`<a href>` of the site (not sign-out, not static files). Pages that differ only by an id
or a query (the 57 schools' admin pages, a project's four quarters, a list's sort orders)
are one kind of page: each kind is visited twice, with the admin's sorting and filter
links dropped. The browser test (tests/test_crawl_browser.py) clicks the menus in
Chromium."""

from __future__ import annotations

import re
from collections import deque
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import pytest

from demo.users import DEMO_PASSWORD, DEMO_USERS, ensure_demo_users
from plans.models import Office

pytestmark = pytest.mark.django_db

PER_KIND = 2
MOST_PAGES = 1500


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            href = dict(attrs).get("href")
            if href:
                self.links.append(href)


def _followable(url: str) -> bool:
    parts = urlsplit(url)
    if parts.scheme not in ("", "http") or parts.netloc not in ("", "testserver"):
        return False
    return not parts.path.startswith(("/static/", "/accounts/logout"))


def crawl(client) -> tuple[dict[str, int], list[str]]:
    """Visits every reachable page; returns the status of each and the 5xx."""
    seen: dict[str, int] = {}
    per_kind: dict[str, int] = {}
    queue = deque(["/"])
    errors = []
    while queue and len(seen) < MOST_PAGES:
        url = queue.popleft()
        if url in seen:
            continue
        response = client.get(url, follow=True)
        seen[url] = response.status_code
        if response.status_code >= 500:
            errors.append(f"{url}: {response.status_code}")
            continue
        if "text/html" not in response.get("Content-Type", ""):
            continue
        base = response.request["PATH_INFO"]
        parser = _Links()
        parser.feed(response.content.decode())
        for href in parser.links:
            target = urljoin(base, href.split("#")[0])
            if not target or not _followable(target):
                continue
            parts = urlsplit(target)
            if parts.path.startswith("/admin/"):
                target = parts.path  # sorting and filters of the same list
            if target in seen or target in queue:
                continue
            kind = re.sub(r"\d+", "#", parts.path)
            if per_kind.get(kind, 0) >= PER_KIND:
                continue
            per_kind[kind] = per_kind.get(kind, 0) + 1
            queue.append(target)
    return seen, errors


@pytest.mark.parametrize("username", [user[0] for user in DEMO_USERS])
def test_each_demo_role_follows_every_link_without_a_server_error(
    client, fy2565_db, settings, tmp_path, username
):
    settings.MEDIA_ROOT = settings.SENDFILE_ROOT = tmp_path
    # A PDF link queues a job that no worker runs here (django-tasks' dummy backend).
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    ensure_demo_users(Office.objects.get(code="sec-plkutt"))
    assert client.login(username=username, password=DEMO_PASSWORD)
    seen, errors = crawl(client)
    print(f"\n{username}: {len(seen)} pages, {len(errors)} 5xx")
    assert errors == []
    assert len(seen) > 10  # it really went somewhere
    assert len(seen) < MOST_PAGES  # and reached the end of what it can reach
