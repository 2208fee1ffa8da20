"""docs/columns.md: the column documentation, made from the schema declarations.

``python -m loaders.publish.columns`` rewrites it; a test keeps it equal to what the
declarations make.
"""

from __future__ import annotations

from pathlib import Path

from loaders.model.tables import columns_markdown
from loaders.paths import PROJECT_ROOT
from loaders.publish.files import write_atomically

COLUMNS_DOC = PROJECT_ROOT / "docs" / "columns.md"


def write_columns_doc(path: Path = COLUMNS_DOC) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    return write_atomically(path, columns_markdown().encode("utf-8"))


if __name__ == "__main__":
    print(f"wrote {write_columns_doc()}")
