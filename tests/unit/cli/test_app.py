"""The command line is one click application: every command at the top level, listed by section,
and reachable as ``python -m cli`` as well as ``python -m loaders``."""

from __future__ import annotations

import subprocess
import sys

import pytest

from cli.main import SECTIONS, app, main
from loaders.paths import PROJECT_ROOT

COMMANDS = {
    "Data": ["export", "declarations"],
    "Refresh": ["refresh", "compile-reference", "restore", "check"],
    "Reports": ["changes", "brief", "feed", "datapackage", "edition"],
    "After ratification": ["outcomes", "recommendations", "import-outcomes"],
}


def test_every_command_at_the_top_level_in_its_section(capsys) -> None:
    assert {s: [c.name for c in cs] for s, cs in SECTIONS.items()} == COMMANDS
    assert sorted(app.commands) == sorted(n for names in COMMANDS.values() for n in names)
    with pytest.raises(SystemExit) as exit_info:
        main(["--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    for section, names in COMMANDS.items():
        assert f"{section}:" in out
        assert all(name in out for name in names)


def test_no_command_is_one_line_exit_2(capsys) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main([])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "export, declarations, refresh" in err


def test_brief_needs_one_subject(tmp_path, capsys) -> None:
    out = ["--out", str(tmp_path / "b.pdf")]
    for args in (out, ["--state", "BRB", "--group", "SICA", *out]):
        with pytest.raises(SystemExit) as exit_info:
            main(["brief", *args])
        assert exit_info.value.code == 2
        assert capsys.readouterr().err.count("\n") == 1
    assert not list(tmp_path.iterdir())


@pytest.mark.parametrize("module", ["cli", "loaders"])
def test_both_launchers(module: str) -> None:
    run = subprocess.run(
        [sys.executable, "-m", module, "export", "--as-of", "2009-06-04", "--instrument", "SOM",
         "--group", "CAN"],
        capture_output=True, text=True, cwd=PROJECT_ROOT, check=True,
    )  # fmt: skip
    assert len(run.stdout.splitlines()) == 1 + 4  # Bolivia, Colombia, Ecuador, Peru
