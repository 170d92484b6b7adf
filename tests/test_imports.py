"""The package's modules import one another without a cycle: every import counts, those inside
functions too (a function-level import is how a cycle hides)."""

from __future__ import annotations

import ast
from graphlib import CycleError, TopologicalSorter
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "extractor"


def imported_modules(source: str, modules: set[str]) -> set[str]:
    """The package's modules a module's source imports (relative or as `extractor.x`)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom):
            if node.level == 1 and node.module:
                found.add(node.module.split(".")[0])
            elif node.level == 1:  # from . import x
                found.update(alias.name for alias in node.names)
            elif node.level == 0 and node.module and node.module.split(".")[0] == "extractor":
                parts = node.module.split(".")
                found.update([parts[1]] if len(parts) > 1 else [alias.name for alias in node.names])
        elif isinstance(node, ast.Import):
            found.update(a.name.split(".")[1] for a in node.names if a.name.startswith("extractor."))
    return found & modules


def import_graph(package: Path = PACKAGE) -> dict[str, set[str]]:
    files = {path.stem: path for path in package.glob("*.py")} | {"rules": package / "rules" / "__init__.py"}
    modules = set(files)
    return {name: imported_modules(path.read_text(encoding="utf-8"), modules) - {name} for name, path in files.items()}


def test_no_import_cycle() -> None:
    graph = import_graph()
    assert {"facts", "figures", "claims", "changes", "location", "body", "check", "run", "records"} <= set(graph)
    try:
        order = list(TopologicalSorter(graph).static_order())
    except CycleError as cycle:
        pytest.fail(f"import cycle: {' -> '.join(cycle.args[1])}")
    assert len(order) == len(graph)


@pytest.mark.parametrize(
    ("module", "not_imported"),
    [
        ("location", "body"),  # the place an article is about needs lines, not the page reader
        ("run", "check"),  # a run reads records through extractor/records.py
        ("figures", "facts"),  # the context rules are their own module, read by figures and claims
        ("claims", "facts"),
    ],
)
def test_a_module_does_not_reach_for_anothers_concern(module: str, not_imported: str) -> None:
    assert not_imported not in import_graph()[module]


def test_the_walk_sees_function_level_imports(tmp_path: Path) -> None:
    (tmp_path / "a.py").write_text("def f():\n    from .b import g\n    return g\n", encoding="utf-8")
    (tmp_path / "b.py").write_text("from . import a\n", encoding="utf-8")
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "__init__.py").write_text("", encoding="utf-8")
    graph = import_graph(tmp_path)
    assert graph["a"] == {"b"} and graph["b"] == {"a"}
    with pytest.raises(CycleError):
        list(TopologicalSorter(graph).static_order())
