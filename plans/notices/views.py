"""The user's own notices (การแจ้งเตือน) and their preferences. Each user sees and marks only
their own: another user's notice is a 404. The pages honour `?office=` as every page does
(an office not the user's is a 404)."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from plans.access import current_office, user_offices
from plans.notices import forms, selectors, services

PAGE_SIZE = 20


@require_http_methods(["GET", "POST"])
def notice_list(request):
    """Newest first, paginated; POST `notice=<id>` marks one read, `all` marks all read."""
    current_office(request)
    notices = selectors.notice_list_for_user(request.user)
    if request.method == "POST":
        one = request.POST.get("notice", "")
        if one:
            notice = get_object_or_404(notices, pk=int(one) if one.isdigit() else 0)
            services.notice_mark_read(user=request.user, notice=notice)
        else:
            if services.notice_mark_read(user=request.user):
                messages.success(request, "ทำเครื่องหมายว่าอ่านแล้วทั้งหมด")
        page = request.POST.get("page", "")
        return redirect(reverse("notices:list") + (f"?page={page}" if page.isdigit() else ""))
    page = Paginator(notices, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "page": page,
        "notices": list(page.object_list),
        "several_offices": len(user_offices(request)) > 1,
        "section": "list",
    }
    return render(request, "notices/notice_list.html", context)


@require_http_methods(["GET", "POST"])
def notice_preferences(request):
    current_office(request)
    preferences = services.preferences_of(request.user)
    data = request.POST if request.method == "POST" else None
    form = forms.NoticePreferencesForm(data, preferences=preferences)
    if request.method == "POST" and form.is_valid():
        services.notice_preferences_save(user=request.user, choices=form.choices())
        messages.success(request, "บันทึกการตั้งค่าการแจ้งเตือนแล้ว")
        return redirect("notices:preferences")
    context = {"form": form, "section": "preferences"}
    return render(request, "notices/notice_preferences.html", context)
