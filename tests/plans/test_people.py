"""The people of the office (plans/people/): its administrator lists, adds, changes and
removes members and sends password-reset links; another office's administrator finds
nothing (404), every other role is refused (403), nobody touches their own membership."""

import re

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from plans.access import own_membership
from plans.models import AuditEntry, Membership, Role
from plans.people import services
from tests import factories
from tests.queries import REQUEST_EXTRA

pytestmark = pytest.mark.django_db

PASSWORD = "pw-test-2565"  # tests/factories.py member()
NEW_PASSWORD = "Kr0ng-Kan-2566!"
User = get_user_model()


@pytest.fixture
def officeadmin(office):
    return factories.member(office, "officeadmin", Role.ADMIN)


@pytest.fixture
def other_admin(db):
    other = factories.office(code="other-office", name="สำนักงานเขตพื้นที่การศึกษาอื่น")
    return factories.member(other, "otheradmin", Role.ADMIN)


@pytest.fixture
def as_admin(client, officeadmin):
    client.force_login(officeadmin)
    return client


def _membership(user, office):
    return Membership.objects.get(user=user, office=office)


def _add_data(**extra):
    return {
        "username": "somsri",
        "first_name": "สมศรี",
        "last_name": "ใจดี",
        "email": "somsri@example.go.th",
        "how": "password",
        "password1": NEW_PASSWORD,
        "password2": NEW_PASSWORD,
        "role": Role.FINANCE,
        "work_group": "",
        "position": "นักวิชาการเงินและบัญชี",
        **extra,
    }


def _post_form(client, url, data):
    """Posts a form as the page gives it: with the page's one-time token."""
    page = client.get(url)
    assert page.status_code == 200
    token = re.search(r'name="submission_token" value="([^"]+)"', page.content.decode())
    return client.post(url, {**data, "submission_token": token.group(1) if token else ""})


# -- the list ---------------------------------------------------------------------------------


def test_the_list_shows_the_office_members_and_not_another_offices(
    as_admin, officeadmin, staff_user, group, outsider, office
):
    staff_user.email = "staff@example.go.th"
    staff_user.save()
    response = as_admin.get(reverse("people:member_list"))
    text = response.content.decode()
    assert response.status_code == 200
    assert "staff@example.go.th" in text and "กลุ่มส่งเสริมการจัดการศึกษา" in text
    assert Role.STAFF.label in text and "ใช้งานได้" in text
    assert "outsider" not in text
    staff_row = reverse("people:member_edit", args=[_membership(staff_user, office).pk])
    own_row = reverse("people:member_edit", args=[_membership(officeadmin, office).pk])
    assert staff_row in text and own_row not in text and "บัญชีของท่าน" in text


def test_the_list_searches_and_pages(as_admin, office, staff_user, planner):
    text = as_admin.get(reverse("people:member_list"), {"q": "plann"}).content.decode()
    assert 'data-testid="member-planner"' in text and 'data-testid="member-staff"' not in text
    empty = as_admin.get(reverse("people:member_list"), {"q": "ไม่มีใครชื่อนี้"}).content.decode()
    assert "ไม่พบบุคลากรที่ตรงกับ" in empty
    for number in range(30):
        factories.member(office, f"p{number:02d}", Role.STAFF, office.work_groups.first())
    first = as_admin.get(reverse("people:member_list")).content.decode()
    second = as_admin.get(reverse("people:member_list"), {"page": 2}).content.decode()
    assert "หน้า ๑ จาก ๒" in first and "หน้า ๒ จาก ๒" in second


def test_the_list_makes_as_many_queries_for_three_members_as_for_one(
    as_admin, office, group, django_assert_max_num_queries
):
    as_admin.get(reverse("people:member_list"))  # the session's first write
    with django_assert_max_num_queries(4 + REQUEST_EXTRA) as one:
        as_admin.get(reverse("people:member_list"))
    count = len(one.captured_queries)  # read now: the next request empties Django's query log
    factories.member(office, "a1", Role.STAFF, group)
    factories.member(office, "a2", Role.PLANNING)
    as_admin.get(reverse("people:member_list"))  # the menu's count, cached again (warm, as `one`)
    with django_assert_max_num_queries(count):
        as_admin.get(reverse("people:member_list"))


@pytest.mark.parametrize("role", ["staff_user", "group_director", "planner", "director"])
def test_other_roles_are_refused_every_page(client, request, role, officeadmin, office):
    client.force_login(request.getfixturevalue(role))
    pk = _membership(officeadmin, office).pk
    for url in (
        reverse("people:member_list"),
        reverse("people:member_add"),
        reverse("people:member_attach"),
        reverse("people:member_edit", args=[pk]),
        reverse("people:member_remove", args=[pk]),
        reverse("people:member_password", args=[pk]),
    ):
        assert client.get(url).status_code == 403, url
        assert client.post(url, {"role": Role.ADMIN}).status_code == 403, url
    assert Membership.objects.filter(office=office).count() == 2


def test_another_offices_administrator_finds_none_of_our_members(
    client, other_admin, staff_user, office
):
    client.force_login(other_admin)
    pk = _membership(staff_user, office).pk
    for name in ("people:member_edit", "people:member_remove", "people:member_password"):
        assert client.get(reverse(name, args=[pk])).status_code == 404
        assert client.post(reverse(name, args=[pk]), {"role": Role.ADMIN}).status_code == 404
    assert client.get(reverse("people:member_list"), {"office": office.code}).status_code == 404
    assert "staff" not in client.get(reverse("people:member_list")).content.decode()
    assert _membership(staff_user, office).role == Role.STAFF


def test_the_menu_shows_people_to_the_office_administrator_only(client, officeadmin, planner):
    client.force_login(officeadmin)
    assert reverse("people:member_list") in client.get(reverse("budget:home")).content.decode()
    client.force_login(planner)
    assert reverse("people:member_list") not in client.get(reverse("budget:home")).content.decode()


# -- adding -----------------------------------------------------------------------------------


def test_the_administrator_creates_an_account_who_then_signs_in(
    as_admin, officeadmin, office, client
):
    response = _post_form(as_admin, reverse("people:member_add"), _add_data())
    assert response.status_code == 302
    account = User.objects.get(username="somsri")
    assert (account.first_name, account.last_name, account.email) == (
        "สมศรี",
        "ใจดี",
        "somsri@example.go.th",
    )
    membership = _membership(account, office)
    assert (membership.role, membership.work_group, membership.position) == (
        Role.FINANCE,
        None,
        "นักวิชาการเงินและบัญชี",
    )
    entry = AuditEntry.objects.get(object_type="plans.membership", object_id=membership.pk)
    assert (entry.action, entry.user, entry.office) == ("create", officeadmin, office)
    client.logout()
    assert client.login(username="somsri", password=NEW_PASSWORD)


def test_a_group_role_needs_a_group_and_a_weak_password_is_refused(as_admin, office, group):
    response = _post_form(as_admin, reverse("people:member_add"), _add_data(role=Role.STAFF))
    assert "บทบาทนี้ต้องระบุกลุ่มงาน" in response.content.decode()
    response = _post_form(
        as_admin,
        reverse("people:member_add"),
        _add_data(password1="12345678", password2="12345678", work_group=group.pk),
    )
    text = response.content.decode()
    assert response.status_code == 200 and "ยังไม่ได้บันทึก" in text
    assert "รหัสผ่านเป็นตัวเลขทั้งหมด" in text
    response = _post_form(
        as_admin, reverse("people:member_add"), _add_data(password2="something-else-2566")
    )
    assert "รหัสผ่านทั้งสองช่องไม่ตรงกัน" in response.content.decode()
    assert not User.objects.filter(username="somsri").exists()


def test_a_taken_username_is_refused_with_the_way_to_attach_it(as_admin, outsider):
    response = _post_form(as_admin, reverse("people:member_add"), _add_data(username="outsider"))
    assert "เพิ่มบัญชีที่มีอยู่แล้ว" in response.content.decode()
    assert outsider.memberships.count() == 1


def test_the_same_form_posted_twice_creates_one_account(as_admin):
    page = as_admin.get(reverse("people:member_add")).content.decode()
    token = re.search(r'name="submission_token" value="([^"]+)"', page).group(1)
    data = {**_add_data(), "submission_token": token}
    assert as_admin.post(reverse("people:member_add"), data).status_code == 302
    assert as_admin.post(reverse("people:member_add"), data).status_code == 302
    assert User.objects.filter(username="somsri").count() == 1


def test_an_account_of_another_office_is_attached_by_username_or_email(
    as_admin, office, outsider, group
):
    outsider.email = "outsider@example.go.th"
    outsider.save()
    data = {"account": "OUTSIDER@example.go.th", "role": Role.STAFF, "work_group": group.pk}
    assert _post_form(as_admin, reverse("people:member_attach"), data).status_code == 302
    assert _membership(outsider, office).work_group == group
    assert outsider.memberships.exclude(office=office).get().role == Role.PLANNING
    again = _post_form(as_admin, reverse("people:member_attach"), {**data, "account": "outsider"})
    assert services.ALREADY_MEMBER in again.content.decode()
    missing = _post_form(as_admin, reverse("people:member_attach"), {**data, "account": "ghost"})
    assert "ไม่พบบัญชีผู้ใช้นี้" in missing.content.decode()


# -- changing and removing ----------------------------------------------------------------------


def test_the_administrator_changes_a_role_group_name_and_state(
    as_admin, office, staff_user, group, other_group
):
    pk = _membership(staff_user, office).pk
    data = {
        "first_name": "สมชาย",
        "last_name": "ขยัน",
        "email": "somchai@example.go.th",
        "role": Role.GROUP_DIRECTOR,
        "work_group": other_group.pk,
        "position": "ผู้อำนวยการกลุ่ม",
    }  # is_active left out: the box unticked
    assert as_admin.post(reverse("people:member_edit", args=[pk]), data).status_code == 302
    membership = Membership.objects.select_related("user").get(pk=pk)
    assert (membership.role, membership.work_group, membership.position) == (
        Role.GROUP_DIRECTOR,
        other_group,
        "ผู้อำนวยการกลุ่ม",
    )
    assert membership.user.get_full_name() == "สมชาย ขยัน"
    assert membership.user.is_active is False


def test_a_role_changes_for_an_account_without_a_name(as_admin, office, group):
    nameless = factories.member(office, "nameless", Role.STAFF, group)
    pk = _membership(nameless, office).pk
    data = {"role": Role.DIRECTOR, "is_active": "on", "first_name": "", "last_name": ""}
    assert as_admin.post(reverse("people:member_edit", args=[pk]), data).status_code == 302
    assert _membership(nameless, office).role == Role.DIRECTOR


def test_an_account_of_two_offices_keeps_its_account_only_the_role_changes(
    as_admin, office, outsider
):
    membership = Membership.objects.create(
        user=outsider, office=office, role=Role.STAFF, work_group=factories.work_group(office)
    )
    page = as_admin.get(reverse("people:member_edit", args=[membership.pk])).content.decode()
    assert 'data-testid="account-shared"' in page and 'name="email"' not in page
    data = {"role": Role.DIRECTOR, "work_group": "", "first_name": "x", "email": "x@x.th"}
    assert (
        as_admin.post(reverse("people:member_edit", args=[membership.pk]), data).status_code == 302
    )
    outsider.refresh_from_db()
    assert outsider.first_name == "" and outsider.email == "" and outsider.is_active
    assert _membership(outsider, office).role == Role.DIRECTOR
    assert outsider.memberships.exclude(office=office).get().role == Role.PLANNING
    with pytest.raises(PermissionDenied):
        services.member_update(
            membership=membership,
            user=User.objects.get(username="officeadmin"),
            role=Role.DIRECTOR,
            work_group=None,
            position="",
            account={"email": "mine@example.go.th"},
        )


def test_nobody_changes_or_removes_their_own_membership(as_admin, officeadmin, office):
    own = _membership(officeadmin, office)
    assert own_membership(officeadmin, own)
    for name in ("people:member_edit", "people:member_remove", "people:member_password"):
        assert as_admin.get(reverse(name, args=[own.pk])).status_code == 403
        assert as_admin.post(reverse(name, args=[own.pk]), {"role": Role.STAFF}).status_code == 403
    with pytest.raises(PermissionDenied):
        services.member_remove(membership=own, user=officeadmin)
    assert _membership(officeadmin, office).role == Role.ADMIN


def test_removing_asks_first_then_keeps_the_account(as_admin, office, staff_user):
    pk = _membership(staff_user, office).pk
    page = as_admin.get(reverse("people:member_remove", args=[pk])).content.decode()
    assert "ยืนยันการนำ" in page and Membership.objects.filter(pk=pk).exists()
    assert as_admin.post(reverse("people:member_remove", args=[pk])).status_code == 302
    assert not Membership.objects.filter(pk=pk).exists()
    assert User.objects.filter(pk=staff_user.pk).exists()


# -- passwords ----------------------------------------------------------------------------------


def _link(message) -> str:
    return re.search(r"https?://[^/\s]+(/accounts/reset/\S+/)", message.body).group(1)


def _set_password_by(client, link: str, password: str):
    page = client.get(link, follow=True)  # Django moves the token into the session first
    assert "ตั้งรหัสผ่านใหม่" in page.content.decode()
    url = page.redirect_chain[-1][0] if page.redirect_chain else link
    return client.post(url, {"new_password1": password, "new_password2": password})


def test_the_administrator_sends_a_reset_link_that_sets_a_new_password(
    as_admin, office, staff_user, client
):
    staff_user.email = "staff@example.go.th"
    staff_user.save()
    pk = _membership(staff_user, office).pk
    assert (
        "staff@example.go.th"
        in as_admin.get(reverse("people:member_password", args=[pk])).content.decode()
    )
    assert as_admin.post(reverse("people:member_password", args=[pk])).status_code == 302
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["staff@example.go.th"]
    assert "ตั้งรหัสผ่านใหม่" in message.subject and "เรียน" in message.body
    link = _link(message)
    client.logout()
    done = _set_password_by(client, link, NEW_PASSWORD)
    assert done.status_code == 302 and done["Location"] == reverse("password_reset_complete")
    assert client.login(username="staff", password=NEW_PASSWORD)
    assert not client.login(username="staff", password=PASSWORD)
    client.logout()
    again = client.get(link, follow=True).content.decode()
    assert 'data-testid="link-invalid"' in again  # the link works once


def test_no_link_to_an_account_without_email_or_of_two_offices(
    as_admin, office, staff_user, outsider
):
    pk = _membership(staff_user, office).pk
    response = as_admin.post(reverse("people:member_password", args=[pk]))
    assert services.NO_EMAIL in response.content.decode()
    shared = Membership.objects.create(user=outsider, office=office, role=Role.DIRECTOR)
    outsider.email = "outsider@example.go.th"
    outsider.save()
    response = as_admin.post(reverse("people:member_password", args=[shared.pk]))
    assert services.ACCOUNT_NOT_EDITABLE in response.content.decode()
    assert mail.outbox == []


def test_forgotten_password_from_the_sign_in_page(client, staff_user):
    staff_user.email = "staff@example.go.th"
    staff_user.save()
    sign_in = client.get(reverse("login")).content.decode()
    assert reverse("password_reset") in sign_in and "ลืมรหัสผ่าน" in sign_in
    assert "อีเมล" in client.get(reverse("password_reset")).content.decode()
    response = client.post(reverse("password_reset"), {"email": "staff@example.go.th"})
    assert response.status_code == 302
    assert "ตรวจสอบอีเมล" in client.get(response["Location"]).content.decode()
    assert len(mail.outbox) == 1
    _set_password_by(client, _link(mail.outbox[0]), NEW_PASSWORD)
    assert client.login(username="staff", password=NEW_PASSWORD)
    # An unknown address is told the same and sent nothing.
    client.logout()
    assert (
        client.post(reverse("password_reset"), {"email": "nobody@example.go.th"}).status_code == 302
    )
    assert len(mail.outbox) == 1


def test_a_new_password_is_checked_by_the_validators(client, staff_user):
    staff_user.email = "staff@example.go.th"
    staff_user.save()
    client.post(reverse("password_reset"), {"email": "staff@example.go.th"})
    response = _set_password_by(client, _link(mail.outbox[0]), "12345678")
    assert "รหัสผ่านเป็นตัวเลขทั้งหมด" in response.content.decode()
    assert client.login(username="staff", password=PASSWORD)


# -- invitations and lockouts -------------------------------------------------------------------


def test_an_invited_member_sets_their_own_password_from_the_e_mail(as_admin, office, client):
    data = _add_data(how="invite", password1="", password2="")
    response = _post_form(as_admin, reverse("people:member_add"), data)
    assert response.status_code == 302
    account = User.objects.get(username="somsri")
    assert not account.has_usable_password()  # nobody knows a password yet
    listing = as_admin.get(response["Location"], follow=True).content.decode()
    assert "ส่งลิงก์ตั้งรหัสผ่านไปที่ somsri@example.go.th แล้ว" in listing
    assert "รอผู้ใช้ตั้งรหัสผ่าน" in listing
    (message,) = mail.outbox
    assert message.to == ["somsri@example.go.th"]
    assert "เชิญใช้งาน" in message.subject
    assert "ชื่อผู้ใช้ของท่าน: somsri" in message.body and office.name in message.body
    client.logout()
    done = _set_password_by(client, _link(message), NEW_PASSWORD)
    assert done.status_code == 302
    assert client.login(username="somsri", password=NEW_PASSWORD)


def test_a_password_typed_with_an_invitation_is_not_dropped_silently(as_admin):
    data = _add_data(how="invite")  # both password boxes filled
    page = _post_form(as_admin, reverse("people:member_add"), data).content.decode()
    assert "ท่านกรอกรหัสผ่านไว้แต่เลือก" in page
    assert not User.objects.filter(username="somsri").exists()


def test_choosing_a_password_needs_both_fields(as_admin):
    data = _add_data(how="password", password2="")
    page = _post_form(as_admin, reverse("people:member_add"), data).content.decode()
    assert "กรุณากรอกรหัสผ่านเริ่มต้นทั้งสองช่อง" in page
    assert not User.objects.filter(username="somsri").exists()


def test_an_invitation_that_cannot_be_mailed_says_so_and_keeps_the_account(as_admin, settings):
    settings.EMAIL_BACKEND = "tests.plans.test_people.RefusingBackend"
    data = _add_data(how="invite", password1="", password2="")
    response = _post_form(as_admin, reverse("people:member_add"), data)
    page = as_admin.get(response["Location"]).content.decode()
    assert "ยังไม่ได้ส่งลิงก์ตั้งรหัสผ่าน" in page and services.MAIL_FAILED in page
    assert User.objects.filter(username="somsri").exists()


class RefusingBackend:
    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("smtp down")


def _lock_out(client, username):
    for _ in range(5):
        client.post(reverse("login"), {"username": username, "password": "wrong"})
    assert AccessAttempt.objects.filter(username=username).exists()


def test_the_administrator_sees_a_lockout_and_lifts_it(as_admin, office, staff_user, client):
    from django.test import Client

    _lock_out(Client(), "staff")
    listing = as_admin.get(reverse("people:member_list")).content.decode()
    assert 'data-testid="locked"' in listing and "ถูกล็อกชั่วคราว" in listing
    pk = _membership(staff_user, office).pk
    asked = as_admin.get(reverse("people:member_unlock", args=[pk])).content.decode()
    assert "ถูกล็อกชั่วคราว" in asked and AccessAttempt.objects.exists()  # asking is not doing
    response = as_admin.post(reverse("people:member_unlock", args=[pk]), follow=True)
    assert "ปลดล็อกแล้ว" in response.content.decode()
    assert 'data-testid="locked"' not in response.content.decode()
    assert not AccessAttempt.objects.filter(username="staff").exists()
    entry = AuditEntry.objects.get(
        object_type="plans.membership", object_id=pk, note=services.UNLOCKED_NOTE
    )
    assert (entry.user.username, entry.office) == ("officeadmin", office)
    signed = Client().post(reverse("login"), {"username": "staff", "password": PASSWORD})
    assert signed.status_code == 302


def test_a_password_set_by_link_lifts_the_lockout(client, staff_user):
    from django.test import Client

    staff_user.email = "staff@example.go.th"
    staff_user.save()
    _lock_out(Client(), "staff")
    client.post(reverse("password_reset"), {"email": "staff@example.go.th"})
    _set_password_by(client, _link(mail.outbox[0]), NEW_PASSWORD)
    assert not AccessAttempt.objects.filter(username="staff").exists()
    signed = Client().post(reverse("login"), {"username": "staff", "password": NEW_PASSWORD})
    assert signed.status_code == 302


def test_only_the_administrator_unlocks(client, office, staff_user, planner):
    client.force_login(planner)
    pk = _membership(staff_user, office).pk
    assert client.post(reverse("people:member_unlock", args=[pk])).status_code == 403


# -- the office's own details -------------------------------------------------------------------


def test_the_administrator_edits_the_offices_contacts_the_report_prints(
    as_admin, office, officeadmin
):
    url = reverse("people:office_edit")
    page = as_admin.get(url).content.decode()
    assert "ข้อมูลสำนักงาน" in page and office.name in page
    data = {
        "name": office.name,
        "short_name": office.short_name,
        "address": "ถนนทดสอบ",
        "phone": "0 5526 7235",
        "fax": "0 5526 7234",
        "website": "example.go.th",
        "email": "office@example.go.th",
    }
    assert as_admin.post(url, data).status_code == 302
    office.refresh_from_db()
    assert (office.phone, office.email) == ("0 5526 7235", "office@example.go.th")
    entry = AuditEntry.objects.filter(object_type="plans.office", user=officeadmin).last()
    assert entry is not None and "phone" in entry.changes
    bad = as_admin.post(url, {**data, "email": "not-an-address", "phone": "999"})
    assert bad.status_code == 200 and "อีเมล" in bad.content.decode()
    office.refresh_from_db()
    assert office.phone == "0 5526 7235"  # nothing changed


@pytest.mark.parametrize("role", [Role.PLANNING, Role.DIRECTOR])
def test_other_roles_do_not_edit_the_office(client, office, role):
    client.force_login(factories.member(office, "someone", role))
    assert client.get(reverse("people:office_edit")).status_code == 403
    assert client.post(reverse("people:office_edit"), {"name": "x"}).status_code == 403
