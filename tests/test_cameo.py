"""The CAMEO codebook shipped with the package."""

from __future__ import annotations

from sinorussia._cameo import codebook, codes


def test_codes_are_the_codebook_keys() -> None:
    """The loader's quick list of codes (read without csv) is exactly the codebook's."""
    assert frozenset(codebook()) == codes()
