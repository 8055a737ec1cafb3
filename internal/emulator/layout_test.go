package emulator_test

// Contract tests of layouts, templates, case rules and the case event
// configuration, through the stock aws-sdk-go-v2 connectcases client.

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/connectcases"
	"github.com/aws/aws-sdk-go-v2/service/connectcases/types"

	"github.com/connect-cases/terraform-provider-cases/internal/emulator"
)

// basicLayout builds layout content with one field group in the top panel
// and, when moreInfo is given, one in the More Info tab.
func basicLayout(top []string, moreInfo ...string) types.LayoutContent {
	group := func(name string, ids []string) *types.LayoutSections {
		items := make([]types.FieldItem, 0, len(ids))
		for _, id := range ids {
			items = append(items, types.FieldItem{Id: aws.String(id)})
		}
		return &types.LayoutSections{Sections: []types.Section{&types.SectionMemberFieldGroup{Value: types.FieldGroup{Name: aws.String(name), Fields: items}}}}
	}
	basic := types.BasicLayout{TopPanel: group("Top", top)}
	if len(moreInfo) > 0 {
		basic.MoreInfo = group("More", moreInfo)
	}
	return &types.LayoutContentMemberBasic{Value: basic}
}

func layoutFieldIDs(t *testing.T, c types.LayoutContent) []string {
	t.Helper()
	basic, ok := c.(*types.LayoutContentMemberBasic)
	if !ok {
		t.Fatalf("content is %T, want basic", c)
	}
	var ids []string
	for _, panel := range []*types.LayoutSections{basic.Value.TopPanel, basic.Value.MoreInfo} {
		if panel == nil {
			continue
		}
		for _, s := range panel.Sections {
			group, ok := s.(*types.SectionMemberFieldGroup)
			if !ok {
				t.Fatalf("section is %T, want fieldGroup", s)
			}
			for _, f := range group.Value.Fields {
				ids = append(ids, aws.ToString(f.Id))
			}
		}
	}
	return ids
}

func createLayout(t *testing.T, client *connectcases.Client, domainID, name string, content types.LayoutContent) *connectcases.CreateLayoutOutput {
	t.Helper()
	out, err := client.CreateLayout(context.Background(), &connectcases.CreateLayoutInput{DomainId: aws.String(domainID), Name: aws.String(name), Content: content})
	if err != nil {
		t.Fatalf("CreateLayout(%q): %v", name, err)
	}
	return out
}

func requiredRule(fieldID, value string) types.CaseRuleDetails {
	return &types.CaseRuleDetailsMemberRequired{Value: types.RequiredCaseRule{
		DefaultValue: aws.Bool(false),
		Conditions: []types.BooleanCondition{&types.BooleanConditionMemberEqualTo{Value: types.BooleanOperands{
			OperandOne: &types.OperandOneMemberFieldId{Value: fieldID},
			OperandTwo: &types.OperandTwoMemberStringValue{Value: value},
			Result:     aws.Bool(true),
		}}},
	}}
}

func TestLayout_lifecycle(t *testing.T) {
	client, _, _, domainID := startFieldsEmulator(t)
	ctx := context.Background()
	policy := aws.ToString(createField(t, client, domainID, "Policy", types.FieldTypeText).FieldId)
	created := createLayout(t, client, domainID, "Claims", basicLayout([]string{policy, "summary"}, "customer_id"))
	if !strings.HasSuffix(aws.ToString(created.LayoutArn), "/layout/"+aws.ToString(created.LayoutId)) {
		t.Errorf("layoutArn = %s", aws.ToString(created.LayoutArn))
	}

	got, err := client.GetLayout(ctx, &connectcases.GetLayoutInput{DomainId: aws.String(domainID), LayoutId: created.LayoutId})
	if err != nil {
		t.Fatalf("GetLayout: %v", err)
	}
	if aws.ToString(got.Name) != "Claims" || got.Deleted || got.CreatedTime == nil {
		t.Errorf("GetLayout = %+v", got)
	}
	if ids := layoutFieldIDs(t, got.Content); fmt.Sprint(ids) != fmt.Sprint([]string{policy, "summary", "customer_id"}) {
		t.Errorf("content fields = %v", ids)
	}

	if _, err := client.UpdateLayout(ctx, &connectcases.UpdateLayoutInput{
		DomainId: aws.String(domainID), LayoutId: created.LayoutId, Name: aws.String("Claims v2"), Content: basicLayout([]string{"summary", policy}),
	}); err != nil {
		t.Fatalf("UpdateLayout: %v", err)
	}
	got, _ = client.GetLayout(ctx, &connectcases.GetLayoutInput{DomainId: aws.String(domainID), LayoutId: created.LayoutId})
	if aws.ToString(got.Name) != "Claims v2" || fmt.Sprint(layoutFieldIDs(t, got.Content)) != fmt.Sprint([]string{"summary", policy}) {
		t.Errorf("after update: %s %v", aws.ToString(got.Name), layoutFieldIDs(t, got.Content))
	}

	listed, err := client.ListLayouts(ctx, &connectcases.ListLayoutsInput{DomainId: aws.String(domainID)})
	if err != nil || len(listed.Layouts) != 1 || aws.ToString(listed.Layouts[0].Name) != "Claims v2" {
		t.Fatalf("ListLayouts = %+v, %v", listed, err)
	}

	if _, err := client.DeleteLayout(ctx, &connectcases.DeleteLayoutInput{DomainId: aws.String(domainID), LayoutId: created.LayoutId}); err != nil {
		t.Fatalf("DeleteLayout: %v", err)
	}
	got, err = client.GetLayout(ctx, &connectcases.GetLayoutInput{DomainId: aws.String(domainID), LayoutId: created.LayoutId})
	if err != nil || !got.Deleted {
		t.Errorf("GetLayout of a deleted layout = %+v, %v; want it, deleted", got, err)
	}
	listed, _ = client.ListLayouts(ctx, &connectcases.ListLayoutsInput{DomainId: aws.String(domainID)})
	if len(listed.Layouts) != 0 {
		t.Errorf("ListLayouts after delete = %+v", listed.Layouts)
	}
	_, err = client.UpdateLayout(ctx, &connectcases.UpdateLayoutInput{DomainId: aws.String(domainID), LayoutId: created.LayoutId, Name: aws.String("x")})
	requireValidationMessage(t, err, "deleted")
	_, err = client.DeleteLayout(ctx, &connectcases.DeleteLayoutInput{DomainId: aws.String(domainID), LayoutId: created.LayoutId})
	requireAPIError[*types.ResourceNotFoundException](t, err)
	_, err = client.GetLayout(ctx, &connectcases.GetLayoutInput{DomainId: aws.String(domainID), LayoutId: aws.String("nope")})
	notFound := requireAPIErrorAs[*types.ResourceNotFoundException](t, err)
	if aws.ToString(notFound.ResourceType) != "Layout" {
		t.Errorf("resourceType = %s", aws.ToString(notFound.ResourceType))
	}
}

func TestLayout_validation(t *testing.T) {
	client, _, _, domainID := startFieldsEmulator(t)
	ctx := context.Background()
	create := func(name string, content types.LayoutContent) error {
		_, err := client.CreateLayout(ctx, &connectcases.CreateLayoutInput{DomainId: aws.String(domainID), Name: aws.String(name), Content: content})
		return err
	}
	requireValidationMessage(t, create("Unknown", basicLayout([]string{"no-such-field"})), "no-such-field")
	requireValidationMessage(t, create("Title", basicLayout([]string{"title"})), "title", "not configurable")
	requireValidationMessage(t, create("Twice", basicLayout([]string{"summary"}, "summary")), "more than once", "summary")
	requireValidationMessage(t, create("ends in space ", basicLayout([]string{"summary"})), "'name'", "pattern")

	deleted := aws.ToString(createField(t, client, domainID, "Gone", types.FieldTypeText).FieldId)
	if _, err := client.DeleteField(ctx, &connectcases.DeleteFieldInput{DomainId: aws.String(domainID), FieldId: aws.String(deleted)}); err != nil {
		t.Fatal(err)
	}
	requireValidationMessage(t, create("Deleted", basicLayout([]string{deleted})), "deleted fields", deleted)

	createLayout(t, client, domainID, "Taken", basicLayout([]string{"summary"}))
	requireAPIError[*types.ConflictException](t, create("Taken", basicLayout([]string{"summary"})))
}

func TestLayout_quotas(t *testing.T) {
	client, server, _, domainID := startFieldsEmulator(t, func(c *emulator.RuntimeConfig) {
		c.Quotas.LayoutsPerDomain = 2
		c.Quotas.FieldsPerLayout = 3
	})
	ctx := context.Background()
	_, err := client.CreateLayout(ctx, &connectcases.CreateLayoutInput{DomainId: aws.String(domainID), Name: aws.String("Big"),
		Content: basicLayout([]string{"summary", "customer_id"}, "case_reason", "assigned_queue")})
	requireAPIError[*types.ServiceQuotaExceededException](t, err)

	first := createLayout(t, client, domainID, "One", basicLayout([]string{"summary"}))
	createLayout(t, client, domainID, "Two", basicLayout([]string{"summary"}))
	_, err = client.CreateLayout(ctx, &connectcases.CreateLayoutInput{DomainId: aws.String(domainID), Name: aws.String("Three"), Content: basicLayout([]string{"summary"})})
	requireAPIError[*types.ServiceQuotaExceededException](t, err)

	// Deleted layouts do not count against the quota.
	if _, err := client.DeleteLayout(ctx, &connectcases.DeleteLayoutInput{DomainId: aws.String(domainID), LayoutId: first.LayoutId}); err != nil {
		t.Fatal(err)
	}
	createLayout(t, client, domainID, "Three", basicLayout([]string{"summary"}))

	putConfig(t, server, `{"quotas":{"layoutsPerDomain":3}}`)
	createLayout(t, client, domainID, "Four", basicLayout([]string{"summary"}))
}

func TestLayout_paging(t *testing.T) {
	client, _, _, domainID := startFieldsEmulator(t)
	ctx := context.Background()
	var want []string
	for i := 0; i < 5; i++ {
		name := fmt.Sprintf("Layout %d", i)
		createLayout(t, client, domainID, name, basicLayout([]string{"summary"}))
		want = append(want, name)
	}
	var got []string
	pages := 0
	paginator := connectcases.NewListLayoutsPaginator(client, &connectcases.ListLayoutsInput{DomainId: aws.String(domainID), MaxResults: aws.Int32(2)})
	for paginator.HasMorePages() {
		page, err := paginator.NextPage(ctx)
		if err != nil {
			t.Fatal(err)
		}
		pages++
		for _, l := range page.Layouts {
			got = append(got, aws.ToString(l.Name))
		}
	}
	if fmt.Sprint(got) != fmt.Sprint(want) || pages != 3 {
		t.Errorf("listed %v in %d pages, want %v in 3", got, pages, want)
	}
}

func TestDeleteField_namesLayoutsTemplatesAndRulesUsingIt(t *testing.T) {
	client, _, _, domainID := startFieldsEmulator(t)
	ctx := context.Background()
	policy := createField(t, client, domainID, "Policy", types.FieldTypeText)
	policyID := aws.ToString(policy.FieldId)
	l := createLayout(t, client, domainID, "Claims", basicLayout([]string{policyID}))
	rule, err := client.CreateCaseRule(ctx, &connectcases.CreateCaseRuleInput{DomainId: aws.String(domainID), Name: aws.String("Policy rule"), Rule: requiredRule(policyID, "x")})
	if err != nil {
		t.Fatal(err)
	}
	tpl, err := client.CreateTemplate(ctx, &connectcases.CreateTemplateInput{DomainId: aws.String(domainID), Name: aws.String("Claim"),
		RequiredFields: []types.RequiredField{{FieldId: aws.String(policyID)}}})
	if err != nil {
		t.Fatal(err)
	}

	_, err = client.DeleteField(ctx, &connectcases.DeleteFieldInput{DomainId: aws.String(domainID), FieldId: policy.FieldId})
	conflict := requireAPIErrorAs[*types.ConflictException](t, err)
	for _, want := range []string{"layout 'Claims' (" + aws.ToString(l.LayoutId) + ")", "template 'Claim' (" + aws.ToString(tpl.TemplateId) + ")", "case rule 'Policy rule'"} {
		if !strings.Contains(aws.ToString(conflict.Message), want) {
			t.Errorf("message %q does not name %s", aws.ToString(conflict.Message), want)
		}
	}

	// Once nothing live uses it, the field can go.
	for _, del := range []func() error{
		func() error {
			_, err := client.DeleteTemplate(ctx, &connectcases.DeleteTemplateInput{DomainId: aws.String(domainID), TemplateId: tpl.TemplateId})
			return err
		},
		func() error {
			_, err := client.DeleteLayout(ctx, &connectcases.DeleteLayoutInput{DomainId: aws.String(domainID), LayoutId: l.LayoutId})
			return err
		},
		func() error {
			_, err := client.DeleteCaseRule(ctx, &connectcases.DeleteCaseRuleInput{DomainId: aws.String(domainID), CaseRuleId: rule.CaseRuleId})
			return err
		},
	} {
		if err := del(); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := client.DeleteField(ctx, &connectcases.DeleteFieldInput{DomainId: aws.String(domainID), FieldId: policy.FieldId}); err != nil {
		t.Fatalf("DeleteField once unused: %v", err)
	}
}

func TestTemplate_lifecycle(t *testing.T) {
	client, _, _, domainID := startFieldsEmulator(t)
	ctx := context.Background()
	policy := aws.ToString(createField(t, client, domainID, "Policy", types.FieldTypeText).FieldId)
	l := createLayout(t, client, domainID, "Claims", basicLayout([]string{policy}))
	rule, err := client.CreateCaseRule(ctx, &connectcases.CreateCaseRuleInput{DomainId: aws.String(domainID), Name: aws.String("Rule"), Rule: requiredRule("summary", "x")})
	if err != nil {
		t.Fatal(err)
	}

	created, err := client.CreateTemplate(ctx, &connectcases.CreateTemplateInput{
		DomainId: aws.String(domainID), Name: aws.String("Claim"), Description: aws.String("A claim"),
		LayoutConfiguration: &types.LayoutConfiguration{DefaultLayout: l.LayoutId},
		RequiredFields:      []types.RequiredField{{FieldId: aws.String(policy)}},
		Rules:               []types.TemplateRule{{CaseRuleId: rule.CaseRuleId, FieldId: aws.String(policy)}},
	})
	if err != nil {
		t.Fatalf("CreateTemplate: %v", err)
	}
	got, err := client.GetTemplate(ctx, &connectcases.GetTemplateInput{DomainId: aws.String(domainID), TemplateId: created.TemplateId})
	if err != nil {
		t.Fatal(err)
	}
	if got.Status != types.TemplateStatusActive || aws.ToString(got.LayoutConfiguration.DefaultLayout) != aws.ToString(l.LayoutId) ||
		len(got.RequiredFields) != 1 || len(got.Rules) != 1 || aws.ToString(got.Description) != "A claim" {
		t.Errorf("GetTemplate = %+v", got)
	}

	// Update changes only what it names.
	if _, err := client.UpdateTemplate(ctx, &connectcases.UpdateTemplateInput{DomainId: aws.String(domainID), TemplateId: created.TemplateId, Status: types.TemplateStatusInactive}); err != nil {
		t.Fatal(err)
	}
	got, _ = client.GetTemplate(ctx, &connectcases.GetTemplateInput{DomainId: aws.String(domainID), TemplateId: created.TemplateId})
	if got.Status != types.TemplateStatusInactive || aws.ToString(got.Description) != "A claim" || len(got.RequiredFields) != 1 {
		t.Errorf("after update: %+v", got)
	}

	// A layout or rule a template uses cannot be deleted.
	_, err = client.DeleteLayout(ctx, &connectcases.DeleteLayoutInput{DomainId: aws.String(domainID), LayoutId: l.LayoutId})
	if c := requireAPIErrorAs[*types.ConflictException](t, err); !strings.Contains(aws.ToString(c.Message), "template 'Claim'") {
		t.Errorf("message %q", aws.ToString(c.Message))
	}
	_, err = client.DeleteCaseRule(ctx, &connectcases.DeleteCaseRuleInput{DomainId: aws.String(domainID), CaseRuleId: rule.CaseRuleId})
	requireAPIError[*types.ConflictException](t, err)

	active, err := client.ListTemplates(ctx, &connectcases.ListTemplatesInput{DomainId: aws.String(domainID), Status: []types.TemplateStatus{types.TemplateStatusActive}})
	if err != nil || len(active.Templates) != 0 {
		t.Errorf("ListTemplates(Active) = %+v, %v", active, err)
	}
	all, err := client.ListTemplates(ctx, &connectcases.ListTemplatesInput{DomainId: aws.String(domainID)})
	if err != nil || len(all.Templates) != 1 || all.Templates[0].Status != types.TemplateStatusInactive {
		t.Errorf("ListTemplates = %+v, %v", all, err)
	}

	if _, err := client.DeleteTemplate(ctx, &connectcases.DeleteTemplateInput{DomainId: aws.String(domainID), TemplateId: created.TemplateId}); err != nil {
		t.Fatal(err)
	}
	got, err = client.GetTemplate(ctx, &connectcases.GetTemplateInput{DomainId: aws.String(domainID), TemplateId: created.TemplateId})
	if err != nil || !got.Deleted {
		t.Errorf("GetTemplate of a deleted template = %+v, %v", got, err)
	}
	all, _ = client.ListTemplates(ctx, &connectcases.ListTemplatesInput{DomainId: aws.String(domainID)})
	if len(all.Templates) != 0 {
		t.Errorf("ListTemplates after delete = %+v", all.Templates)
	}
	_, err = client.UpdateTemplate(ctx, &connectcases.UpdateTemplateInput{DomainId: aws.String(domainID), TemplateId: created.TemplateId, Name: aws.String("x")})
	requireValidationMessage(t, err, "deleted")
	// Now the layout is free.
	if _, err := client.DeleteLayout(ctx, &connectcases.DeleteLayoutInput{DomainId: aws.String(domainID), LayoutId: l.LayoutId}); err != nil {
		t.Errorf("DeleteLayout once unused: %v", err)
	}
}

func TestTemplate_references(t *testing.T) {
	client, _, _, domainID := startFieldsEmulator(t)
	ctx := context.Background()
	create := func(in connectcases.CreateTemplateInput) error {
		in.DomainId = aws.String(domainID)
		if in.Name == nil {
			in.Name = aws.String("T")
		}
		_, err := client.CreateTemplate(ctx, &in)
		return err
	}
	requireValidationMessage(t, create(connectcases.CreateTemplateInput{RequiredFields: []types.RequiredField{{FieldId: aws.String("ghost")}}}), "ghost")
	requireValidationMessage(t, create(connectcases.CreateTemplateInput{LayoutConfiguration: &types.LayoutConfiguration{DefaultLayout: aws.String("no-layout")}}), "no-layout")
	requireValidationMessage(t, create(connectcases.CreateTemplateInput{Rules: []types.TemplateRule{{CaseRuleId: aws.String("no-rule"), FieldId: aws.String("summary")}}}), "no-rule")
	requireValidationMessage(t, create(connectcases.CreateTemplateInput{RequiredFields: []types.RequiredField{{FieldId: aws.String("summary")}, {FieldId: aws.String("summary")}}}), "more than once")
	requireValidationMessage(t, create(connectcases.CreateTemplateInput{Status: "Paused"}), "enum")

	if err := create(connectcases.CreateTemplateInput{}); err != nil {
		t.Fatal(err)
	}
	requireAPIError[*types.ConflictException](t, create(connectcases.CreateTemplateInput{}))

	listed, err := client.ListTemplates(ctx, &connectcases.ListTemplatesInput{DomainId: aws.String(domainID)})
	if err != nil || len(listed.Templates) != 1 {
		t.Fatalf("ListTemplates = %+v, %v", listed, err)
	}
	_, err = client.UpdateTemplate(ctx, &connectcases.UpdateTemplateInput{DomainId: aws.String(domainID), TemplateId: listed.Templates[0].TemplateId})
	requireValidationMessage(t, err, "at least one of")
}

func TestTemplate_quota(t *testing.T) {
	client, _, _, domainID := startFieldsEmulator(t, func(c *emulator.RuntimeConfig) { c.Quotas.TemplatesPerDomain = 1 })
	ctx := context.Background()
	if _, err := client.CreateTemplate(ctx, &connectcases.CreateTemplateInput{DomainId: aws.String(domainID), Name: aws.String("One")}); err != nil {
		t.Fatal(err)
	}
	_, err := client.CreateTemplate(ctx, &connectcases.CreateTemplateInput{DomainId: aws.String(domainID), Name: aws.String("Two")})
	requireAPIError[*types.ServiceQuotaExceededException](t, err)
}

func TestCaseRule_lifecycle(t *testing.T) {
	client, _, _, domainID := startFieldsEmulator(t)
	ctx := context.Background()
	created, err := client.CreateCaseRule(ctx, &connectcases.CreateCaseRuleInput{DomainId: aws.String(domainID), Name: aws.String("Needs summary"),
		Description: aws.String("d"), Rule: requiredRule("case_reason", "billing")})
	if err != nil {
		t.Fatalf("CreateCaseRule: %v", err)
	}
	get := func() types.GetCaseRuleResponse {
		t.Helper()
		out, err := client.BatchGetCaseRule(ctx, &connectcases.BatchGetCaseRuleInput{DomainId: aws.String(domainID),
			CaseRules: []types.CaseRuleIdentifier{{Id: created.CaseRuleId}, {Id: aws.String("missing")}}})
		if err != nil {
			t.Fatalf("BatchGetCaseRule: %v", err)
		}
		if len(out.CaseRules) != 1 || len(out.Errors) != 1 || aws.ToString(out.Errors[0].Id) != "missing" {
			t.Fatalf("BatchGetCaseRule = %+v", out)
		}
		return out.CaseRules[0]
	}
	got := get()
	required, ok := got.Rule.(*types.CaseRuleDetailsMemberRequired)
	if !ok || len(required.Value.Conditions) != 1 || aws.ToString(got.Description) != "d" {
		t.Fatalf("rule = %#v", got.Rule)
	}
	eq, ok := required.Value.Conditions[0].(*types.BooleanConditionMemberEqualTo)
	if !ok {
		t.Fatalf("condition = %#v, want equalTo", required.Value.Conditions[0])
	}
	one, okOne := eq.Value.OperandOne.(*types.OperandOneMemberFieldId)
	two, okTwo := eq.Value.OperandTwo.(*types.OperandTwoMemberStringValue)
	if !okOne || !okTwo || one.Value != "case_reason" || two.Value != "billing" {
		t.Errorf("condition = %#v", eq.Value)
	}

	if _, err := client.UpdateCaseRule(ctx, &connectcases.UpdateCaseRuleInput{DomainId: aws.String(domainID), CaseRuleId: created.CaseRuleId,
		Rule: &types.CaseRuleDetailsMemberRequired{Value: types.RequiredCaseRule{DefaultValue: aws.Bool(true), Conditions: []types.BooleanCondition{
			&types.BooleanConditionMemberNotEqualTo{Value: types.BooleanOperands{OperandOne: &types.OperandOneMemberFieldId{Value: "summary"},
				OperandTwo: &types.OperandTwoMemberEmptyValue{}, Result: aws.Bool(false)}}}}}}); err != nil {
		t.Fatalf("UpdateCaseRule: %v", err)
	}
	got = get()
	r, ok := got.Rule.(*types.CaseRuleDetailsMemberRequired)
	if !ok || !aws.ToBool(r.Value.DefaultValue) || len(r.Value.Conditions) != 1 {
		t.Fatalf("rule after update = %#v", got.Rule)
	}
	if ne, ok := r.Value.Conditions[0].(*types.BooleanConditionMemberNotEqualTo); !ok {
		t.Errorf("condition = %#v, want notEqualTo", r.Value.Conditions[0])
	} else if _, ok := ne.Value.OperandTwo.(*types.OperandTwoMemberEmptyValue); !ok {
		t.Errorf("emptyValue did not round-trip: %#v", ne.Value.OperandTwo)
	}

	listed, err := client.ListCaseRules(ctx, &connectcases.ListCaseRulesInput{DomainId: aws.String(domainID)})
	if err != nil || len(listed.CaseRules) != 1 || listed.CaseRules[0].RuleType != types.RuleTypeRequired {
		t.Fatalf("ListCaseRules = %+v, %v", listed, err)
	}

	if _, err := client.TagResource(ctx, &connectcases.TagResourceInput{Arn: created.CaseRuleArn, Tags: map[string]*string{"k": aws.String("v")}}); err != nil {
		t.Fatalf("tagging a case rule: %v", err)
	}
	if got := get(); aws.ToString(got.Tags["k"]) != "v" {
		t.Errorf("tags = %v", got.Tags)
	}

	if _, err := client.DeleteCaseRule(ctx, &connectcases.DeleteCaseRuleInput{DomainId: aws.String(domainID), CaseRuleId: created.CaseRuleId}); err != nil {
		t.Fatal(err)
	}
	if !get().Deleted {
		t.Error("a deleted rule reads as not deleted")
	}
	listed, _ = client.ListCaseRules(ctx, &connectcases.ListCaseRulesInput{DomainId: aws.String(domainID)})
	if len(listed.CaseRules) != 0 {
		t.Errorf("ListCaseRules after delete = %+v", listed.CaseRules)
	}
}

func TestCaseRule_validation(t *testing.T) {
	client, _, _, domainID := startFieldsEmulator(t)
	ctx := context.Background()
	_, err := client.CreateCaseRule(ctx, &connectcases.CreateCaseRuleInput{DomainId: aws.String(domainID), Name: aws.String("R"), Rule: requiredRule("ghost", "x")})
	requireValidationMessage(t, err, "ghost")
	// The SDK checks required members itself; lengths are the server's.
	_, err = client.CreateCaseRule(ctx, &connectcases.CreateCaseRuleInput{DomainId: aws.String(domainID), Name: aws.String("R"), Rule: requiredRule("summary", "")})
	requireValidationMessage(t, err, "rule.required.conditions.1.member.equalTo.operandTwo.stringValue")
}

func TestTaggingLayoutsAndTemplates(t *testing.T) {
	client, _, _, domainID := startFieldsEmulator(t)
	ctx := context.Background()
	l := createLayout(t, client, domainID, "L", basicLayout([]string{"summary"}))
	tpl, err := client.CreateTemplate(ctx, &connectcases.CreateTemplateInput{DomainId: aws.String(domainID), Name: aws.String("T")})
	if err != nil {
		t.Fatal(err)
	}
	for _, arn := range []*string{l.LayoutArn, tpl.TemplateArn} {
		if _, err := client.TagResource(ctx, &connectcases.TagResourceInput{Arn: arn, Tags: map[string]*string{"team": aws.String("claims")}}); err != nil {
			t.Fatalf("TagResource(%s): %v", aws.ToString(arn), err)
		}
		listed, err := client.ListTagsForResource(ctx, &connectcases.ListTagsForResourceInput{Arn: arn})
		if err != nil || fmt.Sprint(aws.ToStringMap(listed.Tags)) != "map[team:claims]" {
			t.Errorf("ListTagsForResource(%s) = %v, %v", aws.ToString(arn), listed, err)
		}
	}
	gotLayout, _ := client.GetLayout(ctx, &connectcases.GetLayoutInput{DomainId: aws.String(domainID), LayoutId: l.LayoutId})
	gotTemplate, _ := client.GetTemplate(ctx, &connectcases.GetTemplateInput{DomainId: aws.String(domainID), TemplateId: tpl.TemplateId})
	if aws.ToString(gotLayout.Tags["team"]) != "claims" || aws.ToString(gotTemplate.Tags["team"]) != "claims" {
		t.Errorf("Get tags: layout %v, template %v", gotLayout.Tags, gotTemplate.Tags)
	}
	if _, err := client.DeleteLayout(ctx, &connectcases.DeleteLayoutInput{DomainId: aws.String(domainID), LayoutId: l.LayoutId}); err != nil {
		t.Fatal(err)
	}
	_, err = client.ListTagsForResource(ctx, &connectcases.ListTagsForResourceInput{Arn: l.LayoutArn})
	if nf := requireAPIErrorAs[*types.ResourceNotFoundException](t, err); aws.ToString(nf.ResourceType) != "Layout" {
		t.Errorf("resourceType = %s", aws.ToString(nf.ResourceType))
	}
}

func TestCaseEventConfiguration(t *testing.T) {
	client, _, _, domainID := startFieldsEmulator(t)
	ctx := context.Background()
	got, err := client.GetCaseEventConfiguration(ctx, &connectcases.GetCaseEventConfigurationInput{DomainId: aws.String(domainID)})
	if err != nil || got.EventBridge == nil || aws.ToBool(got.EventBridge.Enabled) {
		t.Fatalf("GetCaseEventConfiguration of a new domain = %+v, %v; want disabled", got, err)
	}
	policy := createField(t, client, domainID, "Policy", types.FieldTypeText)
	put := func(ids ...string) error {
		var fields []types.FieldIdentifier
		for _, id := range ids {
			fields = append(fields, types.FieldIdentifier{Id: aws.String(id)})
		}
		_, err := client.PutCaseEventConfiguration(ctx, &connectcases.PutCaseEventConfigurationInput{DomainId: aws.String(domainID), EventBridge: &types.EventBridgeConfiguration{
			Enabled: aws.Bool(true),
			IncludedData: &types.EventIncludedData{
				CaseData:        &types.CaseEventIncludedData{Fields: fields},
				RelatedItemData: &types.RelatedItemEventIncludedData{IncludeContent: aws.Bool(true)},
			},
		}})
		return err
	}
	requireValidationMessage(t, put("ghost"), "ghost")
	if err := put(aws.ToString(policy.FieldId), "status"); err != nil {
		t.Fatalf("PutCaseEventConfiguration: %v", err)
	}
	got, err = client.GetCaseEventConfiguration(ctx, &connectcases.GetCaseEventConfigurationInput{DomainId: aws.String(domainID)})
	if err != nil || !aws.ToBool(got.EventBridge.Enabled) || len(got.EventBridge.IncludedData.CaseData.Fields) != 2 ||
		!aws.ToBool(got.EventBridge.IncludedData.RelatedItemData.IncludeContent) {
		t.Fatalf("GetCaseEventConfiguration = %+v, %v", got, err)
	}
	_, err = client.DeleteField(ctx, &connectcases.DeleteFieldInput{DomainId: aws.String(domainID), FieldId: policy.FieldId})
	if c := requireAPIErrorAs[*types.ConflictException](t, err); !strings.Contains(aws.ToString(c.Message), "case event configuration") {
		t.Errorf("message %q", aws.ToString(c.Message))
	}
	_, err = client.GetCaseEventConfiguration(ctx, &connectcases.GetCaseEventConfigurationInput{DomainId: aws.String("no-domain")})
	requireAPIError[*types.ResourceNotFoundException](t, err)
}

// TestDomainConfiguration_survivesRestart: with a state file, layouts,
// templates, case rules and the case event configuration are there after a
// restart, with their references.
func TestDomainConfiguration_survivesRestart(t *testing.T) {
	ctx := context.Background()
	runtime := emulator.DefaultRuntimeConfig()
	runtime.ActivationDelay = 0
	opts := emulator.Options{Runtime: runtime, StateFile: t.TempDir() + "/state.json"}

	first, err := emulator.New(opts)
	if err != nil {
		t.Fatal(err)
	}
	server, err := emulator.Start(first, "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	client := defaultClient(server)
	domainID := aws.ToString(createDomain(t, client, "persisted").DomainId)
	policy := createField(t, client, domainID, "Policy", types.FieldTypeText)
	l := createLayout(t, client, domainID, "Claims", basicLayout([]string{aws.ToString(policy.FieldId)}))
	rule, err := client.CreateCaseRule(ctx, &connectcases.CreateCaseRuleInput{DomainId: aws.String(domainID), Name: aws.String("R"), Rule: requiredRule("summary", "x")})
	if err != nil {
		t.Fatal(err)
	}
	tpl, err := client.CreateTemplate(ctx, &connectcases.CreateTemplateInput{DomainId: aws.String(domainID), Name: aws.String("T"),
		LayoutConfiguration: &types.LayoutConfiguration{DefaultLayout: l.LayoutId},
		Rules:               []types.TemplateRule{{CaseRuleId: rule.CaseRuleId, FieldId: policy.FieldId}}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := client.PutCaseEventConfiguration(ctx, &connectcases.PutCaseEventConfigurationInput{DomainId: aws.String(domainID),
		EventBridge: &types.EventBridgeConfiguration{Enabled: aws.Bool(true)}}); err != nil {
		t.Fatal(err)
	}
	if err := server.Close(); err != nil {
		t.Fatal(err)
	}

	_, restarted := startEmulator(t, opts)
	client = defaultClient(restarted)
	gotLayout, err := client.GetLayout(ctx, &connectcases.GetLayoutInput{DomainId: aws.String(domainID), LayoutId: l.LayoutId})
	if err != nil || fmt.Sprint(layoutFieldIDs(t, gotLayout.Content)) != fmt.Sprint([]string{aws.ToString(policy.FieldId)}) {
		t.Fatalf("GetLayout after restart = %+v, %v", gotLayout, err)
	}
	gotTemplate, err := client.GetTemplate(ctx, &connectcases.GetTemplateInput{DomainId: aws.String(domainID), TemplateId: tpl.TemplateId})
	if err != nil || aws.ToString(gotTemplate.LayoutConfiguration.DefaultLayout) != aws.ToString(l.LayoutId) || len(gotTemplate.Rules) != 1 {
		t.Fatalf("GetTemplate after restart = %+v, %v", gotTemplate, err)
	}
	rules, err := client.ListCaseRules(ctx, &connectcases.ListCaseRulesInput{DomainId: aws.String(domainID)})
	if err != nil || len(rules.CaseRules) != 1 {
		t.Fatalf("ListCaseRules after restart = %+v, %v", rules, err)
	}
	events, err := client.GetCaseEventConfiguration(ctx, &connectcases.GetCaseEventConfigurationInput{DomainId: aws.String(domainID)})
	if err != nil || !aws.ToBool(events.EventBridge.Enabled) {
		t.Fatalf("GetCaseEventConfiguration after restart = %+v, %v", events, err)
	}
	// References survive too: the field is still in use.
	_, err = client.DeleteField(ctx, &connectcases.DeleteFieldInput{DomainId: aws.String(domainID), FieldId: policy.FieldId})
	requireAPIError[*types.ConflictException](t, err)
}

// TestUpdateLayout_checksContent: an update is checked as a create is.
func TestUpdateLayout_checksContent(t *testing.T) {
	client, _, _, domainID := startFieldsEmulator(t, func(c *emulator.RuntimeConfig) { c.Quotas.FieldsPerLayout = 2 })
	ctx := context.Background()
	l := createLayout(t, client, domainID, "L", basicLayout([]string{"summary"}))
	update := func(content types.LayoutContent) error {
		_, err := client.UpdateLayout(ctx, &connectcases.UpdateLayoutInput{DomainId: aws.String(domainID), LayoutId: l.LayoutId, Content: content})
		return err
	}
	requireValidationMessage(t, update(basicLayout([]string{"ghost"})), "ghost")
	requireValidationMessage(t, update(basicLayout([]string{"status"})), "not configurable")
	requireAPIError[*types.ServiceQuotaExceededException](t, update(basicLayout([]string{"summary", "customer_id"}, "case_reason")))
	createLayout(t, client, domainID, "Other", basicLayout([]string{"summary"}))
	_, err := client.UpdateLayout(ctx, &connectcases.UpdateLayoutInput{DomainId: aws.String(domainID), LayoutId: l.LayoutId, Name: aws.String("Other")})
	requireAPIError[*types.ConflictException](t, err)
	// Nothing of the refused updates landed.
	got, err := client.GetLayout(ctx, &connectcases.GetLayoutInput{DomainId: aws.String(domainID), LayoutId: l.LayoutId})
	if err != nil || aws.ToString(got.Name) != "L" || fmt.Sprint(layoutFieldIDs(t, got.Content)) != "[summary]" {
		t.Errorf("after refused updates: %+v, %v", got, err)
	}
}
