#!/usr/bin/env bash
# Runs the end-to-end suite: builds and packs the server, installs the two npm clients, runs node's
# test runner, and prints "e2e: N passed, N failed" for .ci/run.
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$root"
dotnet build src/HomemadeML.Skill -c Release >/dev/null || { echo "e2e: 0 passed, 1 failed"; exit 1; }
# The tool ships as three packages: the pointer, linux-x64 (Native AOT) and "any" (framework-dependent).
for rid in "" "-r linux-x64" "-r any"; do
  dotnet pack src/HomemadeML.Skill -c Release $rid >/dev/null || { echo "e2e: 0 passed, 1 failed (dotnet pack $rid)"; exit 1; }
done
native="$root/artifacts/publish/HomemadeML.Skill/release_linux-x64/HomemadeML.Skill"
cd "$here"
npm ci --no-audit --no-fund >/dev/null 2>&1 || npm install --no-audit --no-fund >/dev/null || { echo "e2e: 0 passed, 1 failed"; exit 1; }
(cd strict && npm ci --no-audit --no-fund >/dev/null 2>&1) || { echo "e2e: 0 passed, 1 failed (npm ci in tests/e2e/strict)"; exit 1; }
pass=0
fail=0
# Runs node's test runner on the given files and adds its counts to the totals.
suite() {
  node --test --test-concurrency=1 --test-reporter=spec --test-reporter-destination=stdout \
    --test-reporter=tap --test-reporter-destination=/tmp/e2e.tap "$@"
  local p f
  p=$(grep -E '^# pass [0-9]+' /tmp/e2e.tap | grep -oE '[0-9]+')
  f=$(grep -E '^# fail [0-9]+' /tmp/e2e.tap | grep -oE '[0-9]+')
  pass=$((pass + ${p:-0}))
  fail=$((fail + ${f:-1}))
}
suite ./*.test.mjs
# The same client checks against the Native AOT binary: the AOT smoke test (missing JSON metadata only fails at run time).
echo "== the same suite against the Native AOT binary $native =="
HOMEMADE_ML_SERVER_BINARY="$native" suite ./typescript-client.test.mjs ./inspector.test.mjs ./inspector-strict.test.mjs
echo "e2e: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
