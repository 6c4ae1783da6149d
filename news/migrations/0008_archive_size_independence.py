"""Reader pages whose cost does not grow with the archive.

* ``ArticlePage.section``: the parent section, stored, so that section listings and the home page's
  per-section stories filter and sort on the article table along an index.
* Indexes for "newest first", overall and per section. They are created here in SQL because the
  ordering needs ``NULLS LAST`` on PostgreSQL (where ``DESC`` puts nulls first), which SQLite does
  not accept in an index (there ``DESC`` puts nulls last already).
* ``Category.live_article_count``: stored, kept up to date on publish, instead of counted over
  every article on each page view.
"""

import django.db.models.deletion
from django.db import migrations, models
from django.db.models import Count

# name: columns, each (column, descending)
INDEXES = {
    "news_article_newest": [("display_date", True), ("page_ptr_id", True)],
    "news_article_section_newest": [
        ("section_id", False),
        ("display_date", True),
        ("page_ptr_id", True),
    ],
}


def create_indexes(apps, schema_editor):
    postgres = schema_editor.connection.vendor == "postgresql"
    for name, columns in INDEXES.items():
        parts = []
        for column, descending in columns:
            order = " DESC" if descending else ""
            if descending and postgres:
                order += " NULLS LAST"
            parts.append(f'"{column}"{order}')
        schema_editor.execute(
            f'CREATE INDEX "{name}" ON "news_articlepage" ({", ".join(parts)})'
        )


def drop_indexes(apps, schema_editor):
    for name in INDEXES:
        schema_editor.execute(f'DROP INDEX IF EXISTS "{name}"')


def fill_sections(apps, schema_editor):
    NewsIndexPage = apps.get_model("news", "NewsIndexPage")
    ArticlePage = apps.get_model("news", "ArticlePage")
    for section in NewsIndexPage.objects.all():
        ArticlePage.objects.filter(
            page_ptr__path__startswith=section.path, page_ptr__depth=section.depth + 1
        ).update(section=section)


def count_live_articles(apps, schema_editor):
    Category = apps.get_model("news", "Category")
    ArticlePage = apps.get_model("news", "ArticlePage")
    counts = (
        ArticlePage.categories.through.objects.filter(articlepage__live=True)
        .values("category")
        .annotate(articles=Count("articlepage"))
        .values_list("category", "articles")
    )
    for category_id, articles in counts:
        Category.objects.filter(pk=category_id).update(live_article_count=articles)


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0007_curation_desk_permissions"),
    ]

    operations = [
        migrations.AddField(
            model_name="articlepage",
            name="section",
            field=models.ForeignKey(
                blank=True,
                db_index=False,
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="news.newsindexpage",
            ),
        ),
        migrations.AddField(
            model_name="category",
            name="live_article_count",
            field=models.PositiveIntegerField(
                default=0,
                editable=False,
                help_text="Live, public articles; kept up to date on publish.",
            ),
        ),
        migrations.RunPython(create_indexes, drop_indexes),
        migrations.RunPython(fill_sections, migrations.RunPython.noop),
        migrations.RunPython(count_live_articles, migrations.RunPython.noop),
    ]
