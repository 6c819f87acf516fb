"""Small deterministic factories: each returns a saved object with sensible defaults."""

from decimal import Decimal

from django.contrib.auth import get_user_model

from budget.models import ProjectAllocation
from indicators.models import Indicator, IndicatorResult
from plans.models import FiscalYear, Membership, Office, Plan, PolicyArea, WorkGroup
from projects.models import Activity, Project


def office(code="test-office", name="สำนักงานเขตพื้นที่การศึกษาทดสอบ"):
    return Office.objects.create(code=code, name=name, short_name=f"สพม.{code}")


def fiscal_year(year=2565):
    return FiscalYear.objects.get_or_create(year=year)[0]


def plan(office, year=2565):
    return Plan.objects.create(office=office, fiscal_year=fiscal_year(year))


def policy_area(code="quality"):
    numbers = {"safety": 1, "opportunity": 2, "quality": 3, "efficiency": 4}
    return PolicyArea.objects.get_or_create(
        code=code, defaults={"number": numbers[code], "name": f"ด้าน{code}"}
    )[0]


def work_group(office, code="group", name="กลุ่มทดสอบ", kind="group"):
    return WorkGroup.objects.create(office=office, code=code, name=name, kind=kind)


def member(office, username, role, group=None):
    user = get_user_model().objects.create_user(username=username, password="pw-test-2565")
    Membership.objects.create(user=user, office=office, role=role, work_group=group)
    return user


def project(plan, number=1, *, group=None, area="quality", budget=None, name=None):
    obj = Project.objects.create(
        plan=plan,
        number=number,
        name=name or f"โครงการทดสอบ {number}",
        policy_area=policy_area(area),
        work_group=group,
    )
    if budget is not None:
        ProjectAllocation.objects.create(project=obj, amount=Decimal(budget))
    return obj


def activity(project, number=1, name="กิจกรรมทดสอบ"):
    return Activity.objects.create(project=project, number=number, name=name)


def indicator(
    project,
    order=1,
    *,
    activity=None,
    target="100",
    unit="ร้อยละ",
    result=None,
    result_unit=None,
    quarter=4,
    aggregation="latest",
):
    obj = Indicator.objects.create(
        project=project,
        activity=activity,
        order=order,
        text=f"ตัวชี้วัดทดสอบ {order}",
        target=None if target is None else Decimal(target),
        unit=unit,
        aggregation=aggregation,
    )
    if result is not None:
        IndicatorResult.objects.create(
            indicator=obj, quarter=quarter, value=Decimal(result), unit=result_unit or unit
        )
    return obj


def huge_png(width=10_000, height=10_000) -> bytes:
    """A valid 1-bit PNG of width x height black pixels, made without Pillow holding them:
    100 million pixels compress to about 12 KB (a decompression bomb for a naive reader)."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    row = b"\0" * (1 + (width + 7) // 8)  # filter byte and the row's bits
    compressor = zlib.compressobj(9)
    pixels = b"".join(compressor.compress(row) for _ in range(height)) + compressor.flush()
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )
