"""Ratify Americas data layer: UNTC loaders, validated models, the snapshot and pure derivations.

Nothing in this package imports streamlit; the dashboard pages sit on top of it.
"""

import csv
import sys

# A declaration's text may be long (a 1 MB one has been seen in tests of hostile upstream pages):
# Python's csv readers stop at 131,072 characters a field unless told otherwise.
csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
