"""Wagtail's own page-type checks for every page model, and an article built through the admin."""

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from home.models import HomePage
from news.models import ArticlePage, NewsIndexPage
from tests import factories


def article_form_data(article, authors=(), body=None, **overrides):
    """The admin edit form's data for ``article``, as the editor would post it."""
    return nested_form_data(
        {
            "title": article.title,
            "slug": article.slug,
            "standfirst": article.standfirst,
            "article_authors": inline_formset([{"author": author.pk} for author in authors]),
            "body": streamfield(
                body
                or [
                    ("paragraph", rich_text("<p>The meeting ran past midnight.</p>")),
                    ("subhead", "Where the money goes"),
                    (
                        "pull_quote",
                        {"quote": "Every ward gets a new park.", "attribution": "Mayor"},
                    ),
                ]
            ),
            "related_links": inline_formset([]),
            "sidebar_promos": inline_formset([]),
            **overrides,
        }
    )


class PageTypeTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = factories.home_page()
        cls.section = factories.make_section("News", parent=cls.home)
        cls.author = factories.make_author("Ada Marsh")
        cls.article = factories.make_article(
            cls.section, "Ferry timetable changes", authors=[cls.author]
        )

    def test_home_page_is_the_site_root(self):
        self.assertIsInstance(self.home, HomePage)
        self.assertCanCreateAt(Page, HomePage)
        self.assertAllowedSubpageTypes(HomePage, {NewsIndexPage})

    def test_sections_only_under_home(self):
        self.assertAllowedParentPageTypes(NewsIndexPage, {HomePage})
        self.assertCanNotCreateAt(NewsIndexPage, NewsIndexPage)
        self.assertCanNotCreateAt(Page, NewsIndexPage)

    def test_articles_only_under_sections(self):
        self.assertAllowedParentPageTypes(ArticlePage, {NewsIndexPage})
        self.assertAllowedSubpageTypes(NewsIndexPage, {ArticlePage})
        self.assertAllowedSubpageTypes(ArticlePage, set())
        self.assertCanNotCreateAt(HomePage, ArticlePage)

    def test_pages_are_routable_renderable_editable_previewable(self):
        for page in (self.home, self.section):
            with self.subTest(page=type(page).__name__):
                self.assertPageIsRoutable(page)
                self.assertPageIsRenderable(page)
                self.assertPageIsEditable(page)
                self.assertPageIsPreviewable(page)

    def test_article_is_routable_renderable_editable_previewable(self):
        # The StreamField editor is built by JavaScript, so its form data is given explicitly.
        post_data = article_form_data(self.article, authors=[self.author])
        self.assertPageIsRoutable(self.article)
        self.assertPageIsRenderable(self.article)
        self.assertPageIsEditable(self.article, post_data=post_data)
        self.assertPageIsPreviewable(self.article, post_data=post_data)

    def test_section_rejects_a_second_home_page(self):
        self.assertCanNotCreateAt(HomePage, HomePage)


class CreateArticleThroughAdminTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.section = factories.make_section("Politics")
        cls.author = factories.make_author("Bea Okafor")
        cls.category = factories.make_category("Elections")

    def setUp(self):
        self.login()

    def test_create_publish_and_read_back(self):
        draft = ArticlePage(
            title="Council approves riverside budget",
            slug="council-approves-riverside-budget",
            standfirst="The vote passed eleven to four after a long night.",
        )
        data = article_form_data(draft, authors=[self.author])
        data["categories"] = [self.category.pk]  # a multi-value field, not a nested form
        self.assertCanCreate(self.section, ArticlePage, data)

        article = ArticlePage.objects.get(slug="council-approves-riverside-budget")
        self.assertTrue(article.live)
        self.assertEqual(article.authors, [self.author])
        self.assertEqual(list(article.categories.all()), [self.category])
        self.assertEqual(
            [block.block_type for block in article.body], ["paragraph", "subhead", "pull_quote"]
        )
        self.assertIsNotNone(article.display_date, "display date defaults to first publication")

        response = self.client.get(article.url)
        self.assertContains(response, "Where the money goes")
        self.assertContains(response, "Every ward gets a new park.")
        self.assertContains(response, "Bea Okafor")
