"""On PostgreSQL a save sets the title norm of the entries it wrote only, from a kept average
title length, instead of reading the whole index (search/postgres_backend.py)."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.search.backends import get_search_backend
from wagtail.search.models import IndexEntry

from search import postgres_backend
from tests import factories

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's search backend"),
]


def entry(obj):
    return IndexEntry.objects.get(object_id=str(obj.pk), content_type__model=obj._meta.model_name)


def test_the_postgresql_backend_is_the_bounded_one():
    assert isinstance(get_search_backend(), postgres_backend.SearchBackend)


def test_a_publish_sets_its_own_norm_and_leaves_other_entries_alone(section):
    first = factories.make_article(section, "Bridge closes")
    # An entry written without a norm (as by a bulk load before its one refresh).
    IndexEntry.objects.filter(pk=entry(first).pk).update(title_norm=1.0)
    cache.set(postgres_backend.AVERAGE_KEY, 6.0)

    with CaptureQueriesContext(connection) as captured:
        story = factories.make_article(section, "Ferry timetable doubles evening services")

    words = 5  # lexemes in the title's tsvector: ferri, timet, doubl, even, servic
    assert entry(story).title_norm == pytest.approx(6.0 / words)
    assert entry(first).title_norm == 1.0  # not this save's entry
    norms = [q["sql"] for q in captured if "title_norm" in q["sql"] and "UPDATE" in q["sql"]]
    assert norms and all("object_id" in sql for sql in norms), norms
    assert not [q["sql"] for q in captured if "AVG(" in q["sql"]]  # the kept average


def test_without_a_kept_average_it_is_read_once_and_kept(section):
    factories.make_article(section, "Bridge closes")
    cache.delete(postgres_backend.AVERAGE_KEY)
    story = factories.make_article(section, "Ferry timetable doubles")
    average = cache.get(postgres_backend.AVERAGE_KEY)
    assert average is not None and average > 0
    assert entry(story).title_norm == pytest.approx(average / 3)


def test_a_full_refresh_still_sets_every_entry(section):
    story = factories.make_article(section, "Ferry timetable doubles")
    IndexEntry.objects.update(title_norm=1.0)
    backend = get_search_backend()
    backend.get_index_for_model(type(story))._refresh_title_norms()
    assert not IndexEntry.objects.filter(title_norm=1.0).exclude(title="").exists()
