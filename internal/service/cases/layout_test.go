package cases_test

import (
	"context"
	"fmt"
	"regexp"
	"strings"
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

const layoutAddress = "cases_layout.test"

var layoutARNPattern = regexp.MustCompile(`^arn:aws:cases:[a-z0-9-]+:\d{12}:domain/[0-9a-f-]{36}/layout/[0-9a-f-]{36}$`)

// configDomainFields is a domain with two custom fields, policy and
// priority, for layouts and templates to reference.
func configDomainFields(domainName string) string {
	return configDomain(domainName) + `
resource "cases_field" "policy" {
  domain_id = cases_domain.test.domain_id
  name      = "Policy number"
  type      = "Text"
}

resource "cases_field" "priority" {
  domain_id = cases_domain.test.domain_id
  name      = "Priority"
  type      = "Number"
}
`
}

func configLayout(name, content, extra string) string {
	return fmt.Sprintf(`
resource "cases_layout" "test" {
  domain_id = cases_domain.test.domain_id
  name      = %q
  content = {
%s
  }
%s
}
`, name, content, extra)
}

const layoutContentTwoPanels = `    top_panel = [{
      name      = "Policy"
      field_ids = [cases_field.policy.field_id, "summary"]
    }]
    more_info = [{
      field_ids = [cases_field.priority.field_id, "customer_id"]
    }]`

func TestAccLayout_basic(t *testing.T) {
	tg := acctest.NewTarget(t)
	domainName := acctest.RandomName("domain")
	config := tg.ProviderConfig("") + configDomainFields(domainName) + configLayout("Claims", layoutContentTwoPanels, "")

	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDomainsDestroyed(tg, domainName),
		Steps: []resource.TestStep{
			{
				Config: config,
				Check:  checkAPILayout(tg, layoutAddress, "Claims", []string{"cases_field.policy", "summary"}, []string{"cases_field.priority", "customer_id"}),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(layoutAddress, tfjsonpath.New("layout_arn"), knownvalue.StringRegexp(layoutARNPattern)),
					statecheck.ExpectKnownValue(layoutAddress, tfjsonpath.New("created_time"), knownvalue.StringRegexp(rfc3339UTCPattern)),
					statecheck.ExpectKnownValue(layoutAddress, tfjsonpath.New("content").AtMapKey("top_panel").AtSliceIndex(0).AtMapKey("name"), knownvalue.StringExact("Policy")),
					statecheck.ExpectKnownValue(layoutAddress, tfjsonpath.New("content").AtMapKey("more_info").AtSliceIndex(0).AtMapKey("name"), knownvalue.Null()),
					statecheck.ExpectKnownValue(layoutAddress, tfjsonpath.New("tags"), knownvalue.Null()),
				},
			},
			{
				Config:           config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
			{ResourceName: layoutAddress, ImportState: true, ImportStateVerify: true},
			{ResourceName: layoutAddress, ImportState: true, ImportStateVerify: true, ImportStateIdFunc: stateAttribute(layoutAddress, "layout_arn")},
		},
	})
}

func TestAccLayout_update(t *testing.T) {
	tg := acctest.NewTarget(t)
	domainName := acctest.RandomName("domain")
	base := tg.ProviderConfig("") + configDomainFields(domainName)
	var firstID string

	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDomainsDestroyed(tg, domainName),
		Steps: []resource.TestStep{
			{
				Config: base + configLayout("Claims", layoutContentTwoPanels, ""),
				Check: func(s *terraform.State) error {
					firstID = s.RootModule().Resources[layoutAddress].Primary.Attributes["layout_id"]
					return nil
				},
			},
			{
				// Rename, reorder the top panel and drop More Info: in place.
				Config: base + configLayout("Claims v2", `    top_panel = [{
      name      = "Policy first"
      field_ids = ["summary", cases_field.policy.field_id, cases_field.priority.field_id]
    }]`, `  tags = { team = "claims" }`),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(layoutAddress, plancheck.ResourceActionUpdate)}},
				Check: resource.ComposeAggregateTestCheckFunc(
					checkAPILayout(tg, layoutAddress, "Claims v2", []string{"summary", "cases_field.policy", "cases_field.priority"}, nil),
					resource.TestCheckResourceAttrWith(layoutAddress, "layout_id", func(id string) error {
						if id != firstID {
							return fmt.Errorf("layout_id changed from %s to %s on an in-place update", firstID, id)
						}
						return nil
					}),
					resource.TestCheckResourceAttr(layoutAddress, "tags_all.team", "claims"),
				),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(layoutAddress, tfjsonpath.New("content").AtMapKey("more_info"), knownvalue.Null()),
				},
			},
			{ResourceName: layoutAddress, ImportState: true, ImportStateVerify: true},
		},
	})
}

// TestAccLayout_removeField: removing a field and its place in a layout in
// one apply. Terraform destroys a removed resource before it updates the
// resources that referenced it (hashicorp/terraform#32153), and the API
// refuses to delete a field a layout still shows; create_before_destroy on
// the field, already in state, reverses that order. The first attempt,
// without it, shows the API's refusal naming the layout.
func TestAccLayout_removeField(t *testing.T) {
	tg := acctest.NewTarget(t)
	domainName := acctest.RandomName("domain")
	withPriority := func(lifecycle string) string {
		return tg.ProviderConfig("") + configDomain(domainName) + `
resource "cases_field" "policy" {
  domain_id = cases_domain.test.domain_id
  name      = "Policy number"
  type      = "Text"
}

resource "cases_field" "priority" {
  domain_id = cases_domain.test.domain_id
  name      = "Priority"
  type      = "Number"
` + lifecycle + `
}
` + configLayout("Claims", layoutContentTwoPanels, "")
	}
	withoutPriority := tg.ProviderConfig("") + configDomain(domainName) + `
resource "cases_field" "policy" {
  domain_id = cases_domain.test.domain_id
  name      = "Policy number"
  type      = "Text"
}
` + configLayout("Claims", `    top_panel = [{
      name      = "Policy"
      field_ids = [cases_field.policy.field_id, "summary"]
    }]`, "")

	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDomainsDestroyed(tg, domainName),
		Steps: []resource.TestStep{
			{Config: withPriority("")},
			{
				Config:      withoutPriority,
				ExpectError: outputPattern("Deleting Cases Field", "is still used by layout 'Claims'"),
			},
			{
				// Back to the field in the layout, now with
				// create_before_destroy, which this apply records in state.
				Config: withPriority("  lifecycle {\n    create_before_destroy = true\n  }"),
			},
			{
				Config: withoutPriority,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(layoutAddress, plancheck.ResourceActionUpdate),
					plancheck.ExpectResourceAction("cases_field.priority", plancheck.ResourceActionDestroy),
				}},
				Check: checkAPILayout(tg, layoutAddress, "Claims", []string{"cases_field.policy", "summary"}, nil),
			},
		},
	})
}

func TestAccLayout_defaultTags(t *testing.T) {
	tg := acctest.NewTarget(t)
	domainName := acctest.RandomName("domain")
	config := tg.ProviderConfig(`default_tags { tags = { owner = "platform" } }`) + configDomainFields(domainName) +
		configLayout("Claims", layoutContentTwoPanels, `  tags = { team = "claims" }`)

	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDomainsDestroyed(tg, domainName),
		Steps: []resource.TestStep{
			{
				Config: config,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(layoutAddress, tfjsonpath.New("tags"), knownvalue.MapExact(map[string]knownvalue.Check{"team": knownvalue.StringExact("claims")})),
					statecheck.ExpectKnownValue(layoutAddress, tfjsonpath.New("tags_all"), knownvalue.MapExact(map[string]knownvalue.Check{
						"team": knownvalue.StringExact("claims"), "owner": knownvalue.StringExact("platform"),
					})),
				},
			},
			{
				Config:           config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
		},
	})
}

func TestAccLayout_disappears(t *testing.T) {
	tg := acctest.NewTarget(t)
	domainName := acctest.RandomName("domain")
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDomainsDestroyed(tg, domainName),
		Steps: []resource.TestStep{
			{
				Config: tg.ProviderConfig("") + configDomainFields(domainName) + configLayout("Claims", layoutContentTwoPanels, ""),
				Check: func(s *terraform.State) error {
					rs := s.RootModule().Resources[layoutAddress].Primary.Attributes
					_, err := tg.Client.DeleteLayout(context.Background(), &connectcases.DeleteLayoutInput{DomainId: aws.String(rs["domain_id"]), LayoutId: aws.String(rs["layout_id"])})
					return err
				},
				ExpectNonEmptyPlan: true,
			},
		},
	})
}

func TestAccLayout_validation(t *testing.T) {
	tg := acctest.NewTarget(t)
	cases := []struct {
		name, content, attribute, rule string
	}{
		{"two groups in a panel", `top_panel = [{ field_ids = ["summary"] }, { field_ids = ["customer_id"] }]`, "top_panel", "at most 1 elements"},
		{"empty panel", `top_panel = []`, "top_panel", "list must contain at least 1 elements"},
		{"repeated field", `top_panel = [{ field_ids = ["summary", "summary"] }]`, "duplicate values", "summary"},
		{"long group name", fmt.Sprintf(`top_panel = [{ name = %q, field_ids = ["summary"] }]`, strings.Repeat("g", 101)), "name", "must be between 1 and 100 characters long"},
	}
	var steps []resource.TestStep
	for _, c := range cases {
		steps = append(steps, resource.TestStep{
			Config:      tg.ProviderConfig("") + fmt.Sprintf("resource \"cases_layout\" \"test\" {\n  domain_id = \"d\"\n  name = \"L\"\n  content = {\n    %s\n  }\n}\n", c.content),
			PlanOnly:    true,
			ExpectError: outputPattern("with cases_layout.test", c.attribute, c.rule),
		})
	}
	steps = append(steps, resource.TestStep{
		Config:      tg.ProviderConfig("") + "resource \"cases_layout\" \"test\" {\n  domain_id = \"d\"\n  name = \"ends in space \"\n  content = {}\n}\n",
		PlanOnly:    true,
		ExpectError: outputPattern("with cases_layout.test", "name", "does not end with white space"),
	})
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps:                    steps,
	})
	if n := tg.APIRequests(); n > 0 {
		t.Errorf("invalid layouts reached the API: %d requests, want none", n)
	}
}

// TestAccLayout_unknownField: a field the domain does not have is refused by
// the API, and the diagnostic names it.
func TestAccLayout_unknownField(t *testing.T) {
	tg := acctest.NewTarget(t)
	domainName := acctest.RandomName("domain")
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDomainsDestroyed(tg, domainName),
		Steps: []resource.TestStep{
			{
				Config:      tg.ProviderConfig("") + configDomain(domainName) + configLayout("Claims", `    top_panel = [{ field_ids = ["no-such-field"] }]`, ""),
				ExpectError: outputPattern("creating Cases Layout", "no-such-field"),
			},
		},
	})
}

func TestAccLayoutDataSource_basic(t *testing.T) {
	tg := acctest.NewTarget(t)
	domainName := acctest.RandomName("domain")
	config := tg.ProviderConfig("") + configDomainFields(domainName) + configLayout("Claims", layoutContentTwoPanels, "") + `
data "cases_layout" "by_id" {
  domain_id = cases_domain.test.domain_id
  layout_id = cases_layout.test.layout_id
}

data "cases_layout" "by_name" {
  domain_id  = cases_domain.test.domain_id
  name       = "Claims"
  depends_on = [cases_layout.test]
}

data "cases_layouts" "all" {
  domain_id  = cases_domain.test.domain_id
  depends_on = [cases_layout.test]
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
					resource.TestCheckResourceAttrPair("data.cases_layout.by_id", "name", layoutAddress, "name"),
					resource.TestCheckResourceAttrPair("data.cases_layout.by_name", "layout_id", layoutAddress, "layout_id"),
					resource.TestCheckResourceAttrPair("data.cases_layout.by_name", "content.top_panel.0.field_ids.0", "cases_field.policy", "field_id"),
					resource.TestCheckResourceAttr("data.cases_layout.by_id", "content.more_info.0.field_ids.1", "customer_id"),
					resource.TestCheckResourceAttr("data.cases_layouts.all", "layouts.#", "1"),
					resource.TestCheckResourceAttrPair("data.cases_layouts.all", "layout_ids.0", layoutAddress, "layout_id"),
				),
			},
			{
				Config:      tg.ProviderConfig("") + configDomain(domainName) + "data \"cases_layout\" \"x\" {\n  domain_id = cases_domain.test.domain_id\n  name = \"Nope\"\n}\n",
				ExpectError: regexp.MustCompile(`no layout named "Nope"`),
			},
		},
	})
}

// checkAPILayout asserts the name and the panels the API holds; a field
// reference "cases_field.x" stands for that field's id in state.
func checkAPILayout(tg *acctest.Target, address, name string, top, moreInfo []string) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		rs, ok := s.RootModule().Resources[address]
		if !ok {
			return fmt.Errorf("%s not in state", address)
		}
		resolve := func(ids []string) []string {
			out := make([]string, 0, len(ids))
			for _, id := range ids {
				if f, ok := s.RootModule().Resources[id]; ok {
					id = f.Primary.Attributes["field_id"]
				}
				out = append(out, id)
			}
			return out
		}
		got, err := tg.Client.GetLayout(context.Background(), &connectcases.GetLayoutInput{
			DomainId: aws.String(rs.Primary.Attributes["domain_id"]), LayoutId: aws.String(rs.Primary.Attributes["layout_id"]),
		})
		if err != nil {
			return err
		}
		content, ok := got.Content.(*types.LayoutContentMemberBasic)
		if !ok {
			return fmt.Errorf("API layout content is %T, want basic", got.Content)
		}
		basic := content.Value
		panel := func(p *types.LayoutSections) []string {
			if p == nil {
				return nil
			}
			var ids []string
			for _, s := range p.Sections {
				group, ok := s.(*types.SectionMemberFieldGroup)
				if !ok {
					ids = append(ids, fmt.Sprintf("<%T>", s))
					continue
				}
				for _, f := range group.Value.Fields {
					ids = append(ids, aws.ToString(f.Id))
				}
			}
			return ids
		}
		if aws.ToString(got.Name) != name || fmt.Sprint(panel(basic.TopPanel)) != fmt.Sprint(resolve(top)) || fmt.Sprint(panel(basic.MoreInfo)) != fmt.Sprint(resolve(moreInfo)) {
			return fmt.Errorf("API layout = %q top %v more %v; want %q top %v more %v",
				aws.ToString(got.Name), panel(basic.TopPanel), panel(basic.MoreInfo), name, resolve(top), resolve(moreInfo))
		}
		return nil
	}
}
