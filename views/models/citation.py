""" "Cite this view": a citation of what a page shows, in the reader's language.

A pure function of the dataset (localized), the selection, the page and the day of access: the
title, the page, the instruments, the states (the 35 or the chosen groups), the as-of date, the
snapshot and the status-as-at date of each instrument, the source, the link with every filter
pinned (the as-of date, the language and the snapshot always, so the link opens the same view
on the same facts later too) and the date accessed.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from urllib.parse import urlencode, urlsplit

from loaders.store.dataset import Dataset
from views.models.selection import Selection
from views.text.i18n import Translator
from views.text.words import group_labels, instrument_brief

TITLE = "Ratify Americas"


SNAPSHOT_PARAM = "snapshot"  # the link parameter naming the snapshot a view shows


def pinned_params(
    selection: Selection, extra: Mapping[str, str] | None = None, snapshot: str | None = None
) -> dict[str, list[str]]:
    """The view's link query with its as-of date and language written out, whatever the link
    left to the defaults: a cited link must open the same view next year, in the same words.
    ``snapshot``: the id of the snapshot shown, so that the link opens the same facts after a
    refresh (the app then says newer facts exist, and links to them)."""
    params = {key: list(values) for key, values in selection.params.items()}
    params.pop(SNAPSHOT_PARAM, None)
    params["as_of"] = [selection.as_of.isoformat()]
    params["lang"] = [selection.language]
    for key, value in (extra or {}).items():
        if value:
            params[key] = [value]
    if snapshot:
        params[SNAPSHOT_PARAM] = [snapshot]
    return params


def base_url(page_url: str | None) -> str:
    """The app's root address from the address of one of its pages (``st.context.url``):
    ``http://host:8501/map`` -> ``http://host:8501/``; empty where unknown."""
    if not page_url:
        return ""
    parts = urlsplit(page_url)
    if not parts.scheme or not parts.netloc:
        return ""
    path = parts.path.rsplit("/", 1)[0] if "/" in parts.path else ""
    return f"{parts.scheme}://{parts.netloc}{path}/"


DEFAULT_PAGE = "overview"  # served at the app's root


def view_link(base: str, page: str, params: Mapping[str, Sequence[str]]) -> str:
    path = "" if page == DEFAULT_PAGE else page
    return f"{base}{path}?{urlencode(params, doseq=True)}"


def as_at_dates(dataset: Dataset, language: str) -> str:
    """``UNTOC and TIP as at 27 January 2014; SOM ... as at 10 July 2014`` in the language."""
    t = Translator(language)
    by_date: dict[str, list[str]] = {}
    for instrument, info in dataset.meta.instruments.items():
        when = t.date(info.status_as_at) if info.status_as_at else t("footer.unknown_date")
        name = (
            instrument_brief(dataset, instrument)
            if instrument in dataset.instruments.index
            else instrument
        )
        by_date.setdefault(when, []).append(name)
    return t.items(
        t("footer.as_at", instruments=t.words(names), date=when) for when, names in by_date.items()
    )


def citation(
    dataset: Dataset,
    selection: Selection,
    page: str,
    accessed: date,
    base: str = "",
    extra: Mapping[str, str] | None = None,
) -> str:
    """The citation of ``page`` (its url path) as the selection shows it, accessed on
    ``accessed``. ``dataset``: localized to the selection's language. ``extra``: the page's own
    link parameters (the profile's ``state``, the change page's ``since``)."""
    t = selection.t
    labels = group_labels(dataset, selection.language)
    states = (
        t.words(labels.get(g, g) for g in selection.groups)
        if selection.groups
        else t("cite.all_states")
    )
    return t(
        "cite.text",
        title=TITLE,
        page=t(f"nav.{page}"),
        instruments=t.words(instrument_brief(dataset, i) for i in selection.instruments),
        states=states,
        date=t.date(selection.as_of),
        snapshot=dataset.meta.snapshot_id,
        dates=as_at_dates(dataset, selection.language),
        url=view_link(base, page, pinned_params(selection, extra, dataset.meta.snapshot_id)),
        accessed=t.date(accessed),
    )


# Pages whose view reads on its own in another site's page: the map, and one state's card.
EMBEDDABLE = {"map": 720, "profile": 900}


def embed_snippet(
    dataset: Dataset,
    selection: Selection,
    page: str,
    base: str,
    extra: Mapping[str, str] | None = None,
) -> str | None:
    """The iframe code that shows ``page`` as selected inside another page, or None where the
    page is not embeddable (or, for the profile, no state is chosen). ``embed=true`` hides
    Streamlit's chrome; the app keeps the title, the date and the source line in view."""
    if page not in EMBEDDABLE or (page == "profile" and not (extra or {}).get("state")):
        return None
    params = {**pinned_params(selection, extra), "embed": ["true"]}
    title = f"{TITLE}: {selection.t(f'nav.{page}')}"
    src = view_link(base, page, params)
    return (
        f'<iframe src="{_attr(src)}" title="{_attr(title)}" width="100%" '
        f'height="{EMBEDDABLE[page]}" style="border:0" loading="lazy"></iframe>'
    )


def _attr(text: str) -> str:
    return text.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")
