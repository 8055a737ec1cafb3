package cases

import (
	"context"
	"errors"
	"fmt"
	"net/http/httptest"
	"sort"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/connect"
	connecttypes "github.com/aws/aws-sdk-go-v2/service/connect/types"
	"github.com/aws/aws-sdk-go-v2/service/connectcases"
	awstypes "github.com/aws/aws-sdk-go-v2/service/connectcases/types"
	"github.com/aws/smithy-go"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/connect-cases/terraform-provider-cases/internal/apimodel"
	"github.com/connect-cases/terraform-provider-cases/internal/emulator"
)

// The differential test: for every constrained string member a resource
// exposes (the string entries of apiMembers), boundary values go through
// the provider's plan-time validators and, in a real request built by the
// stock SDK client, to an in-process emulator. Both must accept, or both
// reject naming a common rule (length, pattern, enum).

// memberSenders send a request carrying value in the member an apiMembers
// entry names. Each gets a fresh account (so fresh parents, no name clashes
// and no quotas) and makes whatever parents it needs.
var memberSenders = map[string]func(ctx context.Context, c *connectcases.Client, value string) (*connectcases.BatchPutFieldOptionsOutput, error){
	"CreateDomainRequest.name": func(ctx context.Context, c *connectcases.Client, v string) (*connectcases.BatchPutFieldOptionsOutput, error) {
		_, err := c.CreateDomain(ctx, &connectcases.CreateDomainInput{Name: aws.String(v)})
		return nil, err
	},
	"CreateFieldRequest.domainId": func(ctx context.Context, c *connectcases.Client, v string) (*connectcases.BatchPutFieldOptionsOutput, error) {
		_, err := c.CreateField(ctx, &connectcases.CreateFieldInput{DomainId: aws.String(v), Name: aws.String("F"), Type: awstypes.FieldTypeText})
		return nil, err
	},
	"CreateFieldRequest.name": withDomain(func(ctx context.Context, c *connectcases.Client, d, v string) error {
		_, err := c.CreateField(ctx, &connectcases.CreateFieldInput{DomainId: aws.String(d), Name: aws.String(v), Type: awstypes.FieldTypeText})
		return err
	}),
	"CreateFieldRequest.type": withDomain(func(ctx context.Context, c *connectcases.Client, d, v string) error {
		_, err := c.CreateField(ctx, &connectcases.CreateFieldInput{DomainId: aws.String(d), Name: aws.String("F"), Type: awstypes.FieldType(v)})
		return err
	}),
	"CreateFieldRequest.description": withDomain(func(ctx context.Context, c *connectcases.Client, d, v string) error {
		_, err := c.CreateField(ctx, &connectcases.CreateFieldInput{DomainId: aws.String(d), Name: aws.String("F"), Type: awstypes.FieldTypeText, Description: aws.String(v)})
		return err
	}),
	"BatchPutFieldOptionsRequest.domainId": func(ctx context.Context, c *connectcases.Client, v string) (*connectcases.BatchPutFieldOptionsOutput, error) {
		return c.BatchPutFieldOptions(ctx, &connectcases.BatchPutFieldOptionsInput{DomainId: aws.String(v), FieldId: aws.String("f"), Options: oneOption("N", "v")})
	},
	"BatchPutFieldOptionsRequest.fieldId": func(ctx context.Context, c *connectcases.Client, v string) (*connectcases.BatchPutFieldOptionsOutput, error) {
		d, err := freshDomain(ctx, c)
		if err != nil {
			return nil, err
		}
		return c.BatchPutFieldOptions(ctx, &connectcases.BatchPutFieldOptionsInput{DomainId: aws.String(d), FieldId: aws.String(v), Options: oneOption("N", "v")})
	},
	"FieldOption.name": func(ctx context.Context, c *connectcases.Client, v string) (*connectcases.BatchPutFieldOptionsOutput, error) {
		return putOption(ctx, c, v, "v")
	},
	"FieldOption.value": func(ctx context.Context, c *connectcases.Client, v string) (*connectcases.BatchPutFieldOptionsOutput, error) {
		return putOption(ctx, c, "N", v)
	},
	"CreateLayoutRequest.domainId": func(ctx context.Context, c *connectcases.Client, v string) (*connectcases.BatchPutFieldOptionsOutput, error) {
		_, err := c.CreateLayout(ctx, &connectcases.CreateLayoutInput{DomainId: aws.String(v), Name: aws.String("L"), Content: layoutWith(nil, "summary")})
		return nil, err
	},
	"CreateLayoutRequest.name": withDomain(func(ctx context.Context, c *connectcases.Client, d, v string) error {
		_, err := c.CreateLayout(ctx, &connectcases.CreateLayoutInput{DomainId: aws.String(d), Name: aws.String(v), Content: layoutWith(nil, "summary")})
		return err
	}),
	"FieldGroup.name": withDomain(func(ctx context.Context, c *connectcases.Client, d, v string) error {
		_, err := c.CreateLayout(ctx, &connectcases.CreateLayoutInput{DomainId: aws.String(d), Name: aws.String("L"), Content: layoutWith(aws.String(v), "summary")})
		return err
	}),
	"FieldItem.id": withDomain(func(ctx context.Context, c *connectcases.Client, d, v string) error {
		_, err := c.CreateLayout(ctx, &connectcases.CreateLayoutInput{DomainId: aws.String(d), Name: aws.String("L"), Content: layoutWith(nil, v)})
		return err
	}),
	"CreateTemplateRequest.domainId": func(ctx context.Context, c *connectcases.Client, v string) (*connectcases.BatchPutFieldOptionsOutput, error) {
		_, err := c.CreateTemplate(ctx, &connectcases.CreateTemplateInput{DomainId: aws.String(v), Name: aws.String("T")})
		return nil, err
	},
	"CreateTemplateRequest.name": withDomain(func(ctx context.Context, c *connectcases.Client, d, v string) error {
		_, err := c.CreateTemplate(ctx, &connectcases.CreateTemplateInput{DomainId: aws.String(d), Name: aws.String(v)})
		return err
	}),
	"CreateTemplateRequest.description": withDomain(func(ctx context.Context, c *connectcases.Client, d, v string) error {
		_, err := c.CreateTemplate(ctx, &connectcases.CreateTemplateInput{DomainId: aws.String(d), Name: aws.String("T"), Description: aws.String(v)})
		return err
	}),
	"CreateTemplateRequest.status": withDomain(func(ctx context.Context, c *connectcases.Client, d, v string) error {
		_, err := c.CreateTemplate(ctx, &connectcases.CreateTemplateInput{DomainId: aws.String(d), Name: aws.String("T"), Status: awstypes.TemplateStatus(v)})
		return err
	}),
	"LayoutConfiguration.defaultLayout": withDomain(func(ctx context.Context, c *connectcases.Client, d, v string) error {
		_, err := c.CreateTemplate(ctx, &connectcases.CreateTemplateInput{DomainId: aws.String(d), Name: aws.String("T"), LayoutConfiguration: &awstypes.LayoutConfiguration{DefaultLayout: aws.String(v)}})
		return err
	}),
	"RequiredField.fieldId": withDomain(func(ctx context.Context, c *connectcases.Client, d, v string) error {
		_, err := c.CreateTemplate(ctx, &connectcases.CreateTemplateInput{DomainId: aws.String(d), Name: aws.String("T"), RequiredFields: []awstypes.RequiredField{{FieldId: aws.String(v)}}})
		return err
	}),
	"TemplateRule.caseRuleId": withDomain(func(ctx context.Context, c *connectcases.Client, d, v string) error {
		_, err := c.CreateTemplate(ctx, &connectcases.CreateTemplateInput{DomainId: aws.String(d), Name: aws.String("T"), Rules: []awstypes.TemplateRule{{CaseRuleId: aws.String(v), FieldId: aws.String("summary")}}})
		return err
	}),
	"TemplateRule.fieldId": withDomain(func(ctx context.Context, c *connectcases.Client, d, v string) error {
		rule, err := c.CreateCaseRule(ctx, &connectcases.CreateCaseRuleInput{DomainId: aws.String(d), Name: aws.String("R"), Rule: requiredRule("summary", "x")})
		if err != nil {
			return fmt.Errorf("creating the parent case rule: %w", err)
		}
		_, err = c.CreateTemplate(ctx, &connectcases.CreateTemplateInput{DomainId: aws.String(d), Name: aws.String("T"), Rules: []awstypes.TemplateRule{{CaseRuleId: rule.CaseRuleId, FieldId: aws.String(v)}}})
		return err
	}),
	"CreateCaseRuleRequest.domainId": func(ctx context.Context, c *connectcases.Client, v string) (*connectcases.BatchPutFieldOptionsOutput, error) {
		_, err := c.CreateCaseRule(ctx, &connectcases.CreateCaseRuleInput{DomainId: aws.String(v), Name: aws.String("R"), Rule: requiredRule("summary", "x")})
		return nil, err
	},
	"CreateCaseRuleRequest.name": withDomain(func(ctx context.Context, c *connectcases.Client, d, v string) error {
		_, err := c.CreateCaseRule(ctx, &connectcases.CreateCaseRuleInput{DomainId: aws.String(d), Name: aws.String(v), Rule: requiredRule("summary", "x")})
		return err
	}),
	"CreateCaseRuleRequest.description": withDomain(func(ctx context.Context, c *connectcases.Client, d, v string) error {
		_, err := c.CreateCaseRule(ctx, &connectcases.CreateCaseRuleInput{DomainId: aws.String(d), Name: aws.String("R"), Description: aws.String(v), Rule: requiredRule("summary", "x")})
		return err
	}),
	"OperandOne.fieldId": withDomain(func(ctx context.Context, c *connectcases.Client, d, v string) error {
		_, err := c.CreateCaseRule(ctx, &connectcases.CreateCaseRuleInput{DomainId: aws.String(d), Name: aws.String("R"), Rule: requiredRule(v, "x")})
		return err
	}),
	"OperandTwo.stringValue": withDomain(func(ctx context.Context, c *connectcases.Client, d, v string) error {
		_, err := c.CreateCaseRule(ctx, &connectcases.CreateCaseRuleInput{DomainId: aws.String(d), Name: aws.String("R"), Rule: requiredRule("summary", v)})
		return err
	}),
	"PutCaseEventConfigurationRequest.domainId": func(ctx context.Context, c *connectcases.Client, v string) (*connectcases.BatchPutFieldOptionsOutput, error) {
		_, err := c.PutCaseEventConfiguration(ctx, &connectcases.PutCaseEventConfigurationInput{DomainId: aws.String(v), EventBridge: &awstypes.EventBridgeConfiguration{Enabled: aws.Bool(true)}})
		return nil, err
	},
	"FieldIdentifier.id": withDomain(func(ctx context.Context, c *connectcases.Client, d, v string) error {
		_, err := c.PutCaseEventConfiguration(ctx, &connectcases.PutCaseEventConfigurationInput{DomainId: aws.String(d), EventBridge: &awstypes.EventBridgeConfiguration{
			Enabled:      aws.Bool(true),
			IncludedData: &awstypes.EventIncludedData{CaseData: &awstypes.CaseEventIncludedData{Fields: []awstypes.FieldIdentifier{{Id: aws.String(v)}}}},
		}})
		return err
	}),
	"FieldOptionsCaseRule.parentFieldId": withDomain(func(ctx context.Context, c *connectcases.Client, d, v string) error {
		return createFieldOptionsRule(ctx, c, d, v, "child", "p", "c")
	}),
	"FieldOptionsCaseRule.childFieldId": withDomain(func(ctx context.Context, c *connectcases.Client, d, v string) error {
		return createFieldOptionsRule(ctx, c, d, "parent", v, "p", "c")
	}),
	"ParentChildFieldOptionsMapping.parentFieldOptionValue": withDomain(func(ctx context.Context, c *connectcases.Client, d, v string) error {
		return createFieldOptionsRule(ctx, c, d, "parent", "child", v, "c")
	}),
	"ParentChildFieldOptionsMapping.childFieldOptionValues[]": withDomain(func(ctx context.Context, c *connectcases.Client, d, v string) error {
		return createFieldOptionsRule(ctx, c, d, "parent", "child", "p", v)
	}),
	"TagPropagationConfiguration.resourceType": withDomain(func(ctx context.Context, c *connectcases.Client, d, v string) error {
		return createTemplateTagging(ctx, c, d, awstypes.TagPropagationResourceType(v), "team", "support")
	}),
	"TagPropagationConfiguration.tagMap{key}": withDomain(func(ctx context.Context, c *connectcases.Client, d, v string) error {
		return createTemplateTagging(ctx, c, d, awstypes.TagPropagationResourceTypeCases, v, "support")
	}),
	"TagPropagationConfiguration.tagMap{value}": withDomain(func(ctx context.Context, c *connectcases.Client, d, v string) error {
		return createTemplateTagging(ctx, c, d, awstypes.TagPropagationResourceTypeCases, "team", v)
	}),
	"UntagResourceRequest.tagKeys[]": func(ctx context.Context, c *connectcases.Client, v string) (*connectcases.BatchPutFieldOptionsOutput, error) {
		out, err := c.CreateDomain(ctx, &connectcases.CreateDomainInput{Name: aws.String("D")})
		if err != nil {
			return nil, fmt.Errorf("creating the parent domain: %w", err)
		}
		_, err = c.UntagResource(ctx, &connectcases.UntagResourceInput{Arn: out.DomainArn, TagKeys: []string{v}})
		return nil, err
	},
}

// connectMemberSenders are memberSenders for the members of the Connect
// model (apiMember.Connect), sent with the stock connect client to the same
// emulator, which serves the Connect subset on the same listener.
var connectMemberSenders = map[string]func(ctx context.Context, c *connect.Client, value string) error{
	"CreateIntegrationAssociationRequest.InstanceId": func(ctx context.Context, c *connect.Client, v string) error {
		_, err := c.CreateIntegrationAssociation(ctx, &connect.CreateIntegrationAssociationInput{
			InstanceId:      aws.String(v),
			IntegrationType: connecttypes.IntegrationTypeCasesDomain,
			IntegrationArn:  aws.String("arn:aws:cases:us-west-2:123456789012:domain/d"),
		})
		return err
	},
}

func withDomain(send func(ctx context.Context, c *connectcases.Client, domainID, value string) error) func(context.Context, *connectcases.Client, string) (*connectcases.BatchPutFieldOptionsOutput, error) {
	return func(ctx context.Context, c *connectcases.Client, v string) (*connectcases.BatchPutFieldOptionsOutput, error) {
		d, err := freshDomain(ctx, c)
		if err != nil {
			return nil, err
		}
		return nil, send(ctx, c, d, v)
	}
}

// parentError marks a failure to make a parent: the test's fault, never a
// verdict.
type parentError struct{ err error }

func (e parentError) Error() string { return "making a parent: " + e.err.Error() }

func freshDomain(ctx context.Context, c *connectcases.Client) (string, error) {
	out, err := c.CreateDomain(ctx, &connectcases.CreateDomainInput{Name: aws.String("D")})
	if err != nil {
		return "", parentError{err}
	}
	return aws.ToString(out.DomainId), nil
}

func oneOption(name, value string) []awstypes.FieldOption {
	return []awstypes.FieldOption{{Name: aws.String(name), Value: aws.String(value), Active: aws.Bool(true)}}
}

func putOption(ctx context.Context, c *connectcases.Client, name, value string) (*connectcases.BatchPutFieldOptionsOutput, error) {
	d, err := freshDomain(ctx, c)
	if err != nil {
		return nil, err
	}
	f, err := c.CreateField(ctx, &connectcases.CreateFieldInput{DomainId: aws.String(d), Name: aws.String("F"), Type: awstypes.FieldTypeSingleSelect})
	if err != nil {
		return nil, parentError{err}
	}
	return c.BatchPutFieldOptions(ctx, &connectcases.BatchPutFieldOptionsInput{DomainId: aws.String(d), FieldId: f.FieldId, Options: oneOption(name, value)})
}

func createFieldOptionsRule(ctx context.Context, c *connectcases.Client, domainID, parentFieldID, childFieldID, parentValue, childValue string) error {
	_, err := c.CreateCaseRule(ctx, &connectcases.CreateCaseRuleInput{DomainId: aws.String(domainID), Name: aws.String("R"), Rule: &awstypes.CaseRuleDetailsMemberFieldOptions{Value: awstypes.FieldOptionsCaseRule{
		ParentFieldId: aws.String(parentFieldID),
		ChildFieldId:  aws.String(childFieldID),
		ParentChildFieldOptionsMappings: []awstypes.ParentChildFieldOptionsMapping{
			{ParentFieldOptionValue: aws.String(parentValue), ChildFieldOptionValues: []string{childValue}},
		},
	}}})
	return err
}

func createTemplateTagging(ctx context.Context, c *connectcases.Client, domainID string, resourceType awstypes.TagPropagationResourceType, key, value string) error {
	_, err := c.CreateTemplate(ctx, &connectcases.CreateTemplateInput{DomainId: aws.String(domainID), Name: aws.String("T"), TagPropagationConfigurations: []awstypes.TagPropagationConfiguration{
		{ResourceType: resourceType, TagMap: map[string]string{key: value}},
	}})
	return err
}

func layoutWith(groupName *string, fieldID string) awstypes.LayoutContent {
	return &awstypes.LayoutContentMemberBasic{Value: awstypes.BasicLayout{TopPanel: &awstypes.LayoutSections{Sections: []awstypes.Section{
		&awstypes.SectionMemberFieldGroup{Value: awstypes.FieldGroup{Name: groupName, Fields: []awstypes.FieldItem{{Id: aws.String(fieldID)}}}},
	}}}}
}

func requiredRule(fieldID, value string) awstypes.CaseRuleDetails {
	return &awstypes.CaseRuleDetailsMemberRequired{Value: awstypes.RequiredCaseRule{
		DefaultValue: aws.Bool(false),
		Conditions: []awstypes.BooleanCondition{&awstypes.BooleanConditionMemberEqualTo{Value: awstypes.BooleanOperands{
			OperandOne: &awstypes.OperandOneMemberFieldId{Value: fieldID},
			OperandTwo: &awstypes.OperandTwoMemberStringValue{Value: value},
			Result:     aws.Bool(true),
		}}},
	}}
}

// boundaryValues are the values tried for a member with constraints c.
func boundaryValues(c apimodel.Constraints) []string {
	if len(c.Enum) > 0 {
		// No "": the SDK cannot send an empty enum, it means "unset"
		// (left out of an optional member, refused for a required one).
		values := append([]string{}, c.Enum...)
		return append(values, "Bogus", strings.ToLower(c.Enum[0]), c.Enum[0]+" ", "あ")
	}
	var values []string
	lengths := map[int64]bool{}
	if c.Length.Min != nil {
		if *c.Length.Min > 0 {
			lengths[*c.Length.Min-1] = true
		}
		lengths[*c.Length.Min] = true
	} else {
		lengths[0] = true
	}
	if c.Length.Max != nil {
		lengths[*c.Length.Max] = true
		lengths[*c.Length.Max+1] = true
	}
	for n := range lengths {
		values = append(values, strings.Repeat("a", int(n)))
		if n > 0 {
			values = append(values, strings.Repeat("あ", int(n))) // 3 bytes each
		}
	}
	if c.Pattern != "" {
		values = append(values, "ab\v", "a\rb", "a\u2028b", "a\u2029b", "a\u0085b", "ab ", "ab\t", "ab\f", "ab\u00a0", "ab\n", "ab\r\n", "a\nb", " ab", "a b")
		if strings.Contains(c.Pattern, "aws:") {
			values = append(values, "aws:x", "aws:", "AWS:x", "xaws:", "aws", "a,b;c<d=e", "a+b-c.d_e:f/g", "a@b", "ä")
		}
	}
	sort.Strings(values)
	return values
}

// providerRules runs the schema's validators of attr on value and names
// the rules they report.
func providerRules(attr, value string) map[apimodel.Rule]bool {
	rules := map[apimodel.Rule]bool{}
	for _, d := range checkStringDiags(stringRules(attr), value) {
		switch {
		case strings.HasSuffix(d, "Length"):
			rules[apimodel.RuleLength] = true
		case strings.HasSuffix(d, "Match"):
			rules[apimodel.RulePattern] = true
		default:
			rules[apimodel.RuleEnum] = true
		}
	}
	return rules
}

func checkStringDiags(vs []validator.String, value string) []string {
	var summaries []string
	for _, e := range checkString(vs, value) {
		summary, _, _ := strings.Cut(e, ": ")
		summaries = append(summaries, summary)
	}
	return summaries
}

// validationCodes are the codes the emulator answers invalid input with:
// Cases ValidationException; Connect InvalidParameterException where the
// operation declares it, else InvalidRequestException.
var validationCodes = map[string]bool{"ValidationException": true, "InvalidParameterException": true, "InvalidRequestException": true}

// emulatorRules names the validation rules a request's answer reports; a
// failure for another reason (not found, conflict, a semantic validation
// error without "Member must") is no validation verdict.
func emulatorRules(out *connectcases.BatchPutFieldOptionsOutput, err error) (map[apimodel.Rule]bool, error) {
	var parent parentError
	if errors.As(err, &parent) {
		return nil, err
	}
	var messages []string
	var apiErr smithy.APIError
	switch {
	case err == nil && out != nil:
		for _, e := range out.Errors {
			messages = append(messages, aws.ToString(e.Message))
		}
	case errors.As(err, &apiErr):
		if validationCodes[apiErr.ErrorCode()] {
			messages = append(messages, apiErr.ErrorMessage())
		}
	case err != nil && strings.Contains(err.Error(), "must not be empty"):
		// The SDK refuses an empty URI label before sending: the label's
		// minimum length of 1, enforced on the client.
		return map[apimodel.Rule]bool{apimodel.RuleLength: true}, nil
	case err != nil:
		return nil, err
	}
	rules := map[apimodel.Rule]bool{}
	for _, m := range messages {
		if strings.Contains(m, "Member must have length") {
			rules[apimodel.RuleLength] = true
		}
		if strings.Contains(m, "regular expression pattern") {
			rules[apimodel.RulePattern] = true
		}
		if strings.Contains(m, "enum value set") {
			rules[apimodel.RuleEnum] = true
		}
	}
	return rules, nil
}

func ruleNames(rules map[apimodel.Rule]bool) string {
	if len(rules) == 0 {
		return "accept"
	}
	var names []string
	for r := range rules {
		names = append(names, string(r))
	}
	sort.Strings(names)
	return "reject(" + strings.Join(names, ",") + ")"
}

func TestDifferentialStringMembers(t *testing.T) {
	opts := emulator.Options{Runtime: emulator.DefaultRuntimeConfig()}
	opts.Runtime.ActivationDelay = 0
	emu, err := emulator.New(opts)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(emu)
	defer srv.Close()
	var account atomic.Int64
	account.Store(400000000000)
	freshClient := func() *connectcases.Client {
		return connectcases.New(connectcases.Options{
			Region:           "us-west-2",
			BaseEndpoint:     aws.String(srv.URL),
			Credentials:      credentials.NewStaticCredentialsProvider(fmt.Sprint(account.Add(1)), "secret", ""),
			RetryMaxAttempts: 1,
		})
	}
	freshConnectClient := func() *connect.Client {
		return connect.New(connect.Options{
			Region:           "us-west-2",
			BaseEndpoint:     aws.String(srv.URL),
			Credentials:      credentials.NewStaticCredentialsProvider(fmt.Sprint(account.Add(1)), "secret", ""),
			RetryMaxAttempts: 1,
		})
	}
	ctx := context.Background()

	members, tried, providerOnly, bothReject := 0, 0, 0, 0
	var disagreements []string
	for _, attr := range apiMemberNames() {
		if strings.HasPrefix(attr, "data.") {
			continue // data sources: the same members, read not sent
		}
		m := apiMembers[attr]
		c, key, isString := stringsOf(attr)
		if !isString {
			continue // a list's or map's size
		}
		if c.Length == (apimodel.Bounds{}) && c.Pattern == "" && len(c.Enum) == 0 {
			continue // unconstrained
		}
		send, ok := memberSenders[key]
		if m.Connect {
			sendConnect, found := connectMemberSenders[key]
			send, ok = func(ctx context.Context, _ *connectcases.Client, v string) (*connectcases.BatchPutFieldOptionsOutput, error) {
				return nil, sendConnect(ctx, freshConnectClient(), v)
			}, found
		}
		if !ok {
			t.Errorf("%s (%s): no sender in memberSenders or connectMemberSenders", attr, key)
			continue
		}
		members++
		for _, value := range boundaryValues(c) {
			tried++
			provider := providerRules(attr, value)
			api, err := emulatorRules(send(ctx, freshClient(), value))
			if err != nil {
				t.Errorf("%s %q: %v", key, value, err)
				continue
			}
			if value == "" && m.NonEmpty && len(api) == 0 && provider[apimodel.RuleLength] {
				providerOnly++ // the table's documented provider rule
				continue
			}
			agree := len(provider) == 0 && len(api) == 0
			for r := range provider {
				agree = agree || api[r]
			}
			if agree && len(provider) > 0 {
				bothReject++
			}
			if !agree {
				disagreements = append(disagreements, fmt.Sprintf("%s (%s) %q: provider %s, emulator %s", key, attr, value, ruleNames(provider), ruleNames(api)))
			}
		}
	}
	t.Logf("differential: %d members covered, %d values tried, %d disagreements (%d rejected by both naming a common rule; %d empty values refused only by the provider's documented NonEmpty rule)",
		members, tried, len(disagreements), bothReject, providerOnly)
	if bothReject == 0 {
		t.Errorf("no value was rejected by both sides: the verdicts are not being read")
	}
	for _, d := range disagreements {
		t.Errorf("disagreement: %s", d)
	}
}
