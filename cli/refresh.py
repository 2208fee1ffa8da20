"""The refresh's commands: ``refresh``, ``compile-reference``, ``restore`` and ``check``."""

from __future__ import annotations

import math
from pathlib import Path
from typing import TYPE_CHECKING

import click

from cli.options import chosen, open_dataset, say
from cli.reports import after_publish
from loaders.paths import data_dir

if TYPE_CHECKING:  # the registry is loaded only by the command that reads it
    from loaders.model.records import Instrument

DEFAULT_TIMEOUT = 300.0  # the same as loaders.ingest.refresh.DEFAULT_TIMEOUT (not imported here)


class Seconds(click.ParamType[float, object]):
    """A number of seconds above 0 and at most a day."""

    name = "seconds"

    def convert(
        self, value: object, param: click.Parameter | None, ctx: click.Context | None
    ) -> float:
        if isinstance(value, float):
            return value
        try:
            seconds = float(str(value))
        except ValueError:
            seconds = math.nan
        if not 0 < seconds <= 86_400:
            self.fail(f"not a number of seconds above 0 and at most 86400: {value!r}", param, ctx)
        return seconds


@click.command("refresh", help="fetch each instrument from its depositary and replace the snapshot")
@click.option(
    "--instrument", "instrument", multiple=True,
    help="only these instruments: an id (TIP, C029) or the depositary's number (XVIII-12-a, "
    "IV-11-c, C029, B-57)",
)  # fmt: skip
@click.option(
    "--depositary", "depositary", multiple=True,
    type=click.Choice(["UN", "ILO", "OAS"], case_sensitive=False),
    help="the instruments this depositary keeps (default: the four Palermo instruments)",
)  # fmt: skip
@click.option(
    "--base-url", default="https://treaties.un.org", show_default=True,
    help="a mirror of treaties.un.org",
)  # fmt: skip
@click.option(
    "--normlex-url", default="https://normlex.ilo.org", show_default=True,
    help="a mirror of normlex.ilo.org (the ILO's ratifications)",
)  # fmt: skip
@click.option(
    "--oas-url", default="https://www.oas.org", show_default=True,
    help="a mirror of www.oas.org (the OAS's signatories and ratifications)",
)  # fmt: skip
@click.option(
    "--timeout", type=Seconds(), default=DEFAULT_TIMEOUT,
    help=f"seconds the whole refresh may take, every request included (default "
    f"{DEFAULT_TIMEOUT:g})",
)  # fmt: skip
def refresh(
    instrument: tuple[str, ...],
    depositary: tuple[str, ...],
    base_url: str,
    normlex_url: str,
    oas_url: str,
    timeout: float,
) -> int:
    from loaders.ingest.refresh import RefreshError, Sources  # requests/lxml only when refreshing
    from loaders.ingest.refresh import refresh as run_refresh
    from loaders.store.registry import load_registry
    from loaders.store.snapshot import PublishError, SnapshotError

    data = data_dir()
    ids = _instrument_ids(instrument, load_registry(data))
    try:
        folder = run_refresh(
            data,
            ids,
            base_url,
            progress=say,
            timeout=timeout,
            depositaries=[d.upper() for d in depositary] or None,
            sources=Sources(base_url, normlex_url, oas_url),
        )
    except PublishError as exc:  # the clean-up itself failed: say what is left
        state = "snapshot unchanged" if exc.unchanged else "new files left behind"
        say(f"refresh failed, {state}: {exc}")
        return 1
    except (RefreshError, SnapshotError, OSError) as exc:  # OSError: e.g. disk full mid-write
        say(f"refresh failed, snapshot unchanged: {exc}")
        return 1
    say(f"new snapshot {folder.name}; changes in {folder / 'changes.md'}")
    return _published(folder, after_publish(data))  # the data package, feeds and edition follow


def _instrument_ids(given: tuple[str, ...], registry: list[Instrument]) -> list[str] | None:
    """Registry ids from ids or depositaries' numbers (``TIP``, ``C029``, ``B-57``); None for
    none asked."""
    if not given:
        return None
    by_number = {i.mtdsg_no: i.id for i in registry}
    picked = chosen(given, [i.id for i in registry] + list(by_number), "instrument")
    return list(dict.fromkeys(by_number.get(choice, choice) for choice in picked))


PARTLY_PUBLISHED = 3  # the new snapshot is current; its data package, feeds or edition are not


def _published(folder: Path, failed: list[str]) -> int:
    """0, or PARTLY_PUBLISHED saying what is current and what was not written."""
    if not failed:
        return 0
    say(
        f"refresh PARTLY published: snapshot {folder.name} is current; "
        f"not written: {'; '.join(failed)}"
    )
    return PARTLY_PUBLISHED


@click.command("compile-reference", help="rebuild the snapshot from data/reference")
def compile_reference() -> int:
    from loaders.ingest.reference import compile_reference_snapshot
    from loaders.store.registry import load_instruments

    data = data_dir()
    folder = compile_reference_snapshot(data, load_instruments(data))
    say(f"new snapshot {folder.name}")
    return _published(folder, after_publish(data))  # the data package, feeds and edition follow


@click.command("check", help="verify the current snapshot and print its provenance")
def check() -> int:
    dataset = open_dataset()
    meta = dataset.meta
    print(f"snapshot {meta.snapshot_id} ({meta.method}), compiled {meta.compiled_at:%Y-%m-%d}")
    for instrument_id, info in meta.instruments.items():
        print(f"  {instrument_id:9} {info.mtdsg_no:11} status as at {info.status_as_at}")
    return 1 if dataset.warning else 0


@click.command(
    "restore",
    help="make a damaged current snapshot good again: the newest good one in the history, "
    "else one rebuilt from data/reference",
)
def restore() -> int:
    from loaders.ingest.reference import compile_reference_snapshot
    from loaders.store.registry import load_instruments
    from loaders.store.snapshot import restore as run_restore

    data = data_dir()
    name, how = run_restore(data, lambda: compile_reference_snapshot(data, load_instruments(data)))
    say(
        {
            "unchanged": f"the current snapshot {name} is good; nothing to restore",
            "history": f"restored: CURRENT now names {name}, the newest good snapshot in the "
            "history (the damaged one is kept beside it, never read)",
            "rebuilt": f"restored: no good snapshot in the history, so {name} was rebuilt from "
            "the reference facts in data/reference",
        }[how]
    )
    return 0
