#!/usr/bin/env bash
# Run the acceptance tests once per CLI (Terraform and OpenTofu versions)
# through terraform-plugin-testing's TF_ACC_TERRAFORM_PATH, and print a
# table: CLI and version against tests passed, failed and skipped, with the
# reason for every skip. The table is also written to MATRIX_OUT.
#
#   scripts/test-matrix.sh [--smoke] [extra go test args]
#
# --smoke runs only SMOKE_TESTS (a domain, field options, a template, an
# import block, a drift, and the identity imports and list queries, which
# skip themselves below Terraform 1.12 and 1.14) on every CLI instead of the
# whole suite.
#
# Environment:
#   MATRIX_CLIS  the CLIs, space-separated; each is `terraform` (the one on
#                PATH, ./bin excluded unless that is where it is), a path,
#                or one of the pinned names bin/terraform-1.15.9,
#                bin/terraform-1.5.7, bin/tofu, which are built first
#                (scripts/install-cli.sh; MATRIX_NO_INSTALL=1 skips that)
#                when missing. Append :smoke or :full to pick the suite for
#                one CLI.
#                Default: "terraform bin/terraform-1.15.9 bin/terraform-1.5.7 bin/tofu"
#   MATRIX_OUT   Markdown file for the table (default docs/test-matrix.md;
#                empty: stdout only)
#   MATRIX_P, MATRIX_PARALLEL   go test -p and -parallel (default 1 and 2,
#                gentle on a shared machine)
#   ACC_PKGS, ACC_TIMEOUT       as for `make testacc`
#
# A CLI that is missing and cannot be built is listed as not run, with the
# reason; the script fails only when a test fails.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
export PATH="$root/bin:$PATH" CHECKPOINT_DISABLE=1

latest="bin/terraform-${TERRAFORM_LATEST_VERSION:-1.15.9}"
oldest="bin/terraform-${TERRAFORM_OLDEST_VERSION:-1.5.7}"
SMOKE_TESTS='TestAccDomain_basic|TestAccFieldOptions_basic|TestAccTemplate_basic|TestAccDomain_importBlock|TestAccDomain_tagsDrift|TestAcc[A-Za-z]+_(importByIdentity|importByIdentityElsewhere|listQuery)'
SMOKE_PKGS='./internal/service/cases/'

suite=full
if [[ "${1:-}" == "--smoke" ]]; then
  suite=smoke
  shift
fi
clis="${MATRIX_CLIS:-terraform $latest $oldest bin/tofu}"
out="${MATRIX_OUT-docs/test-matrix.md}"
p="${MATRIX_P:-1}"
parallel="${MATRIX_PARALLEL:-2}"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# A neutral CLI configuration: the tests serve the provider in-process and
# the CLI reattaches to it, so no dev_overrides.
printf 'disable_checkpoint = true\n' >"$work/tfrc"
manifest="$work/manifest.tsv"
: >"$manifest"

# cli_line BINARY prints "Terraform v1.11.4" or "OpenTofu v1.12.6".
cli_line() {
  TF_CLI_CONFIG_FILE=/dev/null "$1" version 2>/dev/null | sed -n -E '1s/^((Terraform|OpenTofu) v[^[:space:]]+).*$/\1/p'
}

# resolve SPEC prints the binary for a MATRIX_CLIS entry, building a pinned
# one when it is missing; on failure prints why to stderr and returns 1.
resolve() {
  local spec="$1" installer=""
  case "$spec" in
  terraform)
    # The PATH terraform the normal suite uses (./bin/terraform only when
    # scripts/install-terraform.sh put one there).
    command -v terraform || { echo "no terraform on PATH: make terraform" >&2; return 1; }
    return
    ;;
  "$latest" | "$root/$latest") installer=terraform-latest ;;
  "$oldest" | "$root/$oldest") installer=terraform-oldest ;;
  bin/tofu | "$root/bin/tofu") installer=tofu ;;
  esac
  if [[ -n "$installer" && -z "${MATRIX_NO_INSTALL:-}" ]]; then
    if ! scripts/install-cli.sh "$installer" >"$work/install.log" 2>&1; then
      local hint=""
      [[ "$installer" == terraform-latest ]] && hint="; or set TF_1_15=/path/to/terraform (any Terraform >= 1.14)"
      echo "$spec is missing and could not be built (scripts/install-cli.sh $installer: $(grep -m1 '==>' "$work/install.log" | sed 's/^==> //')$hint)" >&2
      return 1
    fi
  fi
  [[ -x "$spec" ]] || { echo "$spec does not exist" >&2; return 1; }
  echo "$(cd "$(dirname "$spec")" && pwd)/$(basename "$spec")"
}

status=0
for entry in $clis; do
  spec="${entry%%:*}"
  cli_suite="$suite"
  [[ "$entry" == *:* ]] && cli_suite="${entry##*:}"

  if ! bin_path="$(resolve "$spec" 2>"$work/why")"; then
    why="$(tr '\n' ' ' <"$work/why")"
    echo "==> $spec: not run: $why"
    printf '%s\t%s\t\t0\t%s\n' "\`$spec\`" "$cli_suite" "$why" >>"$manifest"
    continue
  fi
  line="$(cli_line "$bin_path")"
  [[ -n "$line" ]] || line="unknown CLI"
  label="$line (\`$spec\`)"

  run_env=(TF_ACC=1 TF_ACC_TERRAFORM_PATH="$bin_path" TF_CLI_CONFIG_FILE="$work/tfrc")
  # OpenTofu resolves the test configurations' provider "cases" on
  # registry.opentofu.org; reattach the in-process provider there.
  # (internal/acctest does the same when this is unset.)
  if [[ "$line" == OpenTofu* ]]; then
    run_env+=(TF_ACC_PROVIDER_HOST=registry.opentofu.org)
  fi

  if [[ "$cli_suite" == smoke ]]; then
    run=("-run" "^($SMOKE_TESTS)\$")
    pkgs="$SMOKE_PKGS"
  else
    run=("-run" '^TestAcc[A-Z]')
    pkgs="${ACC_PKGS:-./internal/...}"
  fi

  log="$work/$(basename "$spec").json"
  echo "==> $label: $cli_suite suite (go test -p $p -parallel $parallel)"
  started=$SECONDS
  set +e
  # The -json stream goes to the log; one line per finished top-level test
  # goes to the terminal as it happens (without jq, nothing).
  # shellcheck disable=SC2086 # pkgs is a list of package patterns
  env "${run_env[@]}" go test -json -count=1 -p "$p" -parallel "$parallel" \
    -timeout "${ACC_TIMEOUT:-30m}" "${run[@]}" "$@" $pkgs 2>"$work/stderr" |
    tee "$log" |
    { jq --unbuffered -r 'select(.Test != null and (.Test | contains("/") | not) and (.Action == "pass" or .Action == "fail" or .Action == "skip"))
        | "    \(.Action | ascii_upcase) \(.Test) (\(.Elapsed)s)"' 2>/dev/null || cat >/dev/null; }
  rc=${PIPESTATUS[0]}
  set -e
  elapsed=$((SECONDS - started))
  if [[ $rc -ne 0 ]]; then
    status=1
    [[ -s "$work/stderr" ]] && sed 's/^/    /' "$work/stderr" | tail -n 20
    # Keep the whole log of a failing CLI for a look afterwards.
    mkdir -p "$root/tmp"
    cp "$log" "$root/tmp/test-matrix-$(basename "$spec").json"
    echo "==> $label: go test failed (exit $rc); log kept in tmp/test-matrix-$(basename "$spec").json"
  fi
  printf '%s\t%s\t%s\t%s\t\n' "$label" "$cli_suite" "$log" "$elapsed" >>"$manifest"
done

flag=""
[[ "$suite" == smoke ]] && flag=" --smoke"
title="# CLI test matrix

The acceptance tests against the in-process emulator, run once per CLI through
terraform-plugin-testing's \`TF_ACC_TERRAFORM_PATH\` by \`scripts/test-matrix.sh$flag\`
(\`make test-matrix\`), on $(date -u +%Y-%m-%d) with $(go version | cut -d' ' -f3), go test -p $p -parallel $parallel.
Counts are top-level tests; a skipped test is listed below the table with its reason.
See the README, \"Supported CLI versions\", for how each CLI is built."
table_args=(-title "$title")
[[ -n "$out" ]] && table_args+=(-o "$out")
echo
go run ./internal/cmd/test-matrix-table "${table_args[@]}" "$manifest"
[[ -n "$out" ]] && echo && echo "==> table written to $out"
exit "$status"
