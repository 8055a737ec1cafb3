package emulator_test

// Contract tests of the Cases data plane through the stock SDK client:
// cases, enforcement of the template, audit history and case tags.

import (
	"context"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/connectcases"
	"github.com/aws/aws-sdk-go-v2/service/connectcases/types"

	"github.com/connect-cases/terraform-provider-cases/internal/emulator"
)

func sv(s string) types.FieldValueUnion { return &types.FieldValueUnionMemberStringValue{Value: s} }
func dv(f float64) types.FieldValueUnion {
	return &types.FieldValueUnionMemberDoubleValue{Value: f}
}
func bv(b bool) types.FieldValueUnion { return &types.FieldValueUnionMemberBooleanValue{Value: b} }
func ev() types.FieldValueUnion       { return &types.FieldValueUnionMemberEmptyValue{} }

func fv(id string, v types.FieldValueUnion) types.FieldValue {
	return types.FieldValue{Id: aws.String(id), Value: v}
}

func eq(fieldID string, value types.OperandTwo, result bool) types.BooleanCondition {
	return &types.BooleanConditionMemberEqualTo{Value: types.BooleanOperands{
		OperandOne: &types.OperandOneMemberFieldId{Value: fieldID}, OperandTwo: value, Result: aws.Bool(result),
	}}
}

func opS(s string) types.OperandTwo { return &types.OperandTwoMemberStringValue{Value: s} }
func opB(b bool) types.OperandTwo   { return &types.OperandTwoMemberBooleanValue{Value: b} }

// casesFixture is an Active domain configured like a small claims desk.
type casesFixture struct {
	client   *connectcases.Client
	server   *emulator.Server
	e        *emulator.Emulator
	clock    *fakeClock
	domainID string
	// Custom fields.
	policy, amount, tier, escalated, due, region, city string
	// The template "Claim" applies every kind of rule; "Plain" none.
	claim, plain string
}

// newCasesFixture builds:
//   - template Claim: requiredFields policy and customer_id; rules: amount
//     required when tier = gold; summary required when tier = silver AND
//     escalated = true (andAll); due hidden unless tier = gold OR escalated
//     = true (orAll, default hidden); city limited by region (fieldOptions:
//     eu -> paris, berlin; us -> nyc); tag propagation team=claims.
//   - template Plain: nothing required beyond what every case needs.
func newCasesFixture(t *testing.T) *casesFixture {
	t.Helper()
	clock := newFakeClock()
	runtime := emulator.DefaultRuntimeConfig()
	runtime.ActivationDelay = 0
	e, server := startEmulator(t, emulator.Options{Runtime: runtime, Now: clock.Now})
	client := defaultClient(server)
	ctx := context.Background()
	f := &casesFixture{client: client, server: server, e: e, clock: clock}
	f.domainID = aws.ToString(createDomain(t, client, "claims").DomainId)
	field := func(name string, ft types.FieldType) string {
		return aws.ToString(createField(t, client, f.domainID, name, ft).FieldId)
	}
	f.policy, f.amount, f.tier = field("Policy", types.FieldTypeText), field("Amount", types.FieldTypeNumber), field("Tier", types.FieldTypeSingleSelect)
	f.escalated, f.due = field("Escalated", types.FieldTypeBoolean), field("Due", types.FieldTypeDateTime)
	f.region, f.city = field("Region", types.FieldTypeSingleSelect), field("City", types.FieldTypeSingleSelect)
	options := func(fieldID string, values ...string) {
		var opts []types.FieldOption
		for _, v := range values {
			opts = append(opts, types.FieldOption{Name: aws.String(strings.ToUpper(v)), Value: aws.String(v), Active: aws.Bool(v != "legacy")})
		}
		if _, err := client.BatchPutFieldOptions(ctx, &connectcases.BatchPutFieldOptionsInput{DomainId: aws.String(f.domainID), FieldId: aws.String(fieldID), Options: opts}); err != nil {
			t.Fatal(err)
		}
	}
	options(f.tier, "gold", "silver", "bronze", "legacy")
	options(f.region, "eu", "us")
	options(f.city, "paris", "berlin", "nyc")
	rule := func(name string, details types.CaseRuleDetails) string {
		out, err := client.CreateCaseRule(ctx, &connectcases.CreateCaseRuleInput{DomainId: aws.String(f.domainID), Name: aws.String(name), Rule: details})
		if err != nil {
			t.Fatalf("CreateCaseRule(%s): %v", name, err)
		}
		return aws.ToString(out.CaseRuleId)
	}
	amountForGold := rule("Amount for gold", &types.CaseRuleDetailsMemberRequired{Value: types.RequiredCaseRule{
		DefaultValue: aws.Bool(false), Conditions: []types.BooleanCondition{eq(f.tier, opS("gold"), true)},
	}})
	summaryForEscalatedSilver := rule("Summary for escalated silver", &types.CaseRuleDetailsMemberRequired{Value: types.RequiredCaseRule{
		DefaultValue: aws.Bool(false), Conditions: []types.BooleanCondition{&types.BooleanConditionMemberAndAll{Value: types.CompoundCondition{
			Conditions: []types.BooleanCondition{eq(f.tier, opS("silver"), true), eq(f.escalated, opB(true), true)},
		}}},
	}})
	dueForGoldOrEscalated := rule("Due for gold or escalated", &types.CaseRuleDetailsMemberHidden{Value: types.HiddenCaseRule{
		DefaultValue: aws.Bool(true), Conditions: []types.BooleanCondition{&types.BooleanConditionMemberOrAll{Value: types.CompoundCondition{
			Conditions: []types.BooleanCondition{eq(f.tier, opS("gold"), false), eq(f.escalated, opB(true), false)},
		}}},
	}})
	cityByRegion := rule("City by region", &types.CaseRuleDetailsMemberFieldOptions{Value: types.FieldOptionsCaseRule{
		ParentFieldId: aws.String(f.region), ChildFieldId: aws.String(f.city),
		ParentChildFieldOptionsMappings: []types.ParentChildFieldOptionsMapping{
			{ParentFieldOptionValue: aws.String("eu"), ChildFieldOptionValues: []string{"paris", "berlin"}},
			{ParentFieldOptionValue: aws.String("us"), ChildFieldOptionValues: []string{"nyc"}},
		},
	}})
	claim, err := client.CreateTemplate(ctx, &connectcases.CreateTemplateInput{
		DomainId: aws.String(f.domainID), Name: aws.String("Claim"),
		RequiredFields: []types.RequiredField{{FieldId: aws.String(f.policy)}, {FieldId: aws.String("customer_id")}},
		Rules: []types.TemplateRule{
			{CaseRuleId: aws.String(amountForGold), FieldId: aws.String(f.amount)},
			{CaseRuleId: aws.String(summaryForEscalatedSilver), FieldId: aws.String("summary")},
			{CaseRuleId: aws.String(dueForGoldOrEscalated), FieldId: aws.String(f.due)},
			{CaseRuleId: aws.String(cityByRegion)},
		},
		TagPropagationConfigurations: []types.TagPropagationConfiguration{{ResourceType: types.TagPropagationResourceTypeCases, TagMap: map[string]string{"team": "claims"}}},
	})
	if err != nil {
		t.Fatalf("CreateTemplate(Claim): %v", err)
	}
	f.claim = aws.ToString(claim.TemplateId)
	plain, err := client.CreateTemplate(ctx, &connectcases.CreateTemplateInput{DomainId: aws.String(f.domainID), Name: aws.String("Plain")})
	if err != nil {
		t.Fatal(err)
	}
	f.plain = aws.ToString(plain.TemplateId)
	return f
}

// basics are the values every case needs.
func basics(title string) []types.FieldValue {
	return []types.FieldValue{fv("title", sv(title)), fv("customer_id", sv(testCustomerID))}
}

func (f *casesFixture) create(t *testing.T, templateID string, fields ...types.FieldValue) (string, error) {
	t.Helper()
	out, err := f.client.CreateCase(context.Background(), &connectcases.CreateCaseInput{DomainId: aws.String(f.domainID), TemplateId: aws.String(templateID), Fields: fields})
	if err != nil {
		return "", err
	}
	return aws.ToString(out.CaseId), nil
}

func (f *casesFixture) mustCreate(t *testing.T, templateID string, fields ...types.FieldValue) string {
	t.Helper()
	id, err := f.create(t, templateID, fields...)
	if err != nil {
		t.Fatalf("CreateCase: %v", err)
	}
	return id
}

func (f *casesFixture) update(t *testing.T, caseID string, fields ...types.FieldValue) error {
	t.Helper()
	_, err := f.client.UpdateCase(context.Background(), &connectcases.UpdateCaseInput{DomainId: aws.String(f.domainID), CaseId: aws.String(caseID), Fields: fields})
	return err
}

// values reads the given fields of a case as text.
func (f *casesFixture) values(t *testing.T, caseID string, ids ...string) map[string]string {
	t.Helper()
	var idents []types.FieldIdentifier
	for _, id := range ids {
		idents = append(idents, types.FieldIdentifier{Id: aws.String(id)})
	}
	out, err := f.client.GetCase(context.Background(), &connectcases.GetCaseInput{DomainId: aws.String(f.domainID), CaseId: aws.String(caseID), Fields: idents})
	if err != nil {
		t.Fatalf("GetCase: %v", err)
	}
	return valueText(out.Fields)
}

func valueText(fields []types.FieldValue) map[string]string {
	got := map[string]string{}
	for _, field := range fields {
		switch v := field.Value.(type) {
		case *types.FieldValueUnionMemberStringValue:
			got[aws.ToString(field.Id)] = v.Value
		case *types.FieldValueUnionMemberDoubleValue:
			got[aws.ToString(field.Id)] = strconv.FormatFloat(v.Value, 'f', -1, 64)
		case *types.FieldValueUnionMemberBooleanValue:
			got[aws.ToString(field.Id)] = strconv.FormatBool(v.Value)
		case *types.FieldValueUnionMemberUserArnValue:
			got[aws.ToString(field.Id)] = v.Value
		}
	}
	return got
}

// requireValidation asserts a ValidationException whose message contains
// every part.
func requireValidation(t *testing.T, err error, parts ...string) {
	t.Helper()
	v := requireAPIErrorAs[*types.ValidationException](t, err)
	for _, p := range parts {
		if !strings.Contains(aws.ToString(v.Message), p) {
			t.Errorf("message %q does not mention %q", aws.ToString(v.Message), p)
		}
	}
}

func TestCase_lifecycle(t *testing.T) {
	f := newCasesFixture(t)
	ctx := context.Background()
	user := "arn:aws:connect:us-west-2:123456789012:instance/i/agent/agent-1"

	out, err := f.client.CreateCase(ctx, &connectcases.CreateCaseInput{
		DomainId: aws.String(f.domainID), TemplateId: aws.String(f.claim),
		Fields:      append(basics("Water damage"), fv(f.policy, sv("P-1")), fv(f.tier, sv("silver")), fv(f.amount, dv(120.5))),
		PerformedBy: &types.UserUnionMemberUserArn{Value: user},
		Tags:        map[string]string{"source": "phone"},
	})
	if err != nil {
		t.Fatalf("CreateCase: %v", err)
	}
	caseID := aws.ToString(out.CaseId)
	if !uuidPattern.MatchString(caseID) || !strings.HasSuffix(aws.ToString(out.CaseArn), ":domain/"+f.domainID+"/case/"+caseID) {
		t.Errorf("CreateCase = %s %s, want a UUID and the case ARN", caseID, aws.ToString(out.CaseArn))
	}

	got, err := f.client.GetCase(ctx, &connectcases.GetCaseInput{DomainId: aws.String(f.domainID), CaseId: aws.String(caseID), Fields: []types.FieldIdentifier{
		{Id: aws.String("title")}, {Id: aws.String(f.amount)}, {Id: aws.String("status")}, {Id: aws.String("case_id")},
		{Id: aws.String("created_datetime")}, {Id: aws.String("last_updated_user")}, {Id: aws.String("reference_number")}, {Id: aws.String(f.due)},
	}})
	if err != nil {
		t.Fatalf("GetCase: %v", err)
	}
	values := valueText(got.Fields)
	want := map[string]string{"title": "Water damage", f.amount: "120.5", "status": "open", "case_id": caseID,
		"created_datetime": f.clock.Now().Format(time.RFC3339Nano), "last_updated_user": user}
	for id, v := range want {
		if values[id] != v {
			t.Errorf("GetCase %s = %q, want %q", id, values[id], v)
		}
	}
	if len(values["reference_number"]) != 8 {
		t.Errorf("reference_number = %q, want 8 digits", values["reference_number"])
	}
	if _, ok := values[f.due]; ok || len(got.Fields) != 7 {
		t.Errorf("GetCase returned %d fields (%v); a field without a value is left out", len(got.Fields), values)
	}
	if aws.ToString(got.TemplateId) != f.claim || got.Tags["team"] == nil || *got.Tags["team"] != "claims" || *got.Tags["source"] != "phone" {
		t.Errorf("GetCase templateId %s tags %v, want the template and team=claims (propagated), source=phone", aws.ToString(got.TemplateId), got.Tags)
	}

	f.clock.Advance(time.Minute)
	if _, err := f.client.UpdateCase(ctx, &connectcases.UpdateCaseInput{DomainId: aws.String(f.domainID), CaseId: aws.String(caseID),
		Fields: []types.FieldValue{fv("status", sv("closed")), fv(f.amount, ev())}, PerformedBy: &types.UserUnionMemberCustomEntity{Value: "claims-bot"}}); err != nil {
		t.Fatalf("UpdateCase: %v", err)
	}
	values = f.values(t, caseID, "status", f.amount, "last_closed_datetime", "last_updated_datetime")
	if values["status"] != "closed" || values[f.amount] != "" || values["last_closed_datetime"] != f.clock.Now().Format(time.RFC3339Nano) || values["last_updated_datetime"] != values["last_closed_datetime"] {
		t.Errorf("after UpdateCase: %v", values)
	}

	audit, err := f.client.GetCaseAuditEvents(ctx, &connectcases.GetCaseAuditEventsInput{DomainId: aws.String(f.domainID), CaseId: aws.String(caseID)})
	if err != nil {
		t.Fatalf("GetCaseAuditEvents: %v", err)
	}
	if len(audit.AuditEvents) != 2 || audit.AuditEvents[0].Type != types.AuditEventTypeCaseCreated || audit.AuditEvents[1].Type != types.AuditEventTypeCaseUpdated {
		t.Fatalf("audit events = %+v, want Case.Created then Case.Updated", audit.AuditEvents)
	}
	created, updated := audit.AuditEvents[0], audit.AuditEvents[1]
	if u, ok := created.PerformedBy.User.(*types.UserUnionMemberUserArn); !ok || u.Value != user || aws.ToString(created.PerformedBy.IamPrincipalArn) != "arn:aws:iam::123456789012:root" {
		t.Errorf("Case.Created performedBy = %+v", created.PerformedBy)
	}
	if u, ok := updated.PerformedBy.User.(*types.UserUnionMemberCustomEntity); !ok || u.Value != "claims-bot" {
		t.Errorf("Case.Updated performedBy = %+v, want customEntity claims-bot", updated.PerformedBy)
	}
	changes := map[string]*types.AuditEventField{}
	for _, c := range updated.Fields {
		changes[aws.ToString(c.EventFieldId)] = c
	}
	if c := changes["status"]; c.OldValue.(*types.AuditEventFieldValueUnionMemberStringValue).Value != "open" || c.NewValue.(*types.AuditEventFieldValueUnionMemberStringValue).Value != "closed" {
		t.Errorf("status change = %+v", c)
	}
	if _, cleared := changes[f.amount].NewValue.(*types.AuditEventFieldValueUnionMemberEmptyValue); !cleared {
		t.Errorf("amount change = %+v, want newValue emptyValue", changes[f.amount])
	}
	if _, ok := changes["last_updated_datetime"]; !ok || len(updated.Fields) != 4 {
		t.Errorf("Case.Updated fields = %v, want status, amount, last_closed_datetime, last_updated_datetime", changes)
	}

	if _, err := f.client.DeleteCase(ctx, &connectcases.DeleteCaseInput{DomainId: aws.String(f.domainID), CaseId: aws.String(caseID)}); err != nil {
		t.Fatalf("DeleteCase: %v", err)
	}
	_, err = f.client.GetCase(ctx, &connectcases.GetCaseInput{DomainId: aws.String(f.domainID), CaseId: aws.String(caseID), Fields: []types.FieldIdentifier{{Id: aws.String("title")}}})
	if nf := requireAPIErrorAs[*types.ResourceNotFoundException](t, err); aws.ToString(nf.ResourceType) != "Case" {
		t.Errorf("resourceType = %s, want Case", aws.ToString(nf.ResourceType))
	}
	_, err = f.client.GetCaseAuditEvents(ctx, &connectcases.GetCaseAuditEventsInput{DomainId: aws.String(f.domainID), CaseId: aws.String(caseID)})
	requireAPIError[*types.ResourceNotFoundException](t, err)
	_, err = f.client.DeleteCase(ctx, &connectcases.DeleteCaseInput{DomainId: aws.String(f.domainID), CaseId: aws.String(caseID)})
	requireAPIError[*types.ResourceNotFoundException](t, err)
}

// TestCase_enforcesTemplate: every rule of the template, on CreateCase and
// on UpdateCase.
func TestCase_enforcesTemplate(t *testing.T) {
	f := newCasesFixture(t)
	claim := func(extra ...types.FieldValue) []types.FieldValue {
		return append(append(basics("Claim"), fv(f.policy, sv("P-1"))), extra...)
	}

	t.Run("documented and template required fields", func(t *testing.T) {
		_, err := f.create(t, f.claim, fv("title", sv("No customer")))
		requireValidation(t, err, "'Policy' ("+f.policy+") is required by template 'Claim'", "(customer_id) is required by every new case")
		_, err = f.create(t, f.plain, fv("customer_id", sv(testCustomerID)))
		requireValidation(t, err, "'Title' (title) is required by every new case")
		id := f.mustCreate(t, f.claim, claim()...)
		requireValidation(t, f.update(t, id, fv(f.policy, ev())), "'Policy' ("+f.policy+") is required by template 'Claim'")
	})
	t.Run("required rule", func(t *testing.T) {
		_, err := f.create(t, f.claim, claim(fv(f.tier, sv("gold")))...)
		requireValidation(t, err, "is required by case rule 'Amount for gold'")
		f.mustCreate(t, f.claim, claim(fv(f.tier, sv("gold")), fv(f.amount, dv(10)))...)
		id := f.mustCreate(t, f.claim, claim(fv(f.tier, sv("bronze")))...)
		requireValidation(t, f.update(t, id, fv(f.tier, sv("gold"))), "case rule 'Amount for gold'")
		if err := f.update(t, id, fv(f.tier, sv("gold")), fv(f.amount, dv(99))); err != nil {
			t.Errorf("UpdateCase with the amount: %v", err)
		}
	})
	t.Run("required rule with andAll", func(t *testing.T) {
		_, err := f.create(t, f.claim, claim(fv(f.tier, sv("silver")), fv(f.escalated, bv(true)))...)
		requireValidation(t, err, "(summary) is required by case rule 'Summary for escalated silver'")
		f.mustCreate(t, f.claim, claim(fv(f.tier, sv("silver")), fv(f.escalated, bv(false)))...)
		id := f.mustCreate(t, f.claim, claim(fv(f.tier, sv("silver")))...)
		requireValidation(t, f.update(t, id, fv(f.escalated, bv(true))), "Summary for escalated silver")
		if err := f.update(t, id, fv(f.escalated, bv(true)), fv("summary", sv("Customer called twice"))); err != nil {
			t.Errorf("UpdateCase with the summary: %v", err)
		}
	})
	t.Run("hidden rule with orAll", func(t *testing.T) {
		due := fv(f.due, sv("2024-06-01T00:00:00Z"))
		_, err := f.create(t, f.claim, claim(fv(f.tier, sv("bronze")), due)...)
		requireValidation(t, err, "'Due' ("+f.due+") is hidden by case rule 'Due for gold or escalated'")
		f.mustCreate(t, f.claim, claim(fv(f.tier, sv("bronze")), fv(f.escalated, bv(true)), due)...)
		id := f.mustCreate(t, f.claim, claim(fv(f.tier, sv("gold")), fv(f.amount, dv(1)), due)...)
		requireValidation(t, f.update(t, id, fv(f.tier, sv("bronze")), due), "hidden by case rule")
		if err := f.update(t, id, fv(f.tier, sv("bronze")), fv(f.due, ev())); err != nil {
			t.Errorf("clearing a hidden field: %v", err)
		}
	})
	t.Run("fieldOptions rule", func(t *testing.T) {
		_, err := f.create(t, f.claim, claim(fv(f.region, sv("us")), fv(f.city, sv("paris")))...)
		requireValidation(t, err, "'City' ("+f.city+") cannot be 'paris' while field 'Region' ("+f.region+") is 'us'", "allows: nyc")
		id := f.mustCreate(t, f.claim, claim(fv(f.region, sv("eu")), fv(f.city, sv("berlin")))...)
		requireValidation(t, f.update(t, id, fv(f.region, sv("us"))), "cannot be 'berlin'")
		if err := f.update(t, id, fv(f.region, sv("us")), fv(f.city, sv("nyc"))); err != nil {
			t.Errorf("UpdateCase to a mapped city: %v", err)
		}
		f.mustCreate(t, f.claim, claim(fv(f.city, sv("paris")))...) // no region: city is free
	})
	t.Run("values match field types", func(t *testing.T) {
		for name, tc := range map[string]struct {
			value types.FieldValue
			want  string
		}{
			"number as string":  {fv(f.amount, sv("12")), "takes a doubleValue"},
			"boolean as number": {fv(f.escalated, dv(1)), "takes a booleanValue"},
			"unknown option":    {fv(f.tier, sv("platinum")), "'platinum' is not an option"},
			"inactive option":   {fv(f.tier, sv("legacy")), "option 'legacy' of field 'Tier'"},
			"bad date-time":     {fv("created_datetime", sv("yesterday")), "maintained by Cases"},
			"bad customer_id":   {fv("customer_id", sv("cust-1")), "full customer profile ARN"},
			"unknown status":    {fv("status", sv("pending")), "'pending' is not an option of field 'Status'"},
		} {
			t.Run(name, func(t *testing.T) {
				_, err := f.create(t, f.plain, fv("title", sv("Typed")), tc.value)
				requireValidation(t, err, tc.want)
			})
		}
	})
	t.Run("template must be Active", func(t *testing.T) {
		ctx := context.Background()
		if _, err := f.client.UpdateTemplate(ctx, &connectcases.UpdateTemplateInput{DomainId: aws.String(f.domainID), TemplateId: aws.String(f.plain), Status: types.TemplateStatusInactive}); err != nil {
			t.Fatal(err)
		}
		_, err := f.create(t, f.plain, basics("Off")...)
		requireValidation(t, err, "is Inactive; a case needs an Active template")
		_, err = f.create(t, "00000000-0000-4000-8000-000000000000", basics("None")...)
		requireAPIError[*types.ResourceNotFoundException](t, err)
	})
}

func TestCase_idempotentWithClientToken(t *testing.T) {
	f := newCasesFixture(t)
	ctx := context.Background()
	input := &connectcases.CreateCaseInput{DomainId: aws.String(f.domainID), TemplateId: aws.String(f.plain), Fields: basics("Once"), ClientToken: aws.String("token-1")}
	first, err := f.client.CreateCase(ctx, input)
	if err != nil {
		t.Fatal(err)
	}
	again, err := f.client.CreateCase(ctx, input)
	if err != nil || aws.ToString(again.CaseId) != aws.ToString(first.CaseId) {
		t.Errorf("retry = %v, %v; want the same case %s", again, err, aws.ToString(first.CaseId))
	}
	input.Fields = basics("Twice")
	_, err = f.client.CreateCase(ctx, input)
	requireAPIError[*types.ConflictException](t, err)
}

func TestGetCase_pagination(t *testing.T) {
	f := newCasesFixture(t)
	defer emulator.SetGetCasePageSizeForTest(2)()
	id := f.mustCreate(t, f.plain, append(basics("Paged"), fv("summary", sv("s")))...)
	var fields []types.FieldIdentifier
	for _, fid := range []string{"title", "customer_id", f.amount, "summary", "status"} {
		fields = append(fields, types.FieldIdentifier{Id: aws.String(fid)})
	}
	var got []string
	var token *string
	for pages := 0; ; pages++ {
		out, err := f.client.GetCase(context.Background(), &connectcases.GetCaseInput{DomainId: aws.String(f.domainID), CaseId: aws.String(id), Fields: fields, NextToken: token})
		if err != nil {
			t.Fatal(err)
		}
		if len(out.Fields) > 2 || pages > 3 {
			t.Fatalf("page of %d fields after %d pages", len(out.Fields), pages)
		}
		for _, v := range out.Fields {
			got = append(got, aws.ToString(v.Id))
		}
		if token = out.NextToken; token == nil {
			break
		}
	}
	if strings.Join(got, ",") != "title,customer_id,summary,status" {
		t.Errorf("fields over pages = %v, want the requested ones with a value, in request order", got)
	}
}

// TestCases_isolation: another account, or another region, sees none of a
// tenant's cases.
func TestCases_isolation(t *testing.T) {
	f := newCasesFixture(t)
	ctx := context.Background()
	id := f.mustCreate(t, f.plain, basics("Mine")...)
	for name, other := range map[string]*connectcases.Client{
		"account": newClient(f.server, "111122223333", testSecret, testRegion),
		"region":  newClient(f.server, "AKIDEXAMPLE", testSecret, "eu-west-1"),
	} {
		t.Run(name, func(t *testing.T) {
			_, err := other.GetCase(ctx, &connectcases.GetCaseInput{DomainId: aws.String(f.domainID), CaseId: aws.String(id), Fields: []types.FieldIdentifier{{Id: aws.String("title")}}})
			requireAPIError[*types.ResourceNotFoundException](t, err)
			_, err = other.SearchCases(ctx, &connectcases.SearchCasesInput{DomainId: aws.String(f.domainID)})
			requireAPIError[*types.ResourceNotFoundException](t, err)
			_, err = other.CreateRelatedItem(ctx, &connectcases.CreateRelatedItemInput{DomainId: aws.String(f.domainID), CaseId: aws.String(id), Type: types.RelatedItemTypeComment,
				Content: &types.RelatedItemInputContentMemberComment{Value: types.CommentContent{Body: aws.String("x"), ContentType: types.CommentBodyTextTypePlaintext}}})
			requireAPIError[*types.ResourceNotFoundException](t, err)
		})
	}
}

// TestCase_tags: a case's tags are read and changed by ARN like any other
// resource's.
func TestCase_tags(t *testing.T) {
	f := newCasesFixture(t)
	ctx := context.Background()
	out, err := f.client.CreateCase(ctx, &connectcases.CreateCaseInput{DomainId: aws.String(f.domainID), TemplateId: aws.String(f.claim),
		Fields: append(basics("Tagged"), fv(f.policy, sv("P"))), Tags: map[string]string{"team": "other", "k": "v"}})
	if err != nil {
		t.Fatal(err)
	}
	tags, err := f.client.ListTagsForResource(ctx, &connectcases.ListTagsForResourceInput{Arn: out.CaseArn})
	if err != nil {
		t.Fatal(err)
	}
	if aws.ToString(tags.Tags["team"]) != "claims" || aws.ToString(tags.Tags["k"]) != "v" {
		t.Errorf("tags = %v, want the propagated team=claims to win over the request's, and k=v", tags.Tags)
	}
	if _, err := f.client.TagResource(ctx, &connectcases.TagResourceInput{Arn: out.CaseArn, Tags: map[string]*string{"extra": aws.String("1")}}); err != nil {
		t.Fatal(err)
	}
	search, err := f.client.SearchCases(ctx, &connectcases.SearchCasesInput{DomainId: aws.String(f.domainID),
		Filter: &types.CaseFilterMemberTag{Value: &types.TagFilterMemberEqualTo{Value: types.TagValue{Key: aws.String("extra"), Value: aws.String("1")}}}})
	if err != nil || len(search.Cases) != 1 || aws.ToString(search.Cases[0].CaseId) != aws.ToString(out.CaseId) {
		t.Errorf("SearchCases by the new tag = %+v, %v", search, err)
	}
}

// TestCases_persist: cases, related items, audit history and events
// survive a restart with a state file.
func TestCases_persist(t *testing.T) {
	path := t.TempDir() + "/state.json"
	runtime := emulator.DefaultRuntimeConfig()
	runtime.ActivationDelay = 0
	ctx := context.Background()
	_, server := startEmulator(t, emulator.Options{Runtime: runtime, StateFile: path})
	client := defaultClient(server)
	domainID := aws.ToString(createDomain(t, client, "kept").DomainId)
	if _, err := client.PutCaseEventConfiguration(ctx, &connectcases.PutCaseEventConfigurationInput{DomainId: aws.String(domainID), EventBridge: &types.EventBridgeConfiguration{Enabled: aws.Bool(true)}}); err != nil {
		t.Fatal(err)
	}
	tpl, err := client.CreateTemplate(ctx, &connectcases.CreateTemplateInput{DomainId: aws.String(domainID), Name: aws.String("T")})
	if err != nil {
		t.Fatal(err)
	}
	out, err := client.CreateCase(ctx, &connectcases.CreateCaseInput{DomainId: aws.String(domainID), TemplateId: tpl.TemplateId, Fields: basics("Kept"), ClientToken: aws.String("once")})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := client.CreateRelatedItem(ctx, &connectcases.CreateRelatedItemInput{DomainId: aws.String(domainID), CaseId: out.CaseId, Type: types.RelatedItemTypeComment,
		Content: &types.RelatedItemInputContentMemberComment{Value: types.CommentContent{Body: aws.String("kept"), ContentType: types.CommentBodyTextTypePlaintext}}}); err != nil {
		t.Fatal(err)
	}
	if err := server.Close(); err != nil {
		t.Fatal(err)
	}

	restarted, server2 := startEmulator(t, emulator.Options{Runtime: runtime, StateFile: path})
	client2 := defaultClient(server2)
	got, err := client2.GetCase(ctx, &connectcases.GetCaseInput{DomainId: aws.String(domainID), CaseId: out.CaseId, Fields: []types.FieldIdentifier{{Id: aws.String("title")}}})
	if err != nil || valueText(got.Fields)["title"] != "Kept" {
		t.Fatalf("GetCase after restart = %+v, %v", got, err)
	}
	items, err := client2.SearchRelatedItems(ctx, &connectcases.SearchRelatedItemsInput{DomainId: aws.String(domainID), CaseId: out.CaseId})
	if err != nil || len(items.RelatedItems) != 1 {
		t.Errorf("related items after restart = %+v, %v", items, err)
	}
	audit, err := client2.GetCaseAuditEvents(ctx, &connectcases.GetCaseAuditEventsInput{DomainId: aws.String(domainID), CaseId: out.CaseId})
	if err != nil || len(audit.AuditEvents) != 2 {
		t.Errorf("audit after restart = %+v, %v", audit, err)
	}
	if n := len(restarted.Events(emulator.DefaultAccount, testRegion, domainID)); n != 2 {
		t.Errorf("%d events after restart, want 2", n)
	}
	again, err := client2.CreateCase(ctx, &connectcases.CreateCaseInput{DomainId: aws.String(domainID), TemplateId: tpl.TemplateId, Fields: basics("Kept"), ClientToken: aws.String("once")})
	if err != nil || aws.ToString(again.CaseId) != aws.ToString(out.CaseId) {
		t.Errorf("client token after restart: %v, %v", again, err)
	}
}
