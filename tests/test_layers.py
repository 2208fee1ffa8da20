"""The layers stay apart: the data package never reaches up into the dashboard.

loaders/ (fetch, parse, validate, store, derive, export) must run without streamlit and without
the presentation package pages/, so the command line and the refresh job work on a server with no
dashboard, and no sentence or label hides in the data. Page models (pages/models/) are pure too.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from loaders.paths import PROJECT_ROOT


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.add(node.module)
    return found


def _top(names: set[str]) -> set[str]:
    return {name.split(".")[0] for name in names}


LOADERS = sorted((PROJECT_ROOT / "loaders").rglob("*.py"))
PURE_PAGES = sorted((PROJECT_ROOT / "pages" / "models").rglob("*.py")) + sorted(
    (PROJECT_ROOT / "pages" / "text").rglob("*.py")
)


# The reports' commands speak the reader's language, whose words live in pages/text and
# pages/models: that one module may import them (pure, checked below), never streamlit or plotly.
SPEAKS = PROJECT_ROOT / "loaders" / "reports_cli.py"
PURE_PAGE_PACKAGES = ("pages.text", "pages.models")


@pytest.mark.parametrize("path", LOADERS, ids=lambda p: str(p.relative_to(PROJECT_ROOT)))
def test_loaders_import_neither_streamlit_nor_pages(path: Path) -> None:
    imports = _imports(path)
    if path == SPEAKS:
        imports = {name for name in imports if not name.startswith(PURE_PAGE_PACKAGES)}
    assert _top(imports) & {"streamlit", "pages", "plotly"} == set()


@pytest.mark.parametrize("path", PURE_PAGES, ids=lambda p: str(p.relative_to(PROJECT_ROOT)))
def test_page_models_and_words_are_pure(path: Path) -> None:
    """A page model is a function of the data, the selection and the language: no streamlit."""
    assert _top(_imports(path)) & {"streamlit", "plotly"} == set()


def test_the_walk_sees_the_whole_package() -> None:
    """The walk above covers every stage (so a new stage cannot slip past it unseen)."""
    stages = {p.parent.name for p in LOADERS}
    assert {"untc", "model", "store", "ingest", "derive"} <= stages
    assert any("import" in p.read_text() for p in LOADERS)
