"""The alignment pages: the plan's projects as the report's table 7, and one project's
alignment. Check access, parse the form, call the service, render or redirect."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from plans.access import managed_plan
from plans.models import MinisterPolicy
from projects.alignment import services
from projects.alignment.forms import AlignmentForm
from projects.models import Project

FIELDS = ("national_strategies", "master_plan_issues", "minister_policies", "obec_policies")


def _projects(request, plan):
    return (
        Project.objects.visible_to(request.user)
        .filter(plan=plan)
        .prefetch_related(
            "national_strategies",
            "master_plan_issues",
            Prefetch("minister_policies", MinisterPolicy.objects.order_by("tag", "number")),
            "obec_policies",
        )
        .order_by("number")
    )


def alignment_list(request, year: int):
    plan = managed_plan(request, year)
    context = {"plan": plan, "section": "frame", "projects": list(_projects(request, plan))}
    return render(request, "projects/alignment/alignment_list.html", context)


@require_http_methods(["GET", "POST"])
def alignment_edit(request, year: int, pk: int):
    plan = managed_plan(request, year)
    project = get_object_or_404(_projects(request, plan), pk=pk)
    project.plan = plan
    initial = {name: list(getattr(project, name).all()) for name in FIELDS}
    form = AlignmentForm(
        request.POST if request.method == "POST" else None, initial=initial, plan=plan
    )
    if form.is_valid():
        try:
            services.project_alignment_save(project=project, user=request.user, **form.cleaned_data)
        except ValidationError as error:
            for name, errors in error.message_dict.items():
                form.add_error(name, errors)
        else:
            messages.success(request, "บันทึกความสอดคล้องของโครงการแล้ว")
            return redirect("project_alignment:list", year=year)
    context = {"plan": plan, "section": "frame", "project": project, "form": form}
    context["no_minister_policies"] = not form.fields["minister_policies"].queryset.exists()
    return render(request, "projects/alignment/alignment_form.html", context)
