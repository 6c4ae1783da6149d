"""The newsroom's roles are exactly Writers and Editors (plus superusers).

Wagtail's own migrations create a "Moderators" group with add, change and publish rights on the
tree root, and a "Moderators approval" workflow on the root that needs it: both go. Editors may
lift sign-in lockouts (django-axes' access attempts: view and delete).

Reversing is a no-op: the Moderators group is not recreated.
"""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db import migrations

MODERATORS = "Moderators"
MODERATORS_WORKFLOW = "Moderators approval"
EDITORS = "Editors"
LOCKOUT_PERMISSIONS = ["view_accessattempt", "delete_accessattempt"]


def remove_moderators(apps, schema_editor):
    using = schema_editor.connection.alias
    Group = apps.get_model("auth", "Group")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")

    moderators = Group.objects.using(using).filter(name=MODERATORS).first()
    if moderators is not None:
        tasks = GroupApprovalTask.objects.using(using).filter(groups=moderators)
        workflows = Workflow.objects.using(using).filter(
            name=MODERATORS_WORKFLOW, workflow_tasks__task__in=tasks
        )
        for workflow in workflows.distinct():
            workflow.delete()
        for task in tasks:
            if task.groups.exclude(pk=moderators.pk).exists():
                task.groups.remove(moderators)
            else:
                task.delete()
        moderators.delete()


def let_editors_lift_lockouts(apps, schema_editor):
    using = schema_editor.connection.alias
    create_permissions(global_apps.get_app_config("axes"), verbosity=0, apps=apps, using=using)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    editors = Group.objects.using(using).filter(name=EDITORS).first()
    if editors is not None:
        editors.permissions.add(
            *Permission.objects.using(using).filter(
                content_type__app_label="axes", codename__in=LOCKOUT_PERMISSIONS
            )
        )


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0004_editorial_groups_and_workflow"),
        ("axes", "0010_accessattemptexpiration"),
    ]

    operations = [
        migrations.RunPython(remove_moderators, migrations.RunPython.noop),
        migrations.RunPython(let_editors_lift_lockouts, migrations.RunPython.noop),
    ]
