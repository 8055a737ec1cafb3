#!/usr/bin/env bash
# Ensure a terraform CLI for the build: use the one on PATH when it is recent
# enough, else build TERRAFORM_VERSION (default 1.5.7) from the Go module proxy
# into ./bin. 1.5.7 is the newest release that `go install` can build, and 1.5
# is the oldest that knows `import {}` blocks, which the acceptance tests use.
# Prints what it did; the Makefile puts ./bin first on PATH.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bin="$root/bin"
export PATH="$bin:$PATH" CHECKPOINT_DISABLE=1
version="${TERRAFORM_VERSION:-1.5.7}"
minimum="1.5.0"

# Print the version of a terraform binary ("1.11.4"), ignoring any CLI config.
tf_version() {
  TF_CLI_CONFIG_FILE=/dev/null "$1" version 2>/dev/null | sed -n '1s/^Terraform v//p'
}

if found="$(command -v terraform)"; then
  have="$(tf_version "$found")"
  if [[ -n "$have" && "$(printf '%s\n%s\n' "$minimum" "$have" | sort -V | head -n1)" == "$minimum" ]]; then
    echo "==> terraform: using $found (v$have)"
    exit 0
  fi
  echo "==> terraform: $found is v${have:-unknown}, older than v$minimum"
fi

echo "==> terraform: building github.com/hashicorp/terraform@v$version into $bin (first time only, a few minutes)"
mkdir -p "$bin"
GOBIN="$bin" go install "github.com/hashicorp/terraform@v$version"
echo "==> terraform: installed $bin/terraform (v$(tf_version "$bin/terraform"))"
