"""Events: dated occurrences, with negative cases (statistics, date lines, headlines)."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language

from extractor.extract import extract_text
from extractor.models import ArticleRecord

PUBLISHED = dt.date(2024, 7, 31)


def events(nlp: Language, text: str, published: dt.date | None = PUBLISHED) -> list[tuple[str, str | None, str | None]]:
    result = extract_text(text, nlp, published=published)
    assert isinstance(result, ArticleRecord), result
    return [(e.description, e.date, e.date_text) for e in result.events]

def assert_dated(found: list[tuple[str, str | None, str | None]], word: str | None, date: str) -> None:
    """An event whose description holds `word` is dated `date`; with no word, no event has that date."""
    if word is None:
        assert not any(v == date for _, v, _ in found), found
    else:
        assert any(word in d and v == date for d, v, _ in found), found



@pytest.mark.parametrize(
    ("text", "word", "date", "date_text"),
    [
        (
            "On Tuesday, the police department gave its quarterly report to the public.",
            "report",
            "2024-07-30",
            "Tuesday",
        ),
        ("Crime has fallen since the administration took office in April 2021.", "office", "2021-04", "April 2021"),
        ("The council will vote Aug. 6 on the budget.", "vote", "2024-08-06", "Aug. 6"),
        (
            "According to a county report presented to commissioners Tuesday, costs rose.",
            "report",
            "2024-07-30",
            "Tuesday",
        ),
        (
            "Officer David Lee, who was struck and killed over a week ago, was honored.",
            "struck",
            None,
            "over a week ago",
        ),
        ("The 2019 measles outbreak began in the Portland area.", "outbreak", "2019", "2019"),
        ("Thousands gathered for National Night Out on Tuesday.", "Night", "2024-07-30", "Tuesday"),
    ],
)
def test_dated_occurrences(nlp: Language, text: str, word: str, date: str | None, date_text: str | None) -> None:
    found = events(nlp, text)
    assert any(word in d and v == date and t == date_text for d, v, t in found), found


@pytest.mark.parametrize(
    "text",
    [
        "The department answered 4,100 fire alarms last year.",
        "Detectives cleared 52% of homicide cases in 2023.",
        "There were 263 homicides in 2020.",
        "The 2024 count found more people outside.",
        "Homicides were the lowest since 2014.",
    ],
)
def test_statistics_are_not_events(nlp: Language, text: str) -> None:
    assert events(nlp, text) == []


def test_date_line_and_headline_are_not_events(nlp: Language) -> None:
    text = "City releases crime data for 2023\nPublished March 3, 2024\n\nThe mayor spoke on Monday."
    found = events(nlp, text, published=dt.date(2024, 3, 3))
    assert [(d, v) for d, v, _ in found] == [("The mayor spoke", "2024-02-26")]


def test_participants_and_place(nlp: Language) -> None:
    result = extract_text("Mayor Ann Cole opened the shelter in Tulsa on Monday.", nlp, published=PUBLISHED)
    assert isinstance(result, ArticleRecord)
    (event,) = result.events
    assert event.participants == ["Ann Cole"] and event.location == "Tulsa" and event.date == "2024-07-29"


def test_the_most_precise_time_expression_dates_the_clause(nlp: Language) -> None:
    found = events(nlp, "The county's first measles case this year was confirmed April 2 in a child.")
    assert [(v, t) for _, v, t in found] == [("2024-04-02", "April 2")]


# --- classes of language (issue #30): each a parametrized table of invented sentences ---------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a date in a subordinate clause belongs to that clause's verb, not to the main verb
        (
            "Tom Hale, who was arrested on May 3, pleaded guilty Tuesday.",
            [("Tom Hale arrested", "2024-05-03"), ("Tom Hale pleaded guilty", "2024-07-30")],
        ),
        ("Mara Diaz, who was hired in 2019, spoke to reporters at length.", [("Mara Diaz hired", "2019")]),
        # "was sentenced Tuesday to 15 years": the verb with its complement, the participant without age
        (
            "Jane Roe, 38, of Elmwood, was sentenced Tuesday to 15 years in prison.",
            [("Jane Roe sentenced to 15 years", "2024-07-30")],
        ),
        # a list of court dates: one event each
        (
            "The defendants were arraigned on Friday, July 19 and Monday, July 22.",
            [("The defendants arraigned", "2024-07-19"), ("The defendants arraigned", "2024-07-22")],
        ),
        # a scheduled event resolves forward
        ("Hale will be arraigned on Aug. 5 in Elmwood.", [("Hale arraigned", "2024-08-05")]),
        ("The council is scheduled to vote Aug. 6 on the levy.", [("The council vote on the levy", "2024-08-06")]),
        # an incident told in the past perfect, inside what someone said
        (
            "Police said the man had fired three shots on June 2 before fleeing.",
            [("the man fired three shots", "2024-06-02")],
        ),
        # a state told first, then what happened: the verb joined to it takes the date
        ("In 2020, Tom Hale was eligible for parole and was denied release.", [("Tom Hale denied release", "2020")]),
        # a quotation that writes its date out tells what happened; its "today" is rhetoric
        ('"The mill closed in 2011, and the town never recovered," said Ada Park.', [("The mill closed", "2011")]),
        # a date range: the month of a range of days; a span of years dates no single occurrence
        ("The county fair ran July 10 to 14 in Elmwood.", [("The county fair ran", "2024-07")]),
    ],
)
def test_the_parse_dates_each_predicate(nlp: Language, text: str, expected: list[tuple[str, str]]) -> None:
    assert [(d, v) for d, v, _ in events(nlp, text)] == expected


# --- an occurrence told inside a quotation (issue #26) ---------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a quoted court order broken over lines (text from a PDF): the dated past occurrence on a
        # line with no marks is still what happened
        (
            "The appeals court wrote in its order:\n\u201cThe trial court denied the motion, and\n"
            "this court gave notice on March 4, 2024, that it would hear the matter.\n"
            "No party answered the notice.\nThe writ is granted.\u201d\n\nThe case returns to Elmwood.",
            [("this court gave notice", "2024-03-04")],
        ),
        (
            "\u201cThe trial court denied the motion on March 4, 2024, and no party appealed,\u201d "
            "the appeals court wrote.",
            [("The trial court denied the motion", "2024-03-04")],
        ),
        # negative: the speaker's own rhetoric, and a promise, inside a quotation
        ("\u201cToday we stand with every family in this county,\u201d said Ada Park.", []),
        ("\u201cWe will hold a hearing on March 4, 2025, for every family,\u201d said Ada Park.", []),
        (
            "The appeals court wrote:\n\u201cToday this court stands with the families of Elmwood, and\n"
            "it will not look away from them\nnow or at any time.\u201d\n\nThe case returns to Elmwood.",
            [],
        ),
    ],
)
def test_occurrence_inside_a_quotation(nlp: Language, text: str, expected: list[tuple[str, str]]) -> None:
    assert [(d, v) for d, v, _ in events(nlp, text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        # the release's own speech acts
        "The sheriff announced today that deputies would patrol the lake.",
        "The mayor said Tuesday that crime fell in every ward.",
        "Chief Lena Ortiz today warned drivers to slow down near schools.",
        # habits, frequencies and spans
        "The fair is held each January in Elmwood.",
        "The pilot lasts through October 2026.",
        "Over the past year, officers met with residents in every ward.",
        "Officers have met regularly with shop owners since March.",
        # statistics over a span, and a year's counts
        "Between 2019 and 2021, the office charged 57 defendants with fraud.",
        "Officers seized 148 firearms last year.",
        "Cyclists ticketed in 2023 were mostly teenagers.",
        '"Today we stand with every family in this county," said Ada Park.',
        '"We will keep fighting for these families in 2025," said Ada Park.',
        # a count of occurrences, and a count's clause
        "The city logged 412 burglaries, its fewest since 1998.",
        "The county counted more deaths than the 425 it recorded in 2022.",
        # what did not happen, and what the text gives no time for
        "The suspect was not charged on Monday.",
        "Thousands gathered for National Night Out.",
        # a date that names a kind, and a citation's year
        "Volunteers handed out 300 Thanksgiving meals.",
        "The court relied on Smith v. Jones (1977) in its opinion.",
    ],
)
def test_what_is_not_an_event(nlp: Language, text: str) -> None:
    assert events(nlp, text) == []


@pytest.mark.parametrize(
    ("text", "count", "date"),
    [
        ("On Saturday, 148 firearms were turned in at the church.", 148, "2024-07-27"),
        ("Deputies arrested 12 people on July 9 in a sweep of the park.", 12, "2024-07-09"),
        ("The mayor opened the new shelter on Monday.", None, "2024-07-29"),
    ],
)
def test_a_one_off_keeps_its_count(nlp: Language, text: str, count: int | None, date: str) -> None:
    result = extract_text(text, nlp, published=PUBLISHED)
    assert isinstance(result, ArticleRecord)
    assert [(e.count, e.date) for e in result.events] == [(count, date)]
    assert result.figures == []  # a one-off's count is no year's figure


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # one occurrence told twice is one event, at the most precise date
        (
            "The board voted today to fund the unit. Today's vote means the unit stays open.",
            [("The board voted to fund the unit", "2024-07-31")],
        ),
        (
            "The order was signed last November. It was signed on November 17 by Judge Ada Park.",
            [("It signed", "2023-11-17")],
        ),
        # two people sentenced the same day are two occurrences
        (
            "Ana Ruiz was sentenced Friday. Leo Park was sentenced Friday as well.",
            [("Ana Ruiz sentenced", "2024-07-26"), ("Leo Park sentenced", "2024-07-26")],
        ),
        # a law named by its year was passed that year; a number after a noun is its name, not a count
        ("Lawmakers cited a 2019 law limiting late-night sales.", [("law", "2019")]),
        ("Ordinance 5, which passed in 2021, bans fireworks.", [("Ordinance 5 passed", "2021")]),
        # a noun of an occurrence that a date names
        ("Since its inception in 1993, the unit has recovered 6,000 cars.", [("the unit inception", "1993")]),
        ("The chief spoke at a news conference today.", [("news conference", "2024-07-31")]),
    ],
)
def test_one_event_per_occurrence(nlp: Language, text: str, expected: list[tuple[str, str]]) -> None:
    assert [(d, v) for d, v, _ in events(nlp, text)] == expected


def test_an_organization_that_acts_is_a_participant(nlp: Language) -> None:
    result = extract_text(
        "The Elmwood County Board of Supervisors voted on Tuesday to fund the shelter.", nlp, published=PUBLISHED
    )
    assert isinstance(result, ArticleRecord)
    (event,) = result.events
    assert event.participants == ["The Elmwood County Board of Supervisors"] and event.date == "2024-07-30"


# An occurrence dated from the one told just before ("that same night", "the next day", "two
# days later", "later that month"): the earlier occurrence's date, shifted, at the precision the
# shift allows; nothing where no day was told before, or where the phrase names its own occurrence.
@pytest.mark.parametrize(
    ("text", "word", "date", "date_text"),
    [
        (
            "On May 2, 2023, Kim Rook stole a van. He crashed it that same night.",
            "crashed",
            "2023-05-02",
            "that same night",
        ),
        (
            "Pat Dunn was arrested on Feb. 10, 2024. The next day, she was charged with arson.",
            "charged",
            "2024-02-11",
            "The next day",
        ),
        (
            "Officers stopped Lou Park on June 3, 2024. He was booked into jail two days later.",
            "booked",
            "2024-06-05",
            "two days later",
        ),
        (
            "Ada Sim was detained on March 8, 2024. She had left a shelter the day before.",
            "left",
            "2024-03-07",
            "the day before",
        ),
        (
            "A truck struck a cyclist on April 4, 2024. Ten minutes earlier, the driver ran a red light.",
            "ran",
            "2024-04-04",
            "Ten minutes earlier",
        ),
        (
            "The clinic opened in May 2024. Later that month, the board hired a director.",
            "hired",
            "2024-05",
            "Later that month",
        ),
        (
            "In 2019, the town built a pier. In October of the same year, a storm wrecked it.",
            "wrecked",
            "2019-10",
            "October of the same year",
        ),
    ],
)
def test_dated_from_the_occurrence_before(nlp: Language, text: str, word: str, date: str, date_text: str) -> None:
    found = events(nlp, text)
    assert any(word in d and v == date and t == date_text for d, v, t in found), found


@pytest.mark.parametrize(
    ("text", "date_text"),
    [
        # no day told before: a shift by days has nothing to start from
        ("In January, vandals broke a window. Staff repaired it the same day.", "the same day"),
        # the phrase names the occurrence it counts from
        ("On July 1, 2024, a fire broke out. Two hours before the fire started, a guard left.", None),
        ("The law passed in March. It took effect in December of that year.", "December of that year"),
        # no year named before in the text: no guess at one
        ("The statute was repealed in August of the same year.", "August of the same year"),
    ],
)
def test_no_date_from_an_occurrence_not_told(nlp: Language, text: str, date_text: str | None) -> None:
    for _, value, written in events(nlp, text):
        if date_text is not None and written == date_text:
            assert value is None
        assert written is None or "before" not in written or value is None


# The release of a report or of figures is an occurrence, though what it releases is numbers: "the
# agency released figures Wednesday showing ...", "the report, released Monday". Not the release of
# people, and not the release's own "announced today that ...".
@pytest.mark.parametrize(
    ("text", "word", "date"),
    [
        ("The water board released figures Monday showing 312 pipes burst in the cold snap.", "figures", "2024-07-29"),
        ("Staff presented the numbers to the zoning panel Tuesday night.", "numbers", "2024-07-30"),
        (
            "Thefts of bicycles rose in 2023, according to the transit agency's report, released Friday.",
            "report",
            "2024-07-26",
        ),
        ("The audit was published on July 2 by the state comptroller.", "audit", "2024-07-02"),
    ],
)
def test_a_report_or_figures_released(nlp: Language, text: str, word: str, date: str) -> None:
    found = events(nlp, text)
    assert any(word in d and v == date for d, v, _ in found), found


@pytest.mark.parametrize(
    "text",
    [
        "The parole board released 40 inmates last year.",
        "The harbor authority today announced that cargo volumes rose 6 percent.",
        "The water board releases figures each January.",
    ],
)
def test_not_a_release_of_a_work(nlp: Language, text: str) -> None:
    assert events(nlp, text) == []


# A date still to come, told in the present tense: a present passive with its own date ("when she
# is sentenced on Oct. 3"), or "is" with an appointment for subject ("her next court date is Aug.
# 20", "the arraignment is June 2") or a word of schedule ("is due back in court"). Each is an
# event on the coming date, not on the same day a year before.
@pytest.mark.parametrize(
    ("text", "word", "date"),
    [
        ("Mae Holt faces up to nine years when she is sentenced on Oct. 3.", "sentenced", "2024-10-03"),
        ("Her next court date is Aug. 20.", "court date", "2024-08-20"),
        ("Holt's arraignment is June 2.", "arraignment", "2025-06-02"),
        ("Holt is due back in court on Aug. 14.", "due", "2024-08-14"),
        ("The hearing was on Tuesday.", "hearing", "2024-07-30"),
    ],
)
def test_a_date_to_come_in_the_present_tense(nlp: Language, text: str, word: str, date: str) -> None:
    found = events(nlp, text)
    assert any(word in d and v == date for d, v, _ in found), found


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Holt was sentenced on Oct. 3.", "2023-10-03"),  # past tense: the last Oct. 3
        ("Holt is charged in the March 3 robbery of a bakery.", "2024-03-03"),  # the date is the robbery's
        ("The jobless rate is 4 percent in March.", None),  # a statistic: no event
    ],
)
def test_present_tense_that_is_no_schedule(nlp: Language, text: str, date: str | None) -> None:
    found = events(nlp, text)
    assert [v for _, v, _ in found] == ([date] if date else []), found


# Dates the resolver read wrong or coarse: a US numeric date ("5/3/2024" is May 3), a participle
# completing a past verb ("began operating on July 1" is the last July 1, not the next), and an
# occurrence noun after "before"/"after" dates the noun, not the clause ("died two days after the
# March 4 shooting" did not die on March 4).
@pytest.mark.parametrize(
    ("text", "word", "date"),
    [
        ("On 5/3/2024, rangers found a stolen canoe in a shed.", "found", "2024-05-03"),
        ("On 12/1/2023, the clinic closed its doors.", "closed", "2023-12-01"),
        ("The new ferry began running on July 1.", "running", "2024-07-01"),
        ("The ferry will begin running on Sept. 1.", "running", "2024-09-01"),
        ("A hiker died at a clinic two days after the March 4 fall.", "fall", "2024-03-04"),
    ],
)
def test_dates_read_at_their_precision_and_direction(nlp: Language, text: str, word: str, date: str) -> None:
    found = events(nlp, text)
    assert any(word in d and v == date for d, v, _ in found), found
    assert not any("died" in d and v == "2024-03-04" for d, v, _ in found), found


@pytest.mark.parametrize("text", ["On 13/45/2024, the shed burned down.", "On 2/30/2023, the shed burned down."])
def test_no_day_from_an_impossible_numeric_date(nlp: Language, text: str) -> None:
    assert all(v is None or len(v) < 10 for _, v, _ in events(nlp, text))


# A statistic in an adverbial clause of its own does not make the main clause a statistic: "Seeing
# a rise in thefts, the office formed a unit in 2019" tells an occurrence; "formed 12 units in
# 2019" still counts.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Noting a 30 percent rise in boat thefts, the harbor board formed a patrol unit in 2019.", ["2019"]),
        ("After seeing thefts climb, the harbor board hired two wardens in March 2021.", ["2021-03"]),
        ("The harbor board formed 12 patrol units in 2019.", []),
        ("The harbor board logged 40 thefts in 2019.", []),
    ],
)
def test_a_statistic_in_an_adverbial_clause(nlp: Language, text: str, expected: list[str]) -> None:
    assert [v for _, v, _ in events(nlp, text)] == expected


# What happened at a gathering whose participle dates it is dated by the gathering: "were honored
# at the Valor Awards held Thursday" (the honoring too, not only the awards). Not a speech act
# there, and not a verb with a time of its own.
@pytest.mark.parametrize(
    ("text", "word", "date"),
    [
        ("Two lifeguards were honored at the Harbor Valor Awards held Thursday, June 6.", "honored", "2024-06-06"),
        ("Four cadets graduated at a ceremony hosted Friday by the academy.", "graduated", "2024-07-26"),
    ],
)
def test_an_occurrence_at_a_dated_gathering(nlp: Language, text: str, word: str, date: str) -> None:
    found = events(nlp, text)
    assert any(word in d and v == date for d, v, _ in found), found


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The chief said at a forum held Monday that patrols would grow.", "said"),
        ("In 2019, two lifeguards were honored at the awards held Thursday, June 6.", "honored"),
    ],
)
def test_no_gathering_date_for_speech_or_a_dated_verb(nlp: Language, text: str, word: str) -> None:
    found = events(nlp, text)
    assert not any(word in d and v == "2024-06-06" for d, v, _ in found), found


# A clause over each one of a kind, dated no finer than a year, is a tally of many occurrences:
# "In 2023, she won verdicts on each trial she argued". A day makes it one sweep ("On Friday,
# officers checked every car"), and "since 2021" dates when a practice began.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("In 2023, Ruiz won guilty verdicts on each fraud trial she argued.", []),
        ("Volunteers gathered to remember every victim of traffic crashes in 2022.", []),
        ("On Friday, wardens checked every boat leaving the marina.", ["2024-07-26"]),
        ("In 2022, Ruiz won a verdict in the Moss case.", ["2022"]),
        ("The agency has retrained every ranger in first aid since 2021.", ["2021"]),
    ],
)
def test_each_one_of_a_kind_over_a_year(nlp: Language, text: str, expected: list[str]) -> None:
    assert [v for _, v, _ in events(nlp, text)] == expected


# A bare year before a nominalized change of law dates that change ("the 2019 repeal of the
# permit rule"), as it dates an outbreak; a year before a tally names the tally's year.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kayak rentals climbed after the county's 2019 repeal of the lake permit rule.", [("2019", "repeal")]),
        ("Arrests for loitering fell after the city's 2012 repeal of the curfew.", [("2012", "repeal")]),
        ("Fines rose after the 2015 decriminalization of fishing.", [("2015", "decriminalization")]),
        ("The 2021 count of stray dogs reached 340.", []),
    ],
)
def test_a_year_dates_a_change_of_law(nlp: Language, text: str, expected: list[tuple[str, str]]) -> None:
    found = events(nlp, text)
    assert [(v, w) for v, w in expected if any(w in d and v == date for d, date, _ in found)] == expected, found
    if not expected:
        assert found == [], found


# A "have" clause that holds one occurrence dates it ("who had a prior conviction in 2016"); a
# count held is a statistic ("had 40 arrests in 2019").
@pytest.mark.parametrize(
    ("text", "word", "date"),
    [
        ("On March 3, 2023, Ray Moss, who had a prior theft conviction in 2014, robbed a kiosk.", "conviction", "2014"),
        ("The driver, who had a previous arrest in 2019, was released on bail Monday.", "arrest", "2019"),
        ("The bakery had a small fire in 2020 and reopened within weeks.", "fire", "2020"),
        ("The department had 40 arrests in 2019.", None, "2019"),
        ("The club had a good season in 2021.", None, "2021"),
    ],
)
def test_a_held_occurrence_is_dated(nlp: Language, text: str, word: str | None, date: str) -> None:
    found = events(nlp, text)
    assert_dated(found, word, date)


# A passive "make" with the state it gave ("was made permanent") is an act; "makes up 40%" a share.
@pytest.mark.parametrize(
    ("text", "word", "date"),
    [
        ("In June 2019, the parking ban on Elm Street was made permanent.", "made permanent", "2019-06"),
        ("On Friday, the list of approved vendors was made public.", "made public", "2024-07-26"),
        ("In 2022, repeat offenders made up 40 percent of the caseload.", None, "2022"),
        ("In 2021, the agency made 300 arrests.", None, "2021"),
    ],
)
def test_made_so_is_an_act(nlp: Language, text: str, word: str | None, date: str) -> None:
    found = events(nlp, text)
    assert_dated(found, word, date)


# The release's own "announced today that ..." is no occurrence, but what it announces it is doing
# that day, or has just done, is dated by it; not a plan, a holding or a clause with its own date.
@pytest.mark.parametrize(
    ("text", "word", "date"),
    [
        ("The harbor patrol announced today that it is launching a boat safety campaign.", "launching", "2024-07-31"),
        ("The county announced today that it has filed a lawsuit against the landlord.", "filed", "2024-07-31"),
        ("The county announced today that it will launch a campaign.", None, "2024-07-31"),
        ("The county announced today that it is receiving a $40,000 grant for patrols.", None, "2024-07-31"),
        ("The county announced today that its clinic is open to all residents.", None, "2024-07-31"),
        ("The county announced today that it is not renewing the contract.", None, "2024-07-31"),
    ],
)
def test_the_act_a_release_announces(nlp: Language, text: str, word: str | None, date: str) -> None:
    found = events(nlp, text, published=dt.date(2024, 7, 31))
    assert_dated(found, word, date)


# "the fewest since the agency began publishing its count in 2010": a clause of its own inside a
# statistic, whose verb takes its subject from the verb it completes, is still an occurrence.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Elmwood had 88 strays in 2023, the fewest since the shelter began publishing the count in 2011.", ["2011"]),
        ("Thefts fell to 90 in 2023, the lowest since the city started keeping records in 1998.", ["1998"]),
        ("Elmwood had 88 stray dogs in 2023, the fewest since 2011.", []),
    ],
)
def test_a_shared_subject_clause_inside_a_statistic(nlp: Language, text: str, expected: list[str]) -> None:
    assert [v for _, v, _ in events(nlp, text)] == expected
