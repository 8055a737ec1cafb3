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

func configTextField(fieldType, textAttributes string) string {
	return fmt.Sprintf(`
resource "cases_field" "test" {
  domain_id = cases_domain.test.domain_id
  name      = "Description"
  type      = %q
%s
}
`, fieldType, textAttributes)
}

// checkAPIMultiline asserts the isMultiline the API holds for the field in
// state; want nil means no attributes or isMultiline false.
func checkAPIMultiline(tg *acctest.Target, want bool) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		domainID, fieldID, err := fieldIDs(s, fieldAddress)
		if err != nil {
			return err
		}
		f, err := getAPIField(tg, domainID, fieldID)
		if err != nil {
			return err
		}
		got := false
		if text, ok := f.Attributes.(*types.FieldAttributesMemberText); ok {
			got = aws.ToBool(text.Value.IsMultiline)
		}
		if got != want {
			return fmt.Errorf("API isMultiline = %t (attributes %#v), want %t", got, f.Attributes, want)
		}
		return nil
	}
}

func TestAccField_textAttributes(t *testing.T) {
	tg := acctest.NewTarget(t)
	domainName := acctest.RandomName("domain")
	base := tg.ProviderConfig("") + configDomain(domainName)
	multi := base + configTextField("Text", "  text_attributes = { is_multiline = true }")
	single := base + configTextField("Text", "  text_attributes = { is_multiline = false }")
	isMultiline := tfjsonpath.New("text_attributes").AtMapKey("is_multiline")
	inPlace := resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(fieldAddress, plancheck.ResourceActionUpdate)}}

	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDomainsDestroyed(tg, domainName),
		Steps: []resource.TestStep{
			{
				Config:            multi,
				Check:             checkAPIMultiline(tg, true),
				ConfigStateChecks: []statecheck.StateCheck{statecheck.ExpectKnownValue(fieldAddress, isMultiline, knownvalue.Bool(true))},
			},
			{
				Config:           multi,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
			{ResourceName: fieldAddress, ImportState: true, ImportStateVerify: true},
			// UpdateField takes attributes: in place both ways.
			{
				Config:            single,
				ConfigPlanChecks:  inPlace,
				Check:             checkAPIMultiline(tg, false),
				ConfigStateChecks: []statecheck.StateCheck{statecheck.ExpectKnownValue(fieldAddress, isMultiline, knownvalue.Bool(false))},
			},
			{
				Config:           single,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
			// Drift: made multi-line outside Terraform, put back.
			{
				Config: single,
				Check: func(s *terraform.State) error {
					domainID, fieldID, err := fieldIDs(s, fieldAddress)
					if err != nil {
						return err
					}
					_, err = tg.Client.UpdateField(context.Background(), &connectcases.UpdateFieldInput{DomainId: aws.String(domainID), FieldId: aws.String(fieldID),
						Attributes: &types.FieldAttributesMemberText{Value: types.TextAttributes{IsMultiline: aws.Bool(true)}}})
					return err
				},
				ExpectNonEmptyPlan: true,
			},
			{Config: single, ConfigPlanChecks: inPlace, Check: checkAPIMultiline(tg, false)},
			{Config: multi, ConfigPlanChecks: inPlace, Check: checkAPIMultiline(tg, true)},
			// Leaving the block out makes the field single-line again.
			{
				Config:            base + configTextField("Text", ""),
				ConfigPlanChecks:  inPlace,
				Check:             checkAPIMultiline(tg, false),
				ConfigStateChecks: []statecheck.StateCheck{statecheck.ExpectKnownValue(fieldAddress, tfjsonpath.New("text_attributes"), knownvalue.Null())},
			},
			{ResourceName: fieldAddress, ImportState: true, ImportStateVerify: true},
		},
	})
}

// TestAccField_textAttributesValidation: text_attributes on any type but
// Text fails the plan, with the real CLI, before any request.
func TestAccField_textAttributesValidation(t *testing.T) {
	tg := acctest.NewTarget(t)
	var steps []resource.TestStep
	for _, fieldType := range []string{"Number", "Boolean", "DateTime", "SingleSelect", "Url", "User"} {
		steps = append(steps, resource.TestStep{
			Config: tg.ProviderConfig("") + fmt.Sprintf(`
resource "cases_field" "test" {
  domain_id       = "d"
  name            = "F"
  type            = %q
  text_attributes = { is_multiline = false }
}
`, fieldType),
			PlanOnly:    true,
			ExpectError: outputPattern("Text attributes on a field that is not Text", "with cases_field.test", "this field is of type "+fieldType),
		})
	}
	steps = append(steps, resource.TestStep{
		Config: tg.ProviderConfig("") + `
resource "cases_field" "test" {
  domain_id       = "d"
  name            = "F"
  type            = "Text"
  text_attributes = {}
}
`,
		PlanOnly:    true,
		ExpectError: outputPattern("is_multiline", "required"),
	})
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps:                    steps,
	})
	if n := tg.APIRequests(); n > 0 {
		t.Errorf("invalid fields reached the API: %d requests, want none", n)
	}
}

// TestAccFieldDataSource_isMultiline: both field data sources say whether a
// Text field is multi-line, and leave is_multiline null for other types.
func TestAccFieldDataSource_isMultiline(t *testing.T) {
	tg := acctest.NewTarget(t)
	domainName := acctest.RandomName("domain")
	config := tg.ProviderConfig("") + configDomain(domainName) + configTextField("Text", "  text_attributes = { is_multiline = true }") + `
data "cases_field" "test" {
  domain_id = cases_domain.test.domain_id
  field_id  = cases_field.test.field_id
}

data "cases_field" "status" {
  domain_id = cases_domain.test.domain_id
  field_id  = "status"
}

data "cases_fields" "all" {
  domain_id  = cases_domain.test.domain_id
  depends_on = [cases_field.test]
}
`
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDomainsDestroyed(tg, domainName),
		Steps: []resource.TestStep{{
			Config: config,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.cases_field.test", tfjsonpath.New("is_multiline"), knownvalue.Bool(true)),
				statecheck.ExpectKnownValue("data.cases_field.status", tfjsonpath.New("is_multiline"), knownvalue.Null()),
			},
			Check: resource.ComposeAggregateTestCheckFunc(
				resource.TestCheckTypeSetElemNestedAttrs("data.cases_fields.all", "fields.*", map[string]string{"name": "Description", "is_multiline": "true"}),
			),
		}},
	})
}
