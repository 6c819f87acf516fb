from django.apps import AppConfig


class ProjectsConfig(AppConfig):
    name = "projects"
    verbose_name = "โครงการ"

    def ready(self) -> None:
        from plans import audit
        from projects import imports  # noqa: F401 -- registers the plan's imports
        from projects.alignment import imports as alignment_imports  # noqa: F401 -- table 7's

        # Where rows show in history (plans/audit.py): in their project's.
        for model in ("activity", "projectstatement", "projectphoto"):
            audit.parents(f"projects.{model}", "project")
