"""The demo newsroom's written articles: original, fictional local news from Wendmouth.

Bodies use a small markup, one block per paragraph (blocks are separated by blank lines):

    Plain text                      a paragraph
    ## Text                         a subhead
    > Quote | Attribution           a pull quote
    >> Passage | Source             a quoted passage
    [image KEY] Caption | Credit    an image from the illustration pool

``days_ago`` and ``time`` place the story on the site's timeline; ``related`` names earlier
stories by slug, ``source`` a publisher key from ``content.PUBLISHERS``.
"""

ARTICLES = []


def story(slug, section, days_ago, time, **fields):
    fields.setdefault("related", [])
    fields.setdefault("promos", [])
    fields.setdefault("source", None)
    fields.setdefault("updated_hours", 0)
    ARTICLES.append(
        {"slug": slug, "section": section, "days_ago": days_ago, "time": time, **fields}
    )


# --- The Tanners Bridge closure -------------------------------------------------------------

story(
    "tanners-bridge-closes-after-inspectors-find-cracks",
    "news",
    55,
    "07:40",
    title="Tanners Bridge closes to traffic after inspectors find cracks in two arches",
    standfirst=(
        "The Victorian crossing between Old Quay and Eastbank shut overnight after a routine "
        "survey found movement in its central arches. Engineers say it could stay closed for "
        "months."
    ),
    authors=["tom-achterberg"],
    categories=["transport", "council"],
    tags=["Tanners Bridge", "Old Quay", "Eastbank", "roads"],
    image="bridge-dawn",
    caption="Tanners Bridge carries around 14,000 vehicles a day between Old Quay and Eastbank.",
    source="wend-valley-gazette",
    updated_hours=5,
    body="""
Tanners Bridge, the stone crossing that has linked Old Quay and Eastbank since 1868, closed to all vehicles at midnight after engineers found fresh cracks in two of its five arches.

The city council said the decision was taken on safety grounds after a routine underwater survey. Divers found that the riverbed around the central piers had been scoured away by winter floods, leaving parts of the foundations exposed.

Pedestrians and cyclists can still use a fenced lane on the upstream side, but buses, taxis and delivery vans are being sent on a four-mile detour via the Kestrel Crossing.

## How long will it stay shut?

Council officers would not give a date for reopening. A fuller inspection, which involves lowering the water level around the piers with temporary dams, is expected to take at least six weeks.

> We would rather explain a closure than explain why we kept open a bridge we had doubts about. | Cllr Sunil Mehra, cabinet member for transport

The Wend Valley Gazette, which first reported the survey findings, said the bridge had been flagged as requiring monitoring in three consecutive annual reports.

>> Engineers noted hairline cracking in the second and third arches in an earlier survey, but concluded that the structure remained sound provided that loading did not increase. | The Wend Valley Gazette

Traders on Tanners Row, the street of shops and cafés at the Old Quay end of the bridge, said they had been given no warning. "We found out from the barriers," said one café owner.
""",
)

story(
    "bridge-detour-adds-25-minutes-to-eastbank-buses",
    "news",
    48,
    "08:15",
    title="Bridge detour adds up to 25 minutes to Eastbank bus journeys",
    standfirst=(
        "Wend Valley Transit has rerouted four bus routes around the closed Tanners Bridge. "
        "Passengers say the new timetable is already running late."
    ),
    authors=["tom-achterberg"],
    categories=["transport"],
    tags=["Tanners Bridge", "buses", "Wend Valley Transit", "Eastbank"],
    image="transit-paper",
    caption="Routes 4, 7, 12 and 31 now cross the Wend at the Kestrel Crossing.",
    source="riverlands-radio",
    related=["tanners-bridge-closes-after-inspectors-find-cracks"],
    body="""
Passengers on four of Wendmouth's busiest bus routes are facing journeys up to 25 minutes longer after Wend Valley Transit redrew its network around the closed Tanners Bridge.

Routes 4, 7, 12 and 31, which used to cross the river at Old Quay, now run north along the Eastbank embankment and cross at the Kestrel Crossing before doubling back through Northgate.

The company has added six extra buses to keep services running every 12 minutes at peak times, but drivers say congestion on the Kestrel Crossing roundabout is making the timetable hard to keep.

## Passengers count the cost

At the Eastbank Parade stop, commuters described missed connections and late arrivals. Shift workers at the Wendmouth Royal Infirmary said the early-morning 4 service was the worst affected.

> I used to be at my desk by eight. Now I leave the house at ten to seven and I still cut it fine. | Joyce Amankwah, Eastbank resident

Wend Valley Transit's managing director, Lydia Fairbank, said the detour timetable would be reviewed after a fortnight of real journey data, and that the company was talking to the council about a temporary bus lane on the embankment.

The council has also asked the water bus operator whether a shuttle between Old Quay and Eastbank piers could start earlier than planned.
""",
)

story(
    "council-approves-tanners-bridge-repair-plan",
    "politics",
    30,
    "16:05",
    title="Council approves £4.2m repair plan for Tanners Bridge",
    standfirst=(
        "Cabinet members voted unanimously to underpin the bridge's central piers, with work "
        "expected to take most of the year. Pedestrians could be back on the bridge sooner."
    ),
    authors=["priya-natarajan", "tom-achterberg"],
    categories=["council", "transport", "heritage"],
    tags=["Tanners Bridge", "council budget", "repairs"],
    image="bridge-slate",
    caption="Temporary dams will be built around the two central piers so that engineers can work in the dry.",
    source="riverlands-radio",
    related=[
        "tanners-bridge-closes-after-inspectors-find-cracks",
        "bridge-detour-adds-25-minutes-to-eastbank-buses",
    ],
    body="""
Wendmouth City Council has approved a £4.2m plan to repair Tanners Bridge, the Victorian crossing that has been closed to traffic since engineers found cracks in its central arches.

The work will underpin the two central piers with new concrete footings, repoint the stonework and replace the drainage that runs beneath the road surface. Most of the money will come from the council's capital reserves, with a bid for £1.5m from a national fund for historic structures still to be decided.

## A phased reopening

Under the plan, a widened footpath could reopen within weeks of the temporary dams being completed, while vehicles would return only once the full repair is finished.

> This bridge has carried the city for 150 years. We intend to make sure it carries it for the next 150, and we will not cut corners to hit a date. | Cllr Sunil Mehra, cabinet member for transport

Opposition councillors supported the plan but criticised the time taken to act on earlier warnings. Cllr Patrick Dunmore, leader of the Wendmouth Independents, said the council had known for three years that the bridge needed attention.

>> The cabinet heard that the scour damage had accelerated sharply after the floods, and that earlier repairs would have been unlikely to prevent a closure altogether. | Riverlands Public Radio

Work is expected to start once the council has appointed a contractor, which officers said could take six to eight weeks.
""",
)

story(
    "tanners-row-traders-say-footfall-has-halved",
    "business",
    40,
    "06:30",
    title="Tanners Row traders say footfall has halved since the bridge closed",
    standfirst=(
        "Cafés and shops at the Old Quay end of Tanners Bridge are asking for business rates "
        "relief. Some say they may not survive a long closure."
    ),
    authors=["grace-okafor"],
    categories=["economy", "transport"],
    tags=["Tanners Bridge", "Tanners Row", "small business", "business rates"],
    image="market-paper",
    caption="Most of the 23 businesses on Tanners Row are independent cafés, bakeries and repair shops.",
    related=["tanners-bridge-closes-after-inspectors-find-cracks"],
    promos=["tips", "newsletter"],
    body="""
Shopkeepers on Tanners Row say the number of people walking past their doors has roughly halved since Tanners Bridge closed to traffic, and several are asking the council for help with business rates.

The street's 23 businesses, most of them independent cafés, bakeries and repair shops, rely on people crossing from Eastbank on foot and by bus. With buses diverted and the footpath reduced to a narrow fenced lane, that flow has dried up.

> Lunchtime used to be a queue out of the door. Yesterday I served eleven people between twelve and two. | Stan Okoro, owner of the Tanners Row Deli

## Calls for rates relief

The Tanners Row Traders' Association has written to the council asking for a six-month business rates holiday and free short-stay parking on nearby streets. Its chair, Maureen Gill, said at least three members had already cut staff hours.

A council spokesperson said it was "looking sympathetically" at discretionary relief and would set out options at the next cabinet meeting. The council's economic development team has also offered to pay for signs pointing pedestrians to the street from the Old Quay tram stop.

Some traders have started to adapt. A bakery at the corner of Rope Walk now delivers by cargo bike to offices on Eastbank, and the deli has begun opening in the evenings on Fridays.
""",
)

story(
    "tanners-bridge-is-a-warning",
    "opinion",
    28,
    "09:00",
    title="Tanners Bridge is a warning about everything we take for granted",
    standfirst=(
        "The bridge did not fail overnight. It failed slowly, in annual reports that nobody read. "
        "Wendmouth should change how it looks after the things it cannot live without."
    ),
    authors=["owen-pritchard"],
    categories=["council", "transport"],
    tags=["Tanners Bridge", "infrastructure", "maintenance"],
    image="bridge-dusk",
    caption="Tanners Bridge was flagged for monitoring in three annual inspection reports.",
    related=[
        "tanners-bridge-closes-after-inspectors-find-cracks",
        "council-approves-tanners-bridge-repair-plan",
    ],
    body="""
Every city has a list of things it assumes will simply keep working: the water main under the high street, the embankment wall, the bridge you cross without looking at. Tanners Bridge was on that list for a century and a half. It took three years of warnings and one hard winter to remove it.

It would be easy to blame the current council for the closure, and opposition councillors have not resisted the temptation. The truth is less satisfying. Maintenance budgets have been squeezed for a decade by administrations of every colour, because a pothole left unfilled does not lose anyone an election and a new library opening might win one.

## Paying for boredom

The fix is not glamorous. It is a protected maintenance budget that rises with the age of the things it maintains, and a public register of structures and their condition that residents can read without a freedom of information request.

> A bridge that is inspected, repaired and boring is the best kind of bridge. We should be willing to pay for boredom. | Owen Pritchard

Wendmouth already publishes its spending line by line. It could publish the state of its bridges, culverts and flood walls in the same way, with a simple traffic-light rating and the date of the next inspection.

That will not make the next closure less inconvenient. It might make it less of a surprise, and it would give the people who pay for these structures a way to ask about them before the barriers go up.
""",
)

story(
    "tanners-bridge-to-reopen-to-pedestrians",
    "news",
    6,
    "07:10",
    title="Tanners Bridge to reopen to pedestrians and cyclists as repairs move ahead of schedule",
    standfirst=(
        "A widened path across the Victorian bridge will open within a fortnight, months earlier "
        "than expected. Buses will have to wait until the piers are finished."
    ),
    authors=["tom-achterberg", "felix-adeyemi"],
    categories=["transport", "heritage"],
    tags=["Tanners Bridge", "cycling", "walking", "Old Quay"],
    image="bridge-harbour",
    caption="A three-metre path will run along the downstream side of the bridge while work continues.",
    related=[
        "council-approves-tanners-bridge-repair-plan",
        "tanners-row-traders-say-footfall-has-halved",
        "tanners-bridge-is-a-warning",
    ],
    promos=["contact-officials", "newsletter"],
    updated_hours=3,
    body="""
People walking and cycling between Old Quay and Eastbank will be able to use Tanners Bridge again within a fortnight, after repair work on its foundations moved faster than engineers had forecast.

Contractors working inside the temporary dams around the central piers say the scour damage turned out to be shallower than feared. The first new concrete footing was poured last week and the second is due to follow shortly.

A three-metre-wide path, separated from the works by a timber hoarding, will run along the downstream side of the bridge. It will be open from six in the morning until ten at night while work continues.

## What it means for Tanners Row

Traders on Tanners Row, who say they lost around half their passing trade when the bridge closed, welcomed the news. The traders' association said members were planning a street party for the reopening weekend.

> We have been looking at the barriers for months. Seeing people walk across again will feel like getting the street back. | Maureen Gill, chair of the Tanners Row Traders' Association

Buses and general traffic will not return until the repair is finished. The council's current estimate is that the bridge will reopen fully before the end of the year.

>> The contractor reports that both dams are watertight and that no further movement has been recorded in the arches since monitoring equipment was installed. | Council progress report

Cllr Sunil Mehra, cabinet member for transport, said the council would publish monthly progress updates, including photographs from inside the dams, on its website.
""",
)

# --- The council budget ---------------------------------------------------------------------

story(
    "wendmouth-faces-11m-budget-gap",
    "politics",
    58,
    "11:20",
    title="Wendmouth faces £11m budget gap as care costs climb",
    standfirst=(
        "The council's finance chief has warned of difficult choices after rising demand for "
        "adult social care and children's services opened a shortfall in next year's budget."
    ),
    authors=["priya-natarajan"],
    categories=["council", "health"],
    tags=["council budget", "social care", "council tax"],
    image="chart-civic",
    caption="More than two-thirds of the council's day-to-day budget now goes on social care.",
    source="wend-valley-gazette",
    body="""
Wendmouth City Council must close an £11m gap in next year's budget, its cabinet member for finance has warned, blaming sharp rises in the cost of caring for older people and children.

In a report published ahead of budget-setting, Cllr Joan Teague said spending on adult social care had risen by 14 per cent in two years, while the number of children in the council's care had grown from 310 to 362.

## Where the money goes

More than two-thirds of the council's day-to-day budget now goes on social care, up from just over half a decade ago. That leaves a shrinking share for everything else residents see, from bin collections and libraries to parks and road repairs.

> We are not looking at trimming around the edges. Every service that is not a legal duty will be looked at, and some of those conversations will be very difficult. | Cllr Joan Teague, cabinet member for finance

The Wend Valley Gazette reported that officers had drawn up a list of possible savings running to more than £15m, giving councillors room to reject some options.

>> Among the proposals are shorter opening hours at five of the city's eight libraries, an end to free garden waste collections and a review of grants to community centres. | The Wend Valley Gazette

The council is expected to launch a public consultation on the proposals in the coming weeks. A final budget must be agreed at full council before the start of the financial year.
""",
)

story(
    "residents-asked-to-choose-library-hours-or-branches",
    "politics",
    45,
    "10:00",
    title="Residents asked to choose between shorter library hours and fewer branches",
    standfirst=(
        "A six-week consultation sets out two ways to save £900,000 from Wendmouth's library "
        "service. Campaigners say both would hit the neighbourhoods that need libraries most."
    ),
    authors=["priya-natarajan", "marcus-bell"],
    categories=["council", "community"],
    tags=["libraries", "council budget", "consultation", "Brickfields"],
    image="books-dawn",
    caption="The three smaller branches provide a large share of the city's homework club places.",
    related=["wendmouth-faces-11m-budget-gap"],
    promos=["contact-officials"],
    body="""
Wendmouth residents are being asked how they would prefer the city to save £900,000 from its library service, in a consultation that campaigners say offers a choice between two kinds of decline.

Option A would keep all eight branches open but cut their hours by around a third, with most closing on two weekdays. Option B would keep longer hours at five libraries while handing the Marsh End, Brickfields and Saltings branches to community groups or closing them.

## What the numbers show

Council figures show that the three smaller branches account for 18 per cent of visits but a much higher share of computer sessions, homework club places and job-search appointments.

> The people who use Brickfields library are not the people who can drive to the central library on a Saturday. | Aisha Rahman, Friends of Brickfields Library

Council officers said volunteer-run libraries had worked well in other cities, and that the council would provide books, computers and training to any group that took on a branch.

The consultation runs for six weeks online and on paper at every branch. Drop-in sessions with councillors are planned at each library, with dates to be published on the council's website.
""",
)

story(
    "budget-passes-after-deal-saves-brickfields-library",
    "politics",
    20,
    "22:45",
    title="Budget passes after late deal saves Brickfields library",
    standfirst=(
        "Councillors approved a £412m budget after the ruling group found £200,000 to keep the "
        "smallest branch library open. Garden waste collections will now carry a charge."
    ),
    authors=["priya-natarajan", "daniel-whitford"],
    categories=["council"],
    tags=["council budget", "libraries", "garden waste", "Brickfields"],
    image="civic-civic",
    caption="The budget debate in the council chamber lasted more than four hours.",
    related=[
        "wendmouth-faces-11m-budget-gap",
        "residents-asked-to-choose-library-hours-or-branches",
    ],
    promos=["contact-officials", "elections"],
    updated_hours=10,
    body="""
Wendmouth City Council has set its budget for the coming year after a late amendment kept Brickfields library open, following a campaign by parents, pensioners and the branch's homework club.

The £412m budget passed by 34 votes to 19 after a four-hour debate in the council chamber. It closes the £11m gap identified earlier in the year with a mix of savings, a council tax rise and £2.5m from reserves.

## Who gains and who pays

Libraries will keep their current hours at the central branch and Northgate, while the other branches will close on Mondays. Brickfields, which had been proposed for closure, will stay open four days a week with money moved from the council's consultancy budget.

Garden waste collections, free since 2009, will cost £45 a year from the start of the next collection year.

> This is not the budget anyone would choose. It is the budget that keeps the services people rely on standing. | Helen Varga, leader of Wendmouth City Council

The Wendmouth Independents proposed an alternative budget that would have reversed the garden waste charge by cutting senior management costs. It was defeated by 33 votes to 20.

Opposition leader Cllr Patrick Dunmore said the charge would punish the households that already did the right thing with their waste.
""",
)

story(
    "council-tax-to-rise-what-it-means-for-your-bill",
    "politics",
    19,
    "12:30",
    title="Council tax to rise by 4.99 per cent: what it means for your bill",
    standfirst=(
        "A typical Band D household in Wendmouth will pay about £94 more a year. Here is where "
        "the money goes, and who can get help."
    ),
    authors=["daniel-whitford"],
    categories=["council", "economy"],
    tags=["council tax", "council budget", "explainer"],
    image="chart-paper",
    caption="Social care now takes about £6.90 of every £10 of council tax collected.",
    related=["budget-passes-after-deal-saves-brickfields-library"],
    body="""
Council tax in Wendmouth will rise by 4.99 per cent from the start of the next billing year, the maximum increase allowed without a local referendum.

The typical Band D bill for the city council's share will go up from £1,884 to £1,978, an increase of around £94 a year or £1.81 a week. Police and fire charges, set separately, will be added to the bill.

## Where the money goes

Of every £10 collected, around £6.90 goes on social care for adults and children, £1.10 on waste and recycling, 70p on roads and transport, and the rest on everything from parks and libraries to planning and environmental health.

[image chart-civic] How each £10 of council tax is spent. | Ledger graphics desk

## Who can get help

Households on low incomes can apply to the council's council tax support scheme, which this year covers up to 85 per cent of the bill. People living alone get a 25 per cent discount, and there are further reductions for some disabled residents and carers.

> If you are struggling, talk to us before you fall behind. It is far easier to set up a payment plan early than to sort out arrears later. | Wendmouth City Council revenues team

Bills will be posted in the coming weeks. Residents can switch to paperless billing and spread payments over 12 months instead of 10 on the council's website.
""",
)

# --- The Marsh End by-election --------------------------------------------------------------

story(
    "by-election-called-in-marsh-end",
    "politics",
    52,
    "14:10",
    title="By-election called in Marsh End after councillor steps down",
    standfirst=(
        "Voters in one of Wendmouth's most flood-prone wards will choose a new councillor after "
        "Cllr Dennis Holloway resigned on health grounds."
    ),
    authors=["daniel-whitford"],
    categories=["elections", "council"],
    tags=["Marsh End", "by-election", "local elections"],
    image="civic-plum",
    caption="Marsh End has changed hands three times in the last four city elections.",
    source="eastbank-weekly",
    promos=["elections", "contact-officials"],
    body="""
A by-election will be held in Marsh End ward after Cllr Dennis Holloway, who represented the area for 14 years, stepped down on health grounds.

Mr Holloway, an independent, was first elected as a protest candidate against plans to build on the Marsh End water meadows and went on to chair the council's flood scrutiny committee. In a statement he thanked residents for "fourteen years of phone calls, complaints and cups of tea".

## A ward with a small majority

Marsh End has changed hands three times in the last four elections, and the result will not change control of the council. But with the ruling Civic Alliance's majority down to seven seats, both main groups are expected to campaign hard.

>> Mr Holloway's decision leaves the ward without a councillor at a time when residents are still waiting for the repairs promised after last winter's flooding. Several streets still have blocked drains. | Eastbank Weekly

> Marsh End has always known how to make its voice heard. I hope whoever follows me keeps shouting. | Dennis Holloway, former councillor for Marsh End

The returning officer, Gareth Linton, said nomination papers were available from the council offices and must be returned within three weeks. Polling day will be confirmed when the notice of election is published.
""",
)

story(
    "four-candidates-confirmed-for-marsh-end",
    "politics",
    38,
    "13:00",
    title="Four candidates confirmed for Marsh End by-election",
    standfirst=(
        "Flood defences, drainage and the future of the water meadows dominate the campaign "
        "leaflets. Here is who is standing."
    ),
    authors=["daniel-whitford", "priya-natarajan"],
    categories=["elections"],
    tags=["Marsh End", "by-election", "candidates", "flooding"],
    image="mosaic-dawn",
    caption="More than 400 homes in Marsh End were affected by surface water flooding last winter.",
    related=["by-election-called-in-marsh-end"],
    promos=["elections"],
    body="""
Four candidates will contest the Marsh End by-election, the returning officer has confirmed, after nominations closed at noon.

They are Nadia Forsyth for the Civic Alliance, a primary school governor and former nurse; Tom Reddaway for the Wendmouth Independents, who runs a plumbing business on Marsh Lane; Cara Blythe for the Greens, a hydrology researcher at Wendmouth University; and Leonard Pike, an independent standing on the single issue of restoring free garden waste collections.

## Water on every doorstep

Every candidate's leaflet leads on flooding. More than 400 homes in the ward were affected by surface water last winter, and residents have complained that blocked gullies took weeks to clear.

> People here do not ask me about national politics. They ask me when someone is going to clear the drain outside their house. | Tom Reddaway, Wendmouth Independents candidate

Ms Forsyth has promised to press for a dedicated drainage crew for the ward, while Ms Blythe wants the council to buy the water meadows as a natural flood storage area. Mr Reddaway is campaigning for a flood warden scheme with paid coordinators.

The Ledger will host a hustings with all four candidates at Marsh End community centre. Readers can send questions in advance.
""",
)

story(
    "marsh-end-hustings-candidates-clash-over-water-meadows",
    "politics",
    25,
    "21:30",
    title="Marsh End hustings: candidates clash over water meadows",
    standfirst=(
        "More than 200 people packed the community centre to question the four by-election "
        "candidates. The future of the meadows drew the loudest response."
    ),
    authors=["priya-natarajan"],
    categories=["elections", "environment"],
    tags=["Marsh End", "by-election", "water meadows", "hustings"],
    image="river-meadow",
    caption="A developer has an option to buy part of the Marsh End water meadows for 120 homes.",
    source="riverlands-radio",
    related=["four-candidates-confirmed-for-marsh-end"],
    body="""
The future of the Marsh End water meadows dominated a crowded hustings for the ward's by-election, with candidates split over whether the land should be protected, built on or bought by the council.

More than 200 residents filled the community centre hall, with dozens more listening from the corridor. The meeting, chaired by the Ledger's politics editor, ran 40 minutes over time.

## The meadows question

A developer has an option to buy part of the meadows for 120 homes, and has promised to build flood storage ponds as part of the scheme. Cara Blythe of the Greens said the land should be bought by the council and left to flood "as it has done for a thousand years".

> You cannot build houses on a sponge and then act surprised when the water goes somewhere else. | Cara Blythe, Greens candidate

Nadia Forsyth of the Civic Alliance said the city needed new homes and that the right scheme could reduce flood risk downstream. Tom Reddaway of the Wendmouth Independents said no decision should be made until the new flood maps were published.

>> Several residents told the meeting that water from the meadows had reached their back doors in each of the last three winters, and that they could not get buildings insurance at an affordable price. | Riverlands Public Radio

Leonard Pike, the independent candidate, said he would vote against any scheme until garden waste collections were free again, which drew laughter and some applause.
""",
)

story(
    "greens-win-marsh-end-by-election",
    "politics",
    10,
    "02:15",
    title="Greens win Marsh End by-election on flood platform",
    standfirst=(
        "Cara Blythe took the seat with a majority of 312 on a turnout of 38 per cent, the "
        "highest for a city by-election in a decade."
    ),
    authors=["daniel-whitford", "priya-natarajan"],
    categories=["elections", "environment"],
    tags=["Marsh End", "by-election", "election results", "water meadows"],
    image="civic-autumn",
    caption="The count at Wendmouth Leisure Centre finished shortly after 1am.",
    related=[
        "marsh-end-hustings-candidates-clash-over-water-meadows",
        "four-candidates-confirmed-for-marsh-end",
        "by-election-called-in-marsh-end",
    ],
    promos=["contact-officials", "elections"],
    updated_hours=8,
    body="""
Cara Blythe of the Greens has won the Marsh End by-election, taking the seat with a majority of 312 after a campaign fought almost entirely on flooding and the future of the ward's water meadows.

Ms Blythe won 1,486 votes, ahead of Tom Reddaway of the Wendmouth Independents on 1,174 and Nadia Forsyth of the Civic Alliance on 1,032. Leonard Pike, an independent, received 211 votes. Turnout was 38 per cent, well above the usual figure for a city by-election.

## What changes at the town hall

The result does not affect control of the council, where the Civic Alliance keeps a majority of six. But Ms Blythe becomes the first Green councillor in Wendmouth, and has said she will use her seat to push for the water meadows to be protected.

> Marsh End voted for the river to be treated as a neighbour, not an enemy. Now the work starts. | Cllr Cara Blythe

The returning officer confirmed that 14 ballot papers had been rejected, most of them left blank.

The council leader, Helen Varga, congratulated Ms Blythe and said she looked forward to working with her "on the drainage problems that every party agrees must be fixed".
""",
)

# --- Weather and flooding -------------------------------------------------------------------

story(
    "storm-brings-wettest-week-in-a-decade",
    "news",
    44,
    "18:20",
    title="Storm brings Wendmouth's wettest week in a decade",
    standfirst=(
        "Nearly 120mm of rain fell in seven days, flooding roads in Marsh End and the Saltings. "
        "The River Wend peaked just 30cm below the top of the Weir barrier."
    ),
    authors=["sadie-morrow"],
    categories=["weather", "environment"],
    tags=["flooding", "River Wend", "Marsh End", "storms"],
    image="clouds-storm",
    caption="Firefighters pumped water out of 23 homes during the week.",
    source="wend-valley-gazette",
    promos=["flood-ready", "tips"],
    updated_hours=20,
    body="""
Wendmouth has had its wettest week for at least ten years, with 118mm of rain recorded at the city's weather station, more than the usual total for a whole winter month.

Surface water flooded roads across Marsh End and the Saltings, and firefighters pumped out 23 homes. The River Wend rose steadily through the week and peaked at 4.71 metres at the Weir gauge, 30 centimetres below the level at which the flood barrier would have been overtopped.

## Drains overwhelmed

Most of the flooding came not from the river but from drains that could not cope with the volume of rain. In Marsh End, residents reported water bubbling up through manhole covers on Heron Street and Wharf Lane.

> The river gets the headlines, but it is the drains that flood people's kitchens. | Dr Kwame Asante, hydrologist at Wendmouth University

>> The fire service said crews had attended 61 flooding incidents across the city, including a care home in the Saltings where residents were moved to upper floors as a precaution. | The Wend Valley Gazette

The council has opened a hardship fund for households whose homes were flooded, offering up to £500 for immediate costs. Sandbags are available from the depot on Brickfields Road.

Forecasters expect drier weather in the days ahead, but the ground is saturated and river levels will take several days to fall.
""",
)

story(
    "volunteers-clear-300-drains-in-marsh-end",
    "news",
    42,
    "15:00",
    title="Volunteers clear 300 drains in Marsh End after flooding",
    standfirst=(
        "Residents armed with rakes, gloves and a council map spent the weekend unblocking "
        "gullies. The council says it will use their survey to plan repairs."
    ),
    authors=["felix-adeyemi"],
    categories=["community", "weather"],
    tags=["Marsh End", "flooding", "volunteers", "drains"],
    image="clouds-harbour",
    caption="Volunteers worked street by street with a council map of every gully in the ward.",
    related=["storm-brings-wettest-week-in-a-decade"],
    body="""
More than 80 volunteers spent the weekend clearing leaves, silt and litter from drains across Marsh End, after the storm left streets under water.

The clean-up was organised through a neighbourhood message group and run from the Heron Street community centre, where volunteers picked up gloves, rakes and high-visibility vests donated by a local hardware shop.

## A map of every gully

Working street by street with a council map, the volunteers cleared 312 gullies and recorded the condition of each one. They found 41 that were broken or completely blocked below the grate, which they reported to the council.

> Everyone on this street lost something last week. Doing something useful together felt better than waiting. | Precious Nwosu, who organised the clean-up

The council's highways team said the volunteers' survey would be used to plan repairs, and that a drainage crew had been sent to the worst blockages the following morning.

Council guidance asks volunteers not to lift drain covers or work in the road without traffic management, and to report deep blockages rather than trying to clear them.
""",
)

story(
    "new-flood-maps-show-3000-more-homes-at-risk",
    "science",
    33,
    "06:00",
    title="New flood maps show 3,000 more Wendmouth homes at risk",
    standfirst=(
        "Updated modelling that includes surface water and heavier rainfall shows risk spreading "
        "well beyond the riverside. Planners and insurers will use the maps from next year."
    ),
    authors=["ines-carvalho", "sadie-morrow"],
    categories=["environment", "weather", "housing"],
    tags=["flooding", "flood maps", "climate", "insurance"],
    image="contours-mint",
    caption="The new maps combine river, tidal and surface water modelling for the whole valley.",
    source="campus-echo",
    related=["storm-brings-wettest-week-in-a-decade"],
    promos=["flood-ready"],
    body="""
New flood maps for the Wend valley suggest that about 3,000 more homes in Wendmouth are at medium or high risk of flooding than previously thought, with most of the increase coming from surface water rather than the river.

The maps were produced by the Wend Valley Flood Partnership, which brings together the council, the water company and hydrologists at Wendmouth University. They combine river and tidal modelling with detailed simulations of how rainfall runs off streets, roofs and gardens.

## Beyond the riverside

The biggest changes are in neighbourhoods on higher ground that have not flooded from the river in living memory, including parts of Northgate and Kestrel Hill, where steep streets channel water towards a few low points.

> The river is still the biggest single risk, but heavy rain can now flood a street a mile from the water. Our maps had to catch up with the rain we are actually getting. | Dr Kwame Asante, hydrologist at Wendmouth University

>> The modelling assumes a 20 per cent increase in peak rainfall intensity, in line with current planning guidance, and uses a new elevation survey with a resolution of 50 centimetres. | The Campus Echo

The maps will be published online, searchable by postcode, before being used for planning decisions and insurance pricing. The partnership is running drop-in sessions for residents who want to understand what the maps mean for their home.
""",
)

story(
    "weir-barrier-to-be-raised-in-18m-upgrade",
    "science",
    15,
    "10:30",
    title="Weir barrier to be raised by half a metre in £18m upgrade",
    standfirst=(
        "The flood gates that protect central Wendmouth from tidal surges will be strengthened "
        "and raised, after the barrier came within 30cm of being overtopped."
    ),
    authors=["ines-carvalho", "sadie-morrow"],
    categories=["environment", "weather", "science-and-technology"],
    tags=["Weir barrier", "flooding", "River Wend", "tides"],
    image="river-dusk",
    caption="The barrier's four steel gates closed 31 times last winter.",
    related=[
        "new-flood-maps-show-3000-more-homes-at-risk",
        "storm-brings-wettest-week-in-a-decade",
    ],
    promos=["flood-ready"],
    body="""
The Weir barrier, which protects central Wendmouth from tidal surges coming up the River Wend, will be raised by 50 centimetres as part of an £18m upgrade announced by the Wend Valley Flood Partnership.

Built in 1984, the barrier's four steel gates usually close about 20 times a year, when high tides combine with strong south-westerly winds. Last winter they closed 31 times, and during the storm the water came within 30 centimetres of the top.

## How the work will be done

Engineers will fit new, taller gates one at a time so that the barrier can keep operating throughout the project. The concrete abutments on each bank will also be extended, and the control building will be moved above the new flood level.

> We designed the barrier for the sea levels of the last century. This upgrade buys the city time, but it does not buy it for ever. | Mara Ellison, harbour master

The partnership said the upgrade would protect about 6,500 homes and 900 businesses for at least the next 40 years, based on current sea level projections.

Navigation on the river will be restricted while each gate is replaced. Rowing clubs and the water bus operator have been consulted on the timetable.
""",
)

# --- Schools --------------------------------------------------------------------------------

story(
    "northgate-academy-to-add-300-places",
    "news",
    36,
    "17:45",
    title="Northgate Academy to add 300 places as pupil numbers peak",
    standfirst=(
        "Planners approved a new three-storey teaching block at the secondary school, which says "
        "it turned away 140 local children this year."
    ),
    authors=["marcus-bell"],
    categories=["schools", "housing"],
    tags=["Northgate Academy", "school places", "planning"],
    image="books-mint",
    caption="The new block will house science labs, a library and 12 classrooms.",
    source="wend-valley-gazette",
    body="""
Northgate Academy will expand by 300 places after councillors approved plans for a new teaching block on the school's playing field, ending two years of uncertainty for families in the north of the city.

The three-storey building will house science labs, a library and 12 classrooms, and is due to open to its first pupils in two years' time. The school will grow from eight to ten forms of entry.

## Squeezed by new housing

New estates at Kestrel Hill and Brickfields have pushed primary school numbers in the north of the city to a record high, and those children are now reaching secondary age. This year the academy turned away 140 applicants who lived within two miles.

> Every child who lives in Northgate should be able to walk to a good school. Right now, we cannot promise that. This building means we can. | Amira Haddad, headteacher of Northgate Academy

Some neighbours objected to the loss of part of the playing field and to extra traffic on Lime Avenue. The approved plans include a new all-weather pitch that will be open to community clubs in the evenings, and a requirement for a school travel plan.

>> The planning committee heard that the school would lose about a fifth of its grass playing area, but that the all-weather surface could be used for four times as many hours a week. | The Wend Valley Gazette
""",
)

story(
    "free-breakfast-clubs-to-start-at-six-primary-schools",
    "news",
    22,
    "07:00",
    title="Free breakfast clubs to start at six primary schools",
    standfirst=(
        "A one-year pilot will offer every pupil a free breakfast before lessons, paid for by a "
        "local charity and the council's public health budget."
    ),
    authors=["marcus-bell"],
    categories=["schools", "health"],
    tags=["breakfast clubs", "primary schools", "child poverty"],
    image="bauhaus-dawn",
    caption="Each school will serve toast, cereal, fruit and yoghurt from 8am.",
    source="eastbank-weekly",
    body="""
Six primary schools in Wendmouth will offer free breakfasts to every pupil from next term, in a pilot paid for by the Wend Valley Community Foundation and the council's public health budget.

The schools, in Marsh End, Brickfields, the Saltings and Eastbank, were chosen because more than a third of their pupils are eligible for free school meals. Each will serve toast, cereal, fruit and yoghurt from 8am, with staff and volunteers supervising.

## Why breakfast?

Teachers at the pilot schools say a significant number of children arrive hungry, and that it shows in their concentration by mid-morning. The council's public health team will measure attendance, punctuality and reported wellbeing during the pilot.

> When breakfast is for everyone, nobody is singled out. The children just see their friends eating toast before school. | Ruth Adebayo, headteacher of St Aldric's Primary

The pilot will cost about £180,000 for the year. The foundation said it hoped to find partners to extend the scheme to every primary school in the city if the results are positive.
""",
)

story(
    "pupils-build-air-quality-sensors-for-school-gates",
    "science",
    23,
    "11:00",
    title="Pupils build air quality sensors for their own school gates",
    standfirst=(
        "Year 6 pupils at Hollins Park Primary assembled low-cost sensors that show pollution "
        "spikes at drop-off time. Their data is now feeding a council trial."
    ),
    authors=["ines-carvalho"],
    categories=["schools", "environment", "science-and-technology"],
    tags=["air quality", "citizen science", "Hollins Park", "pupils"],
    image="chart-meadow",
    caption="Readings from the pupils' sensors rise sharply between 8.30am and 8.50am.",
    source="campus-echo",
    body="""
Pupils at Hollins Park Primary School have spent the term building and installing air quality sensors at their own school gates, and their data has helped persuade the council to trial traffic closures outside five schools.

The project was run with engineering students from Wendmouth University, who designed a simple kit that children could assemble with a screwdriver and a laptop. Each sensor measures fine particles and nitrogen dioxide every minute and sends its readings over the school's wifi.

## A spike at 8.40

The results showed a clear pattern. Pollution outside the main gate rose sharply between 8.30am and 8.50am and again at home time, reaching levels around three times higher than at midday.

> The graph goes up like a mountain when everyone's parents arrive. I didn't know the air could change that fast. | Layla, aged 11, Hollins Park Primary

>> The university team said the low-cost sensors were less precise than official monitoring stations but reliable enough to show trends, and had been checked against the council's reference monitor on Lime Avenue. | The Campus Echo

The pupils presented their findings to the council's transport scrutiny committee, where councillors described the presentation as one of the clearest they had seen.
""",
)

story(
    "school-streets-trial-bans-cars-at-drop-off",
    "news",
    12,
    "08:50",
    title="Cars banned outside five schools at drop-off time in 'school streets' trial",
    standfirst=(
        "Roads outside five Wendmouth primary schools will close to through traffic for 45 "
        "minutes at the start and end of the day. Parents are divided."
    ),
    authors=["marcus-bell", "tom-achterberg"],
    categories=["schools", "transport", "health"],
    tags=["school streets", "road safety", "air quality", "walking"],
    image="transit-mint",
    caption="Planters and signs will mark the closures at each school.",
    related=["pupils-build-air-quality-sensors-for-school-gates"],
    body="""
Streets outside five Wendmouth primary schools will close to motor traffic at drop-off and pick-up times for six months, in a trial designed to cut congestion and pollution at the school gates.

Planters and signs will mark the closures, which will run from 8.15am to 9am and from 2.45pm to 3.30pm on school days. Residents, blue badge holders and delivery drivers will be given permits.

## Divided at the gates

A council survey found that 61 per cent of parents at the five schools supported the idea, but some told the Ledger they had no realistic alternative to driving.

> I would love to walk, but I drop two children at two schools and then drive to work in Kestrel Hill. The trial has to work for parents like me too. | Kerry-Ann Doyle, parent at Hollins Park Primary

Air quality sensors installed outside the schools last term, some of them built by pupils, will measure whether nitrogen dioxide levels fall during the trial. The council will publish the readings monthly.

Similar schemes in other cities have typically reduced traffic outside schools by around a third, though some have reported extra congestion on surrounding roads.
""",
)

story(
    "northgate-robotics-team-heads-to-national-final",
    "science",
    9,
    "16:30",
    title="Northgate robotics team heads to national final with river-cleaning robot",
    standfirst=(
        "Six students designed a floating robot that collects plastic from the Wend. They will "
        "compete against 40 schools in the final."
    ),
    authors=["marcus-bell", "ines-carvalho"],
    categories=["schools", "science-and-technology", "environment"],
    tags=["Northgate Academy", "robotics", "River Wend", "plastic"],
    image="contours-harbour",
    caption="The robot steers itself along the riverbank using a camera and a small computer.",
    related=["northgate-academy-to-add-300-places"],
    body="""
A team of six students from Northgate Academy has reached the national final of a schools robotics competition with a floating robot that collects litter from the River Wend.

The robot, nicknamed Heron, is built from recycled plastic drums and a solar panel, and steers itself along the riverbank using a camera and a small computer. A mesh scoop between its two hulls collects floating bottles, bags and polystyrene.

## Tested on the river

The team tested Heron at the rowing club pontoon over six weekends, with permission from the harbour master. In its best run it collected 3.2 kilograms of litter in an hour.

> We wanted to build something that fixes a problem we can see from our classroom window. | Priya Shah, 16, team captain

The final will be held next month, with teams presenting their designs to a panel of engineers before a timed challenge. The school has started a fundraising page to cover travel costs.
""",
)

# --- Transport ------------------------------------------------------------------------------

story(
    "consultation-opens-on-tram-extension-to-kestrel-hill",
    "news",
    50,
    "09:30",
    title="Consultation opens on tram extension to Kestrel Hill",
    standfirst=(
        "A 3.4km extension of the Quay Line would add five stops and link the city centre to "
        "Kestrel Hill's new estates. Three possible routes are on the table."
    ),
    authors=["tom-achterberg"],
    categories=["transport", "housing"],
    tags=["trams", "Kestrel Hill", "Quay Line", "consultation"],
    image="transit-civic",
    caption="The extension would continue north from Northgate Circus.",
    source="wend-valley-gazette",
    body="""
Residents are being asked to choose between three routes for a 3.4km extension of Wendmouth's tram network to Kestrel Hill, where more than 4,000 homes have been built in the last decade.

The Quay Line currently runs from the railway station to Old Quay. The extension would continue north from Northgate Circus, adding five stops and cutting journey times from Kestrel Hill to the city centre to about 14 minutes.

## Three routes

Route A would follow Lime Avenue, the most direct option but one that would remove on-street parking along most of the road. Route B would use the old railway cutting behind the Brickfields estate, which is cheaper to build but further from existing homes. Route C would combine the two, running on-street as far as the Kestrel Hill roundabout.

[image transit-paper] The three route options, from Northgate Circus to Kestrel Hill. | Ledger graphics desk

>> Early estimates put the cost of the scheme at between £140m and £190m depending on the route, with construction unlikely to start for at least four years. | The Wend Valley Gazette

> Kestrel Hill was built on the promise of good transport. It is time we delivered it. | Cllr Sunil Mehra, cabinet member for transport

The consultation runs for ten weeks. Exhibitions will be held at Northgate library and the Kestrel Hill community hub, where a model of the proposed stops will be on display.
""",
)

story(
    "bus-fares-capped-at-2-for-a-year",
    "news",
    26,
    "12:00",
    title="Bus fares capped at £2 across Wendmouth for a year",
    standfirst=(
        "Single journeys on every Wend Valley Transit route will cost no more than £2, with a "
        "daily cap of £5. The council is paying for the scheme from a transport grant."
    ),
    authors=["tom-achterberg"],
    categories=["transport", "economy"],
    tags=["buses", "fares", "Wend Valley Transit", "cost of living"],
    image="skyline-harbour",
    caption="The daily cap applies automatically to passengers who pay with a bank card or phone.",
    source="wend-valley-gazette",
    body="""
Bus fares across Wendmouth will be capped at £2 for a single journey from next month, with no passenger paying more than £5 in a day, under a deal between the council and Wend Valley Transit.

At the moment, single fares range from £1.80 for short hops in the city centre to £4.60 for the longest journeys between Kestrel Hill and the Saltings. The daily cap will apply automatically for passengers who tap in with a bank card or phone.

## Who benefits most

The biggest savings will go to people travelling from the edges of the city. A return journey from Kestrel Hill to the Wendmouth Royal Infirmary, currently £9.20, will cost £4.

> For a lot of people in this city, the bus is not a choice. Making it cheaper is the simplest thing we can do to help with the cost of living. | Helen Varga, leader of Wendmouth City Council

The £3.1m cost will be met from a regional transport grant for the first year. The council said it would publish passenger numbers every quarter to judge whether the cap should continue.

Wend Valley Transit said it expected passenger numbers to rise by at least 10 per cent and would add extra buses on its busiest routes if needed.
""",
)

story(
    "water-bus-returns-with-new-eastbank-stop",
    "news",
    3,
    "07:30",
    title="Water bus returns to the Wend with a new stop at Eastbank",
    standfirst=(
        "The river service between Old Quay and the Saltings is back after its winter break, "
        "with a new pier that gives Eastbank a quick crossing while Tanners Bridge is closed "
        "to traffic."
    ),
    authors=["felix-adeyemi"],
    categories=["transport", "community"],
    tags=["water bus", "River Wend", "Eastbank", "Tanners Bridge"],
    image="river-dawn",
    caption="Boats run every 20 minutes between Old Quay and the Saltings.",
    related=["bridge-detour-adds-25-minutes-to-eastbank-buses", "bus-fares-capped-at-2-for-a-year"],
    body="""
The Wend water bus is back on the river, with boats every 20 minutes between Old Quay and the Saltings and a new stop at Eastbank pier.

The new stop was added at the council's request after Tanners Bridge closed to traffic. The crossing from Eastbank to Old Quay takes four minutes, and the £2 bus fare cap applies to the water bus for the first time.

## Busy first morning

The first boat of the day left Old Quay at 7am with 46 passengers aboard, many of them commuters who have spent months on the bus detour via the Kestrel Crossing.

> Four minutes across the water, and you get to see the herons. I'm never getting on the detour bus again. | Michael Tran, Eastbank resident

The operator, Wend River Services, has two boats in service and a third on standby. Bicycles are carried free of charge outside peak hours.

The service runs from 7am to 9pm on weekdays and from 9am to 10pm at weekends. Timetables are posted at each pier.
""",
)

story(
    "protected-cycle-lanes-planned-for-mill-lane",
    "news",
    16,
    "13:15",
    title="Protected cycle lanes planned for Mill Lane after crash figures rise",
    standfirst=(
        "Kerb-separated lanes would run the length of one of Wendmouth's busiest cycling routes. "
        "Shopkeepers worry about losing loading bays."
    ),
    authors=["tom-achterberg"],
    categories=["transport", "health"],
    tags=["cycling", "Mill Lane", "road safety"],
    image="transit-autumn",
    caption="The lanes would run on both sides of Mill Lane between the station and the Weir.",
    source="riverlands-radio",
    body="""
The council has published plans for protected cycle lanes along the full length of Mill Lane, after figures showed the number of cyclists injured on the road had doubled in three years.

The 1.6km lanes would be separated from traffic by a low kerb and would run on both sides of the road between the station and the Weir. Bus stops would be rebuilt as floating stops, with the cycle lane passing behind the shelter.

## Loading bays at issue

About 30 on-street parking spaces would be removed, and the number of loading bays would fall from nine to six. The Mill Lane Business Group said deliveries were already difficult and asked for loading to be allowed in the cycle lanes early in the morning.

> We are not against cycling. We just need the bread van to be able to stop outside the bakery. | Harjit Sandhu, chair of the Mill Lane Business Group

>> Council data shows 27 collisions involving cyclists on Mill Lane in the past three years, four of them causing serious injury. Cycle counts on the road have risen by 40 per cent over the same period. | Riverlands Public Radio

Residents can comment on the plans online or at a drop-in session at Mill Lane library.
""",
)

# --- Business -------------------------------------------------------------------------------

story(
    "wend-brewing-opens-taproom-in-victorian-pump-house",
    "business",
    47,
    "12:00",
    title="Wend Brewing opens taproom in restored Victorian pump house",
    standfirst=(
        "The independent brewery has spent two years converting the derelict pumping station at "
        "the Weir. It will employ 22 people."
    ),
    authors=["grace-okafor"],
    categories=["economy", "food-and-drink", "heritage"],
    tags=["Wend Brewing", "the Weir", "pubs", "restoration"],
    image="market-autumn",
    caption="The pump house's two restored beam engines can be seen through a glass floor in the bar.",
    source="wendmouth-business-review",
    body="""
Wend Brewing has opened a taproom and brewhouse in the Victorian pump house at the Weir, bringing one of the city's best-known derelict buildings back into use after more than 30 years.

The pump house was built in 1879 to lift sewage from the low-lying streets around the Weir and was decommissioned in 1987. Its two huge beam engines, which the brewery has restored as a centrepiece, are visible through a glass floor in the main bar.

## From railway arch to landmark

The brewery started in a railway arch in Brickfields seven years ago. Its founders, Joe and Fatima Lacey, said they had been looking at the pump house since the day they started.

> Every brewer in Wendmouth has walked past this building and thought, one day. We just asked the council before anyone else did. | Fatima Lacey, co-founder of Wend Brewing

>> The restoration cost around £2.7m, including a heritage grant of £640,000, and the company has taken a 35-year lease from the council at a reduced rent in return for opening the engine house to visitors. | Wendmouth Business Review

The taproom will open daily from noon, with free tours of the engine house on the first Saturday of each month.
""",
)

story(
    "harbour-biscuits-to-create-120-jobs",
    "business",
    34,
    "08:00",
    title="Harbour Biscuits to create 120 jobs with new production line",
    standfirst=(
        "The century-old biscuit maker is investing £16m at its Saltings factory, its biggest "
        "expansion in fifty years."
    ),
    authors=["grace-okafor"],
    categories=["economy"],
    tags=["Harbour Biscuits", "jobs", "manufacturing", "the Saltings"],
    image="skyline-dusk",
    caption="Harbour Biscuits has made biscuits in the Saltings since 1921.",
    source="wendmouth-business-review",
    body="""
Harbour Biscuits, which has made biscuits in the Saltings since 1921, is to create 120 jobs with a £16m investment in a new production line.

The line will make oat biscuits and crackers for supermarket own-brand ranges, and will nearly double the factory's output. Recruitment for production operators, engineers and warehouse staff will begin in the coming months, with training provided.

## A local recruitment drive

The company said it wanted most of the new jobs to go to people from the surrounding neighbourhoods, and would run open days with the city's job centre and Wendmouth College.

> Three generations of some families have worked on this site. We want the next generation to see a future here as well. | Diane Morrell, managing director of Harbour Biscuits

>> The company said the new line would use heat recovered from the existing ovens to warm the factory, cutting its gas use by about a fifth. | Wendmouth Business Review

Harbour Biscuits employs 430 people and is one of the largest private employers in the city.
""",
)

story(
    "old-quay-market-to-open-late-at-weekends",
    "business",
    24,
    "10:45",
    title="Old Quay Market to open late on Fridays and Saturdays",
    standfirst=(
        "Street food stalls, live music and longer hours are part of a plan to bring evening "
        "trade back to the waterfront."
    ),
    authors=["grace-okafor", "hannah-lindqvist"],
    categories=["economy", "food-and-drink"],
    tags=["Old Quay Market", "street food", "nightlife"],
    image="market-plum",
    caption="Twelve new food stalls will join the market for the evening sessions.",
    related=["tanners-row-traders-say-footfall-has-halved"],
    body="""
Old Quay Market will stay open until 10pm on Fridays and Saturdays from next month, with street food, a licensed bar and live music on a new stage under the market's iron roof.

The market currently closes at 5pm, and traders say the waterfront has been quiet in the evenings since Tanners Bridge closed to traffic.

## New stalls

Twelve new food stalls will join the market for the evening sessions, chosen from more than 60 applications. They include a Sri Lankan kitchen, a dumpling stall and a baker selling wood-fired flatbreads.

> The market was the heart of this neighbourhood in the evenings when I was a girl. We want to make it that again. | Rosa Delgado, market manager

The council, which owns the market, has approved the extended hours for a one-year trial. Neighbours will be able to raise concerns about noise through a dedicated phone line.
""",
)

story(
    "credit-union-opens-branch-on-fenwick-green",
    "business",
    14,
    "09:15",
    title="Credit union opens high street branch as demand for small loans grows",
    standfirst=(
        "Wendmouth Credit Union has moved into a former bank on Fenwick Green, offering savings "
        "accounts and affordable loans."
    ),
    authors=["grace-okafor"],
    categories=["economy", "community"],
    tags=["credit union", "Fenwick Green", "banking", "cost of living"],
    image="mosaic-slate",
    caption="The branch has the first free cash machine on Fenwick Green since the bank closed.",
    source="riverlands-radio",
    body="""
Wendmouth Credit Union has opened a branch in the former bank building on Fenwick Green, three years after the high street lost its last bank.

The credit union, a not-for-profit cooperative owned by its 6,200 members, offers savings accounts and loans of between £100 and £5,000 at rates far below those of high-cost lenders.

## Demand rising

Its lending has doubled in two years, with most loans used to replace broken appliances, pay for car repairs or spread the cost of school uniforms.

> People come to us after they have been turned down everywhere else, or after a payday loan has gone wrong. We would much rather see them first. | Yusuf Karim, chief executive of Wendmouth Credit Union

>> The council has deposited £250,000 with the credit union to help it lend more, and several large employers, including the Royal Infirmary, now let staff save directly from their pay. | Riverlands Public Radio

The branch is open six days a week and has a free cash machine, the first on Fenwick Green since the bank closed.
""",
)

story(
    "tidal-energy-start-up-raises-6m",
    "business",
    8,
    "07:45",
    title="Tidal energy start-up raises £6m to test turbines in the Wend estuary",
    standfirst=(
        "Saltings Energy, founded by two university engineers, will install three small turbines "
        "near the harbour mouth next year."
    ),
    authors=["grace-okafor", "ines-carvalho"],
    categories=["economy", "environment", "science-and-technology"],
    tags=["tidal energy", "start-ups", "Saltings Energy", "renewables"],
    image="river-slate",
    caption="Each turbine is about the size of a small car and sits on the riverbed.",
    source="wendmouth-business-review",
    body="""
Saltings Energy, a start-up founded by two engineers from Wendmouth University, has raised £6m to test small tidal turbines in the mouth of the River Wend.

The company's turbines are designed to sit on the riverbed in relatively shallow water, generating electricity as the tide flows in and out. Each is about the size of a small car.

## A test in the estuary

Three turbines will be installed near the harbour mouth next year, connected to the grid through a cable to the harbour offices. The company will monitor their effect on fish and seabirds with the university's marine biology department.

> The Wend has two powerful tides a day, every day, whatever the weather. That is a resource this city has never used. | Dr Eleanor Frost, co-founder of Saltings Energy

>> The funding round was led by a regional investment fund, with a clean-energy fund and a group of local investors also taking part, according to company filings. | Wendmouth Business Review

The company employs 14 people in a unit on the Saltings business park and expects to double that number within two years.
""",
)

story(
    "empty-shops-on-fenwick-green-fall-to-five-year-low",
    "business",
    4,
    "11:30",
    title="Empty shops on Fenwick Green fall to a five-year low",
    standfirst=(
        "Independent businesses have taken over a dozen vacant units on the high street in a "
        "year. Traders credit lower rents and a new weekend market."
    ),
    authors=["grace-okafor", "felix-adeyemi"],
    categories=["economy"],
    tags=["Fenwick Green", "high street", "small business", "shops"],
    image="market-mint",
    caption="Nine of Fenwick Green's 118 shop units are now empty.",
    related=["credit-union-opens-branch-on-fenwick-green"],
    promos=["tips"],
    body="""
The number of empty shops on Fenwick Green has fallen to its lowest level in five years, with 12 units taken by independent businesses in the past year.

A survey by the Fenwick Green Traders' Association counted nine vacant units out of 118, a vacancy rate of under 8 per cent, compared with almost 20 per cent three years ago.

## What changed

Traders point to three changes: landlords cutting rents after long vacancies, a council scheme that pays the first three months' rent for new businesses, and a Saturday market that draws shoppers from across the city.

> Two years ago you could walk the length of the high street and count the whitewashed windows. Now I'm arguing with the barber next door about where customers should park their bikes. | Nkechi Eze, owner of the Green Bean café

Newcomers include a bike repair shop, a zero-waste grocer, a record shop and two bakeries. The credit union's new branch in the old bank building has also brought people back to the top of the street.

Not everyone is convinced the recovery will last. Several traders said business rates remained their biggest cost, and that the end of the council's rent scheme next year would be a test.
""",
)

story(
    "independent-bookshop-opens-in-eastbank-post-office",
    "business",
    29,
    "10:00",
    title="Independent bookshop opens in Eastbank's old post office",
    standfirst=(
        "The Wend Bookroom is the first new bookshop in Wendmouth for a decade. Its owner says "
        "the neighbourhood has been asking for one for years."
    ),
    authors=["hannah-lindqvist"],
    categories=["economy", "arts"],
    tags=["bookshops", "Eastbank", "small business", "reading"],
    image="books-slate",
    caption="The old sorting room is now a children's section with a small stage for story time.",
    source="eastbank-weekly",
    body="""
Eastbank has its first bookshop in more than a decade, after the Wend Bookroom opened in the neighbourhood's former post office on Eastbank Parade.

Owner Clara Weiss, a former librarian, has kept the building's original counter and brass grilles, and turned the old sorting room at the back into a children's section with beanbags and a small stage for story time.

## Readers first

The shop stocks around 6,000 titles, with a large local history section and a table of books by Wendmouth writers. It will host readings, a monthly book club and a writing group for teenagers.

> People kept stopping me in the street to ask when it would open. I have never had a business plan with so many unpaid consultants. | Clara Weiss, owner of the Wend Bookroom

>> The shop was partly funded by 340 residents who each paid £50 in advance for books, a model Ms Weiss said gave her both capital and a list of loyal customers on the first day. | Eastbank Weekly

The Wend Bookroom is open from Tuesday to Sunday.
""",
)

# --- Culture --------------------------------------------------------------------------------

story(
    "granary-arts-centre-reopens-after-refit",
    "culture",
    54,
    "10:00",
    title="Granary Arts Centre reopens after £5m refit",
    standfirst=(
        "The riverside arts centre has a new studio theatre, a bigger gallery and a café on the "
        "old loading dock. It reopens with a festival of local work."
    ),
    authors=["hannah-lindqvist"],
    categories=["arts", "heritage"],
    tags=["Granary Arts Centre", "Old Quay", "theatre", "galleries"],
    image="bauhaus-paper",
    caption="The first exhibition in the new gallery brings together artists who live near the Wend.",
    source="wend-valley-gazette",
    body="""
The Granary Arts Centre reopened to the public at the weekend after an 18-month refit that has transformed the former grain warehouse on Old Quay.

The £5m project has added a 120-seat studio theatre on the building's top floor, doubled the size of the ground-floor gallery, and opened up the old loading dock as a café with a terrace over the river.

## A home for local work

The reopening season is built around artists from the city. The first exhibition, River Rooms, brings together painters, photographers and textile artists who live within a mile of the Wend.

> We wanted the first thing people saw in the new building to be the work of their neighbours. | Beth Lowry, director of the Granary Arts Centre

>> The refit was paid for by a national arts capital grant, the council and more than 1,100 individual donors, whose names are carved into the timber handrail of the new main staircase. | The Wend Valley Gazette

The centre is open daily from 10am, with free entry to the gallery.
""",
)

story(
    "riverside-jazz-festival-announces-biggest-line-up",
    "culture",
    31,
    "15:00",
    title="Riverside Jazz Festival announces its biggest line-up yet",
    standfirst=(
        "More than 60 acts will play across nine venues over four days, with free stages on Old "
        "Quay and in Hollins Park."
    ),
    authors=["hannah-lindqvist"],
    categories=["arts"],
    tags=["Riverside Jazz Festival", "music", "Hollins Park", "festivals"],
    image="bauhaus-plum",
    caption="The Weir Street Big Band celebrates its 40th year at this year's festival.",
    body="""
The Riverside Jazz Festival has announced the biggest programme in its 22-year history, with more than 60 acts playing across nine venues over four days.

Alongside ticketed concerts at the Lantern Theatre and the Granary Arts Centre, there will be free stages on Old Quay and in Hollins Park, and late-night sessions in three of the city's pubs.

## Local and international

The line-up mixes touring bands with musicians from Wendmouth's own scene, including the Weir Street Big Band, which is celebrating its 40th year, and a youth orchestra formed at the city's music service.

> Jazz in this city has always happened in back rooms and on riverboats. We just put up some signs and sell a few tickets. | Desmond Achebe, artistic director of the Riverside Jazz Festival

The festival is also running free workshops for young musicians, and a family day in Hollins Park with instrument-making and a brass band parade.

Early-bird festival passes are on sale now, with concessions for students and residents on low incomes.
""",
)

story(
    "museum-acquires-hand-drawn-maps-of-the-wend",
    "culture",
    43,
    "11:15",
    title="Museum acquires hand-drawn maps of the Wend from 1790s survey",
    standfirst=(
        "The collection of 38 maps shows the river before the docks, embankments and bridges "
        "were built. They go on display next year."
    ),
    authors=["hannah-lindqvist"],
    categories=["heritage", "arts"],
    tags=["Wendmouth Museum", "maps", "history", "River Wend"],
    image="contours-meadow",
    caption="The maps were drawn in ink and watercolour on linen-backed paper.",
    source="riverlands-radio",
    body="""
Wendmouth Museum has acquired a set of 38 hand-drawn maps of the River Wend made by surveyors in the 1790s, showing the river as it was before the city's docks, embankments and bridges were built.

The maps, drawn in ink and watercolour on linen-backed paper, were made for a proposed canal that was never dug. They were found in the archive of a country house and bought with help from two heritage funds.

## A river that moved

The maps show the Wend following a wide, looping course through what is now the city centre, with islands, fords and mills that disappeared as the river was straightened in the 19th century.

> You can lay these maps over a modern street plan and see exactly where the old river wants to go. It is no accident that the streets that flood today were riverbed then. | Dr Rhiannon Pryce, keeper of local history at Wendmouth Museum

>> Conservators will spend several months stabilising the maps, some of which show damage from damp, before they are scanned and shown in a new gallery. | Riverlands Public Radio

High-resolution scans will be published online so that residents can compare the historic river with their own streets.
""",
)

story(
    "new-play-retells-the-great-flood-of-1894",
    "culture",
    18,
    "14:20",
    title="New play at the Lantern Theatre retells the great flood of 1894",
    standfirst=(
        "High Water, by Wendmouth playwright Jo Penrose, draws on residents' family stories to "
        "tell the story of the night the Wend burst its banks."
    ),
    authors=["hannah-lindqvist"],
    categories=["arts", "heritage"],
    tags=["Lantern Theatre", "theatre", "history", "flooding"],
    image="clouds-slate",
    caption="A shallow pool of real water rises across the stage during the second act.",
    related=["museum-acquires-hand-drawn-maps-of-the-wend"],
    body="""
The Lantern Theatre's new production, High Water, tells the story of the night in 1894 when the River Wend broke its banks and flooded a third of the city.

Playwright Jo Penrose spent a year collecting family stories from descendants of people who lived through the flood. Several of the characters are based on residents of the streets around the Weir, drawn from letters and newspaper reports of the time.

## Water on stage

The production uses a shallow pool of real water that gradually rises across the stage during the second act. The cast of 14 includes eight members of the theatre's community company.

> The flood was 130 years ago, but the fear is the same one people in Marsh End felt last winter. That is why we wanted to tell it now. | Jo Penrose, playwright

High Water runs for four weeks. There will be relaxed performances and a post-show discussion with flood historians from Wendmouth University.
""",
)

story(
    "giant-mural-transforms-eastbank-flood-wall",
    "culture",
    27,
    "09:40",
    title="Giant mural transforms Eastbank flood wall",
    standfirst=(
        "A 200-metre painting of river wildlife now covers a stretch of concrete that residents "
        "had long called the ugliest wall in Wendmouth."
    ),
    authors=["felix-adeyemi", "hannah-lindqvist"],
    categories=["arts", "community", "environment"],
    tags=["murals", "Eastbank", "public art", "wildlife"],
    image="bauhaus-autumn",
    caption="Otters, kingfishers, eels and herons are painted at their real size.",
    source="eastbank-weekly",
    body="""
The grey concrete flood wall along the Eastbank embankment has been transformed into a 200-metre mural of river wildlife, painted over five weeks by artists and more than 300 residents.

The design, by Wendmouth artist Kofi Mensah, shows otters, kingfishers, eels and herons moving along the wall from the Weir towards the sea, each species drawn at its real size.

## Painted by the neighbourhood

Schools, youth groups and residents were invited to paint sections of the mural during open sessions, with outlines marked up in advance so that anyone could take part.

> I painted the heron's left foot. My grandchildren will be able to walk past it and know that. | Winifred Obi, 78, Eastbank resident

>> The project was paid for by the Flood Partnership as part of works to strengthen the wall, with paint chosen to withstand regular soaking in brackish water. | Eastbank Weekly

A free guide to the species on the wall, written by the city's wildlife trust, is available at Eastbank library.
""",
)

story(
    "wendmouth-book-fair-returns",
    "culture",
    11,
    "10:00",
    title="Wendmouth Book Fair returns with a weekend of readings on the river",
    standfirst=(
        "Writers will read on the water bus, in the Granary and in a converted boatshed. Half "
        "the programme is free."
    ),
    authors=["hannah-lindqvist"],
    categories=["arts"],
    tags=["Wendmouth Book Fair", "books", "festivals", "readings"],
    image="books-autumn",
    caption="About half of the fair's 45 events are free.",
    related=["independent-bookshop-opens-in-eastbank-post-office"],
    body="""
The Wendmouth Book Fair returns this month with a programme of 45 events, including readings aboard the water bus and a night of ghost stories in a converted boatshed at the rowing club.

Now in its eleventh year, the fair has grown from a single day in the central library to a weekend spread across the city's waterfront. About half of the events are free.

## New voices

A strand for first-time authors includes a debut novel set in the Saltings in the 1970s and a collection of poems written by residents of the Weir almshouses.

> The best thing about a small book fair is that the authors end up in the pub with the readers. | Ade Coker, director of the Wendmouth Book Fair

Independent bookshops, including the new Wend Bookroom in Eastbank, will run pop-up stalls at each venue. Tickets for the paid events are available online and at the Granary box office.
""",
)

story(
    "mill-lane-print-studio-opens-its-presses",
    "culture",
    5,
    "13:00",
    title="Mill Lane print studio opens its presses to the public",
    standfirst=(
        "The volunteer-run studio has restored two 1950s letterpress machines and now offers "
        "evening classes in printing, bookbinding and poster design."
    ),
    authors=["hannah-lindqvist"],
    categories=["arts", "heritage", "community"],
    tags=["printmaking", "Mill Lane", "workshops", "letterpress"],
    image="mosaic-night",
    caption="The two presses once printed posters for the city's cinemas.",
    body="""
A print studio in a former garage on Mill Lane is opening its doors to the public, with evening classes on two restored letterpress machines that once printed posters for the city's cinemas.

The studio was set up by a group of retired printers and art students, who spent two years tracking down type, ink and parts for the machines.

## Making things by hand

Classes will cover letterpress printing, lino cutting, simple bookbinding and poster design. A weekly open session will let anyone who has completed an introductory course use the presses.

> Everybody who comes in wants to print their own name first. Then they want to print everything. | Eric Fairweather, volunteer and former compositor

The studio is also collecting old wooden type from across the region, and is asking anyone with forgotten trays of letters in their attic to get in touch.
""",
)

story(
    "outdoor-film-nights-return-to-hollins-park-lido",
    "culture",
    1,
    "18:00",
    title="Outdoor film nights return to the old Hollins Park lido",
    standfirst=(
        "A volunteer film club will screen classic films from a floating platform on the "
        "restored lido pool. The first season sold out in two days."
    ),
    authors=["felix-adeyemi"],
    categories=["arts", "community"],
    tags=["cinema", "Hollins Park", "lido", "volunteers"],
    image="skyline-night",
    caption="Audiences sit on deckchairs around the pool and listen through wireless headphones.",
    body="""
Outdoor film screenings are returning to the old lido in Hollins Park, where a volunteer film club has built a floating screen on the restored pool.

Audiences sit on deckchairs around the water and listen through wireless headphones, so that the screenings do not disturb neighbours. The first season of eight films sold out within two days.

## From derelict to sold out

The lido closed to swimmers in 1994 and was derelict for two decades before a community trust began restoring it. It now hosts open-water swimming in the mornings and events in the evenings.

> Ten years ago this pool was full of shopping trolleys. Now people are queuing to sit beside it in the dark and watch old films. | Nadia Kowalski, chair of the Hollins Park Lido Trust

The club is planning a second season and is asking members to vote on the programme online. Any profit from ticket sales goes to the lido's restoration fund.
""",
)

# --- Opinion --------------------------------------------------------------------------------

story(
    "libraries-are-infrastructure",
    "opinion",
    35,
    "08:00",
    title="Libraries are infrastructure, and we should fund them like it",
    standfirst=(
        "Closing a branch library saves money on paper. It costs far more in places that do not "
        "appear on any budget line."
    ),
    authors=["miriam-osei"],
    categories=["council", "community"],
    tags=["libraries", "council budget", "Brickfields"],
    image="books-plum",
    caption="Every computer at Brickfields library is in use on a typical weekday afternoon.",
    related=["residents-asked-to-choose-library-hours-or-branches"],
    promos=["contact-officials"],
    body="""
On a weekday afternoon in Brickfields library, every computer is in use. A man is filling in a benefits form with help from a librarian. Two teenagers are revising at a table by the window because there is no quiet room at home. A toddler group is singing in the corner. None of this shows up in the council's spreadsheet as anything other than a cost.

The consultation on library hours asks residents to choose between shorter hours everywhere and fewer branches. It is framed as a question about books. It is really a question about where people go when they have nowhere else.

## The hidden costs

When a branch closes, the costs do not disappear. They move. The benefits form is filled in wrong and someone ends up at the advice centre. The teenager revises on a bus. The toddler group meets in someone's front room, or not at all.

> We fund roads because everyone understands that a city stops without them. Libraries are roads of a different kind. | Miriam Osei

Nobody pretends the council has easy choices. But the cheapest branches to close are the ones in the poorest neighbourhoods, and they are also the ones doing the most work. If savings must be made, they should not fall hardest on the people with the fewest alternatives.
""",
)

story(
    "let-the-river-in",
    "opinion",
    9,
    "07:30",
    title="Let the river in: Wendmouth should design for floods, not just against them",
    standfirst=(
        "Higher walls will always be part of the answer. But the Marsh End result shows voters "
        "are ready for a city that makes room for water."
    ),
    authors=["owen-pritchard"],
    categories=["environment", "weather", "housing"],
    tags=["flooding", "water meadows", "planning", "climate"],
    image="river-mint",
    caption="Parks that can hold water for a day are one way to make room for heavy rain.",
    related=[
        "new-flood-maps-show-3000-more-homes-at-risk",
        "greens-win-marsh-end-by-election",
    ],
    promos=["flood-ready", "contact-officials"],
    body="""
For most of its history Wendmouth has treated the Wend as something to be held back. We straightened it, walled it, built a barrier across it and put houses on the land it used to flood. That has mostly worked, for a long time. The new flood maps suggest it will not work for much longer.

The maps show risk spreading away from the river, into streets where the danger comes from rain with nowhere to go. You cannot solve that with a wall. You solve it with space: parks that can hold water for a day, streets that channel it safely, meadows left to do what meadows do.

## Room for water

Other cities have begun to build this way, with squares that become shallow ponds in a storm and playgrounds designed to flood. They are not cheaper than walls, but they are often better places to live the rest of the time.

> A park that floods once a year and is full of children the other 364 days is not a failure of planning. It is the plan. | Owen Pritchard

The Marsh End by-election was fought on exactly this question, and the candidate who argued for protecting the water meadows won. That should embolden every group on the council. Making room for the river is no longer a fringe idea. It is what the people living nearest to it are asking for.
""",
)

story(
    "why-we-want-readers-to-argue-with-us",
    "opinion",
    21,
    "09:00",
    title="Editor's note: why we want readers to argue with us",
    standfirst=(
        "We are changing how the Ledger handles corrections, letters and reader questions. "
        "Here is what we are doing and why."
    ),
    authors=["ruth-calloway"],
    categories=["community"],
    tags=["corrections", "readers", "local journalism"],
    image="mosaic-autumn",
    caption="Every corrected article will now say so, with a note explaining what changed.",
    promos=["tips", "newsletter"],
    body="""
Every week, readers tell us when we have got something wrong. Sometimes it is a misspelt name or a wrong date. Sometimes it is a question we should have asked and did not. We are grateful for all of it, and we want to make it easier.

From today, every article on our site that has been corrected will say so at the bottom, with a short note explaining what changed. We will also publish a weekly round-up of corrections, so that the mistakes are as easy to find as the stories.

## Ask us anything

We are also starting a reader questions column. If there is something happening in your street that you do not understand, from roadworks to a planning notice, send it to us and a reporter will try to find the answer.

> A local paper that nobody argues with is a local paper that nobody reads. | Ruth Calloway, editor

Letters remain open to everyone, and we will publish a selection every week, including the ones that disagree with us. Especially those.
""",
)

story(
    "the-bus-fare-cap-is-the-best-thing-the-council-has-done",
    "opinion",
    7,
    "08:30",
    title="The bus fare cap is the best thing the council has done this year",
    standfirst=(
        "It is simple, it is fair and it is already working. The council should commit to "
        "keeping it beyond the first year."
    ),
    authors=["miriam-osei"],
    categories=["transport", "economy"],
    tags=["buses", "fares", "cost of living"],
    image="skyline-dawn",
    caption="Passenger numbers on Wend Valley Transit are up by 12 per cent since the cap began.",
    related=["bus-fares-capped-at-2-for-a-year"],
    body="""
Local politics rarely produces a policy that is simple to explain, cheap to run and obviously fair. The £2 bus fare cap is all three.

Before the cap, a cleaner travelling from Kestrel Hill to an early shift at the Royal Infirmary paid more than £9 a day to get to work and back. Now she pays £4. Nothing else the council could have done with £3m this year would have put money back into the pockets of the people who need it so directly.

## Early signs

Wend Valley Transit says passenger numbers are already up by 12 per cent, and the busiest routes have had extra buses added. Fewer cars on the road also means less congestion for the buses that remain.

> The cap is not a subsidy for buses. It is a subsidy for getting to work, to school and to hospital. | Miriam Osei

The scheme is paid for by a regional grant for one year. The council should say now that it will find the money to continue it, so that people can make decisions about jobs and homes knowing the fare will not suddenly double.
""",
)

# --- Science --------------------------------------------------------------------------------

story(
    "otters-return-to-the-wend-in-the-city-centre",
    "science",
    39,
    "06:45",
    title="Otters return to the Wend in the city centre for the first time in decades",
    standfirst=(
        "Camera traps have recorded at least two otters near the Weir, a sign that water "
        "quality in the river has improved."
    ),
    authors=["ines-carvalho"],
    categories=["environment"],
    tags=["otters", "wildlife", "River Wend", "water quality"],
    image="river-harbour",
    caption="Motion-activated cameras recorded two adult otters on 14 nights over six weeks.",
    source="campus-echo",
    body="""
Otters are living in the River Wend in the centre of Wendmouth for the first time in at least 50 years, according to wildlife surveyors who have captured them on camera near the Weir.

Motion-activated cameras, installed by the city's wildlife trust on the old mill race, recorded two adult otters on 14 nights over six weeks. Spraint, the animals' distinctive droppings, has also been found under Tanners Bridge and near the rowing club.

## A cleaner river

Otters disappeared from most of the Wend in the 1960s and 1970s, when industrial pollution and pesticides poisoned the river. Their return is seen as a sign that decades of work to clean up the water is paying off.

> Otters are at the top of the river's food chain. If they are here, there are enough fish, and the fish are healthy enough to eat. | Dr Hana Lindgren, ecologist at the Wend Valley Wildlife Trust

>> Student volunteers from the university's ecology society helped sort more than 9,000 camera trap images, most of which showed ducks, rats and, on one occasion, a rower looking for a lost sandal. | The Campus Echo

The trust is asking people who see an otter to report it, with a photo if possible, but not to approach it or let dogs near the riverbank where they are active.
""",
)

story(
    "observatory-opens-its-dome-for-shooting-stars",
    "science",
    2,
    "15:30",
    title="Observatory opens its dome for a night of shooting stars",
    standfirst=(
        "Wendmouth Observatory will open to the public for a free meteor-watching evening, and "
        "has asked the council to dim streetlights in Hollins Park."
    ),
    authors=["ines-carvalho"],
    categories=["science-and-technology", "community"],
    tags=["astronomy", "Wendmouth Observatory", "Hollins Park", "dark skies"],
    image="stars-night",
    caption="The observatory was built in 1902 on the highest point of Hollins Park.",
    body="""
Wendmouth Observatory is opening its dome to the public for a free evening of meteor watching, with telescopes, talks and hot drinks on the lawn.

The observatory, built in 1902 on the highest point of Hollins Park, is run by volunteers from the Wendmouth Astronomical Society. It usually opens to the public only once a month.

## Dimming the lights

The society has asked the council to switch off the streetlights on the paths around the park for the evening, to give visitors a better view. The council said it would dim the lights to a safe level rather than switch them off.

> On a clear night you can see a shooting star every few minutes from up here. Most people in the city have never seen one. | Graham Oduya, chair of the Wendmouth Astronomical Society

Volunteers will help visitors find constellations and explain what meteors are: specks of dust, most no bigger than a grain of sand, burning up as they hit the atmosphere at high speed. Visitors are advised to bring a blanket and to let their eyes adjust to the dark for at least 20 minutes.

If the sky is cloudy, the event will move to the following evening.
""",
)
