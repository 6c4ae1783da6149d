"""schema.org data (JSON-LD) for search engines: NewsArticle and BreadcrumbList."""

from wagtail.models import Site

SOCIAL_IMAGE_SPEC = "fill-1200x675"


def absolute(request, url):
    return request.build_absolute_uri(url) if url else None


def social_image_url(request, image):
    if image is None:
        return None
    return absolute(request, image.get_rendition(SOCIAL_IMAGE_SPEC).url)


def breadcrumb_list(request, page):
    """Home › Section › Article, from the page's ancestors below the tree root."""
    trail = [*page.get_ancestors().filter(depth__gt=1).specific(defer=True), page]
    return {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": position,
                "name": crumb.title,
                "item": absolute(request, crumb.get_url(request)),
            }
            for position, crumb in enumerate(trail, start=1)
        ],
    }


def news_article(request, page, site_settings):
    site = Site.find_for_request(request)
    publisher = {"@type": "Organization", "name": site_settings.site_name}
    if site is not None:
        publisher["url"] = absolute(request, site.root_page.get_url(request))
    if site_settings.logo:
        logo = site_settings.logo.get_rendition("max-600x60")
        publisher["logo"] = {
            "@type": "ImageObject",
            "url": absolute(request, logo.url),
            "width": logo.width,
            "height": logo.height,
        }

    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": page.title,
        "description": page.search_description or page.standfirst,
        "mainEntityOfPage": absolute(request, page.get_url(request)),
        "datePublished": page.date.isoformat() if page.date else None,
        "dateModified": (page.last_published_at or page.date).isoformat() if page.date else None,
        "author": [
            {
                "@type": "Person",
                "name": author.name,
                "url": absolute(request, author.get_absolute_url()),
            }
            for author in page.authors
        ],
        "publisher": publisher,
        "articleSection": page.section.title,
        "keywords": [category.name for category in page.category_list],
    }
    image = social_image_url(request, page.lead_image)
    if image:
        data["image"] = [image]
    if page.source_url:
        data["isBasedOn"] = page.source_url
    return {key: value for key, value in data.items() if value not in (None, [], "")}
