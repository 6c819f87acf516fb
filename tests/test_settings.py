"""Production settings pass Django's deployment checks; the demo mode is the default."""

import os
import subprocess
import sys

from django.conf import settings


def test_deploy_check_is_clean_with_production_values(tmp_path):
    env = {
        **os.environ,
        "DJANGO_SECRET_KEY": "x" * 20 + "-production-secret-for-the-check-only-0123456789",
        "DJANGO_ALLOWED_HOSTS": "plan.example.go.th",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'deploy.db'}",
    }
    env.pop("DJANGO_DEBUG", None)
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)  # set by the test run for Playwright only
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_tests_run_in_the_demo_mode():
    assert settings.DEMO_MODE is (not os.environ.get("DJANGO_SECRET_KEY"))
    assert settings.LANGUAGE_CODE == "th"
