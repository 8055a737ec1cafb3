package bench

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

// Credentials the benchmarks sign with. The access key id is 12 digits, so
// the emulator files everything under that account.
const (
	Account   = "111122223333"
	Region    = "us-west-2"
	SecretKey = "bench-secret"
)

// Provider addresses the CLI configuration overrides.
const (
	CasesAddress   = "registry.terraform.io/connect-cases/cases"
	FixtureAddress = "registry.terraform.io/bench/nullfixture"
)

// Terraform runs the terraform CLI with a CLI configuration of its own.
type Terraform struct {
	Bin string
	// CLIConfig is the TF_CLI_CONFIG_FILE every run uses.
	CLIConfig string
}

// WriteCLIConfig writes a CLI configuration whose dev_overrides map each
// provider address to a directory holding its binary, so that terraform
// neither installs nor looks up any provider (and never needs init).
func WriteCLIConfig(path string, overrides map[string]string) error {
	var b strings.Builder
	b.WriteString("# Written by the cases benchmark.\nprovider_installation {\n  dev_overrides {\n")
	for addr, dir := range overrides {
		abs, err := filepath.Abs(dir)
		if err != nil {
			return err
		}
		fmt.Fprintf(&b, "    %q = %q\n", addr, abs)
	}
	b.WriteString("  }\n  direct {}\n}\ndisable_checkpoint = true\n")
	return os.WriteFile(path, []byte(b.String()), 0o644)
}

// env is the environment of a terraform run: the caller's, without any
// TF_* or AWS_* setting that could change what is measured, plus ours.
func (tf *Terraform) env(extra []string) []string {
	var env []string
	for _, kv := range os.Environ() {
		if strings.HasPrefix(kv, "TF_") || strings.HasPrefix(kv, "AWS_") || strings.HasPrefix(kv, "CASES_") {
			continue
		}
		env = append(env, kv)
	}
	env = append(env,
		"TF_CLI_CONFIG_FILE="+tf.CLIConfig,
		"CHECKPOINT_DISABLE=1",
		"TF_IN_AUTOMATION=1",
		// Credentials come from the provider block; nothing may reach for
		// an instance metadata service.
		"AWS_EC2_METADATA_DISABLED=true",
	)
	return append(env, extra...)
}

// Run runs terraform with args in dir and returns how long it took and its
// exit code. A run that cannot start is an error; a non-zero exit is not.
func (tf *Terraform) Run(ctx context.Context, dir string, extraEnv []string, args ...string) (time.Duration, int, []byte, error) {
	ctx, cancel := context.WithTimeout(ctx, 5*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, tf.Bin, args...)
	cmd.Dir = dir
	cmd.Env = tf.env(extraEnv)
	var out bytes.Buffer
	cmd.Stdout = &out
	cmd.Stderr = &out
	start := time.Now()
	err := cmd.Run()
	elapsed := time.Since(start)
	if exit, ok := err.(*exec.ExitError); ok {
		return elapsed, exit.ExitCode(), out.Bytes(), nil
	}
	if err != nil {
		return elapsed, -1, out.Bytes(), err
	}
	return elapsed, 0, out.Bytes(), nil
}

// MustSucceed runs terraform and fails unless it exits 0.
func (tf *Terraform) MustSucceed(ctx context.Context, dir string, args ...string) error {
	_, code, out, err := tf.Run(ctx, dir, nil, args...)
	if err != nil {
		return err
	}
	if code != 0 {
		return fmt.Errorf("terraform %s in %s exited %d:\n%s", strings.Join(args, " "), dir, code, tail(out, 40))
	}
	return nil
}

// Plan runs one refreshing plan and returns its time. It fails unless the
// plan finds no changes (-detailed-exitcode 0): a plan with changes would
// time a different path.
func (tf *Terraform) Plan(ctx context.Context, dir string, extraEnv []string) (time.Duration, error) {
	elapsed, code, out, err := tf.Run(ctx, dir, extraEnv, "plan", "-input=false", "-lock=false", "-no-color", "-detailed-exitcode")
	if err != nil {
		return 0, err
	}
	if code != 0 {
		return 0, fmt.Errorf("terraform plan in %s exited %d (0 = no changes expected):\n%s", dir, code, tail(out, 40))
	}
	return elapsed, nil
}

func tail(out []byte, lines int) string {
	all := strings.Split(strings.TrimRight(string(out), "\n"), "\n")
	if len(all) > lines {
		all = all[len(all)-lines:]
	}
	return strings.Join(all, "\n")
}

// Workspace is a directory with a configuration and its state.
type Workspace struct {
	Name string
	Dir  string
	// Env is added to the environment of every plan of the workspace.
	Env []string
}

// CasesProviderBlock configures the cases provider for an emulator, with
// extra lines (arguments) added to the block.
func CasesProviderBlock(endpoint string, extra ...string) string {
	return casesRequiredProviders + casesProvider("", Region, endpoint, extra...)
}

const casesRequiredProviders = `terraform {
  required_providers {
    cases = { source = "connect-cases/cases" }
  }
}
`

func casesProvider(alias, region, endpoint string, extra ...string) string {
	var b strings.Builder
	b.WriteString("\nprovider \"cases\" {\n")
	if alias != "" {
		fmt.Fprintf(&b, "  alias      = %q\n", alias)
	}
	fmt.Fprintf(&b, "  region     = %q\n  access_key = %q\n  secret_key = %q\n", region, Account, SecretKey)
	for _, line := range extra {
		b.WriteString("  " + line + "\n")
	}
	fmt.Fprintf(&b, "  endpoints {\n    connectcases = %q\n  }\n}\n", endpoint)
	return b.String()
}

// UnlimitedRate lifts the provider's rate control out of the way of the
// plan measurements (like the acceptance tests): the emulator they refresh
// against has no rate limits, and what they compare is the provider's own
// cost, which includes its rate-control middleware. The rate-limited runs
// measure rate control itself.
var UnlimitedRate = []string{"requests_per_second = 1000", "burst               = 1000"}

// SetupCasesWorkspace brings domains that already exist in the emulator
// under management as cases_domain.d[0..n-1] with import blocks and one
// apply (import reads each once and waits for nothing), then drops the
// import blocks so that later plans are plain refreshes. ids[i] is the
// domain named prefix + (first + i).
//
// The configuration has the shape of the fixture's (count and a name
// interpolated from count.index), so that the plans compare the providers,
// not two configurations: the same do-nothing resource with for_each over
// toset() of 100 names plans about 1.2x slower than with count.
func SetupCasesWorkspace(ctx context.Context, tf *Terraform, dir, endpoint, prefix string, first int, ids []string) (*Workspace, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	resources := casesResources(prefix, first, len(ids))
	var imports strings.Builder
	for i, id := range ids {
		fmt.Fprintf(&imports, "import {\n  to = cases_domain.d[%d]\n  id = %q\n}\n", i, id)
	}
	provider := CasesProviderBlock(endpoint, UnlimitedRate...)
	return importWorkspace(ctx, tf, "cases_domain", dir, provider+resources, imports.String())
}

// importWorkspace applies config with the import blocks, then drops them.
func importWorkspace(ctx context.Context, tf *Terraform, name, dir, config, imports string) (*Workspace, error) {
	main := filepath.Join(dir, "main.tf")
	if err := os.WriteFile(main, []byte(config+imports), 0o644); err != nil {
		return nil, err
	}
	if err := tf.MustSucceed(ctx, dir, "apply", "-auto-approve", "-input=false", "-no-color"); err != nil {
		return nil, err
	}
	if err := os.WriteFile(main, []byte(config), 0o644); err != nil {
		return nil, err
	}
	return &Workspace{Name: name, Dir: dir}, nil
}

// AliasRegions are the Regions of the many-configurations plan: one
// provider configuration (an alias) each.
var AliasRegions = []string{
	"us-east-1", "us-east-2", "us-west-1", "us-west-2", "af-south-1",
	"ap-east-1", "ap-south-1", "ap-northeast-1", "ap-northeast-2", "ap-northeast-3",
	"ap-southeast-1", "ap-southeast-2", "ca-central-1", "eu-central-1", "eu-west-1",
	"eu-west-2", "eu-west-3", "eu-north-1", "eu-south-1", "sa-east-1",
}

// SetupCasesAliasesWorkspace brings the domains of ids (per Region, each
// named prefix + index) under management with one aliased provider block
// per Region and count = len(ids[region]) cases_domain per alias, at the
// provider's default rate control (a handful of reads per Region stays
// within every burst).
func SetupCasesAliasesWorkspace(ctx context.Context, tf *Terraform, dir, endpoint, prefix string, regions []string, ids map[string][]string) (*Workspace, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	var config, imports strings.Builder
	config.WriteString(casesRequiredProviders)
	for i, region := range regions {
		alias := fmt.Sprintf("r%d", i)
		config.WriteString(casesProvider(alias, region, endpoint))
		fmt.Fprintf(&config, "\nresource \"cases_domain\" %q {\n  provider = cases.%s\n  count    = %d\n  name     = \"%s${count.index}\"\n}\n",
			alias, alias, len(ids[region]), prefix)
		for j, id := range ids[region] {
			fmt.Fprintf(&imports, "import {\n  provider = cases.%s\n  to       = cases_domain.%s[%d]\n  id       = %q\n}\n", alias, alias, j, id)
		}
	}
	return importWorkspace(ctx, tf, "cases_domain, aliases", dir, config.String(), imports.String())
}

// SetupFixtureAliasesWorkspace applies per resources of the fixture type
// typ under each of one aliased fixture provider block per Region: the
// shape of SetupCasesAliasesWorkspace.
func SetupFixtureAliasesWorkspace(ctx context.Context, tf *Terraform, dir, typ string, regions []string, per int) (*Workspace, error) {
	var config strings.Builder
	config.WriteString("terraform {\n  required_providers {\n    nullfixture = { source = \"bench/nullfixture\" }\n  }\n}\n")
	for i, region := range regions {
		alias := fmt.Sprintf("r%d", i)
		fmt.Fprintf(&config, "\nprovider \"nullfixture\" {\n  alias  = %q\n  region = %q\n}\n", alias, region)
		fmt.Fprintf(&config, "\nresource %q %q {\n  provider = nullfixture.%s\n  count    = %d\n  name     = \"bench-plan-${count.index}\"\n}\n",
			typ, alias, alias, per)
	}
	return applyWorkspace(ctx, tf, typ+", aliases", dir, config.String())
}

func casesResources(prefix string, first, n int) string {
	index := "count.index"
	if first != 0 {
		index = fmt.Sprintf("count.index + %d", first)
	}
	return fmt.Sprintf(`
resource "cases_domain" "d" {
  count = %d
  name  = "%s${%s}"
}
`, n, prefix, index)
}

// Resource types of the fixture provider.
const (
	// FixtureItem has an id and a name: the smallest resource there is.
	FixtureItem = "nullfixture_item"
	// FixtureDomain has the schema of cases_domain and does nothing.
	FixtureDomain = "nullfixture_domain"
)

// QuietSDKLogs turns off the SDK loggers of a framework provider, as the
// cases provider does by itself when no TF_LOG* variable is set (main.go).
var QuietSDKLogs = []string{"TF_LOG_SDK=off", "TF_LOG_SDK_PROTO=off", "TF_LOG_SDK_FRAMEWORK=off"}

// SetupFixtureWorkspace applies n resources of the fixture type typ.
func SetupFixtureWorkspace(ctx context.Context, tf *Terraform, dir, typ string, n int) (*Workspace, error) {
	config := fmt.Sprintf(`terraform {
  required_providers {
    nullfixture = { source = "bench/nullfixture" }
  }
}

resource %q "d" {
  count = %d
  name  = "bench-plan-${count.index}"
}
`, typ, n)
	return applyWorkspace(ctx, tf, typ, dir, config)
}

// SetupTerraformDataWorkspace applies n terraform_data resources, which
// terraform serves itself without a plugin process.
func SetupTerraformDataWorkspace(ctx context.Context, tf *Terraform, dir string, n int) (*Workspace, error) {
	config := fmt.Sprintf(`resource "terraform_data" "d" {
  count = %d
  input = "bench-plan-${count.index}"
}
`, n)
	return applyWorkspace(ctx, tf, "terraform_data", dir, config)
}

func applyWorkspace(ctx context.Context, tf *Terraform, name, dir, config string) (*Workspace, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	if err := os.WriteFile(filepath.Join(dir, "main.tf"), []byte(config), 0o644); err != nil {
		return nil, err
	}
	if err := tf.MustSucceed(ctx, dir, "apply", "-auto-approve", "-input=false", "-no-color"); err != nil {
		return nil, err
	}
	return &Workspace{Name: name, Dir: dir}, nil
}

// TimePlans runs runs rounds; each round plans every workspace once, in
// turn, so that a slow phase of the machine hits all of them alike. It
// returns the times per workspace, in the order given.
func TimePlans(ctx context.Context, tf *Terraform, workspaces []*Workspace, runs int) ([][]time.Duration, error) {
	times := make([][]time.Duration, len(workspaces))
	for range runs {
		for i, ws := range workspaces {
			d, err := tf.Plan(ctx, ws.Dir, ws.Env)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", ws.Name, err)
			}
			times[i] = append(times[i], d)
		}
	}
	return times, nil
}
