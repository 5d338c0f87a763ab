#!/usr/bin/env bash
# Docs CI: install the package with the docs extra (and the extras the docs' examples
# use) into a fresh venv, build the HTML with warnings as errors, and run every code
# example of the docs as a doctest. Fails if any step fails.
set -euo pipefail
cd "$(dirname "$0")/.."

venv="${CI_DOCS_VENV:-$(mktemp -d)/venv}"
python3 -m venv "$venv"
# shellcheck disable=SC1091
. "$venv/bin/activate"
python -m pip install --quiet --upgrade pip
python -m pip install --quiet ".[docs,pandas,arrow,plot]" pytest

echo "+ sphinx-build -W -b html docs docs/_build/html"
rm -rf docs/_build
sphinx-build -W --keep-going -b html docs docs/_build/html

# The examples are doctests in the Markdown pages (as in the README); pytest runs
# them from outside the source tree's tests, against the installed package.
echo "+ pytest docs (doctests of every page)"
# -o addopts="": the suite's own options (coverage of the whole package) do not apply here.
python -m pytest docs -p no:cacheprovider -o addopts="" --doctest-glob="*.md" --ignore=docs/_build \
  -o doctest_optionflags="ELLIPSIS NORMALIZE_WHITESPACE" -q
echo "docs passed"
