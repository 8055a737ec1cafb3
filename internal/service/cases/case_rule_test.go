package cases_test

import (
	"context"
	"fmt"
	"regexp"
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

const caseRuleAddress = "cases_case_rule.test"

var caseRuleARNPattern = regexp.MustCompile(`^arn:aws:cases:[a-z0-9-]+:\d{12}:domain/[0-9a-f-]{36}/case-rule/[0-9a-f-]{36}$`)

func configCaseRule(name, required, extra string) string {
	return fmt.Sprintf(`
resource "cases_case_rule" "test" {
  domain_id = cases_domain.test.domain_id
  name      = %q
  required = {
%s
  }
%s
}
`, name, required, extra)
}

const caseRuleRequiredByPolicy = `    default_value = false
    conditions = [
      { equal_to = { field_id = cases_field.policy.field_id, string_value = "gold", result = true } },
      { not_equal_to = { field_id = cases_field.priority.field_id, empty_value = true, result = true } },
    ]`

func TestAccCaseRule_basic(t *testing.T) {
	tg := acctest.NewTarget(t)
	domainName := acctest.RandomName("domain")
	config := tg.ProviderConfig("") + configDomainFields(domainName) + configCaseRule("Gold needs priority", caseRuleRequiredByPolicy, `  description = "Gold policies need a priority"`)

	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDomainsDestroyed(tg, domainName),
		Steps: []resource.TestStep{
			{
				Config: config,
				Check:  checkAPICaseRule(tg, caseRuleAddress, "Gold needs priority", 2),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(caseRuleAddress, tfjsonpath.New("case_rule_arn"), knownvalue.StringRegexp(caseRuleARNPattern)),
					statecheck.ExpectKnownValue(caseRuleAddress, tfjsonpath.New("required").AtMapKey("conditions").AtSliceIndex(0).AtMapKey("not_equal_to"), knownvalue.Null()),
					statecheck.ExpectKnownValue(caseRuleAddress, tfjsonpath.New("required").AtMapKey("conditions").AtSliceIndex(1).AtMapKey("not_equal_to").AtMapKey("empty_value"), knownvalue.Bool(true)),
				},
			},
			{
				Config:           config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
			{ResourceName: caseRuleAddress, ImportState: true, ImportStateVerify: true},
			{ResourceName: caseRuleAddress, ImportState: true, ImportStateVerify: true, ImportStateIdFunc: stateAttribute(caseRuleAddress, "case_rule_arn")},
		},
	})
}

func TestAccCaseRule_update(t *testing.T) {
	tg := acctest.NewTarget(t)
	domainName := acctest.RandomName("domain")
	base := tg.ProviderConfig("") + configDomainFields(domainName)
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDomainsDestroyed(tg, domainName),
		Steps: []resource.TestStep{
			{Config: base + configCaseRule("Rule", caseRuleRequiredByPolicy, `  description = "first"`)},
			{
				Config: base + configCaseRule("Rule renamed", `    default_value = true
    conditions = [
      { equal_to = { field_id = cases_field.priority.field_id, double_value = 1.5, result = false } },
      { equal_to = { field_id = "summary", boolean_value = false, result = false } },
      { equal_to = { field_id = "summary", string_value = "x", result = false } },
    ]`, `  tags = { team = "claims" }`),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(caseRuleAddress, plancheck.ResourceActionUpdate)}},
				Check:            checkAPICaseRule(tg, caseRuleAddress, "Rule renamed", 3),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(caseRuleAddress, tfjsonpath.New("description"), knownvalue.Null()),
					statecheck.ExpectKnownValue(caseRuleAddress, tfjsonpath.New("required").AtMapKey("conditions").AtSliceIndex(0).AtMapKey("equal_to").AtMapKey("double_value"), knownvalue.Float64Exact(1.5)),
				},
			},
			{ResourceName: caseRuleAddress, ImportState: true, ImportStateVerify: true},
		},
	})
}

func TestAccCaseRule_disappears(t *testing.T) {
	tg := acctest.NewTarget(t)
	domainName := acctest.RandomName("domain")
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDomainsDestroyed(tg, domainName),
		Steps: []resource.TestStep{
			{
				Config: tg.ProviderConfig("") + configDomainFields(domainName) + configCaseRule("Rule", caseRuleRequiredByPolicy, ""),
				Check: func(s *terraform.State) error {
					rs := s.RootModule().Resources[caseRuleAddress].Primary.Attributes
					_, err := tg.Client.DeleteCaseRule(context.Background(), &connectcases.DeleteCaseRuleInput{DomainId: aws.String(rs["domain_id"]), CaseRuleId: aws.String(rs["case_rule_id"])})
					return err
				},
				ExpectNonEmptyPlan: true,
			},
		},
	})
}

func TestAccCaseRule_validation(t *testing.T) {
	tg := acctest.NewTarget(t)
	cases := []struct {
		name, required string
		phrases        []string
	}{
		{"both operators", `default_value = false
    conditions = [{ equal_to = { field_id = "f", string_value = "x", result = true }, not_equal_to = { field_id = "f", string_value = "x", result = true } }]`,
			[]string{"Invalid Attribute Combination", "with cases_case_rule.test", "not_equal_to"}},
		{"no operator", `default_value = false
    conditions = [{}]`, []string{"Invalid Attribute Combination", "with cases_case_rule.test", "No attribute specified"}},
		{"two values", `default_value = false
    conditions = [{ equal_to = { field_id = "f", string_value = "x", boolean_value = true, result = true } }]`,
			[]string{"Invalid Attribute Combination", "with cases_case_rule.test", "2 attributes specified", "string_value", "boolean_value"}},
		{"no value", `default_value = false
    conditions = [{ equal_to = { field_id = "f", result = true } }]`,
			[]string{"Invalid Attribute Combination", "with cases_case_rule.test", "No attribute specified", "string_value", "boolean_value"}},
		{"empty_value false", `default_value = false
    conditions = [{ equal_to = { field_id = "f", empty_value = false, result = true } }]`,
			[]string{"Invalid value", "with cases_case_rule.test", "empty_value must be true when set"}},
	}
	var steps []resource.TestStep
	for _, c := range cases {
		steps = append(steps, resource.TestStep{
			Config:      tg.ProviderConfig("") + fmt.Sprintf("resource \"cases_case_rule\" \"test\" {\n  domain_id = \"d\"\n  name = \"R\"\n  required = {\n    %s\n  }\n}\n", c.required),
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

// checkAPICaseRule asserts the name and the number of conditions of the
// required rule the API holds.
func checkAPICaseRule(tg *acctest.Target, address, name string, conditions int) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		rs, ok := s.RootModule().Resources[address]
		if !ok {
			return fmt.Errorf("%s not in state", address)
		}
		out, err := tg.Client.BatchGetCaseRule(context.Background(), &connectcases.BatchGetCaseRuleInput{
			DomainId:  aws.String(rs.Primary.Attributes["domain_id"]),
			CaseRules: []types.CaseRuleIdentifier{{Id: aws.String(rs.Primary.Attributes["case_rule_id"])}},
		})
		if err != nil {
			return err
		}
		if len(out.CaseRules) != 1 {
			return fmt.Errorf("BatchGetCaseRule found no rule: %+v", out.Errors)
		}
		got := out.CaseRules[0]
		required, ok := got.Rule.(*types.CaseRuleDetailsMemberRequired)
		if !ok || aws.ToString(got.Name) != name || len(required.Value.Conditions) != conditions {
			return fmt.Errorf("API rule = %q %#v; want %q with %d conditions", aws.ToString(got.Name), got.Rule, name, conditions)
		}
		return nil
	}
}
