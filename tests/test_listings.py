"""Home and section pages list the right stories in the right order."""

from bs4 import BeautifulSoup

from tests import factories


def headlines(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return [a.get_text(strip=True) for a in soup.select("main a") if a.get_text(strip=True)]


def test_section_lists_newest_first_and_paginates(client, section):
    for days_ago in range(14):
        factories.make_article(section, f"Story {days_ago:02d} days old", days_ago=days_ago)
    first = headlines(client.get(section.url))
    assert first.index("Story 00 days old") < first.index("Story 05 days old")
    assert "Story 13 days old" not in first, "12 per page"
    second = headlines(client.get(section.url, {"page": 2}))
    assert "Story 13 days old" in second


def test_section_lists_only_its_own_articles(client, section):
    other = factories.make_section("Business")
    factories.make_article(section, "Harbour news")
    factories.make_article(other, "Market news")
    titles = headlines(client.get(section.url))
    assert "Harbour news" in titles and "Market news" not in titles


def test_home_lead_story_falls_back_to_newest(client, home, section):
    factories.make_article(section, "Older story", days_ago=3)
    factories.make_article(section, "Newest story", days_ago=0)
    soup = BeautifulSoup(client.get("/").content, "html.parser")
    lead = soup.select_one(".lead-story")
    assert lead is not None and "Newest story" in lead.get_text()


def test_home_lead_story_chosen_by_editors(client, home, section):
    chosen = factories.make_article(section, "The editors' pick", days_ago=5)
    factories.make_article(section, "Newest story", days_ago=0)
    home.lead_story = chosen
    home.save_revision().publish()
    soup = BeautifulSoup(client.get("/").content, "html.parser")
    assert "The editors' pick" in soup.select_one(".lead-story").get_text()


def test_home_shows_each_story_once(client, home, section):
    business = factories.make_section("Business")
    for n in range(10):
        factories.make_article(section, f"News item {n}", days_ago=n + 1)
        factories.make_article(business, f"Business item {n}", days_ago=n + 1)
    soup = BeautifulSoup(client.get("/").content, "html.parser")
    links = [a["href"] for a in soup.select(".lead-story__title a, .card__title a")]
    # Lead, three top stories and six latest are the ten newest; each section then shows its
    # four newest of the rest. Nothing twice, and the oldest of each section is left out.
    assert len(links) == len(set(links)) == 18
    assert "News item 0" in soup.get_text() and "Business item 8" in soup.get_text()
    assert "News item 9" not in soup.get_text() and "Business item 9" not in soup.get_text()
    business_block = soup.find(id=f"section-{business.pk}-title").find_parent("section")
    assert [a.get_text() for a in business_block.select(".card__title a")] == [
        f"Business item {n}" for n in (5, 6, 7, 8)
    ]
