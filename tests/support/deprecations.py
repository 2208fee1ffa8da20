"""Deprecations said in a log: the test run fails on them, as on a deprecation warning.

Streamlit announces most of its deprecations by logging them ("Please replace `st.x` with `st.y`.
`st.x` will be removed after ..."), not as Python warnings, which pyproject.toml's filterwarnings
turns into errors. Its loggers do not propagate to the root logger, so each is watched itself.
"""

from __future__ import annotations

import logging
import re

DEPRECATION = re.compile(r"deprecat|will be removed", re.IGNORECASE)


def deprecation_lines(text: str) -> list[str]:
    """The lines of a log (a server's output) that announce a deprecation."""
    return [line.strip() for line in text.splitlines() if DEPRECATION.search(line)]


class DeprecationLog(logging.Handler):
    """Keeps the records that announce a deprecation, from the loggers it is attached to."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.said: list[str] = []
        self._loggers: list[logging.Logger] = []

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        if DEPRECATION.search(message):
            self.said.append(f"{record.name}: {message}")

    def attach(self) -> None:
        """Watch the root logger (pandas, plotly and the project log there) and every Streamlit
        logger made so far (importing streamlit makes those that announce deprecations)."""
        names = [name for name in logging.Logger.manager.loggerDict if name.startswith("streamlit")]
        self._loggers = [logging.getLogger(), *(logging.getLogger(name) for name in names)]
        for logger in self._loggers:
            logger.addHandler(self)

    def detach(self) -> None:
        for logger in self._loggers:
            logger.removeHandler(self)
