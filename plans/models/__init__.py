"""The base of the portal: offices, fiscal years, plans, people's roles, the strategy frame,
schools and their statistics, and the year's report texts, one module per subject.

`plans` imports no other app of the project; every other app builds on it. Import the
models from here (`from plans.models import Office`).
"""

# The modules are imported in the order their models were defined when this was one
# module, not sorted: a model is registered when its module is imported, so this keeps the
# app's model order (and the order of its content types and permissions in a new
# database) as it was.
# isort: off
from plans.models.offices import Office, OfficeQuerySet, Province
from plans.models.years import QUARTER_VALIDATORS, FiscalYear, quarter_1_to_4
from plans.models.frame import MasterPlanIssue, MinisterPolicy, NationalStrategy, PolicyArea
from plans.models.people import Membership, Role, WorkGroup
from plans.models.plans import (
    Plan,
    PlanQuerySet,
    PlanStatement,
    PolicyItem,
    Strategy,
    StrategyGoal,
    StrategyGuideline,
    StrategyIndicator,
)
from plans.models.schools import (
    SIZE_CLASS_BANDS,
    GradeEnrolment,
    PersonnelCount,
    School,
    SchoolCluster,
    SchoolYear,
    SizeClass,
)
from plans.models.texts import Committee, CommitteeMember, CommitteeSection, ReportText
from plans.models.audit import AuditAction, AuditEntry
from plans.models.tokens import SubmissionToken
from plans.models.imports import ImportUpload
from plans.models.notices import Notice, NoticeKind, NoticePreference
from plans.models.versions import DataVersion
# isort: on

__all__ = [
    "QUARTER_VALIDATORS",
    "SIZE_CLASS_BANDS",
    "AuditAction",
    "AuditEntry",
    "Committee",
    "CommitteeMember",
    "CommitteeSection",
    "DataVersion",
    "FiscalYear",
    "GradeEnrolment",
    "ImportUpload",
    "MasterPlanIssue",
    "Membership",
    "MinisterPolicy",
    "NationalStrategy",
    "Notice",
    "NoticeKind",
    "NoticePreference",
    "Office",
    "OfficeQuerySet",
    "PersonnelCount",
    "Plan",
    "PlanQuerySet",
    "PlanStatement",
    "PolicyArea",
    "PolicyItem",
    "Province",
    "ReportText",
    "Role",
    "School",
    "SchoolCluster",
    "SchoolYear",
    "SizeClass",
    "Strategy",
    "StrategyGoal",
    "StrategyGuideline",
    "StrategyIndicator",
    "SubmissionToken",
    "WorkGroup",
    "quarter_1_to_4",
]
