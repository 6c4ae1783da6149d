"""Read pages the way search engines and social networks do: extruct for JSON-LD and OpenGraph,
a real sitemap parser, feedparser for feeds."""

from collections import defaultdict

import extruct
from usp.tree import sitemap_from_str


def read_page(response, url="http://testserver/"):
    """(JSON-LD nodes, OpenGraph properties as name -> [values]) of an HTML response."""
    data = extruct.extract(
        response.content.decode(), base_url=url, syntaxes=["json-ld", "opengraph"]
    )
    nodes = [node for block in data["json-ld"] for node in block.get("@graph", [block])]
    opengraph = defaultdict(list)
    for block in data["opengraph"]:
        for name, value in block["properties"]:
            opengraph[name].append(value)
    return nodes, opengraph


def node_of_type(nodes, kind):
    matches = [node for node in nodes if node.get("@type") == kind]
    assert len(matches) == 1, f"one {kind} expected, found {len(matches)} in {nodes}"
    return matches[0]


def sitemap(client, path):
    """The sitemap at ``path``, parsed by ultimate-sitemap-parser (without it fetching anything)."""
    response = client.get(path)
    assert response.status_code == 200, path
    assert response["Content-Type"].startswith("application/xml")
    return sitemap_from_str(response.content.decode())


def local_path(url, origin="http://testserver"):
    assert url.startswith(f"{origin}/"), f"{url} is not on {origin}"
    return url.removeprefix(origin)
