"""SQLite's full-text index stems English words, as PostgreSQL's does.

Wagtail's migrations create the FTS5 table behind the SQLite search backend with FTS5's default
tokenizer, which does not stem: "councils" would not find "council". This recreates the table with
the ``porter`` tokenizer (on top of the same ``unicode61`` one) and fills it again from the index
entries it mirrors, so no ``update_index`` is needed. The table keeps its name, columns and the
triggers that keep it up to date; Wagtail's ``update_index`` only replaces rows, never the table.
tests/test_search_relevance.py checks the tokenizer of the table that tests and searches use.
PostgreSQL and other databases are left alone.
"""

from django.db import migrations

FTS_TABLE = "wagtailsearch_indexentry_fts"
STEMMING = "porter unicode61"
PLAIN = "unicode61"


def recreate_fts_table(tokenize):
    def operation(apps, schema_editor):
        connection = schema_editor.connection
        if connection.vendor != "sqlite":
            return
        with connection.cursor() as cursor:
            if FTS_TABLE not in connection.introspection.table_names(cursor):
                return  # SQLite without FTS5: the backend falls back to plain queries
        entries = schema_editor.quote_name(
            apps.get_model("wagtailsearch", "IndexEntry")._meta.db_table
        )
        fts = schema_editor.quote_name(FTS_TABLE)
        schema_editor.execute(f"DROP TABLE {fts}")
        # The columns in Wagtail's order: bm25() and the backend's queries address them by name.
        schema_editor.execute(
            f"CREATE VIRTUAL TABLE {fts} USING fts5(autocomplete, body, title, "
            f"tokenize = '{tokenize}')"
        )
        schema_editor.execute(
            f"INSERT INTO {fts} (rowid, title, body, autocomplete) "
            f"SELECT id, title, body, autocomplete FROM {entries}"
        )

    return operation


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0002_indexentry_title_body_gin"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [
        migrations.RunPython(recreate_fts_table(STEMMING), recreate_fts_table(PLAIN)),
    ]
