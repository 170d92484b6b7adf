"""Batch runs: kill and resume, every output format, process pools and Dask give the same output."""

from __future__ import annotations

import csv
import json
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language
from typer.testing import CliRunner

from extractor.batch import batches, ordered_results
from extractor.cli import app
from extractor.ingest import iter_articles
from extractor.models import Article, ErrorKind, ExtractionError
from tests.conftest import CORPUS, ROOT

runner = CliRunner()
SEED_TEXT = (CORPUS / "st-louis-homicides.txt").read_text(encoding="utf-8")


def corpus_copy(tmp_path: Path, copies: int = 1) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    n = 0
    for article in sorted(CORPUS.glob("*.txt")):
        for k in range(copies):
            (folder / f"{article.stem}-{k}.txt").write_text(article.read_text(encoding="utf-8"), encoding="utf-8")
            n += 1
    return folder


def lines(path: Path) -> list[dict]:
    text = path.read_text(encoding="utf-8")
    assert text.endswith("\n")
    return [json.loads(line) for line in text.splitlines()]


def extract(*args: str) -> int:
    result = runner.invoke(app, ["extract", *args, "--quiet"])
    assert "Traceback" not in result.output, result.output
    return result.exit_code


def test_kill_and_resume_writes_every_article_exactly_once(tmp_path: Path) -> None:
    folder = corpus_copy(tmp_path, copies=2)
    expected = sorted(p.stem for p in folder.glob("*.txt"))
    out = tmp_path / "out" / "facts.jsonl"
    part = out.with_name("facts.jsonl.part")
    command = [sys.executable, "-m", "extractor", "extract", str(folder), "--output", str(out), "-j", "1", "--quiet"]
    child = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 120
    while time.time() < deadline and (not part.exists() or part.read_text(encoding="utf-8").count("\n") < 10):
        time.sleep(0.05)
    child.send_signal(signal.SIGKILL)
    child.wait()
    assert not out.exists(), "a killed run must not leave a file at the output path"
    written_before = part.read_text(encoding="utf-8").count("\n")
    assert 10 <= written_before < len(expected)
    with open(part, "a", encoding="utf-8") as f:
        f.write('{"id": "cut sho')  # a line cut short by the kill
    assert extract(str(folder), "--output", str(out), "--resume") == 0
    ids = [r["id"] for r in lines(out)]
    assert sorted(ids) == expected and len(ids) == len(set(ids))
    assert not part.exists()


def test_resume_after_a_finished_run_writes_nothing_twice(tmp_path: Path) -> None:
    folder = corpus_copy(tmp_path)
    out = tmp_path / "facts.jsonl"
    assert extract(str(folder), "--output", str(out), "-j", "1") == 0
    first = out.read_text(encoding="utf-8")
    (folder / "zz-new.txt").write_text("In 2022 there were 1,204 crashes in Dayton.", encoding="utf-8")
    assert extract(str(folder), "--output", str(out), "--resume", "-j", "1") == 0
    records = lines(out)
    assert out.read_text(encoding="utf-8").startswith(first)
    assert [r["id"] for r in records].count("zz-new") == 1 and len(records) == first.count("\n") + 1


def test_two_processes_write_what_one_does(tmp_path: Path) -> None:
    folder = corpus_copy(tmp_path)
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    assert extract(str(folder), "--output", str(one), "-j", "1") == 0
    assert extract(str(folder), "--output", str(two), "-j", "2") == 0
    assert one.read_text(encoding="utf-8") == two.read_text(encoding="utf-8")


def test_csv_output_one_file_per_kind(tmp_path: Path) -> None:
    out = tmp_path / "facts.csv"
    assert extract(str(CORPUS / "st-louis-homicides.txt"), "--output", str(out), "--format", "csv", "-j", "1") == 0
    with open(tmp_path / "facts.figures.csv", encoding="utf-8-sig") as f:
        figures = list(csv.DictReader(f))
    assert len(figures) == 5 and {r["article_id"] for r in figures} == {"st-louis-homicides"}
    assert {r["year"] for r in figures} == {"2020", "2021", "2022", "2023", "2014"}
    for kind in ("articles", "changes", "claims", "officials", "quotes", "events", "dates"):
        assert (tmp_path / f"facts.{kind}.csv").exists(), kind
    assert not list(tmp_path.glob("*.part"))


def test_sqlite_output_tables_keys_fts_and_upsert(tmp_path: Path) -> None:
    db = tmp_path / "facts.db"
    seed = str(CORPUS / "st-louis-homicides.txt")
    assert extract(seed, "--db", str(db), "-j", "1") == 0
    assert extract(seed, "--db", str(db), "-j", "1") == 0  # again: an upsert, not a second copy
    con = sqlite3.connect(db)
    tables = {r[0] for r in con.execute("select name from sqlite_master where type = 'table'")}
    assert {"articles", "figures", "changes", "claims", "officials", "quotes", "events", "dates"} <= tables
    assert con.execute("select count(*) from articles").fetchone()[0] == 1
    assert con.execute("select count(*) from figures").fetchone()[0] == 5
    fks = con.execute("pragma foreign_key_list(figures)").fetchall()
    assert any(fk[2] == "articles" for fk in fks)
    assert any("article_id" in r[1] for r in con.execute("select * from sqlite_master where type = 'index'"))
    hits = con.execute("select speaker from quotes_fts where quotes_fts match 'celebrate'").fetchall()
    assert hits == [("Tishaura O. Jones",)]


SOURCES_TEXT = (
    "Mayor Ann Cole spoke at the depot on Monday.\n\n"
    "\u201cThe buses will run all night,\u201d the mayor said.\n\n"
    "\u201cService resumes at dawn,\u201d the transit authority said.\n\n"
    "\u201cRidership fell by a third,\u201d the audit said.\n"
)
SOURCES = [("Ann Cole", "person"), ("transit authority", "organization"), ("the audit", "other")]


@pytest.mark.parametrize("output", ["csv", "db"])
def test_quote_speakers_and_their_types_in_csv_and_sqlite(tmp_path: Path, output: str) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "depot.txt").write_text(SOURCES_TEXT, encoding="utf-8")
    if output == "csv":
        assert extract(str(folder), "--output", str(tmp_path / "facts.csv"), "--format", "csv", "-j", "1") == 0
        with open(tmp_path / "facts.quotes.csv", encoding="utf-8-sig") as f:
            rows = [(r["speaker"], r["speaker_type"]) for r in csv.DictReader(f)]
    else:
        assert extract(str(folder), "--db", str(tmp_path / "facts.db"), "-j", "1") == 0
        con = sqlite3.connect(tmp_path / "facts.db")
        rows = list(con.execute("select speaker, speaker_type from quotes order by n"))
        assert {r[1] for r in con.execute("pragma table_info(quotes)")} >= {"speaker_phrase", "speaker_organization"}
    assert rows == SOURCES


def test_dask_engine_on_a_local_cluster_writes_what_the_local_engine_does(tmp_path: Path) -> None:
    pytest.importorskip("distributed")
    folder = tmp_path / "in"
    folder.mkdir()
    for article in sorted(CORPUS.glob("*.txt"))[:6]:
        (folder / article.name).write_text(article.read_text(encoding="utf-8"), encoding="utf-8")
    local, dask = tmp_path / "local.jsonl", tmp_path / "dask.jsonl"
    assert extract(str(folder), "--output", str(local), "-j", "1") == 0
    env = {**os.environ, "PYTHONWARNINGS": "ignore"}
    command = [
        sys.executable,
        "-m",
        "extractor",
        "extract",
        str(folder),
        "--output",
        str(dask),
        "--engine",
        "dask",
        "-j",
        "2",
        "--quiet",
    ]
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    assert dask.read_text(encoding="utf-8") == local.read_text(encoding="utf-8")


def test_csv_opens_in_a_spreadsheet_as_text_a_person_reads(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "seed.txt").write_text(SEED_TEXT, encoding="utf-8")
    out = tmp_path / "facts.csv"
    assert extract(str(folder), "--output", str(out), "--format", "csv", "-j", "1") == 0
    for path in tmp_path.glob("facts.*.csv"):
        raw = path.read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf"), path.name  # the BOM: a spreadsheet reads UTF-8
        with open(path, encoding="utf-8-sig", newline="") as f:
            rows = list(csv.reader(f))
        assert len(raw.decode("utf-8-sig").splitlines()) == len(rows), path.name  # one line per row
        for row in rows:
            for cell in row:
                assert not cell.startswith("[") and not cell.startswith("{"), (path.name, cell)  # no JSON
    with open(tmp_path / "facts.officials.csv", encoding="utf-8-sig") as f:
        officials = {r["name"]: r for r in csv.DictReader(f)}
    jones = officials["Tishaura O. Jones"]
    assert "; " in jones["aliases"] and "Jones" in jones["aliases"].split("; ")
    assert all("-" in span for span in jones["mentions"].split("; "))


def test_sqlite_for_datasette_typed_labelled_and_complete(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "seed.txt").write_text(SEED_TEXT, encoding="utf-8")
    (folder / "titled.txt").write_text("A Headline for Dayton\n\nIn 2022 Dayton recorded 12 arson fires.\n")
    db = tmp_path / "facts.db"
    assert extract(str(folder), "--db", str(db), "-j", "1") == 0
    con = sqlite3.connect(db)
    tables = {r[0] for r in con.execute("select name from sqlite_master where type = 'table'")}
    assert {"articles", "figures", "changes", "claims", "officials", "quotes", "events", "dates", "errors"} <= tables
    assert con.execute("select count(*) from errors").fetchone()[0] == 0  # present, though empty
    types = {r[1]: r[2] for r in con.execute("pragma table_info(changes)")}
    assert types["percent"] == "REAL" and types["start"] == "INTEGER"
    types = {r[1]: r[2] for r in con.execute("pragma table_info(figures)")}
    assert types["year"] == "INTEGER" and types["count"] == "NUMERIC"
    # a whole count is stored as an integer (Datasette shows 12, not 12.0)
    kinds = {r[0] for r in con.execute("select typeof(count) from figures where article_id = 'seed'")}
    assert kinds == {"integer"}  # the seed's counts are all whole
    counts = [r[0] for r in con.execute("select count from figures where article_id = 'seed' order by count")]
    assert counts == sorted(counts) and counts[0] < counts[-1]
    labels = dict(con.execute("select id, name from articles"))
    assert labels["seed"] == "seed" and labels["titled"] == "A Headline for Dayton"
    # Datasette labels a row by the first column called "name" or "title": the one never empty
    columns = [r[1] for r in con.execute("pragma table_info(articles)")]
    assert [c for c in columns if c in ("name", "title")][0] == "name"
    metadata = json.loads((tmp_path / "facts.metadata.json").read_text(encoding="utf-8"))
    tables_meta = metadata["databases"]["facts"]["tables"]
    assert tables_meta["articles"]["label_column"] == "name"
    assert "metric" in tables_meta["figures"]["facets"]


STORMS = "In 2021 there were {n} storms near the coast, forecasters said."


@pytest.fixture
def zanzibar_breaks_a_component(monkeypatch: pytest.MonkeyPatch) -> None:
    """A component's bug on one text: the people component raises on any text naming Zanzibar."""
    import extractor.extractors as extractors

    real = extractors.FactComponent.__call__

    def broken(self: Any, doc: Any) -> Any:
        if "Zanzibar" in doc.text and self.attribute == "people":
            raise KeyError("a component's bug on one text")
        return real(self, doc)

    monkeypatch.setattr(extractors.FactComponent, "__call__", broken)


@pytest.mark.parametrize("poisoned", [[0], [3], [5], [0, 5]])
def test_an_article_a_component_fails_on_is_an_error_wherever_it_lies_in_its_chunk(
    nlp: Language, zanzibar_breaks_a_component: None, poisoned: list[int]
) -> None:
    from extractor.batch import guarded_records

    chunk: list[Article | ExtractionError] = [
        Article(id=f"a{i}", source="s", path=f"a{i}", text=STORMS.format(n=10 + i)) for i in range(6)
    ]
    chunk[2] = ExtractionError(source="e", id="e", error=ErrorKind.empty, message="nothing")
    for i in poisoned:
        chunk[i] = Article(id=f"a{i}", source="s", path=f"a{i}", text="In 2020 Zanzibar had 4 storms.")
    results = list(guarded_records(chunk, nlp, 8, 1_000_000, None))
    assert [r.id for r in results] == [item.id for item in chunk]
    kinds = {r.id: getattr(r, "error", "record") for r in results}
    assert kinds == {
        item.id: "internal" if n in poisoned else ("empty" if n == 2 else "record") for n, item in enumerate(chunk)
    }


def test_a_pipeline_no_article_gets_through_stops_the_run(nlp: Language, monkeypatch: pytest.MonkeyPatch) -> None:
    import extractor.extractors as extractors
    from extractor.batch import guarded_records

    def broken(self: Any, doc: Any) -> Any:
        raise OSError("the model's files are gone")

    monkeypatch.setattr(extractors.FactComponent, "__call__", broken)
    chunk: list[Article | ExtractionError] = [
        Article(id=f"a{i}", source="s", path=f"a{i}", text=STORMS.format(n=10 + i)) for i in range(3)
    ]
    with pytest.raises(OSError, match="files are gone"):
        list(guarded_records(chunk, nlp, 8, 1_000_000, None))


def test_a_lone_article_that_fails_after_good_ones_is_its_error(
    nlp: Language, zanzibar_breaks_a_component: None
) -> None:
    from extractor.batch import guarded_records

    good: list[Article | ExtractionError] = [Article(id="a0", source="s", path="a0", text=STORMS.format(n=3))]
    poisoned = Article(id="z", source="s", path="z", text="In 2020 Zanzibar had 4 storms.")
    lone: list[Article | ExtractionError] = [poisoned]
    assert [r.id for r in guarded_records(good, nlp, 8, 1_000_000, None)] == ["a0"]
    # the last chunk of a run may hold one article: the pipeline has proven itself, the article is to blame
    (result,) = guarded_records(lone, nlp, 8, 1_000_000, None)
    assert isinstance(result, ExtractionError) and result.error == ErrorKind.internal


def _article(n: int, chars: int) -> Article:
    return Article(id=f"a{n}", source="s", path="p", text="x" * chars)


@pytest.mark.parametrize(
    ("lengths", "size", "max_chars", "expected"),
    [
        ([10, 10, 10, 10, 10], 2, 1000, [[0, 1], [2, 3], [4]]),  # short articles: the count decides
        ([400, 400, 400], 32, 1000, [[0, 1], [2]]),  # long ones: the characters decide
        ([1500, 10, 10], 32, 1000, [[0], [1, 2]]),  # longer than a batch: alone
        ([10, 1500, 10], 32, 1000, [[0], [1], [2]]),
        ([500, 500], 32, 1000, [[0, 1]]),  # exactly the budget still fits
        ([], 32, 1000, []),
    ],
)
def test_batches_are_cut_by_count_and_by_characters(
    lengths: list[int], size: int, max_chars: int, expected: list[list[int]]
) -> None:
    items = [_article(n, chars) for n, chars in enumerate(lengths)]
    got = [[int(a.id[1:]) for a in batch if isinstance(a, Article)] for batch in batches(items, size, max_chars)]
    assert got == expected


def test_error_entries_cost_no_characters_and_keep_their_place() -> None:
    error = ExtractionError(source="s", id="bad", error=ErrorKind.decode, message="not text")
    items: list[Article | ExtractionError] = [_article(0, 900), error, _article(1, 100), _article(2, 10)]
    got = [[i.id for i in batch] for batch in batches(items, 32, 1000)]
    assert got == [["a0", "bad", "a1"], ["a2"]]


@pytest.mark.parametrize(
    ("count", "size", "workers", "expected"),
    [
        (40, 8, 0, [8, 8, 8, 8, 8]),  # one process: no tapering
        (40, 8, 2, [8, 8, 6, 4, 3, 2, 2, 1, 1, 1, 1, 1, 1, 1]),  # the last ones shrink
        (100, 16, 2, [16, 16, 16, 13, 9, 7, 5, 4, 3, 2, 2, 1, 1, 1, 1, 1, 1, 1]),
        (3, 16, 2, [1, 1, 1]),
        (0, 16, 2, []),
    ],
)
def test_a_pools_last_batches_taper(count: int, size: int, workers: int, expected: list[int]) -> None:
    items = [_article(n, 10) for n in range(count)]
    got = list(batches(items, size, workers=workers))
    assert [len(batch) for batch in got] == expected
    assert [a for batch in got for a in batch] == items  # every item once, in order


@pytest.mark.parametrize(("chars", "read_at_most"), [(10, 80), (20_000, 10)])
def test_a_pools_first_batches_go_out_before_the_run_is_read_far_ahead(chars: int, read_at_most: int) -> None:
    """Its workers wait for them: two batches per worker are read (by count, or by text), not the
    4 x 16 x workers items read ahead later on, to know when to taper."""
    read: list[int] = []

    def articles() -> Any:
        for n in range(1000):
            read.append(n)
            yield _article(n, chars)

    chunks = batches(articles(), 16, workers=2)
    first, second = next(chunks), next(chunks)
    assert len(read) <= read_at_most
    got = [a.id for chunk in (first, second, *chunks) for a in chunk]
    assert got == [f"a{n}" for n in range(1000)]


@pytest.mark.parametrize(
    "lengths",
    [
        [100] * 20 + [3000] * 4,  # long articles last: they go one to a batch
        [3000] * 4 + [100] * 20,  # long ones first
        [100, 3000] * 12,  # mixed
        [3000, 100, 100, 100] * 6,  # a long one every fourth
        [50] * 30,  # all alike: the count decides, as above
    ],
)
def test_a_pools_last_batches_are_a_share_of_the_text_left(lengths: list[int]) -> None:
    items = [_article(n, chars) for n, chars in enumerate(lengths)]
    got = list(batches(items, 16, max_chars=40_000, workers=2))
    left = sum(lengths)
    for batch in got:
        chars = sum(len(a.text) for a in batch if isinstance(a, Article))
        assert len(batch) == 1 or chars <= left // 4, (chars, left)  # a 2*workers-th at most
        left -= chars
    assert [a for batch in got for a in batch] == items


def test_a_free_worker_takes_the_next_chunk_while_an_earlier_one_still_runs() -> None:
    """The first chunk blocks; the other worker must go on through later chunks (up to the held
    limit) instead of idling until the first one's results can be yielded."""
    from concurrent.futures import ThreadPoolExecutor

    release = threading.Event()
    started: list[int] = []

    def work(chunk: list[int]) -> list[int]:
        started.append(chunk[0])
        if chunk[0] == 0:
            release.wait(10)
        return chunk

    with ThreadPoolExecutor(2) as pool, ThreadPoolExecutor(1) as reader:
        try:
            results = ordered_results(lambda chunk: pool.submit(work, chunk), [[n] for n in range(12)], 2, held=6)
            first = reader.submit(next, results)
            deadline = time.monotonic() + 5
            while len(started) < 6 and time.monotonic() < deadline:
                time.sleep(0.01)
            time.sleep(0.2)  # time enough for a seventh chunk to start, were one sent
            assert sorted(started) == [0, 1, 2, 3, 4, 5]  # five more chunks done behind the blocked one, no more
        finally:
            release.set()
        assert [first.result(5), *results] == list(range(12))  # still in input order


@pytest.mark.parametrize(("window", "held"), [(0, None), (2, 0), (-1, 4)])
def test_an_empty_window_is_refused_not_spun_on(window: int, held: int | None) -> None:
    with pytest.raises(ValueError, match="at least 1"):
        list(ordered_results(lambda chunk: chunk, [[1]], window, held=held))


def test_a_worker_pool_is_reused_across_runs(nlp: Language) -> None:
    from extractor.batch import run_local, worker_pool

    articles = [a for a in iter_articles([CORPUS]) if isinstance(a, Article)][:6]
    alone = [r.model_dump() for r in run_local(articles, n_process=1, nlp=nlp)]
    pool = worker_pool(2, nlp=nlp)
    try:
        first = [r.model_dump() for r in run_local(articles, n_process=2, nlp=nlp, pool=pool)]
        second = [r.model_dump() for r in run_local(articles, n_process=2, nlp=nlp, pool=pool)]
        assert pool.submit(int, "7").result() == 7  # still running after both runs
    finally:
        pool.shutdown()
    assert first == second == alone
