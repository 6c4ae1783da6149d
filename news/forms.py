"""Editorial guardrails on the article form, with messages an editor can act on."""

from wagtail.admin.forms import WagtailAdminPageForm

HEADLINE_MAX = 110
NO_AUTHOR_MESSAGE = "Choose at least one author for the byline before publishing."


class ArticlePageForm(WagtailAdminPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The byline's min_num=1 is checked on publish and submit only (Wagtail defers it for
        # drafts and previews; empty rows count as no author, see news.panels). Say what is
        # missing instead of "Please submit at least 1 form.".
        byline = self.formsets.get("article_authors")
        if byline is not None:
            byline.error_messages["too_few_forms"] = NO_AUTHOR_MESSAGE

    def clean(self):
        cleaned = super().clean()
        title = cleaned.get("title") or ""
        if len(title) > HEADLINE_MAX:
            self.add_error(
                "title",
                f"Keep headlines to {HEADLINE_MAX} characters so they fit listings and social cards "
                f"(this one has {len(title)}).",
            )

        source_url = cleaned.get("source_url")
        if source_url and not source_url.startswith("https://"):
            self.add_error("source_url", "Link to the original with an https:// address.")
        if source_url and not cleaned.get("publisher"):
            self.add_error("publisher", "Choose the publisher of the original article.")
        if cleaned.get("publisher") and not source_url and not self.is_deferred_validation:
            self.add_error(
                "source_url", "Add the address of the original article, or clear the publisher."
            )

        # Drafts may be incomplete; what readers see must not be.
        needs_alt_text = not (
            cleaned.get("lead_image_alt_text") or cleaned.get("lead_image_decorative")
        )
        if cleaned.get("lead_image") and needs_alt_text and not self.is_deferred_validation:
            self.add_error(
                "lead_image_alt_text",
                "Describe the image for readers who cannot see it, or mark it as decorative.",
            )
        return cleaned
