"""A relevance test corpus: local news from Harrowmere, a fictional city on the fictional River Senn.

Every article, person, business and quotation here is invented for these tests. The corpus is built
to make relevance expectations meaningful, so some of its wording is deliberate (``test_corpus_is_
built_as_designed`` in tests/test_search_relevance.py checks these rules against the text):

* Exact headlines whose words also fill other articles' bodies: "Ferry fares frozen for another
  year" (the bus-fares article quotes the whole phrase; the winter-ferry article repeats each word)
  and "Lock keeper retires after forty years" (the choir article repeats every word of it).
* A headline word against body repetition: "lido" is once in one headline and four times in the
  body of the what's-on article.
* "herons do not read timetables" appears only in one pull quote; the heron-count article has all
  of those words in its paragraphs, and night-buses has "timetables".
* "elections" (never "election") in ward-elections; "election" only inside "by-election" in
  harbour-byelection. "deterred" (never "deterring") in fly-tipping; "deterring" once, in passing,
  in gulls.
* Authors' surnames appear in no text, except three near misses: "Rowan Marsh" (the rowan-saplings
  headline has both words), "Halvorsen-Pike" ("pike" in the angling story) and "Quince" (a quince
  tart in the bakery story).
* Words found in one kind of field only: "marzipan" (a paragraph), "bellringers" (a subhead),
  "harbourmistress" (a pull-quote attribution), "sluicegate" (a quoted passage), "hydrographic"
  (a quoted passage's source), "scaffolders" (a standfirst), "eelgrass" (a tag), "heritage" is the
  tannery-chimney article's category only, "Kestrel" is a publisher's name only.
* Hidden pages with words no live page has: a draft ("resignation"), a private article ("rota"), an
  article in a private section ("overtime"), an expired one ("clearance") and a scheduled one
  ("fireworks"). Each also shares ordinary words with live articles.
* One body contains markup-like text (``<script>``, ``<b>``) to test escaping.
"""

import re
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from html import unescape

from django.conf import settings
from django.test import override_settings
from django.utils import timezone
from django.utils.html import escape
from wagtail.models import PageViewRestriction
from wagtail.search.backends import get_search_backends

from news.models import ArticlePage, NewsIndexPage
from tests import factories

WORD = re.compile(r"\w+")

SECTIONS = ["City", "Politics", "Business", "Environment", "Culture", "Sport"]
PRIVATE_SECTION = "Staff notices"

AUTHORS = {
    "perpetua": ("Perpetua Ashgrove", "Politics editor"),
    "osric": ("Osric Vellacott", "Business reporter"),
    "tamsin": ("Tamsin Ollerenshaw", "Environment correspondent"),
    "bartholomew": ("Bartholomew Quince", "Arts writer"),
    "niamh": ("Niamh Fairweather", "Transport correspondent"),
    "dagny": ("Dagny Halvorsen-Pike", "Sport reporter"),
    "rowan": ("Rowan Marsh", "City reporter"),
    "ifeoma": ("Ifeoma Thistlewood", "Courts reporter"),
}

CATEGORIES = [
    "Transport",
    "Housing",
    "Flooding",
    "Heritage",
    "Courts",
    "Schools",
    "Council",
    "Trade",
    "Wildlife",
    "Arts",
    "Rowing",
    "Football",
    "Health",
]

PUBLISHERS = {
    "Kestrel Valley Gazette": "https://gazette.example.org/",
    "Upper Senn Courier": "https://courier.example.org/",
    "Harrowmere Evening Lamp": "https://eveninglamp.example.org/",
}


def p(text):
    return ("paragraph", f"<p>{escape(text)}</p>")


def sub(text):
    return ("subhead", text)


def pq(quote, attribution=""):
    return ("pull_quote", {"quote": quote, "attribution": attribution})


def qp(passage, source=""):
    return ("quoted_passage", {"passage": f"<p>{escape(passage)}</p>", "source": source})


@dataclass
class Spec:
    key: str
    section: str
    headline: str
    standfirst: str
    body: list
    authors: list
    categories: list = field(default_factory=list)
    tags: list = field(default_factory=list)
    publisher: str = ""
    days_ago: int = 1
    # "live" (default), "draft", "private", "private_section", "expired", "scheduled"
    state: str = "live"

    def own_texts(self):
        """What the newsroom wrote: headline, standfirst and every text in the body's blocks."""
        out = [self.headline, self.standfirst]
        for block_type, value in self.body:
            if block_type == "paragraph":
                out.append(re.sub(r"<[^>]+>", " ", value))
            elif block_type == "quoted_passage":
                out += [re.sub(r"<[^>]+>", " ", value["passage"]), value["source"]]
            elif isinstance(value, dict):
                out.extend(value.values())
            else:
                out.append(value)
        return [unescape(text) for text in out]

    def texts(self):
        """Every piece of text the search index should hold for this article."""
        out = self.own_texts()
        out += [AUTHORS[key][0] for key in self.authors]
        out += self.categories + self.tags
        if self.publisher:
            out.append(self.publisher)
        return out

    def words(self):
        return {word.lower() for text in self.texts() for word in WORD.findall(text)}


ARTICLES = [
    # ---- City ---------------------------------------------------------------------------------
    Spec(
        "ferry-fares",
        "City",
        "Ferry fares frozen for another year",
        "Single tickets on the Senn ferry stay at £1.80 until next autumn after the council found "
        "savings elsewhere in the transport budget.",
        [
            p(
                "The cross-river ferry between Old Quay and Northbank will keep its current prices "
                "for a second year running, the council's transport committee agreed on Tuesday."
            ),
            sub("Who pays for the freeze"),
            p(
                "Officers said the £140,000 cost would come from lower fuel bills after the two boats "
                "were refitted with electric motors last spring."
            ),
            pq(
                "Nobody should have to think twice about crossing their own river.",
                "Councillor Hetty Brandwood, transport lead",
            ),
            p("Season tickets, which rose in January, are not covered by the freeze."),
        ],
        ["niamh"],
        ["Transport"],
        ["ferry"],
        days_ago=3,
    ),
    Spec(
        "winter-ferry",
        "City",
        "Ice slows the morning crossings",
        "A frozen margin along the Northbank landing stage kept the boats at half speed for a week.",
        [
            p(
                "The ferry crew used another year's worth of grit on the landing stage in five days, "
                "the operator joked, as frozen spray coated the ramp each dawn."
            ),
            p(
                "Fares were not affected, but passengers were asked to allow another ten minutes. "
                "Ferry staff said frozen ropes were the main problem, not the ice itself."
            ),
            sub("Another year of cold snaps?"),
            p(
                "Forecasters said the Senn had frozen at its edges for the third winter in four, and "
                "warned that another year like this one would test the ferry's old pontoon."
            ),
            pq("Frozen ropes are the enemy, not the ice.", "Ferry skipper"),
        ],
        ["rowan"],
        ["Transport"],
        days_ago=40,
    ),
    Spec(
        "bus-fares",
        "City",
        "Bus operator asks to raise fares by ten per cent",
        "Senn Valley Buses says fuel and wages have outrun its income, and wants the council's "
        "approval for a rise in March.",
        [
            p(
                "Unlike the ferry, whose fares were frozen for another year last week, the city's buses "
                "could cost more from the spring."
            ),
            sub("What riders would pay"),
            p(
                "A single journey inside the ring road would go from £2 to £2.20; the day ticket from "
                "£5 to £5.50."
            ),
            pq(
                "We held prices through two winters. We cannot hold them through a third.",
                "Operations director, Senn Valley Buses",
            ),
            p(
                "The council's transport committee will consider the request in February. Night buses "
                "on route 14 would keep their flat fare."
            ),
        ],
        ["niamh"],
        ["Transport"],
        days_ago=2,
    ),
    Spec(
        "lock-keeper",
        "City",
        "Lock keeper retires after forty years",
        "Maud Penhaligon has worked the Eyot Lock gates since 1986 and says the river taught her "
        "patience.",
        [
            p(
                "When Maud Penhaligon took over the lock cottage on the Eyot, the gates were still "
                "opened by hand and the logbook was kept in pencil."
            ),
            sub("A life measured in tides"),
            p(
                "She estimates she has passed some ninety thousand boats through the chamber, from "
                "coal barges to paddleboards."
            ),
            pq("The river does not hurry, so neither do I.", "Maud Penhaligon"),
            p(
                "The navigation trust will hold a farewell on the lockside on Saturday afternoon. Her "
                "successor starts in May."
            ),
        ],
        ["rowan"],
        ["Heritage"],
        ["Eyot Lock"],
        days_ago=10,
    ),
    Spec(
        "lido",
        "City",
        "Lido reopens after two years of repairs",
        "The open-air pool at Marrow Hill welcomes swimmers again from Saturday, with a new filter "
        "plant and a heated shallow end.",
        [
            p(
                "Contractors finished relining the 1930s pool this month, eight months later than "
                "planned, after cracks were found in the original concrete."
            ),
            sub("Prices and opening hours"),
            p(
                "Adult swims cost £4.50 and the pool opens from 7am to 8pm daily until the end of "
                "September."
            ),
            pq("We found the builders' initials from 1934 under the old tiles.", "Pool manager"),
        ],
        ["rowan"],
        ["Health"],
        ["summer"],
        days_ago=20,
    ),
    Spec(
        "gulls",
        "City",
        "Market traders fit spikes to keep gulls off stalls",
        "Gull attacks on food stalls at the covered market have doubled, traders say.",
        [
            p(
                "Traders at the covered market have paid for steel spikes along the awnings, aimed at "
                "deterring gulls that swoop on open pasties."
            ),
            sub("A council matter?"),
            p(
                "The council says gulls are protected and that feeding them is the real problem. Signs "
                "will go up at both entrances."
            ),
            pq("I lost three pasties before nine o'clock.", "Pie stall holder"),
            p("The market opens at eight every day except Monday."),
        ],
        ["rowan"],
        ["Trade"],
        ["gulls"],
        days_ago=25,
    ),
    Spec(
        "fly-tipping",
        "City",
        "Fines cut fly-tipping at Kilnside yard by half",
        "Cameras and £400 penalties deterred dumpers at the old brickworks, figures show.",
        [
            p(
                "Reports of dumped mattresses, tyres and rubble at the former brickworks fell from 48 "
                "to 23 in the six months after cameras went up."
            ),
            sub("Magistrates back the council"),
            p(
                "Magistrates upheld every penalty that was appealed. Officers believe the publicity "
                "deterred others more than the fines themselves."
            ),
            pq(
                "People check for cameras now before they open the van doors.",
                "Enforcement officer",
            ),
            p("The yard is due to become a depot for the new tram line."),
        ],
        ["ifeoma"],
        ["Courts"],
        ["fly-tipping"],
        days_ago=30,
    ),
    Spec(
        "tannery-chimney",
        "City",
        "Tannery chimney gets listed status",
        "The 40-metre brick stack above Tanners' Row can no longer be demolished without national "
        "approval.",
        [
            p(
                "The chimney, built in 1871, is the last survivor of eleven that once stood along the "
                "riverbank."
            ),
            sub("What listing means"),
            p(
                "The owners must keep the stack in good repair and ask permission before any "
                "alteration, including aerials."
            ),
            pq(
                "It is the tallest thing we ever made in this town, and it is still standing.",
                "Local historian",
            ),
        ],
        ["rowan"],
        ["Heritage"],
        ["Kilnside"],
        days_ago=45,
    ),
    Spec(
        "glitch",
        "City",
        "Council website glitch showed raw code to residents",
        "For two hours on Monday the parking permit page displayed lines of programming instead of "
        "a form.",
        [
            p(
                "Residents trying to renew permits saw the text <script>alert('permit')</script> where "
                "the form should have been, and a button labelled <b>Submit</b> that did nothing."
            ),
            sub("No data lost, says council"),
            p(
                "The council said a faulty update was to blame and that no personal data was "
                "exposed."
            ),
            pq(
                "I thought the site had been hacked. It had just been badly updated.",
                "Resident, Marrow Hill",
            ),
        ],
        ["niamh"],
        ["Council"],
        days_ago=6,
    ),
    Spec(
        "tram-line",
        "City",
        "Tram line to Kilnside approved after public inquiry",
        "Inspectors back a 4km extension from the station to the old brickworks, with five new "
        "stops.",
        [
            p(
                "The inquiry heard eleven days of evidence before the planning inspector recommended "
                "approval, with conditions on noise."
            ),
            sub("Timetable for building"),
            p(
                "Construction could begin next spring and take three years. Trams would run every "
                "eight minutes at peak times."
            ),
            qp(
                "The scheme would bring a neighbourhood of 6,000 people within fifteen minutes of the "
                "city centre.",
                "Planning inspector's report",
            ),
            pq("This is the line Kilnside was promised in 1999.", "Kilnside residents' group"),
        ],
        ["niamh", "perpetua"],
        ["Transport"],
        ["tram 14"],
        publisher="Upper Senn Courier",
        days_ago=9,
    ),
    Spec(
        "night-buses",
        "City",
        "Night buses return to route 14",
        "Services after midnight resume on Friday and Saturday nights after a two-year gap.",
        [
            p(
                "The first bus leaves the station at 00:15 and the last at 03:45, calling at Marrow "
                "Hill and the hospital."
            ),
            sub("New timetables at stops"),
            p("Printed timetables will go up at every stop this week; the app is already updated."),
            pq(
                "Hospital night staff were walking home in the dark. Not any more.",
                "Union rep, Harrowmere General",
            ),
        ],
        ["niamh"],
        ["Transport"],
        ["night buses"],
        days_ago=55,
    ),
    Spec(
        "quay-flats",
        "City",
        "Warehouse flats at Old Quay approved despite flood fears",
        "A developer can convert the grain warehouse into 84 flats, but ground floors must stay "
        "empty.",
        [
            p(
                "The planning committee voted seven to four for the scheme after the developer agreed "
                "to keep living space above the 1-in-200-year flood level."
            ),
            sub("Objectors' concerns"),
            p(
                "Neighbours said the quay flooded twice in the last decade and that the access road "
                "would be cut off."
            ),
            pq("You cannot rescue people by boat from a car park.", "Objector, Old Quay residents"),
            p("Thirty of the flats will be let at social rents."),
        ],
        ["rowan"],
        ["Housing"],
        ["Old Quay"],
        publisher="Harrowmere Evening Lamp",
        days_ago=100,
    ),
    Spec(
        "court-eels",
        "City",
        "Two jailed over eel smuggling ring",
        "Baby eels worth £600,000 were packed in suitcases at the harbour, a court heard.",
        [
            p(
                "Harrowmere Crown Court heard that the men caught young eels at the weir at night and "
                "sold them to buyers overseas."
            ),
            sub("A protected species"),
            p("European eels are critically endangered and their export is banned."),
            pq("This was not fishing. It was trafficking.", "Judge"),
            p("A third man was acquitted."),
        ],
        ["ifeoma"],
        ["Courts"],
        days_ago=28,
    ),
    Spec(
        "court-landlord",
        "City",
        "Landlord fined for damp flats in Marrow Hill",
        "Magistrates ordered a property company to pay £18,000 after tenants lived with mould for "
        "two years.",
        [
            p(
                "Inspectors found black mould in nine of the twelve flats and a broken boiler that had "
                "not been repaired for a winter."
            ),
            sub("Tenants' evidence"),
            p("Tenants kept photo diaries of the damp, which the court said were decisive."),
            pq("My daughter's inhaler lived on the windowsill.", "Tenant"),
        ],
        ["ifeoma"],
        ["Courts", "Housing"],
        days_ago=90,
    ),
    Spec(
        "chain-bridge",
        "City",
        "Chain Bridge closes for six weeks of repairs",
        "Drivers face diversions while engineers replace corroded hangers on the 1840s suspension "
        "bridge.",
        [
            p(
                "Pedestrians and cyclists can still cross on a temporary walkway; vehicles must use "
                "the Weaver's Bridge."
            ),
            sub("Why now"),
            p(
                "An inspection found three of the 48 hangers had lost a fifth of their thickness to "
                "rust."
            ),
            pq("It is safe, but it will not stay safe without this work.", "Bridge engineer"),
        ],
        ["niamh"],
        ["Transport"],
        days_ago=11,
    ),
    Spec(
        "allotments",
        "City",
        "Allotment waiting times fall as new plots open",
        "The council has divided larger plots and opened a new site at Marrow Hill.",
        [
            p(
                "Waiting times have fallen from four years to eighteen months. Half-plots are popular "
                "with first-time growers."
            ),
            sub("Water butts for all"),
            p("Every plot now has a water butt, after last summer's hosepipe ban."),
            pq("Half a plot is plenty when you are starting out.", "Allotment society secretary"),
        ],
        ["rowan"],
        ["Health"],
        days_ago=260,
    ),
    # ---- Politics -----------------------------------------------------------------------------
    Spec(
        "ward-elections",
        "Politics",
        "Turnout falls in ward elections",
        "Fewer than one in four voters took part in the May elections for the city council, the "
        "lowest share this century.",
        [
            p(
                "Only 23 per cent of registered voters in Harrowmere cast a ballot in this year's "
                "council elections, down from 31 per cent four years ago."
            ),
            sub("Where fewest voted"),
            p(
                "Northbank and the Saltings had the lowest turnout. Candidates blamed the rain, the "
                "date and a lack of polling stations in new estates."
            ),
            pq(
                "People tell me elections change nothing here. My job is to prove them wrong.",
                "Newly elected councillor, Saltings ward",
            ),
            p(
                "The council's voting office will review the placement of polling stations before "
                "the next round of elections."
            ),
        ],
        ["perpetua"],
        ["Council"],
        ["voting"],
        days_ago=35,
    ),
    Spec(
        "harbour-byelection",
        "Politics",
        "Harbour ward seat to be filled in March",
        "A councillor's move abroad leaves the harbour ward without a representative until spring.",
        [
            p(
                "Voters in the harbour ward will choose a new councillor on 12 March in a by-election "
                "called after Councillor Denys Orme moved to Lisbon."
            ),
            sub("Who is standing"),
            p("Four candidates have been nominated so far. Nominations close on 10 February."),
            pq(
                "The harbour deserves a voice in the chamber, not an empty chair.",
                "Harbour residents' association",
            ),
            p("Polling cards will be posted in mid-February."),
        ],
        ["perpetua"],
        ["Council"],
        days_ago=8,
    ),
    Spec(
        "council-budget",
        "Politics",
        "Council budget protects libraries but raises parking charges",
        "The city's spending plan for next year keeps all six branch libraries open and adds 20p an "
        "hour to parking in the centre.",
        [
            p("Councillors approved the £212m budget by 31 votes to 17 after a four-hour debate."),
            sub("What goes up"),
            p(
                "Parking in the central car parks rises to £1.90 an hour; garden waste collection "
                "rises by £4 a year."
            ),
            pq(
                "We chose books over car parks, and I will defend that choice on any doorstep.",
                "Council leader",
            ),
            p("The opposition proposed cutting the mayor's car instead. Its amendment fell."),
        ],
        ["perpetua"],
        ["Council"],
        ["budget 2027"],
        days_ago=14,
    ),
    Spec(
        "housing-waiting",
        "Politics",
        "Housing waiting list passes 5,000 households",
        "The number of families waiting for a council or housing association home has risen by a "
        "quarter in three years.",
        [
            p(
                "The average wait for a three-bedroom home is now six years, a report to councillors "
                "shows."
            ),
            sub("New homes planned"),
            p(
                "The council plans 400 homes on the former gasworks but says building will not start "
                "before 2028."
            ),
            pq(
                "We are housing people in hotels on the ring road. That is not a home.",
                "Housing cabinet member",
            ),
        ],
        ["perpetua"],
        ["Housing", "Council"],
        days_ago=26,
    ),
    Spec(
        "school-breakfasts",
        "Politics",
        "Free breakfasts for all primary pupils from September",
        "Every primary school in the city will offer a free breakfast club, paid for by a "
        "government grant.",
        [
            p("Twenty-six schools already run clubs; the rest will start after the summer."),
            sub("Teachers welcome the plan"),
            p("Head teachers say hungry children struggle to concentrate before lunch."),
            pq("You cannot teach fractions to a child who has not eaten.", "Head teacher"),
        ],
        ["perpetua"],
        ["Schools"],
        days_ago=58,
    ),
    Spec(
        "town-hall-tours",
        "Politics",
        "Council chamber to be opened to visitors on Saturdays",
        "Tours of the town hall will include the council chamber and the mayor's parlour.",
        [
            p("The free tours start in April and will run every Saturday morning."),
            sub("A hidden collection"),
            p(
                "Visitors will see the town's charters, its silver and a painting of the great flood "
                "of 1852."
            ),
            pq("It is your town hall. You should be able to walk in.", "Mayor of Harrowmere"),
        ],
        ["perpetua"],
        ["Council", "Heritage"],
        days_ago=180,
    ),
    # ---- Business -----------------------------------------------------------------------------
    Spec(
        "bakery",
        "Business",
        "Tanners' Row bakery wins regional prize",
        "A family bakery that opened in a former leather workshop has been named the best small "
        "bakery in the valley.",
        [
            p(
                "Judges praised the bakery's sourdough and its quince and almond tart, a recipe from "
                "the owner's grandmother."
            ),
            sub("From tannery to oven"),
            p(
                "The building still has its drainage channels in the floor. The owners kept them "
                "under glass."
            ),
            p(
                "The bakery's best seller at Christmas is a river-stone loaf dusted with marzipan "
                "crumbs."
            ),
            pq("My grandmother would not believe people queue for her tart.", "Bakery owner"),
        ],
        ["osric"],
        ["Trade"],
        ["Tanners' Row"],
        days_ago=18,
    ),
    Spec(
        "harbour-cargo",
        "Business",
        "Harbour cargo tonnage highest in a decade",
        "Timber and grain shipments pushed traffic through the port above a million tonnes for the "
        "first time since 2015.",
        [
            p(
                "The port handled 1.04 million tonnes last year, helped by a new timber terminal on "
                "the south quay."
            ),
            sub("Bigger ships, deeper channel"),
            p(
                "Dredging last summer allowed vessels of up to 5,000 tonnes to reach the terminal at "
                "any tide."
            ),
            pq(
                "Every ship that docks here is forty lorries off the valley road.",
                "Ines Caldwell, harbourmistress",
            ),
            p("The harbour board will publish its five-year plan in the autumn."),
        ],
        ["osric"],
        ["Trade"],
        days_ago=65,
    ),
    Spec(
        "repair-firms",
        "Business",
        "Repair firms cannot find enough workers",
        "Builders, roofers and scaffolders are turning down jobs across Harrowmere as demand from "
        "storm repairs outstrips supply.",
        [
            p(
                "Small firms say they are booked for months, and some homeowners have waited since "
                "November for roof repairs."
            ),
            sub("Training places unfilled"),
            p(
                "The further education college has twenty empty places on its construction courses "
                "this year."
            ),
            pq(
                "I could take on three more people tomorrow if I could find them.",
                "Roofing contractor",
            ),
        ],
        ["osric"],
        ["Housing"],
        days_ago=33,
    ),
    Spec(
        "covered-market",
        "Business",
        "Covered market to open on Sundays",
        "Traders voted to trial Sunday opening from April, with street food stalls in the central "
        "aisle.",
        [
            p(
                "Two thirds of the 60 stallholders backed the trial in a ballot. It will run for six "
                "months."
            ),
            sub("Rents unchanged"),
            p("The council, which owns the hall, will not charge extra rent for the extra day."),
            pq("Sunday is when people have time to wander.", "Market manager"),
        ],
        ["osric"],
        ["Trade"],
        ["covered market"],
        days_ago=22,
    ),
    Spec(
        "brewery",
        "Business",
        "Brewery expands into old bonded warehouse",
        "The Northbank brewer will triple its output and hire twelve more staff.",
        [
            p(
                "Weir Ale, founded in a garage in 2014, has signed a 25-year lease on the former "
                "bonded warehouse beside the railway bridge."
            ),
            sub("Beer by boat"),
            p(
                "The brewery plans to send casks to pubs downriver by barge, as brewers did a century "
                "ago."
            ),
            pq(
                "We named the company after the weir, so we ought to use the river.",
                "Brewery co-founder",
            ),
        ],
        ["osric"],
        ["Trade"],
        publisher="Kestrel Valley Gazette",
        days_ago=75,
    ),
    Spec(
        "creamery",
        "Business",
        "Valley creamery wins export order",
        "A dairy in the hills above Harrowmere will ship its blue cheese to shops in Norway and "
        "Denmark.",
        [
            p(
                "The creamery, which employs nineteen people, says the order will double its "
                "turnover."
            ),
            sub("Milk from twelve farms"),
            p(
                "All the milk comes from farms within ten miles. The cheese matures for four months "
                "in caves cut into the valley side."
            ),
            pq(
                "Our cows have never seen the sea, but their cheese will cross it.",
                "Creamery owner",
            ),
        ],
        ["osric"],
        ["Trade"],
        publisher="Kestrel Valley Gazette",
        days_ago=130,
    ),
    Spec(
        "boatyard",
        "Business",
        "Boatyard builds its first electric ferry",
        "The Saltings yard launched a battery-powered passenger boat for a lake operator in "
        "Scotland.",
        [
            p(
                "The 18-metre boat carries 80 passengers and charges overnight from a shore "
                "connection."
            ),
            sub("Orders from abroad"),
            p("The yard has two more orders, one from the Netherlands."),
            pq(
                "We built wooden trawlers for a century. Now we build boats that are silent.",
                "Yard manager",
            ),
        ],
        ["osric"],
        ["Trade"],
        publisher="Upper Senn Courier",
        days_ago=210,
    ),
    Spec(
        "shared-offices",
        "Business",
        "Old post office becomes shared offices",
        "Forty desks and six meeting rooms have opened in the Northbank sorting office.",
        [
            p(
                "Freelancers pay £150 a month for a desk, and the ground floor café is open to "
                "everyone."
            ),
            pq("People used to post letters here. Now they write code.", "Building manager"),
        ],
        ["osric"],
        ["Trade"],
        days_ago=240,
    ),
    # ---- Environment --------------------------------------------------------------------------
    Spec(
        "towpath-herons",
        "Environment",
        "Towpath resurfacing paused for nesting season",
        "Work on the Kilnside stretch will stop until July so that nesting birds can raise their "
        "young undisturbed.",
        [
            p(
                "The canal and river trust has halted resurfacing on four hundred metres of towpath "
                "near the Kilnside kilns after ecologists counted eleven occupied nests in the "
                "alders."
            ),
            sub("A new date for the works"),
            p(
                "The contractor will return in July. Cyclists are asked to use the Tanners' Row "
                "diversion until then."
            ),
            pq(
                "Herons do not read timetables, so we changed ours.",
                "Works manager, canal and river trust",
            ),
            p(
                "Walkers can still use the path, but the trust asks them not to linger beneath the "
                "trees."
            ),
        ],
        ["tamsin"],
        ["Wildlife"],
        ["towpath"],
        days_ago=15,
    ),
    Spec(
        "heron-count",
        "Environment",
        "Volunteers count a record number of herons",
        "The annual survey found 31 nests along the Senn, up from 19 five years ago.",
        [
            p(
                "Thirty volunteers walked the banks at dawn with binoculars and clipboards. Counters "
                "read each ringed bird's tag where they could."
            ),
            sub("Why the herons are thriving"),
            p(
                "Cleaner water has brought back eels and roach, the herons' main food. Survey leaders "
                "do not expect the rise to continue for ever."
            ),
            p(
                "Next year's survey dates will follow the tide timetables published by the harbour "
                "office."
            ),
            pq("Thirty-one nests is the best count since records began.", "Survey coordinator"),
        ],
        ["tamsin"],
        ["Wildlife"],
        days_ago=60,
    ),
    Spec(
        "saltings",
        "Environment",
        "Saltmarsh returns as old sea wall is breached",
        "Engineers cut a gap in the Victorian wall at the Saltings to let the tide flood 40 "
        "hectares of former grazing land.",
        [
            p(
                "Within a year the fields should turn to saltmarsh, giving wading birds a new feeding "
                "ground and soaking up storm surges."
            ),
            sub("Protecting Northbank"),
            p(
                "A new, lower bank further inland protects the houses at Northbank. The old wall had "
                "been failing for a decade."
            ),
            pq("We are giving the river back a little of what we took.", "Project engineer"),
            p("Seagrass meadows, lost in the 1930s, could follow if the water clears."),
        ],
        ["tamsin"],
        ["Wildlife", "Flooding"],
        ["eelgrass", "Saltings"],
        days_ago=70,
    ),
    Spec(
        "rowan-saplings",
        "Environment",
        "Rowan saplings planted along the marsh edge",
        "Schoolchildren planted 300 young trees between the Saltings path and the wet meadow.",
        [
            p(
                "The rowan was chosen because its berries feed thrushes in winter and it copes with "
                "wet ground at the marsh edge."
            ),
            p("Each class adopted a row of trees and will measure them every term."),
            pq("In ten years this will be a wood.", "Head teacher, Saltings Primary"),
        ],
        ["tamsin"],
        ["Wildlife", "Schools"],
        days_ago=80,
    ),
    Spec(
        "flood-gates",
        "Environment",
        "Survey finds old flood gates need urgent repair",
        "Three of the seven tidal gates on the Senn could fail in a major surge, engineers warn.",
        [
            p(
                "The survey, commissioned after last winter's near miss at Old Quay, examined every "
                "gate between the Eyot and the estuary."
            ),
            qp(
                "The timber sluicegate at Tanners' Row shows advanced rot and should be replaced "
                "before the next storm season.",
                "Hydrographic and Tidal Works Survey, volume two",
            ),
            sub("Who pays"),
            p(
                "The council and the harbour board are arguing over responsibility for the oldest "
                "gates."
            ),
            pq("We got lucky last winter. Luck is not a flood plan.", "Emergency planning officer"),
        ],
        ["tamsin"],
        ["Flooding"],
        days_ago=120,
    ),
    Spec(
        "air-quality",
        "Environment",
        "Air on the ring road breaches legal limit",
        "Nitrogen dioxide readings near the station were above the limit on 40 days last year.",
        [
            p(
                "The council's monitors recorded the worst levels at the junction of Station Road and "
                "the ring road."
            ),
            sub("Low-emission zone ruled out"),
            p(
                "The council said a charging zone would hurt small traders, and will plant screens of "
                "trees instead."
            ),
            pq(
                "Trees are lovely. They are not a clean air plan.", "Campaigner, Breathe Harrowmere"
            ),
        ],
        ["tamsin"],
        ["Health"],
        days_ago=48,
    ),
    Spec(
        "flood-warning",
        "Environment",
        "Flood warning for Old Quay as river rises",
        "Residents near the quay are advised to move valuables upstairs before high tide on "
        "Thursday night.",
        [
            p("The Senn is expected to peak at 4.6 metres, close to the record set in 2014."),
            sub("Sandbags and shelters"),
            p(
                "Sandbags are available at the Old Quay fire station. The minster hall will open as a "
                "rest centre."
            ),
            pq("Do not drive through flood water. Ever.", "Fire service"),
        ],
        ["tamsin", "rowan"],
        ["Flooding"],
        ["Old Quay"],
        days_ago=1,
    ),
    Spec(
        "sewage",
        "Environment",
        "Sewage spills into the Senn fell last year",
        "The water company reported 212 overflows, down from 340, after storage tanks were built.",
        [
            p(
                "Campaigners said the figures were still too high for a river used by swimmers and "
                "rowers."
            ),
            sub("Bathing water bid"),
            p(
                "A group wants the stretch at the Eyot designated as bathing water, which would force "
                "regular testing."
            ),
            pq("We want to swim without checking an app first.", "Swimmer"),
        ],
        ["tamsin"],
        ["Health", "Wildlife"],
        days_ago=170,
    ),
    Spec(
        "hydro",
        "Environment",
        "Turbine at the weir powers 300 homes",
        "A community energy group has installed a turbine in the old mill race.",
        [
            p("The Archimedes screw turns day and night and sells electricity to the grid."),
            sub("A fish pass too"),
            p("The project included a fish pass so that salmon and eels can get upstream."),
            pq(
                "The river has always worked for this town. Now it does again.",
                "Energy group chair",
            ),
        ],
        ["tamsin"],
        ["Trade"],
        days_ago=190,
    ),
    # ---- Culture ------------------------------------------------------------------------------
    Spec(
        "choir",
        "Culture",
        "Harbour choir marks its fortieth season",
        "The Old Quay Singers began in a net loft in 1985; they now fill the minster twice a year.",
        [
            p(
                "Founder member Alf Dunmore, a lock keeper's son from Kilnside, retires from the choir "
                "after forty years with a solo at the spring concert."
            ),
            sub("From net loft to minster"),
            p(
                "The choir's first rehearsals were held among drying nets above the fish market. "
                "Forty years on, it has ninety members and a waiting list."
            ),
            pq(
                "We sang sea shanties because that was all we knew. Now we sing Fauré.",
                "Choir director",
            ),
            p(
                "Alf says he retires content: after forty years the lock keeper's son has sung in "
                "every concert but one."
            ),
        ],
        ["bartholomew"],
        ["Arts"],
        days_ago=12,
    ),
    Spec(
        "river-weekend",
        "Culture",
        "What to do on the river this weekend",
        "Boat trips, a floating market and late swims: our pick of things to do along the Senn.",
        [
            p(
                "Start at the lido, where the evening swim runs until ten on Saturday; the lido café "
                "is serving breakfast from seven."
            ),
            sub("Afloat"),
            p(
                "The floating market moors at Old Quay from noon. Take the ferry across afterwards "
                "and walk back along the towpath."
            ),
            pq("Bring a towel, bring a friend, bring cash for the market.", "Listings editor"),
            p(
                "On Sunday, the lido hosts a family gala, and the lido lawns become a picnic ground "
                "for the jazz band."
            ),
        ],
        ["bartholomew"],
        ["Arts"],
        ["what's on"],
        days_ago=5,
    ),
    Spec(
        "minster-tower",
        "Culture",
        "Minster tower opens for summer climbs",
        "Visitors can climb the 212 steps of the minster tower on Saturdays from June.",
        [
            p(
                "The tower has been closed to the public since the stairs were found to be loose. "
                "Repairs were paid for by a public appeal."
            ),
            sub("Bellringers wanted"),
            p(
                "The tower's band of ringers has six members and needs at least eight to ring the "
                "full peal. Practice is on Thursday evenings."
            ),
            pq("From the top you can see every bridge on the Senn.", "Minster verger"),
            p("Tickets cost £6 and must be booked in advance."),
        ],
        ["bartholomew"],
        ["Heritage"],
        days_ago=50,
    ),
    Spec(
        "jazz-festival",
        "Culture",
        "Jazz festival adds a floating stage",
        "A converted barge moored at Old Quay will host free concerts on all three evenings.",
        [
            p(
                "The festival's twentieth edition features 60 acts across nine venues, from the "
                "minster to pub back rooms."
            ),
            sub("On the water"),
            p(
                "The barge stage holds a trio and an audience of forty on deck; everyone else "
                "listens from the quay."
            ),
            pq(
                "Jazz was always played on riverboats. We are bringing it home.",
                "Festival director",
            ),
        ],
        ["bartholomew"],
        ["Arts"],
        ["jazz"],
        days_ago=7,
    ),
    Spec(
        "kiln-gallery",
        "Culture",
        "Kiln becomes a gallery for local potters",
        "One of the bottle kilns at Kilnside has reopened as an exhibition space.",
        [
            p(
                "The round brick kiln, unused since 1962, now has a glass roof and walls hung with "
                "pots by twenty valley makers."
            ),
            sub("Built to last"),
            p(
                "Restorers kept the soot on the upper walls as a reminder of the building's working "
                "life."
            ),
            pq(
                "Pots were fired in here for a century. Now they come back to be admired.",
                "Gallery curator",
            ),
        ],
        ["bartholomew"],
        ["Arts", "Heritage"],
        ["Kilnside"],
        days_ago=85,
    ),
    Spec(
        "summer-reading",
        "Culture",
        "Children read a million minutes over the summer",
        "The libraries' summer challenge beat its target with a week to spare.",
        [
            p(
                "More than 4,000 children signed up, logging their reading time on cards at the six "
                "branch libraries."
            ),
            sub("Prizes at the minster"),
            p("Every child who finished gets a certificate at a ceremony in the minster."),
            pq("My son read under the duvet with a torch. I pretended not to notice.", "Parent"),
        ],
        ["bartholomew"],
        ["Schools"],
        days_ago=95,
    ),
    Spec(
        "theatre",
        "Culture",
        "Quayside theatre saved by community buyout",
        "More than 1,200 people bought shares to keep the 1890s playhouse open.",
        [
            p(
                "The theatre, which closed in the spring when its owner retired, will reopen in "
                "October under a community benefit society."
            ),
            sub("What the money pays for"),
            p("The £650,000 raised covers the purchase and a new roof."),
            pq("A town that loses its theatre loses its evenings.", "Society chair"),
        ],
        ["bartholomew"],
        ["Arts"],
        publisher="Upper Senn Courier",
        days_ago=160,
    ),
    Spec(
        "hill-show",
        "Culture",
        "Hill farmers' show draws record crowd",
        "More than 9,000 people came to the annual show on the upper pastures, despite a wet "
        "morning.",
        [
            p("Sheepdog trials, a dry-stone walling contest and a brass band filled the day."),
            sub("Best in show"),
            p("A Swaledale ram from a farm near the reservoir took the top prize."),
            pq(
                "Rain never stopped a hill farmer, and it never stopped this show.",
                "Show secretary",
            ),
        ],
        ["bartholomew"],
        ["Trade"],
        publisher="Kestrel Valley Gazette",
        days_ago=200,
    ),
    Spec(
        "crossing-history",
        "Culture",
        "A short history of the Senn crossing",
        "People have been ferried between Old Quay and Northbank for at least 600 years.",
        [
            p(
                "The first written record of a ferry here dates from 1421, when the monks of the "
                "minster charged a farthing a crossing."
            ),
            sub("Rowing boats to electric motors"),
            p(
                "Oars gave way to steam in 1868 and diesel in 1951. The fares were collected by hand "
                "until 1990."
            ),
            pq("The ferry is older than the bridges, and it will outlast them.", "Local historian"),
        ],
        ["bartholomew"],
        ["Heritage"],
        days_ago=300,
    ),
    # ---- Sport --------------------------------------------------------------------------------
    Spec(
        "school-crew",
        "Sport",
        "State school crew wins the city regatta",
        "Kilnside Academy's eight beat two private schools in the final of the junior event.",
        [
            p(
                "The crew only took up rowing eighteen months ago, training on borrowed boats before "
                "dawn."
            ),
            sub("A boathouse appeal"),
            p("The school now hopes to raise £40,000 for its own boathouse on the Eyot."),
            pq("We learned to row in the dark. The final felt easy by comparison.", "Crew captain"),
        ],
        ["dagny"],
        ["Rowing", "Schools"],
        ["regatta"],
        days_ago=16,
    ),
    Spec(
        "regatta-preview",
        "Sport",
        "Regatta returns to the Senn with record entries",
        "More than 400 crews will race over the weekend, including clubs from four countries.",
        [
            p("The course runs from the railway bridge to the Eyot, with grandstands at Old Quay."),
            sub("Road closures"),
            p("The river road will close from 7am on both days. Extra ferries will run."),
            pq(
                "The Senn is the fairest course in the country: no bend favours anyone.",
                "Race committee chair",
            ),
        ],
        ["dagny"],
        ["Rowing"],
        ["regatta"],
        days_ago=19,
    ),
    Spec(
        "football-stand",
        "Sport",
        "Harrowmere Town plan new stand by the river",
        "The club wants to replace its century-old wooden stand with a 3,000-seat terrace.",
        [
            p(
                "The old stand, which backs onto the towpath, was closed last year after an "
                "engineer's inspection."
            ),
            sub("Fans consulted"),
            p("Supporters will vote on three designs at a meeting next month."),
            pq("Every goal here has been cheered from that wooden stand.", "Club historian"),
        ],
        ["dagny"],
        ["Football"],
        publisher="Harrowmere Evening Lamp",
        days_ago=110,
    ),
    Spec(
        "record-pike",
        "Sport",
        "Angler lands a record pike below the weir",
        "The 14kg fish was weighed, photographed and returned to the river.",
        [
            p(
                "Retired postman Cyril Oake said the pike took twenty minutes to land on a lure meant "
                "for perch."
            ),
            pq("She was longer than my leg. I put her back where she belongs.", "Cyril Oake"),
            p("The club record had stood since 1978."),
        ],
        ["rowan"],
        ["Wildlife"],
        days_ago=140,
    ),
    Spec(
        "winter-swimmers",
        "Sport",
        "Winter swimmers brave the Eyot pool",
        "A club that swims in the river every week of the year has doubled its membership.",
        [
            p(
                "The swimmers meet at 7am every Sunday at the shallow pool behind the Eyot, whatever "
                "the temperature."
            ),
            sub("Safety first"),
            p(
                "The club insists on tow floats, buddies and a limit of ten minutes when the water is "
                "below six degrees."
            ),
            pq("The first minute is agony. The rest of the day is wonderful.", "Club founder"),
        ],
        ["dagny"],
        ["Health"],
        days_ago=150,
    ),
    Spec(
        "cricket-flood",
        "Sport",
        "Cricket club's pitch flooded for third summer",
        "Matches at the riverside ground have been moved again after the Senn burst its banks in "
        "July.",
        [
            p("The club has played only four home games this season."),
            sub("Moving the square"),
            p("Members are discussing moving the square to higher ground, at a cost of £60,000."),
            pq("We are the only club whose covers need to float.", "Club captain"),
        ],
        ["dagny"],
        ["Flooding"],
        days_ago=220,
    ),
    Spec(
        "river-marathon",
        "Sport",
        "River marathon raises £80,000 for the hospice",
        "Two thousand runners followed the Senn from the reservoir to the sea.",
        [
            p(
                "The course follows towpaths for most of its 26 miles and crosses the river four "
                "times."
            ),
            pq("Every mile along the water is a mile you remember.", "Race director"),
            p("Next year's race will start at the Eyot."),
        ],
        ["dagny"],
        ["Health"],
        publisher="Harrowmere Evening Lamp",
        days_ago=250,
    ),
    # ---- Never to be found --------------------------------------------------------------------
    Spec(
        "draft-mayor",
        "City",
        "Mayor to step down in the spring",
        "A draft statement seen by the newsroom says the mayor's resignation takes effect in April.",
        [p("The statement has not been released. It mentions the covered market and the ferry.")],
        ["rowan"],
        ["Council"],
        state="draft",
    ),
    Spec(
        "private-rota",
        "City",
        "Newsroom rota for flood night",
        "Who is on the flood desk on Thursday: staff only.",
        [
            p(
                "The rota covers the river desk, photographers and the live blog until the Senn peaks."
            )
        ],
        ["ifeoma"],
        ["Flooding"],
        state="private",
    ),
    Spec(
        "private-overtime",
        PRIVATE_SECTION,
        "Overtime rules for the regatta weekend",
        "Staff working both regatta days can claim overtime at the weekend rate.",
        [p("Claims must be made by the end of the month. The regatta desk opens at six.")],
        ["dagny"],
        ["Rowing"],
        state="private_section",
    ),
    Spec(
        "expired-sale",
        "Business",
        "Covered market clearance sale ends tonight",
        "Stallholders are selling off winter stock at half price until the doors close.",
        [p("The clearance sale runs until 6pm. Cash only at most stalls in the covered market.")],
        ["osric"],
        ["Trade"],
        state="expired",
    ),
    Spec(
        "scheduled-fireworks",
        "Culture",
        "Fireworks barge to light up New Year on the Senn",
        "A barge moored off the Eyot will launch the city's midnight display.",
        [p("The display lasts twelve minutes. The best views are from the Chain Bridge.")],
        ["bartholomew"],
        ["Arts"],
        state="scheduled",
    ),
]

SPECS = {spec.key: spec for spec in ARTICLES}
LIVE = [spec for spec in ARTICLES if spec.state == "live"]
HIDDEN = [spec for spec in ARTICLES if spec.state != "live"]


@dataclass
class Corpus:
    sections: dict
    authors: dict
    categories: dict
    publishers: dict
    pages: dict

    def key_of(self, page):
        return next(key for key, built in self.pages.items() if built.pk == page.pk)

    def keys(self, pages_or_ids):
        by_pk = {page.pk: key for key, page in self.pages.items()}
        return [by_pk[getattr(item, "pk", item)] for item in pages_or_ids]

    def live_keys_with_word(self, word):
        """Live articles whose indexed text contains ``word`` as a whole word (no stemming)."""
        return {spec.key for spec in LIVE if word.lower() in spec.words()}


def local_noon(days_ago):
    day = timezone.localdate() - timedelta(days=days_ago)
    return timezone.make_aware(datetime.combine(day, time(12, 0)))


def build_corpus():
    """Create the sections, people, taxonomy and articles; return a Corpus of the created objects.

    Pages are created and published the way editors do it (revisions, publish), but the search
    index is written once at the end, in bulk, as ``manage.py update_index`` would: indexing on
    every save of every revision triples the build time. The tests of index updates on publish,
    unpublish, move, delete and rename exercise the per-save path.
    """
    auto_update_off = {
        name: {**params, "AUTO_UPDATE": False}
        for name, params in settings.WAGTAILSEARCH_BACKENDS.items()
    }
    with override_settings(WAGTAILSEARCH_BACKENDS=auto_update_off):
        corpus = _create_corpus()
    for backend in get_search_backends(with_auto_update=True):
        for model in (NewsIndexPage, ArticlePage):
            backend.add_bulk(model, list(model.get_indexed_objects()))
    return corpus


def _create_corpus():
    home = factories.home_page()
    sections = {name: factories.make_section(name, parent=home) for name in SECTIONS}
    staff = factories.make_section(PRIVATE_SECTION, parent=home)
    PageViewRestriction.objects.create(page=staff, restriction_type=PageViewRestriction.LOGIN)
    sections[PRIVATE_SECTION] = staff
    authors = {key: factories.make_author(name, role=role) for key, (name, role) in AUTHORS.items()}
    categories = {name: factories.make_category(name) for name in CATEGORIES}
    publishers = {
        name: factories.make_publisher(name, homepage_url=url, tagline="")
        for name, url in PUBLISHERS.items()
    }
    pages = {}
    for spec in ARTICLES:
        extra = {}
        if spec.publisher:
            extra["publisher"] = publishers[spec.publisher]
            extra["source_url"] = f"{PUBLISHERS[spec.publisher]}stories/{spec.key}"
        if spec.state == "scheduled":
            extra["go_live_at"] = timezone.now() + timedelta(days=30)
        page = factories.make_article(
            sections[spec.section],
            spec.headline,
            authors=[authors[key] for key in spec.authors],
            categories=[categories[name] for name in spec.categories],
            tags=spec.tags,
            body=spec.body,
            standfirst=spec.standfirst,
            publish=spec.state != "draft",
            **extra,
        )
        # Noon local time, so that date filters never straddle midnight.
        changes = {"display_date": local_noon(spec.days_ago)}
        if spec.state == "expired":
            # Past its expiry but still live: `publish_scheduled` has not run yet.
            changes["expire_at"] = timezone.now() - timedelta(hours=2)
        ArticlePage.objects.filter(pk=page.pk).update(**changes)
        if spec.state == "private":
            PageViewRestriction.objects.create(
                page=page, restriction_type=PageViewRestriction.LOGIN
            )
        page.refresh_from_db()
        pages[spec.key] = page
    return Corpus(sections, authors, categories, publishers, pages)


def built(django_db_blocker):
    """Build the corpus once for a test module; roll it back when the module is done.

    Use from a module-scoped fixture that depends on ``django_db_setup``. Each test still runs in
    its own transaction (a savepoint inside this one), so tests that publish, move or rename leave
    the corpus as it was for the next test.
    """
    from django.db import transaction

    with django_db_blocker.unblock(), transaction.atomic():
        corpus = build_corpus()
        yield corpus
        transaction.set_rollback(True)
