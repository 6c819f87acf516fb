"""Loads the FY2565 seed (fixtures/fy2565/*.yaml, described in docs/seed-format.md) into
the database, one module of demo/seed/ per seed file, in one transaction. Every row is
matched on its natural key and updated in place, so loading twice changes nothing. Keys
starting with `printed_` are the report's own computed numbers: the portal computes them
instead, and the only one read is ITA's `printed_change`, to store last year's score."""

from __future__ import annotations

from django.db import transaction

from demo.seed.assessments import load_assessments
from demo.seed.budget import load_budget, load_budget_targets
from demo.seed.core import SEED_DIR, LoadStats, Seeder, SeedError, read
from demo.seed.direction import load_direction
from demo.seed.highlights import load_highlights
from demo.seed.office import load_office, load_personnel, load_plan, load_reference
from demo.seed.progress import load_progress
from demo.seed.projects import load_projects
from demo.seed.schools import load_schools
from demo.seed.summary_table import load_summary_table
from demo.seed.texts import load_texts
from plans import audit
from plans.models import Plan

# What the load_demo command, the guard, the tests and the benchmarks import from here.
__all__ = ["SEED_DIR", "LoadStats", "Loader", "SeedError", "read"]


class Loader(Seeder):
    @transaction.atomic
    def load(self) -> Plan:
        # Seed data is not anyone's edit: no audit entries (the guard's marker is the one).
        with audit.suppressed():
            return self._load()

    def _load(self) -> Plan:
        office_data = self.read("office.yaml")
        load_reference(self)
        office = load_office(self, office_data)
        plan = load_plan(self, office, office_data)
        load_schools(self, office)
        load_personnel(self, office, office_data)
        projects = load_projects(self, plan, office_data)
        load_summary_table(self, plan, projects)
        load_highlights(self, plan)
        load_texts(self, plan)
        load_assessments(self, office, plan.fiscal_year)
        load_budget(self, office, plan.fiscal_year)
        load_direction(self, office)
        load_budget_targets(self, plan)
        load_progress(self, plan)
        return plan
