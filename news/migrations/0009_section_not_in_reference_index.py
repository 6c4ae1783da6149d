"""An article's stored ``section`` is derived from the page tree, so it is not a reference: drop
the reference index rows it had (one per article)."""

from django.db import migrations


def drop_section_references(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ReferenceIndex = apps.get_model("wagtailcore", "ReferenceIndex")
    article = ContentType.objects.filter(app_label="news", model="articlepage").first()
    if article is not None:
        ReferenceIndex.objects.filter(content_type=article, model_path="section").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0008_archive_size_independence"),
        ("wagtailcore", "0078_referenceindex"),
    ]

    operations = [
        migrations.RunPython(drop_section_references, migrations.RunPython.noop, elidable=True),
    ]
