package cases_test

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/connect-cases/terraform-provider-cases/internal/acctest"
)

// TestAccCaseRuleDataSource_basic reads a hidden rule with a compound
// condition and a field_options rule back through cases_case_rule (by id
// and by name), lists them with cases_case_rules, and reads options with
// cases_field_options.
func TestAccCaseRuleDataSource_basic(t *testing.T) {
	tg := acctest.NewTarget(t)
	domainName := acctest.RandomName("domain")
	config := tg.ProviderConfig("") + configDomainFields(domainName) + configCategoryFields +
		configCaseRuleBody("Hide extras", caseRuleHiddenCompound) + `
resource "cases_case_rule" "options" {
  domain_id = cases_domain.test.domain_id
  name      = "Subcategory by category"
  field_options = {
    parent_field_id = cases_field_options.category.field_id
    child_field_id  = cases_field_options.subcategory.field_id
    mappings        = { billing = ["refund", "invoice"] }
  }
}

data "cases_case_rule" "by_id" {
  domain_id    = cases_domain.test.domain_id
  case_rule_id = cases_case_rule.test.case_rule_id
}

data "cases_case_rule" "by_name" {
  domain_id = cases_domain.test.domain_id
  name      = cases_case_rule.options.name
}

data "cases_case_rules" "all" {
  domain_id  = cases_domain.test.domain_id
  depends_on = [cases_case_rule.test, cases_case_rule.options]
}

data "cases_field_options" "all" {
  domain_id = cases_domain.test.domain_id
  field_id  = cases_field_options.subcategory.field_id
}

data "cases_field_options" "one" {
  domain_id = cases_domain.test.domain_id
  field_id  = cases_field_options.subcategory.field_id
  value     = "outage"
}

data "cases_field_options" "status" {
  domain_id = cases_domain.test.domain_id
  field_id  = "status"
}
`
	hiddenConditions := tfjsonpath.New("hidden").AtMapKey("conditions")
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDomainsDestroyed(tg, domainName),
		Steps: []resource.TestStep{{
			Config: config,
			Check: resource.ComposeAggregateTestCheckFunc(
				resource.TestCheckResourceAttrPair("data.cases_case_rule.by_id", "hidden.conditions.0.or_all.0.and_all.0.equal_to.field_id", "cases_field.policy", "field_id"),
				resource.TestCheckResourceAttrPair("data.cases_case_rule.by_id", "case_rule_arn", caseRuleAddress, "case_rule_arn"),
				resource.TestCheckResourceAttrPair("data.cases_case_rule.by_name", "case_rule_id", "cases_case_rule.options", "case_rule_id"),
				resource.TestCheckResourceAttrPair("data.cases_case_rule.by_name", "field_options.child_field_id", "cases_field.subcategory", "field_id"),
				resource.TestCheckTypeSetElemAttr("data.cases_field_options.all", "values.*", "refund"),
				resource.TestCheckTypeSetElemAttr("data.cases_field_options.all", "values.*", "invoice"),
				resource.TestCheckTypeSetElemAttr("data.cases_field_options.all", "values.*", "outage"),
				resource.TestCheckTypeSetElemAttr("data.cases_field_options.all", "values.*", "bug"),
			),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.cases_case_rule.by_id", hiddenConditions.AtSliceIndex(0).AtMapKey("or_all").AtSliceIndex(1).AtMapKey("equal_to").AtMapKey("string_value"),
					knownvalue.StringExact("platinum")),
				statecheck.ExpectKnownValue("data.cases_case_rule.by_id", tfjsonpath.New("required"), knownvalue.Null()),
				statecheck.ExpectKnownValue("data.cases_case_rule.by_name", tfjsonpath.New("field_options").AtMapKey("mappings"), knownvalue.MapExact(map[string]knownvalue.Check{
					"billing": knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact("refund"), knownvalue.StringExact("invoice")}),
				})),
				statecheck.ExpectKnownValue("data.cases_case_rules.all", tfjsonpath.New("case_rules"), knownvalue.SetPartial([]knownvalue.Check{
					knownvalue.ObjectPartial(map[string]knownvalue.Check{"name": knownvalue.StringExact("Hide extras"), "rule_type": knownvalue.StringExact("Hidden")}),
					knownvalue.ObjectPartial(map[string]knownvalue.Check{"name": knownvalue.StringExact("Subcategory by category"), "rule_type": knownvalue.StringExact("FieldOptions")}),
				})),
				statecheck.ExpectKnownValue("data.cases_case_rules.all", tfjsonpath.New("case_rule_ids"), knownvalue.ListSizeExact(2)),
				// The API returns options in the order they were created, and
				// cases_field_options writes a set, whose order is not the
				// configuration's: check membership, not position.
				statecheck.ExpectKnownValue("data.cases_field_options.all", tfjsonpath.New("values"), knownvalue.ListSizeExact(4)),
				statecheck.ExpectKnownValue("data.cases_field_options.one", tfjsonpath.New("options"), knownvalue.ListExact([]knownvalue.Check{
					knownvalue.ObjectExact(map[string]knownvalue.Check{"name": knownvalue.StringExact("Outage"), "value": knownvalue.StringExact("outage"), "active": knownvalue.Bool(true)})})),
				statecheck.ExpectKnownValue("data.cases_field_options.status", tfjsonpath.New("values"), knownvalue.ListPartial(map[int]knownvalue.Check{0: knownvalue.NotNull()})),
			},
		}},
	})
}

func TestAccCaseRuleDataSource_validation(t *testing.T) {
	tg := acctest.NewTarget(t)
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config:      tg.ProviderConfig("") + "data \"cases_case_rule\" \"x\" {\n  domain_id = \"d\"\n}\n",
				PlanOnly:    true,
				ExpectError: outputPattern("Missing Attribute Configuration", "Exactly one of these attributes must be configured: [case_rule_id,name]"),
			},
			{
				Config:      tg.ProviderConfig("") + "data \"cases_field_options\" \"x\" {\n  domain_id = \"d\"\n  field_id = \"f\"\n  value = \"x\"\n}\ndata \"cases_case_rule\" \"y\" {\n  domain_id = \"d\"\n  name = \"trailing \"\n}\n",
				PlanOnly:    true,
				ExpectError: outputPattern("Invalid Attribute Value Match", "CreateCaseRuleRequest.name"),
			},
		},
	})
}
