"""Newsroom roles and the editorial workflow.

Writers draft and submit articles; Editors approve, publish and manage the reference data.
Every page under the home page goes through the "Editorial review" workflow.

Wagtail's own migrations already made an "Editors" group (add/change on the tree root, images and
documents): this migration scopes its page permissions to the home page and completes it. Wagtail's
"Moderators" group and its "Moderators approval" workflow on the tree root are left as they are;
the home page's own workflow takes precedence for everything under it.

Django and Wagtail create model permissions after migrate (post_migrate), so the ones needed
here are created first. Reversing is a no-op: groups and permissions may have been edited since.
"""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db import migrations

WRITERS = "Writers"
EDITORS = "Editors"
WORKFLOW = "Editorial review"
TASK = "Editors approve"

WRITER_PAGE_PERMISSIONS = ["add", "change"]
EDITOR_PAGE_PERMISSIONS = ["add", "change", "publish", "lock", "unlock", "bulk_delete"]
WRITER_IMAGE_PERMISSIONS = ["add_image", "change_image", "choose_image"]
EDITOR_IMAGE_PERMISSIONS = ["add_image", "change_image", "delete_image", "choose_image"]
EDITOR_DOCUMENT_PERMISSIONS = [
    "add_document", "change_document", "delete_document", "choose_document",
]
# Extra permissions Wagtail gives snippets with drafts and locking (wagtail.snippets, post_migrate).
SNIPPET_EXTRA_PERMISSIONS = ["publish", "lock", "unlock"]
PERMISSION_APPS = ["news", "wagtailimages", "wagtaildocs", "wagtailsearchpromotions", "wagtailadmin"]


def ensure_permissions(apps, using):
    for label in PERMISSION_APPS:
        create_permissions(global_apps.get_app_config(label), verbosity=0, apps=apps, using=using)

    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    promo_type, _ = ContentType.objects.using(using).get_or_create(
        app_label="news", model="sidebarsnippet"
    )
    for action in SNIPPET_EXTRA_PERMISSIONS:
        Permission.objects.using(using).get_or_create(
            content_type=promo_type,
            codename=f"{action}_sidebarsnippet",
            defaults={"name": f"Can {action} sidebar promo"},
        )


def permission(apps, app_label, codename):
    return apps.get_model("auth", "Permission").objects.get(
        content_type__app_label=app_label, codename=codename
    )


def model_permissions(apps, app_label, model):
    return list(
        apps.get_model("auth", "Permission").objects.filter(
            content_type__app_label=app_label, content_type__model=model
        )
    )


def grant_pages(apps, group, page, actions):
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    for action in actions:
        GroupPagePermission.objects.get_or_create(
            group=group, page=page, permission=permission(apps, "wagtailcore", f"{action}_page")
        )


def grant_collection(apps, group, collection, app_label, codenames):
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    for codename in codenames:
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=collection, permission=permission(apps, app_label, codename)
        )


def create_roles_and_workflow(apps, schema_editor):
    using = schema_editor.connection.alias
    ensure_permissions(apps, using)

    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth.Group")
    Collection = apps.get_model("wagtailcore", "Collection")
    Site = apps.get_model("wagtailcore", "Site")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")

    writers, _ = Group.objects.get_or_create(name=WRITERS)
    editors, _ = Group.objects.get_or_create(name=EDITORS)
    access_admin = permission(apps, "wagtailadmin", "access_admin")

    # Model permissions (not tied to a page or collection).
    writers.permissions.add(access_admin)
    editors.permissions.add(
        access_admin,
        *model_permissions(apps, "news", "sidebarsnippet"),
        *model_permissions(apps, "news", "author"),
        *model_permissions(apps, "news", "category"),
        *model_permissions(apps, "news", "publisher"),
        *apps.get_model("auth", "Permission").objects.filter(
            content_type__app_label="wagtailsearchpromotions"
        ),
    )

    # Images and documents: on the root collection, so they cover every collection.
    root_collection = Collection.objects.filter(depth=1).first()
    if root_collection is not None:
        grant_collection(apps, writers, root_collection, "wagtailimages", WRITER_IMAGE_PERMISSIONS)
        grant_collection(apps, editors, root_collection, "wagtailimages", EDITOR_IMAGE_PERMISSIONS)
        grant_collection(
            apps, editors, root_collection, "wagtaildocs", EDITOR_DOCUMENT_PERMISSIONS
        )

    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        return  # No site root to hang page permissions and the workflow on.
    home = site.root_page

    # Page permissions on the home page subtree only.
    GroupPagePermission.objects.filter(group__in=[writers, editors]).exclude(page=home).delete()
    grant_pages(apps, writers, home, WRITER_PAGE_PERMISSIONS)
    grant_pages(apps, editors, home, EDITOR_PAGE_PERMISSIONS)

    # Workflow: one approval step by Editors, for the home page and everything under it.
    task_type, _ = ContentType.objects.get_or_create(
        app_label="wagtailcore", model="groupapprovaltask"
    )
    task = GroupApprovalTask.objects.filter(name=TASK).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK, content_type=task_type, active=True)
    task.groups.add(editors)

    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(page=home, defaults={"workflow": workflow})


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0003_alter_articlepageauthor_author"),
        ("home", "0003_home_page_as_site_root"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailsearchpromotions", "0008_query_verbose_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_roles_and_workflow, migrations.RunPython.noop)]
