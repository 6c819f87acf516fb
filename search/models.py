"""The search index: one row per searchable object (search/indexing.py writes it)."""

from __future__ import annotations

from django.db import models
from django.db.models import Q


class Kind(models.TextChoices):
    """What a document is, in the order results of equal relevance are listed."""

    PROJECT = "project", "โครงการ"
    ACTIVITY = "activity", "กิจกรรม"
    INDICATOR = "indicator", "ตัวชี้วัด"
    NARRATIVE = "narrative", "ผลการดำเนินงานโครงการ (รายงานประจำปี)"
    REPORT = "report", "รายงานความก้าวหน้ารายไตรมาส"
    SCHOOL = "school", "โรงเรียน"


KIND_ORDER = {kind: order for order, kind in enumerate(Kind.values)}


class SearchDocumentQuerySet(models.QuerySet):
    def visible_to(self, user) -> SearchDocumentQuerySet:
        """The documents of the offices the user belongs to (plans/access.py's rule)."""
        from plans.models import Office

        return self.filter(office__in=Office.objects.visible_to(user))


class SearchDocument(models.Model):
    """One searchable object's text, segmented into Thai words (search/text.py).

    `office` and `project` are references without a database constraint and without
    cascading: the index follows the data through its own receivers (search/indexing.py),
    which delete a document when its object goes, in any order Django deletes a tree in."""

    office = models.ForeignKey(
        "plans.Office",
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
        verbose_name="สำนักงาน",
    )
    kind = models.CharField("ประเภท", max_length=20, choices=Kind.choices)
    object_id = models.PositiveIntegerField("รหัสรายการ")
    fiscal_year = models.PositiveSmallIntegerField("ปีงบประมาณ", null=True, blank=True)
    project = models.ForeignKey(
        "projects.Project",
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="โครงการ",
    )
    # An activity's or indicator's number in its project, a quarterly report's quarter.
    number = models.PositiveSmallIntegerField("ลำดับ", null=True, blank=True)
    title = models.TextField("ชื่อ")
    body = models.TextField("ข้อความ", blank=True)
    title_tokens = models.TextField("คำในชื่อ", blank=True)
    body_tokens = models.TextField("คำในข้อความ", blank=True)
    indexed_at = models.DateTimeField("ปรับปรุงดัชนีเมื่อ", auto_now=True)

    objects = SearchDocumentQuerySet.as_manager()

    class Meta:
        verbose_name = "ดัชนีค้นหา"
        verbose_name_plural = "ดัชนีค้นหา"
        ordering = ["office", "kind", "object_id"]
        constraints = [
            models.UniqueConstraint(fields=["kind", "object_id"], name="search_document_unique"),
            models.CheckConstraint(
                condition=Q(kind__in=Kind.values), name="search_document_kind_known"
            ),
        ]
        indexes = [models.Index(fields=["office", "kind"], name="search_office_kind")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.title[:80]}"
