"""Admin reports on readers' searches: "Searches without results" and "Search terms"."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query

from search.models import UnansweredQuery
from tests import factories

pytestmark = pytest.mark.django_db

UNANSWERED = "/admin/reports/searches-without-results/"
EDITORS_TERMS = "/admin/reports/search-terms/"


@pytest.fixture
def searches(client, section):
    factories.make_article(section, "Ferry fares frozen for another year")
    for query in ["quokka sanctuary", "Quokka sanctuary", "quokka  sanctuary", "ferry"]:
        assert client.get("/search/", {"query": query}).status_code == 200
    today = timezone.localdate()
    old = Query.get("tram strike 1998")
    UnansweredQuery.objects.create(query=old, date=today - timedelta(days=40), hits=9)
    earlier = Query.get("marmoset")
    UnansweredQuery.objects.create(query=earlier, date=today - timedelta(days=10), hits=4)


def user_in(group, django_user_model, client):
    user = django_user_model.objects.create_user(f"{group.lower()}-user", password="pw")
    user.groups.add(Group.objects.get(name=group))
    client.force_login(user)
    return client


def rows(response):
    from bs4 import BeautifulSoup

    table = BeautifulSoup(response.content, "html.parser").select("table.listing tbody tr")
    return [[cell.get_text(" ", strip=True) for cell in row.select("td")] for row in table]


def test_searches_without_results_report(admin_client, searches):
    response = admin_client.get(UNANSWERED)
    assert response.status_code == 200
    assert "Searches without results" in response.content.decode()
    found = rows(response)
    assert [row[:2] for row in found] == [["marmoset", "4"], ["quokka sanctuary", "3"]]
    assert "tram strike" not in response.content.decode(), "older than 30 days"
    assert "ferry" not in [row[0] for row in found], "answered searches are not gaps"
    newest = rows(admin_client.get(UNANSWERED, {"ordering": "-last_seen"}))
    assert [row[0] for row in newest] == ["quokka sanctuary", "marmoset"]
    assert [row[0] for row in rows(admin_client.get(UNANSWERED, {"q": "marm"}))] == ["marmoset"]
    export = admin_client.get(UNANSWERED, {"export": "csv"})
    assert export.status_code == 200
    assert "quokka sanctuary,3," in b"".join(export.streaming_content).decode()


def test_wagtail_search_terms_report_lists_logged_queries(admin_client, searches):
    response = admin_client.get(reverse("wagtailsearchpromotions:search_terms"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "quokka sanctuary" in html and "ferry" in html


def test_editors_get_both_reports(client, django_user_model, searches):
    editor = user_in("Editors", django_user_model, client)
    menu = editor.get("/admin/").content.decode()
    assert "Searches without results" in menu and EDITORS_TERMS in menu
    assert editor.get(UNANSWERED).status_code == 200
    response = editor.get(EDITORS_TERMS)
    assert response.status_code == 200
    assert "quokka sanctuary" in response.content.decode()
    # Wagtail's own address stays superuser-only.
    assert editor.get(reverse("wagtailsearchpromotions:search_terms")).status_code == 302


def test_superusers_see_one_search_terms_item(admin_client):
    menu = admin_client.get("/admin/").content.decode()
    assert reverse("wagtailsearchpromotions:search_terms") in menu
    assert EDITORS_TERMS not in menu


def test_writers_do_not_see_the_reports(client, django_user_model, searches):
    writer = user_in("Writers", django_user_model, client)
    assert "Searches without results" not in writer.get("/admin/").content.decode()
    for url in [UNANSWERED, EDITORS_TERMS]:
        response = writer.get(url)
        assert response.status_code == 302 and response["Location"] == "/admin/"
