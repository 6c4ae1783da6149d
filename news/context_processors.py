from django.utils.functional import SimpleLazyObject

from news import site_data


def navigation(request):
    """Sections for the header and footer, fetched only when a template asks for them."""
    return {"nav_sections": SimpleLazyObject(lambda: site_data.navigation_sections(request))}
