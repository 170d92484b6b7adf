"""Percent changes on unseen text (issue #25): which noun a percent belongs to, and which percents
are no changes at all (targets, forecasts, shares). Every sentence here is made up; each table
names the class of language it covers, with positive and negative cases."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language

from extractor.evaluate import head_noun
from extractor.extract import extract_text
from extractor.models import ArticleRecord

PUBLISHED = dt.date(2024, 3, 1)
Change = tuple[str, str, float]  # (metric, direction, percent)


def changes(nlp: Language, text: str) -> set[Change]:
    """The percent changes of a text as (metric, direction, percent)."""
    record = extract_text(text, nlp, published=PUBLISHED)
    assert isinstance(record, ArticleRecord), record
    return {(c.metric or "", c.direction.value, c.percent) for c in record.changes if c.percent is not None}


def heads(found: set[Change]) -> set[Change]:
    """What evaluation compares: the head noun of the metric."""
    return {(head_noun(m), d, p) for m, d, p in found}


# an enumeration whose verb is gapped: each percent belongs to the noun right before it
ENUMERATIONS = [
    (
        "Murders fell 12%, shootings 9% and robberies 4% last year.",
        {("murder", "decrease", 12.0), ("shooting", "decrease", 9.0), ("robbery", "decrease", 4.0)},
    ),
    (
        "Burglaries rose 8 percent, car thefts 15 percent and arsons 3 percent in 2023.",
        {("burglary", "increase", 8.0), ("car theft", "increase", 15.0), ("arson", "increase", 3.0)},
    ),
    (
        "Homicides dropped 12 percent, rapes 9 percent, and robberies 4 percent.",
        {("homicide", "decrease", 12.0), ("rape", "decrease", 9.0), ("robbery", "decrease", 4.0)},
    ),
    (
        "Murders fell by 12%, shootings by 9% and robberies by 4%.",
        {("murder", "decrease", 12.0), ("shooting", "decrease", 9.0), ("robbery", "decrease", 4.0)},
    ),
    (
        "Homicides fell 12 percent and shootings 9 percent.",
        {("homicide", "decrease", 12.0), ("shooting", "decrease", 9.0)},
    ),
    (
        "Crime overall fell 6%, with burglaries down 14% and assaults down 2%.",
        {("crime", "decrease", 6.0), ("burglary", "decrease", 14.0), ("assault", "decrease", 2.0)},
    ),
    (
        "Compared with 2022, homicides were down 12%, rapes down 9% and robberies down 4%.",
        {("homicide", "decrease", 12.0), ("rape", "decrease", 9.0), ("robbery", "decrease", 4.0)},
    ),
    (
        "In 2023 the city recorded 52 homicides, down 12%, and 310 shootings, down 9%.",
        {("homicide", "decrease", 12.0), ("shooting", "decrease", 9.0)},
    ),
    (
        "The city had 52 homicides in 2023, a drop of 12%, and 310 shootings, a drop of 9%.",
        {("homicide", "decrease", 12.0), ("shooting", "decrease", 9.0)},
    ),
    # negatives: each clause has its own verb and subject
    (
        "Vehicle thefts dropped 18 percent, while carjackings rose 6 percent.",
        {("vehicle theft", "decrease", 18.0), ("carjacking", "increase", 6.0)},
    ),
    (
        "Property crime decreased 8 percent and violent crime decreased 3 percent.",
        {("property crime", "decrease", 8.0), ("violent crime", "decrease", 3.0)},
    ),
    (
        "Arsons in the district rose 5 percent, but vandalism fell 9 percent.",
        {("arson", "increase", 5.0), ("vandalism", "decrease", 9.0)},
    ),
]


@pytest.mark.parametrize(("text", "expected"), ENUMERATIONS)
def test_each_percent_of_an_enumeration_has_its_own_metric(nlp: Language, text: str, expected: set[Change]) -> None:
    assert changes(nlp, text) == expected


# the quantity that changed: the subject of an intransitive or passive change verb, the object of
# an active one, the object of a change noun, a gerund, a coordinated subject, a named index
QUANTITIES = [
    ("Gun violence climbed more than 35 percent in the spring.", {("violence", "increase", 35.0)}),
    ("Reckless driving rose 30 percent last year.", {("driving", "increase", 30.0)}),
    (
        "The shelter waiting list was cut by 25 percent in a push to house families sooner.",
        {("list", "decrease", 25.0)},
    ),
    ("The new program reduced truancy by 40 percent.", {("truancy", "decrease", 40.0)}),
    ("The task force cut car thefts by 30 percent.", {("theft", "decrease", 30.0)}),
    ("Officials cut the backlog of cases awaiting trial by 20 percent.", {("backlog", "decrease", 20.0)}),
    ("The program has reduced repeat offenses among participants by 30 percent.", {("offense", "decrease", 30.0)}),
    (
        "Crashes involving pedestrians increased 12 percent, while crashes involving cyclists decreased 7 percent.",
        {("crash", "increase", 12.0), ("crash", "decrease", 7.0)},
    ),
    ("Thefts and robberies increased a combined 9% over the prior year.", {("robbery", "increase", 9.0)}),
    (
        "The town saw a decrease of 30 percent in noise complaints during the summer.",
        {("complaint", "decrease", 30.0)},
    ),
    (
        "The county recorded 212 overdose deaths, a 9% decline from 2022.",
        {("death", "decrease", 9.0)},
    ),
    ("Overdose deaths fell 21% in 2023.", {("death", "decrease", 21.0)}),
    ("Homicides were down 20 percent from 2022.", {("homicide", "decrease", 20.0)}),
    ("The consumer price index rose 3.2% in March.", {("index", "increase", 3.2)}),
    ("The index fell 1.2% on Tuesday.", {("index", "decrease", 1.2)}),
    ("Acme's revenue rose 3% in the quarter.", {("revenue", "increase", 3.0)}),
    ("CARDIFF, Wales — Reported robberies in Cardiff fell 14.5 percent.", {("robbery", "decrease", 14.5)}),
    # negatives: a place, a time or a purpose is never what changed
    ("Burglaries in Riverton fell 11% in the spring.", {("burglary", "decrease", 11.0)}),
    ("Arrests fell 10% after the city launched a plan to reduce crime.", {("arrest", "decrease", 10.0)}),
    ("The program helped reduce recidivism by 30 percent.", {("recidivism", "decrease", 30.0)}),
]


@pytest.mark.parametrize(("text", "expected"), QUANTITIES)
def test_the_metric_is_the_quantity_that_changed(nlp: Language, text: str, expected: set[Change]) -> None:
    assert heads(changes(nlp, text)) == expected


# a percent before a comparative is a change when the comparison is with another time ("than in
# 2022", "than a year earlier", "this summer"); between places or groups, or under a modal, it is none
COMPARATIVES = [
    ("Animal intakes were 9 percent lower than in 2022.", {("intake", "decrease", 9.0)}),
    ("Felony filings were 12 percent higher than the year before.", {("filing", "increase", 12.0)}),
    ("Shootings were 15% lower than last year.", {("shooting", "decrease", 15.0)}),
    ("Water rescues ran 20 percent above the 2022 total.", {("rescue", "increase", 20.0)}),
    ("There were 14 percent fewer drownings this summer.", {("drowning", "decrease", 14.0)}),
    ("The coast guard carried out 18% more rescues than a year earlier.", {("rescue", "increase", 18.0)}),
    ("Ferry ridership in 2023 was 6 percent higher than in 2019.", {("ridership", "increase", 6.0)}),
    ("Rents downtown are 14 percent higher than in the suburbs.", set()),
    ("Response times in the east district were 20% lower than in the west district.", set()),
    ("Rainfall this spring will be 30 percent below normal.", set()),
    ("Clinic visits by seniors were 25 percent higher than visits by teens.", set()),
    ("Women were 12 percent more likely to report a crime.", set()),
]


@pytest.mark.parametrize(("text", "expected"), COMPARATIVES)
def test_a_comparative_with_another_time_is_a_change(nlp: Language, text: str, expected: set[Change]) -> None:
    assert heads(changes(nlp, text)) == expected


# a common noun that opens its sentence capitalized, which the tagger reads as a name, or a bare
# gerund as subject: still what changed; a person or a place never is
CAPITALIZED_SUBJECTS = [
    ("Arson fell 5 percent.", {("arson", "decrease", 5.0)}),
    ("Truancy declined 9% in 2023.", {("truancy", "decrease", 9.0)}),
    ("Ridership was down 8.5 percent from last year.", {("ridership", "decrease", 8.5)}),
    ("Larcenies saw a 13 percent increase.", {("larceny", "increase", 13.0)}),
    ("Shoplifting rose 14 percent in the mall district.", {("shoplifting", "increase", 14.0)}),
    ("Lakeview saw a 12 percent drop in thefts.", {("theft", "decrease", 12.0)}),
    ("Maria Lopez said burglaries fell 5 percent.", {("burglary", "decrease", 5.0)}),
]


@pytest.mark.parametrize(("text", "expected"), CAPITALIZED_SUBJECTS)
def test_a_capitalized_common_noun_is_what_changed(nlp: Language, text: str, expected: set[Change]) -> None:
    assert heads(changes(nlp, text)) == expected


# a label before the percent names what changed: a list line, a table row, a parenthesis after the
# noun, a title-case headline; a label with a verb or a number of its own, or a place, names none
LABELS = [
    ("Homicides: down 23%.", {("homicide", "decrease", 23.0)}),
    ("Burglary: -14 percent", {("burglary", "decrease", 14.0)}),
    (
        "- Robberies: down 12 percent\n- Burglaries: up 3 percent",
        {("robbery", "decrease", 12.0), ("burglary", "increase", 3.0)},
    ),
    ("Crime\tChange\nHomicide\t-12%\nRobbery\t+4%", {("homicide", "decrease", 12.0), ("robbery", "increase", 4.0)}),
    (
        "Burglaries (-14%) and robberies (+6%) moved in opposite directions.",
        {("burglary", "decrease", 14.0), ("robbery", "increase", 6.0)},
    ),
    ("Homicides Drop 17 Percent in Lakeview", {("homicide", "decrease", 17.0)}),
    ("DUI Arrests Up 9 Percent Over Holiday Weekend", {("arrest", "increase", 9.0)}),
    ("County Reports 20% Decline in Youth Arrests", {("arrest", "decrease", 20.0)}),
    ("The chief said: thefts fell 12%.", {("theft", "decrease", 12.0)}),
    ("Calls for 2023: 4,100, up 6% from the year before.", {("call", "increase", 6.0)}),
]


@pytest.mark.parametrize(("text", "expected"), LABELS)
def test_a_label_names_what_changed(nlp: Language, text: str, expected: set[Change]) -> None:
    assert heads(changes(nlp, text)) == expected


# a subject the parse lost, qualified by a phrase: what the phrase qualifies changed, not the phrase's
# own noun ("repeat offenses among participants"); a place in the phrase never is what changed
QUALIFIED_SUBJECTS = [
    (
        "Since the program began, repeat offenses among participants have dropped by 40 percent.",
        {("offense", "decrease", 40.0)},
    ),
    ("Complaints about noise in the park district fell 9 percent.", {("complaint", "decrease", 9.0)}),
    ("Felony filings for retail theft rose 19 percent.", {("filing", "increase", 19.0)}),
    ("Violent crimes against seniors rose 13 percent in 2017.", {("crime", "increase", 13.0)}),
]


@pytest.mark.parametrize(("text", "expected"), QUALIFIED_SUBJECTS)
def test_a_qualified_subject_is_what_changed(nlp: Language, text: str, expected: set[Change]) -> None:
    assert heads(changes(nlp, text)) == expected


# targets, goals, forecasts and shares are no changes
NOT_CHANGES = [
    "The county adopted a plan to reduce homelessness by 50% by 2030.",
    "Cut Shelter Waitlist by 30%",
    "City Council Votes to Cut Police Overtime by 15%",
    "Sales are projected to grow 5% next year.",
    "The utility is on pace to cut outages 20% in 2025.",
    "The mayor wants to reduce traffic deaths by 30 percent.",
    "The department aims to cut response times by 10% by next year.",
    "Officials expect ridership to grow 5% in 2025.",
    "The budget calls for a 3% increase in police spending.",
    "Under the proposal, fees would rise 8 percent.",
    "The target is to cut idle hours by 25 percent.",
    "A court ordered the county to shrink its permit backlog by 40 percent.",
    "About 35 percent of cases involved drugs.",
    "Some 70% of the calls fall into the medical category, while roughly 30% concern fires.",
    "Roughly 40 percent of the arrests involved juveniles.",
    "Women made up 52 percent of the victims.",
    "The unit kept a 93 percent conviction rate, up from the year before.",
    "The program reports a 90% success rate and growing enrollment.",
    "Ridership will expand by 4 percent next year, more than twice the pace of 2023.",
]


@pytest.mark.parametrize("text", NOT_CHANGES)
def test_targets_forecasts_and_shares_are_no_changes(nlp: Language, text: str) -> None:
    assert changes(nlp, text) == set()


# one fact stated twice: a rounded restatement beside the precise figure is one change; two
# things that changed by the same percent are two
REPEATS = [
    (
        "Transit Police Cut Fare Evasion by Nearly 35%\n\nFare evasion fell 34.8% in 2023.",
        {("evasion", "decrease", 34.8)},
    ),
    (
        "Bike thefts rose 12 percent. The number of registered bikes grew too, up 12 percent.",
        {("theft", "increase", 12.0), ("bike", "increase", 12.0)},
    ),
]


# a headline in title case that names no metric takes the one of the body sentence restating it
HEADLINE_RESTATEMENTS = [
    (
        "Homicides Drop 17 Percent in Lakeview\n\nLAKEVIEW \u2014 Homicides in the city fell 17 percent in 2023.",
        {("homicide", "decrease", 17.0)},
    ),
    (
        "County Reports 20% Decline in Youth Arrests\n\nYouth arrests declined 20% in 2023.",
        {("arrest", "decrease", 20.0)},
    ),
    (
        "Shelter Adoptions Climb 15%\n\nAdoptions at the county shelter rose 15 percent last year.",
        {("adoption", "increase", 15.0)},
    ),
    (
        "Harbor Rescues Fall 33%\n\nRescues fell 33 percent in 2023, and tows fell 12 percent.",
        {("rescue", "decrease", 33.0), ("tow", "decrease", 12.0)},
    ),
]


@pytest.mark.parametrize(("text", "expected"), REPEATS + HEADLINE_RESTATEMENTS)
def test_one_fact_once(nlp: Language, text: str, expected: set[Change]) -> None:
    assert heads(changes(nlp, text)) == expected


def claims(nlp: Language, text: str) -> set[tuple[str, int | None]]:
    record = extract_text(text, nlp, published=PUBLISHED)
    assert isinstance(record, ArticleRecord), record
    return {(head_noun(c.metric), c.since_year) for c in record.claims}


# "since" anchors a superlative in time only as a preposition or a conjunction; as an adverb of a
# verb ("has since been charged") it says nothing about a record
SINCE = [
    ("Deputies caught a man on the state's most wanted list, who has since pleaded guilty.", set()),
    ("The busiest dealer in the ring, who had since moved away, was caught in May.", set()),
    ("The county recorded the fewest homicides since 2014.", {("homicide", 2014)}),
    ("Shootings reached their highest level since the program began.", {("shooting", None)}),
]


@pytest.mark.parametrize(("text", "expected"), SINCE)
def test_since_as_an_adverb_anchors_no_claim(nlp: Language, text: str, expected: set[tuple[str, int | None]]) -> None:
    assert claims(nlp, text) == expected


# the subject of a verb of experience ("saw", "experienced", "recorded") underwent the change its
# object names, whatever its number; a place, an agency, a pronoun or a time is only where it was seen
EXPERIENCED = [
    ("Property crime in the county experienced a 9 percent drop last year.", {("crime", "decrease", 9.0)}),
    ("Vandalism at Oakmere parks experienced a 17 percent drop.", {("vandalism", "decrease", 17.0)}),
    ("School bus ridership saw a 6% increase this fall.", {("ridership", "increase", 6.0)}),
    ("Juvenile arrests experienced a sharp 30 percent decline.", {("arrest", "decrease", 30.0)}),
    ("Residential burglaries recorded an 11% decline over the year.", {("burglary", "decrease", 11.0)}),
    # negatives: the holder of the change is not what changed
    ("The city saw a 9% drop in robberies.", {("robbery", "decrease", 9.0)}),
    ("We saw a 10 percent increase in wildfire starts.", {("start", "increase", 10.0)}),
    ("The Harlow precinct saw a 9 percent drop.", {("", "decrease", 9.0)}),
    ("The sheriff's office recorded an 8 percent decline.", {("", "decrease", 8.0)}),
    ("Last year saw a 10% increase in traffic stops.", {("stop", "increase", 10.0)}),
]


@pytest.mark.parametrize(("text", "expected"), EXPERIENCED)
def test_what_saw_a_change_is_what_changed(nlp: Language, text: str, expected: set[Change]) -> None:
    assert heads(changes(nlp, text)) == expected


# a plural head noun the tagger reads as the auxiliary of the verb after it ("... homicides nearly
# doubled"): auxiliaries are be, have and do, so the plural is the subject's head
PLURALS_READ_AS_AUXILIARIES = [
    ("Domestic violence homicides nearly doubled, rising 95 percent.", {("homicide", "increase", 95.0)}),
    ("Gun violence deaths nearly tripled, climbing 190 percent.", {("death", "increase", 190.0)}),
    ("Child abuse reports nearly doubled, jumping 88 percent.", {("report", "increase", 88.0)}),
    # negatives: a real auxiliary leaves the subject as it is
    ("Domestic violence has risen 12 percent.", {("violence", "increase", 12.0)}),
    ("Hate crimes have dropped 7 percent.", {("crime", "decrease", 7.0)}),
]


@pytest.mark.parametrize(("text", "expected"), PLURALS_READ_AS_AUXILIARIES)
def test_a_plural_read_as_an_auxiliary_heads_the_subject(nlp: Language, text: str, expected: set[Change]) -> None:
    assert heads(changes(nlp, text)) == expected


# a percent in parentheses, with or without its direction word, belongs to the noun phrase before
# the parenthesis: its head, past a prepositional phrase ("assaults on transit workers (up 31 percent)")
PARENTHESES = [
    ("Thefts (down 12%) led the decline.", {("theft", "decrease", 12.0)}),
    ("Assaults on transit workers (up 31 percent) worried the union.", {("assault", "increase", 31.0)}),
    ("Thefts of catalytic converters (down by 40%) fell the most.", {("theft", "decrease", 40.0)}),
    ("Burglaries in Dunmore (down 5%) led the list.", {("burglary", "decrease", 5.0)}),
    # negatives: a generic head gives way to its counted noun; each parenthesis has its own noun
    ("The number of thefts (down 12%) surprised officials.", {("theft", "decrease", 12.0)}),
    (
        "Burglaries (-14%) and robberies (+6%) moved apart.",
        {("burglary", "decrease", 14.0), ("robbery", "increase", 6.0)},
    ),
]


@pytest.mark.parametrize(("text", "expected"), PARENTHESES)
def test_a_percent_in_parentheses_belongs_to_the_phrase_before(nlp: Language, text: str, expected: set[Change]) -> None:
    assert heads(changes(nlp, text)) == expected


# one verb, a coordinated subject: with "respectively" the percents go to the nouns in order; with
# "each" or "both" one percent goes to every noun; otherwise ("a combined 9%") it stays one change
SHARED_VERBS = [
    (
        "Robberies, burglaries and thefts fell 4%, 7% and 9% respectively.",
        {("robbery", "decrease", 4.0), ("burglary", "decrease", 7.0), ("theft", "decrease", 9.0)},
    ),
    (
        "Arrests, citations and warnings rose 3%, 5% and 11%, respectively.",
        {("arrest", "increase", 3.0), ("citation", "increase", 5.0), ("warning", "increase", 11.0)},
    ),
    (
        "Robberies and burglaries each fell 5% last year.",
        {("robbery", "decrease", 5.0), ("burglary", "decrease", 5.0)},
    ),
    ("Both arsons and false alarms fell 9 percent.", {("arson", "decrease", 9.0), ("alarm", "decrease", 9.0)}),
    (
        "Shootings fell 20 percent; homicides, 11 percent.",
        {("shooting", "decrease", 20.0), ("homicide", "decrease", 11.0)},
    ),
    (
        "Fires fell 14 percent; false alarms, 6 percent.",
        {("fire", "decrease", 14.0), ("alarm", "decrease", 6.0)},
    ),
    # negatives: one percent for a combined total; "each" of a holder is no coordinated subject
    ("Thefts and robberies rose a combined 9 percent.", {("robbery", "increase", 9.0)}),
    ("Each district saw crime fall 5 percent.", {("crime", "decrease", 5.0)}),
    ("In 2023, 12 percent of the calls were false alarms.", set()),
]


@pytest.mark.parametrize(("text", "expected"), SHARED_VERBS)
def test_a_shared_verb_gives_each_noun_its_percent(nlp: Language, text: str, expected: set[Change]) -> None:
    assert heads(changes(nlp, text)) == expected


# a verb whose particle is "up" or "down" ("went up", "came down") moves its subject, a causative
# one ("pushed robberies down") its object; the head of "calls for service" is "call"
MOVING_PARTICLES = [
    ("Calls for service rose 6 percent in 2023.", {("call", "increase", 6.0)}),
    ("Fraud complaints to the hotline went up by 35 percent.", {("fraud complaint", "increase", 35.0)}),
    ("Noise complaints came down 11 percent.", {("noise complaint", "decrease", 11.0)}),
    ("The crackdown pushed street robberies down by 18%.", {("street robbery", "decrease", 18.0)}),
    ("New signals brought red-light violations down 25 percent.", {("red-light violation", "decrease", 25.0)}),
    # negatives: a particle of another verb gives no direction
    ("Women made up 52 percent of the victims.", set()),
    ("Deputies cracked down on speeding, and 40 percent of drivers slowed.", set()),
]


@pytest.mark.parametrize(("text", "expected"), MOVING_PARTICLES)
def test_a_moving_particle(nlp: Language, text: str, expected: set[Change]) -> None:
    assert changes(nlp, text) == expected


# a plural pronoun as the subject of a change stands for what the sentence before changed
PRONOUN_SUBJECTS = [
    ("Thefts also fell. They were down 8% from 2022.", {("theft", "decrease", 8.0)}),
    ("Burglaries rose in the spring. They were up 12 percent by June.", {("burglary", "increase", 12.0)}),
    # negatives: a pronoun that is not the change's subject leaves the metric as the sentence gives it
    ("Officers arrested 40 people. They said thefts fell 9 percent.", {("theft", "decrease", 9.0)}),
    ("Arson fell 5 percent. Burglaries rose 9 percent.", {("arson", "decrease", 5.0), ("burglary", "increase", 9.0)}),
]


@pytest.mark.parametrize(("text", "expected"), PRONOUN_SUBJECTS)
def test_a_pronoun_subject_takes_the_change_before(nlp: Language, text: str, expected: set[Change]) -> None:
    assert heads(changes(nlp, text)) == expected


# a table row that ends in a change column: the row's label is what changed ("Total" too), and an
# unsigned percent takes its direction from the row's first and last counts
TABLE_ROWS = [
    (
        "Crime\t2022\t2023\tChange\nTotal\t52\t46\t-11.5%\nRobbery\t40\t44\t+10%",
        {("total", "decrease", 11.5), ("robbery", "increase", 10.0)},
    ),
    (
        "Offense | 2022 | 2023 | % change\nBurglary | 120 | 96 | -20%\nAuto theft | 80 | 88 | 10%",
        {("burglary", "decrease", 20.0), ("theft", "increase", 10.0)},
    ),
    (
        "Category | 2021 | 2022 | 2023 | Change\nStructure fires | 210 | 190 | 171 | 18.6%",
        {("fire", "decrease", 18.6)},
    ),
    # negatives: one count gives no direction; a share column is no change
    ("Offense | 2023 | Change\nArson | 1,204 | 5%", set()),
    ("Type | Share\nArson | 12%", set()),
]


@pytest.mark.parametrize(("text", "expected"), TABLE_ROWS)
def test_a_table_row_label_is_what_changed(nlp: Language, text: str, expected: set[Change]) -> None:
    assert heads(changes(nlp, text)) == expected


# a parse that reads the subject's plural head as the main verb ("Firearm suicides, which ...,
# rose"), a copula read as a gapped plural ("..., is down 4 percent"), a named duration ("response
# times") as what changed; a percent that a direction word leads to another percent is a level
PARSE_SLIPS = [
    ("Firearm suicides, which make up most gun deaths in the state, rose 9 percent.", {("suicide", "increase", 9.0)}),
    (
        "The state's prison population, at 31,200, is down 4 percent from a year earlier.",
        {("population", "decrease", 4.0)},
    ),
    ("Average response times improved, dropping 14 percent.", {("time", "decrease", 14.0)}),
    ("Ambulance response in rural areas slowed, with average times up 12 percent.", {("time", "increase", 12.0)}),
    ("Ambulance response times fell 20 percent.", {("time", "decrease", 20.0)}),
    # negatives: levels and a bare "times" are no metric of a change
    ("Of the 412 crashes, 20 percent involved alcohol, down from 26 percent.", set()),
    ("The share of calls answered within a minute rose to 92 percent from 85 percent.", set()),
    ("About 40 percent of the wait times were under an hour.", set()),
]


@pytest.mark.parametrize(("text", "expected"), PARSE_SLIPS)
def test_parse_slips_keep_what_changed(nlp: Language, text: str, expected: set[Change]) -> None:
    assert heads(changes(nlp, text)) == expected


# a comparative before its counted noun, however the parse hangs it ("25 percent more elder abuse
# cases"); a demonstrative subject ("This represents an increase of 40 percent") stands for the
# count of the sentence before when the sentence itself names none
COUNTS_COMPARED_AND_REFERRED_TO = [
    (
        "The prosecutor's office filed 25 percent more elder abuse cases in 2023 than in 2022.",
        {("case", "increase", 25.0)},
    ),
    (
        "Rangers made 220 trail rescues during the season. This represents an increase of 40 percent over 2022.",
        {("rescue", "increase", 40.0)},
    ),
    (
        "Volunteers planted 900 trees at Fenwick Park. That was a 12 percent rise from the year before.",
        {("tree", "increase", 12.0)},
    ),
    # negatives: a comparative of an adjective compares no count; a sentence that names its metric keeps it
    ("Women were 12 percent more likely to report a crime.", set()),
    (
        "Rangers made 220 trail rescues in 2023. This marks a 9 percent drop in wildfires.",
        {("wildfire", "decrease", 9.0)},
    ),
]


@pytest.mark.parametrize(("text", "expected"), COUNTS_COMPARED_AND_REFERRED_TO)
def test_a_compared_or_referred_count_is_what_changed(nlp: Language, text: str, expected: set[Change]) -> None:
    assert heads(changes(nlp, text)) == expected


# a change noun with the percent stated beside it by another word belongs to what the noun is about:
# its "in" object, the object of "in" on its verb ("the biggest drop came in robberies, which fell"),
# or the subject of a verb of experience ("burglary saw the largest decline, falling 22 percent");
# a noun set off by "up"/"down" between commas is what changed
CHANGE_NOUN_OWNERS = [
    ("Of all categories, burglary saw the largest decline, falling 22 percent.", {("burglary", "decrease", 22.0)}),
    ("The biggest drop came in robberies, which fell 31 percent.", {("robbery", "decrease", 31.0)}),
    ("The largest increase was in aggravated assaults, up 19 percent.", {("assault", "increase", 19.0)}),
    ("Auto thefts, up 9 percent, remain a concern.", {("theft", "increase", 9.0)}),
    ("Robberies led the decline, falling 31 percent.", {("robbery", "decrease", 31.0)}),
    # negatives: a relative clause on a counted object keeps the count; an "in" of time names no owner
    (
        "Troopers worked 396 crashes with injuries or deaths, which marked a 12% drop against 2022.",
        {("crash", "decrease", 12.0)},
    ),
    ("Crime in Dunmore saw its largest decline in years, falling 14 percent.", {("crime", "decrease", 14.0)}),
]


@pytest.mark.parametrize(("text", "expected"), CHANGE_NOUN_OWNERS)
def test_a_change_noun_belongs_to_what_it_is_about(nlp: Language, text: str, expected: set[Change]) -> None:
    assert heads(changes(nlp, text)) == expected


# a participle the parse read as the main verb, with the change verb as its clause ("Cases
# referred to the diversion program climbed 40 percent"): the participle's subject changed, not
# the object of its preposition
REDUCED_RELATIVES = [
    ("Cases referred to the juvenile diversion program climbed 40 percent.", {("case", "increase", 40.0)}),
    ("Calls routed to the crisis team rose 12 percent.", {("call", "increase", 12.0)}),
    ("Permits issued to restaurants rose 12 percent.", {("permit", "increase", 12.0)}),
    # negatives: a clause with a subject of its own keeps it
    ("The sergeant said thefts from cars fell 9 percent.", {("theft", "decrease", 9.0)}),
    ("Auditors reported that overtime hours dropped 14 percent.", {("hour", "decrease", 14.0)}),
]


@pytest.mark.parametrize(("text", "expected"), REDUCED_RELATIVES)
def test_a_reduced_relative_keeps_its_subject(nlp: Language, text: str, expected: set[Change]) -> None:
    assert heads(changes(nlp, text)) == expected


# the amount after a change noun's "in" object ("a drop in thefts of 12 percent") is the change's
# amount, not a share; "of" after any other noun still marks a share or a level
AMOUNTS_AFTER_THE_OBJECT = [
    ("Officials noted a drop in thefts of 12 percent.", {("theft", "decrease", 12.0)}),
    ("A rise in burglaries of 7% worried residents.", {("burglary", "increase", 7.0)}),
    # negatives
    ("A rise in the share of 7% worried residents.", set()),
    ("Officials noted a drop in thefts, a sign that 40 percent of the bikes were locked.", set()),
]


@pytest.mark.parametrize(("text", "expected"), AMOUNTS_AFTER_THE_OBJECT)
def test_an_amount_after_the_object_of_a_change_noun(nlp: Language, text: str, expected: set[Change]) -> None:
    assert heads(changes(nlp, text)) == expected


# a generic noun ("a figure", "a number") that a relative clause of change hangs on restates the
# count before it: that count's noun is what changed
GENERIC_ANTECEDENTS = [
    ("There were 310 shootings, a figure that is down 14 percent.", {("shooting", "decrease", 14.0)}),
    ("Rangers counted 88 bears, a number that rose 6 percent.", {("bear", "increase", 6.0)}),
    # negatives: a noun of its own, or a generic noun with its "of" object, names what changed
    ("Rangers counted 88 bears near Alder Lake, which grew 6 percent.", {("bear", "increase", 6.0)}),
    ("The number of burglaries, which fell 9 percent, surprised no one.", {("burglary", "decrease", 9.0)}),
]


@pytest.mark.parametrize(("text", "expected"), GENERIC_ANTECEDENTS)
def test_a_generic_antecedent_restates_the_count(nlp: Language, text: str, expected: set[Change]) -> None:
    assert heads(changes(nlp, text)) == expected
