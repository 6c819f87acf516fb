from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from config.security import PasswordResetConfirmView

urlpatterns = [
    path("", include("reports.urls")),
    path("budget/", include("budget.urls")),
    path("progress/", include("progress.urls")),
    path("next-year/", include("nextyear.urls")),
    path("plan/", include("projects.urls")),
    path("plan/", include("plans.manage.urls")),  # the plan's frame, texts, committees
    path("plan/", include("projects.alignment.urls")),  # the report's table 7
    # Uploaded files are private: no public /media/ route (not even with DEBUG); /files/
    # checks the user's right to each file (reports/files.py, plans/files.py).
    path("files/", include("reports.file_urls")),
    # The one part of the portal open without signing in: what offices have published
    # (reports/public.py, each view marked login_not_required).
    path("public/", include("reports.public_urls")),
    path(
        "accounts/login/",
        auth_views.LoginView.as_view(template_name="registration/login.html"),
        name="login",
    ),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    # "ลืมรหัสผ่าน" on the sign-in page, and the link the office's administrator sends
    # (plans/people/): Django's views and token, Thai templates (templates/registration/).
    path(
        "accounts/password-reset/",
        auth_views.PasswordResetView.as_view(
            email_template_name="registration/password_reset_email.txt"
        ),
        name="password_reset",
    ),
    path(
        "accounts/password-reset/sent/",
        auth_views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "accounts/reset/<uidb64>/<token>/",
        PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "accounts/reset/done/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
    path("people/history/", include("plans.trail.urls")),  # the office's audit trail
    path("people/", include("plans.people.urls")),
    path("imports/", include("plans.imports.urls")),  # spreadsheets into the portal
    path("notices/", include("plans.notices.urls")),  # the user's notices and preferences
    path("search/", include("search.urls")),  # the top bar's search in Thai
    path("admin/", admin.site.urls),
]

# Thai error pages (templates/400.html ... 500.html); the 400 page renders without the request.
handler400 = "config.errors.bad_request"
