#!/usr/bin/env bash
# Check the HCL under examples/: `terraform fmt -check`, then `terraform validate`
# in a scratch copy of every directory that holds .tf files, with the provider
# served from ./bin through dev_overrides (no init, no registry).
#
# What needs a newer CLI is validated with Terraform 1.14 or later
# (bin/terraform-$TERRAFORM_LATEST_VERSION from `make terraform-latest`, else
# the terraform on PATH when it is new enough), and skipped, saying so,
# without one: the import-by-identity.tf examples (identity in import blocks,
# 1.12+), each with its resource.tf, and every .tfquery.hcl (list blocks,
# `terraform validate -query`, 1.14+).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
export PATH="$root/bin:$PATH" CHECKPOINT_DISABLE=1

if [[ ! -x bin/terraform-provider-cases ]]; then
  echo "==> bin/terraform-provider-cases is missing: run 'make build'" >&2
  exit 1
fi

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
scripts/tf-cli-config.sh "$tmp/dev.tfrc"
export TF_CLI_CONFIG_FILE="$tmp/dev.tfrc"

echo "==> terraform fmt -check -recursive examples"
if ! terraform fmt -check -recursive -diff examples; then
  echo "==> ERROR: the files above are not in canonical format: run 'make fmt'" >&2
  exit 1
fi

dirs=()
while IFS= read -r dir; do
  dirs+=("$dir")
done < <(find examples -name '*.tf' -type f -not -path '*/.terraform/*' -exec dirname {} \; | sort -u)
if [[ ${#dirs[@]} -eq 0 ]]; then
  echo "==> ERROR: no .tf files under examples/" >&2
  exit 1
fi

# validate NAME WORK CLI [ARGS...] runs `CLI validate ARGS` in WORK, a scratch
# copy of NAME. The documentation snippets leave out required_providers;
# without it terraform would look for hashicorp/cases instead of our
# provider, so it is added where missing.
failed=()
validate() {
  local name="$1" work="$2" cli="$3"
  shift 3
  if ! cat "$work"/*.tf 2>/dev/null | grep -q 'required_providers'; then
    cat >"$work/zz_examples_check_providers.tf" <<'HCL'
terraform {
  required_providers {
    cases = {
      source = "connect-cases/cases"
    }
  }
}
HCL
  fi
  # Show terraform's output only on failure: on success it is just the
  # dev_overrides warning.
  local out
  [[ "$cli" != */* || "$cli" == /* ]] || cli="$root/$cli"
  if out="$(cd "$work" && "$cli" validate -no-color "$@" 2>&1)"; then
    echo "==> $(basename "$cli") validate ${*:+$* }$name: valid"
  else
    echo "==> $(basename "$cli") validate ${*:+$* }$name: FAILED"
    echo "$out"
    failed+=("$name")
  fi
}

for dir in "${dirs[@]}"; do
  work="$tmp/work/$dir"
  mkdir -p "$work"
  find "$dir" -maxdepth 1 -type f \( -name '*.tf' -o -name '*.tfvars' \) -not -name import-by-identity.tf -exec cp {} "$work/" \;
  validate "$dir" "$work" terraform
done

# The examples that need Terraform 1.12 (identity) or 1.14 (query).
latest="bin/terraform-${TERRAFORM_LATEST_VERSION:-1.15.9}"
if [[ ! -x "$latest" ]]; then
  latest=""
  if [[ "$(terraform version 2>/dev/null | head -n 1)" =~ ^Terraform\ v1\.([0-9]+)\. ]] && ((BASH_REMATCH[1] >= 14)); then
    latest=terraform
  fi
fi
identity=(examples/resources/*/import-by-identity.tf)
query_dirs=()
while IFS= read -r dir; do
  query_dirs+=("$dir")
done < <(find examples -name '*.tfquery.hcl' -type f -exec dirname {} \; | sort -u)
if [[ -z "$latest" ]]; then
  echo "==> skipped (needs Terraform 1.14+: run 'make terraform-latest'): ${#identity[@]} import-by-identity.tf, ${#query_dirs[@]} directories of .tfquery.hcl"
else
  for file in "${identity[@]}"; do
    dir="$(dirname "$file")"
    work="$tmp/identity/$dir"
    mkdir -p "$work"
    cp "$dir/resource.tf" "$file" "$work/"
    validate "$file" "$work" "$latest"
  done
  for dir in "${query_dirs[@]}"; do
    work="$tmp/query/$dir"
    mkdir -p "$work"
    find "$dir" -maxdepth 1 -type f \( -name '*.tf' -o -name '*.tfquery.hcl' \) -not -name 'import-by-*.tf' -exec cp {} "$work/" \;
    validate "$dir" "$work" "$latest" -query
  done
fi

if [[ ${#failed[@]} -gt 0 ]]; then
  echo "==> ERROR: terraform validate failed in: ${failed[*]}" >&2
  exit 1
fi
echo "==> examples: ${#dirs[@]} directories formatted and valid"
