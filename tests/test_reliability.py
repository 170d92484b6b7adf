"""Reliability of a run (issue 16): no input stops it, no finished work is lost, nothing outside
the input is read, outputs are locked while written, and exit codes tell "some articles failed" (1)
from "the run itself failed" (3 or more)."""

from __future__ import annotations

import contextlib
import csv
import errno
import io
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from extractor.cli import app
from extractor.models import ArticleRecord, ExtractionError
from extractor.writers import CsvWriter, JsonlWriter, OutputLock
from tests.conftest import CORPUS, ROOT, SEED

runner = CliRunner()
SHORT = "In 2022 there were {n} crashes in Dayton, police said."


def run(*args: str) -> Any:
    result = runner.invoke(app, ["extract", *args])
    assert "Traceback" not in result.output, result.output
    return result


FILLER = " The council met on Tuesday to discuss the budget for roads, parks and libraries in the city."


def short_articles(folder: Path, n: int, start: int = 0, filler: int = 0) -> list[str]:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(start, start + n):
        (folder / f"a{i:03d}.txt").write_text(SHORT.format(n=1000 + i) + FILLER * filler, encoding="utf-8")
    return [f"a{i:03d}" for i in range(start, start + n)]


def lines(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def nested(depth: int) -> str:
    return "[" * depth + "]" * depth


# --- 1. one file never aborts the batch ------------------------------------------------------------


def test_deep_json_and_odd_file_names_never_stop_a_run_nor_its_resume(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    short_articles(folder, 2)
    (folder / "deep.json").write_text(nested(100_000))
    (folder / "deep.jsonl").write_text(nested(100_000) + "\n" + json.dumps({"id": "ok", "text": SHORT}) + "\n")
    deep: Any = 1
    for _ in range(300):
        deep = [deep]
    (folder / "deepkey.json").write_text(json.dumps({"text": SHORT, "extra": deep}))
    with open(os.fsencode(folder) + b"/bad\xff.txt", "w", encoding="utf-8") as f:
        f.write(SHORT)
    out = tmp_path / "out" / "facts.jsonl"
    result = run(str(folder), "-o", str(out), "-j", "1")
    assert result.exit_code == 1
    records = {r["id"] for r in lines(out)}
    errors = {e["id"]: e["error"] for e in lines(out.with_name("facts.errors.jsonl"))}
    assert records == {"a000", "a001", "ok", "deepkey", "bad\\xff"}
    assert errors == {"deep": "json", "deep:1": "json"}
    short_articles(folder, 1, start=2)
    resumed = run(str(folder), "-o", str(out), "-j", "1", "--resume")
    assert resumed.exit_code == 1  # the errors of the earlier run are still this output's errors
    assert "json" in resumed.output and "already written" in resumed.output
    assert sorted(r["id"] for r in lines(out)) == sorted([*records, "a002"])
    assert len(lines(out.with_name("facts.errors.jsonl"))) == 2


def test_a_record_no_writer_can_serialize_becomes_an_error_entry(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import extractor.writers as writers

    real = writers.to_json_line

    def fussy(model: Any) -> str:
        if isinstance(model, ArticleRecord) and model.id == "a001":
            raise ValueError("Maximum serialization depth exceeded")
        return real(model)

    monkeypatch.setattr(writers, "to_json_line", fussy)
    short_articles(tmp_path / "in", 3)
    out = tmp_path / "facts.jsonl"
    result = run(str(tmp_path / "in"), "-o", str(out), "-j", "1")
    assert result.exit_code == 1
    assert [r["id"] for r in lines(out)] == ["a000", "a002"]
    (error,) = lines(out.with_name("facts.errors.jsonl"))
    assert error["id"] == "a001" and error["error"] == "internal"


@pytest.mark.parametrize("processes", ["1", "2"])
def test_an_article_that_breaks_a_pipeline_component_is_one_error_entry(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, processes: str
) -> None:
    import extractor.extractors as extractors

    real = extractors.FactComponent.__call__

    def broken(self: Any, doc: Any) -> Any:
        if "Zanzibar" in doc.text and self.attribute == "quotes":
            raise IndexError("a component's bug on one text")
        return real(self, doc)

    monkeypatch.setattr(extractors.FactComponent, "__call__", broken)  # workers fork with it
    ids = short_articles(tmp_path / "in", 12)
    (tmp_path / "in" / "a005.txt").write_text("In 2021 there were 12 storms in Zanzibar, officials said.")
    out = tmp_path / "facts.jsonl"
    result = run(str(tmp_path / "in"), "-o", str(out), "-j", processes)
    assert result.exit_code == 1, result.output  # some article failed; the run itself did not
    assert [r["id"] for r in lines(out)] == [i for i in ids if i != "a005"]
    (error,) = lines(out.with_name("facts.errors.jsonl"))
    assert error["id"] == "a005" and error["error"] == "internal" and "IndexError" in error["message"]


# --- 2. nothing outside the input is read --------------------------------------------------------


def test_a_symlink_out_of_the_input_is_an_error_unless_followed(tmp_path: Path) -> None:
    secret = tmp_path / "private" / "passwd.txt"
    secret.parent.mkdir()
    secret.write_text("In 2022 there were 77 SECRETWORD crashes in Dayton.")
    folder = tmp_path / "in"
    short_articles(folder, 1)
    os.symlink(secret, folder / "passwd.txt")
    out, db = tmp_path / "facts.jsonl", tmp_path / "facts.db"
    result = run(str(folder), "-o", str(out), "--db", str(db), "-j", "1")
    assert result.exit_code == 1 and "outside_input" in result.output
    assert "SECRETWORD" not in out.read_text() + out.with_name("facts.errors.jsonl").read_text()
    assert b"SECRETWORD" not in db.read_bytes()
    assert {e["id"]: e["error"] for e in lines(out.with_name("facts.errors.jsonl"))} == {"passwd": "outside_input"}
    followed = run(str(folder), "-o", str(tmp_path / "f.jsonl"), "-j", "1", "--follow-symlinks")
    assert followed.exit_code == 0 and "SECRETWORD" in (tmp_path / "f.jsonl").read_text()


# --- 3. and 9. a run that stops keeps its work -------------------------------------------------------


def test_a_full_disk_stops_the_run_clearly_and_keeps_the_part_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = JsonlWriter.write_record
    calls = {"n": 0}

    def full(self: JsonlWriter, record: ArticleRecord) -> None:
        calls["n"] += 1
        if calls["n"] > 2:
            raise OSError(errno.ENOSPC, "No space left on device", str(self.output) + ".part")
        real(self, record)

    monkeypatch.setattr(JsonlWriter, "write_record", full)
    short_articles(tmp_path / "in", 4)
    out = tmp_path / "facts.jsonl"
    result = run(str(tmp_path / "in"), "-o", str(out), "-j", "1")
    assert result.exit_code >= 3
    assert "No space left on device" in result.output and "--resume" in result.output
    assert "OSError" not in result.output
    assert not out.exists() and [r["id"] for r in lines(out.with_name("facts.jsonl.part"))] == ["a000", "a001"]
    monkeypatch.setattr(JsonlWriter, "write_record", real)
    asked = run(str(tmp_path / "in"), "-o", str(out), "-j", "1")  # a part file: --resume or --no-resume
    assert asked.exit_code == 2 and "--resume" in asked.output
    assert run(str(tmp_path / "in"), "-o", str(out), "-j", "1", "--resume").exit_code == 0
    assert [r["id"] for r in lines(out)] == ["a000", "a001", "a002", "a003"]


def test_resuming_after_an_input_changed_replaces_its_record(tmp_path: Path) -> None:
    ids = short_articles(tmp_path / "in", 3)
    out = tmp_path / "facts.jsonl"
    assert run(str(tmp_path / "in"), "-o", str(out), "-j", "1", "-q").exit_code == 0
    (tmp_path / "in" / "a001.txt").write_text("In 2023 there were 4,321 fires in Akron.", encoding="utf-8")
    assert run(str(tmp_path / "in"), "-o", str(out), "-j", "1", "-q", "--resume").exit_code == 0
    records = lines(out)
    assert sorted(r["id"] for r in records) == ids
    assert "4,321 fires" in next(r["text"] for r in records if r["id"] == "a001")


# --- 5. CSV cells are never formulas ---------------------------------------------------------------


def test_csv_cells_that_look_like_formulas_are_neutralised(tmp_path: Path) -> None:
    out = tmp_path / "facts.jsonl"
    record = ArticleRecord(
        id='=HYPERLINK("http://x")',
        source="+cmd",
        path="-2+3",
        title="@SUM(A1)",
        published=None,
        location="\tx",
        text="\r=1+1",
    )
    with CsvWriter(out) as writer:
        writer.write_record(record)
        writer.write_error(ExtractionError(source="=bad", id="@x", error="json", message="-1"))  # type: ignore[arg-type]
    with open(tmp_path / "facts.articles.csv", encoding="utf-8-sig", newline="") as f:
        (row,) = list(csv.DictReader(f))
    for key in ("id", "source", "path", "title", "location", "text"):
        assert row[key].startswith("'"), key
    with open(tmp_path / "facts.errors.csv", encoding="utf-8-sig", newline="") as f:
        (error,) = list(csv.DictReader(f))
    assert error["source"] == "'=bad" and error["id"] == "'@x" and error["message"] == "'-1"


def test_check_csv_neutralises_formula_cells(tmp_path: Path) -> None:
    records = tmp_path / "records.jsonl"
    text = "In 2014, St. Louis had 159 homicides."
    article = {"id": "=cmd|' /C calc'!A0", "text": text, "source": "=src"}
    (tmp_path / "a.jsonl").write_text(json.dumps(article) + "\n")
    assert run(str(tmp_path / "a.jsonl"), "-o", str(records), "-j", "1", "-q").exit_code == 0
    official = CORPUS / "official" / "ucr_violent_crime_1975_2015.csv"
    result = runner.invoke(app, ["check", str(records), "--official", str(official), "--csv"])
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows and all(r["article"] == "'=cmd|' /C calc'!A0" for r in rows)


def test_csv_files_of_an_earlier_run_never_stay_stale(tmp_path: Path) -> None:
    out = tmp_path / "facts.csv"
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "seed.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "in" / "empty.txt").write_text("")
    assert run(str(tmp_path / "in"), "-o", str(out), "--format", "csv", "-j", "1", "-q").exit_code == 1
    assert (tmp_path / "facts.quotes.csv").read_text().count("\n") > 2 and (tmp_path / "facts.errors.csv").exists()
    (tmp_path / "in" / "seed.txt").write_text("In 2022 there were 1,204 crashes in Dayton.", encoding="utf-8")
    (tmp_path / "in" / "empty.txt").unlink()
    assert run(str(tmp_path / "in"), "-o", str(out), "--format", "csv", "-j", "1", "-q").exit_code == 0
    with open(tmp_path / "facts.quotes.csv", encoding="utf-8-sig") as f:
        assert list(csv.DictReader(f)) == []  # a header, none of the earlier run's quotes
    assert not (tmp_path / "facts.errors.csv").exists()
    assert not list(tmp_path.glob("*.part"))


# --- 6. one output, one run ------------------------------------------------------------------------


def test_a_second_run_on_a_locked_output_fails_and_leaves_it_alone(tmp_path: Path) -> None:
    short_articles(tmp_path / "in", 2)
    out = tmp_path / "facts.jsonl"
    out.write_text("earlier\n")
    with OutputLock(out):
        result = run(str(tmp_path / "in"), "-o", str(out), "-j", "1")
        assert result.exit_code >= 3 and "another run" in result.output
    assert out.read_text() == "earlier\n" and not out.with_name("facts.jsonl.lock").exists()
    assert run(str(tmp_path / "in"), "-o", str(out), "-j", "1", "-q").exit_code == 0


def test_two_concurrent_runs_on_one_output(tmp_path: Path) -> None:
    ids = short_articles(tmp_path / "in", 40)
    out = tmp_path / "facts.jsonl"
    first = subprocess.Popen(
        [sys.executable, "-m", "extractor", "extract", str(tmp_path / "in"), "-o", str(out), "-j", "1", "-q"],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    wait_for(lambda: out.with_name("facts.jsonl.lock").exists(), first)
    second = run(str(tmp_path / "in"), "-o", str(out), "-j", "1")
    assert second.exit_code >= 3 and "another run" in second.output
    assert first.wait(timeout=300) == 0
    assert [r["id"] for r in lines(out)] == ids


# --- 7. SQLite: no duplicates, frequent commits, never complete-looking when not --------------------


def test_db_errors_are_upserted_and_a_failed_run_is_marked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "in"
    short_articles(folder, 3)
    (folder / "empty.txt").write_text("")
    db = tmp_path / "facts.db"
    for _ in range(2):
        assert run(str(folder), "--db", str(db), "-j", "1", "-q").exit_code == 1
    con = sqlite3.connect(db)
    assert con.execute("select count(*) from errors").fetchone()[0] == 1
    assert con.execute("select status from runs").fetchall() == [("complete",), ("complete",)]
    con.close()

    import extractor.batch as batch

    real = batch.extract_records
    given = {"n": 0}

    def dies_after_one(items: Any, *args: Any, **kwargs: Any) -> Any:
        for result in real(items, *args, **kwargs):  # after one result, no article gets through
            if given["n"] == 1:
                raise RuntimeError("worker lost")
            given["n"] += 1
            yield result

    monkeypatch.setattr(batch, "extract_records", dies_after_one)
    fresh = tmp_path / "fresh.db"
    failed = run(str(folder), "--db", str(fresh), "-j", "1")
    assert failed.exit_code >= 3 and "--resume" in failed.output
    con = sqlite3.connect(fresh)
    assert con.execute("select status from runs").fetchall() == [("failed",)]  # not complete-looking
    assert con.execute("select count(*) from articles").fetchone()[0] == 1  # its work is kept
    con.close()
    monkeypatch.setattr(batch, "extract_records", real)
    assert run(str(folder), "--db", str(fresh), "-j", "1").exit_code == 2  # asks for --resume
    assert run(str(folder), "--db", str(fresh), "-o", str(tmp_path / "f.jsonl"), "-j", "1", "--resume").exit_code == 1
    con = sqlite3.connect(fresh)
    assert con.execute("select count(*) from articles").fetchone()[0] == 3
    assert con.execute("select count(*) from errors").fetchone()[0] == 1
    assert con.execute("select status from runs order by id desc limit 1").fetchone() == ("complete",)


# --- 3., 4. and 7. signals, killed workers, orphans (real processes) --------------------------------


def wait_for(condition: Callable[[], bool], child: subprocess.Popen[Any], limit: float = 240) -> None:
    """Until `condition` holds (a guard against a hang, not a speed measure)."""
    deadline = time.monotonic() + limit
    while not condition():
        assert child.poll() is None, child.stderr.read() if child.stderr else child.returncode
        assert time.monotonic() < deadline, "the run made no progress"
        time.sleep(0.05)


def children(pid: int) -> list[int]:
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        with contextlib.suppress(OSError):
            found += [int(c) for c in (task / "children").read_text().split()]
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def gone(pids: list[int], limit: float = 30) -> bool:
    deadline = time.monotonic() + limit
    while any(alive(p) for p in pids) and time.monotonic() < deadline:
        time.sleep(0.1)
    return not any(alive(p) for p in pids)


def count_lines(path: Path) -> int:
    try:
        return path.read_bytes().count(b"\n")
    except OSError:
        return 0


def start(folder: Path, out: Path, *extra: str) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "extractor", "extract", str(folder), "-o", str(out), "-j", "2", "-q", *extra]
    return subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)


pytestmark_linux = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")


@pytestmark_linux
def test_a_killed_worker_fails_the_run_which_keeps_its_work_and_resumes(tmp_path: Path) -> None:
    ids = short_articles(tmp_path / "in", 160)
    out = tmp_path / "facts.jsonl"
    child = start(tmp_path / "in", out)
    part = out.with_name("facts.jsonl.part")
    wait_for(lambda: count_lines(part) >= 20 and len(children(child.pid)) >= 2, child)
    workers = children(child.pid)
    os.kill(workers[0], signal.SIGKILL)
    _, stderr = child.communicate(timeout=120)
    assert child.returncode == 3, stderr
    assert b"worker process died" in stderr and b"--resume" in stderr and b"Traceback" not in stderr
    assert not out.exists() and count_lines(part) >= 20
    assert gone(workers)
    assert run(str(tmp_path / "in"), "-o", str(out), "-j", "1", "-q", "--resume").exit_code == 0
    assert [r["id"] for r in lines(out)] == ids


@pytestmark_linux
def test_ctrl_c_stops_promptly_with_a_message_and_keeps_the_part_file(tmp_path: Path) -> None:
    short_articles(tmp_path / "in", 160)
    out = tmp_path / "facts.jsonl"
    child = start(tmp_path / "in", out)
    part = out.with_name("facts.jsonl.part")
    wait_for(lambda: count_lines(part) >= 20 and len(children(child.pid)) >= 2, child)
    workers = children(child.pid)
    os.killpg(child.pid, signal.SIGINT)  # as a terminal does: the whole process group
    _, stderr = child.communicate(timeout=120)
    assert child.returncode == 130, stderr
    assert b"interrupted" in stderr and b"--resume" in stderr and b"Traceback" not in stderr
    assert count_lines(part) >= 20 and not out.exists()
    assert gone(workers)


@pytestmark_linux
def test_sigterm_ends_the_workers_and_keeps_the_part_file(tmp_path: Path) -> None:
    short_articles(tmp_path / "in", 160)
    out = tmp_path / "facts.jsonl"
    child = start(tmp_path / "in", out)
    wait_for(lambda: count_lines(out.with_name("facts.jsonl.part")) >= 20 and len(children(child.pid)) >= 2, child)
    workers = children(child.pid)
    child.send_signal(signal.SIGTERM)
    _, stderr = child.communicate(timeout=120)
    assert child.returncode == 143 and b"--resume" in stderr and b"Traceback" not in stderr
    assert gone(workers)


@pytestmark_linux
def test_kills_at_random_points_leave_no_orphans_and_resume_with_db_writes_each_article_once(tmp_path: Path) -> None:
    # Longer articles than elsewhere: on a fast machine 160 one-line articles finished before the
    # kill point was reached, and the run ended on its own.
    ids = short_articles(tmp_path / "in", 160, filler=12)
    empties = [f"a{i:03d}e" for i in (3, 17, 41, 77, 130)]
    for name in empties:  # error entries among the articles: none may be written twice
        (tmp_path / "in" / f"{name}.txt").write_text("")
    out, db = tmp_path / "facts.jsonl", tmp_path / "facts.db"
    seed = random.randrange(1 << 30)
    rng = random.Random(seed)

    def committed() -> int:
        try:
            con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
            try:
                return int(con.execute("select count(*) from articles").fetchone()[0])
            finally:
                con.close()
        except sqlite3.Error:
            return 0

    for kill in range(2):
        target = committed() + rng.randint(3, 40)
        child = start(tmp_path / "in", out, "--db", str(db), *(["--resume"] if kill else []))
        wait_for(lambda t=target, c=child: committed() >= t and len(children(c.pid)) >= 2, child)  # type: ignore[misc]
        workers = children(child.pid)
        child.send_signal(signal.SIGKILL)
        child.wait()
        assert gone(workers), f"workers outlived their parent (seed {seed})"
        assert target <= committed() < len(ids)
    resumed = run(str(tmp_path / "in"), "-o", str(out), "--db", str(db), "-j", "1", "-q", "--resume")
    assert resumed.exit_code == 1
    assert sorted(r["id"] for r in lines(out)) == ids, seed
    assert sorted(e["id"] for e in lines(out.with_name("facts.errors.jsonl"))) == empties, seed
    con = sqlite3.connect(db)
    assert sorted(r[0] for r in con.execute("select id from articles")) == ids
    assert sorted(r[0] for r in con.execute("select id from errors")) == empties
    assert [r[0] for r in con.execute("select status from runs")] == ["running", "running", "complete"]


# --- 9. report and check inputs --------------------------------------------------------------------


def test_report_refuses_a_malformed_check_file(tmp_path: Path) -> None:
    records = tmp_path / "r.jsonl"
    (tmp_path / "a.txt").write_text(SHORT.format(n=5))
    assert run(str(tmp_path / "a.txt"), "-o", str(records), "-j", "1", "-q").exit_code == 0
    for bad in ("[1, 2]", '[{"article": "a"}]', '{"rows": []}', "[" * 100_000):
        (tmp_path / "check.json").write_text(bad)
        result = runner.invoke(
            app, ["report", str(records), "--check", str(tmp_path / "check.json"), "-o", str(tmp_path / "r.html")]
        )
        assert result.exit_code == 2 and "check" in result.output and "Traceback" not in result.output, bad
        assert not (tmp_path / "r.html").exists()


def test_identical_duplicate_official_rows_are_reported(tmp_path: Path) -> None:
    from extractor.check import load_official

    official = tmp_path / "official.csv"
    official.write_text("metric,year,value,location\nhomicide,2014,159,St. Louis\nhomicide,2014,159,St. Louis\n")
    assert load_official(official).duplicates == [f"{official}, line 3: homicide 2014 St. Louis repeats line 2"]
    records = tmp_path / "r.jsonl"
    (tmp_path / "a.txt").write_text("In 2014, St. Louis had 159 homicides.")
    assert run(str(tmp_path / "a.txt"), "-o", str(records), "-j", "1", "-q").exit_code == 0
    checked = runner.invoke(app, ["check", str(records), "--official", str(official)])
    said = " ".join(checked.output.split())  # a long line may wrap on the console
    assert checked.exit_code == 0 and "warning" in said and "homicide 2014 St. Louis repeats line 2" in said


def test_a_record_half_written_to_the_db_when_the_run_stops_is_not_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from extractor.models import DateMention
    from extractor.writers import SqliteWriter

    def record(rid: str) -> ArticleRecord:
        text = "In 2022 there were 5 fires."
        dates = [DateMention(text="2022", start=3, end=7, value="2022")]
        return ArticleRecord(
            id=rid, source=rid, path=rid, title=None, published=None, location=None, text=text, dates=dates
        )

    db = tmp_path / "facts.db"
    real = SqliteWriter._table
    with pytest.raises(KeyboardInterrupt), SqliteWriter(db) as writer:
        writer.COMMIT_SECONDS = 0  # every record committed as soon as written
        writer.write_record(record("first"))

        def interrupted(self: SqliteWriter, kind: str, rows: list[dict[str, Any]]) -> None:
            raise KeyboardInterrupt  # Ctrl-C between the article's row and its facts

        monkeypatch.setattr(SqliteWriter, "_table", interrupted)
        writer.write_record(record("second"))
    monkeypatch.setattr(SqliteWriter, "_table", real)
    con = sqlite3.connect(db)
    assert con.execute("select id from articles").fetchall() == [("first",)]
    assert con.execute("select status from runs").fetchall() == [("interrupted",)]
