"""Helpers for tests that drive the admin as the newsroom's writers and editors would."""

import itertools

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from news.models import ArticlePage

PASSWORD = "correct horse battery staple"
_counter = itertools.count(1)


def make_user(group=None, username=None, **fields):
    """A user in one of the groups the migration creates ("Writers", "Editors"), or a superuser."""
    username = username or f"{(group or 'admin').lower()}-{next(_counter)}"
    fields.setdefault("email", f"{username}@newsroom.example")
    fields.setdefault("first_name", username.split("-")[0].title())
    users = get_user_model().objects
    if group is None:
        return users.create_superuser(username=username, password=PASSWORD, **fields)
    user = users.create_user(username=username, password=PASSWORD, **fields)
    user.groups.add(Group.objects.get(name=group))
    return user


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def add_url(parent):
    return reverse("wagtailadmin_pages:add", args=["news", "articlepage", parent.pk])


def preview_url(page):
    return reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])


def body_data(blocks):
    """StreamField form data; paragraphs are given as HTML and converted for the rich text editor."""
    return streamfield(
        [
            (kind, rich_text(value) if kind == "paragraph" else value)
            for kind, value in blocks
        ]
    )


DEFAULT_BLOCKS = [
    ("paragraph", "<p>The ferry will run every twenty minutes from Monday.</p>"),
    ("subhead", "What changes for riders"),
    ("pull_quote", {"quote": "We listened to the night-shift workers.", "attribution": "Chief"}),
]


def article_data(
    title="Ferry timetable doubles evening services",
    slug=None,
    standfirst="The ferry runs until midnight from Monday. Night workers asked for it.",
    authors=(),
    blocks=None,
    page=None,
    categories=(),
    **fields,
):
    """The admin form's POST data for an article, as the editor's browser would send it.

    ``authors`` are Author objects in byline order. When ``page`` is given, its existing byline
    rows are sent with their ids (as the edit form does) and replaced by ``authors``.
    """
    existing = list(page.article_authors.all()) if page is not None else []
    byline = [{"id": link.pk, "author": link.author_id, "DELETE": "1"} for link in existing]
    byline += [{"author": author.pk} for author in authors]
    data = {
        "title": title,
        "slug": slug or (page.slug if page is not None else "ferry-timetable"),
        "standfirst": standfirst,
        "article_authors": inline_formset(byline, initial=len(existing), min=1),
        "body": body_data(blocks if blocks is not None else DEFAULT_BLOCKS),
        "related_links": inline_formset([]),
        "sidebar_promos": inline_formset([], max=3),
        "tags": "",
        **fields,
    }
    data = {key: value for key, value in data.items() if value is not None}
    form_data = nested_form_data(data)
    # nested_form_data would number a list's items like a formset; a multiple choice field
    # posts the same name several times instead.
    form_data["categories"] = [str(category.pk) for category in categories]
    return form_data


def error_messages(response):
    """The form's field and non-field errors, as the re-rendered editor shows them."""
    form = response.context["form"]
    messages = [message for errors in form.errors.values() for message in errors]
    for formset in form.formsets.values():
        messages += list(formset.non_form_errors())
        for child_errors in formset.errors:
            messages += [message for errors in child_errors.values() for message in errors]
    return messages


def live_article(pk):
    return ArticlePage.objects.get(pk=pk)
