#!/usr/bin/env bash
# Runs the end-to-end suite: builds and packs the server, installs the two npm clients, runs node's
# test runner, and prints "e2e: N passed, N failed" for .ci/run.
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$root"
dotnet build src/HomemadeML.Skill -c Release >/dev/null || { echo "e2e: 0 passed, 1 failed"; exit 1; }
dotnet pack src/HomemadeML.Skill -c Release >/dev/null || { echo "e2e: 0 passed, 1 failed"; exit 1; }
cd "$here"
npm ci --no-audit --no-fund >/dev/null 2>&1 || npm install --no-audit --no-fund >/dev/null || { echo "e2e: 0 passed, 1 failed"; exit 1; }
node --test --test-concurrency=1 --test-reporter=spec --test-reporter-destination=stdout \
  --test-reporter=tap --test-reporter-destination=/tmp/e2e.tap ./*.test.mjs
status=$?
pass=$(grep -E '^# pass [0-9]+' /tmp/e2e.tap | grep -oE '[0-9]+')
fail=$(grep -E '^# fail [0-9]+' /tmp/e2e.tap | grep -oE '[0-9]+')
echo "e2e: ${pass:-0} passed, ${fail:-1} failed"
exit $status
