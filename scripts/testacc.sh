#!/usr/bin/env bash
# Acceptance tests: TF_ACC=1 go test -run '^TestAcc[A-Z]' against the real terraform
# CLI. internal/acctest starts an emulator in-process for each test unless
# CASES_ACC_TARGET=aws. Extra arguments go to go test (e.g. -run TestAccDomain_basic).
#
#   ACC_PKGS=./internal/... ACC_TIMEOUT=30m scripts/testacc.sh [go test args]
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
export PATH="$root/bin:$PATH" CHECKPOINT_DISABLE=1

tf="$(command -v terraform)" || {
  echo "==> terraform not found: run 'make terraform'" >&2
  exit 1
}

# The environment may point TF_CLI_CONFIG_FILE at a file that does not exist;
# give terraform a real, neutral one (no dev_overrides: tests serve the provider
# in-process and terraform reattaches to it).
tfrc="$(mktemp)"
trap 'rm -f "$tfrc"' EXIT
printf 'disable_checkpoint = true\n' >"$tfrc"

export TF_ACC=1 TF_ACC_TERRAFORM_PATH="$tf" TF_CLI_CONFIG_FILE="$tfrc"
echo "==> acceptance tests with $tf ($(terraform version | head -n1)), target: ${CASES_ACC_TARGET:-emulator}"

# shellcheck disable=SC2086 # ACC_PKGS is a list of package patterns
scripts/gotest.sh --require-tests acceptance ${ACC_PKGS:-./internal/...} \
  -run '^TestAcc[A-Z]' -count=1 -timeout "${ACC_TIMEOUT:-30m}" "$@"
