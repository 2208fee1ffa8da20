"""What is settled and what is not: how many of the facts a party's status makes final, and the
list of the others, each with the date through which it was verified."""

from __future__ import annotations

import streamlit as st

from loaders.derive.settled import DepositaryAccount, SettledAccount
from loaders.store.dataset import Dataset
from views.text.i18n import Translator
from views.text.words import instrument_brief, partial_date_text, status_label


def settled_summary(account: SettledAccount, t: Translator) -> str:
    """One sentence: how many facts are settled, how many may have changed since their check."""
    if account.settled == account.total:
        return t("settled.none")
    return t(
        "settled.summary",
        settled=account.settled,
        total=account.total,
        unsettled=account.total - account.settled,
    )


def unsettled_list(
    dataset: Dataset, account: SettledAccount, t: Translator, summary: str = ""
) -> None:
    """One click lists the facts that may have changed, each with its verification date.

    ``dataset``: localized (the names of states and instruments in the reader's language)."""
    rows = account.unsettled
    if rows.empty:
        return
    names = dataset.states["name"]
    with st.expander(t("settled.list", unsettled=len(rows)), icon=":material/pending:"):
        if summary:
            st.caption(summary)
        st.markdown(
            "\n".join(
                f"- {names.get(row['iso3'], row['state'])}, "
                f"{instrument_brief(dataset, row['instrument'])}: "
                + status_label(row["status"], False, row["verified_through"], t.language)
                for row in rows.to_dict("records")
            )
        )
        if account.last_full_check:
            st.caption(t("settled.last_full_check", date=t.date(account.last_full_check)))


def depositary_lines(accounts: list[DepositaryAccount], t: Translator) -> str:
    """The treaty family's account per depositary, as markdown: its last check, then settled,
    may have changed, unknown; the ILO's line says a convention can be denounced."""
    if not accounts:
        return ""
    lines = [t("settled.by_depositary")]
    for account in accounts:
        checked = (
            partial_date_text(account.last_check, t.language)
            if account.last_check
            else t("settled.no_check")
        )
        line = t(
            "settled.depositary_line",
            depositary=t(f"depositary.{account.depositary}"),
            date=checked,
            settled=account.settled,
            total=account.total,
            changeable=account.changeable,
            unknown=account.unknown,
        )
        if account.depositary == "ILO":
            line += " " + t("settled.ilo_denounce")
        lines.append(f"- {line}")
    return "\n".join(lines)
