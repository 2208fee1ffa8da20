"""The frozen copy of the data every test reads, and the refresh client with test-sized waits."""

from __future__ import annotations

from dataclasses import dataclass, field

import requests

from loaders.paths import PROJECT_ROOT
from loaders.untc import UntcClient

FROZEN = PROJECT_ROOT / "tests" / "fixtures" / "data"
# The frozen history: the snapshot before CURRENT (compiled from the older reference copy).
PREVIOUS_SNAPSHOT = "20261129T201705943055Z-reference"
# The frozen history, oldest first: PREVIOUS_SNAPSHOT, then MIDDLE_SNAPSHOT (with the 2013-2014
# declarations), then CURRENT_SNAPSHOT (the opened registry: family and world facts).
MIDDLE_SNAPSHOT = "20261201T160313018352Z-reference"
CURRENT_SNAPSHOT = "20261206T040127291108Z-reference"
DATA = FROZEN


@dataclass
class QuickClient:
    """The client the CLI builds, with test-sized waits; back-off delays are recorded, not slept."""

    options: dict = field(
        default_factory=lambda: {"timeout": (1, 0.5), "retries": 1, "max_seconds": 5}
    )
    sleeps: list[float] = field(default_factory=list)

    def __call__(self, **given: object) -> UntcClient:
        session = requests.Session()
        session.trust_env = False  # never a proxy from the environment: 127.0.0.1 only
        return UntcClient(session=session, sleep=self.sleeps.append, **(given | self.options))
