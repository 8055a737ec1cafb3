package cases_test

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/connectcases"
	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/connect-cases/terraform-provider-cases/internal/acctest"
	"github.com/connect-cases/terraform-provider-cases/internal/emulator"
)

const domainAddress = "cases_domain.test"

var (
	domainARNPattern   = regexp.MustCompile(`^arn:aws:cases:[a-z0-9-]+:\d{12}:domain/[0-9a-f-]+$`)
	rfc3339UTCPattern  = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$`)
	domainIDPattern    = regexp.MustCompile(`^[0-9a-f-]{36}$`)
	importIgnoreFields = []string{"timeouts"}
)

func TestAccDomain_basic(t *testing.T) {
	tg := acctest.NewTarget(t)
	name := acctest.RandomName("domain")

	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDomainsDestroyed(tg, name),
		Steps: []resource.TestStep{
			{
				Config: tg.ProviderConfig("") + configDomain(name),
				Check:  checkDomainExists(tg, domainAddress),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(domainAddress, tfjsonpath.New("name"), knownvalue.StringExact(name)),
					statecheck.ExpectKnownValue(domainAddress, tfjsonpath.New("domain_status"), knownvalue.StringExact("Active")),
					statecheck.ExpectKnownValue(domainAddress, tfjsonpath.New("domain_arn"), knownvalue.StringRegexp(domainARNPattern)),
					statecheck.ExpectKnownValue(domainAddress, tfjsonpath.New("domain_id"), knownvalue.StringRegexp(domainIDPattern)),
					statecheck.ExpectKnownValue(domainAddress, tfjsonpath.New("created_time"), knownvalue.StringRegexp(rfc3339UTCPattern)),
					statecheck.ExpectKnownValue(domainAddress, tfjsonpath.New("tags"), knownvalue.Null()),
					statecheck.ExpectKnownValue(domainAddress, tfjsonpath.New("tags_all"), knownvalue.MapExact(map[string]knownvalue.Check{})),
					statecheck.CompareValuePairs(domainAddress, tfjsonpath.New("id"), domainAddress, tfjsonpath.New("domain_id"), compare.ValuesSame()),
				},
			},
			{
				// A second plan of the same configuration is empty.
				Config: tg.ProviderConfig("") + configDomain(name),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
			},
			{
				ResourceName:            domainAddress,
				ImportState:             true,
				ImportStateVerify:       true,
				ImportStateVerifyIgnore: importIgnoreFields,
			},
		},
	})
}

func TestAccDomain_disappears(t *testing.T) {
	tg := acctest.NewTarget(t)
	name := acctest.RandomName("domain")

	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDomainsDestroyed(tg, name),
		Steps: []resource.TestStep{
			{
				Config: tg.ProviderConfig("") + configDomain(name),
				Check: resource.ComposeAggregateTestCheckFunc(
					checkDomainExists(tg, domainAddress),
					deleteDomainOutsideTerraform(tg, domainAddress),
				),
				ExpectNonEmptyPlan: true,
			},
		},
	})
}

func TestAccDomain_tags(t *testing.T) {
	tg := acctest.NewTarget(t)
	name := acctest.RandomName("domain")
	defaultTags := `default_tags {
    tags = {
      managed_by = "terraform"
      team       = "default-team"
    }
  }`

	tags1 := map[string]knownvalue.Check{"env": knownvalue.StringExact("test"), "owner": knownvalue.StringExact("alice")}
	tags2 := map[string]knownvalue.Check{"env": knownvalue.StringExact("prod"), "cost_center": knownvalue.StringExact("42")}

	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDomainsDestroyed(tg, name),
		Steps: []resource.TestStep{
			{
				Config: tg.ProviderConfig("") + configDomainTags(name, `env = "test", owner = "alice"`),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(domainAddress, tfjsonpath.New("tags"), knownvalue.MapExact(tags1)),
					statecheck.ExpectKnownValue(domainAddress, tfjsonpath.New("tags_all"), knownvalue.MapExact(tags1)),
				},
				Check: checkAPITags(tg, domainAddress, map[string]string{"env": "test", "owner": "alice"}),
			},
			{
				Config: tg.ProviderConfig("") + configDomainTags(name, `env = "prod", cost_center = "42"`),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(domainAddress, plancheck.ResourceActionUpdate)},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(domainAddress, tfjsonpath.New("tags"), knownvalue.MapExact(tags2)),
					statecheck.ExpectKnownValue(domainAddress, tfjsonpath.New("tags_all"), knownvalue.MapExact(tags2)),
				},
				Check: checkAPITags(tg, domainAddress, map[string]string{"env": "prod", "cost_center": "42"}),
			},
			{
				Config: tg.ProviderConfig("") + configDomainTags(name, `env = "test", owner = "alice"`),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(domainAddress, tfjsonpath.New("tags"), knownvalue.MapExact(tags1)),
				},
				Check: checkAPITags(tg, domainAddress, map[string]string{"env": "test", "owner": "alice"}),
			},
			{
				// default_tags merge under the resource's tags; the resource wins on "team".
				Config: tg.ProviderConfig(defaultTags) + configDomainTags(name, `env = "test", team = "support"`),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(domainAddress, plancheck.ResourceActionUpdate)},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(domainAddress, tfjsonpath.New("tags"), knownvalue.MapExact(map[string]knownvalue.Check{
						"env": knownvalue.StringExact("test"), "team": knownvalue.StringExact("support"),
					})),
					statecheck.ExpectKnownValue(domainAddress, tfjsonpath.New("tags_all"), knownvalue.MapExact(map[string]knownvalue.Check{
						"env": knownvalue.StringExact("test"), "team": knownvalue.StringExact("support"), "managed_by": knownvalue.StringExact("terraform"),
					})),
				},
				Check: checkAPITags(tg, domainAddress, map[string]string{"env": "test", "team": "support", "managed_by": "terraform"}),
			},
			{
				// Only default tags: tags stays null, tags_all holds the defaults.
				Config: tg.ProviderConfig(defaultTags) + configDomain(name),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(domainAddress, tfjsonpath.New("tags"), knownvalue.Null()),
					statecheck.ExpectKnownValue(domainAddress, tfjsonpath.New("tags_all"), knownvalue.MapExact(map[string]knownvalue.Check{
						"team": knownvalue.StringExact("default-team"), "managed_by": knownvalue.StringExact("terraform"),
					})),
				},
				Check: checkAPITags(tg, domainAddress, map[string]string{"team": "default-team", "managed_by": "terraform"}),
			},
			{
				Config: tg.ProviderConfig(defaultTags) + configDomain(name),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
			},
		},
	})
}

func TestAccDomain_tagsDrift(t *testing.T) {
	tg := acctest.NewTarget(t)
	name := acctest.RandomName("domain")

	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDomainsDestroyed(tg, name),
		Steps: []resource.TestStep{
			{
				Config: tg.ProviderConfig("") + configDomainTags(name, `env = "test"`),
				Check: resource.ComposeAggregateTestCheckFunc(
					checkDomainExists(tg, domainAddress),
					tagDomainOutsideTerraform(tg, domainAddress, "added_by_hand", "yes"),
				),
				ExpectNonEmptyPlan: true,
			},
			{
				Config: tg.ProviderConfig("") + configDomainTags(name, `env = "test"`),
				Check:  checkAPITags(tg, domainAddress, map[string]string{"env": "test"}),
			},
		},
	})
}

func TestAccDomain_importByARN(t *testing.T) {
	tg := acctest.NewTarget(t)
	name := acctest.RandomName("domain")

	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDomainsDestroyed(tg, name),
		Steps: []resource.TestStep{
			{
				Config: tg.ProviderConfig("") + configDomainTags(name, `env = "test"`),
			},
			{
				ResourceName:            domainAddress,
				ImportState:             true,
				ImportStateIdFunc:       stateAttribute(domainAddress, "domain_arn"),
				ImportStateVerify:       true,
				ImportStateVerifyIgnore: importIgnoreFields,
			},
		},
	})
}

func TestAccDomain_importBlock(t *testing.T) {
	tg := acctest.NewTarget(t)
	name := acctest.RandomName("domain")
	out, err := tg.Client.CreateDomain(context.Background(), &connectcases.CreateDomainInput{Name: aws.String(name)})
	if err != nil {
		t.Fatalf("creating the domain to import: %v", err)
	}
	id := aws.ToString(out.DomainId)
	importBlock := fmt.Sprintf("import {\n  to = %s\n  id = %q\n}\n", domainAddress, id)

	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDomainsDestroyed(tg, name),
		Steps: []resource.TestStep{
			{
				Config: tg.ProviderConfig("") + importBlock + configDomain(name),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(domainAddress, plancheck.ResourceActionNoop)},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(domainAddress, tfjsonpath.New("domain_id"), knownvalue.StringExact(id)),
				},
			},
		},
	})
}

func TestAccDomain_nameValidation(t *testing.T) {
	tg := acctest.NewTarget(t)
	cases := []struct {
		name  string
		value string
		rule  string
	}{
		{"empty", `""`, `must be between 1 and 100 characters long (the API counts Unicode characters); got 0`},
		{"101 characters", fmt.Sprintf("%q", strings.Repeat("n", 101)), `must be between 1 and 100 characters long (the API counts Unicode characters); got 101`},
		{"trailing space", `"support "`, `does not end with white space`},
		{"line break inside", `"two\nlines"`, `must match the API pattern ^.*[\S]$`},
		{"trailing tab", `"support\t"`, `does not end with white space`},
	}
	var steps []resource.TestStep
	for _, c := range cases {
		steps = append(steps, resource.TestStep{
			Config:      tg.ProviderConfig("") + fmt.Sprintf("resource \"cases_domain\" \"test\" {\n  name = %s\n}\n", c.value),
			PlanOnly:    true,
			ExpectError: diagnosticPattern("name", c.rule),
		})
	}
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps:                    steps,
	})
	if n := tg.APIRequests(); n > 0 {
		t.Errorf("invalid names reached the API: %d requests, want none", n)
	}
}

func TestAccDomain_creationFailed(t *testing.T) {
	tg := acctest.NewTarget(t)
	tg.RequireEmulator(t)
	name := acctest.FailCreationPrefix + "domain"

	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDomainsDestroyed(tg, name),
		Steps: []resource.TestStep{
			{
				Config:      tg.ProviderConfig("") + configDomain(name),
				ExpectError: outputPattern("domainStatus CreationFailed", "kept in state as tainted"),
			},
			{
				// The failed domain is in state, tainted: once the service
				// recovers, the next apply replaces it.
				PreConfig: func() {
					cfg := tg.Emulator.RuntimeConfig()
					cfg.FailCreationNamePattern = ""
					if err := tg.Emulator.SetRuntimeConfig(cfg); err != nil {
						t.Fatal(err)
					}
				},
				Config: tg.ProviderConfig("") + configDomain(name),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(domainAddress, plancheck.ResourceActionDestroyBeforeCreate)},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(domainAddress, tfjsonpath.New("domain_status"), knownvalue.StringExact("Active")),
				},
			},
		},
	})
}

func TestAccDomain_createTimeout(t *testing.T) {
	tg := acctest.NewTarget(t, func(o *emulator.Options) {
		o.Runtime.ActivationDelay = emulator.Duration(time.Hour)
	})
	tg.RequireEmulator(t)
	name := acctest.RandomName("domain")

	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		// Destroy after the failed create proves that the domain was kept
		// in state: none is left behind.
		CheckDestroy: checkDomainsDestroyed(tg, name),
		Steps: []resource.TestStep{
			{
				Config:      tg.ProviderConfig("") + configDomainTimeout(name, "2s"),
				ExpectError: outputPattern("timed out after 2s before it became Active (last status: CreationInProgress)", "kept in state as tainted", "raise timeouts.create"),
			},
			{
				// The slow domain is in state, tainted: the next apply
				// replaces it.
				PreConfig: func() {
					cfg := tg.Emulator.RuntimeConfig()
					cfg.ActivationDelay = 0
					if err := tg.Emulator.SetRuntimeConfig(cfg); err != nil {
						t.Fatal(err)
					}
				},
				Config: tg.ProviderConfig("") + configDomainTimeout(name, "2s"),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(domainAddress, plancheck.ResourceActionDestroyBeforeCreate)},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(domainAddress, tfjsonpath.New("domain_status"), knownvalue.StringExact("Active")),
				},
			},
		},
	})
}

func TestAccDomain_nameConflict(t *testing.T) {
	tg := acctest.NewTarget(t)
	name := acctest.RandomName("domain")
	out, err := tg.Client.CreateDomain(context.Background(), &connectcases.CreateDomainInput{Name: aws.String(name)})
	if err != nil {
		t.Fatalf("creating the domain that takes the name: %v", err)
	}
	t.Cleanup(func() {
		_, _ = tg.Client.DeleteDomain(context.Background(), &connectcases.DeleteDomainInput{DomainId: out.DomainId})
	})

	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config:      tg.ProviderConfig("") + configDomain(name),
				ExpectError: outputPattern("name already in use", aws.ToString(out.DomainId), "terraform import"),
			},
		},
	})
	if got, err := tg.DomainNames(context.Background()); err != nil || len(got) != 1 {
		t.Errorf("domains after the conflict: %v (err %v), want only the one that held the name", got, err)
	}
}

func TestAccDomainDataSource_byIDAndName(t *testing.T) {
	tg := acctest.NewTarget(t)
	name := acctest.RandomName("domain")
	config := tg.ProviderConfig("") + configDomainTags(name, `env = "test"`) + `
data "cases_domain" "by_id" {
  domain_id = cases_domain.test.domain_id
}

data "cases_domain" "by_name" {
  name = cases_domain.test.name
}
`
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDomainsDestroyed(tg, name),
		Steps: []resource.TestStep{
			{
				Config: config,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.CompareValuePairs("data.cases_domain.by_id", tfjsonpath.New("domain_arn"), domainAddress, tfjsonpath.New("domain_arn"), compare.ValuesSame()),
					statecheck.CompareValuePairs("data.cases_domain.by_name", tfjsonpath.New("domain_id"), domainAddress, tfjsonpath.New("domain_id"), compare.ValuesSame()),
					statecheck.ExpectKnownValue("data.cases_domain.by_name", tfjsonpath.New("domain_status"), knownvalue.StringExact("Active")),
					statecheck.ExpectKnownValue("data.cases_domain.by_id", tfjsonpath.New("name"), knownvalue.StringExact(name)),
					statecheck.ExpectKnownValue("data.cases_domain.by_id", tfjsonpath.New("tags"), knownvalue.MapExact(map[string]knownvalue.Check{
						"env": knownvalue.StringExact("test"),
					})),
					statecheck.ExpectKnownValue("data.cases_domain.by_id", tfjsonpath.New("created_time"), knownvalue.StringRegexp(rfc3339UTCPattern)),
				},
			},
		},
	})
}

func TestAccDomainDataSource_validation(t *testing.T) {
	tg := acctest.NewTarget(t)
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config:      tg.ProviderConfig("") + `data "cases_domain" "test" {}`,
				ExpectError: outputPattern("Exactly one of these attributes must be configured: [domain_id,name]"),
			},
			{
				Config:      tg.ProviderConfig("") + `data "cases_domain" "test" { name = "no-such-domain" }`,
				ExpectError: outputPattern(`No Cases domain named "no-such-domain" exists`),
			},
		},
	})
}

func TestAccDomainsDataSource_basic(t *testing.T) {
	tg := acctest.NewTarget(t, func(o *emulator.Options) {
		o.Runtime.Quotas.DomainsPerAccountRegion = 12
	})
	tg.RequireEmulator(t)
	// More domains than one ListDomains page holds, so the data source must page.
	const count = 12
	names := make([]string, count)
	for i := range names {
		names[i] = fmt.Sprintf("%s-list-%02d", acctest.ResourcePrefix, i)
	}
	config := tg.ProviderConfig("") + fmt.Sprintf(`
variable "names" {
  type    = list(string)
  default = [%s]
}

resource "cases_domain" "many" {
  count = length(var.names)
  name  = var.names[count.index]
}

data "cases_domains" "all" {
  depends_on = [cases_domain.many]
}
`, `"`+strings.Join(names, `", "`)+`"`)

	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDomainsDestroyed(tg, names...),
		Steps: []resource.TestStep{
			{
				Config: config,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("data.cases_domains.all", tfjsonpath.New("domains"), knownvalue.ListSizeExact(count)),
					statecheck.ExpectKnownValue("data.cases_domains.all", tfjsonpath.New("domain_ids"), knownvalue.ListSizeExact(count)),
				},
				Check: func(s *terraform.State) error {
					ds := s.RootModule().Resources["data.cases_domains.all"].Primary.Attributes
					var got []string
					for i := range count {
						got = append(got, ds[fmt.Sprintf("domains.%d.name", i)])
					}
					slices.Sort(got)
					if !slices.Equal(got, names) {
						return fmt.Errorf("cases_domains names = %v, want %v", got, names)
					}
					return nil
				},
			},
		},
	})
}

// diagnosticPattern matches a diagnostic about attribute that states rule,
// however terraform wraps its lines.
func diagnosticPattern(attribute, rule string) *regexp.Regexp {
	return outputPattern("with cases_domain.test", attribute, rule)
}

// outputPattern matches terraform output holding these phrases in order,
// with any line wrapping between their words.
func outputPattern(phrases ...string) *regexp.Regexp {
	parts := make([]string, len(phrases))
	for i, p := range phrases {
		words := strings.Fields(p)
		for j, w := range words {
			words[j] = regexp.QuoteMeta(w)
		}
		parts[i] = strings.Join(words, `\s+`)
	}
	return regexp.MustCompile(`(?s)` + strings.Join(parts, `.*`))
}

func configDomain(name string) string {
	return fmt.Sprintf("resource \"cases_domain\" \"test\" {\n  name = %q\n}\n", name)
}

func configDomainTags(name, tags string) string {
	return fmt.Sprintf("resource \"cases_domain\" \"test\" {\n  name = %q\n  tags = { %s }\n}\n", name, tags)
}

func configDomainTimeout(name, create string) string {
	return fmt.Sprintf("resource \"cases_domain\" \"test\" {\n  name = %q\n  timeouts {\n    create = %q\n  }\n}\n", name, create)
}

// checkDomainExists asserts that the domain in state exists in the API.
func checkDomainExists(tg *acctest.Target, address string) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		id, err := primaryID(s, address)
		if err != nil {
			return err
		}
		_, err = tg.Client.GetDomain(context.Background(), &connectcases.GetDomainInput{DomainId: aws.String(id)})
		return err
	}
}

// checkDomainsDestroyed asserts that no domain of these names is left.
func checkDomainsDestroyed(tg *acctest.Target, names ...string) resource.TestCheckFunc {
	return func(*terraform.State) error {
		existing, err := tg.DomainNames(context.Background())
		if err != nil {
			return err
		}
		for _, got := range existing {
			if slices.Contains(names, got) {
				return fmt.Errorf("domain %q still exists after destroy", got)
			}
		}
		return nil
	}
}

func deleteDomainOutsideTerraform(tg *acctest.Target, address string) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		id, err := primaryID(s, address)
		if err != nil {
			return err
		}
		_, err = tg.Client.DeleteDomain(context.Background(), &connectcases.DeleteDomainInput{DomainId: aws.String(id)})
		return err
	}
}

func tagDomainOutsideTerraform(tg *acctest.Target, address, key, value string) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		arn := s.RootModule().Resources[address].Primary.Attributes["domain_arn"]
		_, err := tg.Client.TagResource(context.Background(), &connectcases.TagResourceInput{
			Arn: aws.String(arn), Tags: map[string]*string{key: aws.String(value)},
		})
		return err
	}
}

// checkAPITags asserts the tags the API holds, not just what state says.
func checkAPITags(tg *acctest.Target, address string, want map[string]string) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		id, err := primaryID(s, address)
		if err != nil {
			return err
		}
		out, err := tg.Client.GetDomain(context.Background(), &connectcases.GetDomainInput{DomainId: aws.String(id)})
		if err != nil {
			return err
		}
		got := map[string]string{}
		for k, v := range out.Tags {
			got[k] = aws.ToString(v)
		}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			return fmt.Errorf("API tags = %v, want %v", got, want)
		}
		return nil
	}
}

func primaryID(s *terraform.State, address string) (string, error) {
	rs, ok := s.RootModule().Resources[address]
	if !ok || rs.Primary == nil || rs.Primary.ID == "" {
		return "", fmt.Errorf("%s not in state", address)
	}
	return rs.Primary.ID, nil
}

func stateAttribute(address, attribute string) resource.ImportStateIdFunc {
	return func(s *terraform.State) (string, error) {
		rs, ok := s.RootModule().Resources[address]
		if !ok {
			return "", fmt.Errorf("%s not in state", address)
		}
		return rs.Primary.Attributes[attribute], nil
	}
}
