"""The newsroom's roles are exactly Writers and Editors (plus superusers), set up by migrations:
every permission each group holds is listed here, so a new one is a deliberate change."""

from django.contrib.auth.models import Group
from wagtail.models import GroupApprovalTask, Workflow


def model_permissions(group):
    return {f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.all()}


def page_permissions(group):
    return {
        (perm.page.specific_class.__name__, perm.permission.codename)
        for perm in group.page_permissions.select_related("page", "permission")
    }


def collection_permissions(group):
    return {
        (perm.collection.name, perm.permission.codename)
        for perm in group.collection_permissions.select_related("collection", "permission")
    }


def crud(app_label, model, actions=("add", "change", "delete", "view")):
    return {f"{app_label}.{action}_{model}" for action in actions}


def test_the_only_groups_are_writers_and_editors(home):
    assert set(Group.objects.values_list("name", flat=True)) == {"Writers", "Editors"}


def test_no_workflow_waits_for_moderators(home):
    assert list(Workflow.objects.values_list("name", flat=True)) == ["Editorial review"]
    assert list(GroupApprovalTask.objects.values_list("name", flat=True)) == ["Editors approve"]


def test_writers_permissions(home):
    writers = Group.objects.get(name="Writers")
    assert model_permissions(writers) == {
        "wagtailadmin.access_admin",
        # The curation desk: see incoming stories, draft from them, dismiss them.
        *crud("news", "incomingstory", ("add", "change", "view")),
    }
    assert page_permissions(writers) == {("HomePage", "add_page"), ("HomePage", "change_page")}
    assert collection_permissions(writers) == {
        ("Root", "add_image"),
        ("Root", "change_image"),
        ("Root", "choose_image"),
    }


def test_editors_permissions(home):
    editors = Group.objects.get(name="Editors")
    assert model_permissions(editors) == {
        "wagtailadmin.access_admin",
        # Sign-in lockouts: see who is locked out and lift the lock.
        "axes.view_accessattempt",
        "axes.delete_accessattempt",
        *crud("news", "author"),
        *crud("news", "category"),
        *crud("news", "publisher"),
        *crud("news", "sidebarsnippet"),
        *crud("news", "incomingstory"),
        *crud("news", "publisherfeed"),
        *crud("news", "sidebarsnippet", ("publish", "lock", "unlock")),
        *crud("wagtailsearchpromotions", "searchpromotion"),
        *crud("wagtailsearchpromotions", "query"),
        *crud("wagtailsearchpromotions", "querydailyhits"),
        *crud("wagtailimages", "image", ("add", "change", "delete", "choose")),
        *crud("wagtaildocs", "document", ("add", "change", "delete", "choose")),
    }
    assert page_permissions(editors) == {
        ("HomePage", f"{action}_page")
        for action in ("add", "change", "publish", "lock", "unlock", "bulk_delete")
    }
    assert collection_permissions(editors) == {
        ("Root", f"{action}_{kind}")
        for action in ("add", "change", "delete", "choose")
        for kind in ("image", "document")
    }
