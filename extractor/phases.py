"""Where a run's time goes: with EXTRACTOR_PHASES=FILE, every process of a run (the parent and
each worker) appends to FILE one JSON line per phase it goes through, with the wall clock and its
CPU seconds. `benchmarks/cli_speedup.py` reads them; without the variable nothing is written."""

from __future__ import annotations

import json
import os
import time
from typing import Any

PHASES_ENV = "EXTRACTOR_PHASES"
_exit_logged: list[bool] = []


def phase(event: str, **data: Any) -> None:
    """One line of the run's phase log, when EXTRACTOR_PHASES names one: the process, its role,
    the wall clock, its CPU seconds and the main thread's, and `data`."""
    where = os.environ.get(PHASES_ENV)
    if not where:
        return
    line = {
        "event": event,
        "pid": os.getpid(),
        "t": time.time(),
        "cpu": time.process_time(),
        "thread_cpu": time.thread_time(),
        **data,
    }
    with open(where, "a", encoding="utf-8") as f:  # one short append per line: whole lines from every process
        f.write(json.dumps(line) + "\n")


def log_exit() -> None:
    """The process's exit in the phase log too (when its atexit handlers run: after them comes only
    the interpreter's own teardown), once per process."""
    if os.environ.get(PHASES_ENV) and not _exit_logged:
        import atexit

        _exit_logged.append(True)
        atexit.register(phase, "exit", role="parent")
