"""Offices (สำนักงานเขตพื้นที่การศึกษา) and the provinces they serve."""

from __future__ import annotations

from django.db import models

from plans import files


class Province(models.Model):
    name = models.CharField("ชื่อจังหวัด", max_length=100, unique=True)

    class Meta:
        verbose_name = "จังหวัด"
        verbose_name_plural = "จังหวัด"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class OfficeQuerySet(models.QuerySet):
    def visible_to(self, user) -> OfficeQuerySet:
        """The offices the user may read (plans/access.py: every role reads its office)."""
        from plans.access import Right, offices_with

        return self.filter(pk__in=offices_with(user, Right.READ).values("pk"))


class Office(models.Model):
    """An education service area office (สำนักงานเขตพื้นที่การศึกษา)."""

    code = models.SlugField("รหัส", max_length=50, unique=True)
    name = models.CharField("ชื่อสำนักงาน", max_length=200)
    short_name = models.CharField("ชื่อย่อ", max_length=100)
    parent_body = models.CharField("หน่วยงานต้นสังกัด", max_length=200, blank=True)
    ministry = models.CharField("กระทรวง", max_length=200, blank=True)
    address = models.CharField("ที่ตั้ง", max_length=300, blank=True)
    website = models.CharField("เว็บไซต์", max_length=200, blank=True)
    phone = models.CharField("โทรศัพท์", max_length=50, blank=True)
    fax = models.CharField("โทรสาร", max_length=50, blank=True)
    email = models.EmailField("อีเมล", blank=True)
    # The report's pictures of the office (the planning group uploads them, reports/pictures.py).
    emblem = files.ImageField(
        "ตราสัญลักษณ์ (หน้าปกรายงาน)",
        upload_to=files.PrivateName("office"),
        url_name="files:office_emblem",
        blank=True,
    )
    location_map = files.ImageField(
        "แผนที่ที่ตั้งสำนักงาน",
        upload_to=files.PrivateName("office"),
        url_name="files:office_map",
        blank=True,
    )
    provinces = models.ManyToManyField(Province, verbose_name="จังหวัดในความรับผิดชอบ", blank=True)

    objects = OfficeQuerySet.as_manager()

    class Meta:
        verbose_name = "สำนักงานเขตพื้นที่การศึกษา"
        verbose_name_plural = "สำนักงานเขตพื้นที่การศึกษา"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.short_name or self.name
