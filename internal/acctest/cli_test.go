package acctest

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/hashicorp/go-version"
)

// fakeCLI writes a script that prints firstLine for `version`.
func fakeCLI(t *testing.T, firstLine string) string {
	t.Helper()
	if runtime.GOOS == "windows" {
		t.Skip("shell script")
	}
	path := filepath.Join(t.TempDir(), "fake")
	script := "#!/bin/sh\nprintf '%s\\non linux_amd64\\n' '" + firstLine + "'\n"
	if err := os.WriteFile(path, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestDetectCLI(t *testing.T) {
	for _, tc := range []struct {
		line, product, version, host string
	}{
		{"Terraform v1.11.4", "Terraform", "1.11.4", "registry.terraform.io"},
		{"OpenTofu v1.12.6", "OpenTofu", "1.12.6", "registry.opentofu.org"},
		{"Terraform v1.15.9-dev", "Terraform", "1.15.9-dev", "registry.terraform.io"},
	} {
		t.Run(tc.line, func(t *testing.T) {
			t.Setenv("TF_ACC_TERRAFORM_PATH", fakeCLI(t, tc.line))
			c, err := detectCLI()
			if err != nil {
				t.Fatal(err)
			}
			if c.Product != tc.product || c.Version.String() != tc.version || c.RegistryHost() != tc.host {
				t.Errorf("got %s, host %s; want %s v%s, host %s", c, c.RegistryHost(), tc.product, tc.version, tc.host)
			}
			cfg := c.DevOverridesConfig("/opt/provider")
			if want := `"` + tc.host + `/connect-cases/cases" = "/opt/provider"`; !strings.Contains(cfg, want) {
				t.Errorf("dev_overrides config lacks %s:\n%s", want, cfg)
			}
		})
	}

	t.Setenv("TF_ACC_TERRAFORM_PATH", fakeCLI(t, "Something v1.0.0"))
	if c, err := detectCLI(); err == nil {
		t.Errorf("detectCLI of an unknown CLI = %s, want an error", c)
	}
}

func TestSkipBelow(t *testing.T) {
	v := version.Must
	identity := SkipBelow("import by identity", v(version.NewVersion("1.12.0")), v(version.NewVersion("1.12.0"))).(skipBelow)
	query := SkipBelow("terraform query", v(version.NewVersion("1.14.0")), nil).(skipBelow)
	for _, tc := range []struct {
		check    skipBelow
		openTofu bool
		have     string
		want     string // substring of the skip message; "" runs the test
	}{
		{identity, false, "1.15.9", ""},
		{identity, false, "1.12.0", ""},
		{identity, false, "1.11.4", "needs Terraform >= 1.12.0 (this run: Terraform v1.11.4)"},
		{identity, true, "1.12.6", ""},
		{identity, true, "1.10.6", "needs OpenTofu >= 1.12.0 (this run: OpenTofu v1.10.6)"},
		{query, false, "1.14.0", ""},
		{query, false, "1.5.7", "terraform query needs Terraform >= 1.14.0"},
		{query, true, "1.15.0", "no OpenTofu release has it"},
	} {
		got := tc.check.skip(tc.openTofu, v(version.NewVersion(tc.have)))
		if (tc.want == "") != (got == "") || !strings.Contains(got, tc.want) {
			t.Errorf("%s on openTofu=%v v%s: skip %q, want %q", tc.check.feature, tc.openTofu, tc.have, got, tc.want)
		}
	}
}
