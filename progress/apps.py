from django.apps import AppConfig


class ProgressConfig(AppConfig):
    name = "progress"
    verbose_name = "รายงานความก้าวหน้ารายไตรมาส"

    def ready(self) -> None:
        from plans import audit
        from progress import imports  # noqa: F401 -- registers the indicator values' import

        # Where rows show in history (plans/audit.py): in their report's.
        for model in ("reportvalue", "reportdisbursement", "reportphoto"):
            audit.parents(f"progress.{model}", "report")
        # The planning group's text and photo choices for the annual report: in the project's.
        audit.parents("progress.narrativeedit", "project")
        audit.parents("progress.printedphoto", "photo.report.project")
