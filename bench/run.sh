#!/usr/bin/env bash
# Runs both benchmarks over the same corpus, for a side-by-side messages/second figure.
# Usage: bench/run.sh [ROUNDS_OURS] [ROUNDS_SISIMAI]   (from the repository root or anywhere)
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=tests/BounceService.Classification.Tests/Corpus/sisimai/maildir
dotnet run -c Release --project bench/BounceService.Bench -- "$corpus" "${1:-20}"
bench/sisimai.sh "$corpus" "${2:-3}"
