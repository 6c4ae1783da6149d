"""Feeds and article pages of fictional Wendmouth publishers, for the curation desk's tests.

All text is invented for these tests.
"""

GAZETTE = "https://wendmouth-gazette.example"

RSS_FEED = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"
     xmlns:media="http://search.yahoo.com/mrss/">
<channel>
  <title>Wendmouth Gazette</title>
  <link>{base}/</link>
  <description>News from Wendmouth and the estuary.</description>
  <item>
    <title>&lt;b&gt;Harbour&lt;/b&gt; wall repairs &lt;script&gt;alert(1)&lt;/script&gt;begin in spring</title>
    <link>/stories/harbour-wall?utm_source=rss&amp;utm_medium=feed</link>
    <guid isPermaLink="false">gazette-101</guid>
    <description>&lt;p&gt;The council approved &lt;em&gt;£2m&lt;/em&gt; for the old harbour wall.&lt;/p&gt;</description>
    <pubDate>Tue, 03 Nov 2026 09:30:00 GMT</pubDate>
    <dc:creator>Mara Ellison</dc:creator>
    <category>Harbour</category>
    <media:thumbnail url="/images/harbour.jpg"/>
  </item>
  <item>
    <title>Night ferry returns to the estuary</title>
    <link>{base}/stories/night-ferry</link>
    <guid isPermaLink="false">gazette-102</guid>
    <description>Crossings resume after midnight from Friday.</description>
  </item>
  <item>
    <title>Library extends Sunday opening hours</title>
    <link>{base}/stories/library-sundays</link>
    <guid isPermaLink="false">gazette-102</guid>
    <description>The same GUID as the ferry story, by the publisher's mistake.</description>
    <pubDate>Mon, 02 Nov 2026 08:00:00 GMT</pubDate>
  </item>
  <item>
    <title>Night ferry returns to the estuary!</title>
    <link>{base}/stories/night-ferry-again</link>
    <description>The ferry story again, under a retouched headline.</description>
  </item>
</channel>
</rss>
"""

ATOM_FEED = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Estuary Courier</title>
  <link href="{base}/"/>
  <id>tag:estuary-courier.example,2026:feed</id>
  <updated>2026-11-04T10:00:00Z</updated>
  <entry>
    <title type="html">Tide gauge &lt;em&gt;upgraded&lt;/em&gt; at Wendmouth quay</title>
    <link href="stories/tide-gauge"/>
    <id>tag:estuary-courier.example,2026:1</id>
    <updated>2026-11-04T10:00:00+01:00</updated>
    <summary>New sensors report every minute.</summary>
    <author><name>Priya Tallis</name></author>
    <category term="Environment"/>
  </entry>
  <entry>
    <title>Market square cobbles to be relaid</title>
    <link href="{base}/stories/cobbles#comments"/>
    <id>tag:estuary-courier.example,2026:2</id>
    <summary>Work starts after the winter fair.</summary>
  </entry>
</feed>
"""

JSON_FEED = """{{
  "version": "https://jsonfeed.org/version/1.1",
  "title": "Wendmouth Weekly",
  "home_page_url": "{base}/",
  "items": [
    {{
      "id": "weekly-1",
      "url": "{base}/weekly/allotments",
      "title": "Allotment waiting list falls to a year",
      "summary": "Forty new plots open on the east bank.",
      "date_published": "2026-11-05T07:15:00Z",
      "authors": [{{"name": "Tom Okafor"}}],
      "image": "/weekly/allotments.jpg",
      "tags": ["Community", "Gardens"]
    }},
    {{
      "id": "weekly-2",
      "url": "/weekly/choir",
      "content_html": "<p>The <strong>Wendmouth Choir</strong> sings at the lighthouse.</p>"
    }}
  ]
}}
"""

# Not well-formed: an unclosed tag and a stray ampersand; the item is still readable.
BROKEN_FEED = """<?xml version="1.0"?>
<rss version="2.0"><channel><title>Broken & Co</title>
<item><title>Bridge <b>toll scrapped</title><link>{base}/stories/toll</link></item>
"""

ARTICLE_PAGE = """<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Harbour wall repairs begin in spring | Wendmouth Gazette</title>
  <link rel="canonical" href="https://wendmouth-gazette.example/stories/harbour-wall?utm_campaign=share">
  <meta property="og:title" content="Harbour wall repairs begin in spring">
  <meta property="og:description" content="The council approved £2m to rebuild the old harbour wall before the winter storms.">
  <meta property="og:site_name" content="Wendmouth Gazette">
  <meta property="og:image" content="/images/harbour.jpg">
  <meta name="author" content="Mara Ellison">
  <script type="application/ld+json">
  {{"@context": "https://schema.org", "@type": "NewsArticle",
    "headline": "Harbour wall repairs begin in spring",
    "datePublished": "2026-11-03T09:30:00+00:00",
    "author": [{{"@type": "Person", "name": "Mara Ellison"}}, {{"@type": "Person", "name": "Jon Pike"}}],
    "publisher": {{"@type": "Organization", "name": "Wendmouth Gazette"}}}}
  </script>
</head>
<body>
  <nav><p>"This navigation sentence is quoted but it is not in the article at all."</p></nav>
  <article>
    <h1>Harbour wall repairs begin in spring</h1>
    <p>Work on the harbour wall starts in March, the council said on Tuesday.</p>
    <p>“We cannot let another winter batter the old stones without a plan,” said Mara Ellison, the harbour master.</p>
    <p>Fishermen welcomed the news. "The wall has kept this town safe for two hundred years," said Dev Amani, who chairs the boat owners' group.</p>
    <p>"Yes," he added. Short quotes are left out.</p>
    <p>Councillor Rhea Stone said: “Every household in Wendmouth will feel the benefit of this work.”</p>
    <p>“A fourth quote that the desk does not need to offer at all,” said someone else.</p>
  </article>
</body>
</html>
"""

TITLE_ONLY_PAGE = """<html><head><title>Lighthouse keeper's cottage up for sale</title></head>
<body><p>No metadata on this page.</p></body></html>
"""
