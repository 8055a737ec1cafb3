package cases_test

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/connectcases"
	"github.com/aws/aws-sdk-go-v2/service/connectcases/types"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/connect-cases/terraform-provider-cases/internal/acctest"
)

// TestAccCompleteDomain_casesEnforced applies examples/complete-domain with
// the terraform CLI, then drives the emulator's data plane through the SDK:
// each rule of the "Insurance claim" template refuses a CreateCase and an
// UpdateCase that break it and accepts one that keeps it, the template's
// tag propagation tags the cases, and the case events recorded are the
// ones the event configuration asks for. Emulator only: on AWS the events
// go to EventBridge, where a test cannot read them back.
func TestAccCompleteDomain_casesEnforced(t *testing.T) {
	tg := acctest.NewTarget(t)
	tg.RequireEmulator(t)
	src, err := os.ReadFile("../../../examples/complete-domain/main.tf")
	if err != nil {
		t.Fatal(err)
	}
	body := string(src)
	start := strings.Index(body, `variable "domain_name"`)
	if start < 0 {
		t.Fatal(`examples/complete-domain/main.tf has no variable "domain_name"`)
	}
	domainName := acctest.RandomName("enforced")
	body = strings.Replace(body[start:], `"complete-claims"`, fmt.Sprintf("%q", domainName), 1)
	config := tg.ProviderConfig(`default_tags { tags = { managed_by = "terraform" } }`) + body

	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDomainsDestroyed(tg, domainName),
		Steps: []resource.TestStep{{
			Config: config,
			Check: func(s *terraform.State) error {
				attr := func(address, name string) string {
					return s.RootModule().Resources[address].Primary.Attributes[name]
				}
				c := &claimsChecks{t: t, tg: tg, domainID: attr("cases_domain.claims", "domain_id"), template: attr("cases_template.claim", "template_id"),
					policy: attr("cases_field.policy_number", "field_id"), amount: attr("cases_field.claim_amount", "field_id"),
					tier: attr("cases_field.tier", "field_id"), escalated: attr("cases_field.escalated", "field_id"),
					category: attr("cases_field.category", "field_id"), subcategory: attr("cases_field.subcategory", "field_id")}
				c.run()
				return nil
			},
		}},
	})
}

type claimsChecks struct {
	t                               *testing.T
	tg                              *acctest.Target
	domainID, template              string
	policy, amount, tier, escalated string
	category, subcategory           string
	created, updated                int
	caseIDs                         []string
}

func str(s string) types.FieldValueUnion  { return &types.FieldValueUnionMemberStringValue{Value: s} }
func num(f float64) types.FieldValueUnion { return &types.FieldValueUnionMemberDoubleValue{Value: f} }
func flag(b bool) types.FieldValueUnion   { return &types.FieldValueUnionMemberBooleanValue{Value: b} }
func empty() types.FieldValueUnion        { return &types.FieldValueUnionMemberEmptyValue{} }
func field(id string, v types.FieldValueUnion) types.FieldValue {
	return types.FieldValue{Id: aws.String(id), Value: v}
}

// claim is a case that keeps every rule, a bronze claim with a policy,
// with the values of extra set over it.
func (c *claimsChecks) claim(extra ...types.FieldValue) []types.FieldValue {
	fields := []types.FieldValue{
		field("title", str("Claim")), field("customer_id", str("arn:aws:profile:us-west-2:111122223333:domains/claims/profiles/p-1")),
		field(c.policy, str("POL-1")), field(c.tier, str("bronze")),
	}
next:
	for _, e := range extra {
		for i := range fields {
			if aws.ToString(fields[i].Id) == aws.ToString(e.Id) {
				fields[i] = e
				continue next
			}
		}
		fields = append(fields, e)
	}
	return fields
}

// create expects CreateCase to be refused with a message containing want,
// or accepted when want is "".
func (c *claimsChecks) create(name, want string, fields []types.FieldValue) string {
	c.t.Helper()
	out, err := c.tg.Client.CreateCase(context.Background(), &connectcases.CreateCaseInput{DomainId: aws.String(c.domainID), TemplateId: aws.String(c.template), Fields: fields})
	if c.check("CreateCase "+name, want, err) {
		c.created++
		c.caseIDs = append(c.caseIDs, aws.ToString(out.CaseId))
		return aws.ToString(out.CaseId)
	}
	return ""
}

func (c *claimsChecks) update(name, caseID, want string, fields ...types.FieldValue) {
	c.t.Helper()
	_, err := c.tg.Client.UpdateCase(context.Background(), &connectcases.UpdateCaseInput{DomainId: aws.String(c.domainID), CaseId: aws.String(caseID), Fields: fields})
	if c.check("UpdateCase "+name, want, err) {
		c.updated++
	}
}

// check reports whether the call was accepted, failing the test when that
// is not what want says.
func (c *claimsChecks) check(what, want string, err error) bool {
	c.t.Helper()
	if want == "" {
		if err != nil {
			c.t.Errorf("%s: %v, want it accepted", what, err)
		}
		return err == nil
	}
	if err == nil || !strings.Contains(err.Error(), want) {
		c.t.Errorf("%s: %v, want a ValidationException mentioning %q", what, err, want)
	}
	return false
}

func (c *claimsChecks) run() {
	// Required fields of the template.
	c.create("without the policy number", "is required by template 'Insurance claim'", c.claim()[0:2])
	base := c.create("a bronze claim", "", c.claim())
	c.update("clearing the policy number", base, "is required by template 'Insurance claim'", field(c.policy, empty()))

	// Required rule: the amount for gold customers.
	c.create("gold without an amount", "required by case rule 'Claim amount for gold customers'", c.claim(field(c.tier, str("gold"))))
	gold := c.create("gold with an amount", "", c.claim(field(c.tier, str("gold")), field(c.amount, num(1200))))
	c.update("bronze to gold without an amount", base, "required by case rule 'Claim amount for gold customers'", field(c.tier, str("gold")))
	c.update("clearing a gold claim's amount", gold, "required by case rule", field(c.amount, empty()))

	// Hidden rule with a compound condition: escalation only for gold
	// claims with an amount, or silver claims already escalated.
	c.create("escalating a bronze claim", "hidden by case rule 'Escalation only for valuable claims'", c.claim(field(c.escalated, flag(true))))
	c.create("escalating a gold claim with an amount", "", c.claim(field(c.tier, str("gold")), field(c.amount, num(5)), field(c.escalated, flag(true))))
	c.create("an escalated silver claim", "", c.claim(field(c.tier, str("silver")), field(c.escalated, flag(true))))
	c.update("escalating the bronze claim", base, "hidden by case rule", field(c.escalated, flag(true)))
	c.update("escalating the gold claim", gold, "", field(c.escalated, flag(true)))

	// Option dependency: subcategories by category.
	c.create("a vehicle claim for water damage", "cannot be 'water' while field 'Claim category'", c.claim(field(c.category, str("vehicle")), field(c.subcategory, str("water"))))
	property := c.create("a property claim for water damage", "", c.claim(field(c.category, str("property")), field(c.subcategory, str("water"))))
	c.update("moving it to vehicle", property, "cannot be 'water'", field(c.category, str("vehicle")))
	c.update("moving it to vehicle with a collision", property, "", field(c.category, str("vehicle")), field(c.subcategory, str("collision")))

	// Field types: a single-select value must be an active option.
	c.create("an unknown tier", "'platinum' is not an option of field 'Customer tier'", c.claim(field(c.tier, str("platinum"))))
	c.update("an amount as text", base, "takes a doubleValue", field(c.amount, str("12")))

	// Tag propagation.
	ctx := context.Background()
	got, err := c.tg.Client.GetCase(ctx, &connectcases.GetCaseInput{DomainId: aws.String(c.domainID), CaseId: aws.String(base), Fields: []types.FieldIdentifier{{Id: aws.String("status")}}})
	if err != nil || aws.ToString(got.Tags["line_of_business"]) != "claims" {
		c.t.Errorf("GetCase tags = %v, %v; want line_of_business=claims from the template", got, err)
	}

	// A comment, whose event carries its content (include_related_item_content).
	if _, err := c.tg.Client.CreateRelatedItem(ctx, &connectcases.CreateRelatedItemInput{DomainId: aws.String(c.domainID), CaseId: aws.String(base), Type: types.RelatedItemTypeComment,
		Content: &types.RelatedItemInputContentMemberComment{Value: types.CommentContent{Body: aws.String("Adjuster assigned"), ContentType: types.CommentBodyTextTypePlaintext}}}); err != nil {
		c.t.Errorf("CreateRelatedItem: %v", err)
	}

	// The events: one per accepted change, with only the configured fields.
	counts := map[string]int{}
	allowed := map[string]bool{"status": true, "title": true, c.policy: true, c.amount: true}
	for _, ev := range c.tg.Emulator.Events(acctest.EmulatorAccount, c.tg.Region, c.domainID) {
		counts[ev.Detail.EventType]++
		if ev.Source != "aws.cases" || ev.DetailType != "Amazon Connect Cases Change" {
			c.t.Errorf("event envelope %s / %s", ev.Source, ev.DetailType)
		}
		if ev.Detail.Case != nil {
			for id := range ev.Detail.Case.Fields {
				if !allowed[id] {
					c.t.Errorf("%s carries field %s, which the event configuration does not include", ev.Detail.EventType, id)
				}
			}
			if _, ok := ev.Detail.Case.Fields["status"]; !ok {
				c.t.Errorf("%s lacks status, which the event configuration includes", ev.Detail.EventType)
			}
		}
		if ev.Detail.RelatedItem != nil && (ev.Detail.RelatedItem.Comment == nil || aws.ToString(ev.Detail.RelatedItem.Comment.Body) != "Adjuster assigned") {
			c.t.Errorf("RELATED_ITEM.CREATED without the comment's content: %+v", ev.Detail.RelatedItem)
		}
	}
	want := map[string]int{"CASE.CREATED": c.created, "CASE.UPDATED": c.updated, "RELATED_ITEM.CREATED": 1}
	for kind, n := range want {
		if counts[kind] != n {
			c.t.Errorf("%d %s events, want %d (events: %v)", counts[kind], kind, n, counts)
		}
	}
	// Cases go with the domain on destroy; delete them first anyway, to
	// show DeleteCase's event.
	for _, id := range c.caseIDs {
		if _, err := c.tg.Client.DeleteCase(ctx, &connectcases.DeleteCaseInput{DomainId: aws.String(c.domainID), CaseId: aws.String(id)}); err != nil {
			c.t.Errorf("DeleteCase: %v", err)
		}
	}
}
