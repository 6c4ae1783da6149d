"""Who works the curation desk: Writers and Editors see incoming stories, draft from them,
dismiss them and add stories from a link; Editors also manage publishers' feeds.

Model permissions are created after migrate (post_migrate), so the ones needed here are created
first. Reversing is a no-op: groups and permissions may have been edited since.
"""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db import migrations

WRITER_STORY_ACTIONS = ["add", "change", "view"]
EDITOR_STORY_ACTIONS = ["add", "change", "delete", "view"]
EDITOR_FEED_ACTIONS = ["add", "change", "delete", "view"]


def grant_desk_permissions(apps, schema_editor):
    using = schema_editor.connection.alias
    create_permissions(global_apps.get_app_config("news"), verbosity=0, apps=apps, using=using)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")

    def permissions(model, actions):
        return Permission.objects.using(using).filter(
            content_type__app_label="news",
            codename__in=[f"{action}_{model}" for action in actions],
        )

    writers = Group.objects.using(using).filter(name="Writers").first()
    if writers is not None:
        writers.permissions.add(*permissions("incomingstory", WRITER_STORY_ACTIONS))
    editors = Group.objects.using(using).filter(name="Editors").first()
    if editors is not None:
        editors.permissions.add(
            *permissions("incomingstory", EDITOR_STORY_ACTIONS),
            *permissions("publisherfeed", EDITOR_FEED_ACTIONS),
        )


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0006_curation_desk"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant_desk_permissions, migrations.RunPython.noop)]
