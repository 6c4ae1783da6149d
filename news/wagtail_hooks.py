"""Admin registration.

Authors and promos are snippets: editors pick them with choosers, and promos get drafts, revisions
and preview. Categories and publishers are reference data, managed in list views (modeladmin).
"""

from django.contrib.admin import SimpleListFilter
from django.db.models import Count
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet
from wagtail_modeladmin.options import ModelAdmin, ModelAdminGroup, modeladmin_register

from news.curation.admin import IncomingStoryAdmin, PublisherFeedAdmin
from news.curation.editor import edit_with_original_story
from news.models import Author, Category, Publisher, SidebarSnippet


class AuthorViewSet(SnippetViewSet):
    model = Author
    icon = "user"
    menu_label = "Authors"
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["name", "role", "slug"]
    search_fields = ["name", "role"]


class SidebarSnippetViewSet(SnippetViewSet):
    model = SidebarSnippet
    icon = "pick"
    menu_label = "Sidebar promos"
    menu_order = 220
    add_to_admin_menu = True
    list_display = ["title", "cta_label", "sitewide"]
    list_filter = ["live", "sitewide"]
    search_fields = ["title"]


register_snippet(AuthorViewSet)
register_snippet(SidebarSnippetViewSet)


class InUseFilter(SimpleListFilter):
    title = "articles"
    parameter_name = "in_use"

    def lookups(self, request, model_admin):
        return [("yes", "Has articles"), ("no", "No articles yet")]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(article_count__gt=0)
        if self.value() == "no":
            return queryset.filter(article_count=0)
        return queryset


class ArticleCountMixin:
    def get_queryset(self, request):
        return (
            super().get_queryset(request).annotate(article_count=Count("articles", distinct=True))
        )

    def articles(self, obj):
        return obj.article_count

    articles.admin_order_field = "article_count"


class CategoryAdmin(ArticleCountMixin, ModelAdmin):
    model = Category
    menu_icon = "tag"
    list_display = ("name", "slug", "articles")
    list_filter = (InUseFilter,)
    search_fields = ("name", "description")
    ordering = ("name",)


class PublisherAdmin(ArticleCountMixin, ModelAdmin):
    model = Publisher
    menu_icon = "globe"
    list_display = ("name", "homepage_url", "tagline", "active", "articles")
    list_filter = (InUseFilter, "active")
    search_fields = ("name", "tagline", "homepage_url")
    ordering = ("name",)


@modeladmin_register
class NewsroomGroup(ModelAdminGroup):
    menu_label = "Newsroom"
    menu_icon = "folder-open-inverse"
    menu_order = 200
    items = (CategoryAdmin, PublisherAdmin, PublisherFeedAdmin)


# The curation desk (news/curation): incoming stories, and where a draft came from.
modeladmin_register(IncomingStoryAdmin)
hooks.register("before_edit_page", edit_with_original_story)


# Dashboard: the newsroom's own panels next to Wagtail's (see news/dashboard.py).
@hooks.register("construct_homepage_panels")
def add_newsroom_dashboard_panels(request, panels):
    from news.dashboard import newsroom_panels

    panels.extend(newsroom_panels())
