"""Projects of an annual plan, their activities, narrative results and photos, and the
report's highlighted achievements."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models

from plans import files, thai
from plans.access import GroupRight, Right, offices_with, roles_with
from plans.manage.texts import validate_figures
from plans.models import (
    MasterPlanIssue,
    MinisterPolicy,
    NationalStrategy,
    Office,
    Plan,
    PolicyArea,
    WorkGroup,
)


class ProjectQuerySet(models.QuerySet):
    def visible_to(self, user) -> ProjectQuerySet:
        """Every project of the offices the user belongs to (everyone there may read)."""
        return self.filter(plan__office__in=Office.objects.visible_to(user))

    def with_right(self, user, right: Right | None, group_right: GroupRight) -> ProjectQuerySet:
        """Projects of the offices where the user holds `right`, and of the work groups in
        which their role holds `group_right` (plans/access.py); with `right` None, those of
        the work groups only (a superuser's: none)."""
        if not user.is_authenticated or not user.is_active:
            return self.none()
        if user.is_superuser:
            return self if right is not None else self.none()
        groups = user.memberships.filter(role__in=roles_with(group_right)).values("work_group")
        if right is None:
            return self.filter(work_group__in=groups)
        return self.filter(
            models.Q(plan__office__in=offices_with(user, right)) | models.Q(work_group__in=groups)
        ).distinct()

    def editable_by(self, user) -> ProjectQuerySet:
        """Projects whose progress the user may enter: planning staff of the office edit
        all, group staff and group directors edit their own group's projects."""
        return self.with_right(user, Right.EDIT_ALL_REPORTS, GroupRight.EDIT_REPORTS)


class Project(models.Model):
    """A project (โครงการ) of an annual action plan."""

    plan = models.ForeignKey(
        Plan, on_delete=models.CASCADE, related_name="projects", verbose_name="แผนปฏิบัติการ"
    )
    number = models.PositiveSmallIntegerField("ลำดับโครงการ")
    name = models.CharField("ชื่อโครงการ", max_length=400)
    policy_area = models.ForeignKey(
        PolicyArea, on_delete=models.PROTECT, related_name="projects", verbose_name="ด้านนโยบาย"
    )
    work_group = models.ForeignKey(
        WorkGroup,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="projects",
        verbose_name="กลุ่มงานที่รับผิดชอบ",
    )
    supporting_groups = models.ManyToManyField(
        WorkGroup, blank=True, related_name="supported_projects", verbose_name="กลุ่มงานร่วม"
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="owned_projects",
        verbose_name="ผู้รับผิดชอบโครงการ (ผู้ใช้)",
    )
    owner_name = models.CharField("ผู้รับผิดชอบโครงการ", max_length=200, blank=True)
    responsible_text = models.CharField("ผู้รับผิดชอบ (ตามตารางสรุป)", max_length=300, blank=True)
    methods = models.TextField("วิธีการดำเนินงาน", blank=True)
    national_strategies = models.ManyToManyField(
        NationalStrategy, blank=True, verbose_name="ยุทธศาสตร์ชาติ"
    )
    master_plan_issues = models.ManyToManyField(
        MasterPlanIssue, blank=True, verbose_name="ประเด็นแผนแม่บท"
    )
    minister_policies = models.ManyToManyField(
        MinisterPolicy, blank=True, verbose_name="นโยบาย รมว.ศธ."
    )
    obec_policies = models.ManyToManyField(
        PolicyArea, blank=True, related_name="aligned_projects", verbose_name="นโยบาย สพฐ."
    )

    objects = ProjectQuerySet.as_manager()

    class Meta:
        verbose_name = "โครงการ"
        verbose_name_plural = "โครงการ"
        ordering = ["plan", "number"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="project_number_unique"),
            models.UniqueConstraint(fields=["plan", "name"], name="project_name_unique"),
        ]

    def __str__(self) -> str:
        return f"{thai.to_thai_digits(self.number)}. {self.name}"

    def clean(self) -> None:
        if self.work_group_id and self.plan_id and self.work_group.office_id != self.plan.office_id:
            raise ValidationError({"work_group": "กลุ่มงานต้องอยู่ในสำนักงานเดียวกับแผน"})
        validate_figures(methods=self.methods)


class Activity(models.Model):
    """An activity (กิจกรรม) of a project."""

    project = models.ForeignKey(
        Project, on_delete=models.CASCADE, related_name="activities", verbose_name="โครงการ"
    )
    number = models.PositiveSmallIntegerField("กิจกรรมที่")
    name = models.TextField("ชื่อกิจกรรม")
    printed_note = models.CharField("ข้อความเพิ่มเติมในตารางสรุป", max_length=200, blank=True)

    class Meta:
        verbose_name = "กิจกรรม"
        verbose_name_plural = "กิจกรรม"
        ordering = ["project", "number"]
        constraints = [
            models.UniqueConstraint(fields=["project", "number"], name="activity_number_unique")
        ]

    def __str__(self) -> str:
        return f"กิจกรรมที่ {thai.to_thai_digits(self.number)} {self.name}"


class ProjectStatement(models.Model):
    """One numbered item of a project's text: an objective or a point of its results,
    problems or recommendations."""

    class Kind(models.TextChoices):
        OBJECTIVE = "objective", "วัตถุประสงค์"
        TARGET_GROUP = "target_group", "กลุ่มเป้าหมาย"
        QUANTITATIVE = "quantitative", "ผลการดำเนินงานเชิงปริมาณ"
        QUALITATIVE = "qualitative", "ผลการดำเนินงานเชิงคุณภาพ"
        PROBLEM = "problem", "ปัญหา/อุปสรรค"
        RECOMMENDATION = "recommendation", "แนวทางการพัฒนา/ข้อเสนอแนะ"

    project = models.ForeignKey(
        Project, on_delete=models.CASCADE, related_name="statements", verbose_name="โครงการ"
    )
    kind = models.CharField("ประเภท", max_length=20, choices=Kind.choices)
    number = models.PositiveSmallIntegerField("ข้อ")
    text = models.TextField("ข้อความ")

    class Meta:
        verbose_name = "ข้อความของโครงการ"
        verbose_name_plural = "ข้อความของโครงการ"
        ordering = ["project", "kind", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["project", "kind", "number"], name="project_statement_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {thai.to_thai_digits(self.number)}"

    def clean(self) -> None:
        validate_figures(text=self.text)


class ProjectPhoto(models.Model):
    """A captioned activity photo (ภาพกิจกรรม). The FY2565 seed has captions only."""

    project = models.ForeignKey(
        Project, on_delete=models.CASCADE, related_name="photos", verbose_name="โครงการ"
    )
    activity = models.ForeignKey(
        Activity,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="photos",
        verbose_name="กิจกรรม",
    )
    order = models.PositiveSmallIntegerField("ลำดับ")
    caption = models.CharField("คำบรรยายภาพ", max_length=500)
    image = files.ImageField(
        "ภาพ", upload_to=files.PrivateName("photos"), url_name="files:project_photo", blank=True
    )

    class Meta:
        verbose_name = "ภาพกิจกรรม"
        verbose_name_plural = "ภาพกิจกรรม"
        ordering = ["project", "order"]
        constraints = [
            models.UniqueConstraint(fields=["project", "order"], name="project_photo_unique")
        ]

    def __str__(self) -> str:
        return self.caption


class Highlight(models.Model):
    """A highlighted achievement of the year (chapter 3's opening section)."""

    plan = models.ForeignKey(
        Plan, on_delete=models.CASCADE, related_name="highlights", verbose_name="แผน"
    )
    number = models.PositiveSmallIntegerField("ลำดับ")
    title = models.TextField("ชื่อผลงาน")
    subtitle = models.TextField("ชื่อรอง", blank=True)
    toc_title = models.TextField("ชื่อในสารบัญ", blank=True)
    alignment = models.TextField("ความสอดคล้องกับนโยบาย ศธ./สพฐ.", blank=True)

    class Meta:
        verbose_name = "ผลงานที่ประสบความสำเร็จ"
        verbose_name_plural = "ผลงานที่ประสบความสำเร็จ"
        ordering = ["plan", "number"]
        constraints = [models.UniqueConstraint(fields=["plan", "number"], name="highlight_unique")]

    def __str__(self) -> str:
        return self.title


class HighlightSection(models.Model):
    highlight = models.ForeignKey(
        Highlight, on_delete=models.CASCADE, related_name="sections", verbose_name="ผลงาน"
    )
    order = models.PositiveSmallIntegerField("ลำดับ")
    heading = models.CharField("หัวข้อ", max_length=300, blank=True)
    body = models.TextField("เนื้อหา", blank=True)

    class Meta:
        verbose_name = "หัวข้อของผลงาน"
        verbose_name_plural = "หัวข้อของผลงาน"
        ordering = ["highlight", "order"]
        constraints = [
            models.UniqueConstraint(fields=["highlight", "order"], name="highlight_section_unique")
        ]

    def __str__(self) -> str:
        return self.heading


class HighlightFigure(models.Model):
    highlight = models.ForeignKey(
        Highlight, on_delete=models.CASCADE, related_name="figures", verbose_name="ผลงาน"
    )
    order = models.PositiveSmallIntegerField("ลำดับ")
    caption = models.CharField("คำบรรยายแผนภาพ", max_length=500)
    image = files.ImageField(
        "ภาพ",
        upload_to=files.PrivateName("figures"),
        url_name="files:highlight_figure",
        blank=True,
    )

    class Meta:
        verbose_name = "แผนภาพของผลงาน"
        verbose_name_plural = "แผนภาพของผลงาน"
        ordering = ["highlight", "order"]
        constraints = [
            models.UniqueConstraint(fields=["highlight", "order"], name="highlight_figure_unique")
        ]

    def __str__(self) -> str:
        return self.caption
