"""Helpers for tests that drive the admin as the newsroom's writers and editors would."""

import itertools

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    querydict_from_html,
    rich_text,
    streamfield,
)

PASSWORD = "correct horse battery staple"
_counter = itertools.count(1)


def make_user(group=None, username=None, **fields):
    """A user in one of the groups the migration creates ("Writers", "Editors"), or a superuser."""
    username = username or f"{(group or 'admin').lower()}-{next(_counter)}"
    fields.setdefault("email", f"{username}@newsroom.example")
    first, _, last = username.partition("-")
    fields.setdefault("first_name", first.title())
    fields.setdefault("last_name", last.title())
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
    """StreamField form data; rich text (paragraphs, quoted passages) is given as HTML."""

    def form_value(kind, value):
        if kind == "paragraph":
            return rich_text(value)
        if kind == "quoted_passage":
            return {**value, "passage": rich_text(value["passage"])}
        return value

    return streamfield([(kind, form_value(kind, value)) for kind, value in blocks])


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
    categories=(),
    **fields,
):
    """The create form's POST data for a new article, as the editor's browser would send it.

    ``authors`` are Author objects in byline order.
    """
    data = {
        "title": title,
        "slug": slug or "ferry-timetable",
        "standfirst": standfirst,
        "article_authors": inline_formset([{"author": author.pk} for author in authors], min=1),
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


def blocks_of(page):
    """The page's latest body as (type, value) pairs in the shape ``body_data`` takes."""
    blocks = []
    for block in page.get_latest_revision_as_object().body:
        value = block.value
        if block.block_type == "paragraph":
            value = value.source
        elif block.block_type == "quoted_passage":
            value = {"passage": value["passage"].source, "source": value["source"]}
        elif block.block_type == "pull_quote":
            value = {"quote": value["quote"], "attribution": value["attribution"]}
        elif block.block_type != "subhead":
            raise ValueError(f"blocks_of() does not handle {block.block_type} blocks")
        blocks.append((block.block_type, value))
    return blocks


def edit_data(client, page, blocks=None, **changes):
    """What the edit form posts for ``page``, read from the edit view, with ``changes`` applied.

    Plain inputs, choosers, inline panels and settings come from the rendered form, exactly as the
    browser would send them. The StreamField editor builds its inputs in JavaScript, so the body
    is sent from ``blocks`` (default: the page's latest body).
    """
    response = client.get(edit_url(page))
    assert response.status_code == 200, response.status_code
    data = querydict_from_html(response.content.decode(), form_id="page-edit-form")
    for key in [key for key in data if key.startswith("body-")]:
        del data[key]
    blocks = blocks_of(page) if blocks is None else blocks
    data.update(nested_form_data({"body": body_data(blocks)}))
    for key, value in changes.items():
        if isinstance(value, list):
            data.setlist(key, value)
        else:
            data[key] = value
    return data


def add_byline(data, author):
    """Put ``author`` in the byline, as the editor would: in the empty author slot the form
    offers (it shows one when the byline is empty), else in a new one ("Add author")."""
    total = int(data["article_authors-TOTAL_FORMS"])
    empty = [
        index
        for index in range(total)
        if not data.get(f"article_authors-{index}-author")
        and not data.get(f"article_authors-{index}-id")
    ]
    index = empty[0] if empty else total
    data[f"article_authors-{index}-author"] = str(author.pk)
    data[f"article_authors-{index}-id"] = ""
    data[f"article_authors-{index}-ORDER"] = str(index + 1)
    data[f"article_authors-{index}-DELETE"] = ""
    data["article_authors-TOTAL_FORMS"] = str(max(total, index + 1))
    return data


def _flatten(data):
    """Messages from a StreamField error's JSON form (nested dicts and lists of strings)."""
    if isinstance(data, str):
        return [data]
    if isinstance(data, dict):
        return [message for value in data.values() for message in _flatten(value)]
    if isinstance(data, list):
        return [message for value in data for message in _flatten(value)]
    return []


def error_messages(response):
    """Every error the re-rendered editor shows: fields, StreamField blocks and inline panels."""
    form = response.context["form"]
    messages = []
    for errors in form.errors.as_data().values():
        for error in errors:
            if hasattr(error, "as_json_data"):  # a StreamField block error
                messages += _flatten(error.as_json_data())
            else:
                messages += list(error.messages)
    for formset in form.formsets.values():
        messages += list(formset.non_form_errors())
        for child_errors in formset.errors:
            messages += [message for errors in child_errors.values() for message in errors]
    return messages
