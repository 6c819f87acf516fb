"""The user's notices page (plans/notices/): newest first, paginated, unread marked, one or
all marked read, another user's notice a 404, the Thai empty state, the menu's count; and
the preferences page. Query counts at two sizes."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from plans.models import Notice, NoticeKind, NoticePreference
from plans.notices.services import notify, preferences_of
from tests.queries import REQUEST_EXTRA

pytestmark = pytest.mark.django_db

LIST = reverse("notices:list")
PREFERENCES = reverse("notices:preferences")


def add(user, office, number: int, *, kind=NoticeKind.REPORT_APPROVED, read=False) -> Notice:
    return Notice.objects.create(
        recipient=user,
        office=office,
        kind=kind,
        text=f"ข้อความแจ้งเตือนที่ {number}",
        link=f"/progress/projects/{number}/q1/",
        created_at=timezone.now() - timedelta(minutes=100 - number),
        read_at=timezone.now() if read else None,
    )


@pytest.fixture
def as_staff(client, staff_user):
    client.force_login(staff_user)
    return client


def test_the_empty_state_is_thai(as_staff):
    page = as_staff.get(LIST).content.decode()
    assert "ยังไม่มีการแจ้งเตือน" in page
    assert "ทำเครื่องหมายว่าอ่านแล้วทั้งหมด" not in page


def test_newest_first_unread_marked_each_linking_to_its_report(
    as_staff, staff_user, office, director
):
    add(staff_user, office, 1, read=True)
    add(staff_user, office, 2)
    add(director, office, 3)  # someone else's
    response = as_staff.get(LIST)
    page = response.content.decode()
    assert [n.pk for n in response.context["notices"]] == list(
        Notice.objects.filter(recipient=staff_user)
        .order_by("-created_at")
        .values_list("pk", flat=True)
    )
    assert page.index("ข้อความแจ้งเตือนที่ 2") < page.index("ข้อความแจ้งเตือนที่ 1")
    assert "ข้อความแจ้งเตือนที่ 3" not in page
    assert page.count('class="notice unread"') == 1
    assert 'href="/progress/projects/2/q1/"' in page
    assert "รายงานได้รับอนุมัติ" in page
    # The menu's count of unread notices.
    assert (
        'การแจ้งเตือน <span class="badge"><span class="visually-hidden">ยังไม่ได้อ่าน </span>๑</span>'
        in page
    )


def test_pages_of_twenty(as_staff, staff_user, office):
    for number in range(25):
        add(staff_user, office, number)
    first = as_staff.get(LIST).content.decode()
    second = as_staff.get(LIST, {"page": 2}).content.decode()
    assert "หน้า ๑ จาก ๒" in first and "ข้อความแจ้งเตือนที่ 24" in first
    assert "ข้อความแจ้งเตือนที่ 4<" in second and "ข้อความแจ้งเตือนที่ 5<" not in second


def test_mark_one_then_all_read(as_staff, staff_user, office):
    _one, two, _three = (add(staff_user, office, n) for n in (1, 2, 3))
    response = as_staff.post(LIST, {"notice": str(two.pk), "page": "1"})
    assert response.status_code == 302 and response["Location"] == f"{LIST}?page=1"
    assert [n.is_read for n in Notice.objects.order_by("pk")] == [False, True, False]
    as_staff.post(LIST, {"all": "1"})
    assert Notice.objects.filter(read_at__isnull=True).count() == 0
    page = as_staff.get(LIST).content.decode()
    assert 'class="badge"' not in page and "อ่านแล้ว" in page


def test_another_users_notice_is_a_404_and_stays_unread(as_staff, director, office):
    theirs = add(director, office, 1)
    assert as_staff.post(LIST, {"notice": str(theirs.pk)}).status_code == 404
    assert as_staff.post(LIST, {"notice": "x"}).status_code == 404
    as_staff.post(LIST, {"all": "1"})
    theirs.refresh_from_db()
    assert theirs.read_at is None


def test_another_office_is_a_404_and_its_notices_are_not_listed(as_staff, staff_user, outsider):
    other = outsider.memberships.get().office
    add(staff_user, other, 1)  # an office the user no longer belongs to
    assert as_staff.get(LIST, {"office": other.code}).status_code == 404
    assert as_staff.get(PREFERENCES, {"office": other.code}).status_code == 404
    assert "ข้อความแจ้งเตือนที่ 1" not in as_staff.get(LIST).content.decode()


def test_notices_turned_off_in_the_portal_are_not_listed(as_staff, staff_user, office):
    notify(
        recipients=[staff_user],
        office_id=office.pk,
        kind=NoticeKind.OVERDUE,
        text="เลยกำหนด",
    )
    NoticePreference.objects.create(user=staff_user, kind=NoticeKind.OVERDUE, in_portal=False)
    staff_user.email = "staff@example.go.th"
    staff_user.save()
    notify(recipients=[staff_user], office_id=office.pk, kind=NoticeKind.OVERDUE, text="อีเมลเท่านั้น")
    page = as_staff.get(LIST).content.decode()
    assert "เลยกำหนด" in page and "อีเมลเท่านั้น" not in page


def test_the_list_makes_as_many_queries_for_many_notices_as_for_one(
    as_staff, staff_user, office, django_assert_max_num_queries
):
    add(staff_user, office, 1)
    as_staff.get(LIST)  # the session's first write
    with django_assert_max_num_queries(2 + REQUEST_EXTRA) as one:
        as_staff.get(LIST)
    for number in range(2, 40):
        add(staff_user, office, number, read=number % 2 == 0)
    with django_assert_max_num_queries(len(one.captured_queries)):
        as_staff.get(LIST)
    with django_assert_max_num_queries(len(one.captured_queries)):
        as_staff.get(LIST, {"page": 2})


def test_the_menu_links_the_notices_and_the_name_links_the_preferences(as_staff):
    page = as_staff.get(reverse("reports:home"), follow=True).content.decode()
    assert f'href="{LIST}" data-testid="menu-notices">การแจ้งเตือน</a>' in page
    assert f'<a class="who" href="{PREFERENCES}" title="ตั้งค่าการแจ้งเตือน">' in page


# -- preferences ------------------------------------------------------------------------


def test_preferences_default_on_and_saved_as_chosen(as_staff, staff_user):
    page = as_staff.get(PREFERENCES).content.decode()
    assert "ตั้งค่าการแจ้งเตือน" in page
    assert page.count("checked") == len(NoticeKind.values) * 2 - 1  # no e-mail box for reset
    assert "ส่งทุกครั้ง" in page
    data = {f"{kind}_portal": "on" for kind in NoticeKind.values}
    data |= {f"{kind}_email": "on" for kind in NoticeKind.values}
    del data["overdue_email"], data["report_approved_portal"]
    response = as_staff.post(PREFERENCES, data)
    assert response.status_code == 302
    assert {
        kind: choice
        for kind, choice in preferences_of(staff_user).items()
        if choice != (True, True)
    } == {"overdue": (True, False), "report_approved": (False, True)}
    page = as_staff.get(PREFERENCES).content.decode()
    assert "บันทึกการตั้งค่าการแจ้งเตือนแล้ว" in page
    # Everything back on: no rows kept.
    as_staff.post(PREFERENCES, {**data, "overdue_email": "on", "report_approved_portal": "on"})
    assert NoticePreference.objects.count() == 0


def test_a_user_of_no_office_has_the_pages_and_no_notices(client, django_user_model):
    client.force_login(django_user_model.objects.create_user("nobody", password="pw-x-2565"))
    assert "ยังไม่มีการแจ้งเตือน" in client.get(LIST).content.decode()
    assert client.get(PREFERENCES).status_code == 200


def test_anonymous_is_sent_to_sign_in(client):
    for url in (LIST, PREFERENCES):
        response = client.get(url)
        assert response.status_code == 302 and "login" in response["Location"]


def test_a_reset_link_sent_by_the_administrator_is_a_notice_in_the_portal_only(
    client, office, staff_user
):
    from plans.models import Role
    from tests import factories

    admin = factories.member(office, "officeadmin", Role.ADMIN)
    admin.first_name, admin.last_name = "สมชาย", "ดูแลระบบ"
    admin.save()
    staff_user.email = "staff@example.go.th"
    staff_user.save()
    client.force_login(admin)
    pk = staff_user.memberships.get().pk
    assert client.post(reverse("people:member_password", args=[pk])).status_code == 302
    notice = Notice.objects.get()
    assert (notice.recipient, notice.kind, notice.by_email, notice.link) == (
        staff_user,
        NoticeKind.PASSWORD_RESET,
        False,
        "",
    )
    assert notice.text.startswith(
        "สมชาย ดูแลระบบ ผู้ดูแลระบบของสำนักงานเขตพื้นที่การศึกษาทดสอบ ส่งลิงก์ตั้งรหัสผ่านใหม่"
        "ไปที่อีเมล staff@example.go.th ของท่าน"
    )
    from django.core import mail

    assert len(mail.outbox) == 1  # the reset e-mail itself, as before, and no other
