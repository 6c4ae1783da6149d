"""The curation desk: reading publishers' feeds and pages, and turning stories into drafts.

- ``fetching``: an HTTP client that refuses private addresses (SSRF) and oversized answers.
- ``urls``: canonical URLs, so the same story is recognised under tracking parameters.
- ``feeds``: RSS, Atom and JSON Feed items through feedparser, stored as incoming stories.
- ``pages``: an article page's metadata and quotable sentences.
- ``drafting``: draft ArticlePages from incoming stories and pasted links.
- ``admin``: the Incoming desk and "Add from a link" in the Wagtail admin.
"""
