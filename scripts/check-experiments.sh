#!/usr/bin/env bash
# CI check for apps/experiments: regenerate the quick studies and compare them byte for byte with
# the committed experiments/results-quick/ (files whose names contain "timing" hold wall-clock
# measurements and are excluded). Fails on any difference, missing or extra file.
set -euo pipefail
cd "$(dirname "$0")/.."
export TURBO_TELEMETRY_DISABLED=1 DO_NOT_TRACK=1

# tsup bundles the @nn libraries from their sources, so this is the only build step needed.
(cd apps/experiments && npx tsup --silent)

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
start=$(date +%s)
node apps/experiments/dist/run.js --quick --out "$out"
echo "experiments --quick: $(( $(date +%s) - start )) s wall-clock"

if ! diff -r -x '*timing*' experiments/results-quick "$out"; then
  echo "experiments: the quick run differs from experiments/results-quick/ (see the diff above)."
  echo "If the change is intended, regenerate with: pnpm experiments --quick   (and commit experiments/results-quick/)"
  exit 1
fi
echo "experiments: quick run matches experiments/results-quick/ byte for byte (timing files excluded)"
