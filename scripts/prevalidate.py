"""Write (or check) the prevalidated form of every built-in release (not shipped).

    python scripts/prevalidate.py            # write data/<id>.prevalidated for each data/<id>/
    python scripts/prevalidate.py --check    # exit 1 if any is missing or out of date

Each release is read by the strict loader and merged on its own (every
reference must resolve within the built-in releases) before its form is
written; see src/sinorussia/_prevalidated.py for when the library uses it.
Run it after sealing a built-in release or changing the models.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from sinorussia._loader import read_release  # noqa: E402
from sinorussia._merge import merge  # noqa: E402
from sinorussia._prevalidated import SUFFIX, dumps, read_body, read_header  # noqa: E402

DATA = ROOT / "src" / "sinorussia" / "data"


def current(root: Path) -> bool:
    """Whether the form beside ``root`` is used for it, and gives what the strict loader and the merge give."""
    header = read_header(str(root))
    release = read_body(header) if header is not None else None
    if release is None:
        return False
    strict = read_release(root, origin="built-in", hint=root.name)
    alone = merge([strict])
    return (release.info, release.places, dict(release.tables), dict(release.aliases)) == (
        strict.info,
        strict.places,
        dict(alone.tables),
        dict(alone.aliases),
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="only check that every form is current")
    check = parser.parse_args(argv).check
    releases = sorted(path for path in DATA.iterdir() if (path / "release.json").is_file())
    loaded = {root: read_release(root, origin="built-in", hint=root.name) for root in releases}
    merge(loaded.values())  # the built-in releases must stand on their own
    stale = []
    for root, release in loaded.items():
        target = root.parent / (root.name + SUFFIX)
        if check:
            if not current(root):
                stale.append(target)
            continue
        target.write_bytes(dumps(release, str(root)))
        if not current(root):
            raise SystemExit(f"{target}: written, but not read back as the strict loader reads {root}")
        print(f"wrote {target.relative_to(ROOT)} ({target.stat().st_size:,} bytes)")
    for target in stale:
        print(f"out of date or missing: {target.relative_to(ROOT)} (run python scripts/prevalidate.py)")
    return 1 if stale else 0


if __name__ == "__main__":
    raise SystemExit(main())
