"""The batch run as a library (extractor/run.py): records written, resume, the run's own files
never read, typed exceptions instead of prints and exit codes."""

from __future__ import annotations

import doctest
import io
import json
from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language

import extractor.run
from extractor.run import (
    ExtractionRun,
    InvalidRun,
    Outputs,
    RunEvent,
    RunStopped,
    UnfinishedRun,
    check_paths,
    read_or_extract,
    run_extraction,
)

ARTICLES = {
    "harbor.txt": "Harbor Town recorded 14 burglaries in 2021, the council said on Monday.\n",
    "valley.txt": "Valley County counted 230 traffic crashes in 2019, according to the sheriff.\n",
    "ridge.txt": "The Ridge fire department answered 58 calls in 2022, its chief said.\n",
}


def write_articles(folder: Path, names: list[str]) -> Path:
    folder.mkdir(exist_ok=True)
    for name in names:
        (folder / name).write_text(ARTICLES[name], encoding="utf-8")
    return folder


def lines(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_a_run_writes_every_article_and_a_resumed_run_only_the_new_ones(tmp_path: Path, nlp: Language) -> None:
    folder = write_articles(tmp_path / "in", ["harbor.txt", "valley.txt"])
    out = tmp_path / "in" / "facts.jsonl"  # inside the input folder: never read back as an input
    events: list[RunEvent] = []
    first = run_extraction([folder], Outputs(file=out), nlp=nlp, on_event=events.append)
    assert events == [RunEvent.started, RunEvent.written, RunEvent.written]
    assert first.records_written == 2 and not first.failed and first.skipped == 0
    assert first.facts["figures"] >= 2
    assert sorted(r["id"] for r in lines(out)) == ["harbor", "valley"]
    assert {r["figures"][0]["count"] for r in lines(out)} == {14, 230}

    write_articles(folder, ["ridge.txt"])
    events.clear()
    resumed = run_extraction([folder], Outputs(file=out), resume=True, nlp=nlp, on_event=events.append)
    assert events.count(RunEvent.skipped) == 2 and events.count(RunEvent.written) == 1
    assert resumed.skipped == 2 and resumed.records_written == 3
    assert sorted(r["id"] for r in lines(out)) == ["harbor", "ridge", "valley"]
    assert not list(folder.glob("*.part"))


def test_an_error_entry_is_counted_and_kept_for_the_resumed_run(tmp_path: Path, nlp: Language) -> None:
    folder = write_articles(tmp_path / "in", ["harbor.txt"])
    (folder / "blank.txt").write_text("")
    out = tmp_path / "facts.jsonl"
    summary = run_extraction([folder], Outputs(file=out), nlp=nlp)
    assert summary.errors == {"empty": 1} and summary.failed
    again = run_extraction([folder], Outputs(file=out), resume=True, nlp=nlp)
    assert again.skipped == 2 and not again.errors and again.earlier_errors == {"empty": 1} and again.failed


def test_a_stopped_run_raises_with_what_it_kept(tmp_path: Path, nlp: Language, monkeypatch: pytest.MonkeyPatch) -> None:
    import extractor.batch as batch

    real = batch.extract_records
    given = {"n": 0}

    def dies_after_one(items: Any, *args: Any, **kwargs: Any) -> Any:
        for result in real(items, *args, **kwargs):  # after one result, no article gets through
            if given["n"] == 1:
                raise RuntimeError("the machine room flooded\nsecond line")
            given["n"] += 1
            yield result

    monkeypatch.setattr(batch, "extract_records", dies_after_one)
    folder = write_articles(tmp_path / "in", list(ARTICLES))
    out = tmp_path / "facts.jsonl"
    with pytest.raises(RunStopped) as stopped:
        run_extraction([folder], Outputs(file=out), nlp=nlp)
    assert str(stopped.value) == "the run failed: the machine room flooded"
    assert stopped.value.cause == "failed" and stopped.value.resumable
    assert stopped.value.records_written == 1 and Path(f"{out}.part") in stopped.value.kept
    assert not out.exists()

    monkeypatch.setattr(batch, "extract_records", real)
    with pytest.raises(UnfinishedRun) as unfinished, ExtractionRun([folder], Outputs(file=out), resume=None):
        pass
    assert unfinished.value.unfinished == [f"{out}.part"]
    summary = run_extraction([folder], Outputs(file=out), resume=True, nlp=nlp)
    assert summary.skipped == 1 and summary.records_written == 3


def test_an_article_over_max_chars_is_its_error_before_any_worker_sees_it(
    tmp_path: Path, nlp: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    import extractor.batch as batch

    real = batch.guarded_records
    analysed: list[Any] = []

    def recording(chunk: list[Any], *args: Any) -> Any:
        analysed.extend(chunk)
        return real(chunk, *args)

    monkeypatch.setattr(batch, "guarded_records", recording)
    folder = write_articles(tmp_path / "in", ["harbor.txt", "ridge.txt"])
    (folder / "long.txt").write_text("The school board met on Tuesday to talk about buses. " * 40)
    out = tmp_path / "facts.jsonl"
    summary = run_extraction([folder], Outputs(file=out), nlp=nlp, max_chars=500)
    assert summary.errors == {"too_large": 1} and summary.records_written == 2
    assert [(i.id, type(i).__name__) for i in analysed] == [
        ("harbor", "Article"),
        ("long", "ExtractionError"),
        ("ridge", "Article"),
    ]
    (error,) = lines(tmp_path / "facts.errors.jsonl")
    assert error["id"] == "long" and error["message"].endswith("characters, over --max-chars 500")


@pytest.mark.parametrize(
    ("inputs", "outputs", "problem"),
    [
        (["missing.txt"], Outputs(file=Path("facts.jsonl")), "no such file or folder: missing.txt"),
        (["in/harbor.txt"], Outputs(file=Path("in/harbor.txt")), "is also an input"),
        (["in/harbor.txt"], Outputs(db=Path("in")), "is a folder"),
        (["in", "missing.txt"], Outputs(file=Path("facts.jsonl")), None),  # the missing one: an error entry
        (["in"], Outputs(file=Path("facts.jsonl"), db=Path("facts.db")), None),
    ],
)
def test_paths_are_checked_before_a_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, inputs: list[str], outputs: Outputs, problem: str | None
) -> None:
    monkeypatch.chdir(tmp_path)
    write_articles(tmp_path / "in", ["harbor.txt"])
    if problem is None:
        check_paths([Path(p) for p in inputs], outputs)
        return
    with pytest.raises(InvalidRun, match=problem):
        check_paths([Path(p) for p in inputs], outputs)


def test_the_run_never_reads_its_own_files() -> None:
    excluded = Outputs(file=Path("out/facts.csv"), format="csv", db=Path("out/facts.db")).excluded()
    for own in ("facts.figures.csv", "facts.figures.csv.part", "facts.db-wal", "facts.db.lock", "facts.errors.jsonl"):
        assert Path("out", own).resolve() in excluded
    assert Path("out/notes.txt").resolve() not in excluded


def test_check_inputs_load_the_pipeline_once(tmp_path: Path, nlp: Language) -> None:
    folder = write_articles(tmp_path / "in", ["harbor.txt", "valley.txt"])
    records = tmp_path / "facts.jsonl"
    run_extraction([folder / "harbor.txt"], Outputs(file=records), nlp=nlp)
    loads: list[int] = []

    def load() -> Language:
        loads.append(1)
        return nlp

    results = list(read_or_extract([records, folder / "harbor.txt", folder / "valley.txt"], load, None, io.StringIO()))
    assert [r.id for r in results] == ["harbor", "harbor", "valley"] and loads == [1]
    assert list(read_or_extract([Path("-")], load, None, io.StringIO(records.read_text()))) and loads == [1]


def test_docstring_examples() -> None:
    assert doctest.testmod(extractor.run, raise_on_error=True).attempted >= 2


def test_a_phase_log_tells_where_a_runs_time_went(
    tmp_path: Path, nlp: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    """EXTRACTOR_PHASES=FILE: one JSON line per phase of the run (benchmarks/cli_speedup.py reads them)."""
    log = tmp_path / "phases.jsonl"
    monkeypatch.setenv("EXTRACTOR_PHASES", str(log))
    folder = write_articles(tmp_path / "in", list(ARTICLES))
    summary = run_extraction([folder], Outputs(file=tmp_path / "facts.jsonl"), nlp=nlp)
    assert summary.records_written == 3
    events = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]
    assert [e["event"] for e in events] == ["run_start", "results_start", "first_result", "results_done", "run_end"]
    done = events[3]
    assert done["ingest_cpu"] <= done["results_cpu"] and done["write_wall"] > 0
    assert all(e["t"] >= events[0]["t"] and e["cpu"] >= 0 for e in events)
