"""Reader URLs answer GET and HEAD only; every other method gets 405 with an ``Allow`` header.

Readers only ever read. Without this, TRACE, PUT or DELETE reached Wagtail's page serving and
were answered like GET (200, and a cache fill), and the few views decorated for GET alone
refused HEAD. Editors' areas and the forms Wagtail posts to (page passwords, the front-end
login, document passwords) keep every method their own views allow.
"""

from django.http import HttpResponseNotAllowed
from django.urls import reverse

READER_METHODS = ("GET", "HEAD")


def _posting_paths():
    return (
        reverse("wagtailadmin_home"),
        "/_util/",  # Wagtail's page password form and front-end login
        "/documents/",  # private documents' password form
    )


class ReaderMethodsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in READER_METHODS and not request.path.startswith(_posting_paths()):
            return HttpResponseNotAllowed(READER_METHODS)
        return self.get_response(request)
