#!/usr/bin/env bash
# make bench: measure what users feel and print one table (Markdown).
#
# Builds the benchmark fixture (internal/bench/nullprovider, a do-nothing
# framework provider) and the bench program (internal/bench/cmd/cases-bench)
# into a scratch directory, then runs the program against ./bin/
# terraform-provider-cases (`make bench` builds it first) and the terraform on
# PATH. Detection lag, concurrent creates, throttling, plan overhead (one
# configuration of 100 domains, 20 configurations of 5), a large domain
# (examples/large-domain) at the published rate limits with and without the
# provider's rate control, emulator throughput and provider start-up: see
# docs/benchmarks.md.
#
#   scripts/bench.sh [cases-bench flags]     e.g. -quick for a smoke run,
#                                            -run large-domain for one part
#
# Environment:
#   BENCH_OUT=FILE          also write the table to FILE
#   BENCH_PROFILE_DIR=DIR   write CPU profiles (emulator under load, provider
#                           during the 100-resource plan) to DIR and print
#                           their top functions
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
export PATH="$root/bin:$PATH" CHECKPOINT_DISABLE=1

[[ -x bin/terraform-provider-cases ]] || { echo "==> bin/terraform-provider-cases is missing: run 'make bench' (it builds it)" >&2; exit 1; }
command -v terraform >/dev/null || { echo "==> terraform not found: run 'make terraform'" >&2; exit 1; }

scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT

echo "==> building the fixture provider and the bench program (nproc $(nproc))" >&2
go build -trimpath -o "$scratch/fixture/terraform-provider-nullfixture" ./internal/bench/nullprovider
go build -trimpath -o "$scratch/cases-bench" ./internal/bench/cmd/cases-bench

args=(-provider-dir "$root/bin" -fixture-dir "$scratch/fixture" -work "$scratch/work")
[[ -n "${BENCH_OUT:-}" ]] && args+=(-out "$BENCH_OUT")
[[ -n "${BENCH_PROFILE_DIR:-}" ]] && args+=(-profile "$BENCH_PROFILE_DIR")

"$scratch/cases-bench" "${args[@]}" "$@"

if [[ -n "${BENCH_PROFILE_DIR:-}" ]]; then
  echo
  echo "==> emulator under load (bench process; the load client runs in it too):"
  go tool pprof -top -nodecount=25 "$scratch/cases-bench" "$BENCH_PROFILE_DIR/emulator.cpu.pprof" 2>/dev/null | sed -n '1,35p'
  shopt -s nullglob
  profiles=("$BENCH_PROFILE_DIR"/provider.cpu.pprof.*)
  if ((${#profiles[@]})); then
    echo
    echo "==> provider processes during one ${#profiles[@]}-process plan (merged):"
    go tool pprof -top -nodecount=25 bin/terraform-provider-cases "${profiles[@]}" 2>/dev/null | sed -n '1,35p'
  fi
fi
