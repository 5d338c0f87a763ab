"""The source article as plain text, for checking quotes against it.

The seed text is a conversion from print: a page footer splits one sentence,
and Markdown marks (``**``, ``*``, ``[text](#)``, ``\\$``) remain. A quote is
verbatim when it is a substring of the article after the same normalisation is
applied to both: marks removed, footer removed, typographic quotes and dashes
made plain, white space collapsed.
"""

from __future__ import annotations

import re
from pathlib import Path

SEED = Path(__file__).resolve().parents[2] / "shared" / "seed" / "000_b1d71dedfacc80fc.txt"

_FOOTER = re.compile(r"^This article is extracted from .*$", re.MULTILINE)
_LINK = re.compile(r"\[([^\]]*)\]\(#\)")
_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "\u00a0": " "})


def normalise(text: str) -> str:
    """Apply the quote-matching normalisation to ``text``."""
    text = _LINK.sub(r"\1", text)
    text = text.replace("\\$", "$").replace("**", "").replace("*", "")
    text = text.translate(_QUOTES)
    return " ".join(text.split())


def article_text(path: Path = SEED) -> str:
    """The normalised article body (footer removed), or '' when the seed is absent."""
    if not path.exists():
        return ""
    raw = path.read_text(encoding="utf-8")
    return normalise(_FOOTER.sub("", raw))


def footer_text(path: Path = SEED) -> str:
    """The normalised page footer (the preferred citation)."""
    raw = path.read_text(encoding="utf-8") if path.exists() else ""
    match = _FOOTER.search(raw)
    return normalise(match.group(0)) if match else ""
