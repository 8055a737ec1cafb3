package provider_test

import (
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/connect-cases/terraform-provider-cases/internal/acctest"
)

// A provider without any region fails when Terraform configures it, with
// an error that says where a region can come from. Not parallel: it clears
// the process environment.
func TestAccProvider_missingRegion(t *testing.T) {
	tg := acctest.NewTarget(t)
	tg.RequireEmulator(t)
	empty := filepath.Join(t.TempDir(), "empty")
	if err := os.WriteFile(empty, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"AWS_REGION", "AWS_DEFAULT_REGION", "AWS_PROFILE"} {
		t.Setenv(name, "")
	}
	t.Setenv("AWS_CONFIG_FILE", empty)
	t.Setenv("AWS_SHARED_CREDENTIALS_FILE", empty)

	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: `
provider "cases" {
  access_key = "111122223333"
  secret_key = "secret"
  endpoints {
    connectcases = "` + tg.URL + `"
  }
}

data "cases_domains" "all" {}
`,
				ExpectError: regexp.MustCompile(`(?s)No AWS region.*Set\s+` + "`region`" + `\s+in\s+the\s+provider\s+block`),
			},
		},
	})
}
