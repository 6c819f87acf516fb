"""Production serving: with DEBUG off, a secret key and the manifest storage filled by
collectstatic, a page's stylesheets and scripts are answered by the WSGI app itself
(WhiteNoise) under their hashed names, and the PDF renderer reads the same hashed files
(its stylesheet and the fonts that stylesheet names) through Django's static storage."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest
from django.conf import settings as django_settings
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse

from reports import printing, selectors
from tests import factories

pytestmark = pytest.mark.django_db

MANIFEST = "whitenoise.storage.CompressedManifestStaticFilesStorage"
WHITENOISE = "whitenoise.middleware.WhiteNoiseMiddleware"
A_YEAR = 315360000  # WhiteNoise's max-age for a hashed name: ten years


def _storages() -> dict:
    return {**django_settings.STORAGES, "staticfiles": {"BACKEND": MANIFEST}}


@pytest.fixture(scope="module")
def collected(tmp_path_factory):
    """`manage.py collectstatic` into a folder of this module's (hashed copies, gzip and
    brotli), once: it takes several seconds."""
    root = tmp_path_factory.mktemp("static")
    with override_settings(STATIC_ROOT=root, STORAGES=_storages()):
        call_command("collectstatic", "--noinput", verbosity=0)
    return root


@pytest.fixture
def production(settings, collected):
    """The settings production gets from the environment (tests/test_settings.py checks
    that config/settings.py gives these)."""
    settings.DEBUG = False
    settings.SECRET_KEY = "a-production-secret-for-this-test-only-0123456789-abcdef"
    settings.STATIC_ROOT = collected
    settings.STORAGES = _storages()
    middleware = [m for m in settings.MIDDLEWARE if m != WHITENOISE]
    settings.MIDDLEWARE = [middleware[0], WHITENOISE, *middleware[1:]]


def test_a_pages_css_and_javascript_are_served_by_the_wsgi_app(
    client, plan, group, director, production
):
    factories.project(plan, 1, group=group, budget="1000.00")
    client.force_login(director)
    page = client.get(reverse("reports:dashboard"), follow=True)
    assert page.status_code == 200
    html = page.content.decode()
    styles = re.findall(r'<link rel="stylesheet" href="([^"]+)"', html)
    scripts = re.findall(r'<script src="([^"]+)"', html)
    assert "/static/css/app.css" not in styles  # hashed names only
    assert any(re.fullmatch(r"/static/css/app\.[0-9a-f]{12}\.css", s) for s in styles)
    assert any(re.fullmatch(r"/static/js/dashboard\.[0-9a-f]{12}\.js", s) for s in scripts)
    for url, kind in [
        *((s, "text/css") for s in styles),
        *((s, "text/javascript") for s in scripts),
    ]:
        response = client.get(url, HTTP_ACCEPT_ENCODING="gzip")
        assert response.status_code == 200, url
        assert response["Content-Type"].startswith(kind), url
        assert response["Content-Encoding"] == "gzip"
        assert f"max-age={A_YEAR}" in response["Cache-Control"]
        assert b"".join(response.streaming_content)
    assert client.get("/static/css/no-such-file.css").status_code == 404


def test_the_pdf_reads_hashed_static_files_through_the_storage(plan, group, production, tmp_path):
    factories.project(plan, 1, group=group, budget="1000.00")
    html = printing.annual_report_html(selectors.annual_report(plan))
    [stylesheet] = re.findall(r'href="(/static/css/print\.[0-9a-f]{12}\.css)"', html)
    fetcher = printing.url_fetcher()
    css = fetcher.fetch(f"http://portal.example{stylesheet}").read().decode()
    fonts = re.findall(r'url\("?(/static/fonts/Sarabun-Regular\.[0-9a-f]{12}\.ttf)', css)
    assert fonts, "collectstatic rewrote the stylesheet's fonts to hashed names"
    assert fetcher.fetch(fonts[0]).read()[:4] == b"\x00\x01\x00\x00"  # a TrueType font
    with pytest.raises(FileNotFoundError):
        fetcher.fetch("/static/../config/settings.py")
    (tmp_path / "report.pdf").write_bytes(printing.html_to_pdf(html))
    pdffonts = shutil.which("pdffonts") or "/usr/bin/pdffonts"  # poppler-utils
    listing = subprocess.run(  # noqa: S603 - a fixed program on our own file
        [pdffonts, str(tmp_path / "report.pdf")], capture_output=True, text=True, check=True
    ).stdout
    assert "Sarabun" in listing  # the font was found, embedded and used
