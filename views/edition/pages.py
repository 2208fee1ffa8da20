"""The edition's pages as plain values, made from the dashboard's view models and words: the
paragraph 6 overview, each state's profile and each group, in one language. render.py writes
them as HTML and Markdown; nothing here knows either format."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from markupsafe import Markup

from loaders.derive import RESOLUTION_DATE, RESOLUTION_SYMBOL
from loaders.store.dataset import Dataset
from views.edition.svg import Bar, Dot, bar_chart, dot_chart
from views.models.citation import as_at_dates, pinned_params, view_link
from views.models.overview import InstrumentCount, overview_model
from views.models.profile import state_profile
from views.models.selection import Selection
from views.models.shared import UNCONFIRMED, unconfirmed_mark, untc_links
from views.models.subregions import SubregionsModel, subregions_model
from views.text.i18n import Translator
from views.text.words import group_labels, instrument_brief, instrument_label, partial_date_text

FIRST_YEAR = 2000  # the Convention opened for signature in December 2000


@dataclass(frozen=True)
class Table:
    caption: str
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    # a heading row above the headers: (text, columns it spans), e.g. the treaty families
    groups: tuple[tuple[str, int], ...] = ()
    foot: tuple[str, ...] = ()  # a totals row


@dataclass(frozen=True)
class Figure:
    """A headline number or fact: its label, its value in words and, for a count, the number."""

    label: str
    text: str
    value: int | None = None
    total: int | None = None
    detail: str = ""  # e.g. the change since 4 June 2009


@dataclass(frozen=True)
class Page:
    key: str  # overview, state/ATG, group/CARICOM: the path without language or suffix
    language: str
    title: str
    lead: str  # may hold **bold** (the catalogues' markdown)
    figures: tuple[Figure, ...]
    chart: Markup
    chart_title: str
    tables: tuple[Table, ...]
    sources: tuple[tuple[str, str], ...]  # (text, address)
    interactive: str  # the dashboard's address of the same view
    data_view: str  # views.edition.data.view_name of its data
    notes: tuple[str, ...] = ()
    quote: tuple[str, str] = ("", "")  # (text, its attribution): paragraph 6 on the overview
    links: dict[str, tuple[tuple[str, str], ...]] = field(default_factory=dict)  # heading -> pages
    lists: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (heading, its items): flags, legends


def all_instruments(dataset: Dataset, as_of: date, language: str, **params: str) -> Selection:
    return Selection(
        instruments=tuple(dataset.instrument_ids),
        as_of=as_of,
        language=language,
        params={k: [v] for k, v in params.items()},
    )


def _interactive(
    app: str, page: str, selection: Selection, extra: dict[str, str] | None = None
) -> str:
    return view_link(app, page, pinned_params(selection, extra))


def _sources(local: Dataset, selection: Selection) -> tuple[tuple[str, str], ...]:
    t = selection.t
    links = untc_links(local)
    rows = []
    for instrument, info in local.meta.instruments.items():
        if instrument not in local.instruments.index:
            continue
        when = t.date(info.status_as_at) if info.status_as_at else t("words.unknown")
        text = (
            t("footer.as_at", instruments=instrument_label(local, instrument), date=when)
            + f" (UNTC {info.mtdsg_no})"
        )
        rows.append((text, info.source_url or links[instrument]))
    return tuple(rows)


def overview_page(local: Dataset, as_of: date, language: str, app: str) -> Page:
    """Paragraph 6: who has answered the call, as the dashboard's overview counts it."""
    selection = all_instruments(local, as_of, language)
    t = selection.t
    model = overview_model(local, selection)
    when = t.date(as_of)
    figures = tuple(_count_figure(local, c, model.after_resolution, t) for c in model.counts)
    bars = [Bar(f.label, f.value or 0, f.total or 0, f.text) for f in figures]
    chart_title = t("edition.chart_overview", states=model.states)
    not_party = tuple(
        (
            row["state"] + unconfirmed_mark(row["confidence"]),
            instrument_brief(local, i),
            row["brief"],
        )
        for i, rows in model.not_party.items()
        for row in rows.to_dict("records")
    )
    joined = tuple(
        (
            row["state"] + unconfirmed_mark(row["confidence"]),
            instrument_brief(local, row["instrument"]),
            t.date(row["consent_date"]),
        )
        for row in model.joined.to_dict("records")
    )
    resolution = t.date(RESOLUTION_DATE)
    return Page(
        key="overview",
        language=language,
        title=t("overview.title"),
        lead=t(
            "overview.intro",
            resolution_date=resolution,
            symbol=RESOLUTION_SYMBOL,
            convention=instrument_label(local, "UNTOC"),
            protocol=instrument_label(local, "TIP"),
            scope=t("overview.scope", states=model.states),
            date=when,
        ),
        figures=figures,
        chart=bar_chart(
            bars,
            chart_title,
            t("edition.chart_overview_desc", states=model.states, date=when),
            "chart-overview",
        ),
        chart_title=chart_title,
        tables=(
            Table(
                t("overview.not_yet"),
                (t("column.state"), t("column.instrument"), t("column.status")),
                not_party,
            ),
            Table(
                t("overview.joined", resolution_date=resolution),
                (t("column.state"), t("column.instrument"), t("column.party_since")),
                joined,
            ),
        ),
        sources=_sources(local, selection),
        interactive=_interactive(app, "overview", selection),
        data_view="status",
        notes=(t("profile.unconfirmed", mark=UNCONFIRMED),)
        if any(UNCONFIRMED in row[0] for row in (*not_party, *joined))
        else (),
        quote=(
            f"6. {t('resolution.paragraph6')}",
            t("resolution.adopted", symbol=RESOLUTION_SYMBOL, date=resolution)
            + " "
            + t("resolution.text_note"),
        ),
    )


def _count_figure(
    local: Dataset, count: InstrumentCount, after_resolution: bool, t: Translator
) -> Figure:
    resolution = t.date(RESOLUTION_DATE)
    detail = (
        ""
        if not after_resolution
        else t("overview.delta", change=f"{count.change:+d}", resolution_date=resolution)
        if count.change
        else t("ui.overview.no_change", resolution_date=resolution)
    )
    return Figure(
        instrument_brief(local, count.instrument),
        t("count.of", n=count.parties, total=count.states),
        count.parties,
        count.states,
        detail,
    )


def state_page(local: Dataset, iso3: str, as_of: date, language: str, app: str) -> Page:
    """One state's profile: its standing on each instrument, as the dashboard's profile says it."""
    selection = all_instruments(local, as_of, language)
    t = selection.t
    profile = state_profile(local, selection, iso3)
    when = t.date(as_of)
    figures, dots, rows = [], [], []
    for instrument, facts in profile.facts.items():
        row = facts.row
        name = instrument_brief(local, instrument)
        mark = unconfirmed_mark(row["confidence"])
        figures.append(Figure(name, row["label"] + mark))
        year = row["consent_date"].year if facts.is_party else None
        dots.append(Dot(name, year, row["label"]))
        rows.append(
            (
                instrument_label(local, instrument),
                row["label"] + mark,
                row["what_done"],
                t.date(row["signature_date"]) if _present(row["signature_date"]) else "",
                t.date(row["consent_date"]) if _present(row["consent_date"]) else "",
            )
        )
    chart_title = t("edition.chart_state")
    groups = t.words(profile.groups_then) if profile.groups_then else t("profile.no_group")
    notes = []
    if profile.oas_joined:
        notes.append(
            t("profile.member_since", date=partial_date_text(profile.oas_joined, language))
        )
    if profile.count_note:
        notes.append(profile.count_note)
    if any(f.unconfirmed for f in profile.facts.values()):
        notes.append(t("profile.unconfirmed", mark=UNCONFIRMED))
    sources = _sources(local, selection)
    if profile.oas_source:
        # The researched record, English: said so in the reader's language ("Fuente (registro
        # en inglés)").
        said = t.label(f"{t('profile.oas_membership')} — {t('fact.source')}", profile.oas_source)
        sources += ((said, ""),)
    return Page(
        key=f"state/{iso3}",
        language=language,
        title=profile.name,
        lead=t("profile.status_line", date=when, groups=groups),
        figures=tuple(figures),
        chart=dot_chart(
            dots,
            FIRST_YEAR,
            max(as_of.year, FIRST_YEAR + 1),
            chart_title,
            t("edition.chart_state_desc", date=when),
            "chart-state",
        ),
        chart_title=chart_title,
        tables=(
            Table(
                t("profile.title"),
                (
                    t("column.instrument"),
                    t("column.status"),
                    t("edition.what"),
                    t("column.signed"),
                    t("column.consent"),
                ),
                tuple(rows),
            ),
        ),
        sources=sources,
        interactive=_interactive(app, "profile", selection, {"state": iso3}),
        data_view=f"state-{iso3}",
        notes=tuple(notes),
    )


def group_page(
    local: Dataset,
    group: str,
    as_of: date,
    language: str,
    app: str,
    every_group: SubregionsModel | None = None,
) -> Page:
    """One group: the share of its members party on each instrument, and who is missing.
    ``every_group``: the subregions model of all groups on the date, made once for all the
    group pages of a language (a group's rows in it are the rows of its own model)."""
    selection = Selection(
        tuple(local.instrument_ids), as_of, (group,), params={"group": [group]}, language=language
    )
    t = selection.t
    model = _of_group(every_group, group) if every_group else subregions_model(local, selection)
    when = t.date(as_of)
    label = group_labels(local, language)[group]
    rows = model.summary.to_dict("records")
    figures = tuple(
        Figure(
            instrument_brief(local, r["instrument"]),
            t("count.of", n=int(r["parties"]), total=int(r["members"])),
            int(r["parties"]),
            int(r["members"]),
        )
        for r in rows
    )
    members = int(rows[0]["members"]) if rows else 0
    chart_title = t("edition.chart_group")
    notes = (
        (t("subregions.no_members", groups=label),)
        if model.without_members
        else (t("edition.members_on", date=when, states=members),)
    )
    return Page(
        key=f"group/{group}",
        language=language,
        title=t("edition.group_title", group=label),
        lead=t("subregions.intro", date=when),
        figures=figures,
        chart=bar_chart(
            [Bar(f.label, f.value or 0, f.total or 0, f.text) for f in figures],
            chart_title,
            t("edition.chart_group_desc", members=members, date=when),
            "chart-group",
        )
        if figures
        else Markup(""),
        chart_title=chart_title,
        tables=(
            Table(
                t("subregions.title"),
                (t("column.instrument"), t("edition.parties"), t("edition.missing")),
                tuple(
                    (
                        instrument_label(local, r["instrument"]),
                        t("count.of", n=int(r["parties"]), total=int(r["members"])),
                        r["missing_detail"],
                    )
                    for r in rows
                ),
            ),
        ),
        sources=_sources(local, selection),
        interactive=_interactive(app, "subregions", selection),
        data_view=f"group-{group}",
        notes=notes,
    )


def _of_group(model: SubregionsModel, group: str) -> SubregionsModel:
    summary = model.summary
    rows = summary[summary["group_id"] == group].reset_index(drop=True) if len(summary) else summary
    return SubregionsModel(rows, [g for g in model.without_members if g == group])


def _present(value: object) -> bool:
    return value is not None and str(value) not in ("NaT", "nan", "")


def footer_text(local: Dataset, language: str) -> str:
    t = Translator(language)
    return t("edition.written", snapshot=local.meta.snapshot_id, dates=as_at_dates(local, language))
