"""A brief as a printable PDF: A4, one or two pages, words given by the caller.

reportlab, not fpdf2: reportlab ships the Bitstream Vera fonts (Latin-1 and the typographic
marks: every letter of English, Spanish, Portuguese and French, with « », – —, ’ and the no-break
space), so the PDF needs no font from the system or the network, and its platypus layout flows
tables and paragraphs over pages by itself; fpdf2 would need a TTF file shipped beside the code.
The fonts are embedded (subset) in every PDF, so it prints the same anywhere.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from xml.sax.saxutils import escape

import reportlab
from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

FONT_DIR = Path(reportlab.__file__).parent / "fonts"
FONTS = {"Vera": "Vera.ttf", "Vera-Bold": "VeraBd.ttf", "Vera-Italic": "VeraIt.ttf"}
INK, MUTED, RULE, BAND = (
    colors.HexColor("#1d2733"),
    colors.HexColor("#4a5868"),
    colors.HexColor("#c7ced6"),
    colors.HexColor("#eef2f6"),
)


@dataclass(frozen=True)
class Section:
    """A heading, then paragraphs, then (optionally) a table whose first row is its header."""

    heading: str
    paragraphs: tuple[str, ...] = ()
    table: tuple[tuple[str, ...], ...] = ()
    widths: tuple[float, ...] = ()  # fractions of the text width, one per column
    notes: tuple[str, ...] = ()  # small print under the table (records in English, ...)


@dataclass(frozen=True)
class Document:
    title: str
    subtitle: str
    sections: tuple[Section, ...]
    footer: str  # on every page, with the page number
    language: str = "en"
    author: str = "Ratify Americas"
    subject: str = ""
    keywords: tuple[str, ...] = field(default_factory=tuple)


@cache
def _register() -> None:
    for name, file in FONTS.items():
        pdfmetrics.registerFont(TTFont(name, str(FONT_DIR / file)))
    pdfmetrics.registerFontFamily("Vera", normal="Vera", bold="Vera-Bold", italic="Vera-Italic")


@cache
def covered_characters() -> frozenset[str]:
    """Every character the brief's fonts can draw (a test checks each brief against it)."""
    _register()
    chars: set[str] = set()
    for name in FONTS:
        face = pdfmetrics.getFont(name).face
        chars |= {chr(code) for code in face.charToGlyph}
    return frozenset(chars)


def _styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("body", fontName="Vera", fontSize=9, leading=12, textColor=INK)
    return {
        "title": ParagraphStyle("title", base, fontName="Vera-Bold", fontSize=16, leading=20),
        "subtitle": ParagraphStyle("subtitle", base, textColor=MUTED, fontSize=9.5, leading=13),
        "heading": ParagraphStyle(
            "heading",
            base,
            fontName="Vera-Bold",
            fontSize=10.5,
            leading=14,
            spaceBefore=8,
            spaceAfter=3,
            textColor=colors.HexColor("#1f5f99"),
        ),
        "body": ParagraphStyle("body2", base, spaceAfter=3, alignment=TA_LEFT),
        "cell": ParagraphStyle("cell", base, fontSize=8, leading=10),
        "head": ParagraphStyle("head", base, fontName="Vera-Bold", fontSize=8, leading=10),
        "note": ParagraphStyle("note", base, fontSize=7.5, leading=9.5, textColor=MUTED),
    }


def _text(value: str) -> str:
    """Plain text for a reportlab paragraph: escaped (its markup is a small XML), line breaks
    kept."""
    # The narrow no-break space (some French typography) is drawn as the no-break space.
    return escape(value.replace("\u202f", "\u00a0")).replace("\n", "<br/>")


def _table(section: Section, width: float, styles: dict[str, ParagraphStyle]) -> Table:
    header, *rows = section.table
    cells = [[Paragraph(_text(c), styles["head"]) for c in header]]
    cells += [[Paragraph(_text(c), styles["cell"]) for c in row] for row in rows]
    widths = [width * f for f in section.widths] if section.widths else None
    table = Table(cells, colWidths=widths, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, 0), BAND),
                ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 3),
                ("RIGHTPADDING", (0, 0), (-1, -1), 3),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return table


def render_pdf(document: Document) -> bytes:
    _register()
    styles = _styles()
    out = io.BytesIO()
    margin = 16 * mm
    pdf = SimpleDocTemplate(
        out,
        pagesize=A4,
        leftMargin=margin,
        rightMargin=margin,
        topMargin=14 * mm,
        bottomMargin=16 * mm,
        title=document.title,
        author=document.author,
        subject=document.subject,
        keywords=", ".join(document.keywords),
        lang=document.language,
    )
    width = A4[0] - 2 * margin
    story: list[Flowable] = [
        Paragraph(_text(document.title), styles["title"]),
        Paragraph(_text(document.subtitle), styles["subtitle"]),
        Spacer(1, 4),
    ]
    for section in document.sections:
        block: list[Flowable] = [Paragraph(_text(section.heading), styles["heading"])]
        block += [Paragraph(_text(p), styles["body"]) for p in section.paragraphs]
        if section.table:
            block.append(_table(section, width, styles))
        block += [Paragraph(_text(n), styles["note"]) for n in section.notes]
        # A section stays on one page where it fits; a longer one flows over, heading kept
        # with what follows it.
        story.append(KeepTogether(block) if len(section.table) < 14 else block[0])
        if len(section.table) >= 14:
            story.extend(block[1:])

    def footer(canvas: Canvas, doc: BaseDocTemplate) -> None:
        canvas.saveState()
        canvas.setFont("Vera", 7)
        canvas.setFillColor(MUTED)
        canvas.drawString(margin, 9 * mm, f"{document.footer}   {doc.page}")
        canvas.restoreState()

    pdf.build(story, onFirstPage=footer, onLaterPages=footer)
    return out.getvalue()
