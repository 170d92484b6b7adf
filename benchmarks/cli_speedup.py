"""The CLI's own speed-up from a second process: `extractor extract SRC --output OUT -j 1` against
`-j 2`, each a fresh process (imports, model load, forking, reading, writing: all included).

    .venv/bin/python benchmarks/cli_speedup.py [--articles 800] [--rounds 3] [--source PATH]

Real text: the press-dev releases of ../shared/data (read from there, never copied into the repo)
are written into a temporary folder as JSON files, repeated to N (each round of copies in its own
subfolder, so that no folder holds a text twice: body detection learns a folder's repeated lines).
Each round runs `-j 1` and `-j 2` in turn, in alternating order, so that load from other jobs falls
on both; the speed-up is given as the median of the rounds' ratios and as the ratio of the best
times. Every run writes a phase log (EXTRACTOR_PHASES, extractor/phases.py), printed per run:

- startup: from launch to the run's start (imports, the model loaded), and the parent's CPU in it;
- fork: until the pool's workers answer; first record: from launch;
- the parent's main thread: reading inputs (`ingest`), getting results (`results`: includes ingest,
  handing out chunks and waiting for workers), writing (`write`), in wall and CPU seconds; the CPU
  of the parent's other threads (the pool's, pickling chunks and unpickling results);
- each worker: when it got its first chunk, busy and idle seconds, CPU, chunks, bytes it sent
  back, and its tail (how long before the parent's last result it finished);
- teardown: from the last result to the process's exit (closing the outputs, ending the pool).

The two runs' outputs are compared: they must be byte-identical. On a machine busy with other
jobs the wall times mean little; the phases' CPU seconds still tell where time goes.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

if not __package__:  # run as a script: the repo's root on the path, for `benchmarks.*`
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.realtext import DATA  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
PRESS = DATA / "press-dev" / "articles"


def write_articles(folder: Path, n: int, source: Path) -> int:
    """N articles as JSON files under `folder`: the JSON articles of `source` repeated, each copy
    with its own id, each round of copies in its own subfolder. Returns the characters of text."""
    originals = sorted(source.glob("*.json"))
    if not originals:
        sys.exit(f"no JSON articles in {source} (../shared beside the repo?)")
    chars = 0
    for i in range(n):
        lap, k = divmod(i, len(originals))
        data = json.loads(originals[k].read_text(encoding="utf-8"))
        data["id"] = f"{data.get('id') or originals[k].stem}-{lap}"
        chars += len(data.get("text", ""))
        sub = folder / f"lap{lap:03d}"
        sub.mkdir(exist_ok=True)
        (sub / originals[k].name).write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return chars


def run_cli(source: Path, out: Path, workers: int, log: Path, extra: list[str]) -> tuple[float, float, float]:
    """(launch time, wall seconds, CPU seconds of the run and its workers) of one CLI run."""
    log.unlink(missing_ok=True)
    env = {**os.environ, "EXTRACTOR_PHASES": str(log), "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "extractor", "extract", str(source), "--output", str(out)]
    command += ["-j", str(workers), "--quiet", "--no-resume", *extra]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    launched, started = time.time(), time.perf_counter()
    done = subprocess.run(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode not in (0, 1):  # 1: some article failed (an error entry), still a whole run
        sys.exit(f"extractor extract -j {workers} exited with {done.returncode}: {done.stderr[-2000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return launched, wall, cpu


def phases(log: Path, launched: float, wall: float) -> dict[str, Any]:
    """The phase log of one run, summed up: see the module's docstring."""
    events = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]
    parent = {e["event"]: e for e in events if e.get("role") == "parent"}
    start, done, end = parent["run_start"], parent["results_done"], parent["run_end"]
    first = parent.get("first_result", done)
    summary: dict[str, Any] = {
        "startup": start["t"] - launched,
        "startup_cpu": start["cpu"],
        "fork": parent["pool_ready"]["t"] - start["t"] if "pool_ready" in parent else 0.0,
        "first_record": first["t"] - launched,
        "results_done": done["t"] - launched,
        "teardown": launched + wall - done["t"],
        "parent_cpu": end["cpu"],
        "parent_run_cpu": done["cpu"] - start["cpu"],
        "parent_main_cpu": done["thread_cpu"] - start["thread_cpu"],
        "parent_threads_cpu": (done["cpu"] - start["cpu"]) - (done["thread_cpu"] - start["thread_cpu"]),
        **{k: v for k, v in done.items() if k.endswith(("_wall", "_cpu")) and k != "thread_cpu"},
    }
    workers: dict[int, list[dict[str, Any]]] = {}
    for e in events:
        if e.get("role") == "worker":
            workers.setdefault(e["pid"], []).append(e)
    ready = parent.get("pool_ready", start)["t"]
    summary["workers"] = []
    for pid, mine in sorted(workers.items()):
        starts = [e for e in mine if e["event"] == "chunk_start"]
        ends = [e for e in mine if e["event"] == "chunk_end"]
        busy = sum(b["t"] - a["t"] for a, b in zip(starts, ends, strict=False))
        span = ends[-1]["t"] - starts[0]["t"]
        summary["workers"].append(
            {
                "pid": pid,
                "first_chunk": starts[0]["t"] - ready,
                "busy": busy,
                "idle": span - busy,
                "cpu": ends[-1]["cpu"],
                "chunks": len(ends),
                "articles": sum(e["articles"] for e in ends),
                "bytes": sum(e["bytes"] for e in ends),
                "tail": done["t"] - ends[-1]["t"],
            }
        )
    return summary


def show(label: str, wall: float, cpu: float, p: dict[str, Any], n: int) -> None:
    per100 = 100 / n
    print(
        f"  {label}: {wall:6.2f} s wall, {cpu:6.2f} s CPU in all; startup {p['startup']:.2f} s "
        f"(parent CPU {p['startup_cpu']:.2f}), fork {p['fork']:.2f} s, first record {p['first_record']:.2f} s, "
        f"last {p['results_done']:.2f} s, teardown {p['teardown']:.2f} s"
    )
    print(
        f"    parent after startup: CPU {p['parent_run_cpu']:.2f} s ({p['parent_run_cpu'] * per100:.2f} s per 100 "
        f"articles): main thread {p['parent_main_cpu']:.2f} (ingest {p.get('ingest_cpu', 0):.2f}, "
        f"results {p.get('results_cpu', 0):.2f} incl. ingest, write {p.get('write_cpu', 0):.2f}), "
        f"other threads {p['parent_threads_cpu']:.2f}; main thread wall: results {p.get('results_wall', 0):.2f} "
        f"(ingest {p.get('ingest_wall', 0):.2f}), write {p.get('write_wall', 0):.2f}"
    )
    for w in p["workers"]:
        print(
            f"    worker {w['pid']}: first chunk {w['first_chunk']:.2f} s after the fork, busy {w['busy']:.2f} s, "
            f"idle {w['idle']:.2f} s, CPU {w['cpu']:.2f} s, {w['chunks']} chunks, {w['articles']} articles, "
            f"{w['bytes'] / 1e6:.1f} MB sent back, done {w['tail']:.2f} s before the last result"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=800, help="N: articles per run")
    parser.add_argument("--rounds", type=int, default=3, help="rounds of -j 1 and -j 2, taken in turn")
    parser.add_argument("--source", type=Path, default=PRESS, help="a folder of JSON articles (default press-dev)")
    parser.add_argument("--workers", type=int, default=2, help="processes of the parallel run")
    parser.add_argument("--quiet-phases", action="store_true", help="print only the times and the ratios")
    parser.add_argument("extra", nargs="*", help="more options for both runs, after --, e.g. -- --db out.db")
    args = parser.parse_args()
    parallel = args.workers
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        source = base / "articles"
        source.mkdir()
        chars = write_articles(source, args.articles, args.source)
        print(
            f"{args.articles} articles ({chars:,} characters) from {args.source}; {os.cpu_count()} cores; "
            f"load average {os.getloadavg()[0]:.2f}"
        )
        walls: dict[int, list[float]] = {1: [], parallel: []}
        outputs: dict[int, Path] = {}
        for r in range(args.rounds):
            print(f"round {r + 1}")
            for j in (1, parallel) if r % 2 == 0 else (parallel, 1):
                out = base / f"out-{j}" / "facts.jsonl"
                launched, wall, cpu = run_cli(source, out, j, base / f"phases-{j}.jsonl", args.extra)
                walls[j].append(wall)
                outputs[j] = out
                if args.quiet_phases:
                    print(f"  -j {j}: {wall:6.2f} s wall, {cpu:6.2f} s CPU")
                else:
                    show(f"-j {j}", wall, cpu, phases(base / f"phases-{j}.jsonl", launched, wall), args.articles)
        same = outputs[1].read_bytes() == outputs[parallel].read_bytes()
        ratios = [a / b for a, b in zip(walls[1], walls[parallel], strict=True)]
        print(f"outputs of -j 1 and -j {parallel} byte-identical: {same}")
        print(
            f"speed-up of -j {parallel} over -j 1, the CLI's own wall time (goal >= 1.85): median of the rounds "
            f"{statistics.median(ratios):.2f} (rounds {' '.join(f'{x:.2f}' for x in ratios)}); "
            f"best times {min(walls[1]) / min(walls[parallel]):.2f} "
            f"({min(walls[1]):.2f} s / {min(walls[parallel]):.2f} s)"
        )
        if not same:
            sys.exit("the outputs differ")


if __name__ == "__main__":
    main()
