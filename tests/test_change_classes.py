"""Which noun a percent change belongs to where the parse of press-release language goes astray
(issue #25): datelines, plurals the tagger reads as verbs, common nouns it reads as names,
headlines in capitals, dashes that are no signs, counts set off before a change. Every sentence
here is made up; each table names its class of language and has positive and negative cases."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language

from extractor.evaluate import head_noun
from extractor.extract import extract_text
from extractor.models import ArticleRecord

PUBLISHED = dt.date(2024, 3, 1)
Change = tuple[str, str, float]  # (head of the metric, direction, percent)


def heads(nlp: Language, text: str) -> set[Change]:
    """The percent changes of a text as evaluation compares them: the head noun of the metric."""
    record = extract_text(text, nlp, published=PUBLISHED)
    assert isinstance(record, ArticleRecord), record
    return {(head_noun(c.metric), c.direction.value, c.percent) for c in record.changes if c.percent is not None}


# a dateline ("LAKEWOOD –") opens the story: its place is never what changed, and the story's first
# word after the dash, capitalized and read as a name, is a common noun
DATELINES = [
    ("MILLBROOK – Truancy at the middle schools decreased 30 percent this year.", {("truancy", "decrease", 30.0)}),
    ("LAKEWOOD – Graffiti fell 30 percent after the cleanup program began.", {("graffiti", "decrease", 30.0)}),
    ("HARLOW – Deaths caused by drunk drivers rose 33 percent last year.", {("death", "increase", 33.0)}),
    ("PORT ELLIS – Boat thefts at the marina dropped 21 percent.", {("theft", "decrease", 21.0)}),
    # negatives: a subject of its own after the dateline; a person who speaks is no metric
    ("MILLBROOK – The county's shoplifting arrests fell 9 percent.", {("arrest", "decrease", 9.0)}),
    ("LAKEWOOD – Jane Okafor said burglaries fell 6 percent.", {("burglary", "decrease", 6.0)}),
]


@pytest.mark.parametrize(("text", "expected"), DATELINES)
def test_a_dateline_is_not_what_changed(nlp: Language, text: str, expected: set[Change]) -> None:
    assert heads(nlp, text) == expected


# a one-word subject the tagger takes for a name: lowercase ("graffiti decreased") is no name, and a
# person does not fall by a percent, so a capitalized opener of a change verb with a percent is a
# common noun; a name that does something else keeps no change
NAME_LIKE_SUBJECTS = [
    (
        "Vandalism rose 8 percent, graffiti decreased 60 percent and arson fell 4 percent.",
        {("vandalism", "increase", 8.0), ("graffiti", "decrease", 60.0), ("arson", "decrease", 4.0)},
    ),
    ("Graffiti decreased 45 percent in the parks.", {("graffiti", "decrease", 45.0)}),
    # negatives: a name as the speaker, a name with no percent
    ("Chief Dana Whitfield said loitering fell 12 percent.", {("loitering", "decrease", 12.0)}),
    ("Whitfield rose through the ranks of the department.", set()),
]


@pytest.mark.parametrize(("text", "expected"), NAME_LIKE_SUBJECTS)
def test_a_common_noun_read_as_a_name(nlp: Language, text: str, expected: set[Change]) -> None:
    assert heads(nlp, text) == expected


# the noun phrase that opens a clause is what changed where the tagger read its plural as the main
# verb and hung the change verb under it, or put the parse's subject inside the phrase's modifier
# (a preposition, a participle or a relative clause after the head)
OPENING_NOUN_PHRASES = [
    ("Police calls for service involving gang activity fell by 40 percent.", {("call", "decrease", 40.0)}),
    ("Domestic violence calls to the hotline increased by 22 percent.", {("call", "increase", 22.0)}),
    ("DUI crashes causing injury or death fell 12 percent.", {("crash", "decrease", 12.0)}),
    ("Calls to 911 about overdoses rose 20 percent.", {("call", "increase", 20.0)}),
    ("Hate crime events involving an anti-Asian bias rose 107 percent.", {("event", "increase", 107.0)}),
    ("Crashes that caused serious injuries declined 14 percent.", {("crash", "decrease", 14.0)}),
    # negatives: another clause's verb between; a time before the comma; a parse that is right
    ("Officers who responded said burglaries fell 5 percent.", {("burglary", "decrease", 5.0)}),
    (
        "Car thefts are up 18% and a state study shows the county's murder rate increased 27% in 2022.",
        {("theft", "increase", 18.0), ("rate", "increase", 27.0)},
    ),
    ("In 2023, arrests for vandalism fell 5 percent.", {("arrest", "decrease", 5.0)}),
    ("Crashes involving cyclists increased 12 percent.", {("crash", "increase", 12.0)}),
    ("EBT skimming losses in the county dropped 55 percent.", {("loss", "decrease", 55.0)}),
]


@pytest.mark.parametrize(("text", "expected"), OPENING_NOUN_PHRASES)
def test_the_opening_noun_phrase_is_what_changed(nlp: Language, text: str, expected: set[Change]) -> None:
    assert heads(nlp, text) == expected


def _page(title: str, body: str) -> str:
    """A release as a site serves it: the title with the site's name, page chrome, the title again."""
    return f"{title} - County Prosecutor\nSkip to content\nNews\n{title}\nFor Immediate Release\n{body}"


# a headline in capitals misleads the tagger: where the body restates its change with another
# metric, the body says what changed; a headline in title case keeps its own
HEADLINES_IN_CAPITALS = [
    (
        _page(
            "PARK ORDER LEADS TO 40 PERCENT DROP IN GANG CALLS FOR SERVICE",
            "Calls for service in the park district fell 40 percent in the six months after the order.",
        ),
        {("call", "decrease", 40.0)},
    ),
    (
        _page(
            "DA CONVICTION RATE IN FRAUD CASES RISES 5 PERCENT",
            "The conviction rate in fraud cases tried by the unit rose 5 percent in 2023.",
        ),
        {("rate", "increase", 5.0)},
    ),
    # negatives: a headline in title case; a body that restates nothing
    (
        _page("Gang Homicides Fall 50 Percent", "The gang unit said killings fell 50 percent in two years."),
        {("homicide", "decrease", 50.0)},
    ),
    (
        _page("BOAT THEFTS DOWN 18 PERCENT", "The harbor patrol made 40 arrests in 2023."),
        {("theft", "decrease", 18.0)},
    ),
]


@pytest.mark.parametrize(("text", "expected"), HEADLINES_IN_CAPITALS)
def test_a_headline_in_capitals_takes_the_body_metric(nlp: Language, text: str, expected: set[Change]) -> None:
    assert heads(nlp, text) == expected


# a sign is written against its number ("-12%", "(+3.1%)"); a dash with spaces is punctuation
SIGNS_AND_DASHES = [
    ("The clinic logged 118 overdose visits in 2023 - 12 percent more than in 2022.", {("visit", "increase", 12.0)}),
    ("Vehicle thefts fell (-8.2%) and break-ins rose (+3.1%).", {("theft", "decrease", 8.2), ("in", "increase", 3.1)}),
    ("Arson: -12%", {("arson", "decrease", 12.0)}),
]


@pytest.mark.parametrize(("text", "expected"), SIGNS_AND_DASHES)
def test_a_dash_with_spaces_is_no_sign(nlp: Language, text: str, expected: set[Change]) -> None:
    assert heads(nlp, text) == expected


# a change set off after a count ("410 arrests, down 12%", "398 hate crimes and incidents, a 6
# percent increase") belongs to what was counted, the last of nouns counted together; after a trend
# with its numbers ("fell from 6,000 to 3,600 inmates, a 40 percent drop") to the trend's subject
COUNTS_BEFORE_A_CHANGE = [
    ("The harbor unit made 410 arrests, down 12% from last year.", {("arrest", "decrease", 12.0)}),
    (
        "The survey documented 398 hate crimes and incidents, a 6 percent increase over the previous year.",
        {("incident", "increase", 6.0)},
    ),
    ("The shelter population fell from 900 to 540 residents, a 40 percent drop.", {("population", "decrease", 40.0)}),
    # negatives: no trend before, so the count's own noun; a subject with a change of its own
    ("The unit recorded 3,600 arrests, a 40 percent increase.", {("arrest", "increase", 40.0)}),
    ("The district counted 410 burglaries, while car thefts were down 12%.", {("theft", "decrease", 12.0)}),
]


@pytest.mark.parametrize(("text", "expected"), COUNTS_BEFORE_A_CHANGE)
def test_a_change_set_off_after_a_count(nlp: Language, text: str, expected: set[Change]) -> None:
    assert heads(nlp, text) == expected


# a percent written as one word with a hyphen before its noun ("a 25-percent drop"), and a duration
# named by a modifier the tagger read as a verb ("Wait times")
WRITTEN_FORMS = [
    ("Burglaries saw a 25-percent drop last year.", {("burglary", "decrease", 25.0)}),
    ("Wait times for victims were cut 30 percent.", {("time", "decrease", 30.0)}),
    # negatives: a hyphenated share is a level; a bare "times" names nothing
    ("Women hold a 40-percent share of the seats.", set()),
    ("Arrests fell 10 percent at times during the year.", {("arrest", "decrease", 10.0)}),
]


@pytest.mark.parametrize(("text", "expected"), WRITTEN_FORMS)
def test_written_forms_of_a_change(nlp: Language, text: str, expected: set[Change]) -> None:
    assert heads(nlp, text) == expected


# "fall within/into/under" names a category ("most cases fall within three groups") unless the verb
# has an amount of its own ("fell 33 percent within the district")
CATEGORY_VERBS_WITH_AN_AMOUNT = [
    ("Reported thefts fell 33 percent within the district.", {("theft", "decrease", 33.0)}),
    ("Tow-away calls fell by 15 percent under the new rules.", {("call", "decrease", 15.0)}),
    # negatives: a share that falls into a category; a category with no amount
    ("About 60% of the complaints fall into the noise category.", set()),
    ("Most of the cases fall within three groups.", set()),
]


@pytest.mark.parametrize(("text", "expected"), CATEGORY_VERBS_WITH_AN_AMOUNT)
def test_a_category_verb_with_an_amount_moves(nlp: Language, text: str, expected: set[Change]) -> None:
    assert heads(nlp, text) == expected


# "a reduction of 31 percent in violent crime in the district": the "in" phrase on the amount names
# what changed before the one on the change noun (a place); a relative clause on the object of
# "by" belongs to that object, not to the sentence's subject
PHRASES_ON_THE_AMOUNT = [
    ("The curfew led to a reduction of 31 percent in vandalism in the district.", {("vandalism", "decrease", 31.0)}),
    ("Residents were worried by bike thefts, which increased 25 percent.", {("theft", "increase", 25.0)}),
    # negatives: a change noun with its own "in" object; a relative clause on a count with a modifier
    ("The curfew led to a 31 percent drop in vandalism.", {("vandalism", "decrease", 31.0)}),
    (
        "Deputies logged 212 crashes with injuries or deaths, which is a drop of 7% from 2022.",
        {("crash", "decrease", 7.0)},
    ),
]


@pytest.mark.parametrize(("text", "expected"), PHRASES_ON_THE_AMOUNT)
def test_the_phrase_on_the_amount_names_what_changed(nlp: Language, text: str, expected: set[Change]) -> None:
    assert heads(nlp, text) == expected


# a list line that states a count and then its change ("Arsons: 52, a decrease of 8%") belongs to
# its label; an enumeration item may name its noun through a generic one ("and the number of
# shelters by 8 percent")
LABELLED_COUNTS_AND_COUNTED_ITEMS = [
    ("Arsons: 52, a decrease of 8%", {("arson", "decrease", 8.0)}),
    ("Drownings: 14 (up 19 percent)", {("drowning", "increase", 19.0)}),
    (
        "Shelter capacity has dropped 10 percent and the number of shelters by 8 percent.",
        {("capacity", "decrease", 10.0), ("shelter", "decrease", 8.0)},
    ),
    # negatives: a label with a verb of its own; an item with its own verb
    ("The chief told reporters: 45 were down 12%", {("", "decrease", 12.0)}),
    (
        "Shelter capacity has dropped 10 percent and the number of beds has dropped 8 percent.",
        {("capacity", "decrease", 10.0), ("bed", "decrease", 8.0)},
    ),
]


@pytest.mark.parametrize(("text", "expected"), LABELLED_COUNTS_AND_COUNTED_ITEMS)
def test_a_labelled_count_and_a_counted_item(nlp: Language, text: str, expected: set[Change]) -> None:
    assert heads(nlp, text) == expected


# "the number of gang homicides": where the parse breaks the compound after "of" ("gang" as the
# object, "homicides" apart), the counted noun is the compound's last word, its modifiers kept
BROKEN_COMPOUNDS_AFTER_A_GENERIC_NOUN = [
    (
        "Since the truce, the harbor has seen a 50 percent decline in the number of gang homicides on its piers.",
        {("homicide", "decrease", 50.0)},
    ),
    (
        "In the last three years, there has been a 50 percent decline in the number of gang homicides in the region.",
        {("homicide", "decrease", 50.0)},
    ),
    # negatives: a compound the parse reads right; a single counted noun
    ("The number of car thefts fell 5 percent.", {("theft", "decrease", 5.0)}),
    (
        "The decline of 2.5 percent leaves the line with its smallest crowds in years.",
        {("", "decrease", 2.5)},  # an amount and a verb after it: no compound to mend
    ),
    ("The number of drownings fell 5 percent in the lake district.", {("drowning", "decrease", 5.0)}),
]


@pytest.mark.parametrize(("text", "expected"), BROKEN_COMPOUNDS_AFTER_A_GENERIC_NOUN)
def test_a_broken_compound_after_a_generic_noun(nlp: Language, text: str, expected: set[Change]) -> None:
    assert heads(nlp, text) == expected


# a change noun opening a sentence whose main verb the parse reads as an adjective ("in auto thefts
# alarmed officials") or whose change noun it reads as a verb ("The 40 percent rise in ..."): what
# changed is the "in" phrase, never the main verb's object
CHANGE_NOUN_SUBJECTS = [
    ("The 25 percent increase in auto thefts alarmed officials.", {("theft", "increase", 25.0)}),
    ("The 40 percent rise in overdose deaths prompted a new program.", {("death", "increase", 40.0)}),
    ("The 12 percent drop in burglaries worried shop owners.", {("burglary", "decrease", 12.0)}),
    # negatives: a parse that has the verb right; a verb with its own subject after the change
    ("The 15 percent increase in car thefts led to a new task force.", {("theft", "increase", 15.0)}),
    ("Officers said the 9 percent decline in assaults pleased them.", {("assault", "decrease", 9.0)}),
]


@pytest.mark.parametrize(("text", "expected"), CHANGE_NOUN_SUBJECTS)
def test_a_change_noun_as_subject_keeps_its_in_phrase(nlp: Language, text: str, expected: set[Change]) -> None:
    assert heads(nlp, text) == expected


# "respectively" after a list of percents that one word ("down", "rose") gives: each percent, in
# order, to its own noun of the coordinated subject
RESPECTIVELY_LISTS = [
    (
        "Robberies, burglaries and auto thefts were down 10%, 14% and 22%, respectively.",
        {("robbery", "decrease", 10.0), ("burglary", "decrease", 14.0), ("theft", "decrease", 22.0)},
    ),
    (
        "Evictions and foreclosures were up 12 percent and 7 percent, respectively.",
        {("eviction", "increase", 12.0), ("foreclosure", "increase", 7.0)},
    ),
    (
        "Arrests, citations and warnings rose 5 percent, 8 percent and 11 percent, respectively.",
        {("arrest", "increase", 5.0), ("citation", "increase", 8.0), ("warning", "increase", 11.0)},
    ),
    # negative: no "respectively", one subject for every percent
    (
        "Homicides fell 10%, 14% and 22% in the three precincts.",
        {("homicide", "decrease", 10.0), ("homicide", "decrease", 14.0), ("homicide", "decrease", 22.0)},
    ),
]


@pytest.mark.parametrize(("text", "expected"), RESPECTIVELY_LISTS)
def test_respectively_gives_each_percent_its_noun(nlp: Language, text: str, expected: set[Change]) -> None:
    assert heads(nlp, text) == expected


# a place word after a noun ("offenses downtown", "thefts countywide"), which the parse may make the
# head of the phrase or a second subject: where the change happened, not what changed
PLACE_WORDS_AFTER_THE_NOUN = [
    ("The court has led to a 25 percent decrease in petty offenses downtown.", {("offense", "decrease", 25.0)}),
    ("Bike thefts downtown fell 8 percent.", {("theft", "decrease", 8.0)}),
    ("There was a 12 percent increase in carjackings statewide.", {("carjacking", "increase", 12.0)}),
    # negatives: the place word elsewhere in the sentence; a noun with no place word
    ("Burglaries fell 10 percent countywide.", {("burglary", "decrease", 10.0)}),
    ("Vandalism in the harbor district rose 6 percent.", {("vandalism", "increase", 6.0)}),
]


@pytest.mark.parametrize(("text", "expected"), PLACE_WORDS_AFTER_THE_NOUN)
def test_a_place_word_after_the_noun_is_not_what_changed(nlp: Language, text: str, expected: set[Change]) -> None:
    assert heads(nlp, text) == expected


# a change set off after a sum of money stated "in" something ("$4.2 million in stolen goods, a 35
# percent increase"): the change is of that value; a sum with a date after "in" names nothing
VALUES_SET_OFF = [
    (
        "The unit recovered $4.2 million in stolen property, a 35 percent increase from last year.",
        {("property", "increase", 35.0)},
    ),
    ("Investigators seized $900,000 in counterfeit goods, a 20 percent drop.", {("good", "decrease", 20.0)}),
    # negative: "in" a year
    ("The city spent $3 million in 2023, a 10 percent increase.", {("", "increase", 10.0)}),
]


@pytest.mark.parametrize(("text", "expected"), VALUES_SET_OFF)
def test_a_change_set_off_after_a_sum_of_money(nlp: Language, text: str, expected: set[Change]) -> None:
    assert heads(nlp, text) == expected


# a change noun under a modal is a forecast, not a change: "will get a 12% raise"
FORECAST_CHANGE_NOUNS = [
    ("Teachers will get a 12% raise next year.", set()),
    ("The new contract would bring a 6 percent drop in overtime.", set()),
    # negatives: the same nouns stated as done
    ("Overdose deaths saw a 12 percent drop last year.", {("death", "decrease", 12.0)}),
    ("The county recorded a 9 percent decline in burglaries.", {("burglary", "decrease", 9.0)}),
]


@pytest.mark.parametrize(("text", "expected"), FORECAST_CHANGE_NOUNS)
def test_a_change_noun_under_a_modal_is_a_forecast(nlp: Language, text: str, expected: set[Change]) -> None:
    assert heads(nlp, text) == expected


# a noun compounded on the change noun, after the amount, names what changed ("a 4 percent pay
# increase"), not the subject who got it; not a time or a place, nor where an "in" phrase names it
COMPOUNDS_ON_THE_CHANGE_NOUN = [
    ("Deputies received a 4 percent pay increase under the new contract.", {("pay", "increase", 4.0)}),
    ("The council approved a 10% rent hike for the towers.", {("rent", "increase", 10.0)}),
    ("Riders saw a 20 percent ridership drop on the night buses.", {("ridership", "decrease", 20.0)}),
    # negatives: a hyphenated time; an "in" phrase after the noun
    ("Thefts showed a 9 percent year-over-year decline.", {("theft", "decrease", 9.0)}),
    ("The park saw a 15 percent crime drop in assaults.", {("assault", "decrease", 15.0)}),
]


@pytest.mark.parametrize(("text", "expected"), COMPOUNDS_ON_THE_CHANGE_NOUN)
def test_a_noun_compounded_on_the_change_noun(nlp: Language, text: str, expected: set[Change]) -> None:
    assert heads(nlp, text) == expected


# a headline in title case opened by a mass noun the recognizer takes for a name or an organization
TITLE_CASE_MASS_NOUN_HEADLINES = [
    ("Crime Drops 12 Percent in Riverton\n\nThe chief spoke on Monday.", {("crime", "decrease", 12.0)}),
    # negatives: a plural headline; a place opening the headline is no metric
    ("Boat Thefts Drop 30 Percent\n\nThe chief spoke on Monday.", {("theft", "decrease", 30.0)}),
]


@pytest.mark.parametrize(("text", "expected"), TITLE_CASE_MASS_NOUN_HEADLINES)
def test_a_title_case_headline_opened_by_a_mass_noun(nlp: Language, text: str, expected: set[Change]) -> None:
    assert heads(nlp, text) == expected



# a pronoun subject ("they", "it") with no change just before: the subject of the sentence before is
# what it stands for; a pronoun that acts on an object ("they cut response times") is not what changed
PRONOUNS_FOR_THE_SENTENCE_BEFORE = [
    ("Burglaries were a worry last spring. They fell 12% this spring.", {("burglary", "decrease", 12.0)}),
    ("Shoplifting has been a problem at the mall. It rose 18 percent in 2023.", {("shoplifting", "increase", 18.0)}),
    (
        "Overdose deaths are a crisis in the valley. They have increased 40 percent since 2019.",
        {("death", "increase", 40.0)},
    ),
    # negatives: a pronoun with an object of its own; a change just before stays the antecedent
    ("The chief praised her officers. They cut response times by 10 percent.", {("time", "decrease", 10.0)}),
    (
        "Car thefts fell 9 percent in May. They were down 4 percent in June.",
        {("theft", "decrease", 9.0), ("theft", "decrease", 4.0)},
    ),
]


@pytest.mark.parametrize(("text", "expected"), PRONOUNS_FOR_THE_SENTENCE_BEFORE)
def test_a_pronoun_stands_for_the_subject_before(nlp: Language, text: str, expected: set[Change]) -> None:
    assert heads(nlp, text) == expected


# a class of offenses in crime reporting ("Part I crimes"): the tagger may read the numeral as "I"
CRIME_CLASSES = [
    ("Part I crimes within the harbor zone were reduced by 25 percent.", {("crime", "decrease", 25.0)}),
    ("Part II offenses rose 7 percent in the valley.", {("offense", "increase", 7.0)}),
    # negative: "part" as an ordinary noun
    ("Thefts fell 8 percent, in part because of new cameras.", {("theft", "decrease", 8.0)}),
]


@pytest.mark.parametrize(("text", "expected"), CRIME_CLASSES)
def test_a_crime_class_is_what_changed(nlp: Language, text: str, expected: set[Change]) -> None:
    assert heads(nlp, text) == expected


# a place that "sees" a change with no "in" phrase, after a change in the same sentence: the change
# is of what that change names ("deaths rose 20 percent, with the county seeing a 15 percent
# increase"); alone in its sentence it names nothing
HOLDERS_SEEING_THE_SAME_CHANGE = [
    (
        "Boating deaths statewide jumped 20 percent, with the county seeing a 15 percent increase.",
        {("death", "increase", 20.0), ("death", "increase", 15.0)},
    ),
    # negatives: an "in" phrase of its own; no change before it in the sentence
    (
        "Burglaries rose 5 percent. The city saw a 15 percent increase in thefts.",
        {("burglary", "increase", 5.0), ("theft", "increase", 15.0)},
    ),
    ("The city saw a 15 percent increase.", {("", "increase", 15.0)}),
]


@pytest.mark.parametrize(("text", "expected"), HOLDERS_SEEING_THE_SAME_CHANGE)
def test_a_holder_seeing_the_same_change(nlp: Language, text: str, expected: set[Change]) -> None:
    assert heads(nlp, text) == expected


# "improved" moves a measure that is better higher up ("graduation rates improved by 15 percent");
# for a time or a backlog, better is lower, and the direction is left out rather than guessed
IMPROVEMENTS = [
    ("The new schedule improved graduation rates by 6%.", {("rate", "increase", 6.0)}),
    ("Participants showed an 80 percent improvement in attendance.", {("attendance", "increase", 80.0)}),
    # negatives: a time improves by going down; an improvement without a percent
    ("The unit improved response times by 12 percent.", set()),
    ("Officers noted improvements in training.", set()),
]


@pytest.mark.parametrize(("text", "expected"), IMPROVEMENTS)
def test_an_improvement_moves_up_unless_lower_is_better(nlp: Language, text: str, expected: set[Change]) -> None:
    assert heads(nlp, text) == expected


# a change "in" a place is no change of the place: what it was counted "for" names it, else nothing
CHANGES_IN_A_PLACE = [
    (
        "Data show an 18 percent drop in the river district for arson, theft and other property crimes.",
        {("crime", "decrease", 18.0)},
    ),
    ("The county reported a 9 percent increase in the district.", {("", "increase", 9.0)}),
    # negative: a noun "in" which the change is, not a place
    ("The county reported a 9 percent increase in the jail population.", {("population", "increase", 9.0)}),
]


@pytest.mark.parametrize(("text", "expected"), CHANGES_IN_A_PLACE)
def test_a_change_in_a_place_is_of_what_it_counts(nlp: Language, text: str, expected: set[Change]) -> None:
    assert heads(nlp, text) == expected


# a comparative with its percent set off after a count ("served 1,200 patients, 30 percent more than
# last year"): the change is of the count's noun, not the subject that made the count
COMPARATIVES_SET_OFF_AFTER_A_COUNT = [
    ("The clinic served 1,200 patients, 30 percent more than last year.", {("patient", "increase", 30.0)}),
    ("The shelter took in 640 dogs, 12 percent fewer than in 2022.", {("dog", "decrease", 12.0)}),
    # negative: the count's own verb with the comparative, no comma
    ("The clinic served 30 percent more patients than last year.", {("patient", "increase", 30.0)}),
]


@pytest.mark.parametrize(("text", "expected"), COMPARATIVES_SET_OFF_AFTER_A_COUNT)
def test_a_comparative_set_off_after_a_count(nlp: Language, text: str, expected: set[Change]) -> None:
    assert heads(nlp, text) == expected


# a coordinated subject whose first word the tagger takes for a name ("Arson and vandalism"): the
# list's last noun names the change, as for any list
LISTS_OPENED_BY_A_NAME_LIKE_NOUN = [
    ("Arson and vandalism increased a combined 8 percent over the previous year.", {("vandalism", "increase", 8.0)}),
    ("Graffiti and littering fell 5 percent.", {("littering", "decrease", 5.0)}),
    # negative: two clauses, each its own subject
    (
        "Graffiti fell 5 percent and littering rose 3 percent.",
        {("graffiti", "decrease", 5.0), ("littering", "increase", 3.0)},
    ),
]


@pytest.mark.parametrize(("text", "expected"), LISTS_OPENED_BY_A_NAME_LIKE_NOUN)
def test_a_list_opened_by_a_name_like_noun(nlp: Language, text: str, expected: set[Change]) -> None:
    assert heads(nlp, text) == expected


# a bare count whose participle repeats a verb of the sentence ("seized more guns, with 812 seized in
# 2023, which was an increase of 9%"): the count stands for that verb's object
BARE_COUNTS = [
    (
        "Officers seized more illegal guns each year, with 812 seized in 2023, which was an increase of 9%.",
        {("gun", "increase", 9.0)},
    ),
    # negative: a count with its own noun
    ("The unit recovered 300 stolen cars in 2023, which was an increase of 9%.", {("car", "increase", 9.0)}),
]


@pytest.mark.parametrize(("text", "expected"), BARE_COUNTS)
def test_a_bare_count_stands_for_the_object_of_its_verb(nlp: Language, text: str, expected: set[Change]) -> None:
    assert heads(nlp, text) == expected


# a change noun that names its own quantity when nothing else does: "a 5% raise" is a change of pay
IMPLIED_QUANTITIES = [
    ("Teachers received a 5% raise last year.", {("pay", "increase", 5.0)}),
    ("Bus drivers got a 4 percent raise.", {("pay", "increase", 4.0)}),
    # negatives: an "in" phrase names it; a raise under a modal is a forecast
    ("The board approved a 3 percent raise in fees.", {("fee", "increase", 3.0)}),
    ("Nurses will get a 6 percent raise next year.", set()),
]


@pytest.mark.parametrize(("text", "expected"), IMPLIED_QUANTITIES)
def test_a_change_noun_that_names_its_quantity(nlp: Language, text: str, expected: set[Change]) -> None:
    assert heads(nlp, text) == expected


# a title-case headline whose subject and verb the tagger takes for names ("Truancy Drops", "Hate
# Crimes in County Increase"): the capitalized words from the line's start (or a colon) to the
# change word, up to the first preposition, name what changed
TITLE_CASE_HEADLINE_SUBJECTS = [
    ("Truancy Drops 81 Percent Among Program Students", {("truancy", "decrease", 81.0)}),
    ("Hate Crimes in County Increase 12 Percent", {("crime", "increase", 12.0)}),
    ("Report: Shoplifting Down 20% After New Law", {("shoplifting", "decrease", 20.0)}),
    # negatives: a headline in capitals the parse reads; a sentence, not a headline
    ("DUI ARRESTS INCREASE 25 PERCENT DURING HOLIDAY CRACKDOWN", {("arrest", "increase", 25.0)}),
    ("The chief said Vandalism Drops 5 Percent was the report's title.", set()),
]


@pytest.mark.parametrize(("text", "expected"), TITLE_CASE_HEADLINE_SUBJECTS)
def test_a_title_case_headline_subject(nlp: Language, text: str, expected: set[Change]) -> None:
    page = text + "\n\nThe office released the figures on Monday at a news conference.\n"
    assert heads(nlp, page) == expected
