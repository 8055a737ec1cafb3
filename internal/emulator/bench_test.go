package emulator_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/connectcases"
	"github.com/aws/aws-sdk-go-v2/service/connectcases/types"

	"github.com/connect-cases/terraform-provider-cases/internal/emulator"
)

// Benchmarks measure a round trip through the stock SDK client, signing
// included: what one provider API call costs against the emulator.

func BenchmarkGetDomain(b *testing.B) {
	_, server := startEmulator(b, emulator.Options{})
	client := defaultClient(server)
	created := createDomain(b, client, "benchmarked")
	input := &connectcases.GetDomainInput{DomainId: created.DomainId}
	ctx := context.Background()

	for b.Loop() {
		if _, err := client.GetDomain(ctx, input); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkCreateAndDeleteDomain(b *testing.B) {
	_, server := startEmulator(b, emulator.Options{})
	client := defaultClient(server)
	ctx := context.Background()

	i := 0
	for b.Loop() {
		created := createDomain(b, client, fmt.Sprintf("domain-%d", i))
		if _, err := client.DeleteDomain(ctx, &connectcases.DeleteDomainInput{DomainId: created.DomainId}); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

func BenchmarkGetDomain_sigv4(b *testing.B) {
	_, server := startEmulator(b, emulator.Options{Auth: emulator.AuthSigV4, Credentials: map[string]string{"111111111111": testSecret}})
	client := newClient(server, "111111111111", testSecret, testRegion)
	created := createDomain(b, client, "benchmarked")
	input := &connectcases.GetDomainInput{DomainId: created.DomainId}
	ctx := context.Background()

	for b.Loop() {
		if _, err := client.GetDomain(ctx, input); err != nil {
			b.Fatal(err)
		}
	}
}

// benchCasesDomain is an Active domain with a template that requires a
// field and applies a required rule, so that every CreateCase is checked
// against the configuration, as in use.
func benchCasesDomain(b *testing.B) (*connectcases.Client, string, string, string, string) {
	b.Helper()
	runtime := emulator.DefaultRuntimeConfig()
	runtime.ActivationDelay = 0
	_, server := startEmulator(b, emulator.Options{Runtime: runtime})
	client := defaultClient(server)
	ctx := context.Background()
	domainID := aws.ToString(createDomain(b, client, "bench").DomainId)
	field := func(name string, ft types.FieldType) string {
		out, err := client.CreateField(ctx, &connectcases.CreateFieldInput{DomainId: aws.String(domainID), Name: aws.String(name), Type: ft})
		if err != nil {
			b.Fatal(err)
		}
		return aws.ToString(out.FieldId)
	}
	tier, amount := field("Tier", types.FieldTypeSingleSelect), field("Amount", types.FieldTypeNumber)
	if _, err := client.BatchPutFieldOptions(ctx, &connectcases.BatchPutFieldOptionsInput{DomainId: aws.String(domainID), FieldId: aws.String(tier),
		Options: []types.FieldOption{{Name: aws.String("Gold"), Value: aws.String("gold"), Active: aws.Bool(true)}, {Name: aws.String("Silver"), Value: aws.String("silver"), Active: aws.Bool(true)}}}); err != nil {
		b.Fatal(err)
	}
	rule, err := client.CreateCaseRule(ctx, &connectcases.CreateCaseRuleInput{DomainId: aws.String(domainID), Name: aws.String("Amount for gold"), Rule: &types.CaseRuleDetailsMemberRequired{Value: types.RequiredCaseRule{
		DefaultValue: aws.Bool(false), Conditions: []types.BooleanCondition{&types.BooleanConditionMemberEqualTo{Value: types.BooleanOperands{
			OperandOne: &types.OperandOneMemberFieldId{Value: tier}, OperandTwo: &types.OperandTwoMemberStringValue{Value: "gold"}, Result: aws.Bool(true)}}},
	}}})
	if err != nil {
		b.Fatal(err)
	}
	tpl, err := client.CreateTemplate(ctx, &connectcases.CreateTemplateInput{DomainId: aws.String(domainID), Name: aws.String("Claim"),
		RequiredFields: []types.RequiredField{{FieldId: aws.String(tier)}},
		Rules:          []types.TemplateRule{{CaseRuleId: rule.CaseRuleId, FieldId: aws.String(amount)}}})
	if err != nil {
		b.Fatal(err)
	}
	return client, domainID, aws.ToString(tpl.TemplateId), tier, amount
}

func benchCase(domainID, templateID, tier, amount string, i int) *connectcases.CreateCaseInput {
	tierValue := []string{"gold", "silver"}[i%2]
	return &connectcases.CreateCaseInput{DomainId: aws.String(domainID), TemplateId: aws.String(templateID), Fields: []types.FieldValue{
		{Id: aws.String("title"), Value: &types.FieldValueUnionMemberStringValue{Value: fmt.Sprintf("Case %d", i)}},
		{Id: aws.String("customer_id"), Value: &types.FieldValueUnionMemberStringValue{Value: testCustomerID}},
		{Id: aws.String(tier), Value: &types.FieldValueUnionMemberStringValue{Value: tierValue}},
		{Id: aws.String(amount), Value: &types.FieldValueUnionMemberDoubleValue{Value: float64(i % 1000)}},
	}}
}

// BenchmarkCreateCase creates cases checked against a template with a
// required field and a required rule.
func BenchmarkCreateCase(b *testing.B) {
	client, domainID, templateID, tier, amount := benchCasesDomain(b)
	ctx := context.Background()
	i := 0
	for b.Loop() {
		if _, err := client.CreateCase(ctx, benchCase(domainID, templateID, tier, amount, i)); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

// BenchmarkSearchCases_10000 searches a domain of 10,000 cases with a
// compound filter and a sort, a page of 25 with two fields.
func BenchmarkSearchCases_10000(b *testing.B) {
	client, domainID, templateID, tier, amount := benchCasesDomain(b)
	ctx := context.Background()
	for i := range 10000 {
		if _, err := client.CreateCase(ctx, benchCase(domainID, templateID, tier, amount, i)); err != nil {
			b.Fatal(err)
		}
	}
	input := &connectcases.SearchCasesInput{DomainId: aws.String(domainID), MaxResults: aws.Int32(25),
		Filter: &types.CaseFilterMemberAndAll{Value: []types.CaseFilter{
			&types.CaseFilterMemberField{Value: &types.FieldFilterMemberEqualTo{Value: types.FieldValue{Id: aws.String(tier), Value: &types.FieldValueUnionMemberStringValue{Value: "gold"}}}},
			&types.CaseFilterMemberField{Value: &types.FieldFilterMemberGreaterThan{Value: types.FieldValue{Id: aws.String(amount), Value: &types.FieldValueUnionMemberDoubleValue{Value: 500}}}},
		}},
		Sorts:  []types.Sort{{FieldId: aws.String(amount), SortOrder: types.OrderDescending}},
		Fields: []types.FieldIdentifier{{Id: aws.String("title")}, {Id: aws.String(amount)}},
	}
	for b.Loop() {
		out, err := client.SearchCases(ctx, input)
		if err != nil || len(out.Cases) != 25 {
			b.Fatalf("SearchCases: %v (%d cases)", err, len(out.Cases))
		}
	}
}
