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
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/connect-cases/terraform-provider-cases/internal/acctest"
)

// configCaseRuleBody is a cases_case_rule "test" with body as its rule
// (required = {...}, hidden = {...} or field_options = {...}).
func configCaseRuleBody(name, body string) string {
	return fmt.Sprintf(`
resource "cases_case_rule" "test" {
  domain_id = cases_domain.test.domain_id
  name      = %q
%s
}
`, name, body)
}

// caseRuleHiddenCompound hides a field unless the policy is gold and the
// priority set, or the policy is platinum: and_all inside or_all.
const caseRuleHiddenCompound = `  hidden = {
    default_value = true
    conditions = [
      {
        or_all = [
          {
            and_all = [
              { equal_to = { field_id = cases_field.policy.field_id, string_value = "gold", result = false } },
              { not_equal_to = { field_id = cases_field.priority.field_id, empty_value = true, result = false } },
            ]
          },
          { equal_to = { field_id = cases_field.policy.field_id, string_value = "platinum", result = false } },
        ]
      },
    ]
  }`

// apiRule reads the rule of address from the API.
func apiRule(tg *acctest.Target, s *terraform.State, address string) (types.CaseRuleDetails, error) {
	rs, ok := s.RootModule().Resources[address]
	if !ok {
		return nil, fmt.Errorf("%s not in state", address)
	}
	out, err := tg.Client.BatchGetCaseRule(context.Background(), &connectcases.BatchGetCaseRuleInput{
		DomainId:  aws.String(rs.Primary.Attributes["domain_id"]),
		CaseRules: []types.CaseRuleIdentifier{{Id: aws.String(rs.Primary.Attributes["case_rule_id"])}},
	})
	if err != nil {
		return nil, err
	}
	if len(out.CaseRules) != 1 {
		return nil, fmt.Errorf("BatchGetCaseRule found no rule: %+v", out.Errors)
	}
	return out.CaseRules[0].Rule, nil
}

// updateAPIRule changes the rule of address behind Terraform's back.
func updateAPIRule(tg *acctest.Target, address string, rule types.CaseRuleDetails) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		rs := s.RootModule().Resources[address].Primary.Attributes
		_, err := tg.Client.UpdateCaseRule(context.Background(), &connectcases.UpdateCaseRuleInput{
			DomainId: aws.String(rs["domain_id"]), CaseRuleId: aws.String(rs["case_rule_id"]), Rule: rule,
		})
		return err
	}
}

func TestAccCaseRule_hidden(t *testing.T) {
	tg := acctest.NewTarget(t)
	domainName := acctest.RandomName("domain")
	base := tg.ProviderConfig("") + configDomainFields(domainName)
	config := base + configCaseRuleBody("Hide extras", caseRuleHiddenCompound)
	conditions := tfjsonpath.New("hidden").AtMapKey("conditions")

	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDomainsDestroyed(tg, domainName),
		Steps: []resource.TestStep{
			{
				Config: config,
				Check: func(s *terraform.State) error {
					rule, err := apiRule(tg, s, caseRuleAddress)
					if err != nil {
						return err
					}
					hidden, ok := rule.(*types.CaseRuleDetailsMemberHidden)
					if !ok || !aws.ToBool(hidden.Value.DefaultValue) || len(hidden.Value.Conditions) != 1 {
						return fmt.Errorf("API rule = %#v; want a hidden rule, default true, one condition", rule)
					}
					or, ok := hidden.Value.Conditions[0].(*types.BooleanConditionMemberOrAll)
					if !ok || len(or.Value.Conditions) != 2 {
						return fmt.Errorf("API condition = %#v; want orAll of 2", hidden.Value.Conditions[0])
					}
					if and, ok := or.Value.Conditions[0].(*types.BooleanConditionMemberAndAll); !ok || len(and.Value.Conditions) != 2 {
						return fmt.Errorf("API orAll[0] = %#v; want andAll of 2", or.Value.Conditions[0])
					}
					return nil
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(caseRuleAddress, tfjsonpath.New("required"), knownvalue.Null()),
					statecheck.ExpectKnownValue(caseRuleAddress, conditions.AtSliceIndex(0).AtMapKey("equal_to"), knownvalue.Null()),
					statecheck.ExpectKnownValue(caseRuleAddress, conditions.AtSliceIndex(0).AtMapKey("and_all"), knownvalue.Null()),
					statecheck.ExpectKnownValue(caseRuleAddress,
						conditions.AtSliceIndex(0).AtMapKey("or_all").AtSliceIndex(0).AtMapKey("and_all").AtSliceIndex(1).AtMapKey("not_equal_to").AtMapKey("empty_value"),
						knownvalue.Bool(true)),
					statecheck.ExpectKnownValue(caseRuleAddress,
						conditions.AtSliceIndex(0).AtMapKey("or_all").AtSliceIndex(1).AtMapKey("equal_to").AtMapKey("string_value"), knownvalue.StringExact("platinum")),
				},
			},
			{
				Config:           config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
			{ResourceName: caseRuleAddress, ImportState: true, ImportStateVerify: true},
			// Drift: the conditions changed outside Terraform are put back.
			{
				Config: config,
				Check: updateAPIRule(tg, caseRuleAddress, &types.CaseRuleDetailsMemberHidden{Value: types.HiddenCaseRule{DefaultValue: aws.Bool(false),
					Conditions: []types.BooleanCondition{}}}),
				ExpectNonEmptyPlan: true,
			},
			{
				Config:           config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(caseRuleAddress, plancheck.ResourceActionUpdate)}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(caseRuleAddress, tfjsonpath.New("hidden").AtMapKey("default_value"), knownvalue.Bool(true)),
				},
			},
			// A hidden rule becomes a required one in place (UpdateCaseRule
			// takes any CaseRuleDetails member), and back.
			{
				Config:           base + configCaseRuleBody("Hide extras", "  required = {\n"+caseRuleRequiredByPolicy+"\n  }"),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(caseRuleAddress, plancheck.ResourceActionUpdate)}},
				Check:            checkAPICaseRule(tg, caseRuleAddress, "Hide extras", 2),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(caseRuleAddress, tfjsonpath.New("hidden"), knownvalue.Null()),
				},
			},
			{
				Config:           config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(caseRuleAddress, plancheck.ResourceActionUpdate)}},
			},
			{ResourceName: caseRuleAddress, ImportState: true, ImportStateVerify: true},
		},
	})
}

// configCategoryFields adds two SingleSelect fields with options: category
// (billing, technical) and subcategory (refund, invoice, outage, bug).
const configCategoryFields = `
resource "cases_field" "category" {
  domain_id = cases_domain.test.domain_id
  name      = "Category"
  type      = "SingleSelect"
}

resource "cases_field_options" "category" {
  domain_id = cases_domain.test.domain_id
  field_id  = cases_field.category.field_id
  options = [
    { name = "Billing", value = "billing" },
    { name = "Technical", value = "technical" },
  ]
}

resource "cases_field" "subcategory" {
  domain_id = cases_domain.test.domain_id
  name      = "Subcategory"
  type      = "SingleSelect"
}

resource "cases_field_options" "subcategory" {
  domain_id = cases_domain.test.domain_id
  field_id  = cases_field.subcategory.field_id
  options = [
    { name = "Refund", value = "refund" },
    { name = "Invoice", value = "invoice" },
    { name = "Outage", value = "outage" },
    { name = "Bug", value = "bug" },
  ]
}
`

// caseRuleFieldOptions returns a field_options rule from category to
// subcategory; depends_on waits for the options the mappings name.
func caseRuleFieldOptions(mappings string) string {
	return fmt.Sprintf(`  field_options = {
    parent_field_id = cases_field_options.category.field_id
    child_field_id  = cases_field_options.subcategory.field_id
    mappings = {
%s
    }
  }`, mappings)
}

func TestAccCaseRule_fieldOptions(t *testing.T) {
	tg := acctest.NewTarget(t)
	domainName := acctest.RandomName("domain")
	base := tg.ProviderConfig("") + configDomain(domainName) + configCategoryFields
	config := base + configCaseRuleBody("Subcategory by category", caseRuleFieldOptions(`      billing   = ["refund", "invoice"]
      technical = ["outage", "bug"]`))
	mappings := tfjsonpath.New("field_options").AtMapKey("mappings")
	checkMappings := func(want string) resource.TestCheckFunc {
		return func(s *terraform.State) error {
			rule, err := apiRule(tg, s, caseRuleAddress)
			if err != nil {
				return err
			}
			fo, ok := rule.(*types.CaseRuleDetailsMemberFieldOptions)
			if !ok {
				return fmt.Errorf("API rule = %#v; want a fieldOptions rule", rule)
			}
			got := ""
			for _, m := range fo.Value.ParentChildFieldOptionsMappings {
				got += fmt.Sprintf("%s=%v ", aws.ToString(m.ParentFieldOptionValue), m.ChildFieldOptionValues)
			}
			if got != want {
				return fmt.Errorf("API mappings = %q, want %q", got, want)
			}
			return nil
		}
	}

	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDomainsDestroyed(tg, domainName),
		Steps: []resource.TestStep{
			{
				Config: config,
				Check:  checkMappings("billing=[refund invoice] technical=[outage bug] "),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(caseRuleAddress, mappings.AtMapKey("billing"), knownvalue.ListExact([]knownvalue.Check{
						knownvalue.StringExact("refund"), knownvalue.StringExact("invoice")})),
					statecheck.ExpectKnownValue(caseRuleAddress, tfjsonpath.New("required"), knownvalue.Null()),
				},
			},
			{
				Config:           config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
			{ResourceName: caseRuleAddress, ImportState: true, ImportStateVerify: true},
			// In place: a mapping dropped, one changed.
			{
				Config:           base + configCaseRuleBody("Subcategory by category", caseRuleFieldOptions(`      technical = ["bug"]`)),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(caseRuleAddress, plancheck.ResourceActionUpdate)}},
				Check:            checkMappings("technical=[bug] "),
			},
			// Drift: a mapping added outside Terraform is taken out again.
			{
				Config: base + configCaseRuleBody("Subcategory by category", caseRuleFieldOptions(`      technical = ["bug"]`)),
				Check: func(s *terraform.State) error {
					rs := s.RootModule().Resources[caseRuleAddress].Primary.Attributes
					return updateAPIRule(tg, caseRuleAddress, &types.CaseRuleDetailsMemberFieldOptions{Value: types.FieldOptionsCaseRule{
						ParentFieldId: aws.String(rs["field_options.parent_field_id"]), ChildFieldId: aws.String(rs["field_options.child_field_id"]),
						ParentChildFieldOptionsMappings: []types.ParentChildFieldOptionsMapping{
							{ParentFieldOptionValue: aws.String("technical"), ChildFieldOptionValues: []string{"bug"}},
							{ParentFieldOptionValue: aws.String("billing"), ChildFieldOptionValues: []string{"refund"}},
						},
					}})(s)
				},
				ExpectNonEmptyPlan: true,
			},
			{
				Config: base + configCaseRuleBody("Subcategory by category", caseRuleFieldOptions(`      technical = ["bug"]`)),
				Check:  checkMappings("technical=[bug] "),
			},
			{ResourceName: caseRuleAddress, ImportState: true, ImportStateVerify: true},
		},
	})
}

// TestAccCaseRule_featureValidation: every limit the model sets on the newer
// members fails the plan, with the real CLI, before any request.
func TestAccCaseRule_featureValidation(t *testing.T) {
	tg := acctest.NewTarget(t)
	cmp := func(v string) string {
		return fmt.Sprintf(`{ equal_to = { field_id = "f", string_value = %q, result = true } }`, v)
	}
	cases := []struct {
		name, body string
		phrases    []string
	}{
		{"no rule", ``, []string{"Invalid Attribute Combination", "No attribute specified", "[hidden,field_options]"}},
		{"required and hidden", `  required = { default_value = false, conditions = [] }
  hidden   = { default_value = false, conditions = [] }`, []string{"Invalid Attribute Combination", "2 attributes specified"}},
		{"hidden and field_options", `  hidden = { default_value = false, conditions = [] }
  field_options = { parent_field_id = "a", child_field_id = "b", mappings = { x = ["y"] } }`, []string{"Invalid Attribute Combination", "2 attributes specified"}},
		{"six comparisons", fmt.Sprintf(`  hidden = { default_value = false, conditions = [%s, %s, %s, %s, %s, %s] }`,
			cmp("1"), cmp("2"), cmp("3"), cmp("4"), cmp("5"), cmp("6")), []string{"Too many conditions in a case rule", "6 comparisons", "maximum of 5"}},
		{"six comparisons nested", fmt.Sprintf(`  required = { default_value = false, conditions = [{ or_all = [{ and_all = [%s, %s, %s] }, %s] }, { and_all = [%s, %s] }] }`,
			cmp("1"), cmp("2"), cmp("3"), cmp("4"), cmp("5"), cmp("6")), []string{"Too many conditions in a case rule", "6 comparisons"}},
		{"three levels of nesting", fmt.Sprintf(`  hidden = { default_value = false, conditions = [{ or_all = [{ and_all = [{ or_all = [%s] }] }] }] }`, cmp("1")),
			[]string{"Conditions nested too deep", "hidden.conditions[0].or_all[0].and_all[0].or_all", "at most 2 levels of nesting"}},
		{"comparison and compound in one condition", fmt.Sprintf(`  hidden = { default_value = false, conditions = [{ equal_to = { field_id = "f", string_value = "x", result = true }, and_all = [%s] }] }`, cmp("1")),
			[]string{"Invalid Attribute Combination", "2 attributes specified"}},
		{"operand string too long", fmt.Sprintf(`  hidden = { default_value = false, conditions = [{ and_all = [%s] }] }`, cmp(fmt.Sprintf("%01501d", 0))),
			[]string{"Invalid Attribute Value Length", "OperandTwo.stringValue"}},
		{"no mappings", `  field_options = { parent_field_id = "a", child_field_id = "b", mappings = {} }`,
			[]string{"Invalid Attribute Value", "at least 1"}},
		{"201 mappings", `  field_options = { parent_field_id = "a", child_field_id = "b", mappings = { for i in range(201) : "p${i}" => ["c"] } }`,
			[]string{"Invalid Attribute Value", "200"}},
		{"1501 child values", `  field_options = { parent_field_id = "a", child_field_id = "b", mappings = { p = concat([for i in range(1000) : "a${i}"], [for i in range(501) : "b${i}"]) } }`,
			[]string{"Invalid Attribute Value", "1500"}},
		{"parent value ending in a space", `  field_options = { parent_field_id = "a", child_field_id = "b", mappings = { "billing " = ["c"] } }`,
			[]string{"Invalid Attribute Value Match", "ParentChildFieldOptionsMapping.parentFieldOptionValue"}},
		{"child value too long", fmt.Sprintf(`  field_options = { parent_field_id = "a", child_field_id = "b", mappings = { p = [%q] } }`, fmt.Sprintf("%0101d", 0)),
			[]string{"Invalid Attribute Value Length", "childFieldOptionValues"}},
		{"empty parent field id", `  field_options = { parent_field_id = "", child_field_id = "b", mappings = { p = ["c"] } }`,
			[]string{"Invalid Attribute Value Length", "FieldOptionsCaseRule.parentFieldId"}},
	}
	var steps []resource.TestStep
	for _, c := range cases {
		steps = append(steps, resource.TestStep{
			Config:      tg.ProviderConfig("") + fmt.Sprintf("resource \"cases_case_rule\" \"test\" {\n  domain_id = \"d\"\n  name = \"R\"\n%s\n}\n", c.body),
			PlanOnly:    true,
			ExpectError: outputPattern(c.phrases...),
		})
	}
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps:                    steps,
	})
	if n := tg.APIRequests(); n > 0 {
		t.Errorf("invalid case rules reached the API: %d requests, want none", n)
	}
}
