"""Article cards are drawn once per process and kept until what they show is purged (news.cards).

Every request here is an uncached render (``?x=1``: a query string the page cache ignores). Some
changes are made with ``QuerySet.update``, which purges nothing, to tell a kept card from a card
drawn again; the purge is then made by hand, as ``news.purging`` makes it after a change.
"""

import re

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.http import http_date

from news import surrogate_keys
from news.models import ArticlePage, Author, Category
from newsroom import pagecache
from tests import editorial, factories

UNCACHED = "?x=1"


def render(client, url):
    response = client.get(url + UNCACHED)
    assert response.status_code == 200
    return response


def rename_quietly(article, title):
    """Change what a card shows without purging anything."""
    ArticlePage.objects.filter(pk=article.pk).update(title=title)


def test_a_kept_card_is_not_fetched_or_drawn_again(client, section):
    author = factories.make_author("Ada Marsh")
    article = factories.make_article(section, "Harbour wall repaired", authors=[author])
    render(client, section.url)
    rename_quietly(article, "Changed without a purge")
    with CaptureQueriesContext(connection) as queries:
        html = render(client, section.url).content.decode()
    assert "Harbour wall repaired" in html
    # One query for the page's ids; no article row, byline or image is read.
    assert len(queries) == 1, [query["sql"] for query in queries]


def test_a_purged_card_is_drawn_again_on_every_page_showing_it(client, home, section):
    article = factories.make_article(section, "Harbour wall repaired")
    for url in ("/", section.url):
        assert "Harbour wall repaired" in render(client, url).content.decode()
    rename_quietly(article, "Harbour wall finished")
    pagecache.expire([surrogate_keys.page(article.pk)])
    for url in ("/", section.url):
        html = render(client, url).content.decode()
        assert ">Harbour wall finished</a>" in html
        assert ">Harbour wall repaired</a>" not in html


def test_publishing_a_correction_shows_on_the_cards(client, home, section):
    article = factories.make_article(section, "Ferry fares to rise")
    render(client, "/")
    render(client, section.url)
    article.title = "Ferry fares to rise in spring"
    article.save_revision().publish()
    assert "Ferry fares to rise in spring" in render(client, "/").content.decode()
    assert "Ferry fares to rise in spring" in render(client, section.url).content.decode()


def test_renaming_an_author_redraws_their_bylines(client, section):
    author = factories.make_author("Ada Marsh")
    factories.make_article(section, "Harbour wall repaired", authors=[author])
    assert "Ada Marsh" in render(client, section.url).content.decode()
    author.name = "Ada Marsh-Okafor"
    author.save()
    assert "Ada Marsh-Okafor" in render(client, section.url).content.decode()
    Author.objects.filter(pk=author.pk).update(name="Quiet rename")
    assert "Ada Marsh-Okafor" in render(client, section.url).content.decode()


def test_a_purge_after_the_request_began_retires_what_it_drew(client, rf, section):
    """A card drawn by a request that began before a purge may show what the purge retired."""
    from news import cards, site_data

    article = factories.make_article(section, "Harbour wall repaired")
    request = rf.get(section.url, HTTP_HOST="localhost")
    site_data.purge_clock(request)  # the request begins
    pagecache.expire([surrogate_keys.page(article.pk)])  # a change lands meanwhile
    # Drawn as the section page draws it, so that the section page would reuse it.
    drawn = cards.draw(request, [article.pk], "includes/article_card.html", {"heading_level": 2})
    assert "Harbour wall repaired" in drawn[0]
    rename_quietly(article, "Harbour wall finished")
    assert "Harbour wall finished" in render(client, section.url).content.decode()


def test_an_emptied_cache_distrusts_every_kept_card(client, section):
    article = factories.make_article(section, "Harbour wall repaired")
    render(client, section.url)
    rename_quietly(article, "Harbour wall finished")
    cache.clear()
    assert "Harbour wall finished" in render(client, section.url).content.decode()


def test_kept_cards_still_tag_the_response_with_their_keys(client, section):
    author = factories.make_author("Ada Marsh")
    picture = factories.make_image()
    article = factories.make_article(
        section, "Harbour wall repaired", authors=[author], lead_image=picture
    )
    first = set(render(client, section.url)["xkey"].split())
    second = set(render(client, section.url)["xkey"].split())
    expected = {f"p{article.pk}", f"a{author.pk}", f"i{picture.pk}", "site"}
    assert expected <= first
    assert first == second


def test_options_and_templates_are_kept_apart(client, home, section):
    """One article drawn as a plain card on the front and as a card with a picture in its section."""
    picture = factories.make_image(size=(1600, 900))
    factories.make_article(section, "Lead story")
    factories.make_article(section, "Second story", days_ago=1, lead_image=picture)
    for _ in range(2):
        front = render(client, "/").content.decode()
        assert front.count('class="lead-story"') == 1
        assert "Second story" in front
        assert "<picture>" not in front
        listing = render(client, section.url).content.decode()
        assert listing.count('<h2 class="card__title">') == 2
        assert listing.count("<picture>") == 1


def test_an_article_page_keeps_its_topics_until_one_of_them_changes(client, section):
    from news.models import Category

    author = factories.make_author("Ada Marsh")
    transport = factories.make_category("Transport")
    promo = factories.make_promo("Ride the night bus")
    article = factories.make_article(
        section, "Night buses return", authors=[author], categories=[transport], promos=[promo]
    )
    html = render(client, article.url).content.decode()
    assert ">Transport</a>" in html and "Ada Marsh" in html and "Ride the night bus" in html
    Category.objects.filter(pk=transport.pk).update(name="Quietly renamed")  # purges nothing
    with CaptureQueriesContext(connection) as queries:
        html = render(client, article.url).content.decode()
    assert ">Transport</a>" in html
    assert not any("news_category" in query["sql"] for query in queries)

    transport.refresh_from_db()
    transport.name = "Getting around"
    transport.save()
    author.name = "Ada Marsh-Okafor"
    author.save()
    promo.title = "Ride the late bus"
    promo.save_revision().publish()
    html = render(client, article.url).content.decode()
    assert ">Getting around</a>" in html
    assert "Ada Marsh-Okafor" in html
    assert "Ride the late bus" in html
    promo.unpublish()
    assert "Ride the late bus" not in render(client, article.url).content.decode()


# ---- The article page itself, as routing finds it (news.models.pages.ChildArticleRouteMixin) ----


def test_a_kept_article_is_routed_to_without_a_query_until_it_is_purged(client, section):
    publisher = factories.make_publisher("The Valley Courier")
    article = factories.make_article(
        section, "Harbour wall repaired", publisher=publisher, source_url="https://x.example/a"
    )
    render(client, article.url)
    rename_quietly(article, "Changed without a purge")
    with CaptureQueriesContext(connection) as queries:
        html = render(client, article.url).content.decode()
    assert '<h1 class="article__title">Harbour wall repaired</h1>' in html
    assert not any("news_articlepage" in query["sql"] for query in queries)

    article.refresh_from_db()
    article.title = "Harbour wall repaired at last"
    article.save_revision().publish()
    assert "Harbour wall repaired at last</h1>" in render(client, article.url).content.decode()

    publisher.name = "The Upper Valley Courier"
    publisher.save()
    assert (
        "Read full article on The Upper Valley Courier"
        in render(client, article.url).content.decode()
    )


def test_a_kept_article_renamed_moved_or_unpublished_leaves_its_old_address(client, home, section):
    article = factories.make_article(section, "Harbour wall repaired")
    old_url = article.url
    render(client, old_url)

    article.slug = "harbour-wall-finished"
    article.save_revision().publish()
    assert client.get(old_url + UNCACHED).status_code == 404
    article.refresh_from_db()
    assert article.url.endswith("/harbour-wall-finished/")
    render(client, article.url)

    other = factories.make_section("Business", parent=home)
    moved_from = article.url
    article.move(other, pos="last-child")
    article.refresh_from_db()
    response = client.get(moved_from + UNCACHED)
    # Not the kept article at its old address: Wagtail's redirect made on the move.
    assert response.status_code == 301 and response["Location"] == article.url
    render(client, article.url)

    article.unpublish()
    assert client.get(article.url + UNCACHED).status_code == 404


def test_each_request_gets_its_own_copy_of_a_kept_article(client, section):
    article = factories.make_article(section, "Harbour wall repaired")
    render(client, article.url)
    first = render(client, article.url).context["page"]
    second = render(client, article.url).context["page"]
    assert first is not second and first.pk == second.pk == article.pk


def test_an_article_fragment_is_kept_until_a_key_of_its_page_is_purged(client, section):
    transport = factories.make_category("Transport")
    article = factories.make_article(section, "Night buses return", categories=[transport])
    render(client, article.url)
    ArticlePage.objects.filter(pk=article.pk).update(standfirst="Quietly rewritten.")
    Category.objects.filter(pk=transport.pk).update(name="Quietly renamed")
    html = render(client, article.url).content.decode()
    assert "Quietly rewritten." not in html and "Quietly renamed" not in html

    transport.refresh_from_db()
    transport.name = "Getting around"
    transport.save()  # purges the category's keys
    html = render(client, article.url).content.decode()
    # The chips and the sidebar's popular categories both show the new name.
    assert html.count(">Getting around</a>") == 2
    assert "Quietly rewritten." not in html
    pagecache.expire([surrogate_keys.page(article.pk)])
    html = render(client, article.url).content.decode()
    assert '<p class="standfirst">Quietly rewritten.</p>' in html
    assert '<meta property="og:description" content="Quietly rewritten.">' in html


def test_a_preview_never_reads_or_keeps_fragments(client, admin_client, section):
    article = factories.make_article(section, "Night buses return")
    render(client, article.url)
    url = editorial.preview_url(article)
    data = editorial.edit_data(admin_client, article, standfirst="A draft standfirst.")
    assert admin_client.post(url, data).json()["is_valid"]
    for _ in range(2):
        html = admin_client.get(url, {"mode": ""}).content.decode()
        assert '<p class="standfirst">A draft standfirst.</p>' in html
    assert "A draft standfirst." not in render(client, article.url).content.decode()


def test_each_kind_of_kept_value_keeps_at_most_its_limit_dropping_the_oldest(
    client, section, monkeypatch
):
    from news import cards

    monkeypatch.setitem(cards.MAX_KEPT_OF, "article-page", 2)
    articles = [factories.make_article(section, f"Story {n}") for n in range(3)]
    for article in articles:
        render(client, article.url)
    kept = {key[1] for key in cards._kept["article-page"]}  # kept by slug
    assert kept == {articles[1].slug, articles[2].slug}


def test_a_feed_copies_each_kept_item_and_writes_a_purged_one_again(client, home, section):
    import feedparser

    article = factories.make_article(section, "Ferry fares to rise")
    feeds = ("/feed/", section.url + "feed/")
    for url in feeds:
        render(client, url)
    rename_quietly(article, "Changed without a purge")
    for url in feeds:
        entries = feedparser.parse(render(client, url).content).entries
        assert [entry.title for entry in entries] == ["Ferry fares to rise"]

    article.refresh_from_db()
    article.title = "Ferry fares to rise in spring"
    article.save_revision().publish()
    for url in feeds:
        entries = feedparser.parse(render(client, url).content).entries
        assert [entry.title for entry in entries] == ["Ferry fares to rise in spring"]
        assert entries[0].link.endswith(article.url)


def test_author_and_category_pages_keep_their_topic_until_it_is_renamed(client, section):
    author = factories.make_author("Ada Marsh")
    transport = factories.make_category("Transport")
    factories.make_article(section, "Night buses return", authors=[author], categories=[transport])
    for topic in (author, transport):
        render(client, topic.get_absolute_url())
        render(client, topic.get_absolute_url())  # the topic's key was read: now it is kept
        with CaptureQueriesContext(connection) as queries:
            render(client, topic.get_absolute_url())
        assert len(queries) == 1, [query["sql"] for query in queries]  # the page's ids only

    author.name = "Ada Marsh-Okafor"
    author.save()
    transport.name = "Getting around"
    transport.save()
    assert "<h1>Ada Marsh-Okafor</h1>" in render(client, author.get_absolute_url()).content.decode()
    assert "Getting around</h1>" in render(client, transport.get_absolute_url()).content.decode()

    old_address = author.get_absolute_url()
    author.slug = "ada-marsh-okafor"
    author.save()
    assert client.get(old_address + UNCACHED).status_code == 404
    render(client, author.get_absolute_url())


def test_a_kept_article_shows_a_body_image_edited_after_it_was_kept(client, section):
    from tests.test_page_cache import body_with_image

    image = factories.make_image()
    article = factories.make_article(section, "Harbour wall repaired", body=body_with_image(image))
    html = render(client, article.url).content.decode()
    old_files = set(re.findall(r"/media/images/[^\" ,]+", html))
    assert old_files
    image.refresh_from_db()
    # A new file, as an editor uploads one in the image's edit view (which drops the renditions).
    image.file = factories.make_image(size=(800, 600)).file
    image.save()  # purges the image's key
    image.renditions.all().delete()
    html = render(client, article.url).content.decode()
    assert set(re.findall(r"/media/images/[^\" ,]+", html)) != old_files


def test_a_warm_feed_is_the_same_bytes_as_a_cold_one(client, section):
    from news import cards

    for n in range(3):
        factories.make_article(section, f"Story {n}", days_ago=n)
    cold = render(client, "/feed/").content
    warm = render(client, "/feed/")
    assert warm.content == cold
    newest = ArticlePage.objects.order_by("-last_published_at").first().last_published_at
    assert warm["Last-Modified"] == http_date(newest.timestamp())
    cards.forget()
    assert render(client, "/feed/").content == cold


def test_a_search_result_whose_article_is_gone_is_left_out(rf, section):
    from search import views

    kept, gone = (factories.make_article(section, f"Story {n}") for n in range(2))
    request = rf.get("/search/?query=story")
    ids = [kept.pk, gone.pk]
    gone.delete()
    texts = dict.fromkeys(ids, ("<mark>Story</mark>", ""))
    (card,) = views.result_cards(request, ids, texts)
    assert "<mark>Story</mark>" in card and "<!--" not in card
