from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from plans import versions
from plans.access import (
    NOT_ALLOWED,
    Right,
    managed_plan,
    plan_choice,
    plan_for_user,
    rights_for,
)
from plans.excel import xlsx_response
from plans.models import Plan
from plans.services import ALREADY_SUBMITTED, AlreadySubmitted, submit_once
from progress import narrative
from progress import services as progress_services
from progress.forms import NarrativeForm
from progress.selectors import work_queue_for_user
from projects.models import Project
from reports import exports, files, publishing, selectors, services
from reports.documents import ANNUAL_REPORT, document, document_or_404
from reports.forms import WithdrawForm
from reports.models import Publication, ReportJob


def home(request):
    """Sends the user to the year every page opens at (plans.access.plan_choice); explains
    when there is none."""
    plan, _plans = plan_choice(request)
    if plan is None:
        return render(request, "reports/no_plan.html", status=200)
    return redirect("reports:plan_summary", year=plan.fiscal_year.year)


def plan_summary_page(request, year: int):
    plan = plan_for_user(request, year)
    summary = selectors.plan_summary(plan)
    budget = selectors.office_budget(plan)
    years = [p.fiscal_year.year for p in plan_choice(request, office=plan.office)[1]]
    # the work waiting for the reader
    queue = work_queue_for_user(request.user, plan=plan, today=timezone.localdate())
    return render(
        request,
        "reports/plan_summary.html",
        {
            "plan": plan,
            "summary": summary,
            "budget": budget,
            "years": years,
            "queue": queue,
            "can_edit_narrative": Right.MANAGE_PLAN in rights_for(request.user, plan.office),
        },
    )


def summary_xlsx(request, year: int):
    """Chapter 4's summary table, as the plan summary page and the report show it."""
    plan = plan_for_user(request, year)
    return xlsx_response(exports.summary_export(plan, selectors.plan_summary(plan)))


def budget_table_xlsx(request, year: int):
    """Table 13."""
    plan = plan_for_user(request, year)
    return xlsx_response(exports.budget_table_export(plan, selectors.office_budget(plan)))


def school_tables_xlsx(request, year: int):
    """Tables 1 to 6: the schools' statistics and the personnel of the report's year."""
    plan = plan_for_user(request, year)
    stats = selectors.school_stats(plan.office, year)
    personnel = selectors.personnel_table(plan.office, year)
    return xlsx_response(exports.school_tables_export(plan, stats, personnel))


def annual_report_page(request, year: int):
    """The printed annual report as one HTML page (the same markup the PDF is made of),
    kept as reports.documents keeps it."""
    return HttpResponse(document(ANNUAL_REPORT).html(plan_for_user(request, year)))


def annual_report_pdf(request, year: int):
    """The annual report as a PDF download: the plan's finished job when there is one for
    its current data, else a job (queued, or joined) and its status page. The immediate
    task backend has rendered it by then, so the link downloads at once."""
    job = services.report_job_request(plan=plan_for_user(request, year), user=request.user)
    if job.status == ReportJob.Status.DONE:
        return files.report_job_response(request, job)
    return redirect("reports:report_job_status", year=year, job_id=job.pk)


@require_http_methods(["GET", "POST"])
def report_job_request_page(request, year: int):
    """Asks for the PDF: POST queues a job (or joins the one queued or running)."""
    plan = plan_for_user(request, year)
    if request.method == "POST":
        job = services.report_job_request(plan=plan, user=request.user)
        return redirect("reports:report_job_status", year=year, job_id=job.pk)
    jobs = list(ReportJob.objects.filter(plan=plan).order_by("-created_at")[:5])
    return render(request, "reports/report_job_request.html", {"plan": plan, "jobs": jobs})


def _job_or_404(request, year: int, job_id: int) -> ReportJob:
    return get_object_or_404(
        ReportJob.objects.select_related("plan__office", "plan__fiscal_year"),
        pk=job_id,
        plan=plan_for_user(request, year),
    )


def report_job_status_page(request, year: int, job_id: int):
    """The job's progress; the page reloads itself (meta refresh) until the job ends. A job
    whose worker stopped is queued again or failed first, so the page never waits for ever."""
    job = _job_or_404(request, year, job_id)
    if job.status == ReportJob.Status.RUNNING:
        services.report_jobs_recover(plan=job.plan)
        job.refresh_from_db()
    # Queued for minutes: no worker is taking work (stopped, or all busy); say so, and ask
    # the page less often.
    waiting = job.status == ReportJob.Status.QUEUED and (
        timezone.now() - job.created_at > services.stale_after() * 2
    )
    # A finished PDF of data changed since: still downloadable, and said to be older.
    outdated = job.status == ReportJob.Status.DONE and (
        job.data_version != versions.data_version(job.plan.office_id)
    )
    context = {
        "job": job,
        "year": year,
        "waiting": waiting,
        "refresh": 10 if waiting else 2,
        "outdated": outdated,
    }
    return render(request, "reports/report_job_status.html", context)


def report_job_download(request, year: int, job_id: int):
    """The job's PDF, fetched through the user's plans and served like every private file."""
    return files.report_job_response(request, _job_or_404(request, year, job_id))


def _narrative_plan(request, year: int) -> Plan:
    """The year's plan for the planning group's narrative pages (403 without the right)."""
    plan = plan_for_user(request, year)
    if Right.MANAGE_PLAN not in rights_for(request.user, plan.office):
        raise PermissionDenied(NOT_ALLOWED)
    return plan


def narrative_list(request, year: int):
    """Every project's printed narrative at a glance: where each section comes from."""
    plan = _narrative_plan(request, year)
    rows = narrative.plan_narratives(plan)
    context = {"plan": plan, "rows": rows, "sections": narrative.Section.choices}
    return render(request, "reports/narrative_list.html", context)


def narrative_xlsx(request, year: int):
    plan = _narrative_plan(request, year)
    return xlsx_response(exports.narratives_export(plan, narrative.plan_narratives(plan)))


@require_http_methods(["GET", "POST"])
def narrative_page(request, year: int, project_id: int):
    """The planning group edits a project's printed narrative and chooses its photos, with
    the compiled text and its quarters beside each box (progress/narrative.py)."""
    plan = _narrative_plan(request, year)
    project = get_object_or_404(
        Project.objects.visible_to(request.user).filter(plan=plan), pk=project_id
    )
    _project, story = narrative.narrative_for(project.pk)
    form = NarrativeForm(request.POST or None, story=story, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            submit_once(
                key=form.submission_key,
                user=request.user,
                write=lambda: progress_services.narrative_edit(
                    project=project, user=request.user, **form.cleaned_data
                ),
            )
        except AlreadySubmitted:
            messages.info(request, ALREADY_SUBMITTED)
        except ValidationError as error:
            form.add_error(None, error.messages)
        else:
            messages.success(request, "บันทึกข้อความและภาพสำหรับรายงานประจำปีแล้ว")
        if not form.errors:
            return redirect("reports:narrative", year=year, project_id=project.pk)
    fields = [
        (section, form[section.key], form[f"{section.key}_none"]) for section in story.sections
    ]
    return render(
        request,
        "reports/narrative_page.html",
        {"plan": plan, "project": project, "story": story, "form": form, "fields": fields},
    )


def publishing_page(request, year: int):
    """The planning group's page of the year's documents: each one's public state and
    versions, publish and withdraw, the public address to copy, and the history."""
    plan = managed_plan(request, year)
    publishing.publications_recover(plan=plan)
    states, history = publishing.publishing_states(plan)
    office_url = request.build_absolute_uri(reverse("public:office", args=[plan.office.code]))
    context = {"plan": plan, "states": states, "history": history, "office_url": office_url}
    return render(request, "reports/publishing.html", context)


def _publishing_document(request, year: int, slug: str):
    return managed_plan(request, year), document_or_404(slug, publishing.NO_SUCH_DOCUMENT)


@require_http_methods(["GET", "POST"])
def publication_publish(request, year: int, slug: str):
    """Asks first (GET), then publishes (POST): at once, or by the task queue."""
    plan, found = _publishing_document(request, year, slug)
    if request.method == "POST":
        publication = publishing.publish(plan=plan, slug=slug, user=request.user)
        if publication.status == Publication.Status.PUBLISHED:
            messages.success(request, f"เผยแพร่{found.title}แล้ว")
        elif publication.status == Publication.Status.PENDING:
            messages.info(request, f"กำลังจัดทำไฟล์{found.title}เพื่อเผยแพร่ กรุณาเปิดหน้านี้อีกครั้งในครู่หนึ่ง")
        else:
            messages.error(request, publication.error)
        return redirect(_publishing_url(plan))
    return render(request, "reports/publication_publish.html", {"plan": plan, "document": found})


@require_http_methods(["GET", "POST"])
def publication_withdraw(request, year: int, slug: str):
    """The reason (GET: the form), then the withdrawal (POST) of the published version."""
    plan, found = _publishing_document(request, year, slug)
    publication = publishing.published_version(plan, slug)
    form = WithdrawForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            publishing.withdraw(
                publication=publication, user=request.user, reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            form.add_error(None, error.messages)
        else:
            messages.success(request, f"ถอนการเผยแพร่{found.title}แล้ว")
            return redirect(_publishing_url(plan))
    context = {"plan": plan, "document": found, "publication": publication, "form": form}
    return render(request, "reports/publication_withdraw.html", context)


def _publishing_url(plan: Plan) -> str:
    url = reverse("reports:publishing", args=[plan.fiscal_year.year])
    return f"{url}?office={plan.office.code}"
