#!/usr/bin/env bash
# Generate docs/ with tfplugindocs (built from tools/go.mod into ./bin) from the
# provider schema, templates/ and examples/. tfplugindocs builds the provider
# and reads its schema through the terraform on PATH, so nothing is downloaded.
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

for tool in tfplugindocs terraform; do
  command -v "$tool" >/dev/null || {
    echo "==> $tool not found: run 'make docs' (it builds what is missing)" >&2
    exit 1
  }
done

tfrc="$(mktemp)"
trap 'rm -f "$tfrc"' EXIT
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
trap 'restore; rm -f "$tfrc"; rm -rf "$kept"' EXIT
for f in docs/*; do
  [[ -f "$f" && "$f" != docs/index.md ]] || continue
  handwritten+=("$f")
  cp -p "$f" "$kept/"
done

echo "==> tfplugindocs generate (terraform: $(command -v terraform))"
tfplugindocs generate \
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
