from news.models.curation import IncomingStory, PublisherFeed
from news.models.pages import (
    ArticlePage,
    ArticlePageAuthor,
    ArticlePagePromo,
    ArticlePageRelated,
    ArticlePageTag,
    NewsIndexPage,
)
from news.models.people import Author
from news.models.promos import SidebarSnippet
from news.models.taxonomy import Category, Publisher

__all__ = [
    "ArticlePage",
    "ArticlePageAuthor",
    "ArticlePagePromo",
    "ArticlePageRelated",
    "ArticlePageTag",
    "Author",
    "Category",
    "IncomingStory",
    "NewsIndexPage",
    "Publisher",
    "PublisherFeed",
    "SidebarSnippet",
]
