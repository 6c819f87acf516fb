"""Many people disbursing from one project at the same moment, on whichever database the
suite runs on (SQLite file and PostgreSQL): writes queue instead of failing, and together
they never spend more than the project has. Once through the portal's page (the whole
stack: no 5xx), once through the service itself, whose transaction reads the remaining
budget before it writes (on SQLite the case that failed at once with "database is locked"
before transactions took the write lock when they begin)."""

import re
import threading
from datetime import date
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import close_old_connections, connections
from django.test import Client
from django.urls import reverse

from budget import services
from budget.models import ProjectDisbursement
from tests import factories

POSTS = 20
HIDDEN_INPUT = re.compile(r'<input type="hidden" name="([^"]+)" value="([^"]*)"')


def _hidden_fields(html: str) -> dict[str, str]:
    """The hidden inputs of the disbursement form as the page rendered it (so a token the
    form may carry is sent back like a browser would)."""
    start = html.index('<h2 id="disburse-heading">')
    form = html[start : html.index("</form>", start)]
    return dict(HIDDEN_INPUT.findall(form))


@pytest.mark.django_db(transaction=True)
def test_twenty_parallel_disbursements_queue_and_never_exceed_the_budget(plan, group):
    project = factories.project(plan, 1, group=group, budget="100000.00")
    url = reverse("budget:project_ledger", args=[2565, project.pk])
    # The administrator: whoever else may post this form, the form and its check are one.
    admin = get_user_model().objects.create_superuser("admin", password="pw-test-2565")
    clients = []
    for _ in range(POSTS):
        client = Client()
        client.force_login(admin)
        clients.append(client)

    start = threading.Barrier(POSTS)
    outcomes: list[int | str] = []
    lock = threading.Lock()

    def disburse(client: Client, number: int) -> None:
        try:
            page = client.get(url)
            data = {
                **_hidden_fields(page.content.decode()),
                "paid_on": "๔/๓/๒๕๖๕",
                "amount": "10,000.00",
                "document_no": f"บจ {number}/65",
            }
            start.wait(timeout=60)
            response = client.post(url, data)
            if response.status_code == 200:
                assert "เบิกจ่ายเกินงบประมาณคงเหลือ" in response.content.decode()
                outcome: int | str = "refused"
            else:
                outcome = response.status_code
        except Exception as error:  # every failure is counted as an outcome, none hidden
            outcome = f"{type(error).__name__}: {error}"
        finally:
            close_old_connections()
            connections.close_all()
        with lock:
            outcomes.append(outcome)

    threads = [threading.Thread(target=disburse, args=(c, n)) for n, c in enumerate(clients, 1)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    assert sorted(outcomes, key=str) == [302] * 10 + ["refused"] * 10
    disbursed = [d.amount for d in ProjectDisbursement.objects.filter(project=project)]
    assert disbursed == [Decimal("10000.00")] * 10


@pytest.mark.django_db(transaction=True)
def test_twenty_parallel_service_calls_queue_and_never_exceed_the_budget(plan, group):
    project = factories.project(plan, 1, group=group, budget="100000.00")
    admin = get_user_model().objects.create_superuser("admin", password="pw-test-2565")
    start = threading.Barrier(POSTS)
    outcomes: list[str] = []
    lock = threading.Lock()

    def disburse(number: int) -> None:
        close_old_connections()
        try:
            start.wait(timeout=60)
            services.disbursement_record(
                project=project,
                user=admin,
                amount=Decimal("10000.00"),
                paid_on=date(2022, 3, 4),
                document_no=f"บจ {number}/65",
            )
            outcome = "recorded"
        except ValidationError as error:
            assert "เบิกจ่ายเกินงบประมาณคงเหลือ" in str(error)
            outcome = "refused"
        except Exception as error:  # every failure is counted as an outcome, none hidden
            outcome = f"{type(error).__name__}: {error}"
        finally:
            connections.close_all()
        with lock:
            outcomes.append(outcome)

    threads = [threading.Thread(target=disburse, args=(n,)) for n in range(1, POSTS + 1)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    assert sorted(outcomes) == ["recorded"] * 10 + ["refused"] * 10
    disbursed = [d.amount for d in ProjectDisbursement.objects.filter(project=project)]
    assert disbursed == [Decimal("10000.00")] * 10
