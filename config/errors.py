"""The portal's own error views where Django's defaults would show English.

Django's handlers render templates/403.html, 404.html and 500.html; the 400 page and the
CSRF failure have views here (config/urls.py handler400, settings.CSRF_FAILURE_VIEW).
"""

from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import render
from django.template import loader


def bad_request(request: HttpRequest, exception: Exception) -> HttpResponse:
    """The Thai 400 page, rendered without the request: a 400 often comes from a request
    the middleware refused half-way (a host not allowed, a malformed header), before the
    session and the user exist, so no context processor may run."""
    return HttpResponseBadRequest(loader.render_to_string("400.html"))


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """A form posted without a valid CSRF token: a Thai page saying that nothing was saved
    and what to do. Django's reason (English, technical) is not shown."""
    return render(request, "403_csrf.html", status=403)
