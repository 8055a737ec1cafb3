#!/usr/bin/env bash
# Check the HCL under examples/: `terraform fmt -check`, then `terraform validate`
# in a scratch copy of every directory that holds .tf files, with the provider
# served from ./bin through dev_overrides (no init, no registry).
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

failed=()
for dir in "${dirs[@]}"; do
  work="$tmp/work/$dir"
  mkdir -p "$work"
  find "$dir" -maxdepth 1 -type f \( -name '*.tf' -o -name '*.tfvars' \) -exec cp {} "$work/" \;
  # The documentation snippets leave out required_providers; without it
  # terraform would look for hashicorp/cases instead of our provider.
  if ! grep -q 'required_providers' "$work"/*.tf; then
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
  if out="$(cd "$work" && terraform validate -no-color 2>&1)"; then
    echo "==> terraform validate $dir: valid"
  else
    echo "==> terraform validate $dir: FAILED"
    echo "$out"
    failed+=("$dir")
  fi
done

if [[ ${#failed[@]} -gt 0 ]]; then
  echo "==> ERROR: terraform validate failed in: ${failed[*]}" >&2
  exit 1
fi
echo "==> examples: ${#dirs[@]} directories formatted and valid"
