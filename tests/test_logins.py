"""Every door that takes a password locks after repeated failures, per account and per client,
with a clear message; Editors lift a lock in the admin."""

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.test import RequestFactory
from django.urls import reverse
from wagtail.models import PageViewRestriction

from newsroom.logins import client_ip
from tests import factories
from tests.editorial import PASSWORD, make_user

LIMIT = settings.AXES_FAILURE_LIMIT
LOGIN_PATHS = ["/admin/login/", "/_util/login/"]


def attempt(client, path, username, password, address="203.0.113.10"):
    return client.post(path, {"username": username, "password": password}, REMOTE_ADDR=address)


def signed_in(client):
    return "_auth_user_id" in client.session


def test_more_failures_than_the_limit_are_possible_only_for_a_reason():
    assert 3 <= LIMIT <= 20


@pytest.mark.parametrize("path", LOGIN_PATHS)
def test_account_locks_after_repeated_failures_even_from_new_addresses(client, db, path):
    user = make_user("Writers", username="locked-writer")
    for number in range(LIMIT):
        attempt(client, path, user.username, "wrong", address=f"198.51.100.{number + 1}")
    response = attempt(client, path, user.username, PASSWORD, address="192.0.2.200")
    assert response.status_code == 429
    assert not signed_in(client)
    page = response.content.decode()
    assert "Too many wrong passwords" in page
    assert "ask an Editor" in page


@pytest.mark.parametrize("path", LOGIN_PATHS)
def test_client_locks_after_failures_on_many_accounts(client, db, path):
    user = make_user("Writers", username="innocent-writer")
    for number in range(LIMIT):
        attempt(client, path, f"guess-{number}", "wrong", address="203.0.113.66")
    assert attempt(client, path, user.username, PASSWORD, address="203.0.113.66").status_code == 429
    assert not signed_in(client)
    # The same account from another network is not affected.
    response = attempt(client, path, user.username, PASSWORD, address="192.0.2.7")
    assert response.status_code == 302
    assert signed_in(client)


def test_a_few_mistakes_do_not_lock_and_success_resets_the_count(client, db):
    user = make_user("Writers", username="clumsy-writer")
    for _ in range(LIMIT - 1):
        attempt(client, "/admin/login/", user.username, "wrong")
    assert attempt(client, "/admin/login/", user.username, PASSWORD).status_code == 302
    client.logout()
    for _ in range(LIMIT - 1):
        attempt(client, "/admin/login/", user.username, "wrong")
    assert attempt(client, "/admin/login/", user.username, PASSWORD).status_code == 302


def test_editor_lifts_a_lock_in_the_admin(client, db):
    user = make_user("Writers", username="forgetful-writer")
    for _ in range(LIMIT):
        attempt(client, "/admin/login/", user.username, "wrong", address="203.0.113.20")
    assert attempt(client, "/admin/login/", user.username, PASSWORD).status_code == 429

    editor = make_user("Editors", username="unlocking-editor")
    client.force_login(editor)
    listing = client.get(reverse("lockouts:index"))
    assert listing.status_code == 200
    assert "forgetful-writer" in listing.content.decode()
    for lock in AccessAttempt.objects.all():
        response = client.post(reverse("lockouts:delete", args=[lock.pk]))
        assert response.status_code == 302
    client.logout()

    assert attempt(client, "/admin/login/", user.username, PASSWORD).status_code == 302
    assert signed_in(client)


def test_writers_cannot_see_or_lift_locks(client, writer):
    client.force_login(writer)
    response = client.get(reverse("lockouts:index"))
    assert response.status_code in (302, 403)


def test_page_password_form_locks_after_repeated_failures(client, section):
    article = factories.make_article(section, "Members-only briefing")
    restriction = PageViewRestriction.objects.create(
        page=article, restriction_type=PageViewRestriction.PASSWORD, password="river-otter-42"
    )
    url = reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, article.pk])

    def submit(password, address="203.0.113.30"):
        return client.post(
            url, {"password": password, "return_url": article.url}, REMOTE_ADDR=address
        )

    assert submit("wrong").status_code == 200  # the form again, with an error
    for _ in range(LIMIT - 1):
        submit("wrong")
    response = submit("river-otter-42")
    assert response.status_code == 429
    assert "password was entered wrongly too many times" in response.content.decode()
    # Guessing from many addresses is limited too: the page's password itself is locked.
    assert submit("river-otter-42", address="192.0.2.99").status_code == 429


def test_page_password_right_first_time_opens_the_page(client, section):
    article = factories.make_article(section, "Members-only briefing")
    restriction = PageViewRestriction.objects.create(
        page=article, restriction_type=PageViewRestriction.PASSWORD, password="river-otter-42"
    )
    url = reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, article.pk])
    response = client.post(url, {"password": "river-otter-42", "return_url": article.url})
    assert response.status_code == 302
    assert client.get(article.url).status_code == 200


def test_reader_login_without_next_lands_on_the_front_page(client, home):
    user = make_user("Writers", username="reader-writer")
    response = attempt(client, "/_util/login/", user.username, PASSWORD)
    assert response.status_code == 302
    assert response["Location"] == "/"
    assert client.get(response["Location"]).status_code == 200


def test_django_admin_is_not_served(client, home):
    assert client.get("/django-admin/").status_code == 404
    assert client.get("/django-admin/login/").status_code == 404


@pytest.mark.parametrize(
    ("peer", "header", "expected"),
    [
        ("127.0.0.1", "198.51.100.4", "198.51.100.4"),  # through the local nginx
        ("::1", "2001:db8::5", "2001:db8::5"),
        ("203.0.113.9", "198.51.100.4", "203.0.113.9"),  # a client claiming another address
        ("127.0.0.1", "not-an-address", "127.0.0.1"),
        ("127.0.0.1", "", "127.0.0.1"),
    ],
)
def test_client_address_trusts_x_real_ip_only_from_the_local_proxy(peer, header, expected):
    request = RequestFactory().get("/", REMOTE_ADDR=peer, HTTP_X_REAL_IP=header)
    assert client_ip(request) == expected
