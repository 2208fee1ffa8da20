"""Briefs are made once per (snapshot, subject, date, language) and a few a minute per session."""

from __future__ import annotations

from datetime import date

from loaders.publish.pdf import Document, Section
from pages.components import brief_button as module
from views.text.i18n import Translator


def _counting() -> tuple[list[int], callable]:
    made: list[int] = []

    def document() -> Document:
        made.append(1)
        return Document(title="Brief", subtitle="", sections=(Section("Status"),), footer="")

    return made, document


def test_a_brief_asked_again_is_not_made_again() -> None:
    made, document = _counting()
    key = ("snap-1", f"brief-bol-{date(2009, 6, 4)}-es.pdf")
    first = module.brief_pdf(document, key, "session-a", Translator("es"))
    again = [module.brief_pdf(document, key, f"session-{n}", Translator("es")) for n in range(50)]
    assert len(made) == 1 and all(pdf == first for pdf in again)
    assert first.startswith(b"%PDF")


def test_a_session_asking_too_many_gets_a_note_to_wait() -> None:
    made, document = _counting()
    clock = [1000.0]
    t = Translator("fr")
    pdfs = [
        module.brief_pdf(document, ("snap-2", f"b-{n}.pdf"), "greedy", t, now=lambda: clock[0])
        for n in range(40)
    ]
    assert len(made) == module.PER_MINUTE  # the other 34 cost one cached note
    assert len(set(pdfs[module.PER_MINUTE :])) == 1
    clock[0] += module.WINDOW + 1  # a minute later, briefs are made again
    module.brief_pdf(document, ("snap-2", "b-later.pdf"), "greedy", t, now=lambda: clock[0])
    assert len(made) == module.PER_MINUTE + 1
    # another session is not held back by the greedy one
    module.brief_pdf(document, ("snap-2", "b-other.pdf"), "other", t, now=lambda: clock[0])
    assert len(made) == module.PER_MINUTE + 2
