"""Read the demo's data files in ``data/`` (their format is described in ``data/README.md``).

Strict on purpose: an unknown or missing field, a value of the wrong type, a name that refers to
nothing, or markup an article body does not support stops the build with ``file:line:`` and what
is wrong, rather than building a demo that quietly differs from its files.
"""

import html
import re
import tomllib
from functools import cache
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


class DemoDataError(Exception):
    """A data file is wrong; the message starts with ``path:line:``."""


class Source:
    """One data file's text, for error messages that point at a line."""

    def __init__(self, path):
        self.path = Path(path)
        try:
            self.text = self.path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise DemoDataError(f"{self.path}: cannot be read: {error}") from error
        self.lines = self.text.splitlines()

    def error(self, line, message):
        return DemoDataError(f"{self.path}:{line}: {message}")

    def find(self, pattern, start=1):
        """The first line from ``start`` on that matches ``pattern`` (``start`` if none does)."""
        regex = re.compile(pattern)
        for number in range(start, len(self.lines) + 1):
            if regex.search(self.lines[number - 1]):
                return number
        return start

    def key_line(self, key, start=1):
        return self.find(rf"^\s*{re.escape(key)}\s*=", start)

    def toml(self, text=None, first_line=1):
        """Parse the file, or the part of it that starts on ``first_line``."""
        text = self.text if text is None else text
        try:
            return tomllib.loads(text)
        except tomllib.TOMLDecodeError as error:
            message = str(error)
            at = re.search(r" \(at (?:line (\d+), column \d+|end of document)\)$", message)
            row = int(at[1]) if at and at[1] else max(len(text.splitlines()), 1)
            message = message[: at.start()] if at else message
            raise self.error(first_line + row - 1, f"not valid TOML: {message}") from error


# Field specs: {"name": type, "optional?": type}, where a type is str, int, bool, [type] (a
# list of that type) or a nested spec (a table).


def check(table, spec, source, line, where):
    """Check one table against its spec; ``where`` names it in messages."""
    if not isinstance(table, dict):
        raise source.error(line, f"{where} must be a table")
    fields = {name.rstrip("?"): kind for name, kind in spec.items()}
    for name in table:
        if name not in fields:
            known = ", ".join(fields)
            raise source.error(
                source.key_line(name, line), f"{where}: unknown field {name!r} (known: {known})"
            )
    for name, kind in spec.items():
        key = name.rstrip("?")
        if key not in table:
            if not name.endswith("?"):
                raise source.error(line, f"{where}: {key!r} is missing")
            continue
        check_value(table[key], kind, source, source.key_line(key, line), f"{where}: {key}")


def check_value(value, kind, source, line, where):
    if isinstance(kind, dict):
        check(value, kind, source, line, where)
    elif isinstance(kind, list):
        if not isinstance(value, list):
            raise source.error(line, f"{where} must be a list")
        for item in value:
            check_value(item, kind[0], source, line, where)
    elif kind is int and (isinstance(value, bool) or not isinstance(value, int)):
        raise source.error(line, f"{where} must be a whole number, not {value!r}")
    elif not isinstance(value, kind):
        raise source.error(line, f"{where} must be a {kind.__name__}, not {value!r}")
    elif kind is str and not value.strip():
        raise source.error(line, f"{where} is empty")


def refers(values, known, source, line, where, what):
    """Every name in ``values`` must be one of ``known``."""
    for value in [values] if isinstance(values, str) else values:
        if value not in known:
            raise source.error(line, f"{where}: no {what} called {value!r}")


# Inline markup: **bold**, *italic*, [text](https://link); a backslash keeps * [ ] literal.

ESCAPES = {"\\*": "\x01", "\\[": "\x02", "\\]": "\x03"}
LINK = re.compile(r"\[([^\[\]]+)\]\(([^()\s]*)\)")
BOLD = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*")
ITALIC = re.compile(r"\*(?=\S)(.+?)(?<=\S)\*")


def inline(text, source, line):
    """A paragraph's text as rich-text HTML: escaped, with the three inline marks converted."""
    for escape, mark in ESCAPES.items():
        text = text.replace(escape, mark)
    text = html.escape(text, quote=False)

    def link(match):
        label, url = match.groups()
        if not re.match(r"^(https?://|mailto:)[^\s\"<>*]+$", html.unescape(url)):
            raise source.error(line, f"a link goes to https://, http:// or mailto: (not {url!r})")
        return f'<a href="{url}">{label}</a>'

    text = ITALIC.sub(r"<i>\1</i>", BOLD.sub(r"<b>\1</b>", LINK.sub(link, text)))
    if leftover := re.search(r".{0,20}[*\[\]].{0,20}", text):
        raise source.error(
            line,
            f"unpaired markup near {leftover[0]!r}: use **bold**, *italic*, [text](https://…), "
            r"or \* \[ \] for the characters themselves",
        )
    return text.replace("\x01", "*").replace("\x02", "[").replace("\x03", "]")


def plain(text, source, line, where):
    """Text for a plain-text field: no markup, backslash escapes resolved."""
    for escape, mark in ESCAPES.items():
        text = text.replace(escape, mark)
    if re.search(r"[*\[\]]", text):
        raise source.error(line, f"{where} is plain text: no **bold**, *italic* or [links]")
    return text.replace("\x01", "*").replace("\x02", "[").replace("\x03", "]").strip()


def paragraph(html_text):
    return {"type": "paragraph", "value": f"<p>{html_text}</p>"}


def rich_text(text):
    """Plain text as a rich-text paragraph (for generated articles)."""
    return paragraph(html.escape(text, quote=False))


# Article bodies -----------------------------------------------------------------------------

IMAGE = re.compile(r"^!\[(?P<caption>[^\]]*)\]\((?P<key>[^()\s]+)\)$")
NOT_A_PARAGRAPH = re.compile(r"^(#|>|!\[|[-+*] |\d+[.)] |```|<)")


def body_blocks(lines, source, first_line, images):
    """Article body lines as StreamField data; an image block's ``image`` is its pool key."""
    blocks, chunk = [], []
    for number, text in enumerate([*lines, ""], start=first_line):
        if text.strip():
            chunk.append((number, text.rstrip()))
        elif chunk:
            blocks.append(body_block(chunk, source, images))
            chunk = []
    return blocks


def body_block(chunk, source, images):
    line, first = chunk[0]
    if first.startswith("#"):
        if not first.startswith("## ") or first.startswith("###"):
            raise source.error(line, "a subhead is '## Text' (the headline is the title field)")
        if len(chunk) > 1:
            raise source.error(chunk[1][0], "a subhead is one line: leave a blank line after it")
        return {"type": "subhead", "value": plain(first[3:], source, line, "a subhead")}
    if first.startswith(">"):
        return quote_block(chunk, source)
    if first.startswith("!["):
        return image_block(chunk, source, images)
    texts = []
    for number, text in chunk:
        if NOT_A_PARAGRAPH.match(text.strip()):
            raise source.error(
                number,
                f"{text.strip()[:30]!r} is not paragraph text: subheads, quotes and images are "
                "blocks of their own (a blank line before them); lists, other headings, code and "
                "HTML are not supported",
            )
        texts.append(text.strip())
    return paragraph(inline(" ".join(texts), source, line))


def quote_block(chunk, source):
    for number, text in chunk:
        if not text.startswith(">"):
            raise source.error(number, "every line of a quote starts with '>'")
    lines = [(number, re.sub(r"^> ?", "", text).strip()) for number, text in chunk]
    last_line, last = lines[-1]
    words = " ".join(text for _, text in lines[:-1] if text)
    line = chunk[0][0]
    pull_quote = last.startswith("-- ") or last == "--"
    if not pull_quote and not last.startswith("Source:"):
        raise source.error(
            last_line,
            "a quote ends with '> -- Who said it' (a pull quote) or '> Source: Where it is from' "
            "(a quoted passage)",
        )
    if not words:
        raise source.error(line, "a quote has its words before its last line")
    if pull_quote:
        attribution = plain(last[2:], source, last_line, "an attribution")
        quote = plain(words, source, line, "a pull quote")
        return {"type": "pull_quote", "value": {"quote": quote, "attribution": attribution}}
    passage = f"<p>{inline(words, source, line)}</p>"
    source_name = plain(last.removeprefix("Source:"), source, last_line, "a source")
    return {"type": "quoted_passage", "value": {"passage": passage, "source": source_name}}


def image_block(chunk, source, images):
    line, first = chunk[0]
    match = IMAGE.match(first)
    if not match:
        raise source.error(line, "an image is '![Caption](illustration-key)'")
    refers(match["key"], images, source, line, "image", "illustration")
    credit = ""
    for number, text in chunk[1:]:
        if credit or not text.startswith("Credit:"):
            raise source.error(number, "after an image, only a 'Credit: …' line may follow")
        credit = plain(text.removeprefix("Credit:"), source, number, "a credit")
    caption = plain(match["caption"], source, line, "a caption")
    return {"type": "image", "value": {"image": match["key"], "caption": caption, "credit": credit}}


# Articles -----------------------------------------------------------------------------------

ARTICLE = {
    "title": str,
    "standfirst": str,
    "section": str,
    "authors": [str],
    "categories": [str],
    "tags": [str],
    "days_ago": int,
    "time": str,
    "updated_hours?": int,
    "image": str,
    "caption": str,
    "credit?": str,
    "source?": str,
    "related?": [str],
    "promos?": [str],
}
# Front matter fields that name something: field -> (what it names, where the names are).
ARTICLE_REFERENCES = {
    "section": ("section", "sections"),
    "authors": ("author", "authors"),
    "categories": ("category", "categories"),
    "image": ("illustration", "images"),
    "source": ("publisher", "publishers"),
    "promos": ("promo", "promos"),
    "related": ("other article", "articles"),
}


def read_article(path, known):
    """One article: TOML front matter between '+++' lines, then the body in Markdown."""
    source = Source(path)
    lines = source.lines
    slug = source.path.stem
    if not SLUG.match(slug):
        raise source.error(1, "the file name is the slug: lower-case words joined by hyphens")
    if not lines or lines[0].strip() != "+++":
        raise source.error(1, "an article starts with its front matter, opened by a '+++' line")
    end = next((i for i in range(1, len(lines)) if lines[i].strip() == "+++"), None)
    if end is None:
        raise source.error(len(lines), "the front matter is never closed by a '+++' line")
    front = source.toml("\n".join(lines[1:end]), first_line=2)
    check(front, ARTICLE, source, 2, "front matter")

    def line(key):
        return source.key_line(key, 2)

    for field, (what, names) in ARTICLE_REFERENCES.items():
        allowed = known[names] - {slug} if field == "related" else known[names]
        refers(front.get(field, []), allowed, source, line(field), field, what)
    if not front["authors"]:
        raise source.error(line("authors"), "authors: an article needs at least one")
    if not re.match(r"^([01]\d|2[0-3]):[0-5]\d$", front["time"]):
        raise source.error(
            line("time"), f"time is 'HH:MM' on a 24-hour clock, not {front['time']!r}"
        )
    for key in ("days_ago", "updated_hours"):
        if front.get(key, 0) < 0:
            raise source.error(line(key), f"{key} cannot be negative")
    body = body_blocks(lines[end + 1 :], source, end + 2, known["images"])
    if not body:
        raise source.error(end + 1, "the article has no body after its front matter")
    return {
        "slug": slug,
        "source": None,
        "related": [],
        "promos": [],
        "updated_hours": 0,
        **front,
        "body": body,
        "path": str(source.path),
    }


# The data files -----------------------------------------------------------------------------

ILLUSTRATIONS = {
    "skin_tones": [str],
    "hair_colours": [str],
    "palettes": dict,  # each palette and scene is checked below
    "scenes": dict,
}
PALETTE = {
    **dict.fromkeys(("sky_top", "sky_bottom", "light", "accent", "mid", "dark", "warm"), str),
    "sky": str,
    "tones": str,
}
SCENE = {"title": str, "alt": str, "palettes": [str]}


def check_tables(tables, spec, source, header, where):
    """Check each table of ``[header.NAME]`` (or an inline ``NAME = {…}`` under ``[header]``)."""
    if not isinstance(tables, dict) or not tables:
        raise source.error(1, f"{where}: expected a table of {header}")
    for name, table in tables.items():
        line = source.find(rf"^(\[{re.escape(header)}\.{re.escape(name)}\]|{re.escape(name)}\s*=)")
        if not SLUG.match(name):
            raise source.error(line, f"{header}.{name}: names are lower-case words and hyphens")
        check(table, spec, source, line, f"{header}.{name}")


def check_array(items, spec, source, header):
    """Check each ``[[header]]`` table; returns the line each one starts on."""
    if not isinstance(items, list) or not items:
        raise source.error(1, f"expected one or more [[{header}]] tables")
    lines, line = [], 0
    for number, item in enumerate(items, start=1):
        line = source.find(rf"^\[\[{re.escape(header)}\]\]", line + 1)
        check(item, spec, source, line, f"{header} #{number}")
        lines.append(line)
    return lines


@cache
def illustrations(data_dir=DATA_DIR):
    source = Source(Path(data_dir) / "illustrations.toml")
    data = source.toml()
    check(data, ILLUSTRATIONS, source, 1, "file")
    check_tables(data["palettes"], PALETTE, source, "palettes", "palettes")
    check_tables(data["scenes"], SCENE, source, "scenes", "scenes")
    colour = re.compile(r"^#[0-9a-f]{6}$")
    for name, palette in data["palettes"].items():
        for field, value in palette.items():
            if field in PALETTE and field not in ("sky", "tones") and not colour.match(value):
                raise source.error(
                    source.key_line(field, source.find(rf"^\[palettes\.{name}\]")),
                    f"palettes.{name}.{field}: colours are '#rrggbb', not {value!r}",
                )
    for name, scene in data["scenes"].items():
        line = source.find(rf"^\[scenes\.{name}\]")
        refers(scene["palettes"], data["palettes"], source, line, f"scenes.{name}", "palette")
        try:
            scene["alt"].format(sky="", tones="")
        except (KeyError, IndexError, ValueError) as error:
            raise source.error(
                source.key_line("alt", line),
                f"scenes.{name}.alt: only {{sky}} and {{tones}} ({error})",
            ) from error
    for name in ("skin_tones", "hair_colours"):
        for value in data[name]:
            if not colour.match(value):
                raise source.error(source.key_line(name), f"{name}: {value!r} is not '#rrggbb'")
    return data


def illustration_keys(data):
    """Every 'scene-palette' key the drawing code can make (the pool is a subset)."""
    return {f"{scene}-{palette}" for scene in data["scenes"] for palette in data["palettes"]}


NEWSROOM = {
    "site": {
        "site_name": str,
        "tagline": str,
        "footer_text": str,
        "illustration_credit": str,
        "social_links": [{"platform": str, "url": str}],
    },
    "sections": list,  # each checked against SECTION, and so on
    "authors": dict,
    "publishers": dict,
    "categories": dict,
    "promos": list,
}
SECTION = {"slug": str, "title": str, "intro": str, "writers": [str]}
PROMO = {
    "key": str,
    "title": str,
    "text": str,
    "cta_label": str,
    "link_url?": str,
    "link_section?": str,
    "image?": str,
    "sitewide": bool,
    "draft?": bool,
}
AUTHOR = {
    "name": str,
    "role": str,
    "bio": str,
    "portrait": {"palette": str, "skin": int, "hair": int, "hair_style": str, "shirt": str},
}
PUBLISHER = {
    "name": str,
    "homepage_url": str,
    "tagline": str,
    "path": str,
    "logo": {"letters": str, "palette": str, "style": str},
}
CATEGORY = {"name": str, "description": str}
HAIR_STYLES = {"short", "long", "bun", "curly", "bald"}
LOGO_STYLES = {"circle", "square", "stripes"}


@cache
def newsroom(data_dir=DATA_DIR):
    """Site, sections, people, publishers, categories, promos and the written articles."""
    data_dir = Path(data_dir)
    pictures = illustrations(data_dir)
    source = Source(data_dir / "newsroom.toml")
    data = source.toml()
    check(data, NEWSROOM, source, 1, "file")
    check_tables(data["authors"], AUTHOR, source, "authors", "authors")
    check_tables(data["publishers"], PUBLISHER, source, "publishers", "publishers")
    check_tables(data["categories"], CATEGORY, source, "categories", "categories")
    palettes, colours = set(pictures["palettes"]), set(PALETTE) - {"sky", "tones"}
    for slug, author in data["authors"].items():
        line = source.find(rf"^\[authors\.{slug}\]")
        portrait, where = author["portrait"], f"authors.{slug}.portrait"
        refers(portrait["palette"], palettes, source, line, where, "palette")
        refers(portrait["shirt"], colours, source, line, where, "palette colour")
        refers(portrait["hair_style"], HAIR_STYLES, source, line, where, "hair style")
        for key, choices in (("skin", "skin_tones"), ("hair", "hair_colours")):
            if not 0 <= portrait[key] < len(pictures[choices]):
                raise source.error(line, f"{where}: {key} is a position in {choices}")
    for slug, publisher in data["publishers"].items():
        line = source.find(rf"^\[publishers\.{slug}\]")
        logo, where = publisher["logo"], f"publishers.{slug}.logo"
        refers(logo["palette"], palettes, source, line, where, "palette")
        refers(logo["style"], LOGO_STYLES, source, line, where, "logo style")
    sections = [section["slug"] for section in data["sections"]]
    section_lines = check_array(data["sections"], SECTION, source, "sections")
    for number, (section, line) in enumerate(zip(data["sections"], section_lines, strict=True)):
        refers(section["writers"], data["authors"], source, line, "writers", "author")
        if not section["writers"] or sections.index(section["slug"]) != number:
            raise source.error(line, "a section has writers and a slug of its own")
        section["intro"] = (
            f"<p>{inline(section['intro'], source, source.key_line('intro', line))}</p>"
        )
    images = illustration_keys(pictures)
    for promo, line in zip(
        data["promos"], check_array(data["promos"], PROMO, source, "promos"), strict=True
    ):
        refers(promo.get("image", []), images, source, line, "image", "illustration")
        refers(promo.get("link_section", []), sections, source, line, "link_section", "section")
        if ("link_url" in promo) == ("link_section" in promo):
            raise source.error(line, "a promo links to a link_url or a link_section (one of them)")
    folder = data_dir / "articles"
    paths = sorted(folder.glob("*.md"))
    if not paths:
        raise DemoDataError(f"{folder}: no articles (*.md)")
    known = {
        "sections": sections,
        "authors": data["authors"],
        "categories": data["categories"],
        "publishers": data["publishers"],
        "promos": {promo["key"] for promo in data["promos"]},
        "images": images,
        "articles": {path.stem for path in paths},
    }
    data["articles"] = [read_article(path, known) for path in paths]
    return data


KIT = {
    "headline": str,
    "standfirst": str,
    "paragraphs": [str],
    "subhead": str,
    "quote": str,
    "categories": [str],
    "tags": [str],
}
KITS = {
    **{name: [str] for name in ("places", "streets", "first_names", "surnames", "roles", "shops")},
    "numbers": dict,
    "kits": dict,
}
FIXED_SLOTS = {"place", "street", "street2", "votes", "money", "shop"}


@cache
def story_kits(data_dir=DATA_DIR):
    """Story kits, names and number ranges for generated articles (see ``recombine.py``)."""
    data_dir = Path(data_dir)
    source = Source(data_dir / "story_kits.toml")
    data = source.toml()
    check(data, KITS, source, 1, "file")
    numbers_line = source.find(r"^\[numbers\]")
    for name, value in data["numbers"].items():
        line = source.key_line(name, numbers_line)
        check_value(value, [int], source, line, f"numbers.{name}")
        if len(value) != 3 or not value[0] <= value[1] or value[2] < 1:
            raise source.error(line, f"numbers.{name} is [lowest, highest, step]")
    slots = FIXED_SLOTS | set(data["numbers"])
    sections = [section["slug"] for section in newsroom(data_dir)["sections"]]
    categories = newsroom(data_dir)["categories"]
    refers(list(data["kits"]), sections, source, 1, "kits", "section")
    for section, kits in data["kits"].items():
        for kit, line in zip(kits, check_array(kits, KIT, source, f"kits.{section}"), strict=True):
            refers(kit["categories"], categories, source, line, "categories", "category")
            if len(kit["paragraphs"]) != 4:
                raise source.error(line, "a kit has four paragraphs")
            for text in [kit["headline"], kit["standfirst"], kit["quote"], *kit["paragraphs"]]:
                for slot in re.findall(r"\{([^{}]*)\}", text):
                    if slot not in slots:
                        raise source.error(
                            line, f"unknown slot {{{slot}}} (known: {sorted(slots)})"
                        )
    return data
