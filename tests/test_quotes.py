"""Quotations on real news: what is a quotation, who said it. Sentences written for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

from extractor.extract import extract_text
from extractor.models import ArticleRecord, SpeakerType
from extractor.quotes import _name_type, pair_quotes


def quotes(nlp: Language, text: str) -> list[tuple[str, str | None]]:
    result = extract_text(text, nlp)
    assert isinstance(result, ArticleRecord), result
    return [(q.text, q.speaker) for q in result.quotes]


# --- what is a quotation -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a reporting cue makes even a short fragment a quotation
        ("Mayor Ann Cole called the plan \u201creckless\u201d on Monday.", [("reckless", "Ann Cole")]),
        ("Sheriff Tom Reyes said the audit was \u201ca total mess.\u201d", [("a total mess.", "Tom Reyes")]),
        # a full clause in the marks is a quotation without a cue
        ("\u201cWe will not back down.\u201d The council met again on Friday.", [("We will not back down.", None)]),
        # a slogan a speaker says is quoted, though its words are title-cased
        (
            "Mayor Ann Cole said the city would \u201cBuild Back Stronger.\u201d",
            [("Build Back Stronger.", "Ann Cole")],
        ),
        # an exclamation or a question is an utterance however short
        ("The crowd chanted \u201cMore buses!\u201d outside.", [("More buses!", None)]),
        # a slogan that is a sentence
        (
            "The campaign's motto, \u201cSafe Streets Start Here.\u201d, is on every bus.",
            [("Safe Streets Start Here.", None)],
        ),
    ],
)
def test_quotations(nlp: Language, text: str, expected: list[tuple[str, str | None]]) -> None:
    assert quotes(nlp, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # scare quotes: a term in marks with no one saying it
        "Thieves strip the cars in a \u201cchop house\u201d near the river.",
        "The unit \u201cflags\u201d repeat offenders for the prosecutors.",
        "The report counted \u201cinactive\u201d members apart.",
        # a term in a sentence whose subject is a description of a person, with no speech verb
        "Sheriff Tom Reyes spoke first. The Sheriff then gathered planners for a \u201cbrain trust\u201d on roads.",
        # names of programs and events, titles of works, nicknames
        "The office runs a program called \u201cSecond Look\u201d for young drivers.",
        "Volunteers joined the \u201cWalk for Light\u201d on Saturday.",
        "This year's theme is \u201cStronger Together, Safer Homes.\u201d",
        "The film \u201cNight of the River\u201d opened downtown.",
        "Residents know him as \u201cBig Lou\u201d around the market.",
        # a title-cased name the parse hangs on no speech verb, though one is near
        "Enclosed is a roster of \u201cNever Left Behind\u201d\nveterans whom officials promise will be honored.",
        "The county printed \u201cSafe at Home\u201d flyers that officials say will reach every house.",
        # a show or a work something is said on or in, though a speech verb is near
        "Mayor Ann Cole said on \u201cHarbor Morning Live,\u201d that the plan was sound.",
        'Gov. Tom Reyes told viewers of "Sunday Straight Talk" that taxes would fall.',
    ],
)
def test_quoted_terms_names_and_titles_are_not_quotations(nlp: Language, text: str) -> None:
    assert quotes(nlp, text) == []


# --- lines broken inside a sentence ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a hard-wrapped release: the quote and its attribution run over lines
        (
            "\u201cWe are grateful for this grant, which will keep the youth program running for\n"
            "another two years in our county,\u201d said Harbor County\n"
            "District Attorney Lena Marsh.",
            [
                (
                    "We are grateful for this grant, which will keep the youth program running for "
                    "another two years in our county",
                    "Lena Marsh",
                )
            ],
        ),
        # a page that put the speaker's linked name on a line of its own
        (
            "\u201cEvery call matters,\u201d said\nSheriff Tom Reyes\n. \u201cWe answer them all.\u201d",
            [("Every call matters", "Tom Reyes"), ("We answer them all.", "Tom Reyes")],
        ),
        (
            "\u201cThe new lab cuts the wait,\u201d\nremarked Crime Lab Director Omar Haddad\nof the state police.",
            [("The new lab cuts the wait", "Omar Haddad")],
        ),
    ],
)
def test_lines_broken_inside_a_sentence_are_joined(
    nlp: Language, text: str, expected: list[tuple[str, str | None]]
) -> None:
    assert quotes(nlp, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # a paragraph that ends a sentence, then a heading: no speaker read across the break
        "\u201cWe are ready for the storm.\u201d\nHarbor County Emergency Office\nResidents should stock water.",
        # a blank line always ends a paragraph
        "\u201cWe are ready for the storm,\u201d\n\nsaid nobody in particular, Dan Reyes wrote.",
    ],
)
def test_speakers_are_not_read_across_paragraph_breaks(nlp: Language, text: str) -> None:
    assert [s for _, s in quotes(nlp, text)] == [None]


def test_pairing_joins_wrapped_lines_but_not_paragraphs() -> None:
    text = "\u201cOne line\nand the next,\u201d she said.\n\n\u201cA new one.\u201d"
    assert [q.text for q in pair_quotes(text)] == ["One line and the next", "A new one."]


# --- who said it -------------------------------------------------------------------------------


def speakers(nlp: Language, text: str) -> list[str | None]:
    return [s for _, s in quotes(nlp, text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # pronouns go to the last person of that gender, the first name telling the gender
        (
            "Councilwoman Dana Whitfield met Gov. Marcus Bell on Monday.\n\n\u201cWe found the money,\u201d she said.",
            ["Dana Whitfield"],
        ),
        (
            "Robert Lindqvist thanked Dana Whitfield for the plan.\n\n\u201cIt took a year,\u201d he said.",
            ["Robert Lindqvist"],
        ),
        # the speaker of the quote before goes on speaking
        (
            "\u201cWe are behind,\u201d said Rosa Lindqvist, who chairs the caucus.\n\n"
            "Lindqvist believes the Marcus Bell campaign waited too long.\n\n"
            "\u201cThey never called us,\u201d she said.",
            ["Rosa Lindqvist", "Rosa Lindqvist"],
        ),
        # a name that modifies a noun is no antecedent: "the Garcia campaign"
        (
            "Tom Reyes has led the county party for years.\n\n"
            "Reyes said the Garcia campaign had ignored the suburbs.\n\n\u201cIt shows,\u201d he said.",
            ["Tom Reyes"],
        ),
        # a surname written alone, which the entity recognizer may miss, still names the person
        (
            "Retired Col. Victor Pike spoke to reporters. Later, Pike said he had doubts about "
            "Senator Ruth Calder.\n\n\u201cI was never consulted,\u201d he said.",
            ["Victor Pike"],
        ),
        # a title and the name closing the subject phrase
        (
            "\u201cThe seizures are up,\u201d remarked Special Agent in Charge Lena Marsh of the field office.",
            ["Lena Marsh"],
        ),
        # a person set off by a long appositive, a network named beside the verb
        (
            "\u201cThe plan is sound,\u201d Lindqvist, a longtime party adviser, said Monday on Harbor News.",
            ["Lindqvist"],
        ),
        # a verb the release left out: the name after the quote
        (
            "\u201cWe are ready for the season,\u201d District Attorney Ann Cole. \u201cCall us.\u201d",
            ["Ann Cole", "Ann Cole"],
        ),
        # a heading that introduces the quotes under it
        (
            "Statement from Harbor County Sheriff Tom Reyes\n\u201cOur deputies worked through the night.\u201d",
            ["Tom Reyes"],
        ),
        # according to a person
        ("\u201cThe plan failed,\u201d according to Comptroller Dee Park.", ["Dee Park"]),
        # a one-letter slip in a surname is the same person when the role agrees
        (
            "Chief Robert Tracey spoke first.\n\n\u201cOfficers keep us safe,\u201d Tracy said.",
            ["Robert Tracey"],
        ),
        # a misspelling with the same first name is the same person
        (
            "\u201cWe heard you,\u201d said Victor Ramos. \u201cThank you all,\u201d said Victor Rmaos.",
            ["Victor Ramos", "Victor Ramos"],
        ),
        # a common noun opening a sentence borrows no name from the sentence before
        (
            "The governor sent the National Guard. Protesters marched past the line, chanting "
            '"Whose streets? Our streets!"',
            [None],
        ),
        # ... and a group is its own source, as the article names it
        (
            'The mayor thanked Chief Ann Cole. Residents said the curfew was "far too early for a weekend."',
            ["Residents"],
        ),
        # ... but a name written before its verb is read whole
        ('"We will stay," Mary Okonkwo said.', ["Mary Okonkwo"]),
        # a label before a first name is no part of the name, and the first name gives the gender
        ("\u201cI am proud of my country,\u201d said former Miss Universe Maria Delgado.", ["Maria Delgado"]),
        (
            "He kept calling her Crooked Hillary Clinton.\n\n\u201cShe is not fit,\u201d he said.",
            [None],
        ),
        # a past participle describing a noun reports no one's words; the verb after it does
        (
            "Sen. Tom Reyes (R-Harbor) is endorsing Mayor Ann Cole's campaign.\n\n"
            'In a video released Friday, Reyes said he had "real doubts" about Cole but would back her.',
            ["Tom Reyes"],
        ),
        ('The report released Monday said the program was "badly managed."', ["The report"]),
        # "they" is never the one person named last: here the two named together as the subject
        # before it (a joint source, as the PolNeAR gold resolves "they" for two named senators)
        (
            "Sen. Ann Cole and Sen. Tom Reyes wrote to the agency on Monday.\n\n"
            "\u201cThe program has lost its way,\u201d they wrote.",
            ["Ann Cole and Tom Reyes"],
        ),
        # a kin word settles a gender that the first name leaves open ("Robin" is mostly male)
        (
            "\u201cThe ruling ignores our families,\u201d said flood widow Robin Ashcombe.\n\n"
            "She went on, \u201cAll we want is a day in court.\u201d",
            ["Robin Ashcombe", "Robin Ashcombe"],
        ),
        # a first name that is only mostly one gender does not stop the pronoun of the other when
        # no one else fits
        (
            "Robin Ashcombe, whose house burned in the fire, spoke first.\n\n"
            "\u201cAll we want is a day in court,\u201d she said.",
            ["Robin Ashcombe"],
        ),
        # ... but a sure first name does: "she" is not Mark Ellery
        (
            "Mark Ellery, whose house burned in the fire, spoke first.\n\n"
            "\u201cAll we want is a day in court,\u201d she said.",
            [None],
        ),
        # a speech verb in a clause about the one spoken to does not report the quote; the name
        # set off by an appositive before the outer verb does
        (
            "At a forum in Boston, Tom H. Reyes, the head of the Urban Fund, bluntly told a student "
            'who argued that many voters might sit out the election that "staying home is not a strategy."',
            ["Tom H. Reyes"],
        ),
        ('Ann Cole told a reporter who asked about the budget that "the money is already spent."', ["Ann Cole"]),
        # a name in apposition closing the subject phrase, wherever the parse hangs it; a name
        # inside the phrase that is not its appositive is not the speaker
        (
            "Her former partner at the Lakeside clinic, Dr. Paul Ferris, called her a born organizer. "
            '"She could get anyone to agree to anything."',
            ["Paul Ferris"],
        ),
        # (someone the article does not name is the source as written, never the person named in it)
        ('The lawyer for Paul Ferris said "the claim has no merit."', ["The lawyer for Paul Ferris"]),
        ('A spokesman for the clinic, which Paul Ferris founded, said "the claim has no merit."', ["A spokesman"]),
        # a hyphenated given name with a lowercase second part is one name
        (
            'Secretary General Pak Ho-sung condemned the test.\n\n"We must stop this spiral," he told reporters.',
            ["Pak Ho-sung"],
        ),
        # antecedents that act without being a grammatical subject: the person a relative clause
        # has act, and the agent of a passive verb
        (
            "Lena Marsh praised the budget. It has turned into a central question of the campaign, with Ann Cole, who "
            'has called for higher taxes, attacking the plan.\n\n"It is a gift to the rich," she said.',
            ["Ann Cole"],
        ),
        (
            "Lena Marsh praised the budget. The plan was attacked on Monday by Ann Cole.\n\n"
            '"It is a gift to the rich," she said.',
            ["Ann Cole"],
        ),
        # ... but a person only spoken of, as an object, is not preferred to the subject before
        (
            "Lena Marsh praised the budget. The plan was sent on Monday to Ann Cole.\n\n"
            '"It is a gift to the rich," she said.',
            ["Lena Marsh"],
        ),
        # the speech verb the quotation hangs on in the parse reports it, not a later one nearby
        (
            "Retired Gen. Tom Reyes said Mayor Ann Cole was \u201cplainly wrong\u201d when she said on "
            "Tuesday that the budget was balanced.",
            ["Tom Reyes"],
        ),
        (
            "\u201cThe budget is balanced,\u201d Mayor Ann Cole said, though Gen. Tom Reyes said it was not.",
            ["Ann Cole"],
        ),
        # a second quoted fragment in the reported clause is the reporter's too, not its subject's
        (
            "Ann Cole tweeted that Tom Reyes was \u201crude\u201d and \u201ca bully\u201d on Monday.",
            ["Ann Cole", "Ann Cole"],
        ),
        # the subject of the main clause, not of the clause it reports, is the antecedent
        (
            "Two voters, Tyra Halloran and Bryan Ames, came to the rally. Halloran said Mayor Ann Cole "
            'does not show "any consistency at all."\n\n"It is only when the cameras are there," she said.',
            ["Tyra Halloran", "Tyra Halloran"],
        ),
        (
            "Mayor Ann Cole spoke at the rally. Tyra Halloran said she was not convinced.\n\n"
            '"It is only when the cameras are there," she said.',
            ["Tyra Halloran"],
        ),
        # a source introduced by full name and role right before the quote speaks ...
        (
            "While Gov. Marcus Bell won the county easily, the low turnout worries Tom Reyes, president "
            "of the county caucus.\n\n\u201cWe need more volunteers,\u201d he said.",
            ["Tom Reyes"],
        ),
        # ... unless a subject follows the introduction in that sentence
        (
            "In a talk with Tom Reyes, president of the county caucus, Gov. Marcus Bell said turnout was "
            "low.\n\n\u201cWe need more volunteers,\u201d he said.",
            ["Marcus Bell"],
        ),
        # the person a subject's relative clause names is not the speaker
        ('The reporter who asked Ann Cole about the budget said "the answer was evasive."', ["The reporter"]),
        # the quote a pronoun reports is not its own antecedent; a surname the entity recognizer
        # tags as a place, standing as a clause's subject, is still the person
        (
            "Rep. Dana Houston, the ranking member of the panel, criticised the agency on Tuesday.\n\n"
            "President Obama met Chancellor Merkel in Berlin. He did not mention the agency.\n\n"
            "Houston called on the agency to \u201copen its books\u201d before the vote. That could "
            "include an audit of every contract signed since 2019.\n\n"
            "\u201cWe know the money went somewhere, and the public deserves to know where,\u201d she said.",
            ["Dana Houston", "Dana Houston"],
        ),
    ],
)
def test_speakers(nlp: Language, text: str, expected: list[str | None]) -> None:
    assert speakers(nlp, text) == expected


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        # a surname that is also a first name ("Graham") tells no gender when the headline writes it
        # after a first name: "she" is the person the article calls by that surname alone
        (
            "Judith Graham Answers Her Critics",
            "Graham spoke to the council on Monday, days after Pavel Ostrowski filed his complaint.\n\n"
            "\u201cThe complaint has no basis,\u201d she said.",
            ["Graham"],
        ),
        # ... and a full name in the text says the same
        (
            None,
            "Judith Graham chairs the panel. Pavel Ostrowski filed a complaint.\n\n"
            "Graham spoke to the council on Monday.\n\n\u201cThe complaint has no basis,\u201d she said.",
            ["Judith Graham"],
        ),
        # negative: a headline that writes the word first ("Graham Pike ...") leaves it a first name
        (
            "Graham Pike Answers His Critics",
            "Graham spoke to the council on Monday, days after Pavel Ostrowski filed his complaint.\n\n"
            "\u201cThe complaint has no basis,\u201d she said.",
            [None],
        ),
    ],
)
def test_a_surname_alone_tells_no_gender(
    nlp: Language, title: str | None, text: str, expected: list[str | None]
) -> None:
    result = extract_text(text, nlp, title=title)
    assert isinstance(result, ArticleRecord), result
    assert [q.speaker for q in result.quotes] == expected


@pytest.mark.parametrize(
    ("text", "organization"),
    [
        (
            "\u201cThe road will reopen Friday,\u201d the county transportation department said.",
            "county transportation department",
        ),
        ("\u201cNo one was hurt,\u201d according to the Harbor Transit Authority.", "Harbor Transit Authority"),
    ],
)
def test_an_organization_is_the_speaker(nlp: Language, text: str, organization: str) -> None:
    result = extract_text(text, nlp)
    assert isinstance(result, ArticleRecord)
    found = [(q.speaker, q.speaker_type, q.speaker_organization) for q in result.quotes]
    assert found == [(organization, SpeakerType.organization, organization)]


def typed(nlp: Language, text: str) -> list[tuple[str | None, SpeakerType | None]]:
    result = extract_text(text, nlp)
    assert isinstance(result, ArticleRecord), result
    return [(q.speaker, q.speaker_type) for q in result.quotes]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # organizations by name or by the noun that names a body
        ("\u201cThe plan failed,\u201d Reuters reported.", ("Reuters", SpeakerType.organization)),
        (
            "The water board met on Monday. \u201cRates will rise in May,\u201d the board said.",
            ("board", SpeakerType.organization),
        ),
        # documents and groups, as the article writes them
        ("\u201cThe numbers do not add up,\u201d the report said.", ("the report", SpeakerType.other)),
        (
            "According to the audit released Tuesday, the city \u201clost track of every contract it signed.\u201d",
            ("the audit", SpeakerType.other),
        ),
        (
            "Small groups of parents said the new bus routes were \u201ctoo long for young children.\u201d",
            ("Small groups of parents", SpeakerType.other),
        ),
        # a person the article does not name: the description as written
        ("\u201cThe vote was close,\u201d a neighbor said.", ("a neighbor", SpeakerType.other)),
        # a person by name
        ("\u201cWe are ready,\u201d said Mayor Ann Cole.", ("Ann Cole", SpeakerType.person)),
        # negative: a pronoun for a group or a thing is no one source, and no source is null
        ("The council met late. \u201cWe are not ready,\u201d they said.", (None, None)),
        ("\u201cWe will not back down.\u201d The council met again on Friday.", (None, None)),
    ],
)
def test_every_attributed_quote_has_a_source(
    nlp: Language, text: str, expected: tuple[str | None, SpeakerType | None]
) -> None:
    assert typed(nlp, text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # one person named in the role: "the mayor" is that person
        (
            "Mayor Ann Cole opened the meeting. Later, Tom Reyes spoke about taxes.\n\n"
            "\u201cWe will fix the bridge,\u201d the mayor said.",
            "Ann Cole",
        ),
        # the role written beside the name, in apposition or after "as"
        (
            "Ann Cole, the Republican nominee, toured the plant. Her rival, Leon Marsh, stayed home.\n\n"
            "\u201cJobs are coming back,\u201d the nominee said.",
            "Ann Cole",
        ),
        (
            "Leon Marsh hired Dana Whitfield as his spokeswoman in May.\n\n"
            "\u201cHe will not resign,\u201d his spokeswoman said.",
            "Dana Whitfield",
        ),
        # two people in the role: the one whose role is written with the description's own words
        (
            "Gov. Ann Cole of Ohio and Gov. Tom Reyes of Utah met on Monday.\n\n"
            "\u201cWe agree on water,\u201d the Utah governor said.",
            "Tom Reyes",
        ),
        # a role the article gives no one: the person it refers back to, like "he" or "she"
        (
            "Sen. Ann Cole toured the flooded valley on Monday with local farmers.\n\n"
            "\u201cThe farms need help now,\u201d the Vermont senator said.",
            "Ann Cole",
        ),
        (
            "Dana Whitfield urged the council to act on Monday.\n\n"
            "\u201cThe vote cannot wait,\u201d Senator Brandt's former campaign adviser said.",
            "Dana Whitfield",
        ),
    ],
)
def test_a_description_is_the_person_it_means(nlp: Language, text: str, expected: str) -> None:
    assert typed(nlp, text) == [(expected, SpeakerType.person)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # two mayors and nothing to tell them apart: the description stays as written
        (
            "Mayor Ann Cole and Mayor Tom Reyes met on Monday.\n\n\u201cWe agree on water,\u201d the mayor said.",
            ("the mayor", SpeakerType.other),
        ),
        # someone the article does not name is not the person named last
        (
            "Tom Reyes spoke first at the hearing.\n\n\u201cHe was wrong,\u201d one witness said.",
            ("one witness", SpeakerType.other),
        ),
        # a description qualified by a name is never that person ("Cole's aide" is not Cole)
        (
            "Ann Cole left the hearing early.\n\n\u201cShe had a flight,\u201d Cole's longtime aide said.",
            ("Cole's longtime aide", SpeakerType.other),
        ),
    ],
)
def test_a_description_stays_as_written_where_it_names_no_one_person(
    nlp: Language, text: str, expected: tuple[str, SpeakerType]
) -> None:
    assert typed(nlp, text) == [expected]


def test_different_roles_are_different_people_despite_close_surnames(nlp: Language) -> None:
    text = (
        "Police Chief Tom Hall praised the unit.\n\n"
        "\u201cWe followed every lead,\u201d Det. Sara Hill said. \u201cIt paid off,\u201d Hill added."
    )
    result = extract_text(text, nlp)
    assert isinstance(result, ArticleRecord)
    assert [q.speaker for q in result.quotes] == ["Sara Hill", "Sara Hill"]
    assert sorted(o.name for o in result.officials) == ["Sara Hill", "Tom Hall"]


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        # a name with no person known is a person's, above all when a first name opens it
        ("Walt Rivera", SpeakerType.person),
        ("Dana Court", SpeakerType.person),
        # an acronym or a word naming a body is an organization
        ("OCDA", SpeakerType.organization),
        ("Harbor County Sheriff's Office", SpeakerType.organization),
        # negative: one capitalized word with no entity tag stays a person (a surname)
        ("Okafor", SpeakerType.person),
    ],
)
def test_what_a_name_written_alone_is(name: str, kind: SpeakerType) -> None:
    assert _name_type(name, None) is kind
