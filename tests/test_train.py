"""`extractor train` (extractor/train.py through the CLI): trains the figure binder on a tiny set
into a file of its own, never the shipped model; the binder reads the file; same data, same file.
Every sentence here is made up."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from spacy.language import Language
from typer.testing import CliRunner

from extractor import binder
from extractor.cli import app
from extractor.train import DEFAULT_OUT, TrainingError, train_binder
from tests.test_binder import TRAINING

runner = CliRunner()


def tiny_set(folder: Path) -> Path:
    folder.mkdir()
    for k, (text, figures) in enumerate(TRAINING):
        (folder / f"t{k}.txt").write_text(f"A made-up release\nPublished March 1, 2024\n\n{text}\n", encoding="utf-8")
        gold = {"figures": [{"year": y, "count": c, "metric": m, "qualifier": "exact"} for y, c, m in figures]}
        (folder / f"t{k}.gold.json").write_text(json.dumps(gold), encoding="utf-8")
    return folder


def test_train_writes_a_model_the_binder_uses_and_the_same_file_twice(nlp: Language, tmp_path: Path) -> None:
    pytest.importorskip("sklearn")
    shipped = DEFAULT_OUT.read_bytes()
    sets = tiny_set(tmp_path / "set")
    first, second, again = tmp_path / "m1.json", tmp_path / "out" / "m2.json", tmp_path / "m3.json"
    saved = tmp_path / "examples.jsonl"
    result = runner.invoke(app, ["train", str(sets), "--output", str(first), "--save-examples", str(saved)])
    assert result.exit_code == 0, result.output
    assert f"from {len(TRAINING)} articles" in result.output and "cross-validated F1" in result.output
    result = runner.invoke(app, ["train", str(sets), "-o", str(second)])  # a folder that is not there yet
    assert result.exit_code == 0, result.output
    result = runner.invoke(app, ["train", "--examples", str(saved), "-o", str(again)])  # no parsing
    assert result.exit_code == 0, result.output
    assert first.read_bytes() == second.read_bytes() == again.read_bytes()  # same data, same file
    assert DEFAULT_OUT.read_bytes() == shipped  # the shipped model is left alone

    data = json.loads(first.read_text(encoding="utf-8"))
    model = binder.model_from_json(data)
    assert model.weights and model.threshold == data["threshold"]
    doc = nlp("The county recorded 412 burglaries in 2023.")
    kept = binder.bind(doc, doc._.figure_mentions, design="model", model=model)
    assert [(f.year, f.count) for f in kept] == [(2023, 412)]
    unreachable = binder.Model(model.weights, threshold=1.01)  # the binder reads the model it is given
    assert binder.bind(doc, doc._.figure_mentions, design="model", model=unreachable) == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["train"], "name at least one training set"),
        (["train", "{tmp}/gone"], "no such folder"),
        (["train", "{tmp}/gold:{tmp}/gold:middle"], "no list of ids named 'middle'"),
        (["train", "--examples", "{tmp}/gone.jsonl"], "no such file"),
    ],
)
def test_train_usage_errors(tmp_path: Path, args: list[str], message: str) -> None:
    pytest.importorskip("sklearn")
    (tmp_path / "gold").mkdir()
    (tmp_path / "SPLIT.json").write_text('{"tune": []}', encoding="utf-8")  # beside the gold folder
    result = runner.invoke(app, [a.format(tmp=tmp_path) for a in args] + ["-o", str(tmp_path / "m.json")])
    assert result.exit_code == 2, result.output
    assert message in result.output and "Traceback" not in result.output
    assert not (tmp_path / "m.json").exists()


def test_train_returns_a_summary_and_prints_nothing(
    nlp: Language, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("sklearn")
    summary = train_binder([str(tiny_set(tmp_path / "set"))], tmp_path / "m.json", load_nlp=lambda: nlp)
    assert capsys.readouterr() == ("", "")
    assert summary.output == tmp_path / "m.json" and summary.articles == len(TRAINING)
    assert summary.model == json.loads(summary.output.read_text(encoding="utf-8"))
    assert summary.problems == []
    with pytest.raises(TrainingError):
        train_binder([], tmp_path / "m.json")
