#!/usr/bin/env bash
# Generate docs/ with tfplugindocs (built from tools/go.mod into ./bin) from the
# provider schema, templates/ and examples/. tfplugindocs builds the provider
# and reads its schema through the terraform on PATH, so nothing is downloaded.
#
#   scripts/docs.sh           regenerate docs/
#   scripts/docs.sh --check   regenerate, then fail if docs/ differs from git
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

echo "==> tfplugindocs generate (terraform: $(command -v terraform))"
tfplugindocs generate \
  --provider-dir "$root" \
  --provider-name cases \
  --rendered-website-dir docs \
  --examples-dir examples \
  --website-source-dir templates

if ! $check; then
  echo "==> docs/ generated"
  exit 0
fi

drift="$(git status --porcelain -- docs/)"
if [[ -n "$drift" ]]; then
  {
    echo "==> ERROR: docs/ is out of date with the provider schema, templates/ or examples/."
    echo "$drift"
    git --no-pager diff --stat -- docs/
    echo "Run 'make docs' and commit docs/."
  } >&2
  exit 1
fi
echo "==> docs/ is up to date"
