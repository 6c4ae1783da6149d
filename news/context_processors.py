from django.utils.functional import SimpleLazyObject
from wagtail.models import Site

from news.models import NewsIndexPage


def _sections(request):
    site = Site.find_for_request(request)
    if site is None:
        return []
    return list(
        NewsIndexPage.objects.child_of(site.root_page)
        .live()
        .public()
        .in_menu()
        .only("title", "url_path", "path", "depth")
    )


def navigation(request):
    """Sections for the header and footer, fetched only when a template asks for them."""
    return {"nav_sections": SimpleLazyObject(lambda: _sections(request))}
