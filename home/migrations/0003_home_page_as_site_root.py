"""Make a HomePage the root of the default site, replacing Wagtail's placeholder welcome page."""

from django.db import migrations


def install_home_page(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Page = apps.get_model("wagtailcore.Page")
    Site = apps.get_model("wagtailcore.Site")
    HomePage = apps.get_model("home.HomePage")

    placeholder_type = ContentType.objects.get(app_label="wagtailcore", model="page")
    placeholder = Page.objects.filter(depth=2, content_type=placeholder_type, numchild=0).first()
    if placeholder is None:
        return  # Someone already built a tree here; leave it alone.

    home_type, _ = ContentType.objects.get_or_create(app_label="home", model="homepage")
    path, locale_id = placeholder.path, placeholder.locale_id
    Site.objects.filter(root_page=placeholder).delete()
    placeholder.delete()
    home = HomePage.objects.create(
        title="Home",
        draft_title="Home",
        slug="home",
        content_type=home_type,
        path=path,
        depth=2,
        numchild=0,
        url_path="/home/",
        locale_id=locale_id,
        live=True,
    )
    Site.objects.create(
        hostname="localhost", port=80, root_page_id=home.pk, is_default_site=True,
        site_name="The Riverside Ledger",
    )


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0002_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(install_home_page, migrations.RunPython.noop)]
