"""Writers, Editors and the "Editorial review" workflow, through the admin views they use."""

from django.contrib.auth.models import Group
from django.core import mail
from django.urls import reverse
from wagtail.models import GroupPagePermission, Page, WorkflowState

from news.models import ArticlePage
from tests import editorial, factories


def page_codenames(group_name):
    return {
        (perm.page.specific_class.__name__, perm.permission.codename)
        for perm in GroupPagePermission.objects.filter(group__name=group_name).select_related(
            "page", "permission"
        )
    }


def test_migration_sets_up_groups_on_the_home_page(home):
    assert page_codenames("Writers") == {("HomePage", "add_page"), ("HomePage", "change_page")}
    assert page_codenames("Editors") == {
        ("HomePage", f"{action}_page")
        for action in ["add", "change", "publish", "lock", "unlock", "bulk_delete"]
    }
    writers = Group.objects.get(name="Writers")
    writer_perms = {f"{p.content_type.app_label}.{p.codename}" for p in writers.permissions.all()}
    assert writer_perms == {
        "wagtailadmin.access_admin",
        # The curation desk: incoming stories, drafts from them and from pasted links.
        "news.add_incomingstory",
        "news.change_incomingstory",
        "news.view_incomingstory",
    }
    editors = Group.objects.get(name="Editors")
    editor_perms = {f"{p.content_type.app_label}.{p.codename}" for p in editors.permissions.all()}
    assert {
        "news.publish_sidebarsnippet",
        "news.lock_sidebarsnippet",
        "news.unlock_sidebarsnippet",
        "news.change_sidebarsnippet",
        "news.delete_author",
        "news.add_category",
        "news.change_publisher",
        "wagtailsearchpromotions.add_searchpromotion",
        "wagtailsearchpromotions.change_searchpromotion",
        "wagtailsearchpromotions.delete_searchpromotion",
        "news.change_incomingstory",
        "news.add_publisherfeed",
        "news.change_publisherfeed",
        "news.delete_publisherfeed",
    } <= editor_perms


def test_every_section_and_article_goes_through_editorial_review(section):
    article = factories.make_article(section, "Any story", publish=False)
    for page in (factories.home_page(), section, article):
        workflow = page.get_workflow()
        assert workflow is not None
        assert workflow.name == "Editorial review"
        assert [task.name for task in workflow.tasks] == ["Editors approve"]
        task = workflow.tasks.first().specific
        assert [group.name for group in task.groups.all()] == ["Editors"]


def test_writer_creates_and_submits_but_cannot_publish(client, section, writer, editor, author):
    client.force_login(writer)
    data = editorial.article_data(
        "Harbour wall repairs begin", slug="harbour-wall", authors=[author]
    )
    response = client.post(editorial.add_url(section), {**data, "action-submit": "Submit"})
    assert response.status_code == 302

    article = ArticlePage.objects.get(slug="harbour-wall")
    assert not article.live
    assert article.workflow_in_progress
    assert article.current_workflow_task.name == "Editors approve"

    # Submission emails the reviewers (console backend locally, locmem here).
    submitted = [m for m in mail.outbox if editor.email in m.to]
    assert submitted, [m.subject for m in mail.outbox]
    assert "Harbour wall repairs begin" in submitted[0].subject + submitted[0].body
    assert submitted[0].alternatives, (
        "HTML notifications are on (WAGTAILADMIN_NOTIFICATION_USE_HTML)"
    )

    # "Publish" from a writer is only a save: nothing goes live.
    data = editorial.edit_data(client, article)
    response = client.post(editorial.edit_url(article), {**data, "action-publish": "Publish"})
    assert response.status_code in (200, 302)
    article.refresh_from_db()
    assert not article.live
    assert client.get(f"{section.url}harbour-wall/").status_code == 404


def test_writer_cannot_approve_but_editor_can(client, section, writer, editor, author):
    client.force_login(writer)
    data = editorial.article_data("Night buses return", slug="night-buses", authors=[author])
    client.post(editorial.add_url(section), {**data, "action-submit": "Submit"})
    article = ArticlePage.objects.get(slug="night-buses")
    task_state = article.current_workflow_state.current_task_state
    approve = reverse(
        "wagtailadmin_pages:workflow_action", args=[article.pk, "approve", task_state.pk]
    )
    mail.outbox.clear()

    response = client.post(approve)
    assert response.status_code in (302, 403)
    article.refresh_from_db()
    assert not article.live
    assert article.workflow_in_progress

    client.force_login(editor)
    dashboard = client.get(reverse("wagtailadmin_home"))
    assert "Night buses return" in dashboard.content.decode(), "Wagtail's 'Awaiting your review'"
    response = client.post(approve)
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.live
    assert not article.workflow_in_progress
    assert WorkflowState.objects.filter(status="approved").count() == 1
    assert any(writer.email in m.to for m in mail.outbox), "the writer hears it was approved"

    client.logout()
    public = client.get(article.url)
    assert public.status_code == 200
    assert "Night buses return" in public.content.decode()


def test_editor_publishes_and_unpublishes(client, section, editor, author):
    article = factories.make_article(section, "Market hall reopens", publish=False)
    client.force_login(editor)
    data = editorial.add_byline(editorial.edit_data(client, article), author)
    response = client.post(editorial.edit_url(article), {**data, "action-publish": "Publish"})
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.live

    unpublish = reverse("wagtailadmin_pages:unpublish", args=[article.pk])
    assert client.post(unpublish).status_code == 302
    article.refresh_from_db()
    assert not article.live


def test_writer_cannot_manage_promos_categories_or_publishers(client, writer):
    promo = factories.make_promo("Join the readers' panel")
    client.force_login(writer)
    edit_promo = reverse("wagtailsnippets_news_sidebarsnippet:edit", args=[promo.pk])
    response = client.get(edit_promo)
    assert response.status_code in (302, 403)
    assert "Join the readers" not in response.content.decode()
    assert client.get(reverse("wagtailsnippets_news_sidebarsnippet:list")).status_code in (302, 403)
    assert client.get("/admin/news/category/").status_code in (302, 403)
    assert client.get("/admin/news/publisher/").status_code in (302, 403)


def test_writer_can_choose_authors_and_images(client, writer, author):
    factories.make_image(title="Harbour at dawn")
    client.force_login(writer)
    authors = client.get(reverse("wagtailsnippetchoosers_news_author:choose"))
    assert authors.status_code == 200
    assert "Ada Marsh" in authors.content.decode()
    images = client.get(reverse("wagtailimages_chooser:choose"))
    assert images.status_code == 200
    assert "Harbour at dawn" in images.content.decode()


def test_editor_can_manage_promos_and_reference_data(client, editor):
    promo = factories.make_promo("Join the readers' panel", publish=False)
    client.force_login(editor)
    assert (
        client.get(reverse("wagtailsnippets_news_sidebarsnippet:edit", args=[promo.pk])).status_code
        == 200
    )
    assert client.get("/admin/news/category/").status_code == 200
    assert client.get("/admin/news/publisher/").status_code == 200
    assert client.get(reverse("wagtailsnippets_news_author:list")).status_code == 200


def test_anonymous_users_are_sent_to_login_and_never_see_drafts(client, section):
    draft = factories.make_article(section, "Embargoed budget story", publish=False)
    login = reverse("wagtailadmin_login")
    for url in [
        reverse("wagtailadmin_home"),
        editorial.edit_url(draft),
        editorial.preview_url(draft),
        reverse("wagtailadmin_pages:view_draft", args=[draft.pk]),
    ]:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(login), url
    response = client.post(editorial.preview_url(draft), editorial.article_data(slug=draft.slug))
    assert response.status_code == 302
    assert response["Location"].startswith(login)

    assert client.get(f"{section.url}{draft.slug}/").status_code == 404
    assert "Embargoed budget story" not in client.get(section.url).content.decode()


def test_editors_manage_search_promotions(client, editor, writer, section):
    article = factories.make_article(section, "Council tax explained")
    index = reverse("wagtailsearchpromotions:index")

    client.force_login(editor)
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Promoted search results" in home, "the settings menu lists it"
    assert client.get(index).status_code == 200
    response = client.post(
        reverse("wagtailsearchpromotions:add"),
        {
            "query_string": "council tax",
            "editors_picks-TOTAL_FORMS": "1",
            "editors_picks-INITIAL_FORMS": "0",
            "editors_picks-MIN_NUM_FORMS": "0",
            "editors_picks-MAX_NUM_FORMS": "1000",
            "editors_picks-0-page": str(article.pk),
            "editors_picks-0-description": "Our explainer",
            "editors_picks-0-ORDER": "0",
            "editors_picks-0-DELETE": "",
        },
    )
    assert response.status_code == 302
    from wagtail.contrib.search_promotions.models import SearchPromotion

    assert SearchPromotion.objects.filter(page=article, query__query_string="council tax").exists()

    client.force_login(writer)
    assert (
        "Promoted search results" not in client.get(reverse("wagtailadmin_home")).content.decode()
    )
    assert client.get(index).status_code in (302, 403)


def test_home_page_and_tree_root_are_not_writable_by_writers(writer):
    root = Page.get_first_root_node()
    assert not root.permissions_for_user(writer).can_add_subpage()
    home = factories.home_page()
    perms = home.permissions_for_user(writer)
    assert perms.can_add_subpage()
    assert not perms.can_publish()
