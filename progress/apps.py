from django.apps import AppConfig


class ProgressConfig(AppConfig):
    name = "progress"
    verbose_name = "รายงานความก้าวหน้ารายไตรมาส"
