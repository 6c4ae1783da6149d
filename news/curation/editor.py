"""The "Original story" side panel on the edit view of a draft made by the curation desk.

It says where the draft came from (feed or pasted link, original address, when the original was
read) and offers the original's quotes to insert as pull quotes.

Wagtail's page edit view has no hook for extra side panels, so ``before_edit_page`` hands such
drafts to a subclass of the edit view that adds one; every other page is left alone.
"""

from wagtail.admin.ui.side_panels import BaseSidePanel
from wagtail.admin.views.pages.edit import EditView

from news.models import ArticlePage, IncomingStory

HANDLED = "_curation_edit_view"


class OriginalStorySidePanel(BaseSidePanel):
    class SidePanelToggle(BaseSidePanel.SidePanelToggle):
        aria_label = "Toggle original story"
        icon_name = "openquote"
        has_counter = False

    name = "original-story"
    title = "Original story"
    template_name = "news/curation/side_panel.html"
    order = 250

    class Media:
        js = ["js/curation-quotes.js"]

    def __init__(self, page, request, story):
        super().__init__(page, request)
        self.story = story

    def get_context_data(self, parent_context):
        return {**super().get_context_data(parent_context), "story": self.story}


class EditViewWithOriginalStory(EditView):
    story = None

    def get_side_panels(self):
        side_panels = super().get_side_panels()
        if not self.expects_json_response:
            side_panels.append(OriginalStorySidePanel(self.page, self.request, self.story))
        return side_panels


def original_story(page):
    if not isinstance(page, ArticlePage) or page.pk is None:
        return None
    return (
        IncomingStory.objects.filter(article_id=page.pk, status=IncomingStory.Status.DRAFTED)
        .select_related("feed", "publisher")
        .order_by("-handled_at")
        .first()
    )


def edit_with_original_story(request, page):
    """The ``before_edit_page`` hook: a desk draft's edit view, with its side panel."""
    if getattr(request, HANDLED, False):
        return None
    story = original_story(page)
    if story is None:
        return None
    setattr(request, HANDLED, True)
    return EditViewWithOriginalStory.as_view(story=story)(request, page_id=page.pk)
