#!/usr/bin/env bash
# Generate docs/ with tfplugindocs (built from tools/go.mod into ./bin) from the
# provider schema, templates/ and examples/. tfplugindocs builds the provider
# and reads its schema through a terraform CLI, so nothing is downloaded.
# That CLI must be Terraform 1.14 or later, the first whose schema output
# holds resource identities (1.12) and list resources (1.14): an older one
# would drop the identity import sections and the list resource pages.
# It is bin/terraform-$TERRAFORM_LATEST_VERSION (`make terraform-latest`),
# else the terraform on PATH when it is new enough.
#
# tfplugindocs owns docs/index.md and the registry's subdirectories
# (docs/resources, docs/data-sources, ...): those are regenerated and never
# edited by hand. Any other file directly in docs/ is a hand-written page
# (docs/benchmarks.md records a `make bench` run): it is kept aside while
# tfplugindocs runs and put back, and the drift check leaves it alone.
#
#   scripts/docs.sh           regenerate the generated part of docs/
#   scripts/docs.sh --check   regenerate, then fail if that part differs from git
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
export PATH="$root/bin:$PATH" CHECKPOINT_DISABLE=1

check=false
case "${1:-}" in
  --check) check=true ;;
  "") ;;
  *) echo "usage: $0 [--check]" >&2; exit 2 ;;
esac

command -v tfplugindocs >/dev/null || {
  echo "==> tfplugindocs not found: run 'make docs' (it builds what is missing)" >&2
  exit 1
}
docs_terraform="$root/bin/terraform-${TERRAFORM_LATEST_VERSION:-1.15.9}"
[[ -x "$docs_terraform" ]] || scripts/install-cli.sh terraform-latest >&2 || true
if [[ ! -x "$docs_terraform" ]]; then
  docs_terraform="$(command -v terraform || true)"
  if ! [[ "$("${docs_terraform:-false}" version 2>/dev/null | head -n 1)" =~ ^Terraform\ v1\.([0-9]+)\. ]] || ((BASH_REMATCH[1] < 14)); then
    echo "==> the docs need Terraform 1.14 or later for resource identities and list resources:" >&2
    echo "    run 'make terraform-latest' (or put a Terraform >= 1.14 on PATH, or TF_1_15=/path)" >&2
    if $check && [[ -z "${DOCS_CHECK_STRICT:-}" ]]; then
      # Outside the environment that can build it, an older CLI would drop
      # those sections and the check would always fail: say loudly that it
      # did not run rather than fail every build.
      echo "==> DOCS DRIFT CHECK SKIPPED: no Terraform >= 1.14 here (DOCS_CHECK_STRICT=1 makes this an error)" >&2
      exit 0
    fi
    exit 1
  fi
fi
# tfplugindocs runs the `terraform` it finds on PATH.
docs_path="$(mktemp -d)"
ln -s "$docs_terraform" "$docs_path/terraform"

tfrc="$(mktemp)"
trap 'rm -f "$tfrc"; rm -rf "$docs_path"' EXIT
printf 'disable_checkpoint = true\n' >"$tfrc"
export TF_CLI_CONFIG_FILE="$tfrc"

# What tfplugindocs generates (and deletes before generating): its managed
# website files and subdirectories (terraform-plugin-docs, generate.go).
generated=(docs/index.md docs/data-sources docs/resources docs/guides docs/functions
  docs/ephemeral-resources docs/actions docs/list-resources docs/state-stores)

# Hand-written pages: every other regular file directly in docs/.
kept="$(mktemp -d)"
handwritten=()
restore() {
  for f in "${handwritten[@]}"; do
    cp -p "$kept/$(basename "$f")" "$f"
  done
}
# Put them back even when tfplugindocs fails half-way.
trap 'restore; rm -f "$tfrc"; rm -rf "$kept" "$docs_path"' EXIT
for f in docs/*; do
  [[ -f "$f" && "$f" != docs/index.md ]] || continue
  handwritten+=("$f")
  cp -p "$f" "$kept/"
done

echo "==> tfplugindocs generate (terraform: $docs_terraform)"
PATH="$docs_path:$PATH" tfplugindocs generate \
  --provider-dir "$root" \
  --provider-name cases \
  --rendered-website-dir docs \
  --examples-dir examples \
  --website-source-dir templates

restore

if ! $check; then
  echo "==> docs/ generated"
  exit 0
fi

drift="$(git status --porcelain -- "${generated[@]}")"
if [[ -n "$drift" ]]; then
  {
    echo "==> ERROR: the generated docs are out of date with the provider schema, templates/ or examples/."
    echo "$drift"
    git --no-pager diff --stat -- "${generated[@]}"
    echo "Run 'make docs' and commit docs/."
  } >&2
  exit 1
fi
echo "==> generated docs are up to date (hand-written pages kept: ${handwritten[*]:-none})"
