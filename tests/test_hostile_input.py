"""Hostile input to every portal form: NUL bytes, a 5,000-digit number, 10,000 characters of
text, Thai digits with junk. Each answer is the form again (200) with Thai errors only (no
English sentence, no Python text), nothing is saved, and never a 500."""

import re
from html import unescape

import pytest
from django.apps import apps
from django.urls import reverse

from plans.forms import ONCE_FIELD, issue_token
from plans.models import Role
from progress.models import QuarterlyReport
from tests import factories
from tests.budget import factories as budget_factories
from tests.progress import factories as pf

pytestmark = pytest.mark.django_db

HOSTILE = {
    "nul": "ข้อความ\x00ต่อ",
    "huge_number": "9" * 5000,
    "long_text": "ก" * 10_000,
    "thai_digits_with_junk": "๑๒x๓,๔.๕.๖abc",
    "twenty_digits": "9" * 20,
    "huge_year": "๔/๓/" + "๙" * 5000,
}
# Two ASCII letters in a row outside a tag: English leaking into what the user reads
# (the hostile values themselves are removed from the text first).
ENGLISH = re.compile(r"[A-Za-z]{2,}")
WATCHED_APPS = ("plans", "projects", "indicators", "budget", "progress", "reports")


def row_counts() -> dict[str, int]:
    return {
        model._meta.label: model.objects.count()
        for name in WATCHED_APPS
        for model in apps.get_app_config(name).get_models()
    }


def error_texts(html: str) -> list[str]:
    """The text of every error list and form-level error block on the page."""
    blocks = re.findall(r'<ul class="errorlist[^"]*"[^>]*>(.*?)</ul>', html, re.S)
    blocks += re.findall(r'<(?:div|p) class="form-errors"[^>]*>(.*?)</(?:div|p)>', html, re.S)
    return [unescape(re.sub(r"<[^>]+>", " ", block)).strip() for block in blocks]


@pytest.fixture(autouse=True)
def fast_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def scene(plan, group, staff_user, group_director, planner):
    finance = factories.member(plan.office, "finance", Role.FINANCE)
    project = pf.reportable_project(plan, group)
    indicators = list(project.indicators.order_by("order"))
    activity = project.activities.get()
    budget_factories.office_allocation(plan, budget_factories.category(), "100000")
    submitted = pf.reportable_project(plan, group, number=2)
    pf.report(submitted, 1, status=QuarterlyReport.Status.SUBMITTED)
    year = plan.fiscal_year.year
    category = budget_factories.category().pk
    report = pf.report_rows(
        project,
        {
            "version": "0",
            "action": "save",
            "work_done": "จัดอบรมครู",
            "quantitative_results": "",
            "qualitative_results": "",
            "problems": "",
            "corrective_action": "",
            "recommendations": "",
            f"value_{indicators[0].pk}": "๘๕.๕",
            f"unit_{indicators[0].pk}": "ร้อยละ",
            f"count_{indicators[0].pk}": "",
            f"value_{indicators[1].pk}": "๑,๒๐๐",
            f"unit_{indicators[1].pk}": "คน",
            f"count_{indicators[1].pk}": "๓",
            f"amount_{activity.pk}": "๒,๕๐๐.๕๐",
            "photo_caption": "",
        },
    )
    money = {"amount": "๑,๐๐๐", "note": "หมายเหตุ", "letter_no": "ศธ ๐๔๑"}
    forms = {
        "progress report": (
            staff_user,
            reverse("progress:report", args=[project.pk, 1]),
            report,
            {**dict.fromkeys(QuarterlyReport.NARRATIVE), "photo_caption": 500},
        ),
        "return a report": (
            group_director,
            reverse("progress:report_return", args=[submitted.pk, 1]),
            {"version": "1", "reason": "ขาดภาพกิจกรรม"},
            {"reason": 2000},
        ),
        "project disbursement": (
            finance,
            reverse("budget:project_ledger", args=[year, project.pk]),
            {
                "paid_on": "๔/๓/๒๕๖๕",
                "amount": "๑,๐๐๐",
                "activity": str(activity.pk),
                "document_no": "บจ ๑/๖๕",
                "note": "หมายเหตุ",
            },
            {"document_no": 100, "note": 300},
        ),
        "project allocation": (
            planner,
            reverse("budget:project_allocation_add", args=[year, project.pk]),
            {**money, "activity": str(activity.pk), "received_on": "๑/๑๐/๒๕๖๔"},
            {"letter_no": 100, "note": 300},
        ),
        "office allocation": (
            finance,
            reverse("budget:office_allocation_add", args=[year]),
            {**money, "category": str(category), "received_on": "๑/๑๐/๒๕๖๔"},
            {"letter_no": 100, "note": 300},
        ),
        "office disbursement": (
            finance,
            reverse("budget:office_disbursement_add", args=[year]),
            {
                "amount": "๑,๐๐๐",
                "note": "หมายเหตุ",
                "category": str(category),
                "paid_on": "๑/๑๑/๒๕๖๔",
                "document_no": "บจ",
            },
            {"note": 300, "document_no": 100},
        ),
        "targets": (
            planner,
            reverse("budget:targets_edit", args=[year]),
            budget_factories.targets_form("๓๐", "๕๒", "๗๕", "๑๐๐"),
            {},
        ),
        "transfer": (
            planner,
            reverse("budget:transfer_add", args=[year]),
            {
                "source": f"p{project.pk}",
                "target": f"p{submitted.pk}",
                "amount": "๑๐๐",
                "transferred_on": "๑/๑๒/๒๕๖๔",
                "reason": "ปรับแผน",
                "approved_by": "ผู้อำนวยการ",
                "letter_no": "ศธ ๑",
            },
            {"reason": None, "approved_by": 200, "letter_no": 100},
        ),
    }
    # The money forms post once (plans.forms.OnceForm): a valid token, so that what refuses
    # a post is the hostile field, not a missing token.
    for name, (user, _url, data, _texts) in forms.items():
        if name.startswith(("project ", "office ", "transfer")):
            data[ONCE_FIELD] = issue_token(user)
    return forms


FORMS = [
    "progress report",
    "return a report",
    "project disbursement",
    "project allocation",
    "office allocation",
    "office disbursement",
    "targets",
    "transfer",
]


def refused(field: str, value: str, texts: dict[str, int | None]) -> bool:
    """Whether the form must refuse `value` in `field`: free text takes anything of its
    length without NUL; numbers, dates, choices and the hidden version take none of these."""
    if field not in texts:
        return True
    limit = texts[field]
    return "\x00" in value or (limit is not None and len(value) > limit)


def assert_thai_errors(response, where: str, hostile: str) -> None:
    assert response.status_code == 200, where
    errors = error_texts(response.content.decode())
    assert errors, where
    for text in errors:
        assert hostile not in text, f"{where} echoes the input"
        leaked = ENGLISH.findall(text)
        assert not leaked, f"{where}: {text[:300]}"


@pytest.mark.parametrize("kind", list(HOSTILE))
@pytest.mark.parametrize("form", FORMS)
def test_hostile_input_gets_thai_errors_and_saves_nothing(client, scene, form, kind):
    user, url, valid, texts = scene[form]
    client.force_login(user)
    hostile = HOSTILE[kind]
    before = row_counts()
    for field in valid:
        if field in ("action", ONCE_FIELD) or not refused(field, hostile, texts):
            continue
        response = client.post(url, {**valid, field: hostile})
        assert_thai_errors(response, f"{form}: {field}={kind}", hostile)
        assert row_counts() == before, f"{form}: {field}={kind}"


@pytest.mark.parametrize("form", FORMS)
def test_all_fields_hostile_at_once(client, scene, form):
    user, url, valid, _ = scene[form]
    client.force_login(user)
    before = row_counts()
    for kind, hostile in HOSTILE.items():
        data = {field: hostile for field in valid if field != "action"}
        if ONCE_FIELD in valid:
            data[ONCE_FIELD] = valid[ONCE_FIELD]
        response = client.post(url, {**data, "action": "save"})
        assert_thai_errors(response, f"{form}: all={kind}", hostile)
    assert row_counts() == before


@pytest.mark.parametrize("form", FORMS)
def test_the_valid_input_each_case_starts_from_is_saved(client, scene, form):
    """So that each refusal above is the hostile value's, not the rest of the form's."""
    user, url, valid, _ = scene[form]
    client.force_login(user)
    response = client.post(url, valid)
    assert response.status_code == 302, error_texts(response.content.decode())
