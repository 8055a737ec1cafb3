package cases_test

import (
	"context"
	"fmt"
	"regexp"
	"sort"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/connectcases"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/connect-cases/terraform-provider-cases/internal/acctest"
)

const templateAddress = "cases_template.test"

var templateARNPattern = regexp.MustCompile(`^arn:aws:cases:[a-z0-9-]+:\d{12}:domain/[0-9a-f-]{36}/template/[0-9a-f-]{36}$`)

// configTemplateDeps is a domain with fields, a layout and a case rule for
// templates to reference.
func configTemplateDeps(domainName string) string {
	return configDomainFields(domainName) + configLayout("Claims", layoutContentTwoPanels, "") + configCaseRule("Gold needs priority", caseRuleRequiredByPolicy, "")
}

func configTemplate(body string) string {
	return fmt.Sprintf(`
resource "cases_template" "test" {
  domain_id = cases_domain.test.domain_id
%s
}
`, body)
}

const templateFull = `  name        = "Claim"
  description = "An insurance claim"
  layout_configuration = {
    default_layout = cases_layout.test.layout_id
  }
  required_fields = [cases_field.policy.field_id, "summary"]
  rules = [{
    case_rule_id = cases_case_rule.test.case_rule_id
    field_id     = cases_field.priority.field_id
  }]`

func TestAccTemplate_basic(t *testing.T) {
	tg := acctest.NewTarget(t)
	domainName := acctest.RandomName("domain")
	config := tg.ProviderConfig("") + configTemplateDeps(domainName) + configTemplate(templateFull)

	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDomainsDestroyed(tg, domainName),
		Steps: []resource.TestStep{
			{
				Config: config,
				Check: resource.ComposeAggregateTestCheckFunc(
					checkAPITemplate(tg, templateAddress, "Claim", "Active", 2, 1),
					resource.TestCheckResourceAttrPair(templateAddress, "layout_configuration.default_layout", layoutAddress, "layout_id"),
					resource.TestCheckTypeSetElemAttrPair(templateAddress, "required_fields.*", "cases_field.policy", "field_id"),
					resource.TestCheckTypeSetElemAttr(templateAddress, "required_fields.*", "summary"),
				),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(templateAddress, tfjsonpath.New("template_arn"), knownvalue.StringRegexp(templateARNPattern)),
					statecheck.ExpectKnownValue(templateAddress, tfjsonpath.New("status"), knownvalue.StringExact("Active")),
				},
			},
			{
				// Order of required fields does not matter.
				Config: tg.ProviderConfig("") + configTemplateDeps(domainName) + configTemplate(
					`  name        = "Claim"
  description = "An insurance claim"
  layout_configuration = {
    default_layout = cases_layout.test.layout_id
  }
  required_fields = ["summary", cases_field.policy.field_id]
  rules = [{
    case_rule_id = cases_case_rule.test.case_rule_id
    field_id     = cases_field.priority.field_id
  }]`),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
			{ResourceName: templateAddress, ImportState: true, ImportStateVerify: true},
			{ResourceName: templateAddress, ImportState: true, ImportStateVerify: true, ImportStateIdFunc: stateAttribute(templateAddress, "template_arn")},
		},
	})
}

func TestAccTemplate_update(t *testing.T) {
	tg := acctest.NewTarget(t)
	domainName := acctest.RandomName("domain")
	base := tg.ProviderConfig("") + configTemplateDeps(domainName)
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDomainsDestroyed(tg, domainName),
		Steps: []resource.TestStep{
			{
				Config: base + configTemplate(`  name = "Minimal"`),
				Check:  checkAPITemplate(tg, templateAddress, "Minimal", "Active", 0, 0),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(templateAddress, tfjsonpath.New("layout_configuration"), knownvalue.Null()),
					statecheck.ExpectKnownValue(templateAddress, tfjsonpath.New("required_fields"), knownvalue.Null()),
					statecheck.ExpectKnownValue(templateAddress, tfjsonpath.New("rules"), knownvalue.Null()),
				},
			},
			{
				Config:           base + configTemplate(templateFull+"\n  status = \"Inactive\"\n  tags = { team = \"claims\" }"),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(templateAddress, plancheck.ResourceActionUpdate)}},
				Check:            checkAPITemplate(tg, templateAddress, "Claim", "Inactive", 2, 1),
			},
			{
				// Removing everything optional clears it in the API.
				Config:           base + configTemplate(`  name = "Minimal"`),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(templateAddress, plancheck.ResourceActionUpdate)}},
				Check:            checkAPITemplate(tg, templateAddress, "Minimal", "Active", 0, 0),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(templateAddress, tfjsonpath.New("description"), knownvalue.Null()),
					statecheck.ExpectKnownValue(templateAddress, tfjsonpath.New("layout_configuration"), knownvalue.Null()),
				},
			},
			{ResourceName: templateAddress, ImportState: true, ImportStateVerify: true},
		},
	})
}

func TestAccTemplate_disappears(t *testing.T) {
	tg := acctest.NewTarget(t)
	domainName := acctest.RandomName("domain")
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDomainsDestroyed(tg, domainName),
		Steps: []resource.TestStep{
			{
				Config: tg.ProviderConfig("") + configDomain(domainName) + configTemplate(`  name = "Short-lived"`),
				Check: func(s *terraform.State) error {
					rs := s.RootModule().Resources[templateAddress].Primary.Attributes
					_, err := tg.Client.DeleteTemplate(context.Background(), &connectcases.DeleteTemplateInput{DomainId: aws.String(rs["domain_id"]), TemplateId: aws.String(rs["template_id"])})
					return err
				},
				ExpectNonEmptyPlan: true,
			},
		},
	})
}

func TestAccTemplate_validation(t *testing.T) {
	tg := acctest.NewTarget(t)
	cases := []struct {
		name, body string
		phrases    []string
	}{
		{"status", "name = \"T\"\n  status = \"Paused\"", []string{"with cases_template.test", "status", "must be one of: Active, Inactive"}},
		{"empty required fields", "name = \"T\"\n  required_fields = []", []string{"with cases_template.test", "required_fields", "set must contain at least 1 elements"}},
		{"empty description", "name = \"T\"\n  description = \"\"", []string{"with cases_template.test", "description", "between 1 and 255 characters", "got 0"}},
	}
	var steps []resource.TestStep
	for _, c := range cases {
		steps = append(steps, resource.TestStep{
			Config:      tg.ProviderConfig("") + fmt.Sprintf("resource \"cases_template\" \"test\" {\n  domain_id = \"d\"\n  %s\n}\n", c.body),
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
		t.Errorf("invalid templates reached the API: %d requests, want none", n)
	}
}

// TestAccTemplate_unknownLayout: a layout the domain does not have is
// refused by the API, and the diagnostic names it.
func TestAccTemplate_unknownLayout(t *testing.T) {
	tg := acctest.NewTarget(t)
	domainName := acctest.RandomName("domain")
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDomainsDestroyed(tg, domainName),
		Steps: []resource.TestStep{
			{
				Config:      tg.ProviderConfig("") + configDomain(domainName) + configTemplate("  name = \"T\"\n  layout_configuration = { default_layout = \"no-such-layout\" }"),
				ExpectError: outputPattern("creating Cases Template", "no-such-layout"),
			},
		},
	})
}

func TestAccTemplateDataSource_basic(t *testing.T) {
	tg := acctest.NewTarget(t)
	domainName := acctest.RandomName("domain")
	config := tg.ProviderConfig("") + configTemplateDeps(domainName) + configTemplate(templateFull) + `
resource "cases_template" "inactive" {
  domain_id = cases_domain.test.domain_id
  name      = "Old claim"
  status    = "Inactive"
}

data "cases_template" "by_id" {
  domain_id   = cases_domain.test.domain_id
  template_id = cases_template.test.template_id
}

data "cases_template" "by_name" {
  domain_id  = cases_domain.test.domain_id
  name       = "Claim"
  depends_on = [cases_template.test]
}

data "cases_templates" "all" {
  domain_id  = cases_domain.test.domain_id
  depends_on = [cases_template.test, cases_template.inactive]
}

data "cases_templates" "inactive" {
  domain_id  = cases_domain.test.domain_id
  statuses   = ["Inactive"]
  depends_on = [cases_template.test, cases_template.inactive]
}
`
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDomainsDestroyed(tg, domainName),
		Steps: []resource.TestStep{
			{
				Config: config,
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttrPair("data.cases_template.by_id", "name", templateAddress, "name"),
					resource.TestCheckResourceAttrPair("data.cases_template.by_name", "template_id", templateAddress, "template_id"),
					resource.TestCheckResourceAttrPair("data.cases_template.by_name", "layout_configuration.default_layout", layoutAddress, "layout_id"),
					resource.TestCheckResourceAttr("data.cases_template.by_id", "required_fields.#", "2"),
					resource.TestCheckResourceAttr("data.cases_template.by_id", "rules.#", "1"),
					resource.TestCheckResourceAttr("data.cases_template.by_id", "status", "Active"),
					resource.TestCheckResourceAttr("data.cases_templates.all", "templates.#", "2"),
					resource.TestCheckResourceAttr("data.cases_templates.inactive", "templates.#", "1"),
					resource.TestCheckResourceAttrPair("data.cases_templates.inactive", "template_ids.0", "cases_template.inactive", "template_id"),
				),
			},
		},
	})
}

// checkAPITemplate asserts what the API holds for the template in state.
func checkAPITemplate(tg *acctest.Target, address, name, status string, requiredFields, rules int) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		rs, ok := s.RootModule().Resources[address]
		if !ok {
			return fmt.Errorf("%s not in state", address)
		}
		got, err := tg.Client.GetTemplate(context.Background(), &connectcases.GetTemplateInput{
			DomainId: aws.String(rs.Primary.Attributes["domain_id"]), TemplateId: aws.String(rs.Primary.Attributes["template_id"]),
		})
		if err != nil {
			return err
		}
		var ids []string
		for _, f := range got.RequiredFields {
			ids = append(ids, aws.ToString(f.FieldId))
		}
		sort.Strings(ids)
		if aws.ToString(got.Name) != name || string(got.Status) != status || len(got.RequiredFields) != requiredFields || len(got.Rules) != rules {
			return fmt.Errorf("API template = %q %s required %v rules %d; want %q %s with %d required fields and %d rules",
				aws.ToString(got.Name), got.Status, ids, len(got.Rules), name, status, requiredFields, rules)
		}
		return nil
	}
}
