"""More articles than anyone wrote: story kits recombined with places, people and numbers.

``seed_newsroom --articles 10000`` needs thousands of plausible articles for benchmarks. Each kit
below is a short story written for the purpose, with slots ({place}, {street}, {homes}...);
filling the slots from the lists and ranges here, with a random generator seeded by the article's
number, gives a coherent article that is the same on every run.
"""

import random
import re

from django.utils.text import slugify


def _names(text):
    """A comma-separated list, one or more lines long."""
    return [name.strip() for name in text.split(",") if name.strip()]


PLACES = _names(
    """
    Old Quay, Eastbank, Marsh End, Northgate, Kestrel Hill, Brickfields, the Saltings,
    Hollins Park, Fenwick Green, the Weir, Tanners Row, Mill Lane, Rope Walk, Heron Street,
    Lime Avenue, Wharf Lane, Chapel Fields, Ferry Steps, Cooper's Yard, Orchard Rise,
    Sallow Bank, Pennyford, Upper Wend, Sluice Gate
    """
)
STREETS = _names(
    """
    Lime Avenue, Heron Street, Wharf Lane, Rope Walk, Mill Lane, Chapel Row, Quayside,
    Brewery Lane, Station Road, Kestrel Road, Fenwick Parade, Eastbank Parade, Tanners Row,
    Orchard Street, Ferry Road, Granary Lane
    """
)
FIRST_NAMES = _names(
    """
    Amara, Ben, Chloe, Dev, Elif, Finn, Gita, Harry, Imogen, Jamal, Katya, Luke, Maya,
    Nico, Olu, Petra, Qasim, Rosie, Sami, Tess, Umar, Vera, Wes, Yara, Zoe
    """
)
SURNAMES = _names(
    """
    Abbott, Bhatt, Carver, Dimitriou, Ellery, Fenn, Grant, Hale, Iqbal, Jarvis, Kerr, Lowe,
    Mensah, Noakes, Orme, Pask, Quinlan, Rowe, Sato, Thorne, Upton, Vance, Webb, Yeo
    """
)
ROLES = _names(
    """
    a local resident, chair of the residents' association, a shop owner, a parent,
    a ward councillor, a volunteer, a retired teacher, a bus driver
    """
)

# Each kit: headline, standfirst, paragraphs, subhead, quote, categories, tags.
KITS = {
    "news": [
        {
            "headline": "Roadworks on {street} to last {weeks} weeks",
            "standfirst": (
                "A water main replacement will close one lane of {street} in {place}. Buses on "
                "routes {route} and {route2} will be diverted."
            ),
            "paragraphs": [
                "Work to replace a {age}-year-old water main under {street} in {place} will start "
                "next week and is expected to last {weeks} weeks, the water company has said.",
                "One lane will be closed at a time, with temporary traffic lights at the junction. "
                "Buses on routes {route} and {route2} will be diverted via {street2}.",
                "The company said the old cast-iron pipe had burst {bursts} times in the past five years, "
                "most recently flooding the road outside a primary school.",
                "Residents will have access to their homes throughout, though some parking bays "
                "will be suspended. Letters have been sent to {households} households.",
            ],
            "subhead": "Diversions and parking",
            "quote": "Every burst means a morning of chaos. If this fixes it, a few weeks of lights "
            "is worth it.",
            "categories": ["transport", "council"],
            "tags": ["roadworks", "water"],
        },
        {
            "headline": "{place} residents campaign for a safe crossing on {street}",
            "standfirst": (
                "A petition signed by {signatures} people asks the council for a zebra crossing near the "
                "shops on {street}, where parents say children dodge traffic every day."
            ),
            "paragraphs": [
                "Parents and older residents in {place} have started a campaign for a pedestrian "
                "crossing on {street}, saying the road has become too dangerous to cross.",
                "A petition calling for a zebra crossing near the parade of shops has been signed "
                "by {signatures} people and will be presented to the council next month.",
                "Council figures show {collisions} collisions involving pedestrians on the road in the past "
                "three years. Traffic counts have risen since a new estate opened nearby.",
                "The council said it would carry out a speed and traffic survey before deciding "
                "whether a crossing could be funded from this year's road safety budget.",
            ],
            "subhead": "A survey first",
            "quote": "We are not asking for much. Just a safe way for children to get to the shop "
            "and back.",
            "categories": ["transport", "community"],
            "tags": ["road safety", "walking", "petitions"],
        },
        {
            "headline": "Heavy rain floods roads in {place}",
            "standfirst": (
                "{rain}mm of rain fell in a few hours, leaving {street} under water and "
                "closing the underpass at {street2}."
            ),
            "paragraphs": [
                "A sudden downpour left several roads in {place} under water, with {rain}mm of rain "
                "falling in a few hours at the city's weather station.",
                "{street} was closed for part of the afternoon, and the underpass at {street2} "
                "flooded to a depth of about {depth} centimetres.",
                "Firefighters were called to {properties} properties where water had come in under doors. "
                "No one was hurt.",
                "The council said drainage crews would inspect gullies on the worst-affected "
                "streets, and reminded residents that sandbags are available from the Brickfields "
                "depot.",
            ],
            "subhead": "Drains under pressure",
            "quote": "It came down so hard the drains just gave up. Ten minutes and the road was a "
            "river.",
            "categories": ["weather", "environment"],
            "tags": ["flooding", "storms"],
        },
        {
            "headline": "{place} primary school praised after turnaround",
            "standfirst": (
                "Inspectors found a school transformed two years after it was told to improve, "
                "with reading results now above the city average."
            ),
            "paragraphs": [
                "A primary school in {place} that was told to improve two years ago has been "
                "praised by inspectors for its teaching, its reading results and its pupils' "
                "behaviour.",
                "The report said leaders had rebuilt the curriculum and trained every teacher in "
                "the same approach to reading, and that pupils spoke about books with enthusiasm.",
                "Results in the last national tests were above the city average for the first time, "
                "with {percent} per cent of pupils reaching the expected standard in reading.",
                "The headteacher thanked parents for their patience and said the school's next "
                "aim was to open a breakfast club for its {pupils} pupils.",
            ],
            "subhead": "What inspectors found",
            "quote": "The children did this. We just made sure every one of them had a book they "
            "wanted to read.",
            "categories": ["schools"],
            "tags": ["primary schools", "inspections"],
        },
    ],
    "politics": [
        {
            "headline": "Councillors approve {homes} new homes in {place}",
            "standfirst": (
                "The planning committee backed the scheme by {votes} votes, with a third of the "
                "homes for social rent. Neighbours had raised concerns about traffic."
            ),
            "paragraphs": [
                "Plans for {homes} new homes on former industrial land in {place} have been approved "
                "by Wendmouth's planning committee.",
                "A third of the homes will be for social rent, and the developer will pay "
                "£{money}m towards school places, health services and a new bus stop.",
                "More than {objectors} residents objected, most of them about extra traffic on {street}. "
                "The scheme includes a new junction and a cycle path to the station.",
                "Construction is expected to start within a year, with the first homes finished "
                "eighteen months later.",
            ],
            "subhead": "Objections over traffic",
            "quote": "We need these homes. We also need the road to work on the day people move in.",
            "categories": ["housing", "council"],
            "tags": ["planning", "new homes"],
        },
        {
            "headline": "Council to spend £{money}m resurfacing roads in {place}",
            "standfirst": (
                "{street} and {roads} other roads will be resurfaced under a programme that "
                "councillors say will fix the city's worst potholes first."
            ),
            "paragraphs": [
                "The council will spend £{money}m resurfacing roads in {place} this year, "
                "starting with {street}, which has one of the highest pothole counts in the city.",
                "Roads were chosen using a survey that scores every street on the state of its "
                "surface, the number of complaints and how many buses use it.",
                "Work will be done at night on the busiest roads to reduce disruption. The "
                "council will post a timetable for each street online.",
                "Opposition councillors said the programme was welcome but would clear only a "
                "fraction of the city's repair backlog.",
            ],
            "subhead": "Worst roads first",
            "quote": "Every pothole we fill now is a claim we do not pay later.",
            "categories": ["council", "transport"],
            "tags": ["potholes", "roads", "council budget"],
        },
        {
            "headline": "Petition to save {place} community centre passes {signatures} signatures",
            "standfirst": (
                "The centre faces closure under budget plans. Users say it is the only "
                "affordable meeting space in the neighbourhood."
            ),
            "paragraphs": [
                "A petition to save the community centre in {place} has passed {signatures} signatures, "
                "enough to force a debate at the next full council meeting.",
                "The centre is used by {groups} groups each week, from a toddler group to a lunch club "
                "for older people. Its council grant would end under budget proposals.",
                "Campaigners say a community group could run the building if the council agreed "
                "a long lease at a low rent.",
                "The council said no final decision had been made and that it would meet the "
                "campaigners before the debate.",
            ],
            "subhead": "A debate at full council",
            "quote": "This building is where the neighbourhood meets. Close it and we will "
            "be strangers.",
            "categories": ["council", "community"],
            "tags": ["community centres", "petitions", "council budget"],
        },
    ],
    "business": [
        {
            "headline": "New {shop} opens on {street}",
            "standfirst": (
                "The independent business has taken a unit that stood empty for {months} months, and "
                "will employ {shop_staff} people."
            ),
            "paragraphs": [
                "A new {shop} has opened on {street} in {place}, filling a unit that had stood "
                "empty for {months} months.",
                "Its owners, who live nearby, said they had chosen the street because of the "
                "passing trade from the bus stops and the Saturday market.",
                "The business will employ {shop_staff} people and plans to run evening events once "
                "it is established.",
                "Neighbouring traders welcomed the opening, saying every filled unit helped "
                "bring shoppers back to the street.",
            ],
            "subhead": "Filling the empty units",
            "quote": "We wanted to be somewhere people actually walk past. This street has that.",
            "categories": ["economy"],
            "tags": ["small business", "high street"],
        },
        {
            "headline": "{place} engineering firm wins £{money}m contract",
            "standfirst": (
                "The family-owned company will hire {jobs} people to deliver the contract, "
                "which runs for {contract_years} years."
            ),
            "paragraphs": [
                "An engineering company based in {place} has won a £{money}m contract to supply "
                "parts for rail maintenance, its largest order in {decades} decades of trading.",
                "The family-owned business will hire {jobs} people, including apprentices, and "
                "is moving into a larger unit on the same industrial estate.",
                "Its managing director said the contract had been won against competition from "
                "much larger firms.",
                "The company already employs {workforce} people and works with Wendmouth College on "
                "its apprenticeship programme.",
            ],
            "subhead": "Apprentices wanted",
            "quote": "We have been making things in this city for a long time. This means we "
            "will keep doing it.",
            "categories": ["economy", "science-and-technology"],
            "tags": ["jobs", "manufacturing", "apprenticeships"],
        },
        {
            "headline": "Market traders in {place} report {percent} per cent rise in takings",
            "standfirst": (
                "Longer opening hours and new food stalls have brought younger shoppers to the "
                "market, traders say."
            ),
            "paragraphs": [
                "Traders at the market in {place} say takings are up by {percent} per cent on "
                "last year, after the market extended its hours and added new food stalls.",
                "A survey of stallholders found that most had seen more customers under 35, "
                "many of them visiting for food and staying to shop.",
                "The market now has {stalls} stalls, with a waiting list for the first time in a "
                "decade.",
                "The council, which runs the market, said it would look at extending the "
                "longer hours to other days.",
            ],
            "subhead": "A waiting list again",
            "quote": "For years we were told markets were finished. Come and look at the queue.",
            "categories": ["economy", "food-and-drink"],
            "tags": ["markets", "street food"],
        },
    ],
    "culture": [
        {
            "headline": "{place} choir celebrates {anniversary} years with a free concert",
            "standfirst": (
                "The community choir, which has no auditions, will be joined by former members "
                "for an anniversary concert."
            ),
            "paragraphs": [
                "A community choir from {place} is marking {anniversary} years of singing with a free concert, "
                "and has invited every former member to sing.",
                "The choir has no auditions and rehearses weekly in a church hall. It has "
                "{members} members, the youngest of them 16 and the oldest 91.",
                "The programme includes folk songs from the Wend valley, gospel, and a new piece "
                "written for the choir by a local composer.",
                "Organisers say they expect more than {singers} singers to take part on the night.",
            ],
            "subhead": "No auditions, no sheet music",
            "quote": "You do not need to read music. You just need to turn up on a Tuesday.",
            "categories": ["arts", "community"],
            "tags": ["music", "choirs"],
        },
        {
            "headline": "Exhibition of {place} photographs opens at the Granary",
            "standfirst": (
                "Pictures taken by residents over {decades} decades show how the neighbourhood "
                "has changed, from the docks to the new flats."
            ),
            "paragraphs": [
                "An exhibition of photographs of {place}, taken by residents over {decades} "
                "decades, has opened at the Granary Arts Centre.",
                "The {pictures} pictures were collected at drop-in sessions where people brought family "
                "albums to be scanned. They include street parties, floods and shopfronts long "
                "since gone.",
                "Each photograph is shown alongside the memories of the person who lent it, "
                "recorded by volunteers.",
                "Entry is free, and the scans will be given to the city archive.",
            ],
            "subhead": "From family albums",
            "quote": "Everyone has a photo in a drawer that tells the story of this place.",
            "categories": ["arts", "heritage"],
            "tags": ["photography", "exhibitions", "local history"],
        },
        {
            "headline": "Open studios weekend: {artists} artists open their doors in {place}",
            "standfirst": (
                "Painters, potters and printmakers will welcome visitors into their homes and "
                "workshops, with a free map to guide the way."
            ),
            "paragraphs": [
                "More than {artists} artists in {place} will open their studios to the public this weekend, from "
                "garden sheds to converted warehouses.",
                "Visitors can follow a free map between studios, with painters, potters, "
                "printmakers and jewellers taking part.",
                "Many artists will offer demonstrations, and some will sell work at reduced "
                "prices.",
                "Organisers say more than {visitors} people visited last year, and this year's event "
                "has its largest number of first-time participants.",
            ],
            "subhead": "Follow the map",
            "quote": "People are always amazed at what is going on behind the front doors on "
            "their own street.",
            "categories": ["arts", "community"],
            "tags": ["open studios", "artists"],
        },
    ],
    "science": [
        {
            "headline": "Volunteers record {species} species in {place} wildlife count",
            "standfirst": (
                "A 24-hour survey found bats, newts and a rare beetle in the neighbourhood's "
                "parks and gardens."
            ),
            "paragraphs": [
                "Volunteers recorded {species} species of plants and animals in {place} during a 24-hour "
                "wildlife count organised by the Wend Valley Wildlife Trust.",
                "Highlights included three species of bat, great crested newts in a garden pond "
                "and a beetle not recorded in the city for more than {decades} decades.",
                "The count involved {volunteers} people, including school groups and families, working "
                "with experts to identify what they found.",
                "The results will be added to the city's biodiversity records and used to "
                "advise the council on how it manages its parks.",
            ],
            "subhead": "A rare find",
            "quote": "You do not need to travel to find wildlife. It is in the hedge at the end "
            "of your road.",
            "categories": ["environment", "community"],
            "tags": ["wildlife", "citizen science"],
        },
        {
            "headline": "{trees} trees to be planted along {street}",
            "standfirst": (
                "Heat mapping showed {street} is one of the hottest streets in the city on sunny "
                "days. Trees should cool it by several degrees."
            ),
            "paragraphs": [
                "A total of {trees} trees will be planted along {street} in {place}, after heat mapping showed "
                "the street was among the hottest in Wendmouth on sunny days.",
                "Surface temperatures on the street reached {temp} degrees during last year's "
                "warmest week, several degrees higher than in nearby parks.",
                "Researchers at Wendmouth University say mature street trees can lower air "
                "temperatures at pavement level by several degrees.",
                "Residents can sponsor a tree and help choose the species, from a list of trees "
                "suited to city streets.",
            ],
            "subhead": "Cooling the street",
            "quote": "Shade is not a luxury. On the hottest days it is the difference between "
            "going out and staying in.",
            "categories": ["environment", "science-and-technology"],
            "tags": ["trees", "heat", "climate"],
        },
        {
            "headline": "River survey finds cleaner water near {place}",
            "standfirst": (
                "Samples taken at {points} points along the Wend show falling levels of pollution, "
                "though sewage overflows remain a problem after heavy rain."
            ),
            "paragraphs": [
                "Water quality in the River Wend near {place} has improved, according to a "
                "survey of samples taken at {points} points along the river.",
                "Levels of ammonia and phosphates have fallen since the last survey, which "
                "scientists link to upgrades at the sewage works upstream.",
                "But samples taken after heavy rain still showed high levels of bacteria, from "
                "storm overflows that discharge into the river when the sewers are full.",
                "The survey was carried out by {volunteers} trained volunteers, and the results have "
                "been published online.",
            ],
            "subhead": "After the rain",
            "quote": "The river is cleaner than it has been in my lifetime. We must not let "
            "the overflows undo that.",
            "categories": ["environment"],
            "tags": ["River Wend", "water quality"],
        },
    ],
    "opinion": [
        {
            "headline": "{place} deserves better than another consultation",
            "standfirst": (
                "Residents have answered the same questions three times in five years. It is "
                "time the council acted on what they said."
            ),
            "paragraphs": [
                "People in {place} have filled in surveys, attended drop-in sessions and written "
                "letters. They have told the council what they want, again and again.",
                "Consultation is meant to inform a decision, not to replace it. When the same "
                "questions come back every few years, residents stop answering.",
                "The council should publish what it heard last time, say what it will do, and "
                "set a date for doing it.",
                "That would do more for trust in local democracy than any number of new surveys.",
            ],
            "subhead": "Listening is not enough",
            "quote": "A consultation that never ends is just a delay with a questionnaire.",
            "categories": ["council", "community"],
            "tags": ["consultation", "local democracy"],
        },
        {
            "headline": "Why {street} should be for people, not parking",
            "standfirst": (
                "Half of {street} is given over to parked cars. Imagine what else the space "
                "could be used for."
            ),
            "paragraphs": [
                "Walk down {street} on any afternoon and count the space given to parked cars. "
                "It is about half of the street, for perhaps {cars} vehicles.",
                "That space could hold benches, trees, cycle parking and room for cafés to put "
                "tables outside. It could make the street a place to stay, not just to pass.",
                "Shopkeepers worry that fewer parking spaces mean fewer customers. The evidence "
                "from other cities suggests the opposite.",
                "The council should try it for a summer, count the customers, and let the "
                "results decide.",
            ],
            "subhead": "A trial, not a war",
            "quote": "Streets are the biggest public space we own. We should use them for "
            "more than storage.",
            "categories": ["transport", "economy"],
            "tags": ["streets", "parking", "high street"],
        },
    ],
}

SHOPS = _names(
    """
    bakery, bike repair shop, bookshop, café, record shop, zero-waste grocer, tailor,
    florist, deli, toy shop, hardware shop
    """
)


# Ranges for the numbers in the kits: (low, high, step).
NUMBERS = {
    "bursts": (3, 9, 1),
    "households": (40, 400, 10),
    "signatures": (300, 2400, 10),
    "collisions": (4, 19, 1),
    "properties": (3, 30, 1),
    "pupils": (180, 620, 10),
    "homes": (24, 480, 6),
    "objectors": (12, 180, 1),
    "roads": (4, 15, 1),
    "groups": (6, 25, 1),
    "months": (4, 30, 1),
    "shop_staff": (2, 9, 1),
    "jobs": (12, 70, 1),
    "contract_years": (3, 10, 1),
    "decades": (3, 9, 1),
    "workforce": (60, 420, 5),
    "stalls": (30, 95, 1),
    "anniversary": (10, 60, 5),
    "members": (25, 120, 1),
    "singers": (60, 300, 10),
    "pictures": (80, 400, 5),
    "artists": (12, 60, 1),
    "visitors": (800, 3000, 100),
    "species": (120, 460, 1),
    "trees": (20, 160, 5),
    "points": (8, 40, 1),
    "volunteers": (30, 250, 5),
    "cars": (25, 90, 1),
    "weeks": (3, 16, 1),
    "age": (60, 130, 1),
    "route": (1, 40, 1),
    "route2": (41, 90, 1),
    "rain": (25, 70, 1),
    "depth": (20, 60, 10),
    "percent": (8, 35, 1),
    "temp": (38, 52, 1),
}


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
            ("paragraph", paragraphs[0]),
            ("paragraph", paragraphs[1]),
            ("subhead", kit["subhead"]),
            ("paragraph", paragraphs[2]),
            ("pull_quote", (fill(kit["quote"]), speaker)),
            ("paragraph", paragraphs[3]),
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
