package cases_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/connectcases"
	"github.com/aws/aws-sdk-go-v2/service/connectcases/types"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/connect-cases/terraform-provider-cases/internal/acctest"
	"github.com/connect-cases/terraform-provider-cases/internal/emulator"
)

// lostAnswerCase is one resource type for testLostAnswers.
type lostAnswerCase struct {
	create, delete string // operations whose answers are lost
	address        string // the resource in the configuration
	idAttribute    string // its attribute holding the entity id
	name           string // the entity's name
	config         func(domainName string) string
	// list returns the ids of the entities of that name in the domain, as
	// the stock SDK client sees them.
	list func(ctx context.Context, c *connectcases.Client, domainID, name string) ([]string, error)
}

// testLostAnswers applies a configuration while the first create of the
// resource type commits and then loses its answer (a 500 the SDK retries
// into ConflictException, or a dropped connection), and its first delete
// does the same. The create must be adopted: exactly one entity of that
// name, the one in state, and a second plan empty; the destroy must
// succeed with nothing left.
func testLostAnswers(t *testing.T, c lostAnswerCase) {
	for _, then := range []string{emulator.FaultThenError, emulator.FaultThenDrop} {
		t.Run(then, func(t *testing.T) {
			tg := acctest.NewTarget(t)
			tg.RequireEmulator(t)
			if err := tg.Emulator.SetFaults(emulator.FaultConfig{Rules: []emulator.FaultRule{
				{Operations: []string{c.create}, Probability: 1, Times: 1, Action: emulator.FaultCommitThenFail, Then: then},
				{Operations: []string{c.delete}, Probability: 1, Times: 1, Action: emulator.FaultCommitThenFail, Then: then},
			}}); err != nil {
				t.Fatal(err)
			}
			domainName := acctest.RandomName("domain")
			config := tg.ProviderConfig("") + c.config(domainName)

			resource.ParallelTest(t, resource.TestCase{
				PreCheck:                 func() { acctest.PreCheck(t) },
				ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
				CheckDestroy: resource.ComposeAggregateTestCheckFunc(
					checkDomainsDestroyed(tg, domainName),
					func(*terraform.State) error {
						if fired := tg.Emulator.Faults().Fired; fired[1] != 1 {
							return fmt.Errorf("the %s answer was lost %d times, want 1", c.delete, fired[1])
						}
						return nil
					},
				),
				Steps: []resource.TestStep{
					{
						Config: config,
						Check:  checkAdoptedOnce(tg, c),
					},
					{
						Config:           config,
						ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
					},
				},
			})
		})
	}
}

// checkAdoptedOnce asserts that the create's answer was lost and that the
// API holds exactly one entity of the name, the one in state.
func checkAdoptedOnce(tg *acctest.Target, c lostAnswerCase) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		if fired := tg.Emulator.Faults().Fired; fired[0] != 1 {
			return fmt.Errorf("the %s answer was lost %d times, want 1", c.create, fired[0])
		}
		rs, ok := s.RootModule().Resources[c.address]
		if !ok {
			return fmt.Errorf("%s is not in state", c.address)
		}
		domainID := rs.Primary.Attributes["domain_id"]
		ids, err := c.list(context.Background(), tg.Client, domainID, c.name)
		if err != nil {
			return err
		}
		if want := rs.Primary.Attributes[c.idAttribute]; len(ids) != 1 || ids[0] != want {
			return fmt.Errorf("the API holds %d entities named %q (%s), want exactly the one in state (%s)", len(ids), c.name, strings.Join(ids, ", "), want)
		}
		return nil
	}
}

func TestAccField_lostCreateAnswer(t *testing.T) {
	testLostAnswers(t, lostAnswerCase{
		create: "CreateField", delete: "DeleteField",
		address: fieldAddress, idAttribute: "field_id", name: "Policy",
		config: func(domainName string) string { return configDomain(domainName) + configField("Policy", "Text", "") },
		list: func(ctx context.Context, c *connectcases.Client, domainID, name string) ([]string, error) {
			var ids []string
			pages := connectcases.NewListFieldsPaginator(c, &connectcases.ListFieldsInput{DomainId: aws.String(domainID)})
			for pages.HasMorePages() {
				page, err := pages.NextPage(ctx)
				if err != nil {
					return nil, err
				}
				for _, f := range page.Fields {
					if aws.ToString(f.Name) == name {
						ids = append(ids, aws.ToString(f.FieldId))
					}
				}
			}
			return ids, nil
		},
	})
}

func TestAccLayout_lostCreateAnswer(t *testing.T) {
	testLostAnswers(t, lostAnswerCase{
		create: "CreateLayout", delete: "DeleteLayout",
		address: layoutAddress, idAttribute: "layout_id", name: "Claims",
		config: func(domainName string) string {
			return configDomainFields(domainName) + configLayout("Claims", layoutContentTwoPanels, "")
		},
		list: func(ctx context.Context, c *connectcases.Client, domainID, name string) ([]string, error) {
			var ids []string
			pages := connectcases.NewListLayoutsPaginator(c, &connectcases.ListLayoutsInput{DomainId: aws.String(domainID)})
			for pages.HasMorePages() {
				page, err := pages.NextPage(ctx)
				if err != nil {
					return nil, err
				}
				for _, l := range page.Layouts {
					if aws.ToString(l.Name) == name {
						ids = append(ids, aws.ToString(l.LayoutId))
					}
				}
			}
			return ids, nil
		},
	})
}

func TestAccTemplate_lostCreateAnswer(t *testing.T) {
	testLostAnswers(t, lostAnswerCase{
		create: "CreateTemplate", delete: "DeleteTemplate",
		address: templateAddress, idAttribute: "template_id", name: "Claim",
		config: func(domainName string) string {
			return configTemplateDeps(domainName) + configTemplate(templateFull)
		},
		list: func(ctx context.Context, c *connectcases.Client, domainID, name string) ([]string, error) {
			var ids []string
			pages := connectcases.NewListTemplatesPaginator(c, &connectcases.ListTemplatesInput{
				DomainId: aws.String(domainID), Status: []types.TemplateStatus{types.TemplateStatusActive, types.TemplateStatusInactive},
			})
			for pages.HasMorePages() {
				page, err := pages.NextPage(ctx)
				if err != nil {
					return nil, err
				}
				for _, tpl := range page.Templates {
					if aws.ToString(tpl.Name) == name {
						ids = append(ids, aws.ToString(tpl.TemplateId))
					}
				}
			}
			return ids, nil
		},
	})
}

func TestAccCaseRule_lostCreateAnswer(t *testing.T) {
	testLostAnswers(t, lostAnswerCase{
		create: "CreateCaseRule", delete: "DeleteCaseRule",
		address: caseRuleAddress, idAttribute: "case_rule_id", name: "Gold needs priority",
		config: func(domainName string) string {
			return configDomainFields(domainName) + configCaseRule("Gold needs priority", caseRuleRequiredByPolicy, "")
		},
		list: func(ctx context.Context, c *connectcases.Client, domainID, name string) ([]string, error) {
			var ids []string
			pages := connectcases.NewListCaseRulesPaginator(c, &connectcases.ListCaseRulesInput{DomainId: aws.String(domainID)})
			for pages.HasMorePages() {
				page, err := pages.NextPage(ctx)
				if err != nil {
					return nil, err
				}
				for _, r := range page.CaseRules {
					if aws.ToString(r.Name) == name {
						ids = append(ids, aws.ToString(r.CaseRuleId))
					}
				}
			}
			return ids, nil
		},
	})
}

func TestAccDomain_lostCreateAnswer(t *testing.T) {
	testLostAnswers(t, lostAnswerCase{
		create: "CreateDomain", delete: "DeleteDomain",
		address: domainAddress, idAttribute: "domain_id",
		config: configDomain,
		list: func(ctx context.Context, c *connectcases.Client, _, _ string) ([]string, error) {
			// The name is random: every domain of the test's own emulator
			// counts.
			var ids []string
			pages := connectcases.NewListDomainsPaginator(c, &connectcases.ListDomainsInput{})
			for pages.HasMorePages() {
				page, err := pages.NextPage(ctx)
				if err != nil {
					return nil, err
				}
				for _, d := range page.Domains {
					ids = append(ids, aws.ToString(d.DomainId))
				}
			}
			return ids, nil
		},
	})
}
