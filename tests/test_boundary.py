"""Every route, as every role, with ids from two offices: no 5xx, no read and no write that
the role may not do (issue: trust, "Done when").

The world (tests/world.py) has two offices, "a" and "b", each with one of everything and a
marker word in the names of its rows. The actors are anonymous, a user with no office,
office b's planner, and office a's staff of another group, staff, group director, director,
finance, planner and office administrator. Every route of the portal and of the admin
(every registered model's list, add, change, delete and history pages) is requested with
office a's ids and with office b's:

- GET: never a 5xx; anonymous is sent to sign in, except on the public pages of published
  documents (`PUBLIC`: 200, or 404/410 for what is not or no longer published); a page
  never shows the marker of an office the actor does not belong to (Excel files are read
  cell by cell); an object of another office is never a 200.
- POST, each inside a transaction rolled back afterwards: the form a permitted user would
  submit (read from the page, as a browser would, with the actor's own one-time token and
  a few typed values), sent by each actor. The database's content is compared before and
  after: it changes exactly when the role may make that write in that office (for the
  admin, where a form may also be refused for its content: only when it may).

The counts (requests, wrong reads, wrong writes, 5xx) are printed for the closing note.
"""

from __future__ import annotations

import hashlib
import io
import logging
from html.parser import HTMLParser

import openpyxl
import pytest
from django.apps import apps
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.db import connection, transaction
from django.db.models import CharField, PositiveIntegerField, TextField
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from plans import thai
from plans.access import own_membership, rights_for
from plans.forms import issue_token
from plans.models import CommitteeSection
from plans.ownership import office_path
from tests.world import MARKERS, ROLES, build_world, no_office_user

pytestmark = pytest.mark.django_db

ACTORS = [
    "anonymous",
    "nobody",
    "b_planner",
    "a_other_staff",
    "a_staff",
    "a_groupdirector",
    "a_director",
    "a_finance",
    "a_planner",
    "a_officeadmin",
]
MEMBERS = set(ROLES)
# Who may make each portal write, in their own office (the role names of tests/world.py).
WRITERS = {
    "progress:report": {"staff", "groupdirector", "planner", "officeadmin"},
    "progress:report_return": {"groupdirector", "director", "officeadmin"},
    "progress:report_approve": {"groupdirector", "director", "officeadmin"},
    "progress:report_reopen": {"planner", "officeadmin"},
    "progress:photo_delete": {"staff", "groupdirector", "planner", "officeadmin"},
    "budget:office_allocation_add": {"finance", "officeadmin"},
    "budget:office_disbursement_add": {"finance", "officeadmin"},
    "budget:targets_edit": {"finance", "planner", "officeadmin"},
    "budget:transfer_add": {"finance", "planner", "officeadmin"},
    "budget:project_allocation_add": {"finance", "planner", "officeadmin"},
    "budget:project_ledger": {"finance", "officeadmin"},
    "budget:disbursement_delete": {"finance", "officeadmin"},
    "budget:disbursement_reverse": {"finance", "officeadmin"},
    "reports:report_job_request": MEMBERS,
    "people:member_add": {"officeadmin"},
    "people:member_attach": {"officeadmin"},
    "people:member_edit": {"officeadmin"},
    "people:member_remove": {"officeadmin"},
    "people:member_unlock": {"officeadmin"},
    "people:office_edit": {"officeadmin"},
    "nextyear:preview": {"planner", "officeadmin"},
    "nextyear:proposals": {"planner", "officeadmin"},
    "reports:narrative": {"planner", "officeadmin"},
    "reports:publication_publish": {"planner", "officeadmin"},
    "reports:publication_withdraw": {"planner", "officeadmin"},
    "reports:photo_picture": {"planner", "officeadmin"},
    "reports:figure_picture": {"planner", "officeadmin"},
    "reports:photo_add": {"planner", "officeadmin"},
    "reports:office_picture": {"planner", "officeadmin"},
    "projects:project_add": {"planner", "officeadmin"},
    "projects:project_tree": {"planner", "officeadmin"},
    "projects:activities_edit": {"planner", "officeadmin"},
    "projects:indicator_add": {"planner", "officeadmin"},
    "projects:indicator_edit": {"planner", "officeadmin"},
    "projects:indicator_delete": {"planner", "officeadmin"},
    "plan_manage:plan_create": {"planner", "officeadmin"},
    "plan_manage:vision": {"planner", "officeadmin"},
    "plan_manage:statements": {"planner", "officeadmin"},
    "plan_manage:policies": {"planner", "officeadmin"},
    "plan_manage:strategies": {"planner", "officeadmin"},
    "plan_manage:strategy_part": {"planner", "officeadmin"},
    "plan_manage:text_edit": {"planner", "officeadmin"},
    "plan_manage:committee_edit": {"planner", "officeadmin"},
    "plan_manage:committee_sections": {"planner", "officeadmin"},
    "plan_manage:committee_members": {"planner", "officeadmin"},
    "project_alignment:edit": {"planner", "officeadmin"},
    "imports:upload": {"planner", "officeadmin"},
    "imports:preview": {"planner", "officeadmin"},  # the confirmation of one's own upload
    # One's own notices (each member has an unread one: _notices) and preferences.
    "notices:list": MEMBERS,
    "notices:preferences": MEMBERS,
}
# What a person types into each form beyond what the page fills in.
TYPED = {
    "progress:report": {"work_done": "ดำเนินการทดสอบ"},
    "progress:report_return": {"reason": "แก้ไขตัวเลข"},
    "progress:report_reopen": {"reason": "แก้ไขตัวเลข"},
    "budget:office_allocation_add": {"amount": "๑,๐๐๐", "received_on": "๑/๑๒/๒๕๖๔"},
    "budget:office_disbursement_add": {"amount": "๑,๐๐๐", "paid_on": "๑/๑๒/๒๕๖๔"},
    "budget:targets_edit": {"quarters-0-percent": "๒๕"},  # the world has 30
    "budget:transfer_add": {
        "amount": "๑๐๐",
        "transferred_on": "๑/๑๒/๒๕๖๔",
        "reason": "ปรับแผน",
        "approved_by": "ผู้อำนวยการ",
    },
    "budget:project_allocation_add": {"amount": "๑๐๐", "received_on": "๑/๑๒/๒๕๖๔"},
    "budget:project_ledger": {"amount": "๑๐๐", "paid_on": "๑๕/๑/๒๕๖๕"},
    "budget:disbursement_reverse": {"reason": "บันทึกซ้ำ"},
    "people:member_add": {
        "username": "newcolleague",
        "first_name": "สมศรี",
        "last_name": "ใจดี",
        "email": "somsri@example.go.th",
        "how": "invite",
        "role": "finance",
    },
    "people:member_attach": {"account": "nobody", "role": "director"},
    "people:member_edit": {"position": "ตำแหน่งทดสอบ"},
    "people:office_edit": {"phone": "0 5500 0000"},
    "nextyear:preview": {"activities": "on", "indicators": "on"},
    "nextyear:proposals": {"rows-0-amount": "๑,๐๐๐"},
    "reports:narrative": {"problems": "ปัญหาที่เรียบเรียงใหม่"},
    "reports:publication_withdraw": {"reason": "ข้อมูลไม่ถูกต้อง"},
    "reports:photo_picture": {"caption": "คำบรรยายใหม่"},
    "reports:figure_picture": {"caption": "คำบรรยายใหม่"},
    "reports:photo_add": {"caption": "ภาพกิจกรรมใหม่"},
    "projects:project_add": {"number": "๙", "name": "โครงการใหม่ทดสอบ"},
    "projects:project_tree": {"name": "ชื่อโครงการที่แก้แล้ว"},
    "projects:activities_edit": {"new_name": "กิจกรรมใหม่ทดสอบ"},
    "projects:indicator_add": {"text": "ตัวชี้วัดใหม่ทดสอบ", "target": "๑๐", "q4": "๑๐"},
    "projects:indicator_edit": {"q2": "๔๐"},
    "plan_manage:plan_create": {"year": "๒๕๗๐"},  # a year the world has no plan of
    "plan_manage:vision": {"vision": "วิสัยทัศน์ทดสอบ"},
    "plan_manage:statements": {"rows-0-text": "พันธกิจทดสอบ"},
    "plan_manage:policies": {"rows-0-text": "นโยบายทดสอบ"},
    "plan_manage:strategies": {"rows-0-name": "กลยุทธ์ทดสอบ"},
    "plan_manage:strategy_part": {"rows-0-text": "เป้าประสงค์ทดสอบ"},
    "plan_manage:text_edit": {"body": "คำนำทดสอบ"},
    "plan_manage:committee_edit": {"title": "คำสั่งทดสอบ"},
    "plan_manage:committee_sections": {"rows-0-title": "กลุ่มทดสอบ"},
    "plan_manage:committee_members": {"rows-0-name": "กรรมการทดสอบ"},
    "imports:upload": {"file": None},  # a fresh copy of the walk's school file each post
    "notices:preferences": {"overdue_email": "false"},  # no e-mail when overdue
}
# Their own tests: tests/test_sign_in.py, tests/plans/test_people.py (public pages).
SKIP = {
    "login",
    "logout",
    "password_reset",
    "password_reset_done",
    "password_reset_confirm",
    "password_reset_complete",
}
# Open without signing in: what offices have published (reports/public.py). Anyone may read
# them, whatever their office; tests/reports/test_publishing.py checks that they show only
# what is published.
PUBLIC = {"public:office", "public:year", "public:document"}
PUBLIC_STATUSES = {200, 404, 410}
# Route parameters that name no row of an office (the same URL in every office): such a
# route is the current office's page, chosen by ?office=.
NOT_OBJECTS = {"year", "kind", "key", "area", "part", "number", "field", "slug"}
ADMIN_VIEWS = ("changelist", "add", "change", "delete", "history")
DATA_APPS = ("plans", "projects", "indicators", "budget", "progress", "nextyear", "reports", "auth")
NOT_DATA = {"plans.submissiontoken"}  # a used form token is not data


# -- the routes ---------------------------------------------------------------------------


def _portal_patterns():
    def walk(patterns, namespace=""):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                if pattern.app_name == "admin":
                    continue
                inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
                yield from walk(pattern.url_patterns, inner)
            elif isinstance(pattern, URLPattern) and pattern.name:
                yield f"{namespace}{pattern.name}", pattern

    return dict(walk(get_resolver().url_patterns))


def _kwargs(name: str, params: set[str], w) -> dict:
    """The route's arguments for office `w`'s objects."""
    ids = {
        "year": 2565,
        "job_id": w.job.pk,
        "photo_id": w.report_photo.pk,
        "project_id": w.project.pk,
    }
    by_name = {
        "progress:report": {"quarter": 3},
        "progress:report_return": {"quarter": 2},
        "progress:report_approve": {"quarter": 2},
        "progress:report_reopen": {"quarter": 1},
        "budget:disbursement_delete": {"pk": w.project.pk, "entry": w.direct_entry.pk},
        "budget:disbursement_reverse": {"pk": w.project.pk, "entry": w.report_entry.pk},
        "files:progress_photo": {"pk": w.report_photo.pk},
        "files:project_photo": {"pk": w.project_photo.pk},
        "files:highlight_figure": {"pk": w.figure.pk},
        "files:office_emblem": {"pk": w.office.pk},
        "files:office_map": {"pk": w.office.pk},
        "reports:photo_picture": {"pk": w.project_photo.pk},
        "reports:figure_picture": {"pk": w.figure.pk},
        "reports:photo_add": {"pk": w.project.pk},
        "reports:office_picture": {"field": "emblem"},
        "reports:document": {"slug": "six-month-report"},
        "reports:document_pdf": {"slug": "six-month-spending"},
        "files:report_pdf": {"pk": w.job.pk},
        "files:publication": {"pk": w.publication.pk},
        "plan_manage:statements": {"kind": "mission"},
        "plan_manage:policies": {"area": 3},
        "plan_manage:strategy_part": {"number": 1, "part": "goals"},
        "plan_manage:text_edit": {"key": "preface"},
        "plan_manage:committee_edit": {"kind": "order"},
        "plan_manage:committee_sections": {"kind": "order"},
        "plan_manage:committee_members": {
            "kind": "order",
            "section": CommitteeSection.objects.get(committee__plan=w.plan).pk,
        },
        "project_alignment:edit": {"pk": w.project.pk},
    }.get(name, {})
    if name.startswith("imports:"):
        by_name = {"kind": "schools"}
    if name.startswith("projects:"):
        # An indicator without results (deletable) is the other project's.
        ours = w.other_project if name == "projects:indicator_delete" else w.project
        by_name = {"pk": ours.pk, "activity": w.activity.pk}
        if "indicator" in params:
            by_name["indicator"] = ours.indicators.order_by("pk").first().pk
    if name.startswith(("public:", "reports:publication_")):
        by_name = {"code": w.office.code, "slug": w.publication.document}
    kwargs = {}
    for param in params:
        if param in by_name:
            kwargs[param] = by_name[param]
        elif param in ids:
            kwargs[param] = ids[param]
        elif param == "pk" and name.startswith(("budget:", "reports:dashboard_project")):
            kwargs[param] = w.project.pk
        elif param == "pk" and name.startswith("people:"):
            kwargs[param] = w.users["staff"].memberships.get(office=w.office).pk
        else:
            raise AssertionError(f"add {name}'s <{param}> to the boundary walk")
    return kwargs


def portal_urls(w) -> list[tuple[str, str, bool]]:
    """(url name, url, names an object) for office w."""
    urls = []
    for name, pattern in _portal_patterns().items():
        if name in SKIP:
            continue
        params = set(pattern.pattern.regex.groupindex)
        kwargs = _kwargs(name, params, w)
        url = reverse(name, kwargs=kwargs)
        objectless = not (params - NOT_OBJECTS)
        if objectless:
            url += f"?office={w.office.code}"
        urls.append((name, url, not objectless))
    return urls


def _first_of(model, w):
    path = office_path(model)
    if path is None:
        return model._default_manager.order_by("pk").first()
    lookup = f"{path}__in" if path else "pk__in"
    return model._default_manager.filter(**{lookup: [w.office.pk]}).order_by("pk").first()


def admin_urls(w) -> list[tuple[str, str, bool]]:
    urls = []
    for model in admin.site._registry:
        info = f"admin:{model._meta.app_label}_{model._meta.model_name}"
        obj = _first_of(model, w)
        for view in ADMIN_VIEWS:
            if view in ("changelist", "add"):
                urls.append((f"{info}_{view}", reverse(f"{info}_{view}"), False))
            elif obj is not None:
                url = reverse(f"{info}_{view}", args=[obj.pk])
                urls.append((f"{info}_{view}", url, office_path(model) is not None))
    return urls


# -- what a page shows, what the database holds -------------------------------------------


def _text(response) -> str:
    content_type = response.get("Content-Type", "")
    body = b"".join(response.streaming_content) if response.streaming else response.content
    if "spreadsheetml" in content_type:
        book = openpyxl.load_workbook(io.BytesIO(body), read_only=True)
        return " ".join(
            str(cell)
            for sheet in book.worksheets
            for row in sheet.iter_rows(values_only=True)
            for cell in row
            if cell is not None
        )
    if content_type.startswith(("text/", "application/json")):
        return body.decode("utf-8", "replace")
    return ""  # images and PDFs: their access is what is checked


WRITE = ("INSERT", "UPDATE", "DELETE")
NOT_DATA_TABLES = ("django_session", "axes_", "plans_submissiontoken", "django_admin_log")


def wrote_data(queries) -> bool:
    """Whether a request sent a write to a data table (sessions, sign-in records, form
    tokens and the admin's own log are not data)."""
    for query in queries:
        sql = query["sql"].lstrip().upper()
        if sql.startswith(WRITE) and not any(t.upper() in sql for t in NOT_DATA_TABLES):
            return True
    return False


def fingerprint() -> str:
    digest = hashlib.sha256()
    for app in DATA_APPS:
        for model in apps.get_app_config(app).get_models():
            if model._meta.label_lower in NOT_DATA:
                continue
            rows = model._default_manager.order_by("pk").values_list()
            digest.update(f"{model._meta.label_lower}{list(rows)}".encode())
    return digest.hexdigest()


class _Form(HTMLParser):
    """The fields a browser would send with the page's main POST form (the first one that is
    not the sign-out form), with their values as the page fills them in."""

    def __init__(self):
        super().__init__()
        self.forms: list[dict] = []
        self._current: dict | None = None
        self._select: str | None = None
        self._textarea: str | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and attrs.get("method", "").lower() == "post":
            self._current = {"__action__": attrs.get("action") or ""}
        elif self._current is None:
            return
        elif tag == "input" and attrs.get("name"):
            kind = attrs.get("type", "text")
            if kind in ("checkbox", "radio") and "checked" not in attrs:
                return
            if kind not in ("file", "submit", "button"):
                self._current[attrs["name"]] = attrs.get("value", "")
        elif tag == "select" and attrs.get("name"):
            self._select = attrs["name"]
            self._first_option = True
            if "multiple" in attrs:
                self._select = None  # a browser sends nothing for no selection; kept simple
        elif tag == "option" and self._select:
            value = attrs.get("value", "")
            # As a browser: the selected option, else the first one (often "---------").
            if "selected" in attrs or self._first_option:
                self._current[self._select] = value
            self._first_option = False
        elif tag == "textarea" and attrs.get("name"):
            self._textarea = attrs["name"]
            self._current[self._textarea] = ""

    def handle_data(self, data):
        if self._textarea and self._current is not None:
            self._current[self._textarea] += data

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None
        elif tag == "form" and self._current is not None:
            self.forms.append(self._current)
            self._current = None


def page_form(client: Client, url: str) -> dict:
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    parser = _Form()
    parser.feed(response.content.decode())
    forms = [f for f in parser.forms if "logout" not in f["__action__"]]
    assert forms, f"no form on {url}"
    data = dict(forms[0])
    del data["__action__"]
    return data


# -- the walk -----------------------------------------------------------------------------


class _SchoolFile:
    """The school file the walk uploads: read afresh by every post (a test client reads a
    file object once)."""

    name = "schools.xlsx"

    def __init__(self, marker: str = ""):
        self.content = _school_file(marker)

    def read(self) -> bytes:
        return self.content


class _PngFile:
    """A picture the walk uploads: read afresh by every post."""

    name = "photo.png"

    def read(self) -> bytes:
        from tests.progress.factories import png_bytes

        return png_bytes((20, 20))


def _school_file(marker: str) -> bytes:
    from plans.imports.schools import SCHOOLS

    book = openpyxl.Workbook()
    book.active.append([c.header for c in SCHOOLS.columns])
    row = {"รหัสโรงเรียน": "9001", "ชื่อโรงเรียน": f"โรงเรียนนำเข้า{marker}", "จังหวัด": "ทดสอบ"}
    row.update({"ระดับที่เปิดสอน": "ม.๑ – ม.๖", "ปีการศึกษา (พ.ศ.)": 2565, "ข้อมูล ณ วันที่": ""})
    book.active.append([row.get(c.header, 1) for c in SCHOOLS.columns])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _uploads(world) -> None:
    """Every member of each office has an import waiting for confirmation there (the
    confirmation's form names its file): who may confirm it is the walk's question."""
    from django.core.files.base import ContentFile

    from plans.imports.services import import_check
    from plans.models import ImportUpload

    for w in world.values():
        content = _school_file(MARKERS[w.letter])
        for user in w.users.values():
            upload = ImportUpload(user=user, office=w.office, kind="schools", name="schools.xlsx")
            upload.size, upload.digest = len(content), hashlib.sha256(content).hexdigest()
            upload.file.save("schools.xlsx", ContentFile(content))
            # Checked (as its task would have done): the preview shows the confirmation.
            upload.outcome = import_check(upload=upload).stored()
            upload.status = ImportUpload.Status.CHECKED
            upload.save(update_fields=["outcome", "status"])


def _notices(world) -> None:
    """Every member of each office has an unread notice there, naming the office's marker:
    marking one's notices read is each member's write, and no one else's to read."""
    from plans.models import Notice, NoticeKind

    for w in world.values():
        for user in w.users.values():
            Notice.objects.create(
                recipient=user,
                office=w.office,
                kind=NoticeKind.REPORT_APPROVED,
                text=f"อนุมัติรายงานของ{MARKERS[w.letter]}แล้ว",
                link=f"/progress/projects/{w.project.pk}/q1/",
            )


def _publications(world) -> None:
    """Each office has published its annual report (from data older than its current
    version, so that publishing it again makes a new version): the public pages serve it,
    the planning group may withdraw it."""
    from django.core.files.base import ContentFile
    from django.utils import timezone

    from reports.models import Publication

    for w in world.values():
        content = f"%PDF-1.4\n% {MARKERS[w.letter]}\n".encode()
        w.publication = Publication(
            plan=w.plan,
            document="annual-report",
            status=Publication.Status.PUBLISHED,
            published_at=timezone.now(),
            size=len(content),
            sha256=hashlib.sha256(content).hexdigest(),
            data_version="old",
        )
        w.publication.file.save("annual-report.pdf", ContentFile(content), save=True)


@pytest.fixture
def world(settings, tmp_path, caplog):
    caplog.set_level(logging.ERROR, logger="django.request")  # thousands of 403s and 404s
    settings.MEDIA_ROOT = settings.SENDFILE_ROOT = tmp_path / "media"
    # PDF jobs are queued and never run (django-tasks' dummy backend).
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    built = build_world()
    _uploads(built)
    _notices(built)
    _publications(built)
    return built


def _clients(world) -> dict[str, Client]:
    users = {"nobody": no_office_user()}
    for letter, w in world.items():
        for role, user in w.users.items():
            users[f"{letter}_{role}"] = user
    clients = {"anonymous": Client()}
    for name in ACTORS[1:]:
        clients[name] = Client()
        clients[name].force_login(users[name])
    clients.update({f"{letter}_harvest": Client() for letter in world})
    for letter, w in world.items():
        clients[f"{letter}_harvest"].force_login(w.users["officeadmin"])
    return clients, users


def _office_of(actor: str) -> str | None:
    return actor[0] if actor[:2] in ("a_", "b_") else None


def _role_of(actor: str) -> str:
    return actor[2:]


def test_every_route_as_every_role(world):
    clients, _users = _clients(world)
    tried = wrong_reads = server_errors = 0
    problems: list[str] = []
    routes = {letter: portal_urls(w) + admin_urls(w) for letter, w in world.items()}

    for actor in ACTORS:
        client = clients[actor]
        mine = _office_of(actor)
        hidden = [MARKERS[letter] for letter in MARKERS if letter != mine]
        for letter, urls in routes.items():
            for name, url, names_object in urls:
                response = client.get(url)
                tried += 1
                status = response.status_code
                if status >= 500:
                    server_errors += 1
                    problems.append(f"{actor} GET {url}: {status}")
                    continue
                if name in PUBLIC:
                    if status not in PUBLIC_STATUSES:
                        problems.append(f"{actor} GET public {url}: {status}")
                    continue
                if actor == "anonymous":
                    if status != 302 or "login" not in response["Location"]:
                        problems.append(f"anonymous GET {url}: {status}, not sent to sign in")
                    continue
                text = _text(response)
                leaked = [m for m in hidden if m in text]
                if leaked or (names_object and letter != mine and status == 200):
                    wrong_reads += 1
                    problems.append(f"{actor} read {url} ({status}) of office {letter}")

    print(f"\nboundary GET: {tried} requests, {wrong_reads} wrong reads, {server_errors} 5xx")
    assert problems == [], "\n".join(problems)


def _post_routes(world, letter):
    """The portal's writes, with the photo's deletion last (it removes a file, which a
    rollback does not bring back), and the admin's change and delete pages."""
    w = world[letter]
    portal = [(n, u, True) for n, u, _ in portal_urls(w) if n in WRITERS]
    portal.sort(key=lambda route: route[0] == "progress:photo_delete")
    admin_posts = [route for route in admin_urls(w) if route[0].endswith(("_change", "_delete"))]
    return portal, admin_posts


def _admin_of(name: str):
    """The ModelAdmin and view of an admin URL name ("admin:projects_activity_change")."""
    for model, model_admin in admin.site._registry.items():
        prefix = f"admin:{model._meta.app_label}_{model._meta.model_name}_"
        if name.startswith(prefix):
            return model_admin, name[len(prefix) :]
    raise AssertionError(name)


def _admin_may(model_admin, view: str, url: str, actor_user, office) -> bool:
    """Whether the actor may make this admin write, by the admin's own rule: its right in the
    row's office, never a row the services write, never one's own membership."""
    if actor_user is None or office is None:
        return False
    if not hasattr(model_admin, "admin_right") or model_admin.service_written:
        return False  # accounts and groups (superusers'), the services' rows
    if model_admin._of_no_office():
        return False  # reference data of no office, offices themselves: the superuser's
    if model_admin.admin_right not in rights_for(actor_user, office):
        return False
    if model_admin.model._meta.label_lower == "plans.membership":
        pk = int(url.rstrip("/").split("/")[-2])
        return not own_membership(actor_user, model_admin.model.objects.get(pk=pk))
    return True


def _edited(model_admin, data: dict) -> dict:
    """The admin form as the page fills it, with one text (else one count) of the row
    changed, so that a save that goes through shows in the content."""
    for field in model_admin.model._meta.fields:
        if (
            isinstance(field, CharField | TextField)
            and not field.choices
            and field.name in data
            and field.name not in ("code", "key")
        ):
            data[field.name] = f"{data[field.name]} แก้"[: field.max_length or 10_000]
            return data
    for field in model_admin.model._meta.fields:
        counts = isinstance(field, PositiveIntegerField) and "year" not in field.name
        if counts and not field.choices and field.name in data:
            data[field.name] = str(int(thai.to_arabic_digits(data[field.name] or "0")) + 1)
            return data
    return data


def _form_data(name: str, url: str, w, clients: dict[str, Client], root: Client) -> dict:
    """What a person would post to this route: the page's form as it is filled in (the
    admin's as the superuser sees it, a portal page's as the office's administrator does),
    with the values they type."""
    if name.startswith("admin:"):
        model_admin, view = _admin_of(name)
        return {"post": "yes"} if view == "delete" else _edited(model_admin, page_form(root, url))
    data = page_form(clients[f"{w.letter}_harvest"], url)
    data.update(TYPED.get(name, {}))
    if name == "imports:upload":
        data["file"] = _SchoolFile()
    if name in ("reports:photo_add", "reports:office_picture"):
        data["image"] = _PngFile()
    if name in ("budget:office_allocation_add", "budget:office_disbursement_add"):
        data["category"] = str(w.category.pk)
    if name == "budget:transfer_add":
        data.update(source=f"p{w.project.pk}", target=f"p{w.other_project.pk}")
    if name == "project_alignment:edit":  # the project serves its own policy area
        data["obec_policies"] = str(w.project.policy_area_id)
    if name == "projects:project_add":
        data["policy_area"] = str(w.project.policy_area_id)
    return data


def test_every_write_as_every_role(world):
    clients, users = _clients(world)
    root = Client()
    root.force_login(get_user_model().objects.create_superuser("root", password="pw"))
    tried = wrong_writes = server_errors = 0
    problems: list[str] = []
    missing = set(WRITERS) - {name for name, _, _ in portal_urls(world["a"])}
    assert not missing, f"routes gone: {missing}"

    baseline = fingerprint()  # each post is rolled back: the world is the same before each
    for letter in world:
        portal, admin_posts = _post_routes(world, letter)
        # The form each page gives (as the harvester or the superuser sees it) is the same for
        # every actor, since every post is rolled back: read once, each actor sends a copy.
        forms = {}
        for name, url, _of_an_office in portal + admin_posts:
            with transaction.atomic():
                forms[url] = _form_data(name, url, world[letter], clients, root)
                transaction.set_rollback(True)
        for actor in ACTORS:
            mine, role = _office_of(actor), _role_of(actor)
            for name, url, _of_an_office in portal + admin_posts:
                is_admin = name.startswith("admin:")
                if is_admin:
                    model_admin, view = _admin_of(name)
                    office = world[letter].office if mine == letter else None
                    may = _admin_may(model_admin, view, url, users.get(actor), office)
                else:
                    may = mine == letter and role in WRITERS[name]
                with transaction.atomic():
                    data = dict(forms[url])
                    if "submission_token" in data and actor != "anonymous":
                        data["submission_token"] = issue_token(users[actor])
                    # Django's query log keeps the last 9,000 queries and the walk makes
                    # more: a capture taken once it is full would see none.
                    connection.queries_log.clear()
                    with CaptureQueriesContext(connection) as queries:
                        response = clients[actor].post(url, data)
                    # Only a request that sent a write can have changed anything; whether it
                    # did (rather than being undone by its own refusal) the content tells.
                    changed = wrote_data(queries.captured_queries) and fingerprint() != baseline
                    transaction.set_rollback(True)
                tried += 1
                if response.status_code >= 500:
                    server_errors += 1
                    problems.append(f"{actor} POST {url}: {response.status_code}")
                if changed and not may:
                    wrong_writes += 1
                    problems.append(f"{actor} wrote through {name} in office {letter}")
                stale = may and not changed and not (is_admin and view == "delete")
                if stale:  # a delete may be refused for what it would take with it
                    problems.append(
                        f"{actor} could not write through {name} ({response.status_code}):"
                        " the walk's form data is stale"
                    )

    print(f"\nboundary POST: {tried} requests, {wrong_writes} wrong writes, {server_errors} 5xx")
    assert problems == [], "\n".join(problems)
