package cases_test

import (
	"fmt"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/connect-cases/terraform-provider-cases/internal/acctest"
)

// Import by resource identity needs Terraform (or OpenTofu) 1.12 or later;
// older CLIs skip these tests (and never see identities: the provider
// serves them only to CLIs that ask).
var identityVersionChecks = []tfversion.TerraformVersionCheck{
	acctest.SkipBelow("import by resource identity", tfversion.Version1_12_0, tfversion.Version1_12_0),
}

// expectedAccount is the account_id every identity holds.
func expectedAccount() knownvalue.Check {
	if acctest.OnAWS() {
		return knownvalue.StringRegexp(regexp.MustCompile(`^\d{12}$`))
	}
	return knownvalue.StringExact(acctest.EmulatorAccount)
}

// identityChecks asserts the identity of address: account_id and region,
// then each of ids, which has the same name and value in state.
func identityChecks(tg *acctest.Target, address string, ids ...string) []statecheck.StateCheck {
	want := map[string]knownvalue.Check{
		"account_id": expectedAccount(),
		"region":     knownvalue.StringExact(tg.Region),
	}
	checks := []statecheck.StateCheck{}
	for _, id := range ids {
		want[id] = knownvalue.NotNull()
		checks = append(checks, statecheck.ExpectIdentityValueMatchesStateAtPath(address, tfjsonpath.New(id), tfjsonpath.New(id)))
	}
	return append([]statecheck.StateCheck{statecheck.ExpectIdentity(address, want)}, checks...)
}

// testImportByIdentity applies config, checks the identity of address, then
// imports address with an import block that gives only its identity and
// expects a plan with nothing to change.
func testImportByIdentity(t *testing.T, tg *acctest.Target, config, address string, destroyed resource.TestCheckFunc, ids ...string) {
	t.Helper()
	resource.ParallelTest(t, resource.TestCase{
		TerraformVersionChecks:   identityVersionChecks,
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             destroyed,
		Steps: []resource.TestStep{
			{
				Config:            config,
				ConfigStateChecks: identityChecks(tg, address, ids...),
			},
			{
				Config:          config,
				ResourceName:    address,
				ImportState:     true,
				ImportStateKind: resource.ImportBlockWithResourceIdentity,
			},
		},
	})
}

func TestAccDomain_importByIdentity(t *testing.T) {
	tg := acctest.NewTarget(t)
	name := acctest.RandomName("domain")
	testImportByIdentity(t, tg, tg.ProviderConfig("")+configDomain(name), domainAddress, checkDomainsDestroyed(tg, name), "domain_id")
}

func TestAccField_importByIdentity(t *testing.T) {
	tg := acctest.NewTarget(t)
	name := acctest.RandomName("domain")
	config := tg.ProviderConfig("") + configDomain(name) + configField("Policy number", "Text", "")
	testImportByIdentity(t, tg, config, fieldAddress, checkDomainsDestroyed(tg, name), "domain_id", "field_id")
}

func TestAccFieldOptions_importByIdentity(t *testing.T) {
	tg := acctest.NewTarget(t)
	name := acctest.RandomName("domain")
	config := tg.ProviderConfig("") + configDomain(name) + configField("Policy type", "SingleSelect", "") +
		configFieldOptions([]option{{"Car", "car", true}, {"Home", "home", true}})
	testImportByIdentity(t, tg, config, fieldOptionsAddress, checkDomainsDestroyed(tg, name), "domain_id", "field_id")
}

func TestAccLayout_importByIdentity(t *testing.T) {
	tg := acctest.NewTarget(t)
	name := acctest.RandomName("domain")
	config := tg.ProviderConfig("") + configDomainFields(name) + configLayout("Claims", layoutContentTwoPanels, "")
	testImportByIdentity(t, tg, config, layoutAddress, checkDomainsDestroyed(tg, name), "domain_id", "layout_id")
}

func TestAccTemplate_importByIdentity(t *testing.T) {
	tg := acctest.NewTarget(t)
	name := acctest.RandomName("domain")
	config := tg.ProviderConfig("") + configTemplateDeps(name) + configTemplate(templateFull)
	testImportByIdentity(t, tg, config, templateAddress, checkDomainsDestroyed(tg, name), "domain_id", "template_id")
}

func TestAccCaseRule_importByIdentity(t *testing.T) {
	tg := acctest.NewTarget(t)
	name := acctest.RandomName("domain")
	config := tg.ProviderConfig("") + configDomainFields(name) + configCaseRule("Gold needs priority", caseRuleRequiredByPolicy, "")
	testImportByIdentity(t, tg, config, caseRuleAddress, checkDomainsDestroyed(tg, name), "domain_id", "case_rule_id")
}

func TestAccCaseEventConfiguration_importByIdentity(t *testing.T) {
	tg := acctest.NewTarget(t)
	name := acctest.RandomName("domain")
	config := tg.ProviderConfig("") + configDomainFields(name) + configEventConfiguration(`  enabled        = true
  case_field_ids = [cases_field.policy.field_id, "status"]`)
	testImportByIdentity(t, tg, config, eventConfigurationAddress, checkDomainsDestroyed(tg, name), "domain_id")
}

func TestAccInstanceAssociation_importByIdentity(t *testing.T) {
	tg := acctest.NewTarget(t)
	instanceID := tg.ConnectInstance(t)
	nameA, nameB := acctest.RandomName("domain"), acctest.RandomName("domain")
	config := tg.ProviderConfig("") + configTwoDomains(nameA, nameB) + configInstanceAssociation(instanceID, "a")
	testImportByIdentity(t, tg, config, instanceAssociationAddress, checkDomainsDestroyed(tg, nameA, nameB), "instance_id", "association_id")
}

// An identity that names another account or region is refused, naming the
// account or region the provider reaches.
func TestAccDomain_importByIdentityElsewhere(t *testing.T) {
	tg := acctest.NewTarget(t)
	tg.RequireEmulator(t) // the account the error names
	name := acctest.RandomName("domain")
	config := tg.ProviderConfig("") + configDomain(name)
	importElsewhere := func(attribute, value string) string {
		return config + fmt.Sprintf(`
import {
  to = cases_domain.imported
  identity = {
    domain_id = cases_domain.test.domain_id
    %s = %q
  }
}

resource "cases_domain" "imported" {
  name = %q
}
`, attribute, value, name)
	}

	resource.ParallelTest(t, resource.TestCase{
		TerraformVersionChecks:   identityVersionChecks,
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDomainsDestroyed(tg, name),
		Steps: []resource.TestStep{
			{Config: config},
			{
				Config:      importElsewhere("account_id", "999999999999"),
				ExpectError: outputPattern(`identity says account_id "999999999999"`, `reached this resource in account "`+acctest.EmulatorAccount+`"`),
			},
			{
				Config:      importElsewhere("region", "eu-west-1"),
				ExpectError: outputPattern(`identity names region "eu-west-1" but the provider is configured for "` + tg.Region + `"`),
			},
		},
	})
}
