"""Command line: ``python -m loaders COMMAND [OPTIONS]`` (or ``python -m cli``), one click
application.

Each command is one decorated function in the module of its section (cli/data.py,
cli/refresh.py, cli/reports.py, cli/outcomes.py); SECTIONS below registers it, by name, at the
top level: a new command is a function in its module and one entry here. Sections only order the
help.

Exit codes: 0 done; 1 the data or the refresh failed (said in one line); 2 a bad argument (one
line naming what would do, never a traceback).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import Any

import click

from cli import data, outcomes, refresh, reports
from cli.options import USAGE_ERROR, Refusal, say
from loaders.store.registry import ReferenceDataError
from loaders.store.snapshot import SnapshotError

PROG = "python -m loaders"
DEFAULT_TIMEOUT = refresh.DEFAULT_TIMEOUT

SECTIONS: dict[str, list[click.Command]] = {
    "Data": [data.export, data.declarations],
    "Refresh": [refresh.refresh, refresh.compile_reference, refresh.restore, refresh.check],
    "Reports": [
        reports.changes,
        reports.brief,
        reports.feed,
        reports.datapackage,
        reports.edition,
    ],
    "After ratification": [
        outcomes.outcomes,
        outcomes.recommendations,
        outcomes.import_outcomes,
    ],
}


class SectionedGroup(click.Group):
    """Every command at the top level (``export``, not ``data export``), listed by section."""

    def __init__(self, sections: dict[str, list[click.Command]], **kwargs: Any) -> None:
        super().__init__(**kwargs)  # click.Group's own options (name, help, ...)
        self.sections = sections
        for commands in sections.values():
            for command in commands:
                self.add_command(command)

    def list_commands(self, ctx: click.Context | None) -> list[str]:  # in the sections' order
        return [c.name or "" for commands in self.sections.values() for c in commands]

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        width = formatter.width - 6 - max(len(name) for name in self.commands)
        for section, commands in self.sections.items():
            rows = [(c.name or "", c.get_short_help_str(limit=width)) for c in commands]
            with formatter.section(section):
                formatter.write_dl(rows)


app = SectionedGroup(
    SECTIONS,
    name=PROG,
    help="Ratify Americas from the command line: the OAS member states and the Palermo "
    "Convention and its Protocols (the status, its reports, the refresh from UNTC).",
    context_settings={"help_option_names": ["-h", "--help"]},
)


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; returns its exit code. Bad options and --help exit as argparse did
    (SystemExit 2 after one line; SystemExit 0 after the help)."""
    args = list(sys.argv[1:] if argv is None else argv)
    if not args:
        say(f"error: a command is needed: {', '.join(app.list_commands(None))} (see --help)")
        raise SystemExit(USAGE_ERROR)
    try:
        with app.make_context(PROG, args) as context:
            code = app.invoke(context)
    except click.exceptions.Exit as done:  # --help
        raise SystemExit(done.exit_code) from None
    except click.UsageError as exc:  # click's own refusals: its one line, not its usage block
        say(f"error: {_one_line(exc.format_message())} (see --help)")
        raise SystemExit(USAGE_ERROR) from None
    except click.Abort:
        say("error: interrupted")
        return 1
    except Refusal as exc:
        say(f"error: {exc}")
        return USAGE_ERROR
    except (SnapshotError, ReferenceDataError) as exc:
        say(f"error: {exc}")
        return 1
    return int(code or 0)


def _one_line(message: str) -> str:
    return " ".join(message.split())
