from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "plans"
    verbose_name = "แผนและข้อมูลพื้นฐาน"

    def ready(self) -> None:
        from plans import audit

        audit.connect()
