package emulator_test

import (
	"context"
	"encoding/json"
	"net/url"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/connectcases"
	"github.com/aws/aws-sdk-go-v2/service/connectcases/types"

	"github.com/connect-cases/terraform-provider-cases/internal/apimodel"
	"github.com/connect-cases/terraform-provider-cases/internal/emulator"
)

// errorCase provokes one error of one operation.
type errorCase struct {
	name string
	// labels override the fixture's label values.
	labels map[string]string
	query  string
	body   string
	// config is a runtime config patch in force for this request only;
	// restore puts the quota back (a zero quota means the default).
	config, restore string
	want            string
}

// TestErrorsByOperation provokes, for every operation the emulator
// implements, the errors it can answer (validation of labels, query and
// body; unknown domain and entity; names taken; domain not Active; entities
// in use; quotas) and checks that each is what the test expects and is
// declared by the operation or common (apimodel.Operation.MayReturn).
func TestErrorsByOperation(t *testing.T) {
	client, server, _, domainID := startFieldsEmulator(t)
	ctx := context.Background()
	model := apimodel.Cases()

	// The fixture: an Active domain with a single-select field, a text
	// field shown by a layout, a case rule and a template using both, and
	// a second domain still being created.
	selectID := aws.ToString(createField(t, client, domainID, "Sel", types.FieldTypeSingleSelect).FieldId)
	textID := aws.ToString(createField(t, client, domainID, "Txt", types.FieldTypeText).FieldId)
	layoutID := aws.ToString(createLayout(t, client, domainID, "L", basicLayout([]string{textID})).LayoutId)
	rule, err := client.CreateCaseRule(ctx, &connectcases.CreateCaseRuleInput{DomainId: aws.String(domainID), Name: aws.String("R"), Rule: requiredRule("summary", "x")})
	if err != nil {
		t.Fatal(err)
	}
	ruleID := aws.ToString(rule.CaseRuleId)
	tpl, err := client.CreateTemplate(ctx, &connectcases.CreateTemplateInput{DomainId: aws.String(domainID), Name: aws.String("T"),
		LayoutConfiguration: &types.LayoutConfiguration{DefaultLayout: aws.String(layoutID)},
		Rules:               []types.TemplateRule{{CaseRuleId: aws.String(ruleID), FieldId: aws.String("summary")}}})
	if err != nil {
		t.Fatal(err)
	}
	domainARN := aws.ToString(mustGetDomain(t, client, domainID).DomainArn)
	// Cases: a case of template T with a comment, a file and a Custom
	// related item, and an Inactive template.
	numID := aws.ToString(createField(t, client, domainID, "Num", types.FieldTypeNumber).FieldId)
	inactive, err := client.CreateTemplate(ctx, &connectcases.CreateTemplateInput{DomainId: aws.String(domainID), Name: aws.String("Off"), Status: types.TemplateStatusInactive})
	if err != nil {
		t.Fatal(err)
	}
	caseBody := `{"templateId":"` + aws.ToString(tpl.TemplateId) + `","clientToken":"fixture","fields":[{"id":"title","value":{"stringValue":"T"}},{"id":"customer_id","value":{"stringValue":"` + testCustomerID + `"}}]}`
	caseID := signedJSON[connectcases.CreateCaseOutput](t, server, "POST", "/domains/"+domainID+"/cases", caseBody).CaseId
	itemPath := "/domains/" + domainID + "/cases/" + aws.ToString(caseID) + "/related-items/"
	commentID := aws.ToString(signedJSON[connectcases.CreateRelatedItemOutput](t, server, "POST", itemPath, `{"type":"Comment","content":{"comment":{"body":"b","contentType":"Text/Plain"}}}`).RelatedItemId)
	fileID := aws.ToString(signedJSON[connectcases.CreateRelatedItemOutput](t, server, "POST", itemPath, `{"type":"File","content":{"file":{"fileArn":"arn:aws:connect:us-west-2:123456789012:instance/i/file/f"}}}`).RelatedItemId)
	customID := aws.ToString(signedJSON[connectcases.CreateRelatedItemOutput](t, server, "POST", itemPath, `{"type":"Custom","content":{"custom":{"fields":[{"id":"`+textID+`","value":{"stringValue":"a"}}]}}}`).RelatedItemId)
	putConfig(t, server, `{"activationDelay":"1h"}`)
	pendingID := aws.ToString(createDomain(t, client, "pending").DomainId)
	putConfig(t, server, `{"activationDelay":"0s"}`)

	labels := map[string]string{"domainId": domainID, "fieldId": selectID, "layoutId": layoutID, "templateId": aws.ToString(tpl.TemplateId), "caseRuleId": ruleID, "arn": domainARN,
		"caseId": aws.ToString(caseID), "relatedItemId": commentID}
	const unknown = "00000000-0000-4000-8000-000000000000"
	long := strings.Repeat("x", 501)
	content := func(fieldID string) string {
		return `{"basic":{"topPanel":{"sections":[{"fieldGroup":{"fields":[{"id":"` + fieldID + `"}]}}]}}}`
	}
	const (
		validation = emulator.CodeValidation
		notFound   = emulator.CodeResourceNotFound
		conflict   = emulator.CodeConflict
		quota      = emulator.CodeServiceQuotaExceeded
	)
	pending := map[string]string{"domainId": pendingID}
	unknownDomain := map[string]string{"domainId": unknown}

	// validBody passes validation for each operation, so that the errors
	// after it come from the handler.
	validBody := map[string]string{
		"CreateDomain":              `{"name":"another"}`,
		"CreateField":               `{"name":"New","type":"Text"}`,
		"BatchGetField":             `{"fields":[{"id":"summary"}]}`,
		"UpdateField":               `{"name":"Renamed"}`,
		"BatchPutFieldOptions":      `{"options":[{"name":"A","value":"a","active":true}]}`,
		"CreateLayout":              `{"name":"New","content":` + content("summary") + `}`,
		"UpdateLayout":              `{"name":"Renamed"}`,
		"CreateTemplate":            `{"name":"New"}`,
		"UpdateTemplate":            `{"name":"Renamed"}`,
		"CreateCaseRule":            `{"name":"New","rule":{"required":{"defaultValue":false,"conditions":[]}}}`,
		"BatchGetCaseRule":          `{"caseRules":[{"id":"x"}]}`,
		"UpdateCaseRule":            `{"name":"Renamed"}`,
		"PutCaseEventConfiguration": `{"eventBridge":{"enabled":false}}`,
		"TagResource":               `{"tags":{"k":"v"}}`,
		"CreateCase":                strings.Replace(caseBody, `"fixture"`, `"other"`, 1),
		"GetCase":                   `{"fields":[{"id":"title"}]}`,
		"UpdateCase":                `{"fields":[{"id":"summary","value":{"stringValue":"s"}}]}`,
		"ListCasesForContact":       `{"contactArn":"arn:aws:connect:us-west-2:123456789012:instance/i/contact/c"}`,
		"CreateRelatedItem":         `{"type":"Comment","content":{"comment":{"body":"b","contentType":"Text/Plain"}}}`,
		"UpdateRelatedItem":         `{"content":{"comment":{"body":"new","contentType":"Text/Plain"}}}`,
	}
	validQuery := map[string]string{"UntagResource": "tagKeys=k"}

	specific := map[string][]errorCase{
		"CreateDomain": {
			{name: "name taken", body: `{"name":"fields"}`, want: conflict},
			{name: "quota", config: `{"quotas":{"domainsPerAccountRegion":2}}`, restore: `{"quotas":{"domainsPerAccountRegion":0}}`, want: quota},
			{name: "bad name", body: `{"name":"trailing "}`, want: validation},
		},
		"ListDomains": {
			{name: "maxResults out of range", query: "maxResults=11", want: validation},
			{name: "maxResults not a number", query: "maxResults=ten", want: validation},
			{name: "forged nextToken", query: "nextToken=forged", want: validation},
		},
		"TagResource":         {{name: "unknown ARN", labels: map[string]string{"arn": domainARN + "x"}, want: notFound}, {name: "no tags", body: `{}`, want: validation}},
		"UntagResource":       {{name: "unknown ARN", labels: map[string]string{"arn": domainARN + "/field/nope"}, want: notFound}, {name: "no tagKeys", query: "-", want: validation}, {name: "reserved key", query: "tagKeys=aws:x", want: validation}},
		"ListTagsForResource": {{name: "unknown ARN", labels: map[string]string{"arn": domainARN + "/layout/nope"}, want: notFound}},
		"CreateField": {
			{name: "name taken", body: `{"name":"Sel","type":"Text"}`, want: conflict},
			{name: "domain not Active", labels: pending, want: conflict},
			{name: "quota", config: `{"quotas":{"fieldsPerDomain":2}}`, restore: `{"quotas":{"fieldsPerDomain":0}}`, want: quota},
			{name: "bad type", body: `{"name":"N","type":"Currency"}`, want: validation},
			{name: "attributes of another type", body: `{"name":"N","type":"Number","attributes":{"text":{"isMultiline":true}}}`, want: validation},
		},
		"BatchGetField": {{name: "no ids", body: `{"fields":[]}`, want: validation}},
		"ListFields":    {{name: "forged nextToken", query: "nextToken=forged", want: validation}},
		"UpdateField": {
			{name: "unknown field", labels: map[string]string{"fieldId": unknown}, want: notFound},
			{name: "name taken", body: `{"name":"Txt"}`, want: conflict},
			{name: "domain not Active", labels: pending, want: conflict},
			{name: "system field renamed", labels: map[string]string{"fieldId": "title"}, want: validation},
		},
		"DeleteField": {
			{name: "unknown field", labels: map[string]string{"fieldId": unknown}, want: notFound},
			{name: "field in use", labels: map[string]string{"fieldId": textID}, want: conflict},
			{name: "system field", labels: map[string]string{"fieldId": "summary"}, want: validation},
			{name: "domain not Active", labels: pending, want: conflict},
		},
		"BatchPutFieldOptions": {
			{name: "unknown field", labels: map[string]string{"fieldId": unknown}, want: notFound},
			{name: "not single-select", labels: map[string]string{"fieldId": textID}, want: validation},
			{name: "domain not Active", labels: pending, want: validation},
			{name: "quota", body: `{"options":[{"name":"A","value":"a","active":true},{"name":"B","value":"b","active":true}]}`, config: `{"quotas":{"optionsPerField":1}}`, restore: `{"quotas":{"optionsPerField":0}}`, want: quota},
		},
		"ListFieldOptions": {
			{name: "unknown field", labels: map[string]string{"fieldId": unknown}, want: notFound},
			{name: "not single-select", labels: map[string]string{"fieldId": textID}, want: validation},
			{name: "two values", query: "values=a&values=b", want: validation},
		},
		"CreateLayout": {
			{name: "name taken", body: `{"name":"L","content":` + content("summary") + `}`, want: conflict},
			{name: "unknown field", body: `{"name":"N","content":` + content(unknown) + `}`, want: validation},
			{name: "domain not Active", labels: pending, want: conflict},
			{name: "layouts quota", config: `{"quotas":{"layoutsPerDomain":1}}`, restore: `{"quotas":{"layoutsPerDomain":0}}`, want: quota},
			{name: "fields quota", body: `{"name":"N","content":{"basic":{"topPanel":{"sections":[{"fieldGroup":{"fields":[{"id":"summary"},{"id":"` + textID + `"}]}}]}}}}`, config: `{"quotas":{"fieldsPerLayout":1}}`, restore: `{"quotas":{"fieldsPerLayout":0}}`, want: quota},
		},
		"GetLayout":   {{name: "unknown layout", labels: map[string]string{"layoutId": unknown}, want: notFound}},
		"ListLayouts": {{name: "maxResults out of range", query: "maxResults=0", want: validation}},
		"UpdateLayout": {
			{name: "unknown layout", labels: map[string]string{"layoutId": unknown}, want: notFound},
			{name: "domain not Active", labels: pending, want: conflict},
			{name: "fields quota", body: `{"content":{"basic":{"topPanel":{"sections":[{"fieldGroup":{"fields":[{"id":"summary"},{"id":"` + textID + `"}]}}]}}}}`, config: `{"quotas":{"fieldsPerLayout":1}}`, restore: `{"quotas":{"fieldsPerLayout":0}}`, want: quota},
		},
		"DeleteLayout": {
			{name: "unknown layout", labels: map[string]string{"layoutId": unknown}, want: notFound},
			{name: "default layout of a template", want: conflict},
		},
		"CreateTemplate": {
			{name: "name taken", body: `{"name":"T"}`, want: conflict},
			{name: "unknown layout", body: `{"name":"N","layoutConfiguration":{"defaultLayout":"` + unknown + `"}}`, want: validation},
			{name: "domain not Active", labels: pending, want: conflict},
			{name: "quota", config: `{"quotas":{"templatesPerDomain":1}}`, restore: `{"quotas":{"templatesPerDomain":0}}`, want: quota},
			{name: "bad status", body: `{"name":"N","status":"Paused"}`, want: validation},
		},
		"GetTemplate":   {{name: "unknown template", labels: map[string]string{"templateId": unknown}, want: notFound}},
		"ListTemplates": {{name: "repeated status", query: "status=Active&status=Active", want: validation}},
		"UpdateTemplate": {
			{name: "unknown template", labels: map[string]string{"templateId": unknown}, want: notFound},
			{name: "nothing to change", body: `{}`, want: validation},
			{name: "domain not Active", labels: pending, want: conflict},
		},
		"DeleteTemplate": {{name: "unknown template", labels: map[string]string{"templateId": unknown}, want: notFound}},
		"CreateCaseRule": {
			{name: "name taken", body: `{"name":"R","rule":{"required":{"defaultValue":false,"conditions":[]}}}`, want: conflict},
			{name: "domain not Active", labels: pending, want: conflict},
			{name: "two rule types", body: `{"name":"N","rule":{"required":{"defaultValue":false,"conditions":[]},"hidden":{"defaultValue":false,"conditions":[]}}}`, want: validation},
		},
		"BatchGetCaseRule": {{name: "no ids", body: `{"caseRules":[]}`, want: validation}},
		"ListCaseRules":    {{name: "forged nextToken", query: "nextToken=forged", want: validation}},
		"UpdateCaseRule": {
			{name: "unknown rule", labels: map[string]string{"caseRuleId": unknown}, want: notFound},
			{name: "domain not Active", labels: pending, want: conflict},
		},
		"DeleteCaseRule": {
			{name: "unknown rule", labels: map[string]string{"caseRuleId": unknown}, want: notFound},
			{name: "used by a template", want: conflict},
		},
		"CreateCase": {
			{name: "unknown template", body: `{"templateId":"` + unknown + `","fields":[]}`, want: notFound},
			{name: "inactive template", body: `{"templateId":"` + aws.ToString(inactive.TemplateId) + `","fields":[]}`, want: validation},
			{name: "required field missing", body: `{"templateId":"` + aws.ToString(tpl.TemplateId) + `","fields":[{"id":"title","value":{"stringValue":"T"}}]}`, want: validation},
			{name: "clientToken of another request", body: strings.Replace(caseBody, `"T"`, `"U"`, 1), want: conflict},
			{name: "value of the wrong type", body: `{"templateId":"` + aws.ToString(tpl.TemplateId) + `","fields":[{"id":"` + numID + `","value":{"stringValue":"1"}}]}`, want: validation},
			{name: "not an option", body: `{"templateId":"` + aws.ToString(tpl.TemplateId) + `","fields":[{"id":"` + selectID + `","value":{"stringValue":"nope"}}]}`, want: validation},
			{name: "domain not Active", labels: pending, want: validation},
		},
		"GetCase": {
			{name: "unknown case", labels: map[string]string{"caseId": unknown}, want: notFound},
			{name: "forged nextToken", body: `{"fields":[{"id":"title"}],"nextToken":"forged"}`, want: validation},
		},
		"UpdateCase": {
			{name: "unknown case", labels: map[string]string{"caseId": unknown}, want: notFound},
			{name: "system field maintained by Cases", body: `{"fields":[{"id":"case_id","value":{"stringValue":"x"}}]}`, want: validation},
			{name: "value of the wrong type", body: `{"fields":[{"id":"title","value":{"doubleValue":1}}]}`, want: validation},
			{name: "unknown field", body: `{"fields":[{"id":"` + unknown + `","value":{"stringValue":"x"}}]}`, want: validation},
			{name: "domain not Active", labels: pending, want: validation},
		},
		"DeleteCase": {{name: "unknown case", labels: map[string]string{"caseId": unknown}, want: notFound}},
		"SearchCases": {
			{name: "unknown field in filter", body: `{"filter":{"field":{"equalTo":{"id":"` + unknown + `","value":{"stringValue":"x"}}}}}`, want: validation},
			{name: "forged nextToken", body: `{"nextToken":"forged"}`, want: validation},
			{name: "maxResults out of range", body: `{"maxResults":101}`, want: validation},
			{name: "two members of a filter", body: `{"filter":{"not":{"andAll":[]},"orAll":[]}}`, want: validation},
		},
		"ListCasesForContact": {{name: "maxResults out of range", body: `{"contactArn":"c","maxResults":11}`, want: validation}},
		"GetCaseAuditEvents": {
			{name: "unknown case", labels: map[string]string{"caseId": unknown}, want: notFound},
			{name: "forged nextToken", body: `{"nextToken":"forged"}`, want: validation},
		},
		"CreateRelatedItem": {
			{name: "unknown case", labels: map[string]string{"caseId": unknown}, want: notFound},
			{name: "type and content disagree", body: `{"type":"Contact","content":{"comment":{"body":"b","contentType":"Text/Plain"}}}`, want: validation},
			{name: "system field in a custom item", body: `{"type":"Custom","content":{"custom":{"fields":[{"id":"title","value":{"stringValue":"x"}}]}}}`, want: validation},
			{name: "related items quota", config: `{"quotas":{"relatedItemsPerCase":3}}`, restore: `{"quotas":{"relatedItemsPerCase":0}}`, want: quota},
			{name: "files quota", body: `{"type":"File","content":{"file":{"fileArn":"f"}}}`, config: `{"quotas":{"filesPerCase":1}}`, restore: `{"quotas":{"filesPerCase":0}}`, want: quota},
			{name: "fields per related item quota", body: `{"type":"Custom","content":{"custom":{"fields":[{"id":"` + textID + `","value":{"stringValue":"a"}},{"id":"` + numID + `","value":{"doubleValue":1}}]}}}`, config: `{"quotas":{"fieldsPerRelatedItem":1}}`, restore: `{"quotas":{"fieldsPerRelatedItem":0}}`, want: quota},
			{name: "linked case does not exist", body: `{"type":"ConnectCase","content":{"connectCase":{"caseId":"` + unknown + `"}}}`, want: validation},
			{name: "SLA without a field", body: `{"type":"Sla","content":{"sla":{"slaInputConfiguration":{"name":"S","type":"CaseField","targetSlaMinutes":5}}}}`, want: validation},
		},
		"UpdateRelatedItem": {
			{name: "unknown related item", labels: map[string]string{"relatedItemId": unknown}, want: notFound},
			{name: "unknown case", labels: map[string]string{"caseId": unknown}, want: notFound},
			{name: "a file cannot be updated", labels: map[string]string{"relatedItemId": fileID}, want: validation},
			{name: "content of another type", body: `{"content":{"custom":{"fields":[{"id":"` + textID + `","value":{"stringValue":"a"}}]}}}`, want: validation},
			{name: "fields per related item quota", labels: map[string]string{"relatedItemId": customID}, body: `{"content":{"custom":{"fields":[{"id":"` + textID + `","value":{"stringValue":"a"}},{"id":"` + numID + `","value":{"doubleValue":1}}]}}}`, config: `{"quotas":{"fieldsPerRelatedItem":1}}`, restore: `{"quotas":{"fieldsPerRelatedItem":0}}`, want: quota},
		},
		"DeleteRelatedItem": {
			{name: "unknown related item", labels: map[string]string{"relatedItemId": unknown}, want: notFound},
			{name: "a file", labels: map[string]string{"relatedItemId": fileID}, want: validation},
		},
		"SearchRelatedItems": {
			{name: "unknown case", labels: map[string]string{"caseId": unknown}, want: notFound},
			{name: "forged nextToken", body: `{"nextToken":"forged"}`, want: validation},
		},
		"SearchAllRelatedItems": {
			{name: "bad sort property", body: `{"sorts":[{"sortProperty":"Title","sortOrder":"Asc"}]}`, want: validation},
			{name: "maxResults out of range", body: `{"maxResults":26}`, want: validation},
		},
		"PutCaseEventConfiguration": {
			{name: "domain not Active", labels: pending, want: validation},
			{name: "unknown field", body: `{"eventBridge":{"enabled":true,"includedData":{"caseData":{"fields":[{"id":"` + unknown + `"}]}}}}`, want: validation},
		},
	}

	implemented := emulator.ImplementedOperations()
	requests, pairs := 0, map[string]bool{}
	for _, name := range implemented {
		op := model.Operations[name]
		input := model.Shapes[op.Input]
		var cases []errorCase
		hasDomain := false
		for _, m := range input.Members {
			if m.Location == "label" {
				cases = append(cases, errorCase{name: m.Name + " too long", labels: map[string]string{m.Name: long}, want: validation})
				hasDomain = hasDomain || m.Name == "domainId"
			}
		}
		if hasDomain {
			cases = append(cases, errorCase{name: "unknown domain", labels: unknownDomain, want: notFound})
		}
		if hasRequiredBodyMember(input) {
			cases = append(cases, errorCase{name: "required member missing", body: `{}`, want: validation})
		}
		cases = append(cases, specific[name]...)
		if len(cases) == 0 {
			t.Errorf("%s: no error provoked", name)
		}
		for _, tc := range cases {
			t.Run(name+"/"+tc.name, func(t *testing.T) {
				path := op.URI
				for _, m := range input.Members {
					if m.Location != "label" {
						continue
					}
					value := labels[m.Name]
					if v, ok := tc.labels[m.Name]; ok {
						value = v
					}
					path = strings.ReplaceAll(path, "{"+m.Name+"}", url.PathEscape(value))
				}
				query := validQuery[name]
				if tc.query != "" {
					query = tc.query
				}
				if query != "" && query != "-" {
					path += "?" + query
				}
				body := validBody[name]
				if tc.body != "" {
					body = tc.body
				}
				if tc.config != "" {
					putConfig(t, server, tc.config)
					defer putConfig(t, server, tc.restore)
				}
				resp := signedPost(t, server, op.Method, path, []byte(body))
				requests++
				code := resp.header.Get("X-Amzn-ErrorType")
				pairs[name+" "+code] = true
				if code != tc.want {
					t.Fatalf("%s %s: status %d, code %q, want %s (body %s)", op.Method, path, resp.status, code, tc.want, resp.body)
				}
				if !op.MayReturn(code) {
					t.Errorf("%s answered %s, which it does not declare", name, code)
				}
				var errBody map[string]any
				if err := json.Unmarshal(resp.body, &errBody); err != nil || errBody["message"] == "" {
					t.Errorf("error body %s", resp.body)
				}
			})
		}
	}
	t.Logf("%d operations, %d requests, %d distinct (operation, error) pairs, all declared or common", len(implemented), requests, len(pairs))
}

// testCustomerID is a customer profile ARN in the form customer_id takes.
const testCustomerID = "arn:aws:profile:us-west-2:123456789012:domains/profiles/profiles/0123456789abcdef"

// signedJSON sends a signed request and decodes its JSON answer into T.
func signedJSON[T any](t *testing.T, server *emulator.Server, method, path, body string) T {
	t.Helper()
	resp := signedPost(t, server, method, path, []byte(body))
	var out T
	if resp.status != 200 {
		t.Fatalf("%s %s: %d %s", method, path, resp.status, resp.body)
	}
	if err := json.Unmarshal(resp.body, &out); err != nil {
		t.Fatalf("%s %s: %v", method, path, err)
	}
	return out
}

func hasRequiredBodyMember(input *apimodel.Shape) bool {
	for _, m := range input.Members {
		if m.Location == "" && m.Required {
			return true
		}
	}
	return false
}

func mustGetDomain(t *testing.T, client *connectcases.Client, id string) *connectcases.GetDomainOutput {
	t.Helper()
	out, err := client.GetDomain(context.Background(), &connectcases.GetDomainInput{DomainId: aws.String(id)})
	if err != nil {
		t.Fatal(err)
	}
	return out
}
