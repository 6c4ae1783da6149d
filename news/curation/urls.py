"""Canonical story addresses and comparable titles, for recognising a story seen before."""

import re
import unicodedata
from difflib import SequenceMatcher
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

# Query parameters that only say where a reader came from, never which story it is.
TRACKING_PARAMETERS = {
    "fbclid",
    "gclid",
    "dclid",
    "msclkid",
    "yclid",
    "igshid",
    "mc_cid",
    "mc_eid",
    "_ga",
    "_gl",
    "cmpid",
    "ocid",
    "ref_src",
    "smid",
    "share",
    "spm",
}
TRACKING_PREFIXES = ("utm_", "pk_", "mtm_", "at_", "oly_")
DEFAULT_PORTS = {"http": 80, "https": 443}
NEAR_IDENTICAL = 0.9


def is_tracking_parameter(name):
    name = name.lower()
    return name in TRACKING_PARAMETERS or name.startswith(TRACKING_PREFIXES)


def canonical_url(url):
    """``url`` without tracking parameters or fragment, with a lowercase scheme and host."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower().rstrip(".")
    if ":" in host:
        host = f"[{host}]"
    try:
        port = parts.port
    except ValueError:
        port = None
    netloc = host if port in {None, DEFAULT_PORTS.get(scheme)} else f"{host}:{port}"
    query = [
        (name, value)
        for name, value in parse_qsl(parts.query, keep_blank_values=True)
        if not is_tracking_parameter(name)
    ]
    return urlunsplit((scheme, netloc, parts.path or "/", urlencode(query), ""))


def domain_of(url):
    """The host of ``url`` without "www.", e.g. "wendmouth-gazette.example"."""
    return (urlsplit(url).hostname or "").lower().rstrip(".").removeprefix("www.")


def title_key(title):
    """The title as lowercase words without accents or punctuation, for comparison."""
    text = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    return " ".join(re.findall(r"[a-z0-9]+", text.lower()))[:300]


def _numbers(words):
    return frozenset(word for word in words if word.isdigit())


def near_identical(key, other_key):
    """True when two title keys differ by no more than a retouched word or two.

    Numbers must match exactly: "Lottery draw 12" and "Lottery draw 13" are different stories.
    """
    return TitleIndex([other_key]).has_near(key)


class TitleIndex:
    """Title keys seen recently, to spot a near-identical one quickly: cheap set comparisons
    first, the character-level ratio only for titles sharing most of their words."""

    def __init__(self, keys=()):
        self.exact = set()
        self.entries = []
        for key in keys:
            self.add(key)

    def add(self, key):
        words = set(key.split())
        self.exact.add(key)
        self.entries.append((key, words, _numbers(words)))

    def has_near(self, key):
        if key in self.exact:
            return True
        words = set(key.split())
        if not words:
            return False
        numbers = _numbers(words)
        matcher = None
        for other, other_words, other_numbers in self.entries:
            if other_numbers != numbers:
                continue
            if len(words & other_words) < 0.6 * len(words | other_words):
                continue
            if matcher is None:
                matcher = SequenceMatcher(None, autojunk=False)
                matcher.set_seq2(key)  # the matcher indexes its second text once
            matcher.set_seq1(other)
            if matcher.quick_ratio() >= NEAR_IDENTICAL and matcher.ratio() >= NEAR_IDENTICAL:
                return True
        return False
