"""An office's schools, their clusters and yearly statistics (DMC), their size classes,
and the office's personnel by position."""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q

from plans import thai
from plans.models.offices import Office, Province


class SchoolCluster(models.Model):
    """A cluster of schools (สหวิทยาเขต)."""

    office = models.ForeignKey(
        Office, on_delete=models.CASCADE, related_name="clusters", verbose_name="สำนักงาน"
    )
    name = models.CharField("ชื่อสหวิทยาเขต", max_length=200)

    class Meta:
        verbose_name = "สหวิทยาเขต"
        verbose_name_plural = "สหวิทยาเขต"
        ordering = ["office", "name"]
        constraints = [models.UniqueConstraint(fields=["office", "name"], name="cluster_unique")]

    def __str__(self) -> str:
        return self.name


class School(models.Model):
    class Levels(models.TextChoices):
        M1_M6 = "m1_m6", "ม.๑ – ม.๖"
        M4_M6 = "m4_m6", "ม.๔ – ม.๖"
        M1_M3 = "m1_m3", "ม.๑ – ม.๓"

    office = models.ForeignKey(
        Office, on_delete=models.CASCADE, related_name="schools", verbose_name="สำนักงาน"
    )
    code = models.CharField("รหัสโรงเรียน", max_length=20)
    name = models.CharField("ชื่อโรงเรียน", max_length=200)
    province = models.ForeignKey(Province, on_delete=models.PROTECT, verbose_name="จังหวัด")
    cluster = models.ForeignKey(
        SchoolCluster,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="schools",
        verbose_name="สหวิทยาเขต",
    )
    levels = models.CharField(
        "ระดับที่เปิดสอน", max_length=10, choices=Levels.choices, default=Levels.M1_M6
    )

    class Meta:
        verbose_name = "โรงเรียน"
        verbose_name_plural = "โรงเรียน"
        ordering = ["office", "code"]
        constraints = [
            models.UniqueConstraint(fields=["office", "code"], name="school_code_unique")
        ]

    def __str__(self) -> str:
        return self.name


class SizeClass(models.TextChoices):
    """School size by student count (ขนาดโรงเรียน), per OBEC's bands."""

    SMALL = "small", "ขนาดเล็ก"
    MEDIUM = "medium", "ขนาดกลาง"
    LARGE = "large", "ขนาดใหญ่"
    EXTRA_LARGE = "extra_large", "ขนาดใหญ่พิเศษ"

    @classmethod
    def for_students(cls, students: int) -> SizeClass | None:
        if students <= 0:
            return None
        if students < 500:
            return cls.SMALL
        if students < 1500:
            return cls.MEDIUM
        if students < 2500:
            return cls.LARGE
        return cls.EXTRA_LARGE


SIZE_CLASS_BANDS = {
    SizeClass.SMALL: (1, 499),
    SizeClass.MEDIUM: (500, 1499),
    SizeClass.LARGE: (1500, 2499),
    SizeClass.EXTRA_LARGE: (2500, None),
}


class SchoolYear(models.Model):
    """A school's statistics for one academic year (DMC, as of 10 June)."""

    school = models.ForeignKey(
        School, on_delete=models.CASCADE, related_name="years", verbose_name="โรงเรียน"
    )
    academic_year = models.PositiveIntegerField(
        "ปีการศึกษา (พ.ศ.)", validators=[MinValueValidator(2500), MaxValueValidator(2700)]
    )
    data_as_of = models.DateField("ข้อมูล ณ วันที่", null=True, blank=True)
    teachers_male = models.PositiveIntegerField("ครูชาย", default=0)
    teachers_female = models.PositiveIntegerField("ครูหญิง", default=0)

    class Meta:
        verbose_name = "ข้อมูลโรงเรียนรายปี"
        verbose_name_plural = "ข้อมูลโรงเรียนรายปี"
        ordering = ["school", "-academic_year"]
        constraints = [
            models.UniqueConstraint(fields=["school", "academic_year"], name="school_year_unique")
        ]

    def __str__(self) -> str:
        return f"{self.school} ปีการศึกษา {thai.to_thai_digits(self.academic_year)}"


class GradeEnrolment(models.Model):
    """Students by sex and classrooms of one grade (ม.๑ – ม.๖, ปวช. counted with ม.๔–๖)."""

    school_year = models.ForeignKey(
        SchoolYear, on_delete=models.CASCADE, related_name="grades", verbose_name="ปีการศึกษา"
    )
    grade = models.PositiveSmallIntegerField(
        "ชั้น ม.", validators=[MinValueValidator(1), MaxValueValidator(6)]
    )
    male = models.PositiveIntegerField("นักเรียนชาย", default=0)
    female = models.PositiveIntegerField("นักเรียนหญิง", default=0)
    classrooms = models.PositiveIntegerField("ห้องเรียน", default=0)

    class Meta:
        verbose_name = "จำนวนนักเรียนรายชั้น"
        verbose_name_plural = "จำนวนนักเรียนรายชั้น"
        ordering = ["school_year", "grade"]
        constraints = [
            models.UniqueConstraint(fields=["school_year", "grade"], name="grade_unique"),
            models.CheckConstraint(
                condition=Q(grade__gte=1) & Q(grade__lte=6),
                name="grade_between_1_and_6",
                violation_error_message="ชั้นเรียนต้องอยู่ระหว่าง ม.๑ ถึง ม.๖",
            ),
        ]

    def __str__(self) -> str:
        return f"ม.{thai.to_thai_digits(self.grade)}"


class PersonnelCount(models.Model):
    """Teachers and education personnel by position (report table 6)."""

    office = models.ForeignKey(
        Office, on_delete=models.CASCADE, related_name="personnel", verbose_name="สำนักงาน"
    )
    academic_year = models.PositiveIntegerField("ปีการศึกษา (พ.ศ.)")
    number = models.PositiveSmallIntegerField("ลำดับ")
    position = models.CharField("ตำแหน่ง", max_length=300)
    count = models.PositiveIntegerField("จำนวน (คน)")

    class Meta:
        verbose_name = "จำนวนบุคลากรตามตำแหน่ง"
        verbose_name_plural = "จำนวนบุคลากรตามตำแหน่ง"
        ordering = ["office", "-academic_year", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["office", "academic_year", "number"], name="personnel_unique"
            )
        ]

    def __str__(self) -> str:
        return self.position
