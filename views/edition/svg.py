"""Charts as inline SVG, drawn from a view model's numbers: horizontal bars and dots.

Small on purpose: a bar is a ``<rect>`` whose width is its share, a dot a ``<circle>``; the SVG
has a title and a description, and every page puts the same numbers in a table beside it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

WIDTH = 640  # viewBox units; the SVG scales to the column (max-width: 100%)
LABEL = 210  # room for the label on the left
ROW = 28
TRACK = "#e5e7eb"
BAR = "#1d4ed8"  # 8.6:1 on white
OPEN = "#6b7280"


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    total: int
    text: str  # the value in words, as the table says it (``12 of 35``)


def bar_chart(bars: Sequence[Bar], title: str, description: str, chart_id: str) -> Markup:
    """One bar per row: ``value`` of ``total`` filled, the text at its end."""
    height = ROW * len(bars) + 8
    span = WIDTH - LABEL - 90
    parts = [_head(chart_id, title, description, height)]
    for n, bar in enumerate(bars):
        y = 4 + n * ROW
        filled = 0 if bar.total <= 0 else round(span * bar.value / bar.total, 1)
        parts.append(
            f'<text x="{LABEL - 8}" y="{y + 17}" text-anchor="end">{escape(bar.label)}</text>'
            f'<rect x="{LABEL}" y="{y + 5}" width="{span}" height="16" fill="{TRACK}"/>'
            f'<rect x="{LABEL}" y="{y + 5}" width="{filled}" height="16" fill="{BAR}"/>'
            f'<text x="{LABEL + span + 6}" y="{y + 17}">{escape(bar.text)}</text>'
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
    """One line per row from ``first`` to ``last`` (years); a filled dot at the row's year."""
    height = ROW * len(dots) + 28
    span = WIDTH - LABEL - 30
    years = max(last - first, 1)
    parts = [_head(chart_id, title, description, height)]
    for n, dot in enumerate(dots):
        y = 4 + n * ROW + 13
        parts.append(
            f'<text x="{LABEL - 8}" y="{y + 4}" text-anchor="end">{escape(dot.label)}</text>'
            f'<line x1="{LABEL}" x2="{LABEL + span}" y1="{y}" y2="{y}" stroke="{TRACK}" '
            'stroke-width="2"/>'
        )
        if dot.year is None:
            parts.append(
                f'<circle cx="{LABEL + span}" cy="{y}" r="6" fill="#fff" stroke="{OPEN}" '
                'stroke-width="2"/>'
            )
        else:
            x = LABEL + round(span * (dot.year - first) / years, 1)
            parts.append(f'<circle cx="{x}" cy="{y}" r="6" fill="{BAR}"/>')
    axis = 4 + len(dots) * ROW + 16
    parts.append(
        f'<text x="{LABEL}" y="{axis}">{first}</text>'
        f'<text x="{LABEL + span}" y="{axis}" text-anchor="end">{last}</text></svg>'
    )
    return Markup("".join(parts))


def _head(chart_id: str, title: str, description: str, height: int) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" '
        f'role="img" aria-labelledby="{chart_id}-t {chart_id}-d" class="chart" '
        'font-family="system-ui, sans-serif" font-size="13" fill="#111827">'
        f'<title id="{chart_id}-t">{escape(title)}</title>'
        f'<desc id="{chart_id}-d">{escape(description)}</desc>'
    )
