"""Admin panels with newsroom rules of their own."""

from modelcluster.forms import BaseChildFormSet
from wagtail.admin.panels import MultipleChooserPanel


class BylineFormSet(BaseChildFormSet):
    """An author row left empty is an unused slot, not an error.

    The editor opens a new article with one empty "Author" row. Counting that row as "no author"
    lets drafts save and preview without one, while publishing (which keeps the panel's
    ``min_num``) still asks for an author, once, through the formset's "too few" message.
    """

    def _construct_form(self, i, **kwargs):
        form = super()._construct_form(i, **kwargs)
        form.fields["author"].required = False
        return form

    def _should_delete_form(self, form):
        return super()._should_delete_form(form) or not form.cleaned_data.get("author")


class BylinePanel(MultipleChooserPanel):
    """Wagtail's multiple chooser (pick several authors in one go), with empty rows allowed."""

    def get_form_options(self):
        options = super().get_form_options()
        options["formsets"][self.relation_name]["formset"] = BylineFormSet
        return options
