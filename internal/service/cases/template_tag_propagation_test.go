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

func templateWithPropagation(tags string) string {
	return fmt.Sprintf(`  name = "Propagating"
  tag_propagation = [{
    resource_type = "Cases"
    tags          = { %s }
  }]`, tags)
}

// checkAPITagPropagation asserts the template's tagPropagationConfigurations
// in the API as text: "Cases map[k:v]", "" for none.
func checkAPITagPropagation(tg *acctest.Target, want string) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		rs := s.RootModule().Resources[templateAddress].Primary.Attributes
		out, err := tg.Client.GetTemplate(context.Background(), &connectcases.GetTemplateInput{DomainId: aws.String(rs["domain_id"]), TemplateId: aws.String(rs["template_id"])})
		if err != nil {
			return err
		}
		got := ""
		for _, c := range out.TagPropagationConfigurations {
			got += fmt.Sprint(c.ResourceType, " ", c.TagMap)
		}
		if got != want {
			return fmt.Errorf("API tagPropagationConfigurations = %q, want %q", got, want)
		}
		return nil
	}
}

func TestAccTemplate_tagPropagation(t *testing.T) {
	tg := acctest.NewTarget(t)
	domainName := acctest.RandomName("domain")
	base := tg.ProviderConfig("") + configDomain(domainName)
	config := base + configTemplate(templateWithPropagation(`team = "claims"`)) + `
data "cases_template" "test" {
  domain_id   = cases_template.test.domain_id
  template_id = cases_template.test.template_id
}

data "cases_templates" "test" {
  domain_id = cases_template.test.domain_id
}
`
	updated := base + configTemplate(templateWithPropagation(`team = "billing", tier = "gold"`))
	inPlace := resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(templateAddress, plancheck.ResourceActionUpdate)}}
	tags := tfjsonpath.New("tag_propagation").AtSliceIndex(0).AtMapKey("tags")

	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDomainsDestroyed(tg, domainName),
		Steps: []resource.TestStep{
			{
				Config: config,
				Check:  checkAPITagPropagation(tg, "Cases map[team:claims]"),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(templateAddress, tags, knownvalue.MapExact(map[string]knownvalue.Check{"team": knownvalue.StringExact("claims")})),
					statecheck.ExpectKnownValue("data.cases_template.test", tags, knownvalue.MapExact(map[string]knownvalue.Check{"team": knownvalue.StringExact("claims")})),
					statecheck.ExpectKnownValue("data.cases_templates.test", tfjsonpath.New("templates").AtSliceIndex(0).AtMapKey("tag_propagation").AtSliceIndex(0).AtMapKey("resource_type"),
						knownvalue.StringExact("Cases")),
				},
			},
			{
				Config:           config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
			{ResourceName: templateAddress, ImportState: true, ImportStateVerify: true},
			{Config: updated, ConfigPlanChecks: inPlace, Check: checkAPITagPropagation(tg, "Cases map[team:billing tier:gold]")},
			// Drift: cleared outside Terraform, put back.
			{
				Config: updated,
				Check: func(s *terraform.State) error {
					rs := s.RootModule().Resources[templateAddress].Primary.Attributes
					_, err := tg.Client.UpdateTemplate(context.Background(), &connectcases.UpdateTemplateInput{DomainId: aws.String(rs["domain_id"]), TemplateId: aws.String(rs["template_id"]),
						TagPropagationConfigurations: []types.TagPropagationConfiguration{}})
					return err
				},
				ExpectNonEmptyPlan: true,
			},
			{Config: updated, ConfigPlanChecks: inPlace, Check: checkAPITagPropagation(tg, "Cases map[team:billing tier:gold]")},
			// Removed: cleared in place.
			{
				Config:            base + configTemplate(`  name = "Propagating"`),
				ConfigPlanChecks:  inPlace,
				Check:             checkAPITagPropagation(tg, ""),
				ConfigStateChecks: []statecheck.StateCheck{statecheck.ExpectKnownValue(templateAddress, tfjsonpath.New("tag_propagation"), knownvalue.Null())},
			},
			{ResourceName: templateAddress, ImportState: true, ImportStateVerify: true},
		},
	})
}

// TestAccTemplate_tagPropagationValidation: each limit the model sets on
// tagPropagationConfigurations fails the plan, with the real CLI.
func TestAccTemplate_tagPropagationValidation(t *testing.T) {
	tg := acctest.NewTarget(t)
	cases := []struct {
		name, body string
		phrases    []string
	}{
		{"two configurations", `tag_propagation = [{ resource_type = "Cases", tags = { a = "b" } }, { resource_type = "Cases", tags = { c = "d" } }]`,
			[]string{"Invalid Attribute Value", "at most 1"}},
		{"unknown resource type", `tag_propagation = [{ resource_type = "Layouts", tags = { a = "b" } }]`,
			[]string{"Invalid Attribute Value", "must be one of: Cases", "TagPropagationConfiguration.resourceType"}},
		{"eleven tags", `tag_propagation = [{ resource_type = "Cases", tags = { for i in range(11) : "k${i}" => "v" } }]`,
			[]string{"Invalid Attribute Value", "at most 10"}},
		{"aws: tag key", `tag_propagation = [{ resource_type = "Cases", tags = { "aws:team" = "x" } }]`,
			[]string{"Invalid Attribute Value Match", "TagPropagationConfiguration.tagMap{key}"}},
		{"tag value with a star", `tag_propagation = [{ resource_type = "Cases", tags = { team = "a*b" } }]`,
			[]string{"Invalid Attribute Value Match", "TagPropagationConfiguration.tagMap{value}"}},
		{"tag value too long", fmt.Sprintf(`tag_propagation = [{ resource_type = "Cases", tags = { team = %q } }]`, fmt.Sprintf("%0257d", 0)),
			[]string{"Invalid Attribute Value Length", "TagPropagationConfiguration.tagMap{value}"}},
	}
	var steps []resource.TestStep
	for _, c := range cases {
		steps = append(steps, resource.TestStep{
			Config:      tg.ProviderConfig("") + fmt.Sprintf("resource \"cases_template\" \"test\" {\n  domain_id = \"d\"\n  name = \"T\"\n  %s\n}\n", c.body),
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
