"""Old URLs keep working after a slug change or a move; scheduled content appears and expires.

Scheduling runs Wagtail's real `publish_scheduled` command against database times moved into
the past: nothing is mocked.
"""

from datetime import timedelta

from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Revision

from news.models import ArticlePage, SidebarSnippet
from tests import editorial, factories


def admin_datetime(value):
    """What the admin's date-time picker posts, in the site's time zone."""
    return timezone.localtime(value).strftime("%Y-%m-%d %H:%M")


def listed_titles(client, section):
    response = client.get(section.url)
    assert response.status_code == 200
    return response.content.decode()


# Redirects ---------------------------------------------------------------------------------------


def test_auto_redirects_are_on():
    from django.conf import settings

    assert getattr(settings, "WAGTAILREDIRECTS_AUTO_CREATE", True) is True


def test_changing_a_published_slug_redirects_the_old_url(
    client, section, editor, author, django_capture_on_commit_callbacks
):
    article = factories.make_article(section, "Ferry fares frozen", authors=[author])
    old_url = article.url
    assert client.get(old_url).status_code == 200

    client.force_login(editor)
    data = editorial.edit_data(
        client, article, title="Ferry fares frozen for a year", slug="ferry-fares-frozen-2027"
    )
    # Wagtail announces slug changes once the transaction commits; run those callbacks.
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(editorial.edit_url(article), {**data, "action-publish": "Publish"})
    assert response.status_code == 302
    client.logout()

    article.refresh_from_db()
    assert article.url != old_url
    redirect = Redirect.objects.get(automatically_created=True)
    assert redirect.old_path == Redirect.normalise_path(old_url)
    assert redirect.redirect_page_id == article.pk
    assert redirect.is_permanent
    response = client.get(old_url)
    assert response.status_code == 301
    assert response["Location"].endswith(article.url)
    assert client.get(article.url).status_code == 200


def test_slug_change_approved_through_review_redirects_too(
    client, section, writer, editor, author, django_capture_on_commit_callbacks
):
    article = factories.make_article(section, "Library hours cut", authors=[author])
    old_url = article.url

    client.force_login(writer)
    data = editorial.edit_data(client, article, slug="library-hours-cut-weekends")
    client.post(editorial.edit_url(article), {**data, "action-submit": "Submit"})
    assert client.get(old_url).status_code == 200, "nothing changes before approval"

    article.refresh_from_db()
    task_state = article.current_workflow_state.current_task_state
    client.force_login(editor)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse(
                "wagtailadmin_pages:workflow_action", args=[article.pk, "approve", task_state.pk]
            )
        )
    client.logout()

    response = client.get(old_url)
    assert response.status_code == 301
    assert response["Location"].endswith("/library-hours-cut-weekends/")


def test_moving_an_article_redirects_the_old_url(client, section, editor):
    business = factories.make_section("Business")
    article = factories.make_article(section, "Harbour sale agreed")
    old_url = article.url

    client.force_login(editor)
    response = client.post(
        reverse("wagtailadmin_pages:move_confirm", args=[article.pk, business.pk])
    )
    assert response.status_code == 302
    client.logout()

    article.refresh_from_db()
    assert article.url.startswith(business.url)
    response = client.get(old_url)
    assert response.status_code == 301
    assert response["Location"].endswith(article.url)


# Scheduling --------------------------------------------------------------------------------------


def move_schedule_into_the_past(revision, when):
    """Pretend the go-live time has come: the approved time and the revision's own copy."""
    revision.refresh_from_db()
    content = {**revision.content, "go_live_at": when.isoformat()}
    Revision.objects.filter(pk=revision.pk).update(approved_go_live_at=when, content=content)


def test_scheduled_article_appears_when_its_time_comes(client, section, editor, author):
    article = factories.make_article(section, "Budget embargoed until noon", publish=False)
    go_live_at = timezone.now() + timedelta(hours=3)

    client.force_login(editor)
    data = editorial.edit_data(client, article, go_live_at=admin_datetime(go_live_at))
    editorial.add_byline(data, author)
    response = client.post(editorial.edit_url(article), {**data, "action-publish": "Publish"})
    assert response.status_code == 302
    client.logout()

    article.refresh_from_db()
    assert not article.live
    revision = Revision.objects.get(object_id=str(article.pk), approved_go_live_at__isnull=False)
    public_url = f"{section.url}{article.slug}/"
    assert client.get(public_url).status_code == 404
    assert "Budget embargoed until noon" not in listed_titles(client, section)

    call_command("publish_scheduled")  # too early: nothing happens
    article.refresh_from_db()
    assert not article.live

    move_schedule_into_the_past(revision, timezone.now() - timedelta(minutes=1))
    call_command("publish_scheduled")

    article.refresh_from_db()
    assert article.live
    assert client.get(public_url).status_code == 200
    assert "Budget embargoed until noon" in listed_titles(client, section)
    assert not Revision.objects.filter(approved_go_live_at__isnull=False).exists()


def test_expired_article_disappears(client, section, editor, author):
    article = factories.make_article(section, "Road closed for the fun run", authors=[author])
    client.force_login(editor)
    data = editorial.edit_data(
        client, article, expire_at=admin_datetime(timezone.now() + timedelta(days=1))
    )
    response = client.post(editorial.edit_url(article), {**data, "action-publish": "Publish"})
    assert response.status_code == 302
    client.logout()

    article.refresh_from_db()
    assert article.live
    assert article.expire_at is not None
    call_command("publish_scheduled")
    assert ArticlePage.objects.get(pk=article.pk).live, "not expired yet"

    ArticlePage.objects.filter(pk=article.pk).update(
        expire_at=timezone.now() - timedelta(minutes=1)
    )
    call_command("publish_scheduled")

    article.refresh_from_db()
    assert not article.live
    assert article.expired
    assert client.get(f"{section.url}{article.slug}/").status_code == 404
    assert "Road closed for the fun run" not in listed_titles(client, section)


def test_run_scheduler_once_publishes_scheduled_promos(editor):
    promo = factories.make_promo("Election night live", publish=False, sitewide=True)
    promo.go_live_at = timezone.now() + timedelta(hours=1)
    revision = promo.save_revision(user=editor)
    revision.publish(user=editor)
    promo.refresh_from_db()
    assert not promo.live
    assert promo not in SidebarSnippet.objects.sitewide()

    move_schedule_into_the_past(revision, timezone.now() - timedelta(seconds=5))
    call_command("run_scheduler", "--once")

    promo.refresh_from_db()
    assert promo.live
    assert promo in SidebarSnippet.objects.sitewide()
