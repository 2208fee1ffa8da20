"""The terms under which the code and the data may be reused (README, "Reuse"), as links."""

from __future__ import annotations

# The United Nations' terms of use of its websites' content, UNTC's among them.
UN_TERMS = "https://www.un.org/en/about-us/terms-of-use"
# Our compilation of the facts (data/): attribution to Ratify Americas and to UNTC.
CC_BY = "https://creativecommons.org/licenses/by/4.0/"
COMPILATION_LICENCE = "CC-BY-4.0"
CODE_LICENCE = "MIT"
