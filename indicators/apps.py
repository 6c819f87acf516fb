from django.apps import AppConfig


class IndicatorsConfig(AppConfig):
    name = "indicators"
    verbose_name = "ตัวชี้วัดและผลการประเมิน"

    def ready(self) -> None:
        from indicators import imports  # noqa: F401 -- registers the plan's indicators' import
        from plans import audit

        # Where rows show in history (plans/audit.py): in their project's.
        audit.parents("indicators.indicator", "project")
        audit.parents("indicators.indicatorresult", "indicator.project")
        audit.parents("indicators.indicatormilestone", "indicator.project")
