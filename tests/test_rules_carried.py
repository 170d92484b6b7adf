"""A saved pipeline carries its rule data: `nlp.to_disk` writes the rule files each component reads,
`spacy.load` reads them back, and the extraction reads those, not the package's (issue #29, item 2).
Proofs: a fresh process whose copy of the package has no rule file gives the records of
`build_nlp`; a word list edited in the saved pipeline changes what it finds, while the pipeline it
was saved from, in the same process, finds what it found (no cache shared across rules); and no
module reads a rules file at import, nor keeps a value made from the rules once for all pipelines."""

from __future__ import annotations

import ast
import datetime as dt
import importlib
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import spacy
from spacy.language import Language

import extractor
from extractor.extractors import article_doc
from extractor.ingest import iter_articles
from extractor.models import Article
from extractor.rules import Carrier, Derived, names
from tests.conftest import CORPUS, ROOT

PUBLISHED = dt.date(2024, 7, 31)
# invented texts, each with facts of several kinds
INVENTED = [
    "HARBOR CITY - Mayor Ann Cole said Tuesday: “We opened 12 shelters in 2023, 20% more than in 2022.”",
    "The county logged the most chimney fires since 2008, Fire Chief Lee Park said.",
    "The council will meet on Friday to vote on the budget. Burglaries fell 8 percent last year.",
    "Police recorded 45 thefts so far this year, up from 30 in 2023, the agency said in a statement.",
]


def _articles() -> list[Article]:
    found = [a for a in iter_articles([CORPUS]) if isinstance(a, Article)]
    assert len(found) >= 30
    invented = [
        Article(id=f"invented-{k}", source="<text>", path="<text>", text=text, published=PUBLISHED)
        for k, text in enumerate(INVENTED)
    ]
    return found + invented


@pytest.fixture(scope="module")
def saved(nlp: Language, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("carried") / "pipeline"
    nlp.to_disk(path)
    return path


# --- a fresh process, the package without its rule files ------------------------------------------

RUN = """
import json, sys
import spacy
import extractor
from extractor.extract import extract_records
from extractor.models import Article
from extractor.pipeline import build_nlp
pipeline, inputs, package = sys.argv[1:]
assert extractor.__file__.startswith(package), extractor.__file__
nlp = build_nlp() if pipeline == "build_nlp" else spacy.load(pipeline)
articles = [Article.model_validate(a) for a in json.loads(open(inputs, encoding="utf-8").read())]
print(json.dumps([r.model_dump(mode="json") for r in extract_records(articles, nlp)]))
"""


def _records(pipeline: str, inputs: Path, package: Path, cwd: Path) -> list[dict[str, Any]]:
    """The records of `pipeline` (a saved one, or "build_nlp") in a fresh process that imports the
    package at `package`; one hash seed for all (some results follow the order of a set of words)."""
    env = {**os.environ, "PYTHONPATH": str(package), "PYTHONHASHSEED": "0"}
    done = subprocess.run(
        [sys.executable, "-c", RUN, pipeline, str(inputs), str(package)],
        capture_output=True,
        text=True,
        env=env,
        cwd=cwd,
        timeout=900,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    records: list[dict[str, Any]] = json.loads(done.stdout)
    return records


def test_a_saved_pipeline_runs_in_a_fresh_process_without_the_package_rule_files(saved: Path, tmp_path: Path) -> None:
    package = Path(extractor.__file__).parent
    copy = tmp_path / "site"
    shutil.copytree(package, copy / "extractor", ignore=shutil.ignore_patterns("*.json", "__pycache__"))
    assert not list((copy / "extractor").rglob("*.json"))  # no rule file, no binder model
    inputs = tmp_path / "articles.json"
    inputs.write_text(json.dumps([a.model_dump(mode="json") for a in _articles()]), encoding="utf-8")
    built = _records("build_nlp", inputs, package.parent, tmp_path)
    assert _records(str(saved), inputs, copy, tmp_path) == built
    assert sum(len(r.get("figures", [])) + len(r.get("quotes", [])) for r in built) > 100


# --- a word list edited in the saved pipeline ------------------------------------------------------

Edit = tuple[str, str, Callable[[Any], Any]]
EDITS: list[Edit] = [
    ("extractor_numbers", "numbers.json", lambda d: d["words"].__setitem__("umpteen", 17)),
    ("extractor_dates", "dates.json", lambda d: d["relative_days"].__setitem__("overmorrow", 2)),
    ("extractor_people", "titles.json", lambda d: d["role_nouns"].append("harbormaster")),
    ("extractor_quotes", "quotes.json", lambda d: d["organization_nouns"].remove("agency")),
    ("extractor_facts", "superlatives.json", lambda d: d["words"].pop("most")),
]


@pytest.fixture(scope="module")
def edited(saved: Path, tmp_path_factory: pytest.TempPathFactory) -> Language:
    path = tmp_path_factory.mktemp("edited") / "pipeline"
    shutil.copytree(saved, path)
    for component, name, change in EDITS:
        file = path / component / name
        data = json.loads(file.read_text(encoding="utf-8"))
        change(data)
        file.write_text(json.dumps(data), encoding="utf-8")
    return spacy.load(path)


def _found(nlp: Language, text: str) -> dict[str, list[Any]]:
    doc = nlp(article_doc(nlp, Article(id="a", source="s", path="p", text=text, published=PUBLISHED)))
    return {
        "figures": [(f.year, f.count) for f in doc._.figures],
        "dates": [(d.text, d.value) for d in doc._.dates],
        "officials": [(o.name, o.title) for o in doc._.officials],
        "quotes": [(q.speaker, q.speaker_type.value) for q in doc._.quotes],
        "claims": [(c.kind.value, c.since_year) for c in doc._.claims],
    }


@pytest.mark.parametrize(
    ("text", "attribute", "package", "saved_and_edited"),
    [
        ("The shelter took in umpteen dogs in 2019.", "figures", [], [(2019, 17)]),
        ("The council will meet overmorrow.", "dates", [], [("overmorrow", "2024-08-02")]),
        ("Harbormaster Lee Park spoke at the meeting.", "officials", [], [("Lee Park", "harbormaster")]),
        (
            "“We opened 12 shelters in 2023,” the agency said.",
            "quotes",
            [("agency", "organization")],
            [("the agency", "other")],
        ),
        ("The county logged the most chimney fires since 2008.", "claims", [("superlative", 2008)], []),
    ],
)
def test_a_word_list_edited_in_the_saved_pipeline_changes_what_it_finds(
    nlp: Language, edited: Language, text: str, attribute: str, package: list[Any], saved_and_edited: list[Any]
) -> None:
    assert _found(nlp, text)[attribute] == package
    assert _found(edited, text)[attribute] == saved_and_edited
    assert _found(nlp, text)[attribute] == package  # the other pipeline's rules left no trace


# --- who carries what ---------------------------------------------------------------------------


def test_each_rule_file_is_carried_by_one_component_with_those_it_names(nlp: Language) -> None:
    owners: dict[str, str] = {}
    for name, component in nlp.pipeline:
        if isinstance(component, Carrier):
            for file in component.carried_rules():
                assert file not in owners, f"{file} carried by {owners.get(file)} and {name}"
                owners[file] = name
    assert set(names(owners)) == set(owners)  # a file another names by reference is carried too
    assert {"numbers.json", "context.json", "figures.json", "dates.json", "titles.json", "quotes.json"} <= set(owners)


# the modules a pipeline imports, those it imports on its first Doc included (changes, claims)
IMPORTED = """
import sys
import extractor.binder, extractor.extract, extractor.pipeline
nlp = extractor.pipeline.build_nlp()
nlp("Burglaries fell 12% in 2023, when the county recorded 310 of them, the sheriff said.")
print(" ".join(sorted(n for n in sys.modules if n.startswith("extractor"))))
"""


def _pipeline_modules() -> list[Any]:
    """The modules a pipeline imports (in a fresh process: this one has imported the check's too)."""
    done = subprocess.run([sys.executable, "-c", IMPORTED], capture_output=True, text=True, check=True, cwd=ROOT)
    modules = [importlib.import_module(name) for name in done.stdout.split()]
    return [m for m in modules if getattr(m, "__file__", None)]


def _reads_rules(node: ast.AST, made: set[str]) -> bool:
    """Whether code calls `load(...)`, or reads a name made from the rules or calls a function of
    its module that reads them (both in `made`)."""
    for sub in ast.walk(node):
        if isinstance(sub, ast.Call) and isinstance(sub.func, ast.Name) and sub.func.id == "load":
            return True
        if isinstance(sub, ast.Name) and sub.id in made:
            return True
    return False


def _readers(tree: ast.Module, made: set[str]) -> set[str]:
    """`made` with the module's functions that read the rules, directly or through another."""
    functions = [node for node in tree.body if isinstance(node, ast.FunctionDef)]
    readers = set(made) | {"RULES"}
    while True:
        more = {f.name for f in functions if f.name not in readers and _reads_rules(f, readers)}
        if not more:
            return readers
        readers |= more


def _cached_for_all_rules(node: ast.FunctionDef) -> bool:
    written = [ast.unparse(d) for d in node.decorator_list]
    return any("cache" in d and "rules_" not in d for d in written)


def _is_derived(node: ast.AST) -> bool:
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "derived"


def test_no_module_of_the_pipeline_keeps_a_value_of_the_rules_for_all_pipelines() -> None:
    """A module-level value made from the rules is `derived(lambda: ...)`, made per rules in effect;
    a cached function that reads them is `@rules_cache`: else a pipeline with other rules would
    read the package's (checked on the source: a helper adding a word list keeps to it)."""
    problems = []
    for module in _pipeline_modules():
        path = Path(module.__file__)
        made = {k for k, v in vars(module).items() if isinstance(v, Derived)}
        tree = ast.parse(path.read_text(encoding="utf-8"))
        readers = _readers(tree, made)
        for node in tree.body:
            where = f"{path.relative_to(ROOT)}:{node.lineno}"
            if isinstance(node, ast.FunctionDef):
                if _cached_for_all_rules(node) and _reads_rules(node, readers - {node.name}):
                    problems.append(f"{where}: {node.name} is cached once for all rules: use @rules_cache")
            elif isinstance(node, ast.Assign | ast.AnnAssign) and node.value is not None:
                if _reads_rules(node.value, made) and not _is_derived(node.value):
                    problems.append(f"{where}: made from the rules at import: wrap it in derived(lambda: ...)")
            elif isinstance(node, ast.For | ast.If | ast.Expr | ast.With) and _reads_rules(node, made):
                problems.append(f"{where}: reads the rules at import")
    assert not problems, "\n".join(problems)
