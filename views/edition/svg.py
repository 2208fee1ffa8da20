"""Charts as inline SVG, drawn from a view model's numbers: horizontal bars and dots.

Small on purpose: a bar is a ``<rect>`` whose width is its share, a dot a ``<circle>``; the SVG
has a title and a description, and every page puts the same numbers in a table beside it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

WIDTH = 520  # viewBox units; the SVG scales to the column (a phone draws it at about 0.7)
ROW = 46  # a label line above each bar or line: long names never clip, on any width
VALUE = 96  # room for the value at a bar's end
TRACK = "#e5e7eb"
BAR = "#1d4ed8"  # 8.6:1 on white
OPEN = "#6b7280"


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    total: int
    text: str  # the value in words, as the table says it (``12 of 35``)


def bar_chart(
    bars: Sequence[Bar], title: str, description: str, chart_id: str, room: int = VALUE
) -> Markup:
    """One bar per row: ``value`` of ``total`` filled, the text at its end, the label above.
    ``room``: viewBox units kept for the text (a longer one, e.g. "au moins 29 sur 54")."""
    height = ROW * len(bars) + 4
    span = WIDTH - room
    parts = [_head(chart_id, title, description, height)]
    for n, bar in enumerate(bars):
        y = n * ROW
        filled = 0 if bar.total <= 0 else round(span * bar.value / bar.total, 1)
        parts.append(
            f'<text x="0" y="{y + 16}">{escape(bar.label)}</text>'
            f'<rect x="0" y="{y + 22}" width="{span}" height="18" fill="{TRACK}"/>'
            f'<rect x="0" y="{y + 22}" width="{filled}" height="18" fill="{BAR}"/>'
            f'<text x="{span + 8}" y="{y + 37}">{escape(bar.text)}</text>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))


@dataclass(frozen=True)
class Dot:
    label: str
    year: int | None  # None: no act to place (an open ring at the end of the line)
    text: str


def dot_chart(
    dots: Sequence[Dot], first: int, last: int, title: str, description: str, chart_id: str
) -> Markup:
    """One line per row from ``first`` to ``last`` (years), its label above; a filled dot at the
    row's year, an open ring at the line's end where there is none."""
    height = ROW * len(dots) + 24
    margin = 8  # a dot at either end stays whole
    span = WIDTH - 2 * margin
    years = max(last - first, 1)
    parts = [_head(chart_id, title, description, height)]
    for n, dot in enumerate(dots):
        y = n * ROW + 31
        parts.append(
            f'<text x="0" y="{y - 15}">{escape(dot.label)}</text>'
            f'<line x1="{margin}" x2="{margin + span}" y1="{y}" y2="{y}" stroke="{TRACK}" '
            'stroke-width="2"/>'
        )
        if dot.year is None:
            parts.append(
                f'<circle cx="{margin + span}" cy="{y}" r="6" fill="#fff" stroke="{OPEN}" '
                'stroke-width="2"/>'
            )
        else:
            x = margin + round(span * (dot.year - first) / years, 1)
            parts.append(f'<circle cx="{x}" cy="{y}" r="6" fill="{BAR}"/>')
    axis = len(dots) * ROW + 18
    parts.append(
        f'<text x="0" y="{axis}">{first}</text>'
        f'<text x="{WIDTH}" y="{axis}" text-anchor="end">{last}</text></svg>'
    )
    return Markup("".join(parts))


def _head(chart_id: str, title: str, description: str, height: int) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" '
        f'role="img" aria-labelledby="{chart_id}-t {chart_id}-d" class="chart" '
        'font-family="system-ui, sans-serif" font-size="15" fill="#111827">'
        f'<title id="{chart_id}-t">{escape(title)}</title>'
        f'<desc id="{chart_id}-d">{escape(description)}</desc>'
    )
