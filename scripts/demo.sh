#!/usr/bin/env bash
# make demo: run examples/demo, then examples/complete-domain and
# examples/onboarding, against a local Cases emulator, with the CLI that TF
# names (default terraform; also tofu, bin/terraform-1.15.9,
# bin/terraform-1.5.7 or any path).
#
# Starts bin/cases-emulator on a free loopback port, points the CLI at
# bin/terraform-provider-cases through dev_overrides, then, in a scratch copy
# of each example: apply, show the outputs, check that a second plan has no
# changes, destroy. Act one is examples/demo (two domains); act two is
# examples/complete-domain (a whole domain configuration: fields, options,
# layouts, case rules of every kind, templates, event configuration), whose destroy must
# leave an empty state; before that destroy, with Terraform 1.14 or later,
# examples/query runs `terraform query` against that domain, generates
# configuration for what it found and plans it (only imports, no changes). Act three onboards: bin/connect-instance creates an
# Amazon Connect instance in the emulator through its Connect API (stock SDK),
# then examples/onboarding creates a domain and associates it with that
# instance. The emulator is always stopped and the scratch directory removed
# on exit. Any failure exits non-zero.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
export PATH="$root/bin:$PATH" CHECKPOINT_DISABLE=1

emulator_bin="$root/bin/cases-emulator"
for f in "$emulator_bin" "$root/bin/terraform-provider-cases" "$root/bin/connect-instance"; do
  [[ -x "$f" ]] || { echo "==> $f is missing: run 'make build' (or 'make demo')" >&2; exit 1; }
done

# TF picks the CLI: a name on PATH (terraform, the default; tofu, which is
# bin/tofu once `make tofu` built it) or a path (bin/terraform-1.15.9).
# Everything below runs with it; only the dev_overrides differ (step 2).
tf_arg="${TF:-terraform}"
if [[ "$tf_arg" == */* ]]; then
  [[ -x "$tf_arg" ]] || { echo "==> TF=$tf_arg is not an executable (make tofu, make terraform-latest, ...)" >&2; exit 1; }
  tf_bin="$(cd "$(dirname "$tf_arg")" && pwd)/$(basename "$tf_arg")"
else
  tf_bin="$(command -v "$tf_arg")" || { echo "==> $tf_arg not found: run 'make terraform' (or 'make tofu')" >&2; exit 1; }
fi
tf_name="$(basename "$tf_arg")"
tf() { "$tf_bin" "$@"; }
tf_version="$(TF_CLI_CONFIG_FILE=/dev/null tf version 2>/dev/null | head -n 1)"
# OpenTofu resolves `source = "connect-cases/cases"` on its own registry,
# registry.opentofu.org, and dev_overrides must name that address.
registry_host=registry.terraform.io
[[ "$tf_version" == OpenTofu* ]] && registry_host=registry.opentofu.org
[[ "$tf_arg" == terraform ]] || echo "==> CLI: $tf_bin ($tf_version)"

tmp="$(mktemp -d)"
emulator_pid=""
cleanup() {
  local status=$?
  if [[ -n "$emulator_pid" ]] && kill -0 "$emulator_pid" 2>/dev/null; then
    echo "==> stopping the emulator (pid $emulator_pid)"
    kill -TERM "$emulator_pid" 2>/dev/null || true
    for _ in $(seq 1 50); do # up to 5 s for a graceful shutdown
      kill -0 "$emulator_pid" 2>/dev/null || break
      sleep 0.1
    done
    kill -KILL "$emulator_pid" 2>/dev/null || true
    wait "$emulator_pid" 2>/dev/null || true
  fi
  if [[ $status -ne 0 && -s "$tmp/emulator.log" ]]; then
    echo "==> emulator log (last 30 lines):" >&2
    tail -n 30 "$tmp/emulator.log" >&2
  fi
  rm -rf "$tmp"
  if [[ $status -eq 0 ]]; then
    echo "==> demo finished"
  else
    echo "==> demo FAILED (exit $status)" >&2
  fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# 1. Emulator on a free port; its first stdout line names the URL.
echo "==> starting the emulator: bin/cases-emulator -listen 127.0.0.1:0 -activation-delay 2s -instance-activation-delay 2s"
"$emulator_bin" -listen 127.0.0.1:0 -activation-delay 2s -instance-activation-delay 2s >"$tmp/emulator.out" 2>"$tmp/emulator.log" &
emulator_pid=$!

url=""
for _ in $(seq 1 100); do # up to 10 s
  line="$(head -n 1 "$tmp/emulator.out" 2>/dev/null || true)" # may not exist yet
  if [[ "$line" =~ ^cases-emulator\ listening\ on\ (http://[^[:space:]]+)$ ]]; then
    url="${BASH_REMATCH[1]}"
    break
  fi
  kill -0 "$emulator_pid" 2>/dev/null || { echo "==> the emulator exited before it was listening" >&2; exit 1; }
  sleep 0.1
done
[[ -n "$url" ]] || { echo "==> the emulator did not print its URL within 10s" >&2; exit 1; }
echo "==> emulator listening on $url (pid $emulator_pid)"

for _ in $(seq 1 50); do # up to 10 s
  if curl -fsS --max-time 2 "$url/_emulator/health" >/dev/null 2>&1; then
    break
  fi
  sleep 0.2
done
curl -fsS --max-time 2 "$url/_emulator/health" >/dev/null || { echo "==> $url/_emulator/health is not healthy" >&2; exit 1; }
echo "==> emulator healthy"

# 2. Terraform set-up: the locally built provider, credentials for the emulator.
scripts/tf-cli-config.sh "$tmp/dev.tfrc" "$root/bin" "$registry_host"
export TF_CLI_CONFIG_FILE="$tmp/dev.tfrc"
echo "==> CLI config with dev_overrides: $registry_host/connect-cases/cases -> $root/bin"

# The emulator accepts any well-formed SigV4 signature; clear anything that
# could send the provider elsewhere (a profile, a session token).
unset AWS_PROFILE AWS_DEFAULT_PROFILE AWS_SESSION_TOKEN AWS_ENDPOINT_URL AWS_IGNORE_CONFIGURED_ENDPOINT_URLS
export AWS_ENDPOINT_URL_CONNECTCASES="$url" AWS_ENDPOINT_URL_CONNECT="$url" AWS_REGION=us-west-2 \
  AWS_ACCESS_KEY_ID=demo AWS_SECRET_ACCESS_KEY=demo AWS_EC2_METADATA_DISABLED=true

nocolor=""
[[ -t 1 ]] || nocolor=-no-color

# query_supported reports whether the CLI runs `terraform query`: Terraform
# 1.14 or later (OpenTofu has no list resources).
query_supported() {
  [[ "$tf_version" =~ ^Terraform\ v([0-9]+)\.([0-9]+) ]] || return 1
  (( BASH_REMATCH[1] > 1 || (BASH_REMATCH[1] == 1 && BASH_REMATCH[2] >= 14) ))
}

# check_plan_empty fails unless a plan of the current directory has no
# changes.
check_plan_empty() {
  echo "==> $tf_name plan -detailed-exitcode (expect: no changes)"
  set +e
  tf plan -detailed-exitcode -input=false -compact-warnings ${nocolor:+"$nocolor"}
  plan_status=$?
  set -e
  case "$plan_status" in
    0) echo "==> second plan: no changes" ;;
    2) echo "==> ERROR: the second plan wants changes; apply is not idempotent" >&2; exit 1 ;;
    *) echo "==> ERROR: $tf_name plan failed (exit $plan_status)" >&2; exit 1 ;;
  esac
}

# 3. Act one: apply, outputs, no-change plan, destroy. With dev_overrides no
#    `terraform init` is needed (the demo uses no other provider).
work="$tmp/demo"
mkdir -p "$work"
cp "$root"/examples/demo/*.tf "$work/"
cd "$work"

echo "==> $tf_name apply (two cases_domain resources; each waits for Active)"
tf apply -auto-approve -input=false -compact-warnings ${nocolor:+"$nocolor"}

echo "==> $tf_name output"
tf output ${nocolor:+"$nocolor"}

check_plan_empty

echo "==> $tf_name destroy"
tf destroy -auto-approve -input=false -compact-warnings ${nocolor:+"$nocolor"}

# 4. Act two: a complete domain configuration, ordered by references alone.
work="$tmp/complete-domain"
mkdir -p "$work"
cp "$root"/examples/complete-domain/*.tf "$work/"
cd "$work"

echo "==> act two: examples/complete-domain"
echo "==> $tf_name apply (a domain with fields, options, layouts, a case rule, templates and event configuration)"
tf apply -auto-approve -input=false -compact-warnings ${nocolor:+"$nocolor"}
count="$(tf state list | wc -l | tr -d ' ')"
echo "==> applied: $count resources"
tf state list

echo "==> $tf_name output"
tf output ${nocolor:+"$nocolor"}

check_plan_empty

# Interlude: `terraform query` (Terraform 1.14+) lists what act two made,
# through the list resources, and writes configuration for it; a plan of
# that configuration in a fresh directory imports every resource and changes
# nothing.
if query_supported; then
  domain_name=complete-claims # examples/complete-domain's default
  query_work="$tmp/query"
  mkdir -p "$query_work"
  cp "$root"/examples/query/*.tf "$root"/examples/query/*.tfquery.hcl "$query_work/"
  (
    cd "$query_work"
    echo "==> act two and a half: examples/query"
    echo "==> $tf_name query -var domain_name=$domain_name"
    tf query -var "domain_name=$domain_name" ${nocolor:+"$nocolor"}
    echo "==> $tf_name query -var domain_name=$domain_name -generate-config-out=generated.tf"
    tf query -var "domain_name=$domain_name" -generate-config-out=generated.tf -no-color >/dev/null
    echo "==> generated.tf: $(grep -c '^import {' generated.tf) import blocks and $(grep -c '^resource ' generated.tf) resource blocks; it begins:"
    sed -n '4,40p' generated.tf | cat -s
    echo "==> $tf_name plan of the generated configuration (expect: imports only)"
    plan_out="$(tf plan -input=false -compact-warnings -no-color 2>&1)" || { echo "$plan_out" >&2; exit 1; }
    summary="$(grep '^Plan:' <<<"$plan_out")"
    echo "==> $summary"
    [[ "$summary" =~ ^Plan:\ [0-9]+\ to\ import,\ 0\ to\ add,\ 0\ to\ change,\ 0\ to\ destroy\.$ ]] ||
      { echo "==> ERROR: the generated configuration does not import cleanly" >&2; echo "$plan_out" >&2; exit 1; }
  )
else
  echo "==> act two and a half (terraform query) skipped: $tf_name ($tf_version) has no list resources; it needs Terraform 1.14 or later"
fi

echo "==> $tf_name destroy"
tf destroy -auto-approve -input=false -compact-warnings ${nocolor:+"$nocolor"}
left="$(tf state list | wc -l | tr -d ' ')"
if [[ "$left" != "0" ]]; then
  echo "==> ERROR: $left resources left in state after destroy" >&2
  tf state list >&2
  exit 1
fi
echo "==> destroyed: $count resources, state empty"

# 5. Act three: onboarding. An Amazon Connect instance made through the
#    emulator's Connect API, then a domain associated with it declaratively.
echo "==> act three: examples/onboarding"
echo "==> bin/connect-instance -alias demo-center (CreateInstance, then DescribeInstance until ACTIVE)"
instance_id="$("$root/bin/connect-instance" -alias demo-center)"
echo "==> Connect instance $instance_id is ACTIVE"

work="$tmp/onboarding"
mkdir -p "$work"
cp "$root"/examples/onboarding/*.tf "$work/"
cd "$work"
export TF_VAR_connect_instance_id="$instance_id"

echo "==> $tf_name apply (a Cases domain, then its association with the instance)"
tf apply -auto-approve -input=false -compact-warnings ${nocolor:+"$nocolor"}

echo "==> $tf_name output"
tf output ${nocolor:+"$nocolor"}

# associations prints the instance's integration associations as the
# emulator's control API reports them (GET /_emulator/state), one a line.
associations() {
  curl -fsS --max-time 2 "$url/_emulator/state" |
    jq -r '.tenants[].connectInstances[] | .instanceId as $i | .instanceStatus as $s
      | .integrationAssociations[] | "    instance \($i) \($s) -> \(.integrationType) \(.integrationArn)"'
}
if command -v jq >/dev/null; then
  echo "==> the emulator's view (GET /_emulator/state)"
  associations
fi

check_plan_empty

echo "==> $tf_name destroy"
tf destroy -auto-approve -input=false -compact-warnings ${nocolor:+"$nocolor"}
if command -v jq >/dev/null; then
  left="$(associations | wc -l | tr -d ' ')"
  if [[ "$left" != "0" ]]; then
    echo "==> ERROR: $left integration associations left after destroy" >&2
    associations >&2
    exit 1
  fi
fi
echo "==> destroyed: the instance has no Cases domain association left"
