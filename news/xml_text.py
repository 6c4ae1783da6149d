"""Text that XML can carry: feeds, sitemaps and anything else serialised as XML 1.0.

Word processors paste control characters (a vertical tab for a soft line break, a form feed)
that are invisible in a browser but illegal in XML: one in a headline made every feed listing
it fail. They are stripped when editors save, and once more when a feed is written.
"""

import re

from django.db import models
from django.utils.feedgenerator import Rss201rev2Feed

# Everything outside XML 1.0's Char production (tab, newline and carriage return are allowed).
XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(value):
    """``value`` with XML-illegal characters removed, through lists, tuples and dicts."""
    if isinstance(value, str):
        return XML_ILLEGAL.sub("", value)
    if isinstance(value, list | tuple):
        return type(value)(xml_safe(item) for item in value)
    if isinstance(value, dict):
        return {key: xml_safe(item) for key, item in value.items()}
    return value


def strip_illegal_characters(instance):
    """Clean every text field of ``instance`` (``news.signals`` calls it before each save)."""
    for field in instance._meta.concrete_fields:
        if isinstance(field, models.CharField | models.TextField):
            value = getattr(instance, field.attname)
            if isinstance(value, str):
                setattr(instance, field.attname, xml_safe(value))


class XmlSafeRssFeed(Rss201rev2Feed):
    """RSS that never fails on a character XML cannot carry, whatever was saved before."""

    def write(self, outfile, encoding):
        self.feed = xml_safe(self.feed)
        self.items = [xml_safe(item) for item in self.items]
        super().write(outfile, encoding)
