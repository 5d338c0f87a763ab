"""The worked plugin release in examples/plugin-release: valid, sourced, found and merged.

The package is "installed" here the way pip leaves it for importlib.metadata: its
package directory and a ``*.dist-info`` with the entry point on ``sys.path``.
``.ci/plugin.sh`` does the real thing, in a fresh venv.
"""

from __future__ import annotations

import shutil
import tomllib
from pathlib import Path

import pytest

import sinorussia as sr
from seed_text import SEED, article_text, normalise
from sinorussia._references import references
from sinorussia._tools import unsealed

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "plugin-release"
PACKAGE = "sinorussia_cc_2016_followon"
RELEASE = EXAMPLE / "src" / PACKAGE
RELEASE_ID = "cc-2016-2-followon"
FOLLOW_ON = {
    "2016-09-expected-china-russia-joint-naval-exercise",
    "2016-expected-peace-mission-2016-exercises-kyrgyzstan",
    "2017-expected-india-pakistan-join-sco",
}


@pytest.fixture
def installed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fresh_registry: None) -> Path:
    """The example package and its distribution metadata on sys.path, as pip installs them."""
    site = tmp_path / "site-packages"
    shutil.copytree(RELEASE, site / PACKAGE)
    info = site / "sinorussia_cc_2016_followon-0.1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: sinorussia-cc-2016-followon\nVersion: 0.1.0\n", encoding="utf-8"
    )
    (info / "entry_points.txt").write_text(f"[sinorussia.releases]\n{RELEASE_ID} = {PACKAGE}\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(site))
    return site


def test_entry_point_names_the_release_and_its_package() -> None:
    """pyproject.toml registers the release id in sinorussia.releases, pointing at the package holding it."""
    project = tomllib.loads((EXAMPLE / "pyproject.toml").read_text(encoding="utf-8"))
    assert {RELEASE_ID: PACKAGE} == project["project"]["entry-points"]["sinorussia.releases"]
    assert ["src/sinorussia_cc_2016_followon"] == project["tool"]["hatch"]["build"]["targets"]["wheel"]["packages"]
    assert "hatchling" in project["build-system"]["build-backend"]


@pytest.mark.usefixtures("fresh_registry")
def test_example_release_validates_and_is_sealed() -> None:
    """It passes validate against the installed releases, and seal would change nothing."""
    ds = sr.validate_path(RELEASE)
    assert FOLLOW_ON <= {event.id for event in ds.events()}
    unsealed(RELEASE)


@pytest.mark.usefixtures("fresh_registry")
def test_every_reference_points_into_cc_2016_2() -> None:
    """The follow-on events refer to actors, issues and the source of cc-2016-2, which it requires."""
    base = sr.load("cc-2016-2")
    release = sr.load_path(RELEASE)
    targets = {target for event in release.events() if event.id in FOLLOW_ON for _, target, _ in references(event)}
    assert {"CHN", "RUS", "sco", "IND", "PAK", "yu-2016-reluctant-allies"} <= targets
    assert [] == sorted(t for t in targets if base.get(t) is None)
    assert ("cc-2016-2",) == next(r for r in release.releases if r.id == RELEASE_ID).requires


@pytest.mark.skipif(not SEED.exists(), reason="the seed article is not present (it is in CI)")
@pytest.mark.usefixtures("fresh_registry")
def test_every_quote_is_the_articles_own_words() -> None:
    """Each record cites the article with a verbatim quote and a section heading as locator."""
    article = article_text()
    release = sr.load_path(RELEASE)
    events = [event for event in release.events() if event.id in FOLLOW_ON]
    assert FOLLOW_ON == {event.id for event in events}
    for event in events:
        assert event.when.uncertain, event.id
        for ref in event.sources:
            assert "yu-2016-reluctant-allies" == ref.source
            assert ref.quote is not None
            assert normalise(ref.quote) in article, ref.quote
            assert normalise(ref.locator or "") in article, ref.locator


@pytest.mark.usefixtures("installed")
def test_installed_plugin_is_listed_and_merged() -> None:
    """sr.releases() lists it as a plugin; sr.load() merges it with cc-2016-2; load(id) brings what it requires."""
    infos = {info.id: info for info in sr.releases()}
    assert f"plugin {RELEASE_ID} from sinorussia-cc-2016-followon" == infos[RELEASE_ID].origin
    merged = sr.load()
    assert {"cc-2016-2", RELEASE_ID} <= {info.id for info in merged.releases}
    assert FOLLOW_ON <= {event.id for event in merged.events()}
    assert "plan" == merged.lookup("2017-india-pakistan-sco-accession-expected").kind.value  # nothing superseded
    alone = sr.load(RELEASE_ID)
    assert ["cc-2016-2", RELEASE_ID] == [info.id for info in alone.releases]
    naval = alone.lookup("2016-09-expected-china-russia-joint-naval-exercise")
    assert ("CHN", "RUS") == tuple(alone.actor(actor).id for actor in naval.actors[:2])
