"""Quote classes of issue #26: text broken at odd places (releases copied out of PDFs), quote
paragraphs under one speaker, and pronouns. Sentences and names written for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

from extractor.extract import extract_text
from extractor.models import ArticleRecord
from extractor.quotes import pair_quotes


def quotes(nlp: Language, text: str) -> list[tuple[str, str | None]]:
    result = extract_text(text, nlp)
    assert isinstance(result, ArticleRecord), result
    return [(q.text, q.speaker) for q in result.quotes]


# --- a quotation closed on a comma at a line's end: its attribution is on the next line ---------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "\u201cThe new depot opens in June and the buses start the week after,\u201d\nWarden Lila Ortiz said\n"
            ". \u201cRiders will get a full timetable by mail.\u201d",
            [
                ("The new depot opens in June and the buses start the week after", "Lila Ortiz"),
                ("Riders will get a full timetable by mail.", "Lila Ortiz"),
            ],
        ),
        (
            '"Our clinic will stay open through the winter for every family that needs it,"\n'
            "Director Omar Haddad said.",
            [("Our clinic will stay open through the winter for every family that needs it", "Omar Haddad")],
        ),
        # negative: a quotation closed on a full stop ends its line's sentence; the next line is a heading
        (
            "\u201cThe depot opens in June and the buses start the week after.\u201d\nHarbor Transit Office\n"
            "Riders should plan ahead.",
            [("The depot opens in June and the buses start the week after.", None)],
        ),
    ],
)
def test_comma_closed_quote_goes_on_to_the_next_line(
    nlp: Language, text: str, expected: list[tuple[str, str | None]]
) -> None:
    assert quotes(nlp, text) == expected


# --- quote paragraphs after indirect speech or a heading: all in that speaker's voice -----------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Warden Lila Ortiz said the depot would open in June.\n"
            "\u201cWe hired twelve drivers for the new routes.\u201d\n"
            "\u201cThe routes reach every town in the valley.\u201d",
            [
                ("We hired twelve drivers for the new routes.", "Lila Ortiz"),
                ("The routes reach every town in the valley.", "Lila Ortiz"),
            ],
        ),
        (
            "Remarks from Harbor County Sheriff Tom Reyes\n"
            "\u201cOur deputies answered more calls than ever.\u201d\n"
            "\u201cThe new station will shorten the drive to the north end.\u201d",
            [
                ("Our deputies answered more calls than ever.", "Tom Reyes"),
                ("The new station will shorten the drive to the north end.", "Tom Reyes"),
            ],
        ),
        # negative: no speaker above the first quote paragraph, so none for the ones after it
        (
            "The depot opens in June.\n\u201cWe hired twelve drivers.\u201d\n\u201cThe routes reach every town.\u201d",
            [("We hired twelve drivers.", None), ("The routes reach every town.", None)],
        ),
    ],
)
def test_quote_paragraphs_after_an_introduction_keep_its_speaker(
    nlp: Language, text: str, expected: list[tuple[str, str | None]]
) -> None:
    assert quotes(nlp, text) == expected


# --- a quotation whose closing mark is left out or broken onto a later line ---------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the quotation goes on in a line that closes it without opening it again
        (
            "\u201cOur crews cleared the north road by noon,\u201d said Chief Dana Whitfield. "
            "\u201cThe plows ran all night.\nI thank every driver who stayed out in the storm.\u201d\n"
            "Schools reopen on Friday.",
            [
                ("Our crews cleared the north road by noon", "Dana Whitfield"),
                ("The plows ran all night. I thank every driver who stayed out in the storm.", "Dana Whitfield"),
            ],
        ),
        # the closing mark is missing: the quotation ends with its paragraph
        (
            "\u201cThe budget is balanced,\u201d said Treasurer Ann Cole. \u201cWe kept a reserve for the spring.\n"
            "The council votes on the plan next week.",
            [
                ("The budget is balanced", "Ann Cole"),
                ("We kept a reserve for the spring.", "Ann Cole"),
            ],
        ),
        # negative: a line that ends on an abbreviation ends no sentence, so no quotation is closed there
        (
            "\u201cThe contract went to Harbor Paving, Inc.\n(The firm also bid last year.)\n\nThe vote is on Monday.",
            [],
        ),
        # negative: a mark opened mid-sentence and never closed quotes nothing
        (
            "Residents call the lot \u201cthe old yard\nand the council wants it sold.\n\nThe vote is on Monday.",
            [],
        ),
    ],
)
def test_quote_with_a_lost_or_broken_closing_mark(
    nlp: Language, text: str, expected: list[tuple[str, str | None]]
) -> None:
    assert quotes(nlp, text) == expected


# --- a quotation broken over lines with no marks on the middle lines (text copied from a PDF) -----

ORDER = "The appeals court wrote in its order:\n"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # opened on one line, two lines without marks, closed on the fourth: one quotation
        (
            ORDER + "\u201cThe trial judge heard the motion in full and\n"
            "ruled on it without delay, as both parties had asked, and\n"
            "no party objected to that ruling at the time or later.\n"
            "The writ is therefore denied.\u201d\n\nThe case returns to Elmwood next month.",
            [
                "The trial judge heard the motion in full and ruled on it without delay, as both parties had "
                "asked, and no party objected to that ruling at the time or later. The writ is therefore denied."
            ],
        ),
        # negative: an unclosed mark, then ordinary prose lines that no mark closes
        (
            "Mayor Ada Park spoke at the park. \u201cThe trail is safe again.\n"
            "The city plans a new fence along the creek.\nWork on the fence starts in the fall.\n"
            "The council set aside money for it.\n\nThe park opens at dawn.",
            ["The trail is safe again."],
        ),
        # negative: the closing mark comes far beyond the few lines a broken quotation goes on through
        (
            ORDER + "\u201cThe trial judge heard the motion in full.\nThe clerk filed the papers.\n"
            "The parties were told of the ruling.\nNo party objected at the time.\nThe record was sealed.\n"
            "The fees were paid.\nThe writ is therefore denied.\u201d\n\nThe case returns to Elmwood next month.",
            ["The trial judge heard the motion in full."],
        ),
    ],
)
def test_quotation_broken_over_unmarked_lines(nlp: Language, text: str, expected: list[str]) -> None:
    assert [q for q, _ in quotes(nlp, text)] == expected


def test_a_later_paragraph_that_opens_a_quotation_does_not_go_on_with_an_unclosed_one() -> None:
    text = "Chief Dana Whitfield spoke. \u201cThe plows ran all night.\nThe mayor said \u201cthanks to all\u201d."
    # the first quotation ends with its paragraph; the second line's marks pair on their own
    assert [q.text for q in pair_quotes(text)] == ["The plows ran all night.", "thanks to all"]


# --- a capitalized speech verb right after the quotation ----------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Officers revived the man and arrested him.\n\u201cPolice work is dangerous for every officer on the "
            "street.\u201d Said SDPD Chief Ramon Ortiz. \u201cWe thank the prosecutors for their work.\u201d",
            [
                ("Police work is dangerous for every officer on the street.", "Ramon Ortiz"),
                ("We thank the prosecutors for their work.", "Ramon Ortiz"),
            ],
        ),
        (
            "\u201cThe new shelter will open before the first frost.\u201d Stated HCHA Director Lena Marsh.",
            [("The new shelter will open before the first frost.", "Lena Marsh")],
        ),
        # negative: a capitalized name that only looks like a verb form after a quotation
        (
            "\u201cThe shelter opens before the first frost.\u201d Reed Ortiz runs the kitchen there.",
            [("The shelter opens before the first frost.", None)],
        ),
    ],
)
def test_capitalized_speech_verb_after_a_quotation(
    nlp: Language, text: str, expected: list[tuple[str, str | None]]
) -> None:
    assert quotes(nlp, text) == expected


# --- a quotation carried into a paragraph that another person speaks ----------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "\u201cShelters have room for every family this winter,\u201d said Mayor Ann Cole. "
            "\u201cWe added forty beds since spring.\n"
            "\u201cAs a nurse, I have seen what the cold does,\u201d said Dr. Omar Haddad, the county health officer.",
            [
                ("Shelters have room for every family this winter", "Ann Cole"),
                ("We added forty beds since spring.", "Ann Cole"),
                ("As a nurse, I have seen what the cold does", "Omar Haddad"),
            ],
        ),
        # negative: the same speaker goes on, so the quotation carried over paragraphs stays one
        (
            "\u201cShelters have room for every family this winter,\u201d said Mayor Ann Cole. "
            "\u201cWe added forty beds since spring.\n"
            "\u201cThe county paid for half of them,\u201d she said.",
            [
                ("Shelters have room for every family this winter", "Ann Cole"),
                ("We added forty beds since spring. The county paid for half of them", "Ann Cole"),
            ],
        ),
    ],
)
def test_quote_carried_into_another_speakers_paragraph_is_split(
    nlp: Language, text: str, expected: list[tuple[str, str | None]]
) -> None:
    assert quotes(nlp, text) == expected


# --- "she" after a speaker whose first name mostly has the other gender -------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a woman named close before the pronoun is the one it means
        (
            "Mayor Chris Patel described Senator Ann Cole as \u201creckless\u201d after she blamed the delays on "
            "\u201cbad planning\u201d in her remarks.",
            [("reckless", "Chris Patel"), ("bad planning", "Ann Cole")],
        ),
        (
            "Coach Kelly Tate called Principal Omar Haddad \u201cstubborn\u201d before he said the gym was "
            "\u201cnot safe for games this season.\u201d",
            [("stubborn", "Kelly Tate"), ("not safe for games this season.", "Omar Haddad")],
        ),
        # negative: someone of the pronoun's gender named only before the speaker's own mention
        (
            "Governor Tom Reyes spoke first.\n\n\u201cTaxes must be fair,\u201d said Kelly Tate, a state senator."
            "\n\n\u201cThe rich must pay their share,\u201d he said.",
            [("Taxes must be fair", "Kelly Tate"), ("The rich must pay their share", "Kelly Tate")],
        ),
        # negative: with no one else of that gender named, the speaker goes on speaking
        (
            "\u201cThe plan is late,\u201d said Chris Patel, the county engineer.\n\n"
            "\u201cWe will finish by June,\u201d she said.",
            [("The plan is late", "Chris Patel"), ("We will finish by June", "Chris Patel")],
        ),
    ],
)
def test_pronoun_prefers_a_person_of_its_gender_over_a_mostly_other_name(
    nlp: Language, text: str, expected: list[tuple[str, str | None]]
) -> None:
    assert quotes(nlp, text) == expected


# --- a quotation goes on over paragraphs only in marks of its own kind ----------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a straight mark left open around an excerpt does not swallow the curly quotation after it
        (
            'The magazine printed a long profile of the voter:\n\n"Tess Moran had never voted before. '
            "She read every flyer.\n\n\u201cI finally feel heard,\u201d she said.\n\nThe profile ran on Sunday.",
            ["I finally feel heard"],
        ),
        # negative: a curly quotation carried into a paragraph that opens with a curly mark is one
        (
            "\u201cWe start on Monday.\n\n\u201cThe crews are ready,\u201d she said.",
            ["We start on Monday. The crews are ready"],
        ),
        # negative: straight marks carry as well
        (
            '"We start on Monday.\n\n"The crews are ready," she said.',
            ["We start on Monday. The crews are ready"],
        ),
    ],
)
def test_quote_carries_over_paragraphs_in_marks_of_its_kind(text: str, expected: list[str]) -> None:
    assert [q.text for q in pair_quotes(text)] == expected


# --- "she said", once resolved, is a mention of that speaker for the pronouns after it ------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Tess Moran watched the debate at home.\n\n\u201cI finally feel heard,\u201d she said after the speech, "
            "and she liked the way Governor Ann Cole talked about the farm bill.\n\nThe evening ended late.\n\n"
            "\u201cIt was worth staying up,\u201d she said.",
            [("I finally feel heard", "Tess Moran"), ("It was worth staying up", "Tess Moran")],
        ),
        # negative: a new subject of that gender after the quote speaks the next one
        (
            "Tess Moran watched the debate at home.\n\n\u201cI finally feel heard,\u201d she said.\n\n"
            "Governor Ann Cole spoke next.\n\n\u201cThe farm bill comes first,\u201d she said.",
            [("I finally feel heard", "Tess Moran"), ("The farm bill comes first", "Ann Cole")],
        ),
    ],
)
def test_a_resolved_pronoun_is_a_mention_of_its_speaker(
    nlp: Language, text: str, expected: list[tuple[str, str | None]]
) -> None:
    assert quotes(nlp, text) == expected


# --- a description in apposition to a name speaks for that person --------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "\u201cThe air was clean here until the fires started,\u201d Tomas Ferreira, a farm owner who wrote "
            "about the smoke online, said.",
            [("The air was clean here until the fires started", "Tomas Ferreira")],
        ),
        # negative: a description with no name beside it stays a description
        (
            "\u201cThe air was clean here until the fires started,\u201d a farm owner who wrote about the smoke "
            "online said.",
            [("The air was clean here until the fires started", "a farm owner")],
        ),
    ],
)
def test_description_beside_a_name_is_that_person(
    nlp: Language, text: str, expected: list[tuple[str, str | None]]
) -> None:
    assert quotes(nlp, text) == expected


# --- interview transcripts: a speaker label in capitals speaks its turn --------------------------

INTERVIEW = "Mayor Dana Whitfield sat down with our reporter on Friday.\n\n"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "I" in a labelled turn is the labelled person, by the fullest name in the article
        (
            INTERVIEW + "MAYOR WHITFIELD: I said \u201cwe will build it\u201d and we will.",
            [("we will build it", "Dana Whitfield")],
        ),
        # the label inside the mark that opens a quoted turn
        (
            INTERVIEW + '"WHITFIELD: Thanks. I told the council \u201cnot this year\u201d and they agreed.',
            [("not this year", "Dana Whitfield")],
        ),
        # negative: "Q:" and "A:" say who asks and who answers, not who they are
        (
            INTERVIEW + "Q: And the council?\n\nA: I told them \u201cnot this year\u201d and they agreed.",
            [("not this year", None)],
        ),
        # negative: a turn with no quote marks is no quotation (GUIDE.md: a quote is a span in quote marks)
        (INTERVIEW + "MAYOR WHITFIELD: We will build it next spring.", []),
    ],
)
def test_transcript_labels(nlp: Language, text: str, expected: list[tuple[str, str | None]]) -> None:
    assert quotes(nlp, text) == expected


# --- a first-person column: "I" reporting a quotation is the writer the article names -----------

COLUMN = (
    "I have taken the night bus home from work for eleven years. I know the route by heart. Last winter a "
    "driver stopped me at the door and I said, \u201cI will walk the rest of the way.\u201d He laughed.\n\n"
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Why the night bus matters\n\nBy Jane Roe\n\n" + COLUMN + "The route runs until one in the morning.",
            [("I will walk the rest of the way.", "Jane Roe")],
        ),
        (
            COLUMN + "Jane Roe is a nurse at Harbor General Hospital.",
            [("I will walk the rest of the way.", "Jane Roe")],
        ),
        # negative: a writer named nowhere leaves "I" without a speaker
        (COLUMN + "The route runs until one in the morning.", [("I will walk the rest of the way.", None)]),
        # negative: a single "I" in a news story is a speaker's, not a column's
        (
            "By Jane Roe\n\nThe council met on Monday. Tom Reyes, who chairs it, said he had asked for the audit. "
            "\u201cI said, \u2018show us the books,\u2019 and they did,\u201d Reyes said.",
            [("I said, \u2018show us the books,\u2019 and they did", "Tom Reyes")],
        ),
    ],
)
def test_first_person_column(nlp: Language, text: str, expected: list[tuple[str, str | None]]) -> None:
    assert quotes(nlp, text) == expected


# --- the speech verb right before the quotation reports it ---------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Tess Moran told Omar Haddad about the plan, and he said, \u201cWe can start in May.\u201d",
            [("We can start in May.", "Omar Haddad")],
        ),
        (
            "The report reached Mayor Ann Cole on Monday, and the treasurer, Omar Haddad, wrote, "
            "\u201cThe reserve is enough for one winter.\u201d",
            [("The reserve is enough for one winter.", "Omar Haddad")],
        ),
        # negative: "it" right before the quotation leaves the body to the wider search
        (
            "The Harbor County Council met on Friday and warned of what it termed \u201ca grave danger to the "
            "reservoir.\u201d",
            [("a grave danger to the reservoir.", "Harbor County Council")],
        ),
    ],
)
def test_speech_verb_right_before_the_quotation(
    nlp: Language, text: str, expected: list[tuple[str, str | None]]
) -> None:
    assert quotes(nlp, text) == expected


# --- a phrase "After saying …" opening a clause: the clause's subject says it ---------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Senator Ann Cole toured the plant on Monday. After saying the roof was \u201cfar too old to patch,\u201d "
            "she was driven to the airport.",
            [("far too old to patch", "Ann Cole")],
        ),
        (
            "Tom Reyes toured the plant on Monday. Before saying the roof was \u201cfar too old to patch,\u201d he "
            "had met the owners.",
            [("far too old to patch", "Tom Reyes")],
        ),
        # negative: the phrase after its verb, in a relative clause, is the relative clause subject's
        (
            "Mayor Ann Cole met Tom Reyes, who left early after saying the roof was \u201cfar too old to patch.\u201d",
            [("far too old to patch.", "Tom Reyes")],
        ),
    ],
)
def test_fronted_saying_phrase(nlp: Language, text: str, expected: list[tuple[str, str | None]]) -> None:
    assert quotes(nlp, text) == expected


# --- a surname the parser made a compound of the verb after it is still the person ----------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Omar Scott, a state delegate, is running for the open seat in the fall.\n\n\u201cHe has never run "
            "statewide,\u201d said Tom Reyes, a professor at the college. \u201cFew think he can fill the "
            "coffers.\u201d\n\nScott bristles at any hint he can't win. \u201cI have raised all I needed "
            "to,\u201d he said, cutting off a question.",
            [
                ("He has never run statewide", "Tom Reyes"),
                ("Few think he can fill the coffers.", "Tom Reyes"),
                ("I have raised all I needed to", "Omar Scott"),
            ],
        ),
        # negative: with no one named between, the speaker of the quote before goes on
        (
            "Omar Scott is running for the open seat.\n\n\u201cHe has never run statewide,\u201d said Tom Reyes, a "
            "professor at the college. \u201cHe will need money,\u201d he said.",
            [("He has never run statewide", "Tom Reyes"), ("He will need money", "Tom Reyes")],
        ),
    ],
)
def test_surname_parsed_as_a_compound_of_its_verb(
    nlp: Language, text: str, expected: list[tuple[str, str | None]]
) -> None:
    assert quotes(nlp, text) == expected


# --- "I laughed and said, “…”": verbs joined by "and" share their subject -------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "I have taken the night bus home from work for eleven years. I know the route by heart. When my "
            "neighbor mentioned the fare to me at lunch, I laughed and said, \u201cI will walk the rest of the "
            "way.\u201d\n\nJane Roe is a nurse at Harbor General Hospital.",
            [("I will walk the rest of the way.", "Jane Roe")],
        ),
        (
            "Mayor Ann Cole heard the plan from Tom Reyes, and she laughed and said, \u201cNot this year.\u201d",
            [("Not this year.", "Ann Cole")],
        ),
    ],
)
def test_conjoined_speech_verb_right_before_the_quotation(
    nlp: Language, text: str, expected: list[tuple[str, str | None]]
) -> None:
    assert quotes(nlp, text) == expected


# --- a paragraph that stops inside the name after its speech verb goes on in the next line -----


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "\u201cOur county had a proud week for every family,\u201d\nsaid District Attorney\nJane Roe.\n"
            "\u201cWe thank our partners in every city.\u201d",
            [
                ("Our county had a proud week for every family", "Jane Roe"),
                ("We thank our partners in every city.", "Jane Roe"),
            ],
        ),
        # negative: capitalized words after a period start a new paragraph
        (
            "\u201cOur county had a proud week for every family.\u201d\nDistrict Attorney\nJane Roe leads the office.",
            [("Our county had a proud week for every family.", None)],
        ),
    ],
)
def test_line_broken_inside_the_speakers_name(nlp: Language, text: str, expected: list[tuple[str, str | None]]) -> None:
    assert quotes(nlp, text) == expected


def test_paragraphs_join_a_speakers_title_and_name_across_lines() -> None:
    text = "\u201cWe will not tolerate this,\u201d said\nHarbor City Police Chief\nJane Roe\n.\n\u201cNext one.\u201d"
    assert [q.text for q in pair_quotes(text)] == ["We will not tolerate this", "Next one."]
    from extractor.quotes import _paragraphs

    assert len(_paragraphs(text)) == 2


# --- a line ending in a colon that names one person introduces the quote paragraphs below it ----


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The county opened its new crisis center on Monday.\nWords from Sheriff Tom Reyes:\n"
            "\u201cThis center will save lives.\u201d\n\u201cOur deputies asked for it for years.\u201d",
            [("This center will save lives.", "Tom Reyes"), ("Our deputies asked for it for years.", "Tom Reyes")],
        ),
        # negative: a colon line naming two people gives the quote to neither
        (
            "The county opened its new crisis center on Monday.\nSheriff Tom Reyes and Mayor Ann Cole at the opening:\n"
            "\u201cThis center will save lives.\u201d",
            [("This center will save lives.", None)],
        ),
    ],
)
def test_colon_line_naming_one_person_introduces_quotes(
    nlp: Language, text: str, expected: list[tuple[str, str | None]]
) -> None:
    assert quotes(nlp, text) == expected


# --- a quote mark lost or mistyped: the closing mark before an attribution left out, a closing ---
# --- mark where an opening one belongs, a quote paragraph that lost its opening mark -----------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "\u201cThe county will pay for the new roof and the windows, Mayor Ann Cole said. "
            "\u201cWork begins in May.\u201d",
            [("The county will pay for the new roof and the windows", "Ann Cole"), ("Work begins in May.", "Ann Cole")],
        ),
        (
            "\u201cWith enough nurses the clinic can see every family within a week, said Director Omar Haddad. "
            "\u201cWe will keep the doors open all winter.\u201d",
            [
                ("With enough nurses the clinic can see every family within a week", "Omar Haddad"),
                ("We will keep the doors open all winter.", "Omar Haddad"),
            ],
        ),
        # negative: no attribution before the next opening mark, so the unclosed words are no quotation
        (
            "\u201cThe county will pay for the roof, and nobody else will. \u201cWork begins in May.\u201d",
            [("Work begins in May.", None)],
        ),
    ],
)
def test_closing_mark_left_out_before_the_attribution(
    nlp: Language, text: str, expected: list[tuple[str, str | None]]
) -> None:
    assert quotes(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "\u201cWe finished the bridge two months early,\u201d said Public Works Chief Lila Ortiz."
            "\u201d This project needed every crew we have. We thank every driver.\u201d",
            [
                ("We finished the bridge two months early", "Lila Ortiz"),
                ("This project needed every crew we have. We thank every driver.", "Lila Ortiz"),
            ],
        ),
        (
            "Mayor Ann Cole said: \u201dWe will not raise taxes this year.\u201d",
            [("We will not raise taxes this year.", "Ann Cole")],
        ),
        # negatives: no closing mark after the stray one; a stray mark after a word, not a colon
        (
            "\u201cWe finished the bridge two months early,\u201d said Public Works Chief Lila Ortiz.\u201d The avenue "
            "is next.",
            [("We finished the bridge two months early", "Lila Ortiz")],
        ),
        (
            "Mayor Ann Cole said the plan \u201dworks fine\u201d for now.",
            [],
        ),
    ],
)
def test_closing_mark_typed_where_an_opening_mark_belongs(
    nlp: Language, text: str, expected: list[tuple[str, str | None]]
) -> None:
    assert quotes(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "\u201cWe finished the bridge early,\u201d said Public Works Chief Lila Ortiz. "
            "\u201cThe crews worked nights.\u201d\n"
            "The department will repave Main Street next summer and the avenue after that.\u201d\nOther news followed.",
            [
                ("We finished the bridge early", "Lila Ortiz"),
                ("The crews worked nights.", "Lila Ortiz"),
                ("The department will repave Main Street next summer and the avenue after that.", "Lila Ortiz"),
            ],
        ),
        # negative: the paragraph before ends in the narrative, not on a quotation's closing mark
        (
            "\u201cWe finished the bridge early,\u201d said Public Works Chief Lila Ortiz.\n"
            "The department will repave Main Street next summer.\u201d\nOther news followed.",
            [("We finished the bridge early", "Lila Ortiz")],
        ),
    ],
)
def test_quote_paragraph_that_lost_its_opening_mark(
    nlp: Language, text: str, expected: list[tuple[str, str | None]]
) -> None:
    assert quotes(nlp, text) == expected


# --- a document speaks: "the study notes" (a subject the parse makes a compound of its verb) ----
# --- and a document's own verbs ("the review found"); "put" reports words only as "put it" ------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The county health board released its annual review.\n"
            '"Overdose deaths fell in every district," the study notes.',
            [("Overdose deaths fell in every district", "the study")],
        ),
        (
            'The county health board released its annual review. "Clinics saw more patients than ever," the review '
            "found.",
            [("Clinics saw more patients than ever", "the review")],
        ),
        (
            'Mayor Ann Cole spoke at the depot. "We will not raise fares this year," as Cole put it.',
            [("We will not raise fares this year", "Ann Cole")],
        ),
        # negatives: people who "found" something said nothing; "put" with a thing for its object reports no words
        (
            'Families toured the clinic. "Clinics saw more patients than ever," the visitors found.',
            [("Clinics saw more patients than ever", None)],
        ),
        (
            "Lena Marsh opened the depot.\n\u201cThe trains will run every ten minutes and the buses every five.\u201d "
            "No wonder Tom Reyes chose the valley to put the new depot there.",
            [("The trains will run every ten minutes and the buses every five.", None)],
        ),
    ],
)
def test_document_sources_and_put_it(nlp: Language, text: str, expected: list[tuple[str, str | None]]) -> None:
    assert quotes(nlp, text) == expected


# --- a first-person quote paragraph with no attribution after a paragraph about one person -----


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Mayor Ann Cole opened the new depot on Monday.\n"
            "Mayor Cole gave an update on the bus routes, highlighting the night service that starts in June.\n"
            "\u201cI\u2019m grateful to our drivers and the transit board for making this work.\u201d",
            [("I\u2019m grateful to our drivers and the transit board for making this work.", "Ann Cole")],
        ),
        (
            "At the ribbon cutting\n, Sheriff Tom Reyes toured the new station with deputies.\n"
            "\u201cWe waited ten years for this building.\u201d",
            [("We waited ten years for this building.", "Tom Reyes")],
        ),
        # negatives: words not in the first person; a paragraph with two subjects
        (
            "Mayor Cole gave an update on the bus routes, highlighting the night service.\n"
            "\u201cThe night service starts in June and runs until two in the morning.\u201d",
            [("The night service starts in June and runs until two in the morning.", None)],
        ),
        (
            "The council and Mayor Ann Cole gave an update on the bus routes.\n"
            "\u201cI\u2019m grateful to our drivers.\u201d",
            [("I\u2019m grateful to our drivers.", None)],
        ),
    ],
)
def test_first_person_quote_paragraph_after_a_paragraph_about_one_person(
    nlp: Language, text: str, expected: list[tuple[str, str | None]]
) -> None:
    assert quotes(nlp, text) == expected


# --- "they" for two people named together as the subject right before: both of them ------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            'Tom Reyes and Lila Ortiz run the shelter on Pine Street. "We have never turned anyone away," they said.',
            [("We have never turned anyone away", "Tom Reyes and Lila Ortiz")],
        ),
        (
            "Lena Marsh and Dr. Omar Haddad opened the clinic in March. \u201cWe see forty families a day,\u201d "
            "they told the board.",
            [("We see forty families a day", "Lena Marsh and Omar Haddad")],
        ),
        # negatives: a group, not two people; three people; a sentence between
        (
            'Residents of the Maple Court complex gathered outside city hall. "We want the heat back on," they said.',
            [("We want the heat back on", None)],
        ),
        (
            'Tom Reyes, Lila Ortiz and Ann Cole run the shelter. "We have never turned anyone away," they said.',
            [("We have never turned anyone away", None)],
        ),
        (
            "Tom Reyes and Lila Ortiz run the shelter on Pine Street. Neighbors have helped for years. "
            '"We have never turned anyone away," they said.',
            [("We have never turned anyone away", None)],
        ),
    ],
)
def test_they_for_two_people_named_together(nlp: Language, text: str, expected: list[tuple[str, str | None]]) -> None:
    assert quotes(nlp, text) == expected


# --- "the department said": the organization the article names with that noun for its head -----


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Harbor City Police Department opened a new station on Elm Street. Mayor Ann Cole cut the ribbon. "
            '"The station will cut response times in the north end," the department said.',
            [("The station will cut response times in the north end", "Harbor City Police Department")],
        ),
        (
            'The Dunmore Teachers Union voted to strike on Friday. "Our members have had enough," the union said.',
            [("Our members have had enough", "Dunmore Teachers Union")],
        ),
        # negatives: no organization so named; a description with words of its own names another body
        (
            'Nurses at Valley General walked out on Friday. "We cannot keep working double shifts," the union said.',
            [("We cannot keep working double shifts", "union")],
        ),
        (
            "The Harbor City Police Department opened a new station. "
            '"Response times will drop this winter," the fire department said.',
            [("Response times will drop this winter", "fire department")],
        ),
    ],
)
def test_organization_description_is_the_organization_named_so(
    nlp: Language, text: str, expected: list[tuple[str, str | None]]
) -> None:
    assert quotes(nlp, text) == expected


# --- a heading with a speech noun that names one body introduces the quote paragraphs below ----


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The appeals court sided with the county on Friday.\n"
            "Ruling by the Fifth District Court of Appeal in Marsh v. Dunmore Transit Co.\n"
            "\u201cThe trial court erred when it refused the county's motion.\u201d\n"
            "\u201cThe order is reversed.\u201d",
            [
                ("The trial court erred when it refused the county's motion.", "Fifth District Court of Appeal"),
                ("The order is reversed.", "Fifth District Court of Appeal"),
            ],
        ),
        (
            "The county released its budget on Monday.\nStatement from the Harbor County Sheriff's Office\n"
            "\u201cDeputies will patrol the north end every night this winter.\u201d",
            [("Deputies will patrol the north end every night this winter.", "Harbor County Sheriff's Office")],
        ),
        # negatives: a heading that is a sentence; a heading with no speech noun
        (
            "The county released its budget on Monday.\nThe Harbor County Sheriff's Office issued a statement.\n"
            "\u201cDeputies will patrol the north end every night this winter.\u201d",
            [("Deputies will patrol the north end every night this winter.", None)],
        ),
        (
            "The county released its budget on Monday.\nNews from the Harbor County Sheriff's Office\n"
            "\u201cDeputies will patrol the north end every night this winter.\u201d",
            [("Deputies will patrol the north end every night this winter.", None)],
        ),
    ],
)
def test_heading_naming_one_body_introduces_quotes(
    nlp: Language, text: str, expected: list[tuple[str, str | None]]
) -> None:
    assert quotes(nlp, text) == expected


# --- a quoted term takes no speaker from another quote of its paragraph ------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Coach Marcus Bell liked to raise his fist and say, \u201cKeep rowing!\u201d That is how the crew "
            "trains. You don\u2019t \u201ckeep rowing\u201d only when the water is calm.",
            [("Keep rowing!", "Marcus Bell")],
        ),
        (
            "\u201cWe will finish the bridge by May,\u201d said Mayor Ann Cole. The old bridge was a "
            "\u201cdeath trap\u201d for years.",
            [("We will finish the bridge by May", "Ann Cole")],
        ),
        # negatives: the term said by its speaker in its own sentence stays a quotation
        (
            "\u201cWe will finish the bridge by May,\u201d said Mayor Ann Cole. Cole called the delay a "
            "\u201cpaper problem\u201d at best.",
            [("We will finish the bridge by May", "Ann Cole"), ("paper problem", "Ann Cole")],
        ),
    ],
)
def test_quoted_term_takes_no_speaker_from_another_quote(
    nlp: Language, text: str, expected: list[tuple[str, str | None]]
) -> None:
    assert quotes(nlp, text) == expected


# --- a quotation nested in another in marks of the same kind: one quote, the outer one ----------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "\u201cMy neighbor told me \u201clock the gate\u201d every night,\u201d said Sheriff Tom Reyes.",
            [("My neighbor told me \u201clock the gate\u201d every night", "Tom Reyes")],
        ),
        (
            "Judge Lena Marsh wrote: \u201cThe statute bars courts \u201cfrom weighing the motives\u201d of a "
            "party. The order stands.\u201d",
            [
                (
                    "The statute bars courts \u201cfrom weighing the motives\u201d of a party. The order stands.",
                    "Lena Marsh",
                )
            ],
        ),
        # negatives: the opening mark after an unclosed quotation's attribution opens the next one;
        # two quotations side by side stay two
        (
            "\u201cThe roads are clear, Mayor Ann Cole said. \u201cThe plows ran all night.\u201d",
            [("The roads are clear", "Ann Cole"), ("The plows ran all night.", "Ann Cole")],
        ),
        (
            "\u201cThe roads are clear,\u201d said Mayor Ann Cole. \u201cThe plows ran all night.\u201d",
            [("The roads are clear", "Ann Cole"), ("The plows ran all night.", "Ann Cole")],
        ),
    ],
)
def test_quotation_nested_in_marks_of_its_own_kind(
    nlp: Language, text: str, expected: list[tuple[str, str | None]]
) -> None:
    assert quotes(nlp, text) == expected


def test_a_flood_of_opening_marks_inside_a_quotation_stays_linear() -> None:
    import time

    started = time.perf_counter()
    pair_quotes("\u201c" + "a \u201cb " * 50_000 + "\u201d")
    assert time.perf_counter() - started < 2.0


# --- two people speaking together: "the two said", "both said", "said DDAs Quill and Tosh" ------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Sheriff Tom Reyes and Chief Lila Ortiz toured the new jail on Monday. "
            "\u201cThe cells are finally up to code,\u201d the two said.",
            [("The cells are finally up to code", "Tom Reyes and Lila Ortiz")],
        ),
        (
            "Sheriff Tom Reyes and Chief Lila Ortiz toured the new jail on Monday. "
            "\u201cThe cells are finally up to code,\u201d both said in a joint statement.",
            [("The cells are finally up to code", "Tom Reyes and Lila Ortiz")],
        ),
        (
            "The jail was inspected by Sheriff Tom Reyes and Chief Lila Ortiz on Monday. "
            "\u201cThe cells are finally up to code,\u201d the pair said.",
            [("The cells are finally up to code", "Tom Reyes and Lila Ortiz")],
        ),
        (
            "The defendant was sentenced on Friday. \u201cThe jury saw through his lies,\u201d said DDAs "
            "Mara Quill and Ben Tosh.",
            [("The jury saw through his lies", "Mara Quill and Ben Tosh")],
        ),
        (
            "Deputy District Attorneys Mara Quill and Ben Tosh tried the case. \u201cThe jury saw through "
            "his lies,\u201d said Quill and Tosh.",
            [("The jury saw through his lies", "Mara Quill and Ben Tosh")],
        ),
        # negatives: "two" of a group named after it; no two people named before; one of the pair speaks
        (
            "Sheriff Tom Reyes and Chief Lila Ortiz toured the new jail on Monday. "
            "\u201cThe cells were cold,\u201d two of the inmates said.",
            [("The cells were cold", None)],
        ),
        (
            "Three guards walked the halls. \u201cThe cells are finally up to code,\u201d the two said.",
            [("The cells are finally up to code", None)],
        ),
        (
            "Sheriff Tom Reyes and Chief Lila Ortiz toured the new jail on Monday. "
            "\u201cThe cells are finally up to code,\u201d Reyes said.",
            [("The cells are finally up to code", "Tom Reyes")],
        ),
    ],
)
def test_two_people_speaking_together(nlp: Language, text: str, expected: list[tuple[str, str | None]]) -> None:
    assert quotes(nlp, text) == expected


# --- words in quote marks in apposition to the noun before them: the name of that thing --------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Many of you have seen the film \u201cLost Harbor,\u201d which is about a fisherman from Maine.", []),
        ("Mayor Ann Cole praised the program \u201cSafe Streets,\u201d which began in March.", []),
        ('Sheriff Tom Reyes thanked the volunteers of the group "Night Watch" for their work.', []),
        # negatives: a noun for words themselves; a naming verb's object; a list of quoted words
        (
            "Mayor Ann Cole has used the phrase \u201cbroken windows\u201d in every speech this year.",
            [("broken windows", "Ann Cole")],
        ),
        ("Mayor Ann Cole called the old mayor \u201ca quitter\u201d on Monday.", [("a quitter", "Ann Cole")]),
        (
            "Senator Tom Reyes called his rival a \u201cliar,\u201d a \u201cfraud\u201d and "
            "\u201ca danger to the state.\u201d",
            [("liar", "Tom Reyes"), ("fraud", "Tom Reyes"), ("a danger to the state.", "Tom Reyes")],
        ),
    ],
)
def test_quoted_name_beside_its_noun_is_no_quotation(
    nlp: Language, text: str, expected: list[tuple[str, str | None]]
) -> None:
    assert quotes(nlp, text) == expected


# --- "the union said" after a sentence whose subject is one organization named otherwise ------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Riverbend Nurses Association endorsed the mayor on Friday. "
            "\u201cShe has stood with nurses for a decade,\u201d the union said in a statement.",
            [("She has stood with nurses for a decade", "Riverbend Nurses Association")],
        ),
        (
            "Harbor Patrol Services issued new rules for visa checks in May. "
            "\u201cNo check can catch every forged form,\u201d the agency said.",
            [("No check can catch every forged form", "Harbor Patrol Services")],
        ),
        # negatives: no organization is the subject before; two are
        (
            "Nurses at Valley General walked out on Friday. "
            "\u201cWe cannot keep working double shifts,\u201d the union said.",
            [("We cannot keep working double shifts", "union")],
        ),
        (
            "The Riverbend Nurses Association and the Harbor Teachers Guild met on Friday. "
            "\u201cWe stand together,\u201d the union said.",
            [("We stand together", "union")],
        ),
    ],
)
def test_organization_description_is_the_organization_of_the_sentence_before(
    nlp: Language, text: str, expected: list[tuple[str, str | None]]
) -> None:
    assert quotes(nlp, text) == expected


# --- "according to" a source, and a speech verb whose subject speaks: the subject --------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "According to the Harbor Times, spokesman Tom Reyes said \u201cthe mayor will sign the bill.\u201d",
            [("the mayor will sign the bill.", "Tom Reyes")],
        ),
        # negatives: "according to" alone; the verb's subject before it
        (
            "\u201cThe bridge will reopen in May,\u201d according to Mayor Ann Cole.",
            [("The bridge will reopen in May", "Ann Cole")],
        ),
        (
            "\u201cThe bridge will reopen in May,\u201d Tom Reyes said, according to the Harbor Times.",
            [("The bridge will reopen in May", "Tom Reyes")],
        ),
    ],
)
def test_speech_verb_subject_over_according_to(
    nlp: Language, text: str, expected: list[tuple[str, str | None]]
) -> None:
    assert quotes(nlp, text) == expected


# --- a speech verb on a noun: the one the noun is from speaks ----------------------------------


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Mayor Ada Park backs a campaign from the Road Board reminding drivers that \u201cFog Means Slow.\u201d",
            "Road Board",
        ),
        (
            "The Sheriff\u2019s Office supports efforts from NTSA reminding the public that "
            "\u201cTired Driving Is Drunk Driving.\u201d Rest often.",
            "NTSA",
        ),
    ],
)
def test_speech_verb_on_a_noun_speaks_for_who_the_noun_is_from(nlp: Language, text: str, speaker: str) -> None:
    assert [s for _, s in quotes(nlp, text)] == [speaker]


@pytest.mark.parametrize(
    ("text", "not_speaker"),
    [
        # negative: no "from" or "by": the clause's own search decides
        ("Mayor Ada Park backs a campaign reminding drivers that \u201cFog Means Slow.\u201d", "Road Board"),
        # negative: what the noun is from cannot speak
        (
            "Mayor Ada Park backs a campaign from last spring reminding drivers that \u201cFog Means Slow.\u201d",
            "spring",
        ),
    ],
)
def test_speech_verb_on_a_noun_without_a_source_after_it(nlp: Language, text: str, not_speaker: str) -> None:
    speakers = [s for _, s in quotes(nlp, text)]
    assert len(speakers) == 1 and not_speaker not in (speakers[0] or "")


# --- a title in quote marks right after its owner names a show or a work, not speech -----------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ann Cole told the network\u2019s \u201cHarbor Morning Live\u201d on Friday that the race was close.", []),
        ('Tom Reyes called in to his "Straight Talk Tonight" radio show.', []),
        ('Reyes praised the council\'s "Safe Streets Now" plan on Monday.', []),
        # negatives: a title-cased sentence said to a crowd, and words reported after "that"
        ('Ann Cole told the crowd, "We Will Not Be Moved."', [("We Will Not Be Moved.", "Ann Cole")]),
        ('Ann Cole told reporters that the plan was "Dead On Arrival."', [("Dead On Arrival.", "Ann Cole")]),
        (
            "Ann Cole told the network\u2019s morning show: \u201cWe will win this county by ten points.\u201d",
            [("We will win this county by ten points.", "Ann Cole")],
        ),
    ],
)
def test_owned_titles_are_works(nlp: Language, text: str, expected: list[tuple[str, str | None]]) -> None:
    assert quotes(nlp, text) == expected


# --- a person described by age alone ("the 29-year-old said") refers back like "he" or "she" ----


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Rosa Vance was one of the first to reach the pier. \u201cThe smoke was black,\u201d the 29-year-old said.",
            [("The smoke was black", "Rosa Vance")],
        ),
        (
            "Omar Haddad lost his boat in the storm. \u201cI have nothing left,\u201d said the 61-year-old.",
            [("I have nothing left", "Omar Haddad")],
        ),
        # negatives: no one named before the description; an age before a noun leaves that noun the source
        ("\u201cI heard two bangs,\u201d said the 40-year-old, who lives nearby.", [("I heard two bangs", None)]),
        (
            "Rosa Vance runs the ferry. \u201cThe pier is closed,\u201d the 29-year-old harbor guard said.",
            [("The pier is closed", "harbor guard")],
        ),
    ],
)
def test_age_descriptions(nlp: Language, text: str, expected: list[tuple[str, str | None]]) -> None:
    assert quotes(nlp, text) == expected


# --- a description by occupation or standing ("the baker", "the retiree") refers back to the ---
# person named before it, never to one the article introduces as someone's relative


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Rosa Vance opened her bakery in 1998. \u201cFlour has doubled in price,\u201d the baker said.",
            [("Flour has doubled in price", "Rosa Vance")],
        ),
        (
            "Omar Haddad taught chemistry for thirty years. \u201cThe pension is not enough,\u201d the retiree said.",
            [("The pension is not enough", "Omar Haddad")],
        ),
        # a relative's own description still refers back to that relative
        (
            "Omar Haddad\u2019s mother, Lena Marsh, waited. \u201cHe always came home,\u201d the mother said.",
            [("He always came home", "Lena Marsh")],
        ),
        # negatives: the one named last is introduced as a relative; no one is named at all
        (
            "Omar Haddad\u2019s cousin, Lena Marsh, moved away in 2001. \u201cThe town gave up,\u201d the poet said.",
            [("The town gave up", "the poet")],
        ),
        ("\u201cThe ward is full every night,\u201d the nurse said.", [("The ward is full every night", "the nurse")]),
    ],
)
def test_descriptions_refer_back(nlp: Language, text: str, expected: list[tuple[str, str | None]]) -> None:
    assert quotes(nlp, text) == expected


# --- a participle clause with a speech verb opening the sentence: the main clause's subject speaks


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Rosa Vance has backed Omar Haddad for months. Claiming the audits of Haddad were staged to "
            "embarrass the board, Vance told the Gazette that \u201cthey want him out because he asked.\u201d",
            [("they want him out because he asked.", "Rosa Vance")],
        ),
        (
            "Insisting the ferry was safe, Lena Marsh said the crew had \u201cdone everything by the book.\u201d",
            [("done everything by the book.", "Lena Marsh")],
        ),
        # negative: a participle inside the main clause keeps its own subject
        (
            "Omar Haddad stood up, saying \u201cthe numbers do not add up.\u201d",
            [("the numbers do not add up.", "Omar Haddad")],
        ),
    ],
)
def test_opening_participle_clauses(nlp: Language, text: str, expected: list[tuple[str, str | None]]) -> None:
    assert quotes(nlp, text) == expected


# --- an unnamed source goes on speaking: "he", "she" or "the man" right after a quotation by "a ---
# neighbor" is that neighbor, not someone named before (a wrong name looks right; a description is honest)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Police named the driver as Omar Haddad, 31. \u201cThe car hit the wall,\u201d a neighbor said. "
            "\u201cThen it caught fire,\u201d she said.",
            [("The car hit the wall", "a neighbor"), ("Then it caught fire", "a neighbor")],
        ),
        (
            "Omar Haddad was hurt in the blast. \u201cI saw the flash,\u201d said one witness. "
            "\u201cHe was still awake,\u201d the man said.",
            [("I saw the flash", "one witness"), ("He was still awake", "the man")],
        ),
        # negatives: someone named since the unnamed source; a pronoun of the other gender
        (
            "\u201cThe car hit the wall,\u201d a neighbor said. Lena Marsh lives next door. "
            "\u201cI called the police,\u201d she said.",
            [("The car hit the wall", "a neighbor"), ("I called the police", "Lena Marsh")],
        ),
        (
            "Omar Haddad runs the garage. \u201cThe car hit the wall,\u201d one mother said. "
            "\u201cI heard it from the back,\u201d he said.",
            [("The car hit the wall", "one mother"), ("I heard it from the back", "Omar Haddad")],
        ),
    ],
)
def test_unnamed_source_goes_on(nlp: Language, text: str, expected: list[tuple[str, str | None]]) -> None:
    assert quotes(nlp, text) == expected


# --- a statement or document "from" or "by" someone speaks for its issuer ----------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The driver \u201cwas going too fast,\u201d according to a short statement from the Brookfield Police.",
            [("was going too fast", "Brookfield Police")],
        ),
        (
            "\u201cWe mourn with the town,\u201d read a statement from Mayor Lena Marsh.",
            [("We mourn with the town", "Lena Marsh")],
        ),
        (
            "The firm \u201cwill cooperate fully,\u201d according to an email from the company\u2019s lawyer.",
            [("will cooperate fully", "the company\u2019s lawyer")],
        ),
        # negatives: a statement with no issuer named; a statement about something
        (
            "The mill \u201cwill reopen in May,\u201d according to a statement released on Friday.",
            [("will reopen in May", "a statement")],
        ),
        (
            "The pier \u201cis closed until further notice,\u201d according to a notice about the storm.",
            [("is closed until further notice", "a notice")],
        ),
    ],
)
def test_statement_from_its_issuer(nlp: Language, text: str, expected: list[tuple[str, str | None]]) -> None:
    assert quotes(nlp, text) == expected


# --- words named as someone's right before the quotation: "a saying by X, “…”" -------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The chief keeps on her desk a saying by Judge Ana Ruiz, \u201cPatience wins more cases than anger.\u201d",
            [("Patience wins more cases than anger.", "Ana Ruiz")],
        ),
        (
            "Mayor Lena Marsh read a quote from Governor Tom Reyes: \u201cEvery child deserves a safe school.\u201d",
            [("Every child deserves a safe school.", "Tom Reyes")],
        ),
        (
            "Superintendent Carla Diaz shared a message from Coach Ben Ito: \u201cPractice starts at dawn.\u201d",
            [("Practice starts at dawn.", "Ben Ito")],
        ),
        # negative: "by" after a noun that names no words is no source of the quotation
        (
            "Mayor Lena Marsh stood by Governor Tom Reyes and said: \u201cWe will rebuild the pier.\u201d",
            [("We will rebuild the pier.", "Lena Marsh")],
        ),
        # negative: a noun of words far from the quotation leaves the speech verb its subject
        (
            "After a quote from Governor Tom Reyes, Mayor Lena Marsh said, \u201cWe will rebuild the pier.\u201d",
            [("We will rebuild the pier.", "Lena Marsh")],
        ),
    ],
)
def test_words_named_as_a_sources_before_the_quotation(
    nlp: Language, text: str, expected: list[tuple[str, str | None]]
) -> None:
    assert quotes(nlp, text) == expected


# --- a person's statement or letter that speaks: "Roe's statement read: “…”" --------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Chief Dana Roe leads the unit.\nRoe's statement read in part: \u201cWe will review every case.\u201d",
            [("We will review every case.", "Dana Roe")],
        ),
        (
            "Superintendent Carla Diaz wrote to parents.\nDiaz's letter said, \u201cClasses resume on Monday.\u201d",
            [("Classes resume on Monday.", "Carla Diaz")],
        ),
        # negative: a body's report stays the source as written
        (
            "The board's report said, \u201cThe roof needs repairs within a year.\u201d",
            [("The roof needs repairs within a year.", "The board's report")],
        ),
    ],
)
def test_a_persons_statement_speaks_for_them(nlp: Language, text: str, expected: list[tuple[str, str | None]]) -> None:
    assert quotes(nlp, text) == expected


# --- "Per Sheriff Mark Olsen, “…”": "per" as "according to" ---------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Deputies searched the field.\nPer Sheriff Mark Olsen, \u201cthe suspect fled on foot.\u201d",
            [("the suspect fled on foot.", "Mark Olsen")],
        ),
        (
            "The pool opens in May. Per Director Omar Haddad, \u201cthe lifeguards are all trained.\u201d",
            [("the lifeguards are all trained.", "Omar Haddad")],
        ),
        # negative: "per" in a rate names no source
        (
            "The fee is ten dollars per visit and \u201cno one is turned away.\u201d",
            [("no one is turned away.", None)],
        ),
    ],
)
def test_per_names_the_source(nlp: Language, text: str, expected: list[tuple[str, str | None]]) -> None:
    assert quotes(nlp, text) == expected


# --- a quotation signed on the line below: "“…”" / "- Chief Dana Roe" ----------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "\u201cWe never gave up on this case.\u201d\n- Chief Dana Roe",
            [("We never gave up on this case.", "Dana Roe")],
        ),
        (
            "\u201cEvery child should learn to swim.\u201d\n\u2014 Director Omar Haddad, Harbor Parks",
            [("Every child should learn to swim.", "Omar Haddad")],
        ),
        # negative: a dashed line that names no person signs nothing
        ("\u201cWe never gave up on this case.\u201d\n- End -", [("We never gave up on this case.", None)]),
    ],
)
def test_quotation_signed_on_the_line_below(nlp: Language, text: str, expected: list[tuple[str, str | None]]) -> None:
    assert quotes(nlp, text) == expected


# --- "he" or "she" after an unnamed person takes the floor: no named speaker ---------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Prosecutor Ruth Kline won the case.\nThe victim's mother spoke at the sentencing.\n"
            "\u201cMy son was kind and funny,\u201d she said.",
            [("My son was kind and funny", None)],
        ),
        (
            "\u201cJustice was done,\u201d Prosecutor Ruth Kline said.\nA juror told reporters the case was hard.\n"
            "\u201cWe took our time,\u201d she said.",
            [("Justice was done", "Ruth Kline"), ("We took our time", None)],
        ),
        # negative: an unnamed person who does not speak leaves "she" to the person named
        (
            "Prosecutor Ruth Kline won the case.\nThe victim was taken to a hospital.\n"
            "\u201cThis was a brutal attack,\u201d she said.",
            [("This was a brutal attack", "Ruth Kline")],
        ),
        # negative: a role the article gives a named person is that person
        (
            "Juror Ann Cole met the press.\nThe juror spoke outside the courthouse.\n"
            "\u201cWe took our time,\u201d she said.",
            [("We took our time", "Ann Cole")],
        ),
    ],
)
def test_pronoun_after_an_unnamed_person_takes_the_floor(
    nlp: Language, text: str, expected: list[tuple[str, str | None]]
) -> None:
    assert quotes(nlp, text) == expected


# --- a quoted title with "to" and a verb is no clause: "“Order Granting Motion to Suppress”" ------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The county appealed the orders issued in May by Judge Ana Ruiz, "
            "\u201cOrder Granting Motion to Suppress Evidence.\u201d The appeal is pending.",
            [],
        ),
        # negative: a title-case sentence with a finite verb, said by someone, is a quotation
        (
            "\u201cSafe Streets Start With Us,\u201d said Chief Dana Roe.",
            [("Safe Streets Start With Us", "Dana Roe")],
        ),
        # negative: an infinitive inside a real sentence leaves the sentence a clause
        (
            "\u201cWe want to help every family,\u201d said Chief Dana Roe.",
            [("We want to help every family", "Dana Roe")],
        ),
    ],
)
def test_quoted_title_with_an_infinitive_is_no_clause(
    nlp: Language, text: str, expected: list[tuple[str, str | None]]
) -> None:
    assert quotes(nlp, text) == expected
