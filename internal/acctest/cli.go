package acctest

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"

	"github.com/hashicorp/go-version"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"
)

// The CLIs the acceptance tests run with: Terraform, or OpenTofu, chosen
// with TF_ACC_TERRAFORM_PATH (else `terraform` on PATH). They differ in
// where a provider source without a hostname ("connect-cases/cases", or the
// implied "cases") lives: Terraform resolves it on registry.terraform.io,
// OpenTofu on registry.opentofu.org. terraform-plugin-testing reattaches the
// in-process provider under TF_ACC_PROVIDER_HOST (default
// registry.terraform.io), and dev_overrides are keyed by the full address,
// so both must name the host of the CLI in use.

const (
	// ProviderNamespace and ProviderType make up the provider's address,
	// after the registry host.
	ProviderNamespace = "connect-cases"
	ProviderType      = "cases"

	terraformRegistryHost = "registry.terraform.io"
	openTofuRegistryHost  = "registry.opentofu.org"
)

// CLI is the terraform-compatible binary the acceptance tests drive.
type CLI struct {
	Path string
	// Product is "Terraform" or "OpenTofu".
	Product string
	// Version as the binary reports it ("1.12.6"); OpenTofu numbers its
	// releases independently of Terraform.
	Version *version.Version
}

// IsOpenTofu reports whether the CLI is OpenTofu.
func (c CLI) IsOpenTofu() bool { return c.Product == "OpenTofu" }

// String is "OpenTofu v1.12.6 (/path/to/tofu)".
func (c CLI) String() string {
	return fmt.Sprintf("%s v%s (%s)", c.Product, c.Version, c.Path)
}

// RegistryHost is where the CLI resolves a provider source without a
// hostname.
func (c CLI) RegistryHost() string {
	if c.IsOpenTofu() {
		return openTofuRegistryHost
	}
	return terraformRegistryHost
}

// ProviderAddress is the provider's full address as this CLI resolves
// `source = "connect-cases/cases"`, e.g.
// registry.opentofu.org/connect-cases/cases.
func (c CLI) ProviderAddress() string {
	return c.RegistryHost() + "/" + ProviderNamespace + "/" + ProviderType
}

// DevOverridesConfig returns a CLI configuration file's content whose
// dev_overrides send the provider's address, as this CLI resolves it, to
// the terraform-provider-cases binary in providerDir.
func (c CLI) DevOverridesConfig(providerDir string) string {
	return fmt.Sprintf(`provider_installation {
  dev_overrides {
    %q = %q
  }
  direct {}
}
disable_checkpoint = true
`, c.ProviderAddress(), providerDir)
}

var (
	cliOnce sync.Once
	cli     CLI
	cliErr  error

	versionLine = regexp.MustCompile(`^(Terraform|OpenTofu) v(\S+)`)
)

// TestCLI returns the CLI the acceptance tests run: TF_ACC_TERRAFORM_PATH,
// else `terraform` on PATH, as terraform-plugin-testing chooses it. The
// binary is asked for its version once per test binary.
func TestCLI() (CLI, error) {
	cliOnce.Do(func() { cli, cliErr = detectCLI() })
	return cli, cliErr
}

func detectCLI() (CLI, error) {
	path := os.Getenv("TF_ACC_TERRAFORM_PATH")
	if path == "" {
		var err error
		if path, err = exec.LookPath("terraform"); err != nil {
			return CLI{}, fmt.Errorf("no terraform CLI: set TF_ACC_TERRAFORM_PATH or put terraform on PATH (make terraform)")
		}
	}
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	cmd := exec.Command(path, "version")
	// Neither a CLI configuration nor a version check may change the output.
	cmd.Env = append(os.Environ(), "TF_CLI_CONFIG_FILE="+os.DevNull, "CHECKPOINT_DISABLE=1")
	out, err := cmd.Output()
	if err != nil {
		return CLI{}, fmt.Errorf("running %s version: %w", path, err)
	}
	first, _, _ := strings.Cut(string(out), "\n")
	m := versionLine.FindStringSubmatch(strings.TrimSpace(first))
	if m == nil {
		return CLI{}, fmt.Errorf("%s version printed %q: neither Terraform nor OpenTofu", path, first)
	}
	v, err := version.NewVersion(m[2])
	if err != nil {
		return CLI{}, fmt.Errorf("%s version %q: %w", path, m[2], err)
	}
	return CLI{Path: path, Product: m[1], Version: v}, nil
}

var hostOnce sync.Once

// setProviderHost points terraform-plugin-testing's reattach address at the
// registry host of the CLI under test, unless TF_ACC_PROVIDER_HOST is set
// already: with OpenTofu, the provider "cases" of a test configuration is
// registry.opentofu.org/hashicorp/cases, and a reattached
// registry.terraform.io/hashicorp/cases would not be found. NewTarget and
// PreCheck call it, before any test step runs.
func setProviderHost() {
	hostOnce.Do(func() {
		if os.Getenv("TF_ACC") == "" || os.Getenv("TF_ACC_PROVIDER_HOST") != "" {
			return
		}
		c, err := TestCLI()
		if err != nil || !c.IsOpenTofu() {
			return // terraform-plugin-testing reports a missing CLI itself
		}
		_ = os.Setenv("TF_ACC_PROVIDER_HOST", c.RegistryHost())
	})
}

// SkipBelow is a TerraformVersionCheck for a test of a CLI feature: it skips
// the test on Terraform older than terraform, and on OpenTofu older than
// openTofu (on any OpenTofu when openTofu is nil: no release has the
// feature). Each skip message names the feature, the CLI in use and how to
// run the test. Use it in TestCase.TerraformVersionChecks.
func SkipBelow(feature string, terraform, openTofu *version.Version) tfversion.TerraformVersionCheck {
	return skipBelow{feature: feature, terraform: terraform, openTofu: openTofu}
}

type skipBelow struct {
	feature             string
	terraform, openTofu *version.Version
}

func (s skipBelow) CheckTerraformVersion(_ context.Context, req tfversion.CheckTerraformVersionRequest, resp *tfversion.CheckTerraformVersionResponse) {
	c, err := TestCLI()
	if err != nil {
		resp.Error = err
		return
	}
	// terraform-plugin-testing reads the version from `version -json`,
	// which OpenTofu answers with its own version number.
	resp.Skip = s.skip(c.IsOpenTofu(), req.TerraformVersion.Core())
}

// skip returns why a test of the feature cannot run on this CLI, or "".
func (s skipBelow) skip(openTofu bool, have *version.Version) string {
	if openTofu {
		switch {
		case s.openTofu == nil:
			return fmt.Sprintf("%s needs Terraform >= %s; no OpenTofu release has it (this run: OpenTofu v%s)", s.feature, s.terraform, have)
		case have.LessThan(s.openTofu):
			return fmt.Sprintf("%s needs OpenTofu >= %s (this run: OpenTofu v%s)", s.feature, s.openTofu, have)
		}
		return ""
	}
	if have.LessThan(s.terraform) {
		return fmt.Sprintf("%s needs Terraform >= %s (this run: Terraform v%s); run it with "+
			"TF_ACC_TERRAFORM_PATH=bin/terraform-1.15.9 (make terraform-latest) or make test-matrix", s.feature, s.terraform, have)
	}
	return ""
}
