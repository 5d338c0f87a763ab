#!/usr/bin/env bash
# CI: install the library and the example plugin release (examples/plugin-release)
# into a fresh venv, then, from outside the source tree, check that sr.releases()
# lists the plugin, sr.load() merges it with cc-2016-2, and `sinorussia validate`
# accepts its directory. Fails if any step fails, or if any ReleaseWarning is given.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 -m venv "$work/venv"
python="$work/venv/bin/python"
"$python" -m pip install --quiet --upgrade pip
echo "+ pip install . examples/plugin-release"
"$python" -m pip install --quiet "$root" "$root/examples/plugin-release"

cd "$work"  # import the installed packages, not the source tree
echo "+ check sr.releases() and sr.load()"
"$python" -W error - <<'PY'
import sinorussia as sr

infos = {info.id: info for info in sr.releases()}
assert {"cc-2016-2", "cc-2016-2-followon"} <= set(infos), sorted(infos)
origin = infos["cc-2016-2-followon"].origin
assert origin == "plugin cc-2016-2-followon from sinorussia-cc-2016-followon", origin

merged = sr.load()
assert {"cc-2016-2", "cc-2016-2-followon"} <= {r.id for r in merged.releases}
expected = merged.lookup("2017-expected-india-pakistan-join-sco")
assert expected.when.uncertain and ("IND", "PAK") == expected.actors
assert "India" == merged.actor("IND").name  # a reference into cc-2016-2 resolves
plan = merged.lookup("2017-india-pakistan-sco-accession-expected")  # cc-2016-2's record is kept
assert "plan" == plan.kind.value

alone = sr.load("cc-2016-2-followon")  # brings cc-2016-2, which it requires
assert ["cc-2016-2", "cc-2016-2-followon"] == [r.id for r in alone.releases]
followon = {
    "2016-09-expected-china-russia-joint-naval-exercise",
    "2016-expected-peace-mission-2016-exercises-kyrgyzstan",
    "2017-expected-india-pakistan-join-sco",
}
assert followon == {e.id for e in alone.events() if e.when.uncertain} & followon
print("plugin release listed and merged:", sorted(infos), merged.counts()["events"], "events")
PY
echo "+ sinorussia releases"
"$work/venv/bin/sinorussia" releases
echo "+ sinorussia validate examples/plugin-release/src/sinorussia_cc_2016_followon"
"$work/venv/bin/sinorussia" validate "$root/examples/plugin-release/src/sinorussia_cc_2016_followon"
echo "plugin check passed"
