package cases_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/connectcases"
	"github.com/aws/aws-sdk-go-v2/service/connectcases/types"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/querycheck"
	"github.com/hashicorp/terraform-plugin-testing/querycheck/queryfilter"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/connect-cases/terraform-provider-cases/internal/acctest"
	"github.com/connect-cases/terraform-provider-cases/internal/emulator"
)

// List resources and `terraform query` need Terraform 1.14 or later; no
// OpenTofu release has them.
var queryVersionChecks = []tfversion.TerraformVersionCheck{
	acctest.SkipBelow("terraform query with list resources", tfversion.Version1_14_0, nil),
}

// queryDomainChildren is a .tfquery.hcl that lists the test's one domain and
// then, in it, the entities of listType with their resources (up to 1000;
// Terraform stops at 100 unless told).
func queryDomainChildren(listType string) string {
	return fmt.Sprintf(`
list "cases_domain" "all" {
  provider = cases
}

list %q "all" {
  provider         = cases
  include_resource = true
  limit            = 1000
  config {
    domain_id = list.cases_domain.all.data[0].identity.domain_id
  }
}
`, listType)
}

// byName picks the listed resource Terraform shows as name.
func byName(name string) queryfilter.QueryFilter {
	return queryfilter.ByDisplayName(knownvalue.StringExact(name))
}

// listIdentity expects a listed identity: the test's account and region
// and these ids (nil: any value).
func listIdentity(tg *acctest.Target, address string, ids map[string]knownvalue.Check) querycheck.QueryResultCheck {
	want := map[string]knownvalue.Check{"account_id": expectedAccount(), "region": knownvalue.StringExact(tg.Region)}
	for k, v := range ids {
		want[k] = v
	}
	return querycheck.ExpectIdentity(address, want)
}

func knownValue(attribute string, check knownvalue.Check) querycheck.KnownValueCheck {
	return querycheck.KnownValueCheck{Path: tfjsonpath.New(attribute), KnownValue: check}
}

// captureDomainID stores the domain_id of cases_domain.test.
func captureDomainID(id *string) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		*id = s.RootModule().Resources[domainAddress].Primary.Attributes["domain_id"]
		return nil
	}
}

// More domains than one ListDomains page (10) holds: the list resource
// follows the pages, and a list block's limit stops it early.
func TestAccDomain_listQuery(t *testing.T) {
	const extra = 11
	tg := acctest.NewTarget(t, func(o *emulator.Options) { o.Runtime.Quotas.DomainsPerAccountRegion = extra + 1 })
	tg.RequireEmulator(t) // fills an account with domains
	name := acctest.RandomName("domain")
	config := tg.ProviderConfig("") + configDomainTags(name, `team = "claims"`)

	resource.ParallelTest(t, resource.TestCase{
		TerraformVersionChecks:   queryVersionChecks,
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDomainsDestroyed(tg, name),
		Steps: []resource.TestStep{
			{
				Config: config,
				Check: func(*terraform.State) error {
					for i := range extra {
						if _, err := tg.Client.CreateDomain(context.Background(), &connectcases.CreateDomainInput{Name: aws.String(fmt.Sprintf("%s-other-%02d", name, i))}); err != nil {
							return err
						}
					}
					return nil
				},
			},
			{
				Query: true,
				Config: `
list "cases_domain" "all" {
  provider         = cases
  include_resource = true
}

list "cases_domain" "three" {
  provider = cases
  limit    = 3
}
`,
				QueryResultChecks: []querycheck.QueryResultCheck{
					querycheck.ExpectLength("cases_domain.all", extra+1),
					querycheck.ExpectLength("cases_domain.three", 3),
					listIdentity(tg, "cases_domain.all", map[string]knownvalue.Check{"domain_id": knownvalue.NotNull()}),
					querycheck.ExpectResourceDisplayName("cases_domain.all", byName(name), knownvalue.StringExact(name)),
					querycheck.ExpectResourceKnownValues("cases_domain.all", byName(name), []querycheck.KnownValueCheck{
						knownValue("name", knownvalue.StringExact(name)),
						knownValue("domain_status", knownvalue.StringExact("Active")),
						knownValue("tags", knownvalue.MapExact(map[string]knownvalue.Check{"team": knownvalue.StringExact("claims")})),
					}),
				},
			},
		},
	})
}

// More custom fields than one ListFields page (100) holds, beside the 13
// system fields, which the list leaves out.
func TestAccField_listQuery(t *testing.T) {
	const extra = 104
	tg := acctest.NewTarget(t)
	tg.RequireEmulator(t) // creates a hundred fields quickly
	name := acctest.RandomName("domain")
	config := tg.ProviderConfig("") + configDomain(name) + configField("Policy number", "Text", "The customer's policy")
	var domainID string

	resource.ParallelTest(t, resource.TestCase{
		TerraformVersionChecks:   queryVersionChecks,
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDomainsDestroyed(tg, name),
		Steps: []resource.TestStep{
			{
				Config: config,
				Check: resource.ComposeTestCheckFunc(captureDomainID(&domainID), func(*terraform.State) error {
					for i := range extra {
						if _, err := tg.Client.CreateField(context.Background(), &connectcases.CreateFieldInput{
							DomainId: aws.String(domainID), Name: aws.String(fmt.Sprintf("Extra %03d", i)), Type: types.FieldTypeNumber,
						}); err != nil {
							return err
						}
					}
					return nil
				}),
			},
			{
				Query:  true,
				Config: queryDomainChildren("cases_field"),
				QueryResultChecks: []querycheck.QueryResultCheck{
					querycheck.ExpectLength("cases_field.all", extra+1),
					listIdentity(tg, "cases_field.all", map[string]knownvalue.Check{"domain_id": knownvalue.NotNull(), "field_id": knownvalue.NotNull()}),
					querycheck.ExpectResourceKnownValues("cases_field.all", byName("Policy number"), []querycheck.KnownValueCheck{
						knownValue("type", knownvalue.StringExact("Text")),
						knownValue("description", knownvalue.StringExact("The customer's policy")),
						knownValue("namespace", knownvalue.StringExact("Custom")),
					}),
					querycheck.ExpectResourceKnownValues("cases_field.all", byName("Extra 103"), []querycheck.KnownValueCheck{
						knownValue("type", knownvalue.StringExact("Number")),
					}),
				},
			},
		},
	})
}

// testListQuery applies the template test's configuration (two fields, a
// layout, a case rule, a template) and lists the entities of listType.
func testListQuery(t *testing.T, listType, displayName string, values ...querycheck.KnownValueCheck) {
	t.Helper()
	tg := acctest.NewTarget(t)
	name := acctest.RandomName("domain")
	config := tg.ProviderConfig("") + configTemplateDeps(name) + configTemplate(templateFull)
	address := listType + ".all"
	idName := map[string]string{"cases_layout": "layout_id", "cases_template": "template_id", "cases_case_rule": "case_rule_id"}[listType]

	resource.ParallelTest(t, resource.TestCase{
		TerraformVersionChecks:   queryVersionChecks,
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDomainsDestroyed(tg, name),
		Steps: []resource.TestStep{
			{Config: config},
			{
				Query:  true,
				Config: queryDomainChildren(listType),
				QueryResultChecks: []querycheck.QueryResultCheck{
					querycheck.ExpectLength(address, 1),
					listIdentity(tg, address, map[string]knownvalue.Check{"domain_id": knownvalue.NotNull(), idName: knownvalue.NotNull()}),
					querycheck.ExpectResourceDisplayName(address, byName(displayName), knownvalue.StringExact(displayName)),
					querycheck.ExpectResourceKnownValues(address, byName(displayName), values),
				},
			},
		},
	})
}

func TestAccLayout_listQuery(t *testing.T) {
	testListQuery(t, "cases_layout", "Claims",
		knownValue("name", knownvalue.StringExact("Claims")),
		knownValue("content", knownvalue.NotNull()),
	)
}

func TestAccTemplate_listQuery(t *testing.T) {
	testListQuery(t, "cases_template", "Claim",
		knownValue("description", knownvalue.StringExact("An insurance claim")),
		knownValue("status", knownvalue.StringExact("Active")),
		knownValue("required_fields", knownvalue.SetSizeExact(2)),
	)
}

func TestAccCaseRule_listQuery(t *testing.T) {
	testListQuery(t, "cases_case_rule", "Gold needs priority",
		knownValue("name", knownvalue.StringExact("Gold needs priority")),
		knownValue("required", knownvalue.NotNull()),
	)
}
