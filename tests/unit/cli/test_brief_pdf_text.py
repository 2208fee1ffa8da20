"""`brief --state BOL --lang es` read back as a reader reads it: the PDF's text, by pdftotext.

Worked out by hand from the frozen data (tests/fixtures/data):
- On 4 June 2009 Bolivia was party to the Convention (10 Oct 2005) and the Trafficking Protocol
  (18 May 2006), had signed the Smuggling Protocol and done nothing on Firearms (accession of
  4 Sep 2020); its steps at home are of 10 Oct 2019 (Firearms) and 2025 (Smuggling): none yet.
- Today (no --as-of) both steps show, each under its Protocol and MTDSG number, their English
  records marked as such; the Firearms row is of medium confidence, its source record ending in
  the researchers' "check against UNTC", which no reader's brief prints.
- Bolivia's Convention declaration cut at 320 characters ends in "does not consider […]".
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from cli.main import main

pytestmark = pytest.mark.skipif(
    not shutil.which("pdftotext") and os.environ.get("CI") != "true",
    reason="poppler-utils not installed (apt-get install poppler-utils)",
)


def _brief_text(tmp_path: Path, *args: str) -> str:
    out = tmp_path / "bol.pdf"
    assert main(["brief", "--state", "BOL", "--lang", "es", *args, "--out", str(out)]) == 0
    text = subprocess.run(
        ["pdftotext", str(out), "-"], check=True, capture_output=True, text=True
    ).stdout
    return " ".join(text.replace("\u00a0", " ").split())  # lines joined, as a reader reads


def test_the_bolivia_brief_on_4_june_2009_shows_nothing_later(tmp_path: Path) -> None:
    text = _brief_text(tmp_path, "--as-of", "2009-06-04")
    assert "Nota informativa al 4 de junio de 2009" in text
    assert "Aún no se registra en estos datos ningún paso interno" in text
    assert (
        "Partes ese día: Convención de Palermo: Parte; Protocolo sobre la trata de personas: Parte."
        in text
    )
    assert "Parte, luego Parte" not in text
    assert "Sin firma ni consentimiento" in text  # Firearms: nothing yet
    # (The UNODC release of 2025 is named as the source of the 2008 figures: a citation.)
    for later in ("2019", "2020", "Chamber of Deputies", "1245", "153 parties"):
        assert later not in text, later
    assert "does not consider […] (texto del depositario, en inglés)" in text
    assert "itsel […]" not in text
    assert "check against" not in text


def test_the_bolivia_brief_today_names_each_protocol_and_marks_the_english(
    tmp_path: Path,
) -> None:
    text = _brief_text(tmp_path)
    # Table cells are read column by column where they wrap: each piece on its own.
    assert "tráfico ilícito de migrantes (XVIII-12-b)" in text
    assert "de fuego (XVIII-12-c)" in text
    assert (
        "aprobado por la cámara baja. Registro (en inglés): The Chamber of Deputies approved"
    ) in text
    assert "aprobado por el poder legislativo. Registro (en" in text
    assert "inglés): Law No. 1245 of 10 October 2019" in text
    assert "does not consider […] (texto del depositario, en inglés)" in text
    assert "concerning this Protocol. (texto del depositario, en inglés)" in text
    assert "itsel […]" not in text
    assert "Confianza media — Bolivia, Protocolo sobre armas de fuego: una sola fuente" in text
    for remark in ("check against", "Netherlands treaty database", "119th party"):
        assert remark not in text, remark
