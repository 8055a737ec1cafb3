package emulator_test

// Contract tests of the newer case rule and template members (hidden and
// fieldOptions rules, andAll/orAll conditions, template tag propagation),
// through the stock aws-sdk-go-v2 connectcases client.

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/connectcases"
	"github.com/aws/aws-sdk-go-v2/service/connectcases/types"
)

func equalTo(fieldID, value string) types.BooleanCondition {
	return &types.BooleanConditionMemberEqualTo{Value: types.BooleanOperands{
		OperandOne: &types.OperandOneMemberFieldId{Value: fieldID},
		OperandTwo: &types.OperandTwoMemberStringValue{Value: value},
		Result:     aws.Bool(true),
	}}
}

func andAll(conditions ...types.BooleanCondition) types.BooleanCondition {
	return &types.BooleanConditionMemberAndAll{Value: types.CompoundCondition{Conditions: conditions}}
}

func orAll(conditions ...types.BooleanCondition) types.BooleanCondition {
	return &types.BooleanConditionMemberOrAll{Value: types.CompoundCondition{Conditions: conditions}}
}

func hiddenRule(conditions ...types.BooleanCondition) types.CaseRuleDetails {
	return &types.CaseRuleDetailsMemberHidden{Value: types.HiddenCaseRule{DefaultValue: aws.Bool(true), Conditions: conditions}}
}

func getCaseRule(t *testing.T, client *connectcases.Client, domainID string, id *string) types.GetCaseRuleResponse {
	t.Helper()
	out, err := client.BatchGetCaseRule(context.Background(), &connectcases.BatchGetCaseRuleInput{DomainId: aws.String(domainID),
		CaseRules: []types.CaseRuleIdentifier{{Id: id}}})
	if err != nil || len(out.CaseRules) != 1 {
		t.Fatalf("BatchGetCaseRule(%s) = %+v, %v", aws.ToString(id), out, err)
	}
	return out.CaseRules[0]
}

// describeConditions renders conditions as text: "summary=a", "and(...)".
func describeConditions(conditions []types.BooleanCondition) string {
	parts := make([]string, 0, len(conditions))
	for _, c := range conditions {
		switch c := c.(type) {
		case *types.BooleanConditionMemberEqualTo:
			one := c.Value.OperandOne.(*types.OperandOneMemberFieldId).Value
			parts = append(parts, one+"="+c.Value.OperandTwo.(*types.OperandTwoMemberStringValue).Value)
		case *types.BooleanConditionMemberAndAll:
			parts = append(parts, "and("+describeConditions(c.Value.Conditions)+")")
		case *types.BooleanConditionMemberOrAll:
			parts = append(parts, "or("+describeConditions(c.Value.Conditions)+")")
		default:
			parts = append(parts, fmt.Sprintf("%T", c))
		}
	}
	return strings.Join(parts, " ")
}

func TestCaseRule_hiddenWithCompoundConditions(t *testing.T) {
	client, _, _, domainID := startFieldsEmulator(t)
	ctx := context.Background()
	// and_all inside or_all: two levels of nesting, four comparisons.
	conditions := []types.BooleanCondition{orAll(andAll(equalTo("summary", "a"), equalTo("title", "b")), equalTo("summary", "c")), equalTo("title", "d")}
	created, err := client.CreateCaseRule(ctx, &connectcases.CreateCaseRuleInput{DomainId: aws.String(domainID), Name: aws.String("Hide"), Rule: hiddenRule(conditions...)})
	if err != nil {
		t.Fatalf("CreateCaseRule: %v", err)
	}
	got := getCaseRule(t, client, domainID, created.CaseRuleId)
	hidden, ok := got.Rule.(*types.CaseRuleDetailsMemberHidden)
	if !ok || !aws.ToBool(hidden.Value.DefaultValue) {
		t.Fatalf("BatchGetCaseRule rule = %#v, want a hidden rule with defaultValue true", got.Rule)
	}
	if want, got := "or(and(summary=a title=b) summary=c) title=d", describeConditions(hidden.Value.Conditions); got != want {
		t.Errorf("conditions = %s, want %s", got, want)
	}
	listed, err := client.ListCaseRules(ctx, &connectcases.ListCaseRulesInput{DomainId: aws.String(domainID)})
	if err != nil || len(listed.CaseRules) != 1 || listed.CaseRules[0].RuleType != types.RuleTypeHidden {
		t.Fatalf("ListCaseRules = %+v, %v; want one Hidden rule", listed, err)
	}
	// A hidden rule becomes a required one in place.
	if _, err := client.UpdateCaseRule(ctx, &connectcases.UpdateCaseRuleInput{DomainId: aws.String(domainID), CaseRuleId: created.CaseRuleId,
		Rule: requiredRule("summary", "x")}); err != nil {
		t.Fatalf("UpdateCaseRule: %v", err)
	}
	if _, ok := getCaseRule(t, client, domainID, created.CaseRuleId).Rule.(*types.CaseRuleDetailsMemberRequired); !ok {
		t.Error("after UpdateCaseRule the rule is not a required rule")
	}
	// A compound condition's fields are references: DeleteField refuses.
	policy := createField(t, client, domainID, "Policy", types.FieldTypeText)
	if _, err := client.UpdateCaseRule(ctx, &connectcases.UpdateCaseRuleInput{DomainId: aws.String(domainID), CaseRuleId: created.CaseRuleId,
		Rule: hiddenRule(andAll(equalTo(aws.ToString(policy.FieldId), "x")))}); err != nil {
		t.Fatalf("UpdateCaseRule: %v", err)
	}
	_, err = client.DeleteField(ctx, &connectcases.DeleteFieldInput{DomainId: aws.String(domainID), FieldId: policy.FieldId})
	requireAPIError[*types.ConflictException](t, err)
}

func TestCaseRule_conditionLimits(t *testing.T) {
	client, _, _, domainID := startFieldsEmulator(t)
	ctx := context.Background()
	c := func(v string) types.BooleanCondition { return equalTo("summary", v) }
	for _, tc := range []struct {
		name       string
		rule       types.CaseRuleDetails
		rejectWith string // "" when accepted
	}{
		{"five comparisons at the top", hiddenRule(c("1"), c("2"), c("3"), c("4"), c("5")), ""},
		{"five comparisons over two levels", requiredRule("summary", "x"), ""},
		{"and inside or", hiddenRule(orAll(andAll(c("1"), c("2")), c("3")), c("4"), c("5")), ""},
		{"six comparisons at the top", hiddenRule(c("1"), c("2"), c("3"), c("4"), c("5"), c("6")), "maximum of 5 conditions"},
		{"six comparisons nested", hiddenRule(orAll(andAll(c("1"), c("2"), c("3")), c("4")), andAll(c("5"), c("6"))), "maximum of 5 conditions"},
		{"three levels", hiddenRule(orAll(andAll(orAll(c("1"))))), "maximum of 2 levels of nesting"},
		{"three levels in a required rule", &types.CaseRuleDetailsMemberRequired{Value: types.RequiredCaseRule{DefaultValue: aws.Bool(false),
			Conditions: []types.BooleanCondition{andAll(andAll(andAll(c("1"))))}}}, "maximum of 2 levels of nesting"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := client.CreateCaseRule(ctx, &connectcases.CreateCaseRuleInput{DomainId: aws.String(domainID), Name: aws.String(tc.name), Rule: tc.rule})
			if tc.rejectWith == "" {
				if err != nil {
					t.Fatalf("CreateCaseRule: %v", err)
				}
				return
			}
			requireValidationMessage(t, err, tc.rejectWith)
		})
	}
	// UpdateCaseRule applies the same limits.
	created, err := client.CreateCaseRule(ctx, &connectcases.CreateCaseRuleInput{DomainId: aws.String(domainID), Name: aws.String("U"), Rule: hiddenRule(c("1"))})
	if err != nil {
		t.Fatal(err)
	}
	_, err = client.UpdateCaseRule(ctx, &connectcases.UpdateCaseRuleInput{DomainId: aws.String(domainID), CaseRuleId: created.CaseRuleId,
		Rule: hiddenRule(orAll(orAll(orAll(c("1")))))})
	requireValidationMessage(t, err, "levels of nesting")
}

func fieldOptionsRule(parent, child string, mappings map[string][]string) types.CaseRuleDetails {
	rule := types.FieldOptionsCaseRule{ParentFieldId: aws.String(parent), ChildFieldId: aws.String(child)}
	for parentValue, childValues := range mappings {
		rule.ParentChildFieldOptionsMappings = append(rule.ParentChildFieldOptionsMappings, types.ParentChildFieldOptionsMapping{
			ParentFieldOptionValue: aws.String(parentValue), ChildFieldOptionValues: childValues,
		})
	}
	return &types.CaseRuleDetailsMemberFieldOptions{Value: rule}
}

func putOptions(t *testing.T, client *connectcases.Client, domainID, fieldID string, values ...string) {
	t.Helper()
	var options []types.FieldOption
	for _, v := range values {
		options = append(options, option(v, v, true))
	}
	out, err := client.BatchPutFieldOptions(context.Background(), &connectcases.BatchPutFieldOptionsInput{DomainId: aws.String(domainID), FieldId: aws.String(fieldID), Options: options})
	if err != nil || len(out.Errors) > 0 {
		t.Fatalf("BatchPutFieldOptions = %+v, %v", out, err)
	}
}

func TestCaseRule_fieldOptions(t *testing.T) {
	client, _, _, domainID := startFieldsEmulator(t)
	ctx := context.Background()
	category := aws.ToString(createField(t, client, domainID, "Category", types.FieldTypeSingleSelect).FieldId)
	subcategory := aws.ToString(createField(t, client, domainID, "Subcategory", types.FieldTypeSingleSelect).FieldId)
	text := aws.ToString(createField(t, client, domainID, "Notes", types.FieldTypeText).FieldId)
	putOptions(t, client, domainID, category, "billing", "technical")
	putOptions(t, client, domainID, subcategory, "refund", "invoice", "outage")

	created, err := client.CreateCaseRule(ctx, &connectcases.CreateCaseRuleInput{DomainId: aws.String(domainID), Name: aws.String("Category to subcategory"),
		Rule: fieldOptionsRule(category, subcategory, map[string][]string{"billing": {"refund", "invoice"}})})
	if err != nil {
		t.Fatalf("CreateCaseRule: %v", err)
	}
	got, ok := getCaseRule(t, client, domainID, created.CaseRuleId).Rule.(*types.CaseRuleDetailsMemberFieldOptions)
	if !ok || aws.ToString(got.Value.ParentFieldId) != category || aws.ToString(got.Value.ChildFieldId) != subcategory ||
		len(got.Value.ParentChildFieldOptionsMappings) != 1 || fmt.Sprint(got.Value.ParentChildFieldOptionsMappings[0].ChildFieldOptionValues) != "[refund invoice]" {
		t.Fatalf("BatchGetCaseRule rule = %#v", got)
	}
	listed, err := client.ListCaseRules(ctx, &connectcases.ListCaseRulesInput{DomainId: aws.String(domainID)})
	if err != nil || len(listed.CaseRules) != 1 || listed.CaseRules[0].RuleType != types.RuleTypeFieldOptions {
		t.Fatalf("ListCaseRules = %+v, %v; want one FieldOptions rule", listed, err)
	}
	// Updated in place.
	if _, err := client.UpdateCaseRule(ctx, &connectcases.UpdateCaseRuleInput{DomainId: aws.String(domainID), CaseRuleId: created.CaseRuleId,
		Rule: fieldOptionsRule(category, subcategory, map[string][]string{"technical": {"outage"}})}); err != nil {
		t.Fatalf("UpdateCaseRule: %v", err)
	}
	// Both fields are references now.
	_, err = client.DeleteField(ctx, &connectcases.DeleteFieldInput{DomainId: aws.String(domainID), FieldId: aws.String(subcategory)})
	requireAPIError[*types.ConflictException](t, err)

	for _, tc := range []struct {
		name     string
		rule     types.CaseRuleDetails
		contains []string
	}{
		{"a text parent", fieldOptionsRule(text, subcategory, map[string][]string{"x": {"refund"}}), []string{"parentFieldId", "Text", "SingleSelect"}},
		{"a text child", fieldOptionsRule(category, text, map[string][]string{"billing": {"x"}}), []string{"childFieldId", "Text"}},
		{"the same field twice", fieldOptionsRule(category, category, map[string][]string{"billing": {"billing"}}), []string{"both parent and child"}},
		{"an unknown parent value", fieldOptionsRule(category, subcategory, map[string][]string{"sales": {"refund"}}), []string{"not options of field 'Category'", "sales"}},
		{"an unknown child value", fieldOptionsRule(category, subcategory, map[string][]string{"billing": {"refund", "upgrade"}}), []string{"not options of field 'Subcategory'", "upgrade"}},
		{"a missing field", fieldOptionsRule(category, "ghost", map[string][]string{"billing": {"refund"}}), []string{"ghost"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := client.CreateCaseRule(ctx, &connectcases.CreateCaseRuleInput{DomainId: aws.String(domainID), Name: aws.String(tc.name), Rule: tc.rule})
			requireValidationMessage(t, err, tc.contains...)
		})
	}
	// The system SingleSelect field status works as a parent: its fixed
	// options are options.
	if _, err := client.CreateCaseRule(ctx, &connectcases.CreateCaseRuleInput{DomainId: aws.String(domainID), Name: aws.String("Status"),
		Rule: fieldOptionsRule("status", subcategory, map[string][]string{"open": {"outage"}})}); err != nil {
		t.Errorf("CreateCaseRule with status as parent: %v", err)
	}
}

// TestCaseRule_modelConstraintsOfNewMembers asserts rejections that come from
// the constraint traits of the newer members alone.
func TestCaseRule_modelConstraintsOfNewMembers(t *testing.T) {
	client, _, _, domainID := startFieldsEmulator(t)
	ctx := context.Background()
	category := aws.ToString(createField(t, client, domainID, "Category", types.FieldTypeSingleSelect).FieldId)
	subcategory := aws.ToString(createField(t, client, domainID, "Subcategory", types.FieldTypeSingleSelect).FieldId)
	// ParentChildFieldOptionsMappingList: length 1..200.
	_, err := client.CreateCaseRule(ctx, &connectcases.CreateCaseRuleInput{DomainId: aws.String(domainID), Name: aws.String("Empty"),
		Rule: &types.CaseRuleDetailsMemberFieldOptions{Value: types.FieldOptionsCaseRule{ParentFieldId: aws.String(category), ChildFieldId: aws.String(subcategory),
			ParentChildFieldOptionsMappings: []types.ParentChildFieldOptionsMapping{}}}})
	requireValidationMessage(t, err, "parentChildFieldOptionsMappings")
	// ParentChildFieldOptionValue: pattern ^$|^.*[\S]$.
	_, err = client.CreateCaseRule(ctx, &connectcases.CreateCaseRuleInput{DomainId: aws.String(domainID), Name: aws.String("Blank"),
		Rule: fieldOptionsRule(category, subcategory, map[string][]string{"billing ": {"refund"}})})
	requireValidationMessage(t, err, "parentFieldOptionValue")
}

func TestTemplate_tagPropagation(t *testing.T) {
	client, _, _, domainID := startFieldsEmulator(t)
	ctx := context.Background()
	propagation := func(tags map[string]string) []types.TagPropagationConfiguration {
		return []types.TagPropagationConfiguration{{ResourceType: types.TagPropagationResourceTypeCases, TagMap: tags}}
	}
	created, err := client.CreateTemplate(ctx, &connectcases.CreateTemplateInput{DomainId: aws.String(domainID), Name: aws.String("T"),
		TagPropagationConfigurations: propagation(map[string]string{"team": "claims"})})
	if err != nil {
		t.Fatalf("CreateTemplate: %v", err)
	}
	describe := func(c []types.TagPropagationConfiguration) string {
		if len(c) != 1 {
			return fmt.Sprint(len(c), " configurations")
		}
		return fmt.Sprint(c[0].ResourceType, c[0].TagMap)
	}
	got, err := client.GetTemplate(ctx, &connectcases.GetTemplateInput{DomainId: aws.String(domainID), TemplateId: created.TemplateId})
	if err != nil || describe(got.TagPropagationConfigurations) != "Casesmap[team:claims]" {
		t.Fatalf("GetTemplate tagPropagationConfigurations = %s, %v", describe(got.TagPropagationConfigurations), err)
	}
	listed, err := client.ListTemplates(ctx, &connectcases.ListTemplatesInput{DomainId: aws.String(domainID)})
	if err != nil || len(listed.Templates) != 1 || describe(listed.Templates[0].TagPropagationConfigurations) != "Casesmap[team:claims]" {
		t.Fatalf("ListTemplates = %+v, %v", listed, err)
	}
	// Changed in place; an update that leaves it out keeps it; an empty
	// list clears it.
	if _, err := client.UpdateTemplate(ctx, &connectcases.UpdateTemplateInput{DomainId: aws.String(domainID), TemplateId: created.TemplateId,
		TagPropagationConfigurations: propagation(map[string]string{"team": "billing", "tier": "gold"})}); err != nil {
		t.Fatalf("UpdateTemplate: %v", err)
	}
	if _, err := client.UpdateTemplate(ctx, &connectcases.UpdateTemplateInput{DomainId: aws.String(domainID), TemplateId: created.TemplateId, Name: aws.String("T2")}); err != nil {
		t.Fatalf("UpdateTemplate: %v", err)
	}
	got, _ = client.GetTemplate(ctx, &connectcases.GetTemplateInput{DomainId: aws.String(domainID), TemplateId: created.TemplateId})
	if describe(got.TagPropagationConfigurations) != "Casesmap[team:billing tier:gold]" {
		t.Errorf("after updates: %s", describe(got.TagPropagationConfigurations))
	}
	if _, err := client.UpdateTemplate(ctx, &connectcases.UpdateTemplateInput{DomainId: aws.String(domainID), TemplateId: created.TemplateId,
		TagPropagationConfigurations: []types.TagPropagationConfiguration{}}); err != nil {
		t.Fatalf("UpdateTemplate: %v", err)
	}
	got, _ = client.GetTemplate(ctx, &connectcases.GetTemplateInput{DomainId: aws.String(domainID), TemplateId: created.TemplateId})
	if len(got.TagPropagationConfigurations) != 0 {
		t.Errorf("after clearing: %s", describe(got.TagPropagationConfigurations))
	}
}

// TestTemplate_tagPropagationModelConstraints asserts the rejections that
// come from the constraint traits alone: resourceType enum, at most one
// configuration (TagPropagationConfigurationList ..1), at most 10 tags
// (tagMap member length), the MutableTagKey pattern.
func TestTemplate_tagPropagationModelConstraints(t *testing.T) {
	client, _, _, domainID := startFieldsEmulator(t)
	ctx := context.Background()
	propagation := func(tags map[string]string) []types.TagPropagationConfiguration {
		return []types.TagPropagationConfiguration{{ResourceType: types.TagPropagationResourceTypeCases, TagMap: tags}}
	}
	eleven := map[string]string{}
	for i := range 11 {
		eleven[fmt.Sprintf("k%d", i)] = "v"
	}
	for _, tc := range []struct {
		name   string
		config []types.TagPropagationConfiguration
		member string
	}{
		{"unknown resource type", []types.TagPropagationConfiguration{{ResourceType: "Layouts", TagMap: map[string]string{"a": "b"}}}, "resourceType"},
		{"two configurations", append(propagation(map[string]string{"a": "b"}), propagation(map[string]string{"c": "d"})...), "tagPropagationConfigurations"},
		{"eleven tags", propagation(eleven), "tagMap"},
		{"aws: key", propagation(map[string]string{"aws:team": "x"}), "tagMap"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := client.CreateTemplate(ctx, &connectcases.CreateTemplateInput{DomainId: aws.String(domainID), Name: aws.String(tc.name), TagPropagationConfigurations: tc.config})
			requireValidationMessage(t, err, tc.member)
		})
	}
}
