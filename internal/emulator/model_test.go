package emulator_test

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/connectcases"
	"github.com/aws/aws-sdk-go-v2/service/connectcases/types"
)

// Behavior that comes from the current model through the generated tables
// rather than from code written for it.

// TestLayout_fieldGroupTakes220Fields: FieldGroup.fields is at most 220 in
// the current model (it was 100).
func TestLayout_fieldGroupTakes220Fields(t *testing.T) {
	client, _, _, domainID := startFieldsEmulator(t)
	ids := make([]string, 221)
	for i := range ids {
		ids[i] = aws.ToString(createField(t, client, domainID, fmt.Sprint("F", i), types.FieldTypeText).FieldId)
	}
	createLayout(t, client, domainID, "Wide", basicLayout(ids[:220]))
	_, err := client.CreateLayout(context.Background(), &connectcases.CreateLayoutInput{DomainId: aws.String(domainID), Name: aws.String("Too wide"), Content: basicLayout(ids)})
	requireValidationMessage(t, err, "1 validation error detected: Value at 'content.basic.topPanel.sections.1.member.fieldGroup.fields' failed to satisfy constraint: Member must have length less than or equal to 220")
}

// TestTemplateRule_fieldIDDefault: TemplateRule.fieldId is optional with
// default "NULL"; a rule sent without it reads back with the default.
func TestTemplateRule_fieldIDDefault(t *testing.T) {
	client, _, _, domainID := startFieldsEmulator(t)
	ctx := context.Background()
	rule, err := client.CreateCaseRule(ctx, &connectcases.CreateCaseRuleInput{DomainId: aws.String(domainID), Name: aws.String("R"), Rule: requiredRule("summary", "x")})
	if err != nil {
		t.Fatal(err)
	}
	created, err := client.CreateTemplate(ctx, &connectcases.CreateTemplateInput{DomainId: aws.String(domainID), Name: aws.String("T"),
		Rules: []types.TemplateRule{{CaseRuleId: rule.CaseRuleId}}})
	if err != nil {
		t.Fatalf("a rule without fieldId: %v", err)
	}
	got, err := client.GetTemplate(ctx, &connectcases.GetTemplateInput{DomainId: aws.String(domainID), TemplateId: created.TemplateId})
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Rules) != 1 || aws.ToString(got.Rules[0].FieldId) != "NULL" {
		t.Errorf("rules = %+v, want fieldId NULL", got.Rules)
	}
}

// TestCaseRule_nestedConditions: BooleanCondition nests through andAll and
// orAll; the validator walks it to any depth and names the full path.
func TestCaseRule_nestedConditions(t *testing.T) {
	client, _, _, domainID := startFieldsEmulator(t)
	leaf := func(value string) types.BooleanCondition {
		return &types.BooleanConditionMemberEqualTo{Value: types.BooleanOperands{
			OperandOne: &types.OperandOneMemberFieldId{Value: "summary"},
			OperandTwo: &types.OperandTwoMemberStringValue{Value: value},
			Result:     aws.Bool(true),
		}}
	}
	rule := func(inner types.BooleanCondition) types.CaseRuleDetails {
		return &types.CaseRuleDetailsMemberRequired{Value: types.RequiredCaseRule{
			DefaultValue: aws.Bool(false),
			Conditions: []types.BooleanCondition{&types.BooleanConditionMemberAndAll{Value: types.CompoundCondition{
				Conditions: []types.BooleanCondition{leaf("ok"), &types.BooleanConditionMemberOrAll{Value: types.CompoundCondition{
					Conditions: []types.BooleanCondition{inner},
				}}},
			}}},
		}}
	}
	ctx := context.Background()
	_, err := client.CreateCaseRule(ctx, &connectcases.CreateCaseRuleInput{DomainId: aws.String(domainID), Name: aws.String("Deep"), Rule: rule(leaf(""))})
	requireValidationMessage(t, err, "Value at 'rule.required.conditions.1.member.andAll.conditions.2.member.orAll.conditions.1.member.equalTo.operandTwo.stringValue' failed to satisfy constraint: Member must have length greater than or equal to 1")
	if _, err := client.CreateCaseRule(ctx, &connectcases.CreateCaseRuleInput{DomainId: aws.String(domainID), Name: aws.String("Deep"), Rule: rule(leaf("x"))}); err != nil {
		t.Errorf("a valid nested rule: %v", err)
	}
}

// TestValidation_unions: a union takes exactly one member.
func TestValidation_unions(t *testing.T) {
	_, server, _, domainID := startFieldsEmulator(t)
	operands := `{"operandOne":{"fieldId":"summary"},"operandTwo":%s,"result":true}`
	for _, tc := range []struct{ name, operandTwo, message string }{
		{"two members", `{"stringValue":"a","booleanValue":true}`, "Value at 'rule.required.conditions.1.member.equalTo.operandTwo' failed to satisfy constraint: Member must set exactly one member of the union: stringValue, booleanValue, doubleValue, emptyValue"},
		{"no member", `{}`, "Member must set exactly one member of the union"},
		{"wrong type", `{"booleanValue":"yes"}`, "Value at 'rule.required.conditions.1.member.equalTo.operandTwo.booleanValue' failed to satisfy constraint: Member must be a JSON boolean, got string"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			body := fmt.Sprintf(`{"name":"U","rule":{"required":{"defaultValue":false,"conditions":[{"equalTo":`+operands+`}]}}}`, tc.operandTwo)
			got := signedPost(t, server, http.MethodPost, "/domains/"+domainID+"/case-rules", []byte(body)).
				requireWireError(t, http.StatusBadRequest, "ValidationException")
			if msg := fmt.Sprint(got["message"]); !strings.Contains(msg, tc.message) {
				t.Errorf("message = %q, want it to contain %q", msg, tc.message)
			}
		})
	}
}
