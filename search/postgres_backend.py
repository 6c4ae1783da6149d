"""modelsearch's PostgreSQL full-text backend, with a title norm that does not read the whole index
on every save.

After each write modelsearch sets ``title_norm`` (the average title length over the entry's own)
on every entry still at its default of 1.0, reading the whole index twice: once for the
average, once for those entries (no index covers them). A publish writes an article's entry
three times, so at 100,000 articles that was over a second of the database's time per publish.
Here a write updates only the entries it wrote, with the average kept for an hour (one article
more moves it by a hundred-thousandth). Rebuilding the index (``update_index``) still refreshes
every entry with a fresh average.

``settings.WAGTAILSEARCH_BACKENDS`` names this module on PostgreSQL.
"""

from django.core.cache import cache
from django.db.models import Avg, F
from django.db.models.functions import Length
from django.utils.encoding import force_str
from modelsearch.backends.database.postgres import postgres
from modelsearch.utils import get_content_type_pk

AVERAGE_KEY = "search:title-length-average"
AVERAGE_SECONDS = 60 * 60


class PostgresIndex(postgres.PostgresIndex):
    written = None  # (content type id, object ids) of the write in progress

    def add_items(self, model, objs):
        objs = list(objs)
        self.written = (get_content_type_pk(model), [force_str(obj.pk) for obj in objs])
        try:
            super().add_items(model, objs)
        finally:
            self.written = None

    def _refresh_title_norms(self, full=False):
        if full or self.written is None:
            super()._refresh_title_norms(full=full)
            return
        content_type, ids = self.written
        with_length = self.entries.annotate(title_length=Length("title")).filter(title_length__gt=0)
        average = cache.get(AVERAGE_KEY)
        if average is None:
            average = with_length.aggregate(Avg("title_length"))["title_length__avg"]
            if average is None:
                return
            cache.set(AVERAGE_KEY, average, AVERAGE_SECONDS)
        with_length.filter(content_type_id=content_type, object_id__in=ids, title_norm=1.0).update(
            title_norm=average / F("title_length")
        )


class SearchBackend(postgres.PostgresSearchBackend):
    index_class = PostgresIndex
