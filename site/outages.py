"""A database outage answers 503 with ``Retry-After``, styled, instead of a bare 500.

When PostgreSQL restarts or the connection drops, requests in flight fail with an
OperationalError or InterfaceError. Readers get a "back in a moment" page (rendered without the
database: no context processors), editors' background saves get a JSON error the admin shows,
and Django closes the broken connection at the end of the request (``close_old_connections``),
so the next request reconnects: no worker needs a restart.
"""

import logging
import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse
from django.template import loader
from django.views import defaults

logger = logging.getLogger(__name__)
RETRY_AFTER_SECONDS = 30
OUTAGE_ERRORS = (OperationalError, InterfaceError)


def outage_response(request):
    if request.accepts("text/html") or not request.path.startswith("/admin/"):
        content = loader.get_template("503.html").render()
        response = HttpResponse(content, status=503)
    else:
        # The admin's autosave and other background requests expect JSON; the editor's form
        # keeps its content and is saved again once the database is back.
        response = JsonResponse(
            {
                "success": False,
                "error_code": "database_unavailable",
                "error_message": "The database is briefly unavailable; your changes were not "
                "saved yet. They will be saved when it is back.",
            },
            status=503,
        )
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


class DatabaseOutageMiddleware:
    """Errors from views and templates (``process_exception``)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, OUTAGE_ERRORS):
            logger.warning(
                "Database unavailable: %s %s: %s", request.method, request.path, exception
            )
            return outage_response(request)
        return None


def server_error(request, template_name="500.html"):
    """``handler500``: errors raised outside views (other middleware) get the same 503."""
    error = sys.exc_info()[1]
    if isinstance(error, OUTAGE_ERRORS):
        return outage_response(request)
    return defaults.server_error(request, template_name)
