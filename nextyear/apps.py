from django.apps import AppConfig


class NextYearConfig(AppConfig):
    name = "nextyear"
    verbose_name = "เริ่มแผนปีถัดไป"

    def ready(self) -> None:
        from plans import audit

        # Where rows show in history (plans/audit.py): a proposed budget in its project's,
        # a copy in the plan it filled.
        audit.parents("nextyear.budgetproposal", "project")
        audit.parents("nextyear.plancopy", "target")
