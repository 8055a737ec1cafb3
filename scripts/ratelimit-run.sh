#!/usr/bin/env bash
# Rate-limited runs: examples/complete-domain against the emulator at the
# service's published default rates (-rate-limits service-defaults), through
# the real terraform CLI with -parallelism=10, once with the provider's own
# rate control (the default: each operation at its published rate and
# burst) and once without it (requests_per_second = 0). `make bench` runs
# examples/large-domain the same way (cases-bench -run large-domain). For each of apply, a refresh-only plan and
# destroy it prints the wall time, the Cases API requests the emulator saw
# (GET /_emulator/metrics), how many of them it throttled, and the errors
# terraform surfaced.
#
#   scripts/ratelimit-run.sh [EXAMPLE_DIR]   (default examples/complete-domain)
#
# Builds bin/terraform-provider-cases and bin/cases-emulator first. The
# emulator and the scratch directory are removed on exit.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
example="$(cd "${1:-examples/complete-domain}" && pwd)"
export CHECKPOINT_DISABLE=1

command -v terraform >/dev/null || { echo "==> terraform not found: run 'make terraform'" >&2; exit 1; }
command -v jq >/dev/null || { echo "==> jq not found" >&2; exit 1; }

echo "==> building the provider and the emulator into bin/" >&2
make -s build >&2

tmp="$(mktemp -d)"
emulator_pid=""
cleanup() {
  if [[ -n "$emulator_pid" ]] && kill -0 "$emulator_pid" 2>/dev/null; then
    kill -TERM "$emulator_pid" 2>/dev/null || true
    wait "$emulator_pid" 2>/dev/null || true
  fi
  rm -rf "$tmp"
}
trap cleanup EXIT

bin/cases-emulator -listen 127.0.0.1:0 -rate-limits service-defaults -activation-delay 1s -log-level warn \
  >"$tmp/emulator.out" 2>"$tmp/emulator.log" &
emulator_pid=$!
url=""
for _ in $(seq 1 100); do
  line="$(head -n 1 "$tmp/emulator.out")"
  if [[ "$line" =~ ^cases-emulator\ listening\ on\ (http://[^[:space:]]+)$ ]]; then
    url="${BASH_REMATCH[1]}"
    break
  fi
  sleep 0.1
done
[[ -n "$url" ]] || { echo "==> the emulator did not start" >&2; cat "$tmp/emulator.log" >&2; exit 1; }
echo "==> emulator on $url with -rate-limits service-defaults" >&2

scripts/tf-cli-config.sh "$tmp/dev.tfrc" >&2
export TF_CLI_CONFIG_FILE="$tmp/dev.tfrc"
unset AWS_PROFILE AWS_DEFAULT_PROFILE AWS_SESSION_TOKEN AWS_ENDPOINT_URL AWS_MAX_ATTEMPTS
export AWS_ENDPOINT_URL_CONNECTCASES="$url" AWS_REGION=us-west-2 \
  AWS_ACCESS_KEY_ID=123456789012 AWS_SECRET_ACCESS_KEY=bench AWS_EC2_METADATA_DISABLED=true

# run_phase MODE PHASE COMMAND...: zero the counters, run the command, print
# one table row.
run_phase() {
  local mode="$1" phase="$2"
  shift 2
  curl -fsS -X DELETE "$url/_emulator/metrics" >/dev/null
  local start end status
  start="$(date +%s.%N)"
  set +e
  "$@" >"$tmp/out.txt" 2>&1
  status=$?
  set -e
  end="$(date +%s.%N)"
  local metrics admitted throttled errors
  metrics="$(curl -fsS "$url/_emulator/metrics")"
  admitted="$(jq '.admitted' <<<"$metrics")"
  throttled="$(jq '.throttled' <<<"$metrics")"
  errors="$(grep -c 'Error:' "$tmp/out.txt" || true)"
  printf '| %s | %s | %.1f | %d | %d | %.0f%% | %d | %d |\n' "$mode" "$phase" \
    "$(echo "$end - $start" | bc)" "$((admitted + throttled))" "$throttled" \
    "$(echo "if ($admitted + $throttled > 0) 100 * $throttled / ($admitted + $throttled) else 0" | bc -l)" \
    "$errors" "$status"
  if [[ "$errors" != 0 ]]; then
    grep -A3 'Error:' "$tmp/out.txt" | head -20 >&2
  fi
}

echo "| provider limiter | phase | wall s | requests | throttled | throttled % | errors | exit |"
echo "|---|---|---|---|---|---|---|---|"
for mode in on off; do
  curl -fsS -X POST "$url/_emulator/reset" >/dev/null # state gone, buckets full
  work="$tmp/work-$mode"
  mkdir -p "$work"
  cp "$example"/*.tf "$work/"
  if [[ "$mode" == off ]]; then
    sed -i 's/^provider "cases" {$/provider "cases" {\n  requests_per_second = 0/' "$work"/*.tf
  fi
  grep -q 'provider "cases" {' "$work"/*.tf || { echo "==> no provider block in $example" >&2; exit 1; }
  (
    cd "$work"
    run_phase "$mode" apply terraform apply -auto-approve -input=false -no-color -parallelism=10
    run_phase "$mode" "refresh-only plan" terraform plan -refresh-only -detailed-exitcode -input=false -no-color -parallelism=10
    run_phase "$mode" destroy terraform destroy -auto-approve -input=false -no-color -parallelism=10
  )
  # Let every bucket fill up again before the next mode.
  sleep 3
done
