package cases_test

import (
	"context"
	"fmt"
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

const eventConfigurationAddress = "cases_case_event_configuration.test"

func configEventConfiguration(body string) string {
	return fmt.Sprintf(`
resource "cases_case_event_configuration" "test" {
  domain_id = cases_domain.test.domain_id
%s
}
`, body)
}

func TestAccCaseEventConfiguration_basic(t *testing.T) {
	tg := acctest.NewTarget(t)
	domainName := acctest.RandomName("domain")
	base := tg.ProviderConfig("") + configDomainFields(domainName)
	full := base + configEventConfiguration(`  enabled                      = true
  case_field_ids               = [cases_field.policy.field_id, "status", "title"]
  include_related_item_content = true`)
	var domainID string

	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDomainsDestroyed(tg, domainName),
		Steps: []resource.TestStep{
			{
				Config: full,
				Check: resource.ComposeAggregateTestCheckFunc(
					checkAPIEventConfiguration(tg, eventConfigurationAddress, true, 3, true),
					resource.TestCheckResourceAttrPair(eventConfigurationAddress, "id", domainAddress, "domain_id"),
					func(s *terraform.State) error {
						domainID = s.RootModule().Resources[domainAddress].Primary.Attributes["domain_id"]
						return nil
					},
				),
			},
			{
				Config:           full,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
			{ResourceName: eventConfigurationAddress, ImportState: true, ImportStateVerify: true},
			{ResourceName: eventConfigurationAddress, ImportState: true, ImportStateVerify: true, ImportStateIdFunc: stateAttribute(domainAddress, "domain_arn")},
			{
				Config:           base + configEventConfiguration(`  enabled = false`),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(eventConfigurationAddress, plancheck.ResourceActionUpdate)}},
				Check:            checkAPIEventConfiguration(tg, eventConfigurationAddress, false, 0, false),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(eventConfigurationAddress, tfjsonpath.New("case_field_ids"), knownvalue.Null()),
					statecheck.ExpectKnownValue(eventConfigurationAddress, tfjsonpath.New("include_related_item_content"), knownvalue.Null()),
				},
			},
			{
				Config: full,
			},
			{
				// Destroying the configuration (the domain stays) turns
				// publishing off.
				Config: base,
				Check: func(*terraform.State) error {
					got, err := tg.Client.GetCaseEventConfiguration(context.Background(), &connectcases.GetCaseEventConfigurationInput{DomainId: aws.String(domainID)})
					if err != nil {
						return err
					}
					if aws.ToBool(got.EventBridge.Enabled) || got.EventBridge.IncludedData != nil {
						return fmt.Errorf("after destroy the configuration is %+v, want disabled", got.EventBridge)
					}
					return nil
				},
			},
		},
	})
}

// TestAccCaseEventConfiguration_unknownField: a field the domain does not
// have is refused by the API, and the diagnostic names it.
func TestAccCaseEventConfiguration_unknownField(t *testing.T) {
	tg := acctest.NewTarget(t)
	domainName := acctest.RandomName("domain")
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDomainsDestroyed(tg, domainName),
		Steps: []resource.TestStep{
			{
				Config:      tg.ProviderConfig("") + configDomain(domainName) + configEventConfiguration("  enabled = true\n  case_field_ids = [\"ghost\"]"),
				ExpectError: outputPattern("creating Cases Case Event Configuration", "ghost"),
			},
		},
	})
}

func TestAccCaseEventConfiguration_validation(t *testing.T) {
	tg := acctest.NewTarget(t)
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config:      tg.ProviderConfig("") + "resource \"cases_case_event_configuration\" \"test\" {\n  domain_id = \"d\"\n  enabled = true\n  case_field_ids = []\n}\n",
				PlanOnly:    true,
				ExpectError: outputPattern("with cases_case_event_configuration.test", "case_field_ids", "set must contain at least 1 elements"),
			},
		},
	})
	if n := tg.APIRequests(); n > 0 {
		t.Errorf("an invalid configuration reached the API: %d requests, want none", n)
	}
}

func checkAPIEventConfiguration(tg *acctest.Target, address string, enabled bool, fields int, relatedContent bool) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		rs, ok := s.RootModule().Resources[address]
		if !ok {
			return fmt.Errorf("%s not in state", address)
		}
		got, err := tg.Client.GetCaseEventConfiguration(context.Background(), &connectcases.GetCaseEventConfigurationInput{DomainId: aws.String(rs.Primary.Attributes["domain_id"])})
		if err != nil {
			return err
		}
		eb := got.EventBridge
		gotFields, gotContent := 0, false
		if eb.IncludedData != nil {
			if eb.IncludedData.CaseData != nil {
				gotFields = len(eb.IncludedData.CaseData.Fields)
			}
			if eb.IncludedData.RelatedItemData != nil {
				gotContent = aws.ToBool(eb.IncludedData.RelatedItemData.IncludeContent)
			}
		}
		if aws.ToBool(eb.Enabled) != enabled || gotFields != fields || gotContent != relatedContent {
			return fmt.Errorf("API configuration = enabled %t, %d fields, content %t; want %t, %d, %t", aws.ToBool(eb.Enabled), gotFields, gotContent, enabled, fields, relatedContent)
		}
		return nil
	}
}
