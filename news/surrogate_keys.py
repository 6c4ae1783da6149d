"""Surrogate keys: the tags of everything a reader response shows.

Each response collects the keys of what it shows (the page itself, every article card, authors,
categories, promos, the listings it draws from) while it renders. The keys travel in a response
header to the front cache (Varnish's ``xkey``, a CDN's ``Surrogate-Key``) and into the app's own
page cache; a change then purges exactly the responses that carry its keys (``news.purging``).

Images have keys of their own (``i12``: image 12's file, focal point, title and alt text), on
every response that shows them: an article's lead image (its page and every card of it), body
images, promo images, publisher logos and author photos. The site logo is on every page, under
``site``.

Two kinds of key: what an object *looks like* (``a7``: author 7's name and photo in a byline) and
which objects a *listing* contains (``la7``: author 7's articles, newest first). Editing an author
purges the first; publishing one of their stories purges the second.
"""

SITE = "site"  # Every page: site settings, the section navigation, who may see what.
LATEST = "latest"  # The newest stories across sections (home page, site feed).
SEARCH = "search"  # Search suggestions and results.
POPULAR = "popular"  # The "Popular categories" box and its article counts.
SITEWIDE_PROMOS = "promos"  # The promos shown where an article picks none of its own.


def page(pk):
    return f"p{pk}"


def section_listing(pk):
    return f"s{pk}"


def author(pk):
    return f"a{pk}"


def author_listing(pk):
    return f"la{pk}"


def category(pk):
    return f"c{pk}"


def category_listing(pk):
    return f"lc{pk}"


def tag(pk):
    return f"t{pk}"


def tag_listing(pk):
    return f"lt{pk}"


def publisher(pk):
    return f"pub{pk}"


def promo(pk):
    return f"pr{pk}"


def image(pk):
    return f"i{pk}"


def for_card(article):
    """What an article card or feed item shows: the article, its authors' names, its picture."""
    shown = [page(article.pk), *(author(person.pk) for person in article.authors)]
    if article.lead_image_id:
        shown.append(image(article.lead_image_id))
    return shown


def body_images(article):
    """The images in an article's body (image blocks whose picture still exists)."""
    for block in article.body:
        if block.block_type == "image" and block.value.get("image") is not None:
            yield block.value["image"].pk


def add(request, *keys):
    """Tag ``request``'s response with ``keys``."""
    if request is None:
        return
    collected = getattr(request, "surrogate_keys", None)
    if collected is None:
        collected = request.surrogate_keys = set()
    collected.update(keys)


def collected(request):
    return getattr(request, "surrogate_keys", set())


def mark_cacheable(request):
    """Say that this response may be kept by the front cache and the page cache.

    Only views that opt in are kept: anything else (search results, which are logged for the
    editors' reports; forms; error pages) is rendered for every request.
    """
    request.cacheable_for_readers = True
    add(request, SITE)


def _articles(value):
    """The articles of a listing in a context: a paginator page, a queryset or a list."""
    if value is None:
        return []
    if hasattr(value, "paginator"):
        # Evaluate the page once, for the template too.
        value.object_list = list(value.object_list)
        return value.object_list
    return list(value)


def for_articles(request, articles):
    for article in _articles(articles):
        add(request, *for_card(article))


def for_sidebar(request, context):
    promos = context.get("promos") or []
    add(request, *(promo(item.pk) for item in promos))
    add(request, *(image(item.image_id) for item in promos if item.image_id))
    add(request, *(page(item.link_page_id) for item in promos if item.link_page_id))
    if "popular_categories" in context:
        # Tagged even when the box is empty: the first categorised story fills it.
        add(request, POPULAR, *(category(item.pk) for item in context["popular_categories"]))


def for_article_page(request, article, context):
    add(request, *for_card(article))
    add(request, *(category(item.pk) for item in article.category_list))
    add(request, *(tag(item.pk) for item in article.tag_list))
    add(request, *(image(pk) for pk in body_images(article)))
    if article.publisher_id:
        add(request, publisher(article.publisher_id))
        if article.publisher.logo_id:
            add(request, image(article.publisher.logo_id))
    # Related articles (their cards add their own keys): what shares a category or tag may take
    # a place in the list when it is published (news.purging also purges the pages that pick a
    # story by hand).
    add(request, *(category_listing(item.pk) for item in article.category_list))
    add(request, *(tag_listing(item.pk) for item in article.tag_list))
    if all(item.sitewide for item in context.get("promos", [])):
        # No promos of its own (or only site-wide ones): a new site-wide promo shows here.
        add(request, SITEWIDE_PROMOS)
