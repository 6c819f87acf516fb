from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "plans"
    verbose_name = "แผนและข้อมูลพื้นฐาน"

    def ready(self) -> None:
        from plans import audit
        from plans.imports import schools  # noqa: F401 -- registers the schools' imports

        audit.connect()
