"""The curation desk in the Wagtail admin.

- Newsroom › Publisher feeds (Editors): each feed's address, switch, default section and
  categories, and how its last fetch went.
- Incoming (Writers and Editors): stories from every feed, newest first, filtered by publisher,
  section and status, searchable; each can be drafted from, dismissed or marked as already
  covered. "Add from a link" drafts from any article address.
"""

from django import forms
from django.contrib.admin.utils import quote
from django.core.exceptions import PermissionDenied
from django.core.validators import URLValidator
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import re_path, reverse
from django.utils.decorators import method_decorator
from django.utils.html import format_html
from django.views.decorators.http import require_http_methods
from wagtail.admin import messages
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.widgets import AdminPageChooser
from wagtail_modeladmin.helpers import ButtonHelper
from wagtail_modeladmin.options import ModelAdmin
from wagtail_modeladmin.views import WMABaseView

from news.curation.drafting import (
    DraftError,
    dismiss,
    draft_from_link,
    draft_from_story,
    mark_covered,
)
from news.curation.fetching import FetchError
from news.models import ArticlePage, IncomingStory, NewsIndexPage, PublisherFeed


def sections_for(user):
    """Sections where ``user`` may add articles."""
    return [
        section
        for section in NewsIndexPage.objects.order_by("path")
        if section.permissions_for_user(user).can_add_subpage()
    ]


class SectionField(forms.ModelChoiceField):
    def __init__(self, user, **kwargs):
        sections = sections_for(user)
        super().__init__(
            queryset=NewsIndexPage.objects.filter(pk__in=[section.pk for section in sections]),
            empty_label=None,
            help_text="The draft is made in this section.",
            **kwargs,
        )


class DraftForm(forms.Form):
    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["section"] = SectionField(user)


class AddFromLinkForm(DraftForm):
    url = forms.URLField(
        label="Article address",
        max_length=1000,
        assume_scheme="https",
        validators=[URLValidator(schemes=["http", "https"])],
        help_text="The story's page on the publisher's site (http or https).",
    )
    field_order = ["url", "section"]


class CoveredForm(forms.Form):
    article = forms.ModelChoiceField(
        queryset=ArticlePage.objects.all(),
        widget=AdminPageChooser(target_models=[ArticlePage]),
        help_text="Our article that already tells this story.",
    )


class IncomingButtonHelper(ButtonHelper):
    def add_button(self, *args, **kwargs):
        return {
            **super().add_button(*args, **kwargs),
            "label": "Add from a link",
            "title": "Draft an article from any story's address",
        }

    def _action_button(self, action, pk, label, title, primary=False):
        return {
            "url": self.url_helper.get_action_url(action, quote(pk)),
            "label": label,
            "classname": "button button-small" + ("" if primary else " button-secondary"),
            "title": title,
        }

    def get_buttons_for_obj(self, obj, exclude=None, classnames_add=None, classnames_exclude=None):
        user = self.request.user
        if not self.permission_helper.user_can_edit_obj(user, obj):
            return []
        if obj.article_id:
            # Drafted already: the only action left is opening the article, if the user may.
            article_url = AdminURLFinder(user).get_edit_url(obj.article)
            if article_url is None:
                return []
            return [
                {
                    "url": article_url,
                    "label": "Open the article",
                    "classname": "button button-small button-secondary",
                    "title": f"Edit “{obj.article.title}”",
                }
            ]
        buttons = [
            self._action_button("draft", obj.pk, "Draft from this", "Make a draft article", True)
        ]
        if obj.status != IncomingStory.Status.DISMISSED:
            buttons.append(self._action_button("dismiss", obj.pk, "Dismiss", "Not for us"))
        buttons.append(
            self._action_button(
                "covered", obj.pk, "Already covered", "Link it to an article we already ran"
            )
        )
        return buttons


class AddFromLinkView(WMABaseView):
    page_title = "Add from a link"
    template_name = "news/curation/add_from_link.html"

    def check_action_permitted(self, user):
        return self.permission_helper.user_can_create(user)

    def get_page_title(self):
        return self.page_title

    def dispatch(self, request, *args, **kwargs):
        self.form = AddFromLinkForm(request.POST or None, user=request.user)
        return super().dispatch(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        if not self.form.is_valid():
            messages.validation_error(request, "The draft could not be made.", self.form)
            return self.get(request, *args, **kwargs)
        try:
            outcome = draft_from_link(
                self.form.cleaned_data["url"], self.form.cleaned_data["section"], request.user
            )
        except (FetchError, DraftError) as error:
            messages.error(request, f"No draft was made: {error}")
            return self.get(request, *args, **kwargs)
        return _to_draft(request, outcome)

    def get_context_data(self, **kwargs):
        return super().get_context_data(form=self.form, **kwargs)


def _to_draft(request, outcome):
    page = outcome.page
    messages.success(
        request,
        f"Draft “{page.title}” made in {page.section.title}. Write the summary in our own "
        "words; quotes from the original are in the “Original story” side panel.",
    )
    if outcome.warning:
        messages.warning(request, outcome.warning)
    if page.publisher and not page.publisher.active:
        messages.warning(
            request,
            f"“{page.publisher.name}” is a new publisher: an Editor should check it in "
            "Newsroom › Publishers.",
        )
    return redirect("wagtailadmin_pages:edit", page.pk)


@method_decorator(require_http_methods(["GET", "POST"]), name="dispatch")
class StoryActionView(WMABaseView):
    """Confirm and carry out one action on an incoming story."""

    action = ""
    instance_pk = None
    template_name = "news/curation/story_action.html"
    titles = {
        "draft": "Draft from this story",
        "dismiss": "Dismiss this story",
        "covered": "Already covered",
    }

    def __init__(self, model_admin, action, instance_pk):
        super().__init__(model_admin)
        self.action = action
        self.instance_pk = instance_pk

    def check_action_permitted(self, user):
        self.story = get_object_or_404(
            IncomingStory.objects.select_related("publisher", "feed", "section", "article"),
            pk=self.instance_pk,
        )
        return self.permission_helper.user_can_edit_obj(user, self.story)

    def get_page_title(self):
        return self.titles[self.action]

    def get_form(self):
        data = self.request.POST or None
        if self.action == "draft":
            initial = self.story.section or (self.story.feed and self.story.feed.section)
            return DraftForm(data, user=self.request.user, initial={"section": initial})
        if self.action == "covered":
            return CoveredForm(data)
        return None

    def get(self, request, *args, **kwargs):
        return self.render(self.get_form())

    def render(self, form):
        return TemplateResponse(
            self.request,
            self.template_name,
            self.get_context_data(form=form, story=self.story, action=self.action),
        )

    def post(self, request, *args, **kwargs):
        story, form = self.story, self.get_form()
        if form is not None and not form.is_valid():
            messages.validation_error(request, "Please check the form.", form)
            return self.render(form)
        if self.action == "dismiss":
            dismiss(story, request.user)
            messages.success(request, f"Dismissed “{story.title}”.")
            return redirect(self.index_url)
        if self.action == "covered":
            mark_covered(story, form.cleaned_data["article"], request.user)
            messages.success(
                request, f"“{story.title}” is covered by “{form.cleaned_data['article'].title}”."
            )
            return redirect(self.index_url)
        section = form.cleaned_data["section"]
        if not section.permissions_for_user(request.user).can_add_subpage():
            raise PermissionDenied
        try:
            outcome = draft_from_story(story, section, request.user)
        except DraftError as error:
            messages.error(request, f"No draft was made: {error}")
            return redirect(self.index_url)
        return _to_draft(request, outcome)


class IncomingStoryAdmin(ModelAdmin):
    model = IncomingStory
    menu_label = "Incoming"
    menu_icon = "download"
    menu_order = 205
    base_url_path = "incoming"
    list_display = ("headline", "publisher", "section", "sort_date", "status", "article_link")
    list_display_add_buttons = "headline"
    list_filter = ("status", "publisher", "section")
    search_fields = ("title", "summary", "authors")
    ordering = ("-sort_date", "-pk")
    list_per_page = 50
    inspect_view_enabled = True
    inspect_view_fields = (
        "title",
        "summary",
        "link",
        "canonical_url",
        "publisher",
        "feed",
        "published_at",
        "arrived_at",
        "authors",
        "image_url",
        "categories",
        "status",
        "article",
        "page_fetched_at",
    )
    button_helper_class = IncomingButtonHelper
    create_view_class = AddFromLinkView

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("publisher", "section", "article")

    def headline(self, story):
        # format_html escapes: the title and summary came from outside.
        return format_html(
            "<strong>{}</strong><br><small>{}</small>", story.title, story.summary[:240]
        )

    headline.short_description = "Story"

    def article_link(self, story):
        if not story.article_id:
            return ""
        return format_html(
            '<a href="{}">{}</a>',
            reverse("wagtailadmin_pages:edit", args=[story.article_id]),
            story.article.title,
        )

    article_link.short_description = "Article"

    def story_action_view(self, request, instance_pk, action):
        return StoryActionView.as_view(model_admin=self, action=action, instance_pk=instance_pk)(
            request
        )

    def get_admin_urls_for_registration(self):
        urls = super().get_admin_urls_for_registration()
        actions = tuple(
            re_path(
                self.url_helper.get_action_url_pattern(action),
                self.story_action_view,
                {"action": action},
                name=self.url_helper.get_action_url_name(action),
            )
            for action in StoryActionView.titles
        )
        return urls + actions


class PublisherFeedAdmin(ModelAdmin):
    model = PublisherFeed
    menu_label = "Publisher feeds"
    menu_icon = "link"
    list_display = (
        "url",
        "publisher",
        "active",
        "section",
        "last_fetched_at",
        "last_status",
        "last_error",
        "items_seen",
    )
    list_filter = ("active", "publisher")
    search_fields = ("url", "publisher__name")
    ordering = ("publisher__name", "url")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("publisher", "section")
