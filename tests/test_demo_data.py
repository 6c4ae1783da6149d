"""The demo's data files (news/demo/data/): what they say, and how a wrong one is reported."""

import re
import shutil
import subprocess

import pytest

from news.demo import content, images, loader, recombine
from news.demo.loader import DATA_DIR, DemoDataError

ARTICLE = "tanners-bridge-closes-after-inspectors-find-cracks"


def by_slug(slug):
    return next(article for article in content.ARTICLES if article["slug"] == slug)


def test_the_shipped_files_hold_the_whole_demo():
    assert len(content.ARTICLES) == 48
    assert [section["slug"] for section in content.SECTIONS] == [
        "news",
        "politics",
        "business",
        "culture",
        "science",
        "opinion",
    ]
    assert (len(content.AUTHORS), len(content.PUBLISHERS), len(content.CATEGORIES)) == (12, 5, 14)
    assert [promo["key"] for promo in content.PROMOS if promo.get("draft")] == ["quiz-night"]
    assert len(images.POOL) == len(set(images.POOL)) == 48
    assert sum(len(kits) for kits in recombine.KITS.values()) == 18

    # Markdown in a section intro becomes the rich text the page shows.
    opinion = content.SECTIONS[-1]
    assert opinion["intro"] == (
        "<p>Argument and analysis from <i>Ledger</i> columnists. Disagree? "
        "<b>Write to us</b>: we publish letters every week.</p>"
    )


def test_an_article_file_becomes_its_fields_and_blocks():
    article = by_slug(ARTICLE)
    assert article["title"].startswith("Tanners Bridge closes to traffic")
    assert (article["section"], article["days_ago"], article["time"]) == ("news", 55, "07:40")
    assert article["authors"] == ["tom-achterberg"]
    assert article["source"] == "wend-valley-gazette"
    assert (article["related"], article["promos"], article["updated_hours"]) == ([], [], 5)
    kinds = [block["type"] for block in article["body"]]
    assert kinds == [
        "paragraph",
        "paragraph",
        "paragraph",
        "subhead",
        "paragraph",
        "pull_quote",
        "paragraph",
        "quoted_passage",
        "paragraph",
    ]
    body = article["body"]
    assert body[0]["value"].startswith("<p>Tanners Bridge, the stone crossing")
    assert body[3]["value"] == "How long will it stay shut?"
    assert body[5]["value"]["attribution"] == "Cllr Sunil Mehra, cabinet member for transport"
    assert body[7]["value"]["source"] == "The Wend Valley Gazette"
    assert body[7]["value"]["passage"].startswith("<p>Engineers noted hairline cracking")
    # Text is escaped for rich text: the café owner's quotation marks stay as typed.
    assert '"We found out from the barriers," said' in body[8]["value"]

    image = next(
        block
        for block in by_slug("council-tax-to-rise-what-it-means-for-your-bill")["body"]
        if block["type"] == "image"
    )
    assert image["value"] == {
        "image": "chart-civic",
        "caption": "How each £10 of council tax is spent.",
        "credit": "Ledger graphics desk",
    }


def write_article(folder, body, **front):
    fields = {
        "title": '"A headline"',
        "standfirst": '"What happened, in a sentence."',
        "section": '"news"',
        "authors": '["tom-achterberg"]',
        "categories": '["transport"]',
        "tags": '["roads", "Old Quay"]',
        "days_ago": "3",
        "time": '"09:15"',
        "image": '"bridge-dawn"',
        "caption": '"A caption."',
    }
    fields.update(front)
    lines = [f"{key} = {value}" for key, value in fields.items() if value is not None]
    path = folder / "articles" / "a-new-story.md"
    path.write_text("+++\n" + "\n".join(lines) + "\n+++\n\n" + body)
    return path


@pytest.fixture
def data(tmp_path):
    """A copy of the shipped data to spoil."""
    folder = tmp_path / "data"
    shutil.copytree(DATA_DIR, folder)
    return folder


def test_markup_for_every_block_and_inline_mark(data):
    write_article(
        data,
        "A paragraph with **bold**, *italic* and a [link](https://example.org/a?b=1&c=2),\n"
        "wrapped over two lines, with \\*stars\\* & <angle> brackets kept as text.\n"
        "\n"
        "## What next\n"
        "\n"
        "> Words of\n"
        "> a speaker.\n"
        "> -- Jo Bloggs, a resident\n"
        "\n"
        "> A *passage* from a document.\n"
        "> Source: Council report\n"
        "\n"
        "![A picture.](river-dawn)\n",
    )
    article = next(a for a in loader.newsroom(data)["articles"] if a["slug"] == "a-new-story")
    assert article["body"] == [
        {
            "type": "paragraph",
            "value": '<p>A paragraph with <b>bold</b>, <i>italic</i> and a <a href="https://'
            'example.org/a?b=1&amp;c=2">link</a>, wrapped over two lines, with *stars* &amp; '
            "&lt;angle&gt; brackets kept as text.</p>",
        },
        {"type": "subhead", "value": "What next"},
        {
            "type": "pull_quote",
            "value": {"quote": "Words of a speaker.", "attribution": "Jo Bloggs, a resident"},
        },
        {
            "type": "quoted_passage",
            "value": {
                "passage": "<p>A <i>passage</i> from a document.</p>",
                "source": "Council report",
            },
        },
        {"type": "image", "value": {"image": "river-dawn", "caption": "A picture.", "credit": ""}},
    ]
    assert article["source"] is None and article["related"] == [] and article["updated_hours"] == 0


GOOD_BODY = "A paragraph.\n"


@pytest.mark.parametrize(
    ("front", "body", "line", "message"),
    [
        ({"authors": '["tom-achterburg"]'}, GOOD_BODY, 5, "no author called 'tom-achterburg'"),
        ({"section": '"sport"'}, GOOD_BODY, 4, "no section called 'sport'"),
        ({"image": '"bridge-neon"'}, GOOD_BODY, 10, "no illustration called 'bridge-neon'"),
        ({"related": '["no-such-story"]'}, GOOD_BODY, 12, "no other article called"),
        ({"promos": '["tipz"]'}, GOOD_BODY, 12, "no promo called 'tipz'"),
        ({"source": '"daily-planet"'}, GOOD_BODY, 12, "no publisher called 'daily-planet'"),
        ({"title": None}, GOOD_BODY, 2, "'title' is missing"),
        ({"headline": '"x"'}, GOOD_BODY, 12, "unknown field 'headline'"),
        ({"days_ago": '"three"'}, GOOD_BODY, 8, "days_ago must be a whole number"),
        ({"time": '"9:15"'}, GOOD_BODY, 9, "time is 'HH:MM'"),
        ({"tags": '["roads", 3]'}, GOOD_BODY, 7, "tags must be a str"),
        ({"caption": '"unclosed'}, GOOD_BODY, 11, "not valid TOML"),
        ({}, "", 12, "no body"),
        ({}, "Fine.\n\n# A heading\n", 16, "a subhead is '## Text'"),
        ({}, "Fine.\n\n## Two\nlines\n", 17, "a subhead is one line"),
        ({}, "> Said without a speaker.\n", 14, "a quote ends with '> -- Who said it'"),
        ({}, "> Words\nnot quoted\n> -- Someone\n", 15, "every line of a quote starts with '>'"),
        ({}, "Para\n> a quote glued on\n", 15, "is not paragraph text"),
        ({}, "- a list item\n", 14, "lists, other headings, code and HTML are not supported"),
        ({}, "Some **bold text.\n", 14, "unpaired markup near"),
        ({}, "A [link](javascript:void).\n", 14, "a link goes to https://, http:// or mailto:"),
        ({}, "> A *marked* pull quote.\n> -- Someone\n", 14, "a pull quote is plain text"),
        ({}, "![Caption](nowhere-dawn)\n", 14, "no illustration called 'nowhere-dawn'"),
        ({}, "![Caption](river-dawn)\nBy: someone\n", 15, "only a 'Credit: …' line"),
    ],
)
def test_a_wrong_article_is_reported_with_its_file_and_line(data, front, body, line, message):
    path = write_article(data, body, **front)
    with pytest.raises(DemoDataError) as error:
        loader.newsroom(data)
    assert str(error.value).startswith(f"{path}:{line}: "), str(error.value)
    assert message in str(error.value)


def test_a_file_without_front_matter_or_with_a_bad_name_is_refused(data):
    (data / "articles" / "no-front-matter.md").write_text("Just text.\n")
    with pytest.raises(DemoDataError, match=r"no-front-matter\.md:1: .*opened by a '\+\+\+' line"):
        loader.newsroom(data)
    (data / "articles" / "no-front-matter.md").write_text("+++\ntitle = 'x'\n")
    with pytest.raises(DemoDataError, match=r"no-front-matter\.md:2: .*never closed"):
        loader.newsroom(data)
    (data / "articles" / "no-front-matter.md").unlink()
    shutil.copy(data / "articles" / f"{ARTICLE}.md", data / "articles" / "Bad_Name.md")
    with pytest.raises(DemoDataError, match=r"Bad_Name\.md:1: the file name is the slug"):
        loader.newsroom(data)


def spoil(path, old, new):
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))
    return path


def line_of(path, text):
    return next(i for i, line in enumerate(path.read_text().splitlines(), 1) if text in line)


def test_wrong_tables_are_reported_with_their_file_and_line(data):
    newsroom = spoil(data / "newsroom.toml", 'role = "Transport correspondent"', 'job = "x"')
    with pytest.raises(DemoDataError) as error:
        loader.newsroom(data)
    assert str(error.value).startswith(f"{newsroom}:{line_of(newsroom, 'job')}: ")
    assert "authors.tom-achterberg: unknown field 'job'" in str(error.value)

    spoil(newsroom, 'job = "x"', 'role = "Transport correspondent"')
    spoil(newsroom, 'writers = ["owen-pritchard"', 'writers = ["owen-pritchart"')
    with pytest.raises(DemoDataError, match="writers: no author called 'owen-pritchart'"):
        loader.newsroom(data)


def test_wrong_illustration_recipes_are_reported_with_their_file_and_line(data):
    pictures = spoil(data / "illustrations.toml", 'sky_top = "#f7d9c4"', 'sky_top = "peach"')
    with pytest.raises(DemoDataError) as error:
        loader.illustrations(data)
    assert str(error.value).startswith(f"{pictures}:{line_of(pictures, 'peach')}: ")
    assert "palettes.dawn.sky_top: colours are '#rrggbb'" in str(error.value)


def test_story_kits_name_only_slots_that_exist(data):
    kits = spoil(data / "story_kits.toml", "to last {weeks} weeks", "to last {wekes} weeks")
    with pytest.raises(DemoDataError, match=r"unknown slot \{wekes\}") as error:
        loader.story_kits(data)
    assert str(error.value).startswith(f"{kits}:{line_of(kits, '[[kits.news]]')}: ")


def test_every_data_file_is_in_git():
    """A fresh clone builds the same demo: nothing the loader reads may be left untracked."""
    if not (DATA_DIR.parents[2] / ".git").exists():
        pytest.skip("not a git checkout")
    tracked = subprocess.run(
        ["git", "ls-files", "--", "news/demo/data"],  # noqa: S607
        cwd=DATA_DIR.parents[2],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    on_disk = [
        str(path.relative_to(DATA_DIR.parents[2]))
        for path in DATA_DIR.rglob("*")
        if path.is_file() and re.search(r"\.(md|toml)$", path.name)
    ]
    assert sorted(on_disk) == sorted(tracked)
