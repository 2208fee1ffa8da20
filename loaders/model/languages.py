"""The four official languages of the OAS, which the dashboard and the command line speak."""

from __future__ import annotations

LANGUAGES: dict[str, str] = {"en": "English", "es": "Español", "pt": "Português", "fr": "Français"}
DEFAULT_LANGUAGE = "en"


def best_language(requested: str | None) -> str:
    """The supported language for a tag like ``es-AR`` or ``pt_BR``; English otherwise."""
    if not requested:
        return DEFAULT_LANGUAGE
    primary = requested.replace("_", "-").split("-")[0].lower()
    return primary if primary in LANGUAGES else DEFAULT_LANGUAGE
