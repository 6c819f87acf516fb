"""Demo users: one per role, for the embedded demo only (never in production)."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission

from plans.models import Membership, Office, Role

DEMO_PASSWORD = "demo-2565"  # noqa: S105 -- demo mode only, printed on start

# username, first name, last name, role, work group code, position
DEMO_USERS = [
    ("admin", "ผู้ดูแล", "ระบบ", Role.ADMIN, None, "ผู้ดูแลระบบ"),
    ("director", "ผู้อำนวยการ", "ตัวอย่าง", Role.DIRECTOR, None, "ผู้อำนวยการ สพม."),
    ("planner", "นักวิเคราะห์", "ตัวอย่าง", Role.PLANNING, "policy_planning", "นักวิเคราะห์นโยบายและแผน"),
    ("finance", "นักวิชาการเงิน", "ตัวอย่าง", Role.FINANCE, "finance_assets", "นักวิชาการเงินและบัญชี"),
    (
        "groupdirector",
        "ผอ.กลุ่ม",
        "ตัวอย่าง",
        Role.GROUP_DIRECTOR,
        "promotion_education",
        "ผู้อำนวยการกลุ่มส่งเสริมการจัดการศึกษา",
    ),
    (
        "staff",
        "เจ้าหน้าที่",
        "ตัวอย่าง",
        Role.STAFF,
        "promotion_education",
        "เจ้าหน้าที่กลุ่มส่งเสริมการจัดการศึกษา",
    ),
]


# Which apps' data each admin-site role may manage (Django model permissions).
ADMIN_APPS = {
    Role.PLANNING: ("plans", "projects", "indicators", "budget", "progress"),
    Role.FINANCE: ("budget",),
}


def admin_group(role: str) -> Group:
    group, _ = Group.objects.get_or_create(name=f"ผู้ดูแลข้อมูล: {Role(role).label}")
    group.permissions.set(Permission.objects.filter(content_type__app_label__in=ADMIN_APPS[role]))
    return group


def ensure_demo_users(office: Office) -> list[tuple[str, str]]:
    """Create (or reset) the demo users and their memberships; returns (username, label)."""
    user_model = get_user_model()
    created = []
    for username, first, last, role, group_code, position in DEMO_USERS:
        user, _ = user_model.objects.get_or_create(username=username)
        user.first_name, user.last_name = first, last
        # An address on a domain that never exists (RFC 2606), so that the demo's e-mailed
        # links (invitations, password resets; console backend by default) can be tried.
        user.email = f"{username}@demo.invalid"
        user.is_staff = role == Role.ADMIN or role in ADMIN_APPS
        user.is_superuser = role == Role.ADMIN
        user.set_password(DEMO_PASSWORD)
        user.save()
        if role in ADMIN_APPS:
            user.groups.set([admin_group(role)])
        group = office.work_groups.get(code=group_code) if group_code else None
        Membership.objects.update_or_create(
            user=user,
            office=office,
            defaults={"role": role, "work_group": group, "position": position},
        )
        label = Role(role).label + (f" – {group.name}" if group else "")
        created.append((username, label))
    return created
