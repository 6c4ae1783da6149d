import pytest
from django.db import connection
from wagtail.search.backends import get_search_backend

from news.models import ArticlePage
from tests import factories as f


def ids(q, **kw):
    return [p.title for p in ArticlePage.objects.live().search(q, **kw)]


@pytest.mark.django_db
def test_probe(section):
    print("\nVENDOR", connection.vendor, get_search_backend())
    a = f.make_author("Zephyrine Quillfeather")
    cat = f.make_category("Waterways")
    pub = f.make_publisher("The Lantern Gazette")
    f.make_article(section, "Council elections set for spring", body=[("paragraph", "<p>The elections will be held in March.</p>")])
    f.make_article(section, "Floodgate repairs deterred anglers", body=[("paragraph", "<p>Anglers were deterred by the works.</p>")], authors=[a], categories=[cat], tags=["floodgates"], publisher=pub)
    f.make_article(section, "Ferry timetable", body=[("paragraph", "<p>Ferry ferry ferry ferry. Bridge mentioned in passing.</p>")])
    f.make_article(section, "Bridge", body=[("paragraph", "<p>The old crossing closes.</p>")])
    f.make_article(section, "Bridge repairs begin on the old crossing over the river", body=[("paragraph", "<p>Works start.</p>")])
    for q in ["election", "elections", "deterring", "deterred", "Quillfeather", "Waterways", "floodgates", "Lantern", "bridge", "bridg"]:
        print(q, "->", ids(q))
    print("title-only bridge", ids("bridge", fields=["title"]))
    print("autocomplete bri", [p.title for p in ArticlePage.objects.live().autocomplete("bri")])
    a.name = "Zephyrine Brackenwood"; a.save()
    cat.name = "Canals"; cat.save()
    print("after rename Brackenwood", ids("Brackenwood"), "Quillfeather", ids("Quillfeather"), "Canals", ids("Canals"))
    from modelsearch.backends.database.postgres.weights import WEIGHTS_VALUES, BOOSTS_WEIGHTS
    print("weights", BOOSTS_WEIGHTS, WEIGHTS_VALUES)
