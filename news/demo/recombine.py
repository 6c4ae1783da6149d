"""More articles than anyone wrote: story kits recombined with places, people and numbers.

``seed_newsroom --articles 10000`` needs thousands of plausible articles for benchmarks. Each kit
in ``data/story_kits.toml`` is a short story written for the purpose, with slots ({place},
{street}, {homes}...); filling the slots from the lists and ranges there, with a random generator
seeded by the article's number, gives a coherent article that is the same on every run.
"""

import random
import re

from django.utils.text import slugify

from news.demo.loader import rich_text, story_kits

_DATA = story_kits()
KITS = _DATA["kits"]  # section -> kits: headline, standfirst, paragraphs, subhead, quote, ...
PLACES = _DATA["places"]
STREETS = _DATA["streets"]
FIRST_NAMES = _DATA["first_names"]
SURNAMES = _DATA["surnames"]
ROLES = _DATA["roles"]
SHOPS = _DATA["shops"]
NUMBERS = _DATA["numbers"]  # slot -> (low, high, step)


class Recombiner:
    """Deterministic article generator: ``make(i)`` always returns the same article i."""

    def __init__(self, authors_by_section):
        self.authors_by_section = authors_by_section
        self.sections = list(KITS)

    def make(self, index):
        rng = random.Random(f"generated-{index}")
        section = self.sections[index % len(self.sections)]
        kit = rng.choice(KITS[section])
        place = rng.choice(PLACES)
        street, street2 = rng.sample(STREETS, 2)
        slots = {
            "place": place,
            "street": street,
            "street2": street2,
            "votes": f"{rng.randint(6, 9)} to {rng.randint(1, 5)}",
            "money": f"{rng.randint(1, 9)}.{rng.randint(1, 9)}",
            "shop": rng.choice(SHOPS),
            **{
                name: f"{rng.randrange(low, high + 1, step):,}"  # 2,400 rather than 2400
                for name, (low, high, step) in NUMBERS.items()
            },
        }
        fill = _Filler(slots)
        headline = _capitalise(fill(kit["headline"]))
        paragraphs = [_capitalise(fill(p)) for p in kit["paragraphs"]]
        speaker = f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}, {rng.choice(ROLES)}"
        body = [
            rich_text(paragraphs[0]),
            rich_text(paragraphs[1]),
            {"type": "subhead", "value": kit["subhead"]},
            rich_text(paragraphs[2]),
            {"type": "pull_quote", "value": {"quote": fill(kit["quote"]), "attribution": speaker}},
            rich_text(paragraphs[3]),
        ]
        authors = self.authors_by_section[section]
        return {
            "section": section,
            "slug": f"{slugify(headline)[:70].rstrip('-')}-{index}",
            "title": headline,
            "standfirst": _capitalise(fill(kit["standfirst"])),
            "body": body,
            "authors": rng.sample(authors, 1 if rng.random() < 0.7 else min(2, len(authors))),
            "categories": kit["categories"],
            "tags": [*kit["tags"], _tag_for(place)],
            "caption": f"{_capitalise(place)}, Wendmouth.",
            "seed": rng.random(),
        }


class _Filler:
    def __init__(self, slots):
        self.slots = slots

    def __call__(self, template):
        return template.format(**self.slots)


def _capitalise(text):
    return text[:1].upper() + text[1:]


def _tag_for(place):
    return re.sub(r"^the ", "", place)
