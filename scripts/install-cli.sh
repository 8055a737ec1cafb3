#!/usr/bin/env bash
# Build one of the extra CLIs of the test matrix into ./bin, under a
# versioned name so that none of them shadows the `terraform` on PATH that
# the normal suite uses. Each build is cached: a binary already in ./bin that
# reports the pinned version is kept.
#
#   scripts/install-cli.sh terraform-latest   # bin/terraform-$TERRAFORM_LATEST_VERSION (1.15.9)
#   scripts/install-cli.sh terraform-oldest   # bin/terraform-$TERRAFORM_OLDEST_VERSION (1.5.7)
#   scripts/install-cli.sh tofu               # bin/tofu ($TOFU_VERSION, 1.12.6)
#
# Release binaries cannot be downloaded here; all three build from source
# through the Go module proxy:
#   - Terraform 1.15.9: `go install` refuses (replace directives to nested
#     modules the proxy's zip leaves out), so TERRAFORM_BUILD_SCRIPT builds it
#     (default: ../shared/tools/terraform/build.sh next to the main checkout;
#     about 6 minutes on 2 cores). Where that script does not exist, set
#     TF_1_15=/path/to/terraform (any Terraform >= 1.14) instead: it is
#     linked into ./bin under the versioned name.
#   - OpenTofu: `go install` refuses (a replace directive), so the module is
#     downloaded with `go mod download` and `go build ./cmd/tofu` runs inside
#     its directory in the module cache.
#   - Terraform 1.5.7: `GOBIN=... go install github.com/hashicorp/terraform@v1.5.7`.
#
# Builds run under `nice`. Prints the binary and its version, and how long
# the build took.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bin="$root/bin"
export CHECKPOINT_DISABLE=1

TERRAFORM_LATEST_VERSION="${TERRAFORM_LATEST_VERSION:-1.15.9}"
TERRAFORM_OLDEST_VERSION="${TERRAFORM_OLDEST_VERSION:-1.5.7}"
TOFU_VERSION="${TOFU_VERSION:-1.12.6}"
# Terraform >= this counts as "latest" when given through TF_1_15.
TERRAFORM_LATEST_MINIMUM="1.14.0"

usage() {
  echo "usage: $0 terraform-latest|terraform-oldest|tofu" >&2
  exit 2
}
[[ $# -eq 1 ]] || usage

# cli_version BINARY prints "1.11.4" for Terraform v1.11.4 or OpenTofu
# v1.11.4 (ignoring any CLI configuration), or nothing.
cli_version() {
  TF_CLI_CONFIG_FILE=/dev/null "$1" version 2>/dev/null |
    sed -n -E '1s/^(Terraform|OpenTofu) v([0-9][^[:space:]]*).*$/\2/p'
}

version_at_least() { # version_at_least HAVE MINIMUM
  [[ "$(printf '%s\n%s\n' "$2" "$1" | sort -V | head -n1)" == "$2" ]]
}

# default_build_script finds ../shared/tools/terraform/build.sh next to the
# main checkout, also when this is a git worktree somewhere else.
default_build_script() {
  local candidates=("$root/../shared/tools/terraform/build.sh")
  local common
  if common="$(git -C "$root" rev-parse --path-format=absolute --git-common-dir 2>/dev/null)"; then
    candidates+=("$(dirname "$common")/../shared/tools/terraform/build.sh")
  fi
  local c
  for c in "${candidates[@]}"; do
    if [[ -f "$c" ]]; then
      echo "$(cd "$(dirname "$c")" && pwd)/$(basename "$c")"
      return
    fi
  done
  echo "${candidates[0]}"
}

started=$SECONDS
done_msg() { # done_msg BINARY
  echo "==> $1: $(TF_CLI_CONFIG_FILE=/dev/null "$1" version 2>/dev/null | head -n1) (took $((SECONDS - started))s)"
}

# The builds live in a cache outside the checkout, so that a fresh clone
# (CI's, or a second worktree) links them instead of building them again;
# ./bin gets a symbolic link under the versioned name.
cache="${CASES_CLI_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/terraform-provider-cases/clis}"
mkdir -p "$bin" "$cache"

# link_into_bin NAME points bin/NAME at the cached build of NAME.
link_into_bin() {
  ln -sfn "$cache/$1" "$bin/$1"
  echo "==> $bin/$1 -> $cache/$1"
}
# link_on_exit links what was built (or found cached), whichever way the
# script ends.
link_on_exit() {
  if [[ -n "${name:-}" && -x "$cache/$name" ]]; then
    link_into_bin "$name"
  fi
}
trap link_on_exit EXIT
case "$1" in
terraform-latest)
  name="terraform-$TERRAFORM_LATEST_VERSION"
  dest="$cache/$name"
  if [[ -n "${TF_1_15:-}" ]]; then
    have="$(cli_version "$TF_1_15")"
    if [[ -z "$have" ]] || ! version_at_least "$have" "$TERRAFORM_LATEST_MINIMUM"; then
      echo "==> TF_1_15=$TF_1_15 is not a Terraform >= $TERRAFORM_LATEST_MINIMUM (version: ${have:-unknown})" >&2
      exit 1
    fi
    ln -sfn "$(cd "$(dirname "$TF_1_15")" && pwd)/$(basename "$TF_1_15")" "$dest"
    echo "==> $dest -> $TF_1_15 (Terraform v$have, from TF_1_15)"
    exit 0
  fi
  if [[ -x "$dest" && "$(cli_version "$dest")" == "$TERRAFORM_LATEST_VERSION" ]]; then
    echo "==> $dest is already Terraform v$TERRAFORM_LATEST_VERSION (cached)"
    exit 0
  fi
  script="${TERRAFORM_BUILD_SCRIPT:-$(default_build_script)}"
  if [[ ! -f "$script" ]]; then
    cat >&2 <<EOF
==> cannot build Terraform v$TERRAFORM_LATEST_VERSION: $script does not exist.
    Its build needs nested modules that the Go module proxy leaves out. Either
    - point TERRAFORM_BUILD_SCRIPT at a copy of shared/tools/terraform/build.sh, or
    - put a Terraform >= $TERRAFORM_LATEST_MINIMUM somewhere and pass it:
        TF_1_15=/path/to/terraform make terraform-latest
      (it is linked to $dest).
    Without it, \`make test-matrix\` leaves that CLI out and says so, and the
    tests that need Terraform >= 1.12 or >= 1.14 skip with that reason.
EOF
    exit 1
  fi
  echo "==> building Terraform v$TERRAFORM_LATEST_VERSION with $script (first time only, about 6 minutes on 2 cores)"
  nice -n 10 bash "$script" "$dest"
  [[ "$(cli_version "$dest")" == "$TERRAFORM_LATEST_VERSION" ]] || {
    echo "==> $dest does not report v$TERRAFORM_LATEST_VERSION" >&2
    exit 1
  }
  done_msg "$dest"
  ;;

terraform-oldest)
  name="terraform-$TERRAFORM_OLDEST_VERSION"
  dest="$cache/$name"
  if [[ -x "$dest" && "$(cli_version "$dest")" == "$TERRAFORM_OLDEST_VERSION" ]]; then
    echo "==> $dest is already Terraform v$TERRAFORM_OLDEST_VERSION (cached)"
    exit 0
  fi
  echo "==> building github.com/hashicorp/terraform@v$TERRAFORM_OLDEST_VERSION (first time only, a few minutes)"
  gobin="$(mktemp -d)"
  trap 'rm -rf "$gobin"; link_on_exit' EXIT
  # go install names the binary "terraform"; build into a scratch GOBIN and
  # move it, so bin/terraform (if any) is never touched.
  (cd "$gobin" && GOBIN="$gobin" nice -n 10 go install "github.com/hashicorp/terraform@v$TERRAFORM_OLDEST_VERSION")
  mv -f "$gobin/terraform" "$dest"
  done_msg "$dest"
  ;;

tofu)
  name="tofu"
  dest="$cache/$name"
  if [[ -x "$dest" && "$(cli_version "$dest")" == "$TOFU_VERSION" ]]; then
    echo "==> $dest is already OpenTofu v$TOFU_VERSION (cached)"
    exit 0
  fi
  echo "==> building github.com/opentofu/opentofu@v$TOFU_VERSION (first time only, several minutes)"
  work="$(mktemp -d)"
  trap 'rm -rf "$work"; link_on_exit' EXIT
  dir="$(cd "$work" && GOFLAGS=-mod=mod go mod download -json "github.com/opentofu/opentofu@v$TOFU_VERSION" |
    sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')"
  [[ -d "$dir" ]] || { echo "==> go mod download github.com/opentofu/opentofu@v$TOFU_VERSION failed" >&2; exit 1; }
  # The build runs in the (read-only) module cache directory itself: go build
  # writes only the -o binary and its build cache, and the module's go.sum
  # is complete, so no writable copy is needed.
  # version.dev=no drops the "-dev" suffix, as release builds do, so that
  # version checks see 1.12.6 and not the pre-release 1.12.6-dev.
  (cd "$dir" && nice -n 10 go build -trimpath \
    -ldflags "-s -w -X github.com/opentofu/opentofu/version.dev=no" -o "$dest" ./cmd/tofu)
  [[ "$(cli_version "$dest")" == "$TOFU_VERSION" ]] || {
    echo "==> $dest does not report v$TOFU_VERSION: $("$dest" version | head -n1)" >&2
    exit 1
  }
  done_msg "$dest"
  ;;
*) usage ;;
esac
