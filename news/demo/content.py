"""What the demo newsroom says: read from ``data/newsroom.toml`` and ``data/articles/*.md``.

The city of Wendmouth, the River Wend, and every person, business and publication in the demo
are fictional. ``loader.py`` checks the files; here they are named for the builder.
"""

from news.demo.loader import newsroom

_data = newsroom()

SITE = _data["site"]
IMAGE_CREDIT = SITE["illustration_credit"]
SECTIONS = _data["sections"]  # in menu order
AUTHORS = _data["authors"]
PUBLISHERS = _data["publishers"]
CATEGORIES = _data["categories"]
PROMOS = _data["promos"]
ARTICLES = _data["articles"]
