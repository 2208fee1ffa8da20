"""The edition's pages as HTML (Jinja2, autoescaped) and as Markdown, from views.edition.pages.

Every text from the catalogues and the data is escaped; the only markup a catalogue may carry is
markdown's ``**bold**`` and ``code``, turned into tags here after escaping.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup, escape

from loaders.model.languages import LANGUAGES
from views.edition.pages import Page, Table
from views.text.i18n import Translator, translate

TEMPLATES = Path(__file__).parent / "templates"
SITE_NAME = "Ratify Americas"
_BOLD = re.compile(r"\*\*(.+?)\*\*")
_CODE = re.compile(r"`([^`]+)`")


@dataclass(frozen=True)
class Alternate:
    language: str
    name: str  # the language's own name
    href: str  # absolute (canonical) address
    relative: str  # from this page


@dataclass(frozen=True)
class DataLink:
    label: str
    rows: str
    base: str  # relative address without the suffix


def page_path(key: str, language: str, suffix: str = "html") -> str:
    """``en/index.html``, ``es/state/ATG.html``, ``fr/group/CAN.md``: relative to the root."""
    name = "index" if key == "overview" else key
    return f"{language}/{name}.{suffix}"


def inline(text: str) -> Markup:
    """A catalogue's text with its markdown bold and code as tags; everything else escaped."""
    html = str(escape(text))
    html = _BOLD.sub(r"<strong>\1</strong>", html)
    return Markup(_CODE.sub(r"<code>\1</code>", html))


def plain(text: str) -> str:
    return _CODE.sub(r"\1", _BOLD.sub(r"\1", text))


@cache
def _environment() -> Environment:
    environment = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=False,
        keep_trailing_newline=True,
    )
    environment.globals.update(inline=inline, plain=plain, site_name=SITE_NAME)
    return environment


@cache
def _css() -> Markup:
    return Markup(
        TEMPLATES.joinpath("edition").with_suffix(".css").read_text(encoding="utf-8").strip()
    )


def render_html(page: Page, base: str, footer: str, data_rows: dict[str, int]) -> bytes:
    """The page's HTML. ``base``: the edition's public address, ending in ``/``."""
    path = page_path(page.key, page.language)
    root = "../" * path.count("/")
    alternates = [
        Alternate(
            language,
            translate(language, "language.name"),
            base + page_path(page.key, language),
            root + page_path(page.key, language),
        )
        for language in LANGUAGES
    ]
    t = Translator(page.language)
    html = (
        _environment()
        .get_template("page.html.j2")
        .render(
            page=page,
            t=t,
            root=root,
            canonical=base + path,
            alternates=alternates,
            x_default=base + page_path(page.key, "en"),
            markdown_name=path.rsplit("/", 1)[-1].removesuffix(".html") + ".md",
            css=_css(),
            footer=footer,
            data=_data_links(page, root, t, data_rows),
        )
    )
    return html.encode("utf-8")


def _data_links(page: Page, root: str, t: Translator, rows: dict[str, int]) -> list[DataLink]:
    return [
        DataLink(
            t(f"edition.{variant}"),
            t.count("count.rows", rows[f"{page.data_view}.{variant}"]),
            f"{root}data/{page.data_view}.{variant}",
        )
        for variant in ("shown", "full")
    ]


def render_markdown(page: Page, base: str, footer: str, data_rows: dict[str, int]) -> bytes:
    """The page as Markdown: its title, figures, tables, sources and data, for people and
    assistants that read text."""
    t = Translator(page.language)
    path = page_path(page.key, page.language)
    root = "../" * path.count("/")
    lines = [f"# {page.title}", "", page.lead, ""]
    lines += [
        f"- **{_cell(f.label)}**: {_cell(f.text)}" + (f" ({f.detail})" if f.detail else "")
        for f in page.figures
    ]
    lines.append("")
    if page.quote[0]:
        lines += [f"> {page.quote[0]}", ">", f"> — {page.quote[1]}", ""]
    lines += [line for note in page.notes for line in (note, "")]
    for heading, items in page.lists:
        lines += [f"## {heading}", "", *(f"- {item}" for item in items), ""]
    for table in page.tables:
        lines += _markdown_table(table)
    lines += [f"## {t('edition.sources')}", ""]
    lines += [f"- [{text}]({href})" if href else f"- {text}" for text, href in page.sources]
    lines += ["", f"## {t('edition.download')}", ""]
    for link in _data_links(page, root, t, data_rows):
        lines.append(
            f"- {link.label} ({link.rows}): [CSV]({link.base}.csv), "
            f"[{t('edition.metadata')}]({link.base}.meta.json), [zip]({link.base}.zip)"
        )
    lines += [
        "",
        f"[{t('edition.interactive')}]({page.interactive}) · HTML: {base}{path}",
        "",
        footer,
        "",
    ]
    return "\n".join(lines).encode("utf-8")


def _markdown_table(table: Table) -> list[str]:
    lines = [f"## {table.caption}", ""]
    if not table.rows:
        return lines
    lines.append("| " + " | ".join(_cell(h) for h in table.headers) + " |")
    lines.append("|" + "---|" * len(table.headers))
    lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in table.rows]
    if table.foot:
        lines.append("| " + " | ".join(f"**{_cell(c)}**" for c in table.foot) + " |")
    return [*lines, ""]


def _cell(text: str) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")
