"""schema.org data (JSON-LD) for search engines, one builder per kind of page.

Every URL in it is absolute on the site's public address (SITE_URL), and nodes that several pages
share (the WebSite, the Organization) carry stable ``@id``s so that they join into one graph.
"""

from datetime import UTC

from django.conf import settings
from django.urls import reverse

from news.rendition_cache import rendition
from newsroom.site_url import absolute_url

SOCIAL_IMAGE_SPEC = "fill-1200x675"
# NewsArticle.image in the three shapes Google asks for: 16:9, 4:3 and 1:1.
ARTICLE_IMAGE_SPECS = ("fill-1200x675", "fill-1200x900", "fill-1200x1200")
LOGO_SPEC = "max-600x60"

absolute = absolute_url


def iso_datetime(value):
    """ISO 8601 in UTC with a ``+00:00`` offset, as schema.org and OpenGraph readers expect."""
    if value is None:
        return None
    return value.astimezone(UTC).isoformat(timespec="seconds")


def site_id(fragment):
    return f"{settings.SITE_URL}/#{fragment}"


def image_object(picture):
    return {
        "@type": "ImageObject",
        "url": absolute(picture.url),
        "width": picture.width,
        "height": picture.height,
    }


def social_image_url(request, image):
    if image is None:
        return None
    return absolute(rendition(image, SOCIAL_IMAGE_SPEC).url)


def organization(site_settings):
    data = {
        "@type": "NewsMediaOrganization",
        "@id": site_id("organization"),
        "name": site_settings.site_name,
        "url": absolute("/"),
    }
    if site_settings.logo:
        data["logo"] = image_object(rendition(site_settings.logo, LOGO_SPEC))
    same_as = [link.value["url"] for link in site_settings.social_links]
    if same_as:
        data["sameAs"] = same_as
    return data


def website(site_settings):
    return {
        "@type": "WebSite",
        "@id": site_id("website"),
        "url": absolute("/"),
        "name": site_settings.site_name,
        "description": site_settings.tagline or None,
        "inLanguage": "en-GB",
        "publisher": {"@id": site_id("organization")},
        "potentialAction": {
            "@type": "SearchAction",
            "target": {
                "@type": "EntryPoint",
                "urlTemplate": absolute(reverse("search")) + "?query={search_term_string}",
            },
            "query-input": "required name=search_term_string",
        },
    }


def home_graph(site_settings):
    return graph([website(site_settings), organization(site_settings)])


def collection_page(url, name, description, breadcrumbs=None):
    """A listing: a section, a section's category or tag archive, an all-sections category."""
    data = {
        "@type": "CollectionPage",
        "@id": absolute(url),
        "url": absolute(url),
        "name": name,
        "description": description or None,
        "isPartOf": {"@id": site_id("website")},
    }
    if breadcrumbs:
        data["breadcrumb"] = breadcrumbs
    return graph([data])


def profile_page(author):
    url = absolute(author.get_absolute_url())
    person = {
        "@type": "Person",
        "@id": f"{url}#person",
        "name": author.name,
        "url": url,
        "jobTitle": author.role or None,
        "description": author.bio or None,
        "worksFor": {"@id": site_id("organization")},
    }
    if author.photo:
        person["image"] = image_object(rendition(author.photo, "fill-400x400"))
    page = {
        "@type": "ProfilePage",
        "@id": url,
        "url": url,
        "name": author.name,
        "isPartOf": {"@id": site_id("website")},
        "mainEntity": compact(person),
    }
    return graph([page])


def _ancestors(page):
    """The page's ancestors below the tree root: from the parents that routing already loaded
    (a section for its article, the home page for its section), else from the database."""
    trail, node = [], page
    while node.depth > 2 and getattr(node, "_cached_parent_obj", None) is not None:
        node = node._cached_parent_obj
        trail.insert(0, node)
    if node.depth > 2:
        return list(page.get_ancestors().filter(depth__gt=1).specific(defer=True))
    return trail


def breadcrumb_list(request, page):
    """Home › Section › Article, from the page's ancestors below the tree root."""
    trail = [*_ancestors(page), page]
    return {
        "@type": "BreadcrumbList",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": position,
                "name": crumb.title,
                "item": absolute(crumb.get_url(request)),
            }
            for position, crumb in enumerate(trail, start=1)
        ],
    }


def news_article(request, page, site_settings):
    url = absolute(page.get_url(request))
    data = {
        "@type": "NewsArticle",
        "@id": f"{url}#article",
        "url": url,
        "mainEntityOfPage": url,
        "headline": page.title,
        "description": page.search_description or page.standfirst,
        "datePublished": iso_datetime(page.date),
        "dateModified": iso_datetime(page.modified_at),
        "author": [
            {
                "@type": "Person",
                "@id": f"{absolute(author.get_absolute_url())}#person",
                "name": author.name,
                "url": absolute(author.get_absolute_url()),
            }
            for author in page.authors
        ],
        "publisher": organization(site_settings),
        "isPartOf": {"@id": site_id("website")},
        "keywords": [category.name for category in page.category_list]
        + [tag.name for tag in page.tag_list],
        "inLanguage": "en-GB",
    }
    if page.section:  # None in the preview of an article not yet saved
        data["articleSection"] = page.section.title
    if page.lead_image:
        data["image"] = [
            image_object(rendition(page.lead_image, spec)) for spec in ARTICLE_IMAGE_SPECS
        ]
    if page.source_url:
        data["isBasedOn"] = page.source_url
    return compact(data)


def compact(data):
    return {key: value for key, value in data.items() if value not in (None, [], "")}


def graph(nodes):
    return {"@context": "https://schema.org", "@graph": [compact(node) for node in nodes]}
