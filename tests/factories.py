"""Small builders for test content: real pages, published through Wagtail's revisions."""

import itertools
from datetime import timedelta
from io import BytesIO

from django.core.files.images import ImageFile
from django.utils import timezone
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import Site

from news.models import (
    ArticlePage,
    ArticlePageAuthor,
    ArticlePagePromo,
    ArticlePageRelated,
    Author,
    Category,
    NewsIndexPage,
    Publisher,
    SidebarSnippet,
)

_counter = itertools.count(1)


def home_page():
    return Site.objects.get(is_default_site=True).root_page.specific


def make_image(title="Test image", size=(640, 360), colour=(40, 90, 140)):
    buffer = BytesIO()
    PILImage.new("RGB", size, colour).save(buffer, "PNG")
    return get_image_model().objects.create(
        title=title, file=ImageFile(buffer, name=f"test-{next(_counter)}.png")
    )


def make_section(title="News", parent=None, **fields):
    parent = parent or home_page()
    section = NewsIndexPage(title=title, show_in_menus=True, **fields)
    parent.add_child(instance=section)
    section.save_revision().publish()
    return section


def make_author(name="Ada Marsh", **fields):
    return Author.objects.create(name=name, **fields)


def make_category(name="Transport", **fields):
    from django.utils.text import slugify

    return Category.objects.create(name=name, slug=fields.pop("slug", slugify(name)), **fields)


def make_publisher(name="The Valley Courier", **fields):
    fields.setdefault("homepage_url", "https://valley-courier.example.com/")
    fields.setdefault("tagline", "Independent news from the upper valley since 1921.")
    return Publisher.objects.create(name=name, **fields)


def make_promo(title="Contact your elected officials", publish=True, **fields):
    fields.setdefault("text", "Find out who represents you and how to reach them.")
    fields.setdefault("link_url", "https://example.org/representatives")
    fields.setdefault("cta_label", "Find your representatives")
    promo = SidebarSnippet.objects.create(title=title, live=False, **fields)
    if publish:
        promo.save_revision().publish()
        promo.refresh_from_db()
    return promo


DEFAULT_BODY = [
    ("paragraph", "<p>The river ferry will run every twenty minutes from Monday.</p>"),
    ("subhead", "What changes for riders"),
    ("paragraph", "<p>Evening services are extended until midnight on weekdays.</p>"),
    (
        "pull_quote",
        {"quote": "We listened to the night-shift workers.", "attribution": "Transit chief"},
    ),
    (
        "quoted_passage",
        {"passage": "<p>Ridership rose by a third in a year.</p>", "source": "Annual report"},
    ),
]


def make_article(
    section,
    title=None,
    authors=(),
    categories=(),
    tags=(),
    promos=(),
    related=(),
    publish=True,
    days_ago=0,
    body=None,
    **fields,
):
    title = title or f"Article {next(_counter)}"
    fields.setdefault("standfirst", f"{title} in one sentence. A second sentence adds detail.")
    article = ArticlePage(
        title=title,
        body=body if body is not None else DEFAULT_BODY,
        display_date=timezone.now() - timedelta(days=days_ago),
        live=False,
        **fields,
    )
    section.add_child(instance=article)
    for order, author in enumerate(authors):
        article.article_authors.add(ArticlePageAuthor(author=author, sort_order=order))
    for order, promo in enumerate(promos):
        article.sidebar_promos.add(ArticlePagePromo(promo=promo, sort_order=order))
    for order, page in enumerate(related):
        article.related_links.add(ArticlePageRelated(related_page=page, sort_order=order))
    article.categories.set(categories)
    article.tags.set(list(tags))
    revision = article.save_revision()
    if publish:
        revision.publish()
    article.refresh_from_db()
    return article
