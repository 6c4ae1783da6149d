"""Add many live pages at once: the demo's large archives (10k to 100k articles).

Saving a page through Wagtail costs a dozen queries (tree look-ups, validation, log entry, search
and reference indexing, each fired by ``post_save``). At archive size that is hours, so this module
does the same work in bulk, and it is the only module that relies on how Wagtail and its libraries
store things internally:

* django-treebeard's materialised path: a child's ``path`` is its parent's path plus a
  fixed-width step (``Page.steplen`` characters of ``Page.alphabet``), built by
  ``Page._get_path``; the parent's ``numchild`` counts its children.
* Django's multi-table inheritance: ``bulk_create`` refuses child models, so the ``Page`` rows are
  bulk-created first and the specific model's own table is filled with ``QuerySet._insert``.
* django-modelcluster: a page's child relations and parental many-to-many fields can be set in
  memory before it is saved (``get_all_child_relations``, ``get_all_child_m2m_relations``).
* Wagtail's reference index: ``ReferenceIndex._extract_references_from_object`` and
  ``_get_content_path_hash`` give the rows ``create_or_update_for_object`` would write.
* modelsearch's database backends index with an ``ObjectIndexer`` per object, whose ``title``,
  ``body`` and ``autocomplete`` each walk every search field again; here each field is prepared
  once per object. ``post_save_signal_handler`` is what indexes a saved object.

``tests/test_bulk_pages.py`` checks each of these against Wagtail's own code path, so that an
upgrade that changes one fails there, loudly, instead of leaving a subtly broken archive.
"""

import sys
from collections import defaultdict
from contextlib import contextmanager

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models import F
from django.db.models.signals import post_save
from modelcluster.models import get_all_child_m2m_relations, get_all_child_relations
from modelsearch.backends.database.postgres import postgres as postgres_search
from modelsearch.backends.database.postgres.postgres import PostgresIndex
from modelsearch.signal_handlers import post_save_signal_handler
from modelsearch.utils import get_content_type_pk
from wagtail.models import Page, PageLogEntry, ReferenceIndex
from wagtail.search import index
from wagtail.search.backends import get_search_backends
from wagtail.signal_handlers import disable_reference_index_auto_update

ARRAY_BATCH = 5000  # rows per multi-row INSERT on PostgreSQL


@contextmanager
def deferred_indexing():
    """Switch off per-save search and reference indexing; callers index in bulk instead."""
    models = [
        model
        for model in index.get_indexed_models()
        if post_save.disconnect(post_save_signal_handler, sender=model)
    ]
    try:
        with disable_reference_index_auto_update():
            yield
    finally:
        for model in models:
            post_save.connect(post_save_signal_handler, sender=model)


def next_child_paths(parent, count):
    """Tree paths for ``count`` new children after the parent's last child, in order."""
    last = (
        Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1)
        .order_by("-path")
        .values_list("path", flat=True)
        .first()
    )
    step = Page._str2int(last[-Page.steplen :]) if last else 0
    return [Page._get_path(parent.path, parent.depth + 1, step + n) for n in range(1, count + 1)]


def add_live_children(parent, pages, *, log_action="wagtail.publish"):
    """Insert ``pages`` (unsaved, specific, live) as the last children of ``parent``.

    Each page's child relations and parental many-to-many fields, set in memory as for
    ``add_child``, are inserted too, and given their primary keys (the reference index names
    them). Pages get a log entry (``log_action``, at ``first_published_at``) but no revision:
    Wagtail shows a page without revisions as it is, and the first edit creates one. Indexes are
    not touched: call ``index_new_objects`` afterwards.
    """
    if not pages:
        return
    model = type(pages[0])
    if any(type(page) is not model for page in pages):
        raise ValueError("add_live_children takes pages of one type at a time.")
    if model._meta.get_parent_list() != [Page]:
        raise ValueError(f"{model.__name__} must inherit from Page directly.")
    content_type = ContentType.objects.get_for_model(model)
    for page, path in zip(pages, next_child_paths(parent, len(pages)), strict=True):
        page.path = path
        page.depth = parent.depth + 1
        page.numchild = 0
        page.url_path = f"{parent.url_path}{page.slug}/"
        page.content_type = content_type
        page.locale_id = parent.locale_id
        page.draft_title = page.draft_title or page.title
        page.live = True
        page.has_unpublished_changes = False

    # What modelcluster holds in memory for each page, every relation included (an empty one
    # too): once the pages have ids, a relation not held in memory would be read from the database.
    relations = [r.get_accessor_name() for r in get_all_child_relations(model)]
    relations += [field.name for field in get_all_child_m2m_relations(model)]
    held = [{name: list(getattr(page, name).all()) for name in relations} for page in pages]

    with transaction.atomic():
        page_fields = [f for f in Page._meta.concrete_fields if not f.primary_key]
        rows = Page.objects.bulk_create(
            [Page(**{f.attname: getattr(page, f.attname) for f in page_fields}) for page in pages]
        )
        for page, row in zip(pages, rows, strict=True):
            if row.pk is None:
                raise RuntimeError("The database did not return the new pages' ids.")
            page.pk = page.id = row.pk  # pk is page_ptr_id
            page._state.adding = False
        for page, items in zip(pages, held, strict=True):
            for name, values in items.items():
                setattr(page, name, values)
        insert_own_rows(model, pages)
        Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(pages))
        parent.numchild += len(pages)
        insert_relations(model, pages)
        if log_action:
            PageLogEntry.objects.bulk_create(
                PageLogEntry(
                    page_id=page.pk,
                    content_type=content_type,
                    label=page.title,
                    action=log_action,
                    timestamp=page.first_published_at,
                    content_changed=True,
                    data={},
                )
                for page in pages
            )


def insert_own_rows(model, pages):
    """The rows of the specific model's own table (its fields and the pointer to ``Page``)."""
    fields = model._meta.local_concrete_fields
    batch = max(1, connection.ops.bulk_batch_size(fields, pages))
    manager = model._base_manager
    for start in range(0, len(pages), batch):
        manager._insert(pages[start : start + batch], fields=fields, using=manager.db)


def insert_relations(model, pages):
    """Insert what modelcluster holds in memory for each page: child rows, then m2m links."""
    for relation in get_all_child_relations(model):
        name = relation.get_accessor_name()
        foreign_key = relation.field.attname
        children = []
        for page in pages:
            for child in getattr(page, name).all():
                setattr(child, foreign_key, page.pk)
                children.append(child)
        if children:
            relation.related_model.objects.bulk_create(children)
            if any(child.pk is None for child in children):
                raise RuntimeError("The database did not return the new rows' ids.")
    for field in get_all_child_m2m_relations(model):
        through = field.remote_field.through
        source = field.m2m_field_name()
        target = field.m2m_reverse_field_name()
        through.objects.bulk_create(
            through(**{f"{source}_id": page.pk, f"{target}_id": item.pk})
            for page in pages
            for item in getattr(page, field.name).all()
        )


def index_new_objects(model, objects, *, title_norms=True):
    """Search and reference index entries for freshly inserted ``objects``, in bulk.

    The objects' related rows are read from memory where modelcluster holds them (as after
    ``add_live_children``), so indexing costs no query per object. On PostgreSQL, each new entry's
    ``title_norm`` is brought up to date over the whole index (two scans of it) unless
    ``title_norms`` is false: a caller adding many batches then calls ``refresh_title_norms`` once.
    """
    objects = list(objects)
    if not objects:
        return
    if issubclass(model, index.Indexed) and model in index.get_indexed_models():
        for backend in get_search_backends(with_auto_update=True):
            with fields_prepared_once(backend):
                search_index = backend.get_index_for_model(model)
                if isinstance(search_index, PostgresIndex):
                    add_postgres_entries(backend, model, objects)
                    if title_norms:
                        search_index._refresh_title_norms()
                else:
                    backend.add_bulk(model, objects)
    if ReferenceIndex.is_indexed(model):
        add_references(objects)


def refresh_title_norms():
    """What modelsearch's PostgreSQL index does after each insert, once for many batches."""
    for backend in get_search_backends(with_auto_update=True):
        for search_index in backend.all_indexes():
            if isinstance(search_index, PostgresIndex):
                search_index._refresh_title_norms()


class TextsIndexer(postgres_search.ObjectIndexer):
    """modelsearch's PostgreSQL indexer, giving each vector as its texts instead of an expression.

    The backend selects and prepares the texts (``title``, ``body``, ``autocomplete``,
    ``title_text``, ``body_text``); only the building of ``SearchVector`` expressions, which
    Django then compiles object by object, is left out.
    """

    def as_vector(self, texts, for_autocomplete=False):
        # As the backend's own as_vector: stripped texts, the empty ones left out.
        texts = [(text.strip(), weight) for text, weight in texts]
        texts = [(text, weight) for text, weight in texts if text]
        config = self.autocomplete_config if for_autocomplete else self.config
        return config, texts


def vector_sql(config, texts):
    """SQL and parameters for the vector the backend builds from ``texts`` (see ``as_vector``).

    The same ``to_tsvector`` calls, weights and balanced tree of ``||`` as modelsearch's
    ``ADD`` of ``SearchVector``s: tsvector concatenation shifts the positions of its right side,
    so the tree's shape is kept.
    """
    if not texts:
        return "to_tsvector(%s)", [""]  # the backend's EMPTY_VECTOR, no configuration

    def leaf(text, weight):
        if config:
            return "setweight(to_tsvector(%s::regconfig, %s), %s)", [config, text, weight]
        return "setweight(to_tsvector(%s), %s)", [text, weight]

    def build(items):
        if len(items) == 1:
            return leaf(*items[0])
        middle = len(items) // 2
        left_sql, left_params = build(items[:middle])
        right_sql, right_params = build(items[middle:])
        return f"({left_sql} || {right_sql})", left_params + right_params

    return build(texts)


def add_postgres_entries(backend, model, objects):
    """The index entries modelsearch's PostgreSQL ``add_items`` writes, one statement per shape.

    Objects whose vectors have the same number of texts share one ``INSERT`` run with
    ``executemany`` (a pipeline of prepared statements) instead of one statement holding every
    object's expressions; the entries are the same (``tests/test_bulk_pages.py`` compares them).
    """
    if not model.get_search_fields():
        return
    content_type = get_content_type_pk(model)
    shapes = defaultdict(list)  # SQL of the three vectors -> parameters of each row
    for obj in objects:
        indexer = TextsIndexer(obj, backend)
        vectors = [vector_sql(*indexer.title), vector_sql(*indexer.autocomplete)]
        vectors.append(vector_sql(*indexer.body))
        params = [content_type, indexer.id]
        for _, vector_params in vectors:
            params += vector_params
        params += [indexer.title_text, indexer.body_text]
        shapes[tuple(sql for sql, _ in vectors)].append(params)
    table = connection.ops.quote_name(postgres_search.IndexEntry._meta.db_table)
    with connection.cursor() as cursor:
        for (title, autocomplete, body), rows in shapes.items():
            # The table name comes from the model; the SQL of the vectors is built above from
            # fixed fragments; every value is a parameter.
            sql = (
                f"INSERT INTO {table} (content_type_id, object_id, title, autocomplete, body, "  # noqa: S608
                f"title_norm, title_text, body_text) VALUES (%s, %s, {title}, {autocomplete}, "
                f"{body}, 1.0, %s, %s) ON CONFLICT (content_type_id, object_id) DO UPDATE SET "
                "title = EXCLUDED.title, title_norm = 1.0, autocomplete = EXCLUDED.autocomplete, "
                "body = EXCLUDED.body, title_text = EXCLUDED.title_text, "
                "body_text = EXCLUDED.body_text"
            )
            cursor.executemany(sql, rows)


def object_indexer(backend):
    """The ``ObjectIndexer`` class of the backend's module (or of the one it extends), if any."""
    for cls in type(backend).__mro__:
        indexer = getattr(sys.modules[cls.__module__], "ObjectIndexer", None)
        if indexer is not None:
            return indexer
    return None


@contextmanager
def fields_prepared_once(backend):
    """Let the backend's ``ObjectIndexer`` (if it has one) prepare each search field once."""
    indexer = object_indexer(backend)
    if indexer is None:
        yield
        return
    original = indexer.prepare_field

    def prepare_field(self, obj, field):
        if obj is not self.obj:
            return original(self, obj, field)
        prepared = self.__dict__.setdefault("_prepared_fields", {})
        if id(field) not in prepared:
            prepared[id(field)] = list(original(self, obj, field))
        return iter(prepared[id(field)])

    indexer.prepare_field = prepare_field
    try:
        yield
    finally:
        indexer.prepare_field = original


def add_references(objects):
    """Reference index rows for objects that have none yet, inserted with ``executemany``.

    The rows ``ReferenceIndex.create_or_update_for_object`` writes, without its per-object query
    for existing rows (there are none) and without a model instance per row (there are a dozen
    rows per page).
    """
    columns = [
        "content_type",
        "base_content_type",
        "object_id",
        "to_content_type",
        "to_object_id",
        "model_path",
        "content_path",
        "content_path_hash",
    ]
    hash_field = ReferenceIndex._meta.get_field("content_path_hash")
    rows = []
    content_types = {}
    for obj in objects:
        model = type(obj)
        if model not in content_types:
            content_types[model] = [
                ContentType.objects.get_for_model(m, for_concrete_model=False).pk
                for m in [model, *model._meta.get_parent_list()]
            ]
        content_type, base_content_type = content_types[model][0], content_types[model][-1]
        references = set(ReferenceIndex._extract_references_from_object(obj))
        for to_content_type_id, to_object_id, model_path, content_path in references:
            content_path_hash = ReferenceIndex._get_content_path_hash(content_path)
            rows.append(
                (
                    content_type,
                    base_content_type,
                    str(obj.pk),
                    to_content_type_id,
                    to_object_id,
                    model_path,
                    content_path,
                    hash_field.get_db_prep_save(content_path_hash, connection),
                )
            )
    insert_rows(ReferenceIndex, columns, rows)


def insert_rows(model, field_names, rows):
    """Insert plain rows (values ready for the database) into ``model``'s table, no ids back."""
    if not rows:
        return
    quote = connection.ops.quote_name
    fields = [model._meta.get_field(name) for name in field_names]
    columns = ", ".join(quote(field.column) for field in fields)
    table = quote(model._meta.db_table)
    with connection.cursor() as cursor:
        # Table and column names come from the model, quoted; the values are parameters.
        if connection.vendor == "postgresql":
            # One array per column, in batches: a statement per row costs a round trip each.
            arrays = ", ".join(f"%s::{field.db_type(connection)}[]" for field in fields)
            sql = f"INSERT INTO {table} ({columns}) SELECT * FROM UNNEST({arrays})"  # noqa: S608
            for start in range(0, len(rows), ARRAY_BATCH):
                batch = rows[start : start + ARRAY_BATCH]
                cursor.execute(sql, [list(column) for column in zip(*batch, strict=True)])
        else:
            placeholders = ", ".join(["%s"] * len(fields))
            sql = f"INSERT INTO {table} ({columns}) VALUES ({placeholders})"  # noqa: S608
            cursor.executemany(sql, rows)


def analyze():
    """Fresh planner statistics after a bulk load, on PostgreSQL.

    Until autovacuum gets round to it, stale statistics can turn an 80 ms search into seconds
    (a nested loop over every page).
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
