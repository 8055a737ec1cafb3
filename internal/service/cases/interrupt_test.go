package cases_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/connect-cases/terraform-provider-cases/internal/acctest"
	"github.com/connect-cases/terraform-provider-cases/internal/emulator"
)

// Credentials of the exec'd terraform runs, distinctive enough that finding
// one in a log can only mean it leaked. The access key id is the test
// account; the secret and token must never be logged.
const (
	leakCanarySecret = "SECRET-canary-wJalrXUtnFEMI-7f3a9c"
	leakCanaryToken  = "TOKEN-canary-FwoGZXIvYXdzEJr-51d2e8"
)

// terraformRun drives the real terraform binary against a provider built
// from this module, through dev_overrides, in its own working directory.
type terraformRun struct {
	t       *testing.T
	binary  string
	dir     string
	env     []string
	logPath string
}

// newTerraformRun builds the provider into a temporary directory and writes
// a CLI configuration that points terraform at it. Acceptance tests only:
// it needs the terraform CLI (TF_ACC_TERRAFORM_PATH or PATH), which may be
// OpenTofu.
func newTerraformRun(t *testing.T) *terraformRun {
	t.Helper()
	if os.Getenv("TF_ACC") == "" {
		t.Skip("runs terraform: set TF_ACC=1 (make testacc)")
	}
	cli, err := acctest.TestCLI()
	if err != nil {
		t.Skip(err.Error())
	}
	providerDir := t.TempDir()
	build := exec.Command("go", "build", "-o", filepath.Join(providerDir, "terraform-provider-cases"), ".")
	build.Dir = filepath.Join("..", "..", "..") // the module root, where main.go serves the provider
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("building the provider: %v\n%s", err, out)
	}
	cliConfig := filepath.Join(t.TempDir(), "terraformrc")
	// dev_overrides name the provider's address as this CLI resolves
	// "connect-cases/cases": registry.terraform.io or registry.opentofu.org.
	if err := os.WriteFile(cliConfig, []byte(cli.DevOverridesConfig(providerDir)), 0o600); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	logPath := filepath.Join(dir, "terraform.log")
	env := append(os.Environ(),
		"TF_CLI_CONFIG_FILE="+cliConfig,
		"CHECKPOINT_DISABLE=1",
		"TF_IN_AUTOMATION=1",
		// Everything terraform and the provider log, at the most verbose
		// level, goes to one file the test reads.
		"TF_LOG=TRACE",
		"TF_LOG_PATH="+logPath,
		// Credentials come from the configuration only.
		"AWS_ACCESS_KEY_ID=", "AWS_SECRET_ACCESS_KEY=", "AWS_SESSION_TOKEN=", "AWS_PROFILE=",
	)
	return &terraformRun{t: t, binary: cli.Path, dir: dir, env: env, logPath: logPath}
}

func (r *terraformRun) writeConfig(config string) {
	r.t.Helper()
	if err := os.WriteFile(filepath.Join(r.dir, "main.tf"), []byte(config), 0o600); err != nil {
		r.t.Fatal(err)
	}
}

func (r *terraformRun) command(args ...string) (*exec.Cmd, *bytes.Buffer) {
	cmd := exec.CommandContext(r.t.Context(), r.binary, args...)
	cmd.Dir = r.dir
	cmd.Env = r.env
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	return cmd, &out
}

// run runs terraform to the end and fails the test if it fails.
func (r *terraformRun) run(args ...string) string {
	r.t.Helper()
	cmd, out := r.command(args...)
	if err := cmd.Run(); err != nil {
		r.t.Fatalf("terraform %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return out.String()
}

// stateDomain is a cases_domain instance in terraform.tfstate.
type stateDomain struct {
	id, name string
	tainted  bool
}

func (r *terraformRun) stateDomains() []stateDomain {
	r.t.Helper()
	data, err := os.ReadFile(filepath.Join(r.dir, "terraform.tfstate"))
	if os.IsNotExist(err) {
		return nil
	}
	if err != nil {
		r.t.Fatal(err)
	}
	var state struct {
		Resources []struct {
			Type      string `json:"type"`
			Instances []struct {
				Status     string `json:"status"`
				Attributes struct {
					ID   string `json:"id"`
					Name string `json:"name"`
				} `json:"attributes"`
			} `json:"instances"`
		} `json:"resources"`
	}
	if err := json.Unmarshal(data, &state); err != nil {
		r.t.Fatalf("reading terraform.tfstate: %v", err)
	}
	var out []stateDomain
	for _, res := range state.Resources {
		if res.Type != "cases_domain" {
			continue
		}
		for _, in := range res.Instances {
			out = append(out, stateDomain{id: in.Attributes.ID, name: in.Attributes.Name, tainted: in.Status == "tainted"})
		}
	}
	return out
}

// requireNoLeak greps everything terraform and the provider logged for the
// secret key and the session token.
func (r *terraformRun) requireNoLeak(outputs ...string) {
	r.t.Helper()
	log, err := os.ReadFile(r.logPath)
	if err != nil {
		r.t.Fatalf("reading the TF_LOG_PATH log: %v", err)
	}
	if !bytes.Contains(log, []byte("[TRACE]")) || !bytes.Contains(log, []byte("provider")) {
		r.t.Fatalf("the log holds no TRACE records from the provider run (%d bytes): the check would prove nothing", len(log))
	}
	for _, secret := range []string{leakCanarySecret, leakCanaryToken} {
		if bytes.Contains(log, []byte(secret)) {
			r.t.Errorf("the TF_LOG=TRACE log contains the credential %q", secret)
		}
		for _, out := range outputs {
			if strings.Contains(out, secret) {
				r.t.Errorf("terraform output contains the credential %q", secret)
			}
		}
	}
	r.t.Logf("TF_LOG=TRACE log: %d bytes, no credential in it", len(log))
}

func interruptConfig(url string, names []string) string {
	return fmt.Sprintf(`terraform {
  required_providers {
    cases = { source = "connect-cases/cases" }
  }
}

provider "cases" {
  region     = %q
  access_key = %q
  secret_key = %q
  token      = %q
  endpoints {
    connectcases = %q
  }
}

variable "names" {
  type    = list(string)
  default = [%s]
}

resource "cases_domain" "many" {
  count = length(var.names)
  name  = var.names[count.index]
}
`, acctest.EmulatorRegion, acctest.EmulatorAccount, leakCanarySecret, leakCanaryToken, url, `"`+strings.Join(names, `", "`)+`"`)
}

// TestAccDomain_interruptedApply sends SIGINT to a real `terraform apply`
// while the domains it created are still CreationInProgress and others are
// not created yet, then applies again. Every domain that exists after the
// interrupt must be in state; the second apply must converge exactly: one
// domain per name, state and the API agreeing, and an empty plan after. The
// runs log at TF_LOG=TRACE, and the log must not contain the credentials.
func TestAccDomain_interruptedApply(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("SIGINT is POSIX")
	}
	tf := newTerraformRun(t)
	tg := acctest.NewTarget(t, func(o *emulator.Options) {
		o.Runtime.Quotas.DomainsPerAccountRegion = 20
		// Long enough that the interrupt lands while the creates wait.
		o.Runtime.ActivationDelay = emulator.Duration(time.Hour)
	})
	tg.RequireEmulator(t)

	const count, parallelism = 8, 4
	names := make([]string, count)
	for i := range names {
		names[i] = fmt.Sprintf("%s-interrupt-%02d", acctest.ResourcePrefix, i)
	}
	tf.writeConfig(interruptConfig(tg.URL, names))

	// With -parallelism 4, four creates land and wait; the other four wait
	// for a slot that the interrupt takes away.
	apply, out := tf.command("apply", "-auto-approve", "-input=false", "-no-color", fmt.Sprintf("-parallelism=%d", parallelism))
	if err := apply.Start(); err != nil {
		t.Fatal(err)
	}
	held := waitForDomains(t, tg, parallelism)
	if err := apply.Process.Signal(syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	err := apply.Wait()
	if err == nil {
		t.Fatalf("the interrupted apply succeeded:\n%s", out)
	}
	t.Logf("SIGINT after %d domains were created and CreationInProgress; apply ended: %v", len(held), err)
	outputs := []string{out.String()}

	// Every domain that exists is in state (tainted: its wait was cut short).
	inState := tf.stateDomains()
	for _, d := range tg.Emulator.Domains(acctest.EmulatorAccount, acctest.EmulatorRegion) {
		found := false
		for _, s := range inState {
			found = found || s.id == d.DomainID
		}
		if !found {
			t.Errorf("domain %s (%s) exists but the interrupted apply left it out of state: orphaned\n%s", d.Name, d.DomainID, out)
		}
	}

	// The service catches up; the next apply converges.
	cfg := tg.Emulator.RuntimeConfig()
	cfg.ActivationDelay = 0
	if err := tg.Emulator.SetRuntimeConfig(cfg); err != nil {
		t.Fatal(err)
	}
	outputs = append(outputs, tf.run("apply", "-auto-approve", "-input=false", "-no-color"))
	requireConverged(t, tf, tg, names)
	outputs = append(outputs, tf.run("plan", "-detailed-exitcode", "-input=false", "-no-color"))

	outputs = append(outputs, tf.run("destroy", "-auto-approve", "-input=false", "-no-color"))
	if left := tg.Emulator.Domains(acctest.EmulatorAccount, acctest.EmulatorRegion); len(left) != 0 {
		t.Errorf("%d domains left after destroy: %+v", len(left), left)
	}
	tf.requireNoLeak(outputs...)
}

// waitForDomains polls the emulator until it holds at least n domains.
func waitForDomains(t *testing.T, tg *acctest.Target, n int) []emulator.DomainSnapshot {
	t.Helper()
	deadline := time.Now().Add(2 * time.Minute)
	for {
		held := tg.Emulator.Domains(acctest.EmulatorAccount, acctest.EmulatorRegion)
		if len(held) >= n {
			return held
		}
		if time.Now().After(deadline) {
			t.Fatalf("terraform created %d domains in 2 minutes, want %d", len(held), n)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// requireConverged: state and the emulator hold the same domains, one per
// name, none tainted, all Active.
func requireConverged(t *testing.T, tf *terraformRun, tg *acctest.Target, names []string) {
	t.Helper()
	held := tg.Emulator.Domains(acctest.EmulatorAccount, acctest.EmulatorRegion)
	var heldNames []string
	byID := map[string]emulator.DomainSnapshot{}
	for _, d := range held {
		heldNames = append(heldNames, d.Name)
		byID[d.DomainID] = d
		if d.DomainStatus != "Active" {
			t.Errorf("domain %s is %s after the re-apply", d.Name, d.DomainStatus)
		}
	}
	sort.Strings(heldNames)
	if strings.Join(heldNames, ",") != strings.Join(names, ",") {
		t.Errorf("the emulator holds %v, want exactly one domain per name %v", heldNames, names)
	}
	inState := tf.stateDomains()
	if len(inState) != len(held) {
		t.Errorf("state holds %d domains, the emulator %d", len(inState), len(held))
	}
	for _, s := range inState {
		d, ok := byID[s.id]
		if !ok || d.Name != s.name || s.tainted {
			t.Errorf("state domain %+v does not match the emulator (%+v, found %v)", s, d, ok)
		}
	}
}

// heldCreates holds every CreateDomain for a while before the handler runs,
// whether or not the client still waits: requests already in the service's
// pipeline when the client gave up, which land anyway.
type heldCreates struct {
	hold    atomic.Int64 // a time.Duration
	arrived atomic.Int32
}

func (h *heldCreates) BeforeOperation(_ context.Context, call emulator.Call) error {
	if call.Operation == "CreateDomain" {
		h.arrived.Add(1)
		time.Sleep(time.Duration(h.hold.Load()))
	}
	return nil
}

func (h *heldCreates) AfterOperation(context.Context, emulator.Call, error) error { return nil }

// TestAccDomain_interruptedApplyInFlight sends SIGINT while every
// CreateDomain is still in flight, and the service commits them after the
// client gave up. The provider must still find and record each domain, so
// that nothing is orphaned, and the next apply converges.
func TestAccDomain_interruptedApplyInFlight(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("SIGINT is POSIX")
	}
	tf := newTerraformRun(t)
	held := &heldCreates{}
	held.hold.Store(int64(2 * time.Second))
	tg := acctest.NewTarget(t, func(o *emulator.Options) {
		o.Runtime.ActivationDelay = emulator.Duration(time.Hour)
		o.Faults = held
	})
	tg.RequireEmulator(t)

	const count = 4
	names := make([]string, count)
	for i := range names {
		names[i] = fmt.Sprintf("%s-inflight-%02d", acctest.ResourcePrefix, i)
	}
	tf.writeConfig(interruptConfig(tg.URL, names))

	apply, out := tf.command("apply", "-auto-approve", "-input=false", "-no-color")
	if err := apply.Start(); err != nil {
		t.Fatal(err)
	}
	for deadline := time.Now().Add(2 * time.Minute); held.arrived.Load() < count; time.Sleep(20 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("%d of %d creates reached the emulator in 2 minutes", held.arrived.Load(), count)
		}
	}
	if err := apply.Process.Signal(syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	if err := apply.Wait(); err == nil {
		t.Fatalf("the interrupted apply succeeded:\n%s", out)
	}

	landed := waitForDomains(t, tg, count)
	inState := tf.stateDomains()
	for _, d := range landed {
		found := false
		for _, s := range inState {
			found = found || s.id == d.DomainID
		}
		if !found {
			t.Errorf("domain %s (%s) landed after the interrupt but is not in state: orphaned\n%s", d.Name, d.DomainID, out)
		}
	}

	held.hold.Store(0)
	cfg := tg.Emulator.RuntimeConfig()
	cfg.ActivationDelay = 0
	if err := tg.Emulator.SetRuntimeConfig(cfg); err != nil {
		t.Fatal(err)
	}
	tf.run("apply", "-auto-approve", "-input=false", "-no-color")
	requireConverged(t, tf, tg, names)
	tf.run("destroy", "-auto-approve", "-input=false", "-no-color")
	if left := tg.Emulator.Domains(acctest.EmulatorAccount, acctest.EmulatorRegion); len(left) != 0 {
		t.Errorf("%d domains left after destroy: %+v", len(left), left)
	}
}
