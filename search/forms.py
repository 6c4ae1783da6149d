"""The reader's search form: free text plus filters, validated like any other input."""

from datetime import date

from django import forms

from news.models import Author, Category, NewsIndexPage

MAX_QUERY_LENGTH = 200
MAX_QUERY_WORDS = 32
# Dates outside these are typing slips; they would also overflow local-midnight arithmetic.
EARLIEST_DATE = date(1800, 1, 1)
LATEST_DATE = date(2999, 12, 31)
SORT_CHOICES = [("relevance", "Most relevant"), ("newest", "Newest first")]


def clean_query_text(raw):
    """Keep plain words only, in a bounded amount.

    SQLite's FTS5 rejects unbalanced double quotes and recursion-limits very long queries, and
    PostgreSQL refuses null bytes, so those never reach the backend.
    """
    text = "".join(
        " " if ch in '"\x00' or not ch.isprintable() else ch for ch in raw[: MAX_QUERY_LENGTH * 4]
    )
    # A "word" without a letter or digit ("&", "–", an emoji) can match nothing, and every word
    # must match: "bus & fares" would find nothing at all.
    words = [word for word in text.split() if any(ch.isalnum() for ch in word)]
    return " ".join(words[:MAX_QUERY_WORDS])[:MAX_QUERY_LENGTH].strip()


class QueryField(forms.CharField):
    """The words to search for, cleaned (``clean_query_text``) before anything else looks at them:
    a null byte is removed rather than refused, and an empty query is allowed."""

    def __init__(self, **kwargs):
        super().__init__(required=False, **kwargs)

    def to_python(self, value):
        return clean_query_text(super().to_python(value))


class SlugChoiceField(forms.ModelChoiceField):
    def __init__(self, queryset, **kwargs):
        super().__init__(queryset, to_field_name="slug", required=False, **kwargs)
        label = kwargs.get("label", "value")
        self.error_messages["invalid_choice"] = f"There is no such {label} to filter by."


class SearchForm(forms.Form):
    query = QueryField(label="Search the site")
    section = SlugChoiceField(NewsIndexPage.objects.none(), label="section")
    category = SlugChoiceField(Category.objects.all(), label="category")
    author = SlugChoiceField(Author.objects.all(), label="author")
    date_from = forms.DateField(required=False, label="From", input_formats=["%Y-%m-%d"])
    date_to = forms.DateField(required=False, label="To", input_formats=["%Y-%m-%d"])
    sort = forms.ChoiceField(choices=SORT_CHOICES, required=False, label="Sort by")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Public sections only, checked in clean_section: public() asks the database at once,
        # which a search without a section filter would pay for nothing.
        self.fields["section"].queryset = NewsIndexPage.objects.live()
        for name in ("date_from", "date_to"):
            self.fields[name].error_messages["invalid"] = "Enter dates like 2026-11-29."
        self.fields["sort"].error_messages["invalid_choice"] = "Sort by relevance or newest."

    def clean_section(self):
        section = self.cleaned_data.get("section")
        if section and not NewsIndexPage.objects.live().public().filter(pk=section.pk).exists():
            raise forms.ValidationError(
                self.fields["section"].error_messages["invalid_choice"], code="invalid_choice"
            )
        return section

    def _clean_date(self, name):
        value = self.cleaned_data.get(name)
        if value and not EARLIEST_DATE <= value <= LATEST_DATE:
            raise forms.ValidationError(
                f"Enter a date between {EARLIEST_DATE.year} and {LATEST_DATE.year}."
            )
        return value

    def clean_date_from(self):
        return self._clean_date("date_from")

    def clean_date_to(self):
        return self._clean_date("date_to")

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and start > end:
            self.add_error("date_to", "The end date is before the start date.")
        if not cleaned.get("sort"):
            cleaned["sort"] = "relevance"
        return cleaned

    @property
    def active_filters(self):
        return {
            name: self.cleaned_data[name]
            for name in ("section", "category", "author", "date_from", "date_to")
            if self.cleaned_data.get(name)
        }
