package cases

import (
	"fmt"
	"sort"

	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/connect-cases/terraform-provider-cases/internal/apimodel"
	"github.com/connect-cases/terraform-provider-cases/internal/validators"
)

// apiMember names the member of the Cases API model that an attribute's
// value is sent as: a structure shape and a path of member names, e.g.
// CreateFieldRequest.name.
type apiMember struct {
	Structure string
	Path      []string
	// NonEmpty: the provider refuses "" although the model has no minimum
	// length: the attribute is optional, the API reads an empty value back
	// as absent, and a configured "" would then differ from state. Leave
	// the attribute out instead.
	NonEmpty bool
}

// apiMembers maps every attribute whose value the provider validates to the
// API member it is sent as (data source look-ups: the member that holds the
// same value). Keys are "TYPE.ATTRIBUTE", nested attributes joined with
// dots, data sources prefixed "data."; "ATTRIBUTE.[]" names the member each
// value of a list, set or map key is sent as (a string member, or a list
// member whose values it names), while "ATTRIBUTE" alone is the list's
// size. The schemas take their validators and the words of their
// descriptions from this table, and the differential test
// (api_members_test.go) sends every string member in it to the emulator
// through the stock SDK client, so a rule exists once: in the model.
var apiMembers = map[string]apiMember{
	"cases_domain.name": {Structure: "CreateDomainRequest", Path: []string{"name"}},

	"cases_field.domain_id":   {Structure: "CreateFieldRequest", Path: []string{"domainId"}},
	"cases_field.name":        {Structure: "CreateFieldRequest", Path: []string{"name"}},
	"cases_field.type":        {Structure: "CreateFieldRequest", Path: []string{"type"}},
	"cases_field.description": {Structure: "CreateFieldRequest", Path: []string{"description"}, NonEmpty: true},

	"cases_field_options.domain_id":     {Structure: "BatchPutFieldOptionsRequest", Path: []string{"domainId"}},
	"cases_field_options.field_id":      {Structure: "BatchPutFieldOptionsRequest", Path: []string{"fieldId"}},
	"cases_field_options.options.name":  {Structure: "FieldOption", Path: []string{"name"}},
	"cases_field_options.options.value": {Structure: "FieldOption", Path: []string{"value"}},

	"cases_layout.domain_id":                             {Structure: "CreateLayoutRequest", Path: []string{"domainId"}},
	"cases_layout.name":                                  {Structure: "CreateLayoutRequest", Path: []string{"name"}},
	"cases_layout.content.panel":                         {Structure: "LayoutSections", Path: []string{"sections"}},
	"cases_layout.content.panel.name":                    {Structure: "FieldGroup", Path: []string{"name"}, NonEmpty: true},
	"cases_layout.content.panel.field_ids":               {Structure: "FieldGroup", Path: []string{"fields"}},
	"cases_layout.content.panel.field_ids.[]":            {Structure: "FieldItem", Path: []string{"id"}},
	"cases_template.domain_id":                           {Structure: "CreateTemplateRequest", Path: []string{"domainId"}},
	"cases_template.name":                                {Structure: "CreateTemplateRequest", Path: []string{"name"}},
	"cases_template.description":                         {Structure: "CreateTemplateRequest", Path: []string{"description"}, NonEmpty: true},
	"cases_template.status":                              {Structure: "CreateTemplateRequest", Path: []string{"status"}},
	"cases_template.layout_configuration.default_layout": {Structure: "LayoutConfiguration", Path: []string{"defaultLayout"}},
	"cases_template.required_fields":                     {Structure: "CreateTemplateRequest", Path: []string{"requiredFields"}},
	"cases_template.required_fields.[]":                  {Structure: "RequiredField", Path: []string{"fieldId"}},
	"cases_template.rules":                               {Structure: "CreateTemplateRequest", Path: []string{"rules"}},
	"cases_template.rules.case_rule_id":                  {Structure: "TemplateRule", Path: []string{"caseRuleId"}},
	"cases_template.rules.field_id":                      {Structure: "TemplateRule", Path: []string{"fieldId"}},

	"cases_case_rule.domain_id":                                 {Structure: "CreateCaseRuleRequest", Path: []string{"domainId"}},
	"cases_case_rule.name":                                      {Structure: "CreateCaseRuleRequest", Path: []string{"name"}},
	"cases_case_rule.description":                               {Structure: "CreateCaseRuleRequest", Path: []string{"description"}, NonEmpty: true},
	"cases_case_rule.required.conditions":                       {Structure: "RequiredCaseRule", Path: []string{"conditions"}},
	"cases_case_rule.required.conditions.operands.field_id":     {Structure: "OperandOne", Path: []string{"fieldId"}},
	"cases_case_rule.required.conditions.operands.string_value": {Structure: "OperandTwo", Path: []string{"stringValue"}},

	"cases_case_event_configuration.domain_id":         {Structure: "PutCaseEventConfigurationRequest", Path: []string{"domainId"}},
	"cases_case_event_configuration.case_field_ids":    {Structure: "CaseEventIncludedData", Path: []string{"fields"}},
	"cases_case_event_configuration.case_field_ids.[]": {Structure: "FieldIdentifier", Path: []string{"id"}},

	// Tag keys are sent as keys of TagResourceRequest.tags, a map of plain
	// strings in the model; UntagResourceRequest.tagKeys holds the TagKey
	// shape, so a key must satisfy it to be removable again.
	"tags.[]": {Structure: "UntagResourceRequest", Path: []string{"tagKeys"}},

	"data.cases_domain.domain_id":      {Structure: "GetDomainRequest", Path: []string{"domainId"}},
	"data.cases_domain.name":           {Structure: "CreateDomainRequest", Path: []string{"name"}},
	"data.cases_field.domain_id":       {Structure: "BatchGetFieldRequest", Path: []string{"domainId"}},
	"data.cases_field.field_id":        {Structure: "FieldIdentifier", Path: []string{"id"}},
	"data.cases_field.name":            {Structure: "CreateFieldRequest", Path: []string{"name"}},
	"data.cases_fields.domain_id":      {Structure: "ListFieldsRequest", Path: []string{"domainId"}},
	"data.cases_layout.domain_id":      {Structure: "GetLayoutRequest", Path: []string{"domainId"}},
	"data.cases_layout.layout_id":      {Structure: "GetLayoutRequest", Path: []string{"layoutId"}},
	"data.cases_layout.name":           {Structure: "CreateLayoutRequest", Path: []string{"name"}},
	"data.cases_layouts.domain_id":     {Structure: "ListLayoutsRequest", Path: []string{"domainId"}},
	"data.cases_template.domain_id":    {Structure: "GetTemplateRequest", Path: []string{"domainId"}},
	"data.cases_template.template_id":  {Structure: "GetTemplateRequest", Path: []string{"templateId"}},
	"data.cases_template.name":         {Structure: "CreateTemplateRequest", Path: []string{"name"}},
	"data.cases_templates.domain_id":   {Structure: "ListTemplatesRequest", Path: []string{"domainId"}},
	"data.cases_templates.statuses":    {Structure: "ListTemplatesRequest", Path: []string{"status"}},
	"data.cases_templates.statuses.[]": {Structure: "ListTemplatesRequest", Path: []string{"status"}},
}

func member(attr string) apiMember {
	m, ok := apiMembers[attr]
	if !ok {
		panic(fmt.Sprintf("cases: no API member for attribute %q in apiMembers", attr))
	}
	return m
}

// stringRules are the plan-time checks of a string attribute: the model's
// rules of its member, and NonEmpty.
func stringRules(attr string) []validator.String {
	m := member(attr)
	out := []validator.String{validators.CasesString(m.Structure, m.Path...)}
	if m.NonEmpty {
		out = append(out, stringvalidator.LengthAtLeast(1))
	}
	return out
}

// elementRules are the checks of each value of a list or set attribute.
func elementRules(attr string) validator.String {
	m := member(attr + ".[]")
	svc := apimodel.Cases()
	if target := svc.Shapes[svc.MustLookup(m.Structure, m.Path...).Target]; target != nil && target.Type == apimodel.TypeList {
		return validators.CasesListElement(m.Structure, m.Path...)
	}
	return validators.CasesString(m.Structure, m.Path...)
}

// rulesText says the rules of a string attribute (or, for an "X.[]" entry
// naming a list member, of each of its values) in words, for a
// description: "between 1 and 100 characters, matching ...".
func rulesText(attr string) string {
	m := member(attr)
	svc := apimodel.Cases()
	var text string
	if target := svc.Shapes[svc.MustLookup(m.Structure, m.Path...).Target]; target != nil && target.Type == apimodel.TypeList {
		text = apimodel.DescribeStringRules(svc.Shapes[target.Member].Constraints)
	} else {
		text = validators.CasesStringRules(m.Structure, m.Path...)
	}
	if m.NonEmpty {
		text = "not empty, " + text
	}
	return text
}

// listSize is the entry-count rule of a list attribute. An empty list is
// refused when the model allows it (atLeastOne): the API reads it back as
// absent, so the attribute is left out instead.
func listSize(attr string, atLeastOne bool) []validator.List {
	m := member(attr)
	out := []validator.List{validators.CasesListSize(m.Structure, m.Path...)}
	if atLeastOne {
		out = append(out, listvalidator.SizeAtLeast(1))
	}
	return out
}

// setSize is listSize for a set attribute.
func setSize(attr string, atLeastOne bool) []validator.Set {
	m := member(attr)
	out := []validator.Set{validators.CasesSetSize(m.Structure, m.Path...)}
	if atLeastOne {
		out = append(out, setvalidator.SizeAtLeast(1))
	}
	return out
}

// maxEntries is the model's largest entry count of a list attribute, for
// descriptions and hints.
func maxEntries(attr string) int64 {
	m := member(attr)
	return validators.CasesMaxEntries(m.Structure, m.Path...)
}

// apiMemberNames lists the table's keys in order, for tests.
func apiMemberNames() []string {
	names := make([]string, 0, len(apiMembers))
	for k := range apiMembers {
		names = append(names, k)
	}
	sort.Strings(names)
	return names
}
