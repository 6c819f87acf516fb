"""The version of each office's data: what a kept PDF or a cached page was made from."""

from __future__ import annotations

import secrets

from django.db import models


def new_epoch() -> str:
    return secrets.token_hex(4)


class DataVersion(models.Model):
    """A counter per office (``scope`` is the office's id; 0 is the data of no office: fiscal
    years, provinces, the national frame), bumped by plans.versions in the transaction of
    every write. ``epoch`` is drawn when the row is made, so a counter that starts again
    (a restored or flushed database) never repeats an earlier version."""

    scope = models.PositiveBigIntegerField("ขอบเขต (รหัสสำนักงาน, ๐ คือข้อมูลกลาง)", primary_key=True)
    epoch = models.CharField("รุ่นของตัวนับ", max_length=16, default=new_epoch)
    counter = models.PositiveBigIntegerField("จำนวนครั้งที่ข้อมูลเปลี่ยน", default=0)

    class Meta:
        verbose_name = "รุ่นของข้อมูล"
        verbose_name_plural = "รุ่นของข้อมูล"

    def __str__(self) -> str:
        return f"{self.scope}: {self.epoch}.{self.counter}"
