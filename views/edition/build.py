"""The whole edition of one snapshot as files (relative path -> bytes): every page in every
language as HTML and Markdown, every view's data, ``data/index.json``, ``sitemap.xml``,
``llms.txt`` and a language chooser at the root. Pure: writing them is views.edition.write's."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from xml.sax.saxutils import escape as xml_escape
from xml.sax.saxutils import quoteattr

from markupsafe import escape

from loaders.model.languages import LANGUAGES
from loaders.store.dataset import Dataset
from views.edition.data import DataFile, sha256, view_files
from views.edition.more_pages import family_page, regions_page, world_page
from views.edition.pages import (
    Page,
    all_instruments,
    footer_text,
    group_page,
    overview_page,
    state_page,
)
from views.edition.render import SITE_NAME, page_path, render_html, render_markdown
from views.models.subregions import subregions_model
from views.text.i18n import Translator
from views.text.localized import localized, state_names
from views.text.words import group_labels, instrument_brief

DEFAULT_BASE = "/read/"  # where make serve serves it; any static host may set its own
DEFAULT_APP = "/"  # the interactive dashboard


def page_keys(dataset: Dataset, states: list[str] | None = None) -> list[str]:
    """Every page of one language: the overview, each state, each group, the treaty family, the
    world on each Palermo instrument and the regions compared."""
    iso3s = list(dataset.states.index) if states is None else states
    return [
        "overview",
        *(f"state/{s}" for s in iso3s),
        *(f"group/{g}" for g in dataset.group_ids),
        *_more_keys(dataset),
    ]


def _more_keys(dataset: Dataset) -> list[str]:
    return ["family", *(f"world/{i}" for i in dataset.instrument_ids), "regions"]


def build_edition(
    dataset: Dataset,
    as_of: date,
    base: str = DEFAULT_BASE,
    app: str = DEFAULT_APP,
    states: list[str] | None = None,
) -> dict[str, bytes]:
    """Every file of the edition. ``dataset``: as loaded (English); ``states``: a subset, for
    the benchmark's N and 2N pages (default: all 35)."""
    base = base if base.endswith("/") else base + "/"
    data = _data(dataset, as_of, states)
    rows = {f.name: f.rows for f in data}
    files: dict[str, bytes] = {}
    pages: list[Page] = []
    for language in LANGUAGES:
        local = localized(dataset, language)
        footer = footer_text(local, language)
        for page in _pages(local, as_of, language, app, states):
            pages.append(page)
            files[page_path(page.key, language)] = render_html(page, base, footer, rows)
            files[page_path(page.key, language, "md")] = render_markdown(page, base, footer, rows)
    for item in data:
        files.update({f"data/{name}": content for name, content in item.files().items()})
    files["data/index.json"] = _index(data, dataset, as_of)
    files["sitemap.xml"] = _sitemap(pages, base)
    files["llms.txt"] = _llms(pages, base, dataset)
    files["index.html"] = _chooser(base)
    return files


def _pages(
    local: Dataset, as_of: date, language: str, app: str, states: list[str] | None
) -> list[Page]:
    t = Translator(language)
    names = state_names(local)
    chosen = [iso3 for iso3 in names.index if states is None or iso3 in states]
    labels = group_labels(local, language)
    overview = overview_page(local, as_of, language, app)
    groups = subregions_model(local, all_instruments(local, as_of, language))
    overview = replace(
        overview,
        links={
            t("edition.states"): tuple((names[s], f"state/{s}.html") for s in chosen),
            t("edition.groups"): tuple((labels[g], f"group/{g}.html") for g in local.group_ids),
            t("edition.views"): tuple((title, f"{key}.html") for title, key in _more(local, t)),
        },
    )
    makers: list[Callable[[], Page]] = [
        *(lambda s=s: state_page(local, s, as_of, language, app) for s in chosen),
        *(lambda g=g: group_page(local, g, as_of, language, app, groups) for g in local.group_ids),
        lambda: family_page(local, as_of, language, app),
        *(lambda i=i: world_page(local, i, as_of, language, app) for i in local.instrument_ids),
        lambda: regions_page(local, as_of, language, app),
    ]
    return [overview, *(make() for make in makers)]


def _more(local: Dataset, t: Translator) -> list[tuple[str, str]]:
    """(title, page key) of the treaty family, the world on each instrument, the regions."""
    world = t("world.title")
    return [
        (t("family.title"), _more_keys(local)[0]),
        *(
            (t("edition.world_title", title=world, instrument=instrument_brief(local, i)), key)
            for i, key in zip(local.instrument_ids, _more_keys(local)[1:-1], strict=True)
        ),
        (t("regions.heading"), _more_keys(local)[-1]),
    ]


def _data(dataset: Dataset, as_of: date, states: list[str] | None) -> list[DataFile]:
    selection = all_instruments(dataset, as_of, "en")
    views = [
        ("status", ""),
        *(("state", s) for s in (dataset.states.index if states is None else states)),
    ]
    views += [("groups", ""), *(("group", g) for g in dataset.group_ids)]
    views += [("family", ""), *(("world", i) for i in dataset.instrument_ids), ("regions", "")]
    groups = subregions_model(dataset, selection).summary  # every group's rows, made once
    return [
        file
        for kind, subject in views
        for file in view_files(dataset, selection, kind, subject, groups).values()
    ]


def _index(data: list[DataFile], dataset: Dataset, as_of: date) -> bytes:
    entries = [
        {
            "path": f"data/{name}",
            "view": item.name.rsplit(".", 1)[0],
            "variant": item.name.rsplit(".", 1)[1],
            "rows": item.rows,
            "bytes": len(content),
            "sha256": sha256(content),
        }
        for item in data
        for name, content in item.files().items()
    ]
    index = {
        "snapshot_id": dataset.meta.snapshot_id,
        "as_of": as_of.isoformat(),
        "files": entries,
    }
    return (json.dumps(index, indent=2) + "\n").encode("utf-8")


def _sitemap(pages: list[Page], base: str) -> bytes:
    keys = list(dict.fromkeys(p.key for p in pages))
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        'xmlns:xhtml="http://www.w3.org/1999/xhtml">',
    ]
    for key in keys:
        for language in LANGUAGES:
            lines.append(f"<url><loc>{xml_escape(base + page_path(key, language))}</loc>")
            lines += [
                f'<xhtml:link rel="alternate" hreflang="{other}" '
                f"href={quoteattr(base + page_path(key, other))}/>"
                for other in LANGUAGES
            ]
            lines.append("</url>")
    lines.append("</urlset>")
    return ("\n".join(lines) + "\n").encode("utf-8")


def _llms(pages: list[Page], base: str, dataset: Dataset) -> bytes:
    lines = [
        f"# {SITE_NAME}",
        "",
        "> Where the member states of the Organization of American States stand on the UN "
        "Convention against Transnational Organized Crime (Palermo Convention) and its three "
        "Protocols, from the UN Treaty Collection's record; paragraph 6 of OAS resolution "
        f"AG/RES. 2456 (XXXIX-O/09). Snapshot {dataset.meta.snapshot_id}.",
        "",
        "Each page is here as Markdown beside its HTML; every view's data (CSV, metadata JSON, "
        f"zip) is listed with rows and SHA-256 in {base}data/index.json.",
    ]
    for language in LANGUAGES:
        lines += ["", f"## {Translator(language)('language.name')} ({language})", ""]
        lines += [
            f"- [{p.title}]({base}{page_path(p.key, language, 'md')})"
            for p in pages
            if p.language == language
        ]
    return ("\n".join(lines) + "\n").encode("utf-8")


def _chooser(base: str) -> bytes:
    items = "".join(
        f'<li><a href="{language}/index.html" hreflang="{language}" lang="{language}">'
        f"{escape(Translator(language)('edition.index_title'))}</a></li>"
        for language in LANGUAGES
    )
    alternates = "".join(
        f'<link rel="alternate" hreflang="{language}" href="{base}{language}/index.html">'
        for language in LANGUAGES
    )
    return (
        '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{SITE_NAME}</title>"
        f'<link rel="canonical" href="{base}index.html">{alternates}'
        "<style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:2rem auto;"
        "padding:0 1rem}a{color:#1d4ed8}</style></head>"
        f"<body><main><h1>{SITE_NAME}</h1><ul>{items}</ul></main></body></html>\n"
    ).encode()
