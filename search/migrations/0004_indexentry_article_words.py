"""Two columns on PostgreSQL's index table for checking given articles against the search words.

For a common word the search engine (search/engine.py) takes windows of the newest articles and
asks which of them match. Wagtail's index entry names its article in a text column (``object_id``)
and keeps the headline's and the body's words apart (``title``, ``body``), so that question read
each entry by a text comparison and concatenated its two vectors, decompressing the body's
(about 10 µs an entry, 20 ms for a window of 2,000 articles). These generated columns, kept up to
date by PostgreSQL on every insert and update, hold the article id as a number, with an index,
and the words of the headline and body together without positions (``strip``: all that matching
every word needs): about 1.5 µs an entry. Only ids that are numbers of up to nine digits (every
page's) are cast. SQLite and other databases are left alone.

A later Wagtail migration that changes the type of ``title`` or ``body`` would have to drop these
columns first (reverse this migration, then apply it again).
"""

from django.db import migrations

INDEX_NAME = "search_indexentry_article_id"


def add_columns(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    table = schema_editor.quote_name(apps.get_model("wagtailsearch", "IndexEntry")._meta.db_table)
    schema_editor.execute(
        f"ALTER TABLE {table} "
        "ADD COLUMN IF NOT EXISTS search_article_id integer GENERATED ALWAYS AS "
        "(CASE WHEN object_id ~ '^[0-9]{1,9}$' THEN object_id::integer END) STORED, "
        "ADD COLUMN IF NOT EXISTS search_words tsvector GENERATED ALWAYS AS "
        "(strip(title || body)) STORED"
    )
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {INDEX_NAME} ON {table} (search_article_id)"
    )


def drop_columns(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    table = schema_editor.quote_name(apps.get_model("wagtailsearch", "IndexEntry")._meta.db_table)
    schema_editor.execute(
        f"ALTER TABLE {table} DROP COLUMN IF EXISTS search_article_id, "
        "DROP COLUMN IF EXISTS search_words"
    )


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0003_fts_porter_tokenizer"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(add_columns, drop_columns)]
