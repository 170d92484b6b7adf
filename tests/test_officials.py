"""Officials on real releases: who is one, with which title. Sentences written for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

from extractor.extract import extract_text
from extractor.models import ArticleRecord


def officials(nlp: Language, text: str) -> list[tuple[str, str | None]]:
    result = extract_text(text, nlp)
    assert isinstance(result, ArticleRecord), result
    return sorted((o.name, o.title) for o in result.officials)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # full titles
        ("Vice-President Dana Whitcomb spoke in the morning.", [("Dana Whitcomb", "vice president")]),
        # a first name the recognizer reads as a season is still a name
        ("\u201cWe are ready,\u201d said DA Summer Whitfield.", [("Summer Whitfield", "district attorney")]),
        # an appositive title with a participle in it
        (
            "Ann Cole, the county's newly elected health director, said cases rose.",
            [("Ann Cole", "newly elected health director")],
        ),
        (
            "Chief Deputy District Attorney Rosa Vance filed the motion.",
            [("Rosa Vance", "chief deputy district attorney")],
        ),
        (
            "The raid was led by ATF Special Agent in Charge Lena Marsh of the field division.",
            [("Lena Marsh", "special agent in charge")],
        ),
        (
            "Assistant Special Agent in Charge Omar Haddad answered questions.",
            [("Omar Haddad", "assistant special agent in charge")],
        ),
        # a plural title shared by a list of names
        (
            "In court, Deputy District Attorneys Nora Brooks and Dana Lee argued for a longer term.",
            [("Dana Lee", "deputy district attorney"), ("Nora Brooks", "deputy district attorney")],
        ),
        (
            "We met with Supervisors Garcia, Whitman, and Okafor on the budget.",
            [("Garcia", "supervisor"), ("Okafor", "supervisor"), ("Whitman", "supervisor")],
        ),
    ],
)
def test_full_titles(nlp: Language, text: str, expected: list[tuple[str, str | None]]) -> None:
    assert officials(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # one-letter surname slips: the same person only when the role agrees
        (
            "Chief Robert Tracey opened the briefing. Later Tracy said the unit had grown.",
            [("Robert Tracey", "chief")],
        ),
        (
            "Police Chief Tom Hall opened the briefing. Det. Sara Hill said the unit had grown.",
            [("Sara Hill", "detective"), ("Tom Hall", "police chief")],
        ),
    ],
)
def test_aliases_merge_only_on_evidence(nlp: Language, text: str, expected: list[tuple[str, str | None]]) -> None:
    assert officials(nlp, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # a title word inside an organization's name, then a word of that name
        "Grants pay for the state's Rural Courts Prosecutor Program. The program trains staff.",
        # a headline in capitals
        "HARBOR COUNTY DISTRICT ATTORNEY ANN COLE WELCOMES NEW TASK FORCE\nThe task force met Monday.",
        # words the article writes in lowercase too: a unit, not a person
        "The Major Theft Unit filed the case. Theft cases rose, and theft losses doubled.",
        # a capitalized word before a role noun is part of the title, not a name
        "Deputy Chief Financial Officer positions were cut.",
        # a day after a title is no name
        "Both contenders argued at length over who would make the better commander in chief Thursday night.",
        # a clause or a list of people after a comma is no title: no official here
        "In an interview with Morning Talk with Rusty Hale, Reyes made it plain that he had serious doubts.",
        "The hall honors the singer Ann Cole, the boxer Tom Reyes and the Supreme Court justice who wrote it.",
        # a plural title ending a body's name is no list of names after it
        "At the request of the Board of Supervisors, Harbor County staff wrote a plan.",
        # a plural after a title word: a place, not a person
        "Families can find help at the county's Family Justice Centers downtown.",
        # private roles led by a private body's name
        "Campaign treasurer Mike Dunn and campaign manager Lee Park thanked volunteers.",
    ],
)
def test_only_people_with_public_roles_are_officials(nlp: Language, text: str) -> None:
    assert officials(nlp, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a release's contact block: a name line, then a title line
        (
            "For Immediate Release\nContact:\nMarta Lindqvist\nCommunications Counsel\n(555) 347-8408 Office\n"
            "The office filed charges on Monday.",
            [("Marta Lindqvist", "communications counsel")],
        ),
        # an acronym between the title and the name
        ("Harbor County District Attorney (HCDA) Tony Ruiz spoke.", [("Tony Ruiz", "county district attorney")]),
        # a bare title before a surname alone is an office
        ("We wrote to President Lindgren about the bridge.", [("Lindgren", "president")]),
        # an acronym before a private-or-public role tells nothing: the office counts
        ("\u201cDrive sober,\u201d said HTS Director Barbara Lindqvist.", [("Barbara Lindqvist", "director")]),
    ],
)
def test_officials_in_release_layouts(nlp: Language, text: str, expected: list[tuple[str, str | None]]) -> None:
    assert officials(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a plural title over a list whose pairs each name their office after them ("of ...")
        (
            "Staffing the desk are Deputy District Attorneys Ann Cole and Lee Park of Central Justice Center,"
            " Omar Haddad and Mary Steel of West Justice Center, and Tom Reyes of North Justice Center.",
            [
                ("Ann Cole", "deputy district attorney"),
                ("Lee Park", "deputy district attorney"),
                ("Mary Steel", "deputy district attorney"),
                ("Omar Haddad", "deputy district attorney"),
                ("Tom Reyes", "deputy district attorney"),
            ],
        ),
        # ... or in parentheses: a party and district, or the office, after each name
        (
            "The bill, written by Assemblymembers Nick Varga (D-Harbor), Stephanie Osei (D-Elm Grove),"
            " and Tom Reyes (R-Pine), passed.",
            [("Nick Varga", "assemblymember"), ("Stephanie Osei", "assemblymember"), ("Tom Reyes", "assemblymember")],
        ),
        (
            "Joining the unit: Deputy District Attorneys James Orr (Lakeside Courthouse),  Nina Lowe"
            " (Lakeside Courthouse) and Ida Fenn (Hill Street Courthouse).",
            [
                ("Ida Fenn", "deputy district attorney"),
                ("James Orr", "deputy district attorney"),
                ("Nina Lowe", "deputy district attorney"),
            ],
        ),
    ],
)
def test_list_titles_over_offices(nlp: Language, text: str, expected: list[tuple[str, str | None]]) -> None:
    assert officials(nlp, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # a plural title before "of" and a place is a body, not the head of a list of names
        "He met the Commissioners of Harbor County, Omar Haddad and Lee Park, on Monday.",
        # a parenthesis after a titled name does not carry the title on to the names after it
        "Mayor Ann Cole (center), Lee Park and Tom Reyes cut the ribbon.",
    ],
)
def test_list_titles_stop_at_bodies(nlp: Language, text: str) -> None:
    assert [name for name, _ in officials(nlp, text)] in ([], ["Ann Cole"])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a title line of several words: a role of a field, a title with "of" in it
        (
            "For Immediate Release\nMay 2, 2020\nMarta Lindqvist\nDirector of Public Affairs\nOffice: 555-347-8405\n"
            "The office filed charges on Monday.",
            [("Marta Lindqvist", "director of public affairs")],
        ),
        (
            "For Immediate Release\nDana Whitfield\nChief of Staff\nCell: 555-292-2718\nThe office filed charges.",
            [("Dana Whitfield", "chief of staff")],
        ),
        # a rank on the name line: the title line below says the position
        (
            "Contact:\nSergeant Tom Okafor\nPublic Information Officer\nRiverton Police Department\n"
            "Office: 555-765-1521\nThe department opened a new station.",
            [("Tom Okafor", "public information officer")],
        ),
    ],
)
def test_contact_block_title_lines(nlp: Language, text: str, expected: list[tuple[str, str | None]]) -> None:
    assert officials(nlp, text) == expected


def test_contact_block_private_role_line(nlp: Language) -> None:
    """A role of a private field ("Sales and Marketing") is no title line of a public office."""
    text = "Contact\nAnn Cole\nDirector of Sales and Marketing\nAcme Widgets Inc.\nThe firm opened a store."
    assert officials(nlp, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a headline's verb in capitals right after the name is no part of it
        (
            "Harbor County District Attorney Ann Cole Creates E-Bike Prosecution Unit\nThe office opened a unit.",
            [("Ann Cole", "county district attorney")],
        ),
        (
            "Harbor County District Attorney Ann Cole Issues Statement on Ruling\nThe ruling came today.",
            [("Ann Cole", "county district attorney")],
        ),
        ("Mayor Lee Park Announces\nBudget cuts were announced on Monday.", [("Lee Park", "mayor")]),
        # a surname that is also a verb, in a sentence: the name keeps it
        ("Mayor Mary Ann Burns spoke; the fire burns still.", [("Mary Ann Burns", "mayor")]),
        ("Supervisor Ann Cole Williams spoke at length.", [("Ann Cole Williams", "supervisor")]),
    ],
)
def test_headline_verbs_end_names(nlp: Language, text: str, expected: list[tuple[str, str | None]]) -> None:
    assert officials(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # semicolons between the pairs of a list
        (
            "Assigned are Deputy District Attorneys Meg Orr and Kay Rand of Central Justice Center; Mona Ives"
            " and Brian Pike of West Justice Center; and Jo Vix of North Justice Center.",
            [
                ("Brian Pike", "deputy district attorney"),
                ("Jo Vix", "deputy district attorney"),
                ("Kay Rand", "deputy district attorney"),
                ("Meg Orr", "deputy district attorney"),
                ("Mona Ives", "deputy district attorney"),
            ],
        ),
    ],
)
def test_list_titles_with_semicolons(nlp: Language, text: str, expected: list[tuple[str, str | None]]) -> None:
    assert officials(nlp, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # a place inside a title after a rank word: no person
        "His lawyer, a Deputy Harbor County Public Defender, told him to stay quiet.",
        "The case went to an Assistant Elm County Public Defender on Friday.",
    ],
)
def test_place_inside_a_title_is_no_name(nlp: Language, text: str) -> None:
    assert officials(nlp, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a position in capitals in an appositive is more specific than the rank before the name
        (
            "Assistant District Attorney Jane Roe, Chief of the Fraud Bureau, filed the charges.",
            [("Jane Roe", "chief")],
        ),
        (
            "Deputy DA Hana Wills was nominated by Deputy DA Lou Perez, the Director of the Vehicular Crimes Unit.",
            [("Hana Wills", "deputy district attorney"), ("Lou Perez", "director")],
        ),
        # a description in lowercase is not: the rank stays
        (
            "Lt. Sarah Brick, commander of the patrol's northern post, said crashes fell.",
            [("Sarah Brick", "lieutenant")],
        ),
        ("Sgt. Omar Haddad, a spokesman for the department, said the road was closed.", [("Omar Haddad", "sergeant")]),
    ],
)
def test_position_in_an_appositive(nlp: Language, text: str, expected: list[tuple[str, str | None]]) -> None:
    assert officials(nlp, text) == expected


def test_next_titled_name_of_a_list_is_no_position(nlp: Language) -> None:
    text = "On stage were Mayor Ann Cole, Harbor Police Captain Lee Park, and Sheriff Deputy Tom Reyes."
    assert ("Ann Cole", "mayor") in officials(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        # a headline's verb right after a bare title is no name
        "DA Rolls Out New Youth Program\nThe office opened the program today.",
        "Sheriff Warns Drivers About Ice\nRoads were icy all week.",
        # a headline in capitals: a company's name after a title word
        "GENERAL MOTORS RECALLS CARS\nThe recall began on Monday.",
        # a word of a title standing where a name would
        "Chief Assistant District Attorney said the case was open.",
        # staff of private bodies: an association, a coalition
        "We thank John Marks, the Executive Director of the Harbor Car Dealers' Association.",
        "\u201cWe are here for them,\u201d said Coalition President Ann Cole.",
    ],
)
def test_headlines_title_words_and_private_bodies(nlp: Language, text: str) -> None:
    assert officials(nlp, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an abbreviated title of press offices
        ("Please contact PIO Ann Cole at 555-1212 to attend.", [("Ann Cole", "public information officer")]),
        # a public body keeps its staff
        ("\u201cWe are here for them,\u201d said Council President Ann Cole.", [("Ann Cole", "council president")]),
        # a title of several words in an appositive
        (
            "The attorneys work with Ann Cole, Assistant Head of Court for the Lakeside Unit, and others.",
            [("Ann Cole", "assistant head of court")],
        ),
        ("Ann Cole, the chief of police in Elmwood, spoke first.", [("Ann Cole", "chief of police")]),
    ],
)
def test_abbreviations_and_titles_with_of(nlp: Language, text: str, expected: list[tuple[str, str | None]]) -> None:
    assert officials(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # lines broken inside a sentence (text from PDFs): inside the title, between title and name,
        # between first name and surname
        (
            "The cases fell by a third last year, said Police\nChief Tom Reyes, who took office in May.",
            [("Tom Reyes", "police chief")],
        ),
        (
            "The cases fell by a third last year, said Police Chief Tom\nReyes, who took office in May.",
            [("Tom Reyes", "police chief")],
        ),
        ("Cases fell, said Mayor\nAnn Cole.", [("Ann Cole", "mayor")]),
        # a title line under a name line is no surname
        ("Contact: Sergeant Tom\nPublic Information Officer", [("Tom", "sergeant")]),
    ],
)
def test_lines_broken_mid_sentence(nlp: Language, text: str, expected: list[tuple[str, str | None]]) -> None:
    assert officials(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a contact block's name line with its label
        (
            "FOR IMMEDIATE RELEASE\nMedia Contact: Marta Lindqvist\nPublic Information Officer\n555-347-8405\n"
            "The office filed charges on Monday.",
            [("Marta Lindqvist", "public information officer")],
        ),
        # a public body named with "of" before a lowercase title
        (
            "Visits fell to two days a week, said Department of Transportation spokesman Lee Park.",
            [("Lee Park", "spokesman")],
        ),
        # a hyphenated modifier before a lowercase title names no body
        ("Crowds marched against far-right president Tomas Varga on Sunday.", [("Tomas Varga", "president")]),
    ],
)
def test_bodies_and_labels_before_titles(nlp: Language, text: str, expected: list[tuple[str, str | None]]) -> None:
    assert officials(nlp, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Contact: Ann Cole\nDirector of Sales and Marketing\nThe firm opened a store.",
        "\u201cRates will hold,\u201d said Bank of Elmwood spokesman Tom Reyes.",
    ],
)
def test_private_bodies_before_titles(nlp: Language, text: str) -> None:
    assert officials(nlp, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a service's name inside a title ("Probation") is a word of the title, not a name
        (
            "\u201cGood work,\u201d said Elm County Probation Chief Dan Ruiz. \u201cDeputy Probation Officers Kai"
            " Brandt and Dora Vance found the goods,\u201d he said.",
            [
                ("Dan Ruiz", "county probation chief"),
                ("Dora Vance", "deputy probation officer"),
                ("Kai Brandt", "deputy probation officer"),
            ],
        ),
        # "is the" and a position in capitals of a body: the most specific position
        (
            "Deputy District Attorney Clara Gross spoke first. Gross was the Division Chief of the Elder Abuse Unit.",
            [("Clara Gross", "division chief")],
        ),
        # a position of a private body after "is the" makes no official
        ("Ann Cole is the Executive Director of the Harbor Food Bank.", []),
    ],
)
def test_service_words_and_positions_after_is(nlp: Language, text: str, expected: list[tuple[str, str | None]]) -> None:
    assert officials(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "the Honorable" before a name in a sentence about a court's act: a judge
        (
            "Two injunctions were signed today by the Honorable Dana Whitcomb against rival gangs.",
            [("Dana Whitcomb", "judge")],
        ),
        ("The defendant was sentenced by the Honorable Lee Park to ten years.", [("Lee Park", "judge")]),
        ("The injunction was signed in May by the Honorable Lena Marsh.", [("Lena Marsh", "judge")]),
        # elsewhere the address tells no office
        ("The dinner was hosted by the Honorable Dana Whitcomb and her husband.", []),
    ],
)
def test_honorable_in_court(nlp: Language, text: str, expected: list[tuple[str, str | None]]) -> None:
    assert officials(nlp, text) == expected


def test_organization_of_another_service_is_not_borrowed(nlp: Language) -> None:
    """A police department named nearby is not the organization of a probation chief."""
    text = (
        "The Riverton Police Department and the county joined. Chief of Probation Ann Cole and Police Chief"
        " Tom Reyes spoke."
    )
    result = extract_text(text, nlp)
    assert isinstance(result, ArticleRecord)
    found = {o.name: o.organization for o in result.officials}
    assert found == {"Ann Cole": None, "Tom Reyes": "Riverton Police Department"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a public office's victim advocate, with or without the office before the title
        ("Victim Advocate Rosa Vance\nwas recognized with the award.", [("Rosa Vance", "victim advocate")]),
        (
            "said Ann Cole, a victim advocate with the county's Probation Department.",
            [("Ann Cole", "victim advocate")],
        ),
        # an advocate of a private body: a coalition, a shelter named before the title
        ("\u201cRents rose,\u201d said Ann Cole, an advocate with the Harbor Tenants Coalition.", []),
        ("He was nominated by Harbor Safe Haven Victim Advocate Nina Lowe.", []),
    ],
)
def test_advocates(nlp: Language, text: str, expected: list[tuple[str, str | None]]) -> None:
    assert officials(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a place the recognizer reads as a person, owning the title in an appositive
        ("\u201cWe are safer,\u201d said Dana Whitcomb, Riverton's police chief.", [("Dana Whitcomb", "police chief")]),
        ("Dana Whitcomb, Riverton\u2019s police chief, said crime fell.", [("Dana Whitcomb", "police chief")]),
        # a contact block's title line with the body or a phone after a separator
        (
            "For Immediate Release\nContact:\nMarta Lindqvist\nPublic Information Officer, Riverton Police\n"
            "555-347-8405\nThe office filed charges on Monday.",
            [("Marta Lindqvist", "public information officer")],
        ),
        (
            "Media contacts\nTom Okafor\nPress Secretary | 555-0100\nThe office filed charges on Monday.",
            [("Tom Okafor", "press secretary")],
        ),
    ],
)
def test_owners_and_contact_separators(nlp: Language, text: str, expected: list[tuple[str, str | None]]) -> None:
    assert officials(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a name and a title on one contact line after a dash
        (
            "Contact\nDana Whitcomb \u2013 Public Information Officer\n555-347-8405\nThe office filed charges.",
            [("Dana Whitcomb", "public information officer")],
        ),
        # a field of business is no public office
        ("Contact\nDana Whitcomb - Director of Sales\nThe firm opened a store.", []),
        ("Contact\nDana Whitcomb\nDirector of Marketing\nThe firm opened a store.", []),
    ],
)
def test_contact_lines_with_dashes(nlp: Language, text: str, expected: list[tuple[str, str | None]]) -> None:
    assert officials(nlp, text) == expected


def test_honorable_across_broken_lines(nlp: Language) -> None:
    text = "Two injunctions were signed today\nby the Honorable Lena Marsh\nagainst rival gangs in the county."
    assert officials(nlp, text) == [("Lena Marsh", "judge")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an agency's acronym, a title and a name read as one organization by the recognizer
        (
            "Please contact HCDA PIO Dana Whitcomb at 555-347-8405 to attend.",
            [("Dana Whitcomb", "public information officer")],
        ),
        ("Reporters may call ECSO PIO Lena Marsh with questions.", [("Lena Marsh", "public information officer")]),
    ],
)
def test_acronym_title_and_name_in_one_entity(nlp: Language, text: str, expected: list[tuple[str, str | None]]) -> None:
    assert officials(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # spaces doubled between or inside a title and a name
        ("\u201cWe are safer,\u201d said District Attorney  Dana Whitcomb.", [("Dana Whitcomb", "district attorney")]),
        ("\u201cWe are safer,\u201d said District  Attorney Dana Whitcomb.", [("Dana Whitcomb", "district attorney")]),
        ("\u201cWe are safer,\u201d said Sheriff Tom  Reyes.", [("Tom Reyes", "sheriff")]),
    ],
)
def test_doubled_spaces(nlp: Language, text: str, expected: list[tuple[str, str | None]]) -> None:
    assert officials(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a lawyer of a legal-aid office, a project or a firm is no official
        ("\u201cWe are safer,\u201d said Dana Whitcomb, senior attorney at the Harbor Justice Project.", []),
        ("\u201cWe are safer,\u201d said Dana Whitcomb, an attorney with Elm Legal Aid.", []),
        # a public lawyer is
        (
            "\u201cWe are safer,\u201d said Dana Whitcomb, deputy city attorney for Riverton.",
            [("Dana Whitcomb", "deputy city attorney")],
        ),
        (
            "\u201cWe are safer,\u201d said Assistant U.S. Attorney Dana Whitcomb of the Fraud Section.",
            [("Dana Whitcomb", "assistant u.s. attorney")],
        ),
    ],
)
def test_lawyers_of_private_bodies(nlp: Language, text: str, expected: list[tuple[str, str | None]]) -> None:
    assert officials(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # prosecutors' titles written as initials
        ("The case was tried by DDA Dana Whitcomb.", [("Dana Whitcomb", "deputy district attorney")]),
        ("The case was tried by ASA Dana Whitcomb.", [("Dana Whitcomb", "assistant state's attorney")]),
        ("The case was tried by AUSA Dana Whitcomb.", [("Dana Whitcomb", "assistant u.s. attorney")]),
        ("The case was tried by ADA Dana Whitcomb.", [("Dana Whitcomb", "assistant district attorney")]),
        # the same letters as a law's name, with no name after them
        ("The ADA requires ramps at every entrance.", []),
    ],
)
def test_prosecutor_initials(nlp: Language, text: str, expected: list[tuple[str, str | None]]) -> None:
    assert officials(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It was announced by Undersheriff Dana Whitcomb.", [("Dana Whitcomb", "undersheriff")]),
        # the words of a title of several words are no name
        ("It was announced by Mayor Pro Tem Dana Whitcomb.", [("Dana Whitcomb", "mayor pro tem")]),
        # a word of rank left out of the title names no private body
        ("It was announced by Senior Investigator Dana Whitcomb.", [("Dana Whitcomb", "investigator")]),
        ("Visits fell, said Department of Transportation spokesman Lee Park.", [("Lee Park", "spokesman")]),
    ],
)
def test_more_titles(nlp: Language, text: str, expected: list[tuple[str, str | None]]) -> None:
    assert officials(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a title led by "the" or an owner, a comma, then the name closed by a comma or the sentence's end
        ("The state's attorney general, Dana Whitcomb, sued the maker.", [("Dana Whitcomb", "attorney general")]),
        (
            "The county's health director, Dana Whitcomb, said cases rose.",
            [("Dana Whitcomb", "health director")],
        ),
        ("The letter went to the mayor, Dana Whitcomb.", [("Dana Whitcomb", "mayor")]),
        # a clause or a list after the comma: no title
        ("In a letter to the mayor, Dana Whitcomb wrote that she would resign.", []),
        ("He thanked the chief, Dana Whitcomb and Tom Reyes.", []),
        # a crime analyst's title keeps its field
        ("It was noted by Crime Analyst Dana Whitcomb.", [("Dana Whitcomb", "analyst")]),
    ],
)
def test_title_before_a_comma(nlp: Language, text: str, expected: list[tuple[str, str | None]]) -> None:
    assert officials(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a council named for a cause is a coalition, not a public body
        ("\u201cIt matters,\u201d said Harbor Domestic Violence Council President Ana Velez.", []),
        # councils of places and governments are public
        (
            "\u201cIt matters,\u201d said Riverton City Council President Ana Velez.",
            [("Ana Velez", "city council president")],
        ),
        ("\u201cIt matters,\u201d said Cardiff Council leader Ana Velez.", [("Ana Velez", "council leader")]),
        ("\u201cIt matters,\u201d said Council President Ana Velez.", [("Ana Velez", "council president")]),
    ],
)
def test_councils_of_causes(nlp: Language, text: str, expected: list[tuple[str, str | None]]) -> None:
    assert officials(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a doctor's honorific between the title and the name
        ("It was noted by County Health Officer Dr. Dana Whitcomb.", [("Dana Whitcomb", "county health officer")]),
        ("It was noted by Health Director Dr. Dana Whitcomb.", [("Dana Whitcomb", "health director")]),
        # the honorific alone is no title
        ("It was noted by Dr. Dana Whitcomb.", []),
    ],
)
def test_honorific_between_title_and_name(nlp: Language, text: str, expected: list[tuple[str, str | None]]) -> None:
    assert officials(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a headline's verb right after a bare title or a one-word surname, led by an adverb or not
        ("Deputy Shoots Driver After Long Chase\nA deputy shot a driver on Sunday, police said.", []),
        (
            "Harbor Police Dispatcher Fatally Shoots Son By Mistake\nA dispatcher shot her son, police said.",
            [],
        ),
        ("Officer Hargrove Shoots Armed Man\nAn officer shot a man on Sunday.", [("Hargrove", "officer")]),
        # a first name and a surname that is also a verb stay one name in a sentence
        ("Mayor Mary Ann Burns spoke; the fire burns still.", [("Mary Ann Burns", "mayor")]),
        # a surname alone after a title, before a sentence's end, stays
        ("Officer Hargrove shot first, the chief said.", [("Hargrove", "officer")]),
    ],
)
def test_headline_verbs_right_after_titles(nlp: Language, text: str, expected: list[tuple[str, str | None]]) -> None:
    assert officials(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a title and a name opening the name of a hospital, a school, a park: no person
        ("The boy was taken to Advocate Lena Marsh Hospital, police said.", []),
        ("Classes at Governor Ann Richards Middle School were cancelled.", []),
        ("The rally met at Mayor Tom Reyes Memorial Park on Friday.", []),
        # the person named the usual way still counts
        (
            "Classes were cancelled, said Principal Tom Okafor of the middle school.",
            [("Tom Okafor", "principal")],
        ),
        ("Mayor Lee Park spoke at the hospital.", [("Lee Park", "mayor")]),
    ],
)
def test_places_named_for_people(nlp: Language, text: str, expected: list[tuple[str, str | None]]) -> None:
    assert officials(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a contact line with the name, the title and a phone or an address between commas
        (
            "Media Contact: Dana Whitcomb, Communications Director, (555) 201-3344\nThe office filed charges.",
            [("Dana Whitcomb", "communications director")],
        ),
        (
            "CONTACT: Dana Whitcomb, Press Secretary, dwhitcomb@example.gov\nThe office filed charges.",
            [("Dana Whitcomb", "press secretary")],
        ),
        # a rank on the name line: the title after the comma says the position
        (
            "Contact: Sgt. Tom Okafor, Public Information Officer, 555-201-3344\nThe department opened a station.",
            [("Tom Okafor", "public information officer")],
        ),
        # a field of business on the line, or commas in a sentence with no contact label: no official
        ("Contact: Dana Whitcomb, Director of Marketing, 555-201-3344\nThe firm opened a store.", []),
        ("The shop's founder, Dana Whitcomb, Director of Sales, spoke to the crowd.", []),
    ],
)
def test_contact_lines_with_commas(nlp: Language, text: str, expected: list[tuple[str, str | None]]) -> None:
    assert officials(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a former official keeps the former title, in an appositive too
        ("Hugh Bastian, a former mayor of Elmwood, attended the ceremony.", [("Hugh Bastian", "mayor")]),
        ("Hugh Bastian, the city's former police chief, testified Tuesday.", [("Hugh Bastian", "police chief")]),
        ("Former Mayor Hugh Bastian attended the ceremony.", [("Hugh Bastian", "mayor")]),
        # a former role that is no public office is still none
        ("Hugh Bastian, a former Marine, attended the ceremony.", []),
    ],
)
def test_former_titles_in_appositives(nlp: Language, text: str, expected: list[tuple[str, str | None]]) -> None:
    assert officials(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a first name and surname the recognizer tags as an organization, an appositive's title after
        (
            "Nadia Fosse, the district's superintendent, said classes would resume Monday.",
            [("Nadia Fosse", "superintendent")],
        ),
        # a body's name with no title after it is no person
        ("Ann Taylor, the clothing chain, said sales rose.", []),
    ],
)
def test_names_tagged_as_organizations(nlp: Language, text: str, expected: list[tuple[str, str | None]]) -> None:
    assert officials(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # federal prosecutors' titles, written out or abbreviated, as one form
        ("U.S. Attorney Marcus Feld announced the indictment.", [("Marcus Feld", "u.s. attorney")]),
        ("\u201cWe will not rest,\u201d said United States Attorney Marcus Feld.", [("Marcus Feld", "u.s. attorney")]),
        (
            "It is prosecuted by Assistant United States Attorney Leah Brandt.",
            [("Leah Brandt", "assistant u.s. attorney")],
        ),
        # an owner's word in capitals inside a title
        ("\u201cIt is time,\u201d said State's Attorney Eileen Burkett.", [("Eileen Burkett", "state's attorney")]),
        ("The United States Marshals took custody of Ann Cole.", []),
    ],
)
def test_prosecutors_of_states_and_the_union(nlp: Language, text: str, expected: list[tuple[str, str | None]]) -> None:
    assert officials(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "attorney" alone is a lawyer: defense, a family's, capitalized or not
        ("He was represented by defense attorney Mark Ellison.", []),
        ("His attorney, Mark Ellison, said he would appeal.", []),
        ("The family's attorney Mark Ellison filed a claim.", []),
        ("Attorney Mark Ellison, who represents the family, filed a claim.", []),
        # a lowercase title after "the" or an owner: a description that names no public office
        ("One of the robbers shot the clerk Cal Odum.", []),
        ("The center's executive director, Nora Quill, said she was shaken.", []),
        # ... unless the owner or the title is a public body's
        ("The county's health director, Rosa Vance, said cases rose.", [("Rosa Vance", "health director")]),
        ("He was represented by Public Defender Mark Ellison.", [("Mark Ellison", "public defender")]),
        ("The suit was filed by City Attorney Mark Ellison.", [("Mark Ellison", "city attorney")]),
    ],
)
def test_lawyers_and_described_roles(nlp: Language, text: str, expected: list[tuple[str, str | None]]) -> None:
    assert officials(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a person the article names as accused is no official, whatever job it gives them
        (
            "Police are looking for suspect Tom Reyes. Tom Reyes, a clerk in the county records office,"
            " left the party early.",
            [],
        ),
        ("The suspect, Tom Reyes, a former deputy, was arrested.", []),
        ("Defendant Tom Reyes, a county clerk, pleaded guilty.", []),
        # the officers who arrest or question them are
        ("Officer Ann Cole arrested the suspect, Tom Reyes, on Monday.", [("Ann Cole", "officer")]),
        ("Detective Ann Cole interviewed the suspect on Monday.", [("Ann Cole", "detective")]),
    ],
)
def test_people_named_as_accused(nlp: Language, text: str, expected: list[tuple[str, str | None]]) -> None:
    assert officials(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a body of a service's staff (an association, a union) is not the service an officer serves in
        (
            "The Riverton Police Officers' Association mourned him. Officer Tom Reyes died Sunday.",
            {"Tom Reyes": None},
        ),
        (
            "The Riverton Police Union and the Riverton Police Department mourned him. Officer Tom Reyes died.",
            {"Tom Reyes": "Riverton Police Department"},
        ),
        # a county the article is about is no city a mayor leads; a city is
        ("HARBOR COUNTY - Mayor Ann Cole spoke on Monday about the budget.", {"Ann Cole": None}),
        ("RIVERTON - Mayor Ann Cole spoke on Monday about the budget.", {"Ann Cole": "City of Riverton"}),
    ],
)
def test_organizations_taken_from_the_article(nlp: Language, text: str, expected: dict[str, str | None]) -> None:
    result = extract_text(text, nlp)
    assert isinstance(result, ArticleRecord)
    assert {o.name: o.organization for o in result.officials} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a role that may be private, in lowercase before a name, with no public word: a description
        ("She signed with agent David Blake, a veteran of the trade.", []),
        ("Harbor athletic director Ken Idris sent his regrets.", []),
        # a public word before it, an acronym, or a role news style always writes in lowercase: an office
        ("\u201cGood work,\u201d said trust member Rosa Vance.", [("Rosa Vance", "member")]),
        ("\u201cGrowth stalled,\u201d said ABC chief economist Lee Marsh.", [("Lee Marsh", "chief economist")]),
        ("\u201cWe act,\u201d said spokesman Josh Denver of the state bureau.", [("Josh Denver", "spokesman")]),
    ],
)
def test_lowercase_titles_that_describe(nlp: Language, text: str, expected: list[tuple[str, str | None]]) -> None:
    assert officials(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a relation whose head is no role, with a title inside it: the appositive titles no one
        (
            "One volunteer was Omar Haddad, the nephew of Harbor Congressman Lee Park.",
            [("Lee Park", "congressman")],
        ),
        # a role compounded with a number, a role that is also an adjective: no title
        ("The 12-member Harbor Caucus met on Monday.", []),
        ("The gallery plans a major Lena Marsh show.", []),
        ("Major Ann Cole led the patrol.", [("Ann Cole", "major")]),
        # a first name written like a title's initials
        ("The survey was led by Di Wen of the harbor lab.", []),
        ("DI Ann Cole led the inquiry.", [("Ann Cole", "detective inspector")]),
        # forms of address between a title and a name are no words of the name
        (
            "The plan won praise from former Ministers Sir Ivo Brandt and Nell Okoro.",
            [("Ivo Brandt", "minister"), ("Nell Okoro", "minister")],
        ),
        (
            "Talks resume with Acting Premier Honourable Osric Vale on Friday.",
            [("Osric Vale", "acting premier")],
        ),
    ],
)
def test_words_that_look_like_titles_or_names(nlp: Language, text: str, expected: list[tuple[str, str | None]]) -> None:
    assert officials(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a rank right before the name after a spokesperson's job: the rank is the title
        (
            "\u201cStay home,\u201d said Harbor County Sheriff's Office spokesman Sgt. Tom Reyes.",
            [("Tom Reyes", "sergeant")],
        ),
        ("Harbor Police spokesperson Officer Ann Cole said two were hurt.", [("Ann Cole", "officer")]),
        ("Police spokesman Tom Reyes said two were hurt.", [("Tom Reyes", "police spokesman")]),
        # a title joined to "elect" by a hyphen: an office elected and not yet held
        ("Mayor-elect Ann Cole said the roads were closed.", [("Ann Cole", "mayor-elect")]),
        ("The fire-chief rumor spread.", []),
    ],
)
def test_stacked_and_hyphenated_titles(nlp: Language, text: str, expected: list[tuple[str, str | None]]) -> None:
    assert officials(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a comma, then another person's title and name: no appositive of the name before it
        (
            "To know the ruling in Ellis v. Dana Harbor, Judge Okafor noted, a reader needs the whole record.",
            [("Okafor", "judge")],
        ),
        (
            "Ann Cole, Police Chief Lee Park and Mayor Tom Reyes cut the ribbon.",
            [("Lee Park", "police chief"), ("Tom Reyes", "mayor")],
        ),
        # a work's name closing a quotation, then a description of someone else
        ("On \u201cThe Lee Park Hour,\u201d the former senator spoke at length.", []),
        # a title word before a place's or a body's name: no person
        ("The debate followed the Commander-in-Chief Forum on Tuesday.", []),
        ("The vote in the General Assembly came on Monday.", []),
        ("She went to Pierre's General Store on Monday.", []),
        # a position of a body in capitals still titles the name before it
        ("Ann Cole, Chief of the Fraud Bureau, filed the charges.", [("Ann Cole", "chief")]),
    ],
)
def test_commas_before_other_titles_and_bodies(
    nlp: Language, text: str, expected: list[tuple[str, str | None]]
) -> None:
    assert officials(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # county offices whose titles hold "of" and a body, before or after the name
        (
            "Clerk of the Superior Court Ann Cole certified the record.",
            [("Ann Cole", "clerk of the superior court")],
        ),
        ("Registrar of Voters Ann Cole certified the results.", [("Ann Cole", "registrar of voters")]),
        ("Ann Cole, Registrar of Voters, certified the results.", [("Ann Cole", "registrar of voters")]),
        # the office's name with no person after it
        ("The Registrar of Voters office opened early.", []),
    ],
)
def test_county_offices_with_of(nlp: Language, text: str, expected: list[tuple[str, str | None]]) -> None:
    assert officials(nlp, text) == expected


# --- a plural of an abbreviated title, in capitals, shared by a list of names ------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The case was tried by DDAs Mara Quill and Ben Tosh of the Felony Unit.",
            [("Ben Tosh", "deputy district attorney"), ("Mara Quill", "deputy district attorney")],
        ),
        (
            "\u201cThe verdict brings some peace,\u201d said ADAs Rosa Vance and Omar Haddad.",
            [("Omar Haddad", "assistant district attorney"), ("Rosa Vance", "assistant district attorney")],
        ),
        # negatives: a surname that is a lowercase word's plural of an abbreviation; no capitals
        ("Lena Das and Ben Tosh opened a bakery on Main Street.", []),
        ("The adas of the old mill were flooded when Ben Tosh visited.", []),
    ],
)
def test_plural_of_an_abbreviated_title(nlp: Language, text: str, expected: list[tuple[str, str | None]]) -> None:
    assert officials(nlp, text) == expected


# --- a title with its body in an "of" phrase, or lowercase nouns after an owner, then the name --
# in apposition ("the health minister of Ruritania, Ann Cole,"; "Ruritania's water minister, ...")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The prime minister of Valdonia, Petra Lindqvist, arrived.", [("Petra Lindqvist", "prime minister")]),
        ("The head of the water agency, Omar Haddad, resigned in March.", [("Omar Haddad", "head")]),
        ("\u201cWe will rebuild,\u201d said the mayor of Brookfield, Dana Whitcomb.", [("Dana Whitcomb", "mayor")]),
        ("The minister of transport, Lena Marsh, opened the line.", [("Lena Marsh", "minister")]),
        ("Valdonia's fisheries minister, Nora Brooks, signed the deal.", [("Nora Brooks", "fisheries minister")]),
        ("\u201cWe must act now,\u201d the senator from Idaho, Lena Marsh, said.", [("Lena Marsh", "senator")]),
        # "a" before the title only where the body is named
        ("A spokesman for the ministry, Omar Haddad, said talks would resume.", [("Omar Haddad", "spokesman")]),
        # negatives: a relation, not a role, before the "of"; a private body's president; no owner
        ("The nephew of the senator's driver, Tomas Ferreira, testified.", []),
        ("The president of the Elm Street Tenants Association, Rosa Vance, spoke.", []),
        ("A friend of hers, Omar Haddad, said nothing.", []),
        ("A friend of the family, Omar Haddad, said the boy was shy.", []),
        ("A member of the public, Nora Brooks, called the hotline.", []),
        ("A supporter of the governor, Dana Lee, spoke at the rally.", []),
        ("A spokeswoman for the Elm Street Tenants Association, Rosa Vance, said rents rose.", []),
    ],
)
def test_title_of_a_body_before_a_comma(nlp: Language, text: str, expected: list[tuple[str, str | None]]) -> None:
    assert officials(nlp, text) == expected


# --- staff of national agencies written by acronym or seat, and diplomats ----------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Lena Marsh, a spokeswoman for the FBI, said the search had ended.", [("Lena Marsh", "spokeswoman")]),
        ("Omar Haddad, a spokesman for the Pentagon, declined to comment.", [("Omar Haddad", "spokesman")]),
        (
            "Rosa Vance, the director of the Centers for Rural Water Safety, spoke first.",
            [("Rosa Vance", "director")],
        ),
        ("Nora Brooks, the country's ambassador to Chile, met the delegation.", [("Nora Brooks", "ambassador")]),
        # negatives: the same roles at private bodies
        ("Lena Marsh, a spokeswoman for Harbor Airlines, said flights would resume.", []),
        ("Omar Haddad, the director of the Elm Street Food Bank, thanked the donors.", []),
    ],
)
def test_national_agencies_and_diplomats(nlp: Language, text: str, expected: list[tuple[str, str | None]]) -> None:
    assert officials(nlp, text) == expected


# --- a title given in a relative clause after the name ("Ann Cole, who served as mayor ...,") ---


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Omar Haddad, who served as mayor from 1990 to 1998, opposed the levy.", [("Omar Haddad", "mayor")]),
        ("Lena Marsh, who has served as fire chief since 2015, spoke first.", [("Lena Marsh", "fire chief")]),
        ("Rosa Vance, who was the county's treasurer, endorsed him.", [("Rosa Vance", "treasurer")]),
        # negatives: a relation to an official; a private role; a private body's president
        ("Omar Haddad, who is a cousin of the mayor, said nothing.", []),
        ("Lena Marsh, who was a nurse for 30 years, retired in May.", []),
        ("Rosa Vance, who was the longtime president of the Elm Street Tenants Association, spoke.", []),
    ],
)
def test_titles_in_relative_clauses(nlp: Language, text: str, expected: list[tuple[str, str | None]]) -> None:
    assert officials(nlp, text) == expected
