"""Writers may delete only their own drafts that never went live; anything else needs an Editor."""

import pytest
from django.urls import reverse
from wagtail.models import Page

from news.models import ArticlePage
from tests import factories


def delete(client, user, page):
    client.force_login(user)
    return client.post(reverse("wagtailadmin_pages:delete", args=[page.pk]))


def bulk_delete(client, user, page):
    client.force_login(user)
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "delete"])
    return client.post(f"{url}?id={page.pk}", {"id": [page.pk]})


def exists(page):
    return Page.objects.filter(pk=page.pk).exists()


@pytest.mark.parametrize("how", [delete, bulk_delete])
def test_writer_cannot_delete_an_editors_draft(client, section, writer, editor, how):
    draft = factories.make_article(section, "Editor's draft", publish=False, owner=editor)
    how(client, writer, draft)
    assert exists(draft)


def test_writer_cannot_delete_another_writers_draft(client, section, writer):
    colleague = factories.make_article(section, "Colleague's draft", publish=False)
    response = delete(client, writer, colleague)
    assert response.status_code in (302, 403)
    assert exists(colleague)


def test_writer_deletes_own_draft(client, section, writer):
    draft = factories.make_article(section, "My draft", publish=False, owner=writer)
    delete(client, writer, draft)
    assert not exists(draft)


def test_writer_cannot_delete_own_article_once_published(client, section, writer):
    article = factories.make_article(section, "Went out once", owner=writer)
    article.unpublish()
    assert not ArticlePage.objects.get(pk=article.pk).live
    delete(client, writer, article)
    assert exists(article)


def test_writer_sees_no_delete_action_on_others_drafts(section, writer, editor):
    draft = factories.make_article(section, "Editor's draft", publish=False, owner=editor)
    own = factories.make_article(section, "Own draft", publish=False, owner=writer)
    assert not draft.permissions_for_user(writer).can_delete()
    assert not Page.objects.get(pk=draft.pk).permissions_for_user(writer).can_delete()
    assert own.permissions_for_user(writer).can_delete()


def test_editor_deletes_a_writers_draft_and_a_published_article(client, section, writer, editor):
    draft = factories.make_article(section, "Writer's draft", publish=False, owner=writer)
    published = factories.make_article(section, "Published", owner=writer)
    delete(client, editor, draft)
    delete(client, editor, published)
    assert not exists(draft)
    assert not exists(published)
