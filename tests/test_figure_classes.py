"""Figures by class of language (issue #25): for each class, sentences that state a year's figure
(positive) and sentences that only look like one (negative). The sentences are made up for these
tests; each table names the class it checks. Expected sets list (year, count, metric head)."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language

from extractor.extract import extract_text
from extractor.models import ArticleRecord, Figure

PUBLISHED = dt.date(2024, 3, 1)


def found(nlp: Language, text: str, published: dt.date | None = PUBLISHED) -> list[Figure]:
    result = extract_text(text, nlp, published=published)
    assert isinstance(result, ArticleRecord), result
    return result.figures


def heads(nlp: Language, text: str, published: dt.date | None = PUBLISHED) -> set[tuple[int, float, str]]:
    return {(f.year, f.count, f.metric.split()[-1]) for f in found(nlp, text, published)}


def check(nlp: Language, text: str, expected: set[tuple[int, float, str]]) -> None:
    assert heads(nlp, text) == expected, text


# --- numbers that are no counts and no years ---------------------------------------------------

# phone numbers: the last group of four digits is no year, and nothing is dated by it
PHONE_NUMBERS = [
    ("For details call 555-201-1987. More than 300 calls were logged.", set()),
    ("Contact (555) 310-2004 or visit the office, where 40 volunteers help.", set()),
    ("Reach the desk at 555-201-2019; 75 reports came in.", set()),
    ("The hotline (555-201-1987) took 4,200 calls in 2023.", {(2023, 4200, "call")}),
    ("Officers answered 2,019 calls in 2022.", {(2022, 2019, "call")}),
]

# citations of law reports: a volume, a reporter and pages, with the decision's year in parentheses
CITATIONS = [
    ("The ruling relied on Doe v. Roe (1999) 123 F.3d 456, 460.", set()),
    ("See State v. Poe (2011) 52 Cal.4th 1001.", set()),
    ("The panel cited Lee v. Park (2005) 14 U.S. 220 in its order.", set()),
    (
        "The appeals court decided 312 appeals in 2016, among them People v. Lee (2016) 3 Cal.5th 417.",
        {(2016, 312, "appeal")},
    ),
]

# a code, bill or section number shaped like a year is no year
CODE_NUMBERS = [
    ("Under Penal Code section 2021, 14 inmates were released.", set()),
    ("Under Assembly Bill 2013, 40 stores were inspected.", set()),
    ("Under Penal Code section 2021, 140 inmates were released in 2022.", {(2022, 140, "inmate")}),
]

# an age set off by commas after a name
AGES_AFTER_NAMES = [
    ("John Poe, 27, was charged in 2021.", set()),
    ("Mary Ann Doe, 45, of Lakeside, pleaded guilty in 2020.", set()),
    ("Jane Roe, 34, of Springfield, was among 210 people arrested in 2022.", {(2022, 210, "arrest")}),
]

# page numbering and parts of a whole
PAGES_AND_PARTS = [
    ("Page 2 of 5\nIn 2023 the office filed 400 cases.", {(2023, 400, "case")}),
    ("Slide 3 of 12 shows the 2022 results.", set()),
    ("See p. 14 of the 2021 report.", set()),
    ("In 2023, 12 of 20 districts reported 480 thefts.", {(2023, 480, "theft")}),
]

# the later days of a list of days after a month
DAY_LISTS = [
    ("In 2023, the fair ran on Aug. 4, 5 and 6.", set()),
    ("The clinics opened on March 3, 4 and 5, 2022, and served 640 patients in 2022.", {(2022, 640, "patient")}),
    ("In 2022, deputies made 11 arrests in May and 12 in June.", {(2022, 11, "arrest"), (2022, 12, "arrest")}),
]

# a relative year right before the count, without a comma: the count is no "year 3" of a program
RELATIVE_YEAR_BEFORE_COUNT = [
    ("Last year 31 hikers died in the canyon.", {(2023, 31, "hiker")}),
    ("This year 12 boats have sunk in the bay.", {(2024, 12, "boat")}),
    ("In year 3 of the program, staff met weekly.", set()),
]

# a number of dozens is one count ("two dozen" is 24, not 2 and 12); "dozens of" is no number
DOZENS = [
    ("In 2022, nearly two dozen lifeguards were hired.", {(2022, 24, "lifeguard")}),
    ("In 2021, three dozen volunteers cleaned the beach.", {(2021, 36, "volunteer")}),
    ("In 2022 the team rescued a dozen hikers.", {(2022, 12, "hiker")}),
    ("In 2022, dozens of hikers got lost.", set()),
]

# a number word capitalized inside a sentence, before a capitalized word: part of a name
NUMBER_WORDS_IN_NAMES = [
    ("In 2022, prosecutors filed 40 cases under the Three Strikes law.", {(2022, 40, "case")}),
    ("Forty people were sentenced in 2022 under the Two Strikes rule of the county.", {(2022, 40, "person")}),
    ("In 2021, the Big Ten schools met twice.", set()),
]


NO_COUNTS = (
    PHONE_NUMBERS
    + CITATIONS
    + CODE_NUMBERS
    + AGES_AFTER_NAMES
    + PAGES_AND_PARTS
    + DAY_LISTS
    + NUMBER_WORDS_IN_NAMES
    + DOZENS
    + RELATIVE_YEAR_BEFORE_COUNT
)


@pytest.mark.parametrize(("text", "expected"), NO_COUNTS)
def test_numbers_that_are_no_counts(nlp: Language, text: str, expected: set[tuple[int, float, str]]) -> None:
    check(nlp, text, expected)


# --- counts that are no statistics of a year --------------------------------------------------

# modifier counts naming a group: staff, agencies, places a programme covers, all of a group
GROUPS = [
    ("Officers visited seven wards and six agencies in 2021.", set()),
    ("In 2023, the six inspectors assigned to the bureau handled 900 complaints.", {(2023, 900, "complaint")}),
    ("The office covers all four districts and filed 300 cases in 2023.", {(2023, 300, "case")}),
    ("In 2022, the task force added three investigators and two detectives.", set()),
    ("In 2020, the five analysts who joined the team reviewed 2,300 reports.", {(2020, 2300, "report")}),
    ("The four schools in the program enrolled 1,300 students in 2023.", {(2023, 1300, "student")}),
    ("In 2023, she was one of the 52 people killed in traffic crashes.", {(2023, 52, "person")}),
    ("In 2021, each of the five counties hired staff.", set()),
    # places a count names: the towns, cities or counties something covers or happened in
    ("In 2023, the fair toured three towns and 12 cities.", set()),
    ("The program reached 14 counties in 2022 and served 3,100 families.", {(2022, 3100, "family")}),
    ("Protests spread to 40 neighborhoods in 2020.", set()),
]

# the details of one case's charges
CASE_DETAILS = [
    ("In 2021, the defendant faced 14 felony counts and three prior convictions.", set()),
    ("The man was charged in 2022 with six charges of fraud.", set()),
    ("In 2019, she was sentenced on two strikes and four enhancements.", set()),
    ("Prosecutors secured 1,318 convictions in 2021.", {(2021, 1318, "conviction")}),
    ("In 2022, the unit charged 264 defendants.", {(2022, 264, "defendant")}),
    # a small count of people charged, arrested or sentenced: the defendants of one case
    ("In 2022, three people were charged with fraud.", set()),
    ("In 2023, two men were convicted of the robbery.", set()),
    ("In 2023, 1,718 defendants were charged with elder abuse.", {(2023, 1718, "defendant")}),
    ("In 2017, four inmates died of heat stroke.", {(2017, 4, "inmate")}),
    ("In 2022, the investigation led to 14 arrests.", set()),
    # a line that lists a case's charges: every count beside a numbered charge is a charge too
    (
        "In 2023, Roe was charged with 3 felony counts of theft, 1 misdemeanor crime of trespass, and 2 enhancements.",
        set(),
    ),
    ("Jane Roe, 21, of Lakeside\n4 felony counts of burglary, 1 misdemeanor crime of trespass", set()),
    (
        "In 2023, the office filed 12,000 misdemeanor cases and 4,000 felony cases.",
        {(2023, 12000, "case"), (2023, 4000, "case")},
    ),
    ("The 2024 count found at least 214 people sleeping outside.", {(2024, 214, "person")}),
]

# what one party of a case did or had: the subject of the count's clause is one described person
# or group (a defendant, a suspect, a ring, "he"), not an agency or the counted things themselves
ONE_PARTY = [
    ("In 2022, the defendant committed five burglaries in Lakeside.", set()),
    ("The ring sold more than 300 stolen phones in 2022, prosecutors said.", set()),
    ("In 2020, the defendant began posting 120 fake listings online.", set()),
    ("In 2022, she recorded 14 videos of the victims.", set()),
    ("In 2023, the man who stole 14 vehicles was sentenced.", set()),
    ("In 2021, the suspect filed 64 fraudulent claims with insurers.", set()),
    ("In 2022, the county recorded 412 burglaries.", {(2022, 412, "burglary")}),
    ("District Attorney Jane Roe said her office filed 4,000 cases in 2023.", {(2023, 4000, "case")}),
    ("In 2023, officers arrested 310 drivers for DUI.", {(2023, 310, "driver")}),
    ("Last year, he said, there were 40 homicides in the city.", {(2023, 40, "homicide")}),
    ("In 2021, the ring was responsible for 60 burglaries across the region.", set()),
    ("The 12 defendants were indicted in 2023 on 95 counts.", set()),
    ("In 2023, the 1,400 defendants charged by the unit were mostly first offenders.", {(2023, 1400, "defendant")}),
    (
        "In 2021, there were 9 domestic homicide victims, most of whom the attacker knew well, and 2 children.",
        {(2021, 9, "victim"), (2021, 2, "child")},
    ),
]

# what one search of one person turned up: a possessive of one person on the place searched
ONE_SEARCH = [
    ("In 2022, officers found 2 pounds of methamphetamine and 400 pills in his car.", set()),
    ("In 2023, agents seized 35 rifles from her storage unit.", set()),
    ("In 2022, officers seized 4,100 pills in traffic stops.", {(2022, 4100, "pill")}),
]

# the people a survey or poll asked: its sample, not a statistic
SURVEY_SAMPLES = [
    ("In a 2023 survey, 1,200 residents responded and 700 said they felt safe.", set()),
    ("The 2023 poll of 1,500 voters found broad support.", set()),
    ("In 2023, the county counted 437 people living outside.", {(2023, 437, "person")}),
]

# one meeting, summit or fair: the people or things of one event
ONE_EVENT = [
    ("The DA spoke to 300 students at the 2023 youth summit.", set()),
    ("In 2023, more than 2,000 people attended the workshop.", set()),
    ("In 2023, the office held 12 community forums.", {(2023, 12, "forum")}),
]

# a total from a past point to now: "since" on the count's verb
SINCE_THEN = [
    ("In 2022, the DA launched a task force that has since charged 85 defendants.", set()),
    ("The clinic opened in 2019 and has since treated 4,000 patients.", set()),
    ("In 2022, the task force charged 85 defendants.", {(2022, 85, "defendant")}),
]

# what could, would or will be: a modal on the count's verb, or "enough ... to" before it
POTENTIAL = [
    ("In 2023, officers seized enough fentanyl to kill 2 million people.", set()),
    ("The new shelter, opened in 2022, can house 300 people.", set()),
    ("In 2021, the county said the plan would create 450 jobs.", set()),
    ("In 2021, the plan created 450 jobs.", {(2021, 450, "job")}),
    ("In 2022, the shelter housed 300 people.", {(2022, 300, "person")}),
]

# one operation, sweep or raid
ONE_OPERATION = [
    ("In 2023 the sweep netted 45 arrests and 30 guns.", set()),
    ("Operation Safe Harbor led to 61 arrests in 2022.", set()),
    ("In 2021, the raid turned up 12 rifles.", set()),
    ("DUI checkpoints netted 400 arrests in 2023.", {(2023, 400, "arrest")}),
    # one incident or event, and one day
    ("In 2021, three people died in a crash on the highway.", set()),
    ("In 2022, the rally drew 900 people.", set()),
    ("On Saturday, residents turned in 212 guns at the buyback.", set()),
    ("In 2021, 38 people died in crashes on the highway.", {(2021, 38, "person")}),
    ("In 2023, there were 50 homicides, including the shooting at the mall.", {(2023, 50, "homicide")}),
    ("On Tuesday, the chief said the city had 300 homicides in 2023.", {(2023, 300, "homicide")}),
    ("The Lakeside Fire Department made 10,400 runs in 2023.", {(2023, 10400, "run")}),
    ("In 2012, the office finished the lengthy prosecution of 27 defendants.", set()),
    # the one operation or event is the subject of a joined predicate
    ("The investigation began in 2021 and resulted in 27 arrests.", set()),
    ("The 2021 crash killed 3 people and injured 5.", set()),
    # a count of a few hours, or of the first days of a year
    ("Five days into 2021, paramedics answered six overdose calls within two hours.", set()),
    ("In 2020, deputies made 40 arrests within 12 hours of the storm.", set()),
]

# the people or things of one dated occurrence: a month opens the clause, or a small count's month
ONE_OCCURRENCE = [
    ("In April of last year, two teens were arrested for vandalism.", set()),
    (
        "In 2023 the county recorded 412 burglaries. In June, three people were hurt in a crash.",
        {(2023, 412, "burglary")},
    ),
    ("In April of 2022, police seized 40 guns from a warehouse.", set()),
    ("Volunteers counted 437 people without shelter in February 2023.", {(2023, 437, "person")}),
    ("It was the deadliest January since 2010, when 31 people were killed.", {(2010, 31, "person")}),
]

# a finished sentence whose only number is its year dates an occurrence: its year does not carry on
OCCURRENCE_YEARS = [
    ("In 2019, Roe joined the office. She now leads 40 lawyers and handles 300 appeals.", set()),
    (
        "In 2022, the county recorded 88 traffic deaths. Another 140 people were seriously injured.",
        {(2022, 88, "death"), (2022, 140, "person")},
    ),
]


# but a sentence about the year itself (its subject or object) opens the year the next sentences count
YEAR_AS_TOPIC = [
    (
        "The harbor unit had a busy 2023. Officers boarded 1,240 vessels and issued 310 warnings.",
        {(2023, 1240, "vessel"), (2023, 310, "warning")},
    ),
    ("Last year was the busiest on record for the shelter. Staff took in 5,300 animals.", {(2023, 5300, "animal")}),
    ("The year 2021 was difficult. Crews fought 412 wildfires.", {(2021, 412, "wildfire")}),
    ("The bureau moved offices in 2021. Staff answered 4,000 calls.", set()),
]


@pytest.mark.parametrize(
    ("text", "expected"),
    YEAR_AS_TOPIC
    + GROUPS
    + CASE_DETAILS
    + ONE_PARTY
    + ONE_SEARCH
    + SURVEY_SAMPLES
    + ONE_EVENT
    + POTENTIAL
    + ONE_OPERATION
    + ONE_OCCURRENCE
    + OCCURRENCE_YEARS,
)
def test_counts_that_are_no_statistics(nlp: Language, text: str, expected: set[tuple[int, float, str]]) -> None:
    check(nlp, text, expected)


# --- comparisons and parts of a count -------------------------------------------------------

# the other side of a comparison takes a year only from the words after it
BASELINES = [
    ("The pantry fed 620 families this year, compared to 300 in earlier years.", {(2024, 620, "family")}),
    ("This year, 31 libraries joined the program, compared with 17 libraries before.", {(2024, 31, "library")}),
    ("This year, 31 libraries took part, compared to the previously enrolled 17 libraries.", {(2024, 31, "library")}),
    (
        "Deputies made 312 arrests last year, up from 290 the year before.",
        {(2023, 312, "arrest"), (2022, 290, "arrest")},
    ),
    (
        "There were 5,310 complaints in 2021 compared to 4,920 logged in the first half of 2018.",
        {(2021, 5310, "complaint"), (2018, 4920, "complaint")},
    ),
]

# a part of what an earlier count of the sentence counted, and the outcome a count of cases came to
PARTS_AND_OUTCOMES = [
    (
        "In 2016, auditors examined 1,480 tax cases and closed 730 of them.",
        {(2016, 1480, "case"), (2016, 730, "case")},
    ),
    (
        "In 2017, the bureau opened 2,310 fraud cases, and 1,940 of those cases ended in settlements.",
        {(2017, 2310, "case"), (2017, 1940, "settlement")},
    ),
    (
        "In 2013, the court heard 3,120 cases, with 2,870 cases resulting in fines.",
        {(2013, 3120, "case"), (2013, 2870, "fine")},
    ),
    ("In 2022, regulators brought 19 audits resulting in penalties.", {(2022, 19, "audit")}),
    ("In 2020, six of them were injured.", set()),
    # a relative pronoun after "of": the part counts what the count before it counted
    (
        "The 2022 count found 1,450 homeless residents, 600 of whom were unsheltered.",
        {(2022, 1450, "resident"), (2022, 600, "resident")},
    ),
    (
        "In 2022 firefighters responded to 310 structure fires, 41 of which were set on purpose.",
        {(2022, 310, "fire"), (2022, 41, "fire")},
    ),
    ("In 2015, 140 clubs signed up and all but nine of those clubs stayed.", {(2015, 140, "club")}),
    # a count followed by its share of a whole counts the whole's noun; the share is no count
    ("In 2022 alone 640 or 85% of convicted defendants were sentenced to jail.", {(2022, 640, "defendant")}),
    ("In 2022, 640, or 85 percent, of the defendants were sentenced to jail.", {(2022, 640, "defendant")}),
    ("In 2022, 40% of the 300 cases were dismissed.", {(2022, 300, "case")}),
]


@pytest.mark.parametrize(("text", "expected"), BASELINES + PARTS_AND_OUTCOMES)
def test_comparisons_and_parts(nlp: Language, text: str, expected: set[tuple[int, float, str]]) -> None:
    check(nlp, text, expected)


# --- years and parts of years -----------------------------------------------------------------

# each count of a yearly list with its own year; relative years; a year carried by the text
YEARS = [
    (
        "Burglaries numbered 410 in 2016, 95 in 2019 and 62 in 2020.",
        {(2016, 410, "burglary"), (2019, 95, "burglary"), (2020, 62, "burglary")},
    ),
    (
        "Deputies made 412 arrests in 2023. The year before, they made 388 arrests.",
        {(2023, 412, "arrest"), (2022, 388, "arrest")},
    ),
    ("The shelter took in 950 animals two years ago.", {(2022, 950, "animal")}),
    ("Arrests peaked in 2011. In that year, 400 people were arrested.", {(2011, 400, "arrest")}),
    ("In 2023, the office:\n- filed 1,200 cases\n- held 300 hearings", {(2023, 1200, "case"), (2023, 300, "hearing")}),
    ("Over the last year, upwards of 90 suspects were charged by the task force.", set()),
    # "at this time last year" is a past point of comparison, not "at present"
    ("Springfield's 31 homicides in 2019 were twice the count at this time last year.", {(2019, 31, "homicide")}),
    ("At this time, the jail holds 1,400 inmates.", set()),
    ("More than 500 members attend the meetings.", set()),
    # a year after "and" (or ";") opens the next clause: the count before it keeps the context's year
    (
        "Calls grew \u2013 in\n2016, the hotline logged 2,104 calls and in 2017 that figure rose again.",
        {(2016, 2104, "call")},
    ),
    ("The report counted 1,650 evictions that the city and county processed in 2021.", {(2021, 1650, "eviction")}),
    # a metric carries to the next paragraph's noun-less count, not past a paragraph that does not state it
    (
        "In 2022 the county recorded 140 burglaries.\n\nThat was less than half the total for 2015, which was 310.",
        {(2022, 140, "burglary"), (2015, 310, "burglary")},
    ),
    (
        "In 2022 the county recorded 140 burglaries.\n\nThe sheriff thanked residents for their tips.\n\n"
        "The festival drew crowds, and in 2015 it had 310.",
        {(2022, 140, "burglary")},
    ),
    # an average or a multi-year total still names the metric of the noun-less count after it
    (
        "In 2023 the region counted 320 shelters. From 2010 to 2015 it saw an average of 40 shooting "
        "victims annually. The worst was 2012, at 71.",
        {(2023, 320, "shelter"), (2012, 71, "victim")},
    ),
    (
        "In 2023 the county logged 90 fires. Over the past decade, crews rescued 1,200 hikers in total. "
        "The busiest year was 2019, with 210.",
        {(2023, 90, "fire"), (2019, 210, "hiker")},
    ),
    # a year after two joined predicates of one subject dates both; another subject opens another clause
    (
        "Prosecutors filed 620 cases and secured 590 convictions in 2023.",
        {(2023, 620, "case"), (2023, 590, "conviction")},
    ),
    ("Officers made 300 arrests and police wrote 470 tickets in 2023.", {(2023, 470, "ticket")}),
]


# a count on a line of its own inside a sentence (scraped links): the lines around it are one sentence;
# not across a sentence's end, a blank line, or a year opening the next line
LINE_BROKEN_COUNTS = [
    ("In 2023,\nnine\npeople drowned at county beaches.", {(2023, 9, "drowning")}),
    ("Rangers cited 212\ncampers in 2022.", {(2022, 212, "camper")}),
    (
        "The shelter took in\n3,400\ndogs in 2021, up from the\n2,900\ndogs it took in the year before.",
        {(2021, 3400, "dog"), (2020, 2900, "dog")},
    ),
    (
        "In 2022 the lottery paid\n14\njackpots and there were\n6\nwinners of the top prize.",
        {(2022, 14, "jackpot"), (2022, 6, "winner")},
    ),
    ("The county logged 410 fires in 2022.\n14\npeople signed up for the newsletter.", {(2022, 410, "fire")}),
    ("Fire Report 2022\n\n12\n\nstations answered the call.", set()),
    # a short list line: the word after its number goes on with the number's sentence
    ("By the numbers (2022):\n4,100 calls\n312 rescues", {(2022, 4100, "call"), (2022, 312, "rescue")}),
    ("The lottery in 2021:\n41 jackpots\n9 million tickets", {(2021, 41, "jackpot"), (2021, 9000000, "ticket")}),
    ("In 2022:\n1,200\nVolunteers helped at the fair.", set()),
]

# a header line without a final stop over bullet lines is a list header; a dash that opens a line is a
# bullet, no minus sign; a header line over prose is no list header
BULLET_LISTS = [
    (
        "Highlights of 2022\n- 4,100 calls answered\n- 312 rescues\n- 14 drownings",
        {(2022, 4100, "call"), (2022, 312, "rescue"), (2022, 14, "drowning")},
    ),
    (
        "Harbor Patrol in 2022\n\n\u2022 1,240 vessels boarded\n\u2022 310 warnings issued",
        {(2022, 1240, "vessel"), (2022, 310, "warning")},
    ),
    ("In 2022:\n- 4,100 calls answered\n- 14 drownings", {(2022, 4100, "call"), (2022, 14, "drowning")}),
    ("Shelter Turns 50 in 2022\n\nThe county shelter celebrated its anniversary.\n- 300 volunteers helped", set()),
    ("Temperatures fell to -12 in 2022.", set()),
]


# the year a paragraph goes on counting after a sentence with several: the one that is no baseline
# ("from", "than", "compared with" before it); a span ("from 2020 to 2021") leaves none. A year in
# another clause of the sentence (a relative clause on a later count) leaves the count the paragraph's
MAIN_YEARS = [
    (
        "Lifeguards made 310 rescues last year, a decrease from the 402 rescues two years ago. "
        "At the same time, they treated 1,200 injuries.",
        {(2023, 310, "rescue"), (2022, 402, "rescue"), (2023, 1200, "injury")},
    ),
    (
        "Inspectors closed 41 restaurants in 2022, down from 55 in 2021. They also issued 300 warnings.",
        {(2022, 41, "restaurant"), (2021, 55, "restaurant"), (2022, 300, "warning")},
    ),
    (
        "Rescues rose from 140 in 2020 to 188 in 2021. Lifeguards also treated 900 injuries.",
        {(2020, 140, "rescue"), (2021, 188, "rescue")},
    ),
    (
        "Lifeguards made 310 rescues last year, fewer than the 402 rescues two years ago. The harbor "
        "office logged 388 calls with injuries, which marks a drop of 11% from the 436 calls of 2021.",
        {(2023, 310, "rescue"), (2022, 402, "rescue"), (2023, 388, "call"), (2021, 436, "call")},
    ),
]

# a multi-year, average or target phrase in a sentence without a year ends the reach of the context's
# year: the count before it keeps that year, the counts it governs take none
CONTEXT_REACH = [
    (
        "In 2022 the unit filed 300 cases. Agents also seized 120 rifles, bringing the five-year total to 866.",
        {(2022, 300, "case"), (2022, 120, "rifle")},
    ),
    ("In 2022 the unit filed 300 cases. Over the past decade, agents seized 1,200 rifles.", {(2022, 300, "case")}),
    ("In 2022 the unit filed 300 cases. Agents seized an average of 120 rifles a year.", {(2022, 300, "case")}),
]

# a year phrase opening the sentence dates every clause of it, however the parse nests them; a year in
# a relative clause on a name still dates that clause only
OPENING_YEARS = [
    (
        "Across the 2011-2012 grant period, the county clerk processed 1,480 permit requests, 1,300 of those "
        "requests resulted in approvals with 57 of those requests going to appeal hearings.",
        {(2012, 1480, "request"), (2012, 1300, "approval"), (2012, 57, "hearing")},
    ),
    (
        "In 2021, the agency inspected 800 boats, 90 of those boats failed inspection with 12 of those boats "
        "going to court.",
        {(2021, 800, "boat"), (2021, 90, "boat"), (2021, 12, "court")},
    ),
    ("Lee, who became director in 2019, said the clinic now treats 140 patients.", set()),
    # and reaches every count of the sentence, however far
    (
        "From October 2021 to September 2022, the county's youth diversion program admitted 410 clients and "
        "successfully discharged 290 clients.",
        {(2022, 410, "client"), (2022, 290, "client")},
    ),
    (
        "From May 2020 to April 2021, the harbor unit that patrols the bay and its many inlets boarded 800 boats "
        "and issued 120 fines.",
        {(2021, 800, "boat"), (2021, 120, "fine")},
    ),
    (
        "In 2020, after a long and costly fight over the budget for the new harbor station and its staff, the "
        "county hired 40 lifeguards.",
        {(2020, 40, "lifeguard")},
    ),
    ("In 2020, the county opened a new station. The staff there made 40 rescues in the months since.", set()),
]

# what a place is built or licensed to hold is its capacity, no count of a year
CAPACITY = [
    ("The jail, built for 1,850 beds, held 1,390 inmates in 2023.", {(2023, 1390, "inmate")}),
    ("In 2022 the shelter, which has a capacity of 300 dogs, took in 2,100 dogs.", {(2022, 2100, "dog")}),
    ("In 2023 the clinic added a wing with room for 120 patients.", set()),
    ("The school was designed for 800 students but enrolled 1,100 students in 2022.", {(2022, 1100, "student")}),
    ("In 2022 the food bank raised money for 300 families.", {(2022, 300, "family")}),
]

# a list written on one line, each count after its year and a separator set off by spaces, under the
# label before the colon; not a phone number, a clock time, a score, or a season written "2019 - 20"
ONE_LINE_LISTS = [
    (
        "Drownings at county beaches: 2019 - 6; 2020 - 9; 2021 - 4.",
        {(2019, 6, "drowning"), (2020, 9, "drowning"), (2021, 4, "drowning")},
    ),
    (
        "Bus operator assaults: 2020 \u2013 41; 2021 \u2013 57; 2022 \u2013 63.",
        {(2020, 41, "assault"), (2021, 57, "assault"), (2022, 63, "assault")},
    ),
    ("Caseload by year: 2019 - 1,204 cases; 2020 - 1,310 cases.", {(2019, 1204, "case"), (2020, 1310, "case")}),
    ("Lottery jackpot winners: 2018 = 3, 2019 = 5.", {(2018, 3, "winner"), (2019, 5, "winner")}),
    ("Total calls for 2021: 48,210.", {(2021, 48210, "call")}),
    ("Shelter intakes in 2022: 3,905", {(2022, 3905, "intake")}),
    ("The park closes at 2019 - 20 season's end.", set()),
    ("Reach the desk at 555-201-2019 - 5 lines are open.", set()),
    ("Hours in 2021: 9:30 to 5.", set()),
    ("The score in 2021: 3 - 2 for the visitors.", set()),
]


@pytest.mark.parametrize(
    ("text", "expected"),
    YEARS + LINE_BROKEN_COUNTS + ONE_LINE_LISTS + BULLET_LISTS + MAIN_YEARS + CAPACITY + CONTEXT_REACH,
)
def test_years(nlp: Language, text: str, expected: set[tuple[int, float, str]]) -> None:
    check(nlp, text, expected)


# fiscal years: the year a fiscal year ends, with period "fiscal year"; parts of a year with their period
PERIODS = [
    ("In fiscal year 2016-17, the agency processed 3,400 permit applications.", 2017, "fiscal year"),
    ("The clinic treated 812 patients in FY 2018.", 2018, "fiscal year"),
    ("Inspectors logged 640 complaints in the 2014-15 fiscal year.", 2015, "fiscal year"),
    ("During the 2019-2020 grant cycle, the lab tested 1,540 blood samples.", 2020, "fiscal year"),
    ("In the 2020 grant year, the program trained 415 volunteers.", 2020, "fiscal year"),
    ("So far this year, police have recorded 37 homicides.", 2024, "year to date"),
    ("During the first half of 2020, dispatchers took 8,400 calls.", 2020, "first half"),
    ("Over the past three weeks, the clinic vaccinated more than 700 children.", 2024, "over the past three weeks"),
    ("Since January, inspectors have closed four restaurants.", 2024, "year to date"),
    ("As of February 15, the county had recorded 212 overdose calls.", 2024, "year to date"),
    ("Between January and March 2023, the port handled 2,840 ships.", 2023, "between january and march"),
    # the last finished fiscal or grant year: one ended by midyear is the publication year's
    ("In the prior grant year, the clinic screened 1,870 patients.", 2023, "fiscal year"),
    ("In the last fiscal year, the agency processed 3,400 permits.", 2023, "fiscal year"),
]


@pytest.mark.parametrize(("text", "year", "period"), PERIODS)
def test_periods(nlp: Language, text: str, year: int, period: str) -> None:
    (figure,) = found(nlp, text)
    assert (figure.year, figure.period) == (year, period)


# a part of a year that names no year of its own and may span two years (a month after the
# publication's), or that names its year ("as of" a full date: the year of a day, not of a count), takes no year
NO_PERIOD_YEAR = [
    "Since November, the office has charged 40 people.",
    "As of June 30, 1,250 cases had been filed.",
    "As of February 10, 2023, 1,250 cases had been filed.",
    "Since January 2019, the office has charged 40 people.",
]


@pytest.mark.parametrize("text", NO_PERIOD_YEAR)
def test_no_year_for_a_period_without_one(nlp: Language, text: str) -> None:
    assert found(nlp, text) == []


# a year after the publication's own year has not been counted yet: targets and projections
FUTURE_YEARS = [
    ("In the 2024-25 school year, the district expects 1,300 students.", set()),
    ("During the 2023-24 academic year, 640 students will graduate.", set()),
    ("By 2030, the county plans to house 5,000 families.", set()),
    ("In 2026, 200 officers will join the force.", set()),
    ("In 2023, the district enrolled 1,300 students.", {(2023, 1300, "student")}),
    ("In the 2022-23 school year, the district enrolled 1,250 students.", {(2023, 1250, "student")}),
    ("So far in 2024, the county has housed 120 families.", {(2024, 120, "family")}),
]


@pytest.mark.parametrize(("text", "expected"), FUTURE_YEARS)
def test_no_figure_for_a_year_after_publication(
    nlp: Language, text: str, expected: set[tuple[int, float, str]]
) -> None:
    check(nlp, text, expected)


# the metric is the counted noun as the text words it: people who died are counted as people
METRIC_WORDING = [
    ("In 2020, 61 people died of heat exposure.", {(2020, 61, "person")}),
    ("Sixty residents died in house fires in 2019.", {(2019, 60, "resident")}),
    ("In 2022, the coroner recorded 140 overdose deaths.", {(2022, 140, "death")}),
    ("In 2021, nine people drowned off the beach.", {(2021, 9, "drowning")}),
    # a plural noun after a noun that the tagger reads as a verb ("violence calls"): still the counted noun
    ("Last year, there were 12,340 domestic violence calls across the county.", {(2023, 12340, "call")}),
    ("In 2022, the city logged 9,000 noise calls for service.", {(2022, 9000, "call")}),
    ("In 2022, the clerk said the office calls 40 jurors a week.", set()),
    # people named by where they come from: "Americans", "Californians"
    ("Heat killed more than 2,000 Americans last year.", {(2023, 2000, "american")}),
    ("In 2021, 3,100 Californians died in crashes.", {(2021, 3100, "californian")}),
    ("In 2021, 40 Dodgers fans were hurt.", {(2021, 40, "fan")}),
    # "related" written without its hyphen: the noun after it is counted
    ("In 2020 there were 130 drug related incidents.", {(2020, 130, "incident")}),
    ("In 2021, 310 alcohol related crashes were reported.", {(2021, 310, "crash")}),
]


# a count on nouns or modifiers joined by "and": the metric ends in the last conjunct's head (GUIDE:
# "hunter and angler"), unless the conjunct has a count or a determiner of its own
COORDINATED = [
    ("In 2022, the unit filed 410 burglary and theft cases.", {(2022, 410, "case")}),
    ("In 2022, prosecutors filed more than 550 DUI and drug cases.", {(2022, 550, "case")}),
    ("In 2022, the clinic treated 300 adult and youth patients.", {(2022, 300, "patient")}),
    ("In 2022, rangers cited 120 hunters and anglers.", {(2022, 120, "angler")}),
    ("In 2023 the shelter took in 900 dogs and cats.", {(2023, 900, "cat")}),
    ("In 2022, rangers cited 120 hunters and 40 anglers.", {(2022, 120, "hunter"), (2022, 40, "angler")}),
    ("In 2022, rangers cited 120 hunters and their guides.", {(2022, 120, "hunter")}),
]


@pytest.mark.parametrize(("text", "expected"), METRIC_WORDING + COORDINATED)
def test_metric_wording(nlp: Language, text: str, expected: set[tuple[int, float, str]]) -> None:
    check(nlp, text, expected)


# each fact once: a headline or lead that rounds a count the body states precisely is that figure,
# and a headline's count that the body states as no figure of a year is none either
RESTATEMENTS = [
    (
        "Nearly 500 Cases Filed by Fraud Unit in 2023\nThe fraud unit filed 487 cases in 2023, the office said.",
        {(2023, 487, "case")},
    ),
    (
        "County Sees About 1,200 Overdoses\nAbout 1,200 overdose deaths were recorded in 2023. "
        "The coroner counted 1,186 overdose deaths in 2023.",
        {(2023, 1186, "death")},
    ),
    (
        "More Than 90 People Accused Of Looting Last Year\nMore than 90 people have been accused of looting in the "
        "past year, police said.",
        set(),
    ),
    ("Office Filed 1,200 Cases in 2023\nThe office filed 1,200 cases in 2023.", {(2023, 1200, "case")}),
    (
        "Annual report\nIn 2023, the county handled about 300 felony cases and 310 misdemeanor cases.",
        {(2023, 300, "case"), (2023, 310, "case")},
    ),
]

# the same people counted again in another sentence under another noun: one figure
SAME_PEOPLE = [
    (
        "In 2023, 48 people were killed in crashes. There were 45 crashes with 48 victims in 2023.",
        {(2023, 48, "person"), (2023, 45, "crash")},
    ),
    ("Fires killed 48 residents in 2021. The 48 deaths were the most in a decade.", {(2021, 48, "resident")}),
    (
        "In 2022, 60 people were hurt in crashes and 60 people were hurt in falls.",
        {(2022, 60, "person")},
    ),
    (
        "In 2022, the county counted 25 deaths. In 2021 it counted 25 victims.",
        {(2022, 25, "death"), (2021, 25, "victim")},
    ),
]

# "said today that": the present marker dates the saying, not the count of the clause it introduces
SAID_TODAY = [
    ("The sheriff said today that 71 residents lost their lives in fires last year.", {(2023, 71, "resident")}),
    ("The chief announced today that officers made 1,450 arrests in 2023.", {(2023, 1450, "arrest")}),
    ("Today 338 shelters are listed in the registry.", set()),
]


@pytest.mark.parametrize(("text", "expected"), RESTATEMENTS + SAME_PEOPLE + SAID_TODAY)
def test_restatements_and_said_today(nlp: Language, text: str, expected: set[tuple[int, float, str]]) -> None:
    check(nlp, text, expected)


@pytest.mark.parametrize(
    ("published", "year"),
    [(dt.date(2023, 12, 5), 2023), (dt.date(2023, 8, 1), 2023), (dt.date(2023, 5, 2), 2022)],
)
def test_last_fiscal_year_by_publication_month(nlp: Language, published: dt.date, year: int) -> None:
    (figure,) = found(nlp, "The library lent 92,000 books in the last fiscal year.", published)
    assert (figure.year, figure.period) == (year, "fiscal year")


# --- a count in the simple present under a year an earlier sentence of the paragraph gave: the
# state now, not that year's count --------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The sweep was the third this year. The county holds more than 2,000 open warrants.", set()),
        ("Deputies made 310 arrests in 2023. The jail now houses 640 inmates.", {(2023, 310, "arrest")}),
        # "one of the N X": the group a member is picked from, not the paragraph year's count
        (
            "Deputies made 310 arrests last year. Deputy Arlo Finch was one of the 6 recruits who served in the army.",
            {(2023, 310, "arrest")},
        ),
        # negatives: a past or perfect tense keeps the paragraph's year; a partitive with its own year
        ("One of the 38 homicides last year was never solved.", {(2023, 38, "homicide")}),
        (
            "Deputies made 310 arrests in 2023. They also seized 640 firearms.",
            {(2023, 310, "arrest"), (2023, 640, "firearm")},
        ),
        (
            "In 2023 deputies made 310 arrests. Detectives have also opened 412 fraud cases.",
            {(2023, 310, "arrest"), (2023, 412, "case")},
        ),
    ],
)
def test_present_state_or_partitive_takes_no_year_from_the_paragraph(
    nlp: Language, text: str, expected: set[tuple[int, float, str]]
) -> None:
    check(nlp, text, expected)
