#!/usr/bin/env bash
# Run `go test -v ARGS...`, show its output, and close with one summary line:
#
#   LABEL: N passed, N failed, N skipped
#
# counting top-level tests, fuzz seed runs and examples. Exits with go test's
# status; with --require-tests, also fails when no test passed.
#
#   scripts/gotest.sh [--require-tests] LABEL [go test flags and packages]
set -euo pipefail

require=false
if [[ "${1:-}" == "--require-tests" ]]; then
  require=true
  shift
fi
label="${1:?usage: $0 [--require-tests] LABEL [go test args]}"
shift

log="$(mktemp)"
trap 'rm -f "$log"' EXIT

set +e
go test -v "$@" 2>&1 | tee "$log"
status="${PIPESTATUS[0]}"
set -e

count() { grep -c -E "^--- $1: " "$log" || true; }
passed="$(count PASS)"
failed="$(count FAIL)"
skipped="$(count SKIP)"

if [[ "$skipped" -gt 0 ]]; then
  echo "==> $label: skipped tests:"
  grep -E '^--- SKIP: ' "$log" | sed 's/^--- SKIP: /    /'
fi
if [[ "$failed" -gt 0 ]]; then
  echo "==> $label: failed tests:"
  grep -E '^--- FAIL: ' "$log" | sed 's/^--- FAIL: /    /'
fi
echo "$label: $passed passed, $failed failed, $skipped skipped"

if [[ "$status" -ne 0 ]]; then
  echo "==> $label: go test failed (exit $status)" >&2
  exit "$status"
fi
if $require && [[ "$passed" -eq 0 ]]; then
  echo "==> $label: no test ran; expected at least one" >&2
  exit 1
fi
