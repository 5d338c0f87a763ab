#!/usr/bin/env bash
# CI: run the benchmark runner once on a small N, only to show that it works.
# It prints its table and exits 0 whatever the timings (benchmarks assert nothing;
# docs/performance.md holds the real measurements and the command behind them).
set -euo pipefail
cd "$(dirname "$0")/.."
python benchmarks/run.py --quick
