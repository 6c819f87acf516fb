from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "reports"
    verbose_name = "รายงานประจำปี"

    def ready(self):
        from plans.manage import texts
        from reports import outline, quantities

        # The planning group's page of report texts lists the texts the report reads, and
        # the figures a text may quote by name.
        texts.declare(outline.report_texts)
        texts.declare_figures(quantities.FIGURES)
