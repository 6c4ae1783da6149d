"""Everything the demo newsroom says about itself, apart from the articles (see ``articles.py``).

The city of Wendmouth, the River Wend, and every person, business and publication here are
fictional. Links point at example.org / example.com / example.net domains.
"""

SITE = {
    "site_name": "The Riverside Ledger",
    "tagline": "Independent news for Wendmouth and the Wend valley",
    "footer_text": (
        "The Riverside Ledger is an independent, reader-funded newsroom covering Wendmouth and "
        "the Wend valley. This is a demonstration site: the city, its people and every story "
        "here are fictional."
    ),
    "social_links": [
        ("Mastodon", "https://mastodon.example.org/@riversideledger"),
        ("Bluesky", "https://bluesky.example.com/profile/riversideledger"),
        ("Instagram", "https://instagram.example.net/riversideledger"),
        ("Newsletter", "https://newsletters.example.org/morning-ledger"),
    ],
}

# Sections, in menu order: (slug, title, intro HTML).
SECTIONS = [
    (
        "news",
        "News",
        "<p>What is happening in Wendmouth today: transport, schools, weather and the stories "
        "from every neighbourhood along the Wend.</p>",
    ),
    (
        "politics",
        "Politics",
        "<p>The city council, its budget and the people elected to run it, followed vote by "
        "vote.</p>",
    ),
    (
        "business",
        "Business",
        "<p>Jobs, shops, start-ups and the high streets that keep Wendmouth working.</p>",
    ),
    (
        "culture",
        "Culture",
        "<p>Theatre, music, books, galleries and the people making art in the city.</p>",
    ),
    (
        "science",
        "Science",
        "<p>The river, the weather, wildlife and the research happening on our doorstep.</p>",
    ),
    (
        "opinion",
        "Opinion",
        "<p>Argument and analysis from <i>Ledger</i> columnists. Disagree? "
        "<b>Write to us</b>: we publish letters every week.</p>",
    ),
]

# Authors: slug -> name, role, bio, portrait (palette, skin tone, hair colour, hair style, shirt).
AUTHORS = {
    "priya-natarajan": {
        "name": "Priya Natarajan",
        "role": "City hall reporter",
        "bio": (
            "Priya has covered Wendmouth City Council for six years, from budget meetings to "
            "planning rows. She grew up in Brickfields and still lives there."
        ),
        "portrait": ("dawn", 2, 0, "long", "mid"),
    },
    "tom-achterberg": {
        "name": "Tom Achterberg",
        "role": "Transport correspondent",
        "bio": (
            "Tom writes about buses, trams, bridges and bike lanes, and how people actually get "
            "around the city. He commutes on the water bus whenever it is running."
        ),
        "portrait": ("harbour", 0, 3, "short", "accent"),
    },
    "grace-okafor": {
        "name": "Grace Okafor",
        "role": "Business editor",
        "bio": (
            "Grace leads our coverage of jobs, shops and local companies. Before joining the "
            "Ledger she reported on trade for a regional business magazine."
        ),
        "portrait": ("plum", 4, 0, "bun", "warm"),
    },
    "daniel-whitford": {
        "name": "Daniel Whitford",
        "role": "Politics editor",
        "bio": (
            "Daniel has reported on four city elections and more by-elections than he can count. "
            "He chairs the Ledger's hustings."
        ),
        "portrait": ("civic", 1, 5, "bald", "dark"),
    },
    "hannah-lindqvist": {
        "name": "Hannah Lindqvist",
        "role": "Arts and culture writer",
        "bio": (
            "Hannah reviews theatre, exhibitions and books, and writes about the people who make "
            "Wendmouth's cultural life. She sings in the Old Quay community choir."
        ),
        "portrait": ("meadow", 0, 4, "long", "accent"),
    },
    "marcus-bell": {
        "name": "Marcus Bell",
        "role": "Education reporter",
        "bio": (
            "Marcus covers schools, colleges and childcare. He taught science for eight years "
            "before becoming a journalist."
        ),
        "portrait": ("slate", 3, 1, "short", "accent"),
    },
    "ines-carvalho": {
        "name": "Inês Carvalho",
        "role": "Science and environment reporter",
        "bio": (
            "Inês writes about the river, wildlife, climate and research at Wendmouth University. "
            "She has a doctorate in marine ecology."
        ),
        "portrait": ("mint", 1, 1, "curly", "mid"),
    },
    "owen-pritchard": {
        "name": "Owen Pritchard",
        "role": "Opinion editor",
        "bio": (
            "Owen edits the Ledger's opinion pages and writes a weekly column about how the city "
            "is run. Letters to the editor land on his desk."
        ),
        "portrait": ("autumn", 0, 5, "short", "mid"),
    },
    "sadie-morrow": {
        "name": "Sadie Morrow",
        "role": "Weather and rivers reporter",
        "bio": (
            "Sadie tracks rain, tides and river levels, and explains what they mean for the "
            "streets that flood. She keeps a rain gauge in her back garden."
        ),
        "portrait": ("storm", 2, 2, "bun", "warm"),
    },
    "felix-adeyemi": {
        "name": "Felix Adeyemi",
        "role": "Community reporter",
        "bio": (
            "Felix reports on neighbourhood life across Wendmouth, from street parties to "
            "campaigns to save local services. Send him your stories."
        ),
        "portrait": ("dusk", 5, 6, "curly", "accent"),
    },
    "miriam-osei": {
        "name": "Miriam Osei",
        "role": "Columnist",
        "bio": (
            "Miriam writes a fortnightly column about public services and the cost of living. "
            "She has run a community advice centre in Marsh End for twenty years."
        ),
        "portrait": ("paper", 4, 6, "long", "accent"),
    },
    "ruth-calloway": {
        "name": "Ruth Calloway",
        "role": "Editor",
        "bio": (
            "Ruth has edited the Riverside Ledger since it became a reader-funded cooperative. "
            "She started her career on the paper's night desk."
        ),
        "portrait": ("civic", 0, 5, "bun", "mid"),
    },
}

# Fictional publications whose stories the Ledger summarises and links to.
PUBLISHERS = {
    "wend-valley-gazette": {
        "name": "The Wend Valley Gazette",
        "homepage_url": "https://www.wendvalleygazette.example.com/",
        "tagline": "Daily news from across the Wend valley.",
        "logo": ("WG", "civic", "circle"),
        "path": "news",
    },
    "eastbank-weekly": {
        "name": "Eastbank Weekly",
        "homepage_url": "https://eastbankweekly.example.net/",
        "tagline": "Community news for Eastbank and the Saltings, every Thursday.",
        "logo": ("EW", "dawn", "square"),
        "path": "stories",
    },
    "riverlands-radio": {
        "name": "Riverlands Public Radio",
        "homepage_url": "https://www.riverlandsradio.example.org/",
        "tagline": "Listener-funded news and conversation for the Riverlands.",
        "logo": ("RR", "harbour", "stripes"),
        "path": "news/local",
    },
    "wendmouth-business-review": {
        "name": "Wendmouth Business Review",
        "homepage_url": "https://wendmouth-review.example.com/",
        "tagline": "Companies, jobs and money in Wendmouth.",
        "logo": ("WB", "slate", "square"),
        "path": "companies",
    },
    "campus-echo": {
        "name": "The Campus Echo",
        "homepage_url": "https://campusecho.example.org/",
        "tagline": "The student newspaper of Wendmouth University.",
        "logo": ("CE", "meadow", "circle"),
        "path": "research",
    },
}

# Categories: slug -> (name, description).
CATEGORIES = {
    "transport": (
        "Transport",
        "Buses, trams, bridges, cycling and walking: how Wendmouth gets around.",
    ),
    "council": (
        "Council",
        "Wendmouth City Council: its decisions, its budget and the services it runs.",
    ),
    "elections": (
        "Elections",
        "Candidates, campaigns, hustings and results, ward by ward.",
    ),
    "schools": (
        "Schools",
        "Primary and secondary schools, colleges, childcare and young people.",
    ),
    "weather": (
        "Weather and flooding",
        "Rain, storms, tides and river levels, and what they mean for the city.",
    ),
    "arts": (
        "Arts",
        "Theatre, music, books, galleries and festivals.",
    ),
    "economy": (
        "Jobs and economy",
        "Employers, shops, high streets and the cost of living.",
    ),
    "environment": (
        "Environment",
        "The River Wend, wildlife, pollution and climate.",
    ),
    "housing": (
        "Housing",
        "New homes, planning decisions, renting and flood risk.",
    ),
    "health": (
        "Health",
        "Hospitals, public health, social care and wellbeing.",
    ),
    "heritage": (
        "Heritage",
        "Wendmouth's history, its old buildings and the people who look after them.",
    ),
    "food-and-drink": (
        "Food and drink",
        "Markets, cafés, breweries and the people who feed the city.",
    ),
    "community": (
        "Community",
        "Volunteers, campaigns and neighbourhood life.",
    ),
    "science-and-technology": (
        "Science and technology",
        "Research, inventions and the engineers and scientists working in the city.",
    ),
}

# Sidebar promos. "sitewide" ones show on every article that picks none; "draft" stays unpublished.
PROMOS = [
    {
        "key": "contact-officials",
        "title": "Contact your elected officials",
        "text": (
            "Find out who represents your ward on Wendmouth City Council, and how to reach them "
            "by email, by phone or at a local surgery."
        ),
        "cta_label": "Find your councillor",
        "link_url": "https://council.example.org/your-councillors/",
        "image": "civic-civic",
        "sitewide": True,
    },
    {
        "key": "newsletter",
        "title": "The Morning Ledger",
        "text": (
            "The day's Wendmouth news in your inbox at 7am, written by our reporters. Free, and "
            "easy to leave."
        ),
        "cta_label": "Sign up free",
        "link_url": "https://newsletters.example.org/morning-ledger/",
        "image": None,
        "sitewide": True,
    },
    {
        "key": "tips",
        "title": "Got a story? Tell us",
        "text": (
            "Something happening in your street that we should know about? Our reporters read "
            "every message, and we protect our sources."
        ),
        "cta_label": "Send us a tip",
        "link_url": "https://tips.example.org/riverside-ledger/",
        "image": None,
        "sitewide": False,
    },
    {
        "key": "elections",
        "title": "Follow the council elections",
        "text": "Candidates, hustings and results from every ward, as they happen.",
        "cta_label": "Election coverage",
        "link_section": "politics",
        "image": None,
        "sitewide": False,
    },
    {
        "key": "flood-ready",
        "title": "Is your home at risk of flooding?",
        "text": (
            "Check the new Wend valley flood maps by postcode, and sign up for free flood "
            "warnings by text or email."
        ),
        "cta_label": "Check your postcode",
        "link_url": "https://floodmaps.example.org/wend-valley/",
        "image": "contours-mint",
        "sitewide": False,
    },
    {
        "key": "quiz-night",
        "title": "Reader quiz night at the Granary",
        "text": "Test your Wendmouth knowledge against the Ledger newsroom. Teams of up to six.",
        "cta_label": "Book a table",
        "link_url": "https://events.example.org/ledger-quiz/",
        "image": None,
        "sitewide": False,
        "draft": True,
    },
]

IMAGE_CREDIT = "Ledger graphics desk"
