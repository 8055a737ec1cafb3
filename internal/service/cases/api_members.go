package cases

import (
	"fmt"
	"sort"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/connect-cases/terraform-provider-cases/internal/apimodel"
	"github.com/connect-cases/terraform-provider-cases/internal/validators"
)

// apiMember names the member of an API model that an attribute's value is
// sent as: a structure shape and a path of member names, e.g.
// CreateFieldRequest.name.
type apiMember struct {
	Structure string
	Path      []string
	// Connect: the member is in the Amazon Connect model (apimodel.Connect),
	// not the Cases one.
	Connect bool
	// NonEmpty: the provider refuses "" although the model has no minimum
	// length: the attribute is optional, the API reads an empty value back
	// as absent, and a configured "" would then differ from state. Leave
	// the attribute out instead.
	NonEmpty bool
}

// Suffixes of apiMembers keys that name the values inside an attribute
// rather than the attribute itself.
const (
	partElement = ".[]"      // each value of a list or set
	partKey     = ".{key}"   // each key of a map
	partValue   = ".{value}" // each value of a map
)

// apiMembers maps every attribute whose value the provider validates to the
// API member it is sent as (data source look-ups: the member that holds the
// same value). Keys are "TYPE.ATTRIBUTE", nested attributes joined with
// dots, data sources prefixed "data.". "ATTRIBUTE.[]" names the member each
// value of a list or set is sent as, "ATTRIBUTE.{key}" and
// "ATTRIBUTE.{value}" those of each key and value of a map; "ATTRIBUTE"
// alone is the value of a string, or the size of a list, set or map. A
// member that is a list holds the strings of its entries; one that is a
// map, its keys or values as the key says. The schemas take their
// validators and the words of their descriptions from this table, and the
// differential test (api_members_test.go) sends every string member in it
// to the emulator through the stock SDK clients, so a rule exists once: in
// the model.
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

	"cases_layout.domain_id":                  {Structure: "CreateLayoutRequest", Path: []string{"domainId"}},
	"cases_layout.name":                       {Structure: "CreateLayoutRequest", Path: []string{"name"}},
	"cases_layout.content.panel":              {Structure: "LayoutSections", Path: []string{"sections"}},
	"cases_layout.content.panel.name":         {Structure: "FieldGroup", Path: []string{"name"}, NonEmpty: true},
	"cases_layout.content.panel.field_ids":    {Structure: "FieldGroup", Path: []string{"fields"}},
	"cases_layout.content.panel.field_ids.[]": {Structure: "FieldItem", Path: []string{"id"}},

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
	"cases_template.tag_propagation":                     {Structure: "CreateTemplateRequest", Path: []string{"tagPropagationConfigurations"}},
	"cases_template.tag_propagation.resource_type":       {Structure: "TagPropagationConfiguration", Path: []string{"resourceType"}},
	"cases_template.tag_propagation.tags":                {Structure: "TagPropagationConfiguration", Path: []string{"tagMap"}},
	"cases_template.tag_propagation.tags.{key}":          {Structure: "TagPropagationConfiguration", Path: []string{"tagMap"}},
	"cases_template.tag_propagation.tags.{value}":        {Structure: "TagPropagationConfiguration", Path: []string{"tagMap"}},

	// The conditions of required and hidden rules; "conditions.*" stands
	// for a condition at any nesting level, "operands" for its equal_to or
	// not_equal_to.
	"cases_case_rule.domain_id":                        {Structure: "CreateCaseRuleRequest", Path: []string{"domainId"}},
	"cases_case_rule.name":                             {Structure: "CreateCaseRuleRequest", Path: []string{"name"}},
	"cases_case_rule.description":                      {Structure: "CreateCaseRuleRequest", Path: []string{"description"}, NonEmpty: true},
	"cases_case_rule.required.conditions":              {Structure: "RequiredCaseRule", Path: []string{"conditions"}},
	"cases_case_rule.hidden.conditions":                {Structure: "HiddenCaseRule", Path: []string{"conditions"}},
	"cases_case_rule.conditions.and_all":               {Structure: "CompoundCondition", Path: []string{"conditions"}},
	"cases_case_rule.conditions.or_all":                {Structure: "CompoundCondition", Path: []string{"conditions"}},
	"cases_case_rule.conditions.operands.field_id":     {Structure: "OperandOne", Path: []string{"fieldId"}},
	"cases_case_rule.conditions.operands.string_value": {Structure: "OperandTwo", Path: []string{"stringValue"}},
	"cases_case_rule.field_options.parent_field_id":    {Structure: "FieldOptionsCaseRule", Path: []string{"parentFieldId"}},
	"cases_case_rule.field_options.child_field_id":     {Structure: "FieldOptionsCaseRule", Path: []string{"childFieldId"}},
	"cases_case_rule.field_options.mappings":           {Structure: "FieldOptionsCaseRule", Path: []string{"parentChildFieldOptionsMappings"}},
	"cases_case_rule.field_options.mappings.{key}":     {Structure: "ParentChildFieldOptionsMapping", Path: []string{"parentFieldOptionValue"}},
	"cases_case_rule.field_options.mappings.{value}":   {Structure: "ParentChildFieldOptionsMapping", Path: []string{"childFieldOptionValues"}},

	"cases_case_event_configuration.domain_id":         {Structure: "PutCaseEventConfigurationRequest", Path: []string{"domainId"}},
	"cases_case_event_configuration.case_field_ids":    {Structure: "CaseEventIncludedData", Path: []string{"fields"}},
	"cases_case_event_configuration.case_field_ids.[]": {Structure: "FieldIdentifier", Path: []string{"id"}},

	"cases_instance_association.instance_id": {Structure: "CreateIntegrationAssociationRequest", Path: []string{"InstanceId"}, Connect: true},
	"cases_instance_association.domain_arn":  {Structure: "CreateIntegrationAssociationRequest", Path: []string{"IntegrationArn"}, Connect: true},

	// Tag keys are sent as keys of TagResourceRequest.tags, a map of plain
	// strings in the model; UntagResourceRequest.tagKeys holds the TagKey
	// shape, so a key must satisfy it to be removable again.
	"tags.{key}": {Structure: "UntagResourceRequest", Path: []string{"tagKeys"}},

	"data.cases_domain.domain_id":                 {Structure: "GetDomainRequest", Path: []string{"domainId"}},
	"data.cases_domain.name":                      {Structure: "CreateDomainRequest", Path: []string{"name"}},
	"data.cases_field.domain_id":                  {Structure: "BatchGetFieldRequest", Path: []string{"domainId"}},
	"data.cases_field.field_id":                   {Structure: "FieldIdentifier", Path: []string{"id"}},
	"data.cases_field.name":                       {Structure: "CreateFieldRequest", Path: []string{"name"}},
	"data.cases_fields.domain_id":                 {Structure: "ListFieldsRequest", Path: []string{"domainId"}},
	"data.cases_field_options.domain_id":          {Structure: "ListFieldOptionsRequest", Path: []string{"domainId"}},
	"data.cases_field_options.field_id":           {Structure: "ListFieldOptionsRequest", Path: []string{"fieldId"}},
	"data.cases_field_options.value":              {Structure: "ListFieldOptionsRequest", Path: []string{"values"}},
	"data.cases_layout.domain_id":                 {Structure: "GetLayoutRequest", Path: []string{"domainId"}},
	"data.cases_layout.layout_id":                 {Structure: "GetLayoutRequest", Path: []string{"layoutId"}},
	"data.cases_layout.name":                      {Structure: "CreateLayoutRequest", Path: []string{"name"}},
	"data.cases_layouts.domain_id":                {Structure: "ListLayoutsRequest", Path: []string{"domainId"}},
	"data.cases_template.domain_id":               {Structure: "GetTemplateRequest", Path: []string{"domainId"}},
	"data.cases_template.template_id":             {Structure: "GetTemplateRequest", Path: []string{"templateId"}},
	"data.cases_template.name":                    {Structure: "CreateTemplateRequest", Path: []string{"name"}},
	"data.cases_templates.domain_id":              {Structure: "ListTemplatesRequest", Path: []string{"domainId"}},
	"data.cases_templates.statuses":               {Structure: "ListTemplatesRequest", Path: []string{"status"}},
	"data.cases_templates.statuses.[]":            {Structure: "ListTemplatesRequest", Path: []string{"status"}},
	"data.cases_case_rule.domain_id":              {Structure: "BatchGetCaseRuleRequest", Path: []string{"domainId"}},
	"data.cases_case_rule.case_rule_id":           {Structure: "CaseRuleIdentifier", Path: []string{"id"}},
	"data.cases_case_rule.name":                   {Structure: "CreateCaseRuleRequest", Path: []string{"name"}},
	"data.cases_case_rules.domain_id":             {Structure: "ListCaseRulesRequest", Path: []string{"domainId"}},
	"data.cases_instance_association.instance_id": {Structure: "ListIntegrationAssociationsRequest", Path: []string{"InstanceId"}, Connect: true},
}

func member(attr string) apiMember {
	m, ok := apiMembers[attr]
	if !ok {
		panic(fmt.Sprintf("cases: no API member for attribute %q in apiMembers", attr))
	}
	return m
}

// service is the model the member belongs to.
func (m apiMember) service() *apimodel.Service {
	if m.Connect {
		return apimodel.Connect()
	}
	return apimodel.Cases()
}

// name is the member as messages name it, e.g. "CreateFieldRequest.name".
func (m apiMember) name() string { return m.Structure + "." + strings.Join(m.Path, ".") }

// stringsOf resolves a table entry to the strings it names: their
// constraints, and the API member as messages name it (a list's entries
// as "X.y[]", a map's keys and values as "X.y{key}" and "X.y{value}").
// A list member stands for its entries; a map member for its keys or
// values, as the entry's suffix says. ok is false when what the entry
// names is not a string (a list of structures, a map without a suffix):
// the entry is then only the size of a list, set or map.
func stringsOf(attr string) (c apimodel.Constraints, name string, ok bool) {
	m := member(attr)
	svc := m.service()
	mem := svc.MustLookup(m.Structure, m.Path...)
	shape, c, name := svc.Shapes[mem.Target], svc.Effective(mem), m.name()
	switch {
	case shape != nil && shape.Type == apimodel.TypeList:
		shape, name = svc.Shapes[shape.Member], name+"[]"
	case shape != nil && shape.Type == apimodel.TypeMap && strings.HasSuffix(attr, partKey):
		shape, name = svc.Shapes[shape.Key], name+"{key}"
	case shape != nil && shape.Type == apimodel.TypeMap && strings.HasSuffix(attr, partValue):
		shape, name = svc.Shapes[shape.Value], name+"{value}"
	default:
		return c, name, shape == nil || shape.Type == apimodel.TypeString || shape.Type == apimodel.TypeEnum
	}
	if shape == nil {
		return apimodel.Constraints{}, name, true
	}
	return shape.Constraints, name, shape.Type == apimodel.TypeString || shape.Type == apimodel.TypeEnum
}

// stringRules are the plan-time checks of the strings an entry names (a
// string attribute, or the values or keys inside one with a suffix): the
// model's rules of its member, and NonEmpty.
func stringRules(attr string) []validator.String {
	c, name, ok := stringsOf(attr)
	if !ok {
		panic(fmt.Sprintf("cases: apiMembers[%q] names a list or map, not strings", attr))
	}
	if member(attr).NonEmpty && c.Length.MinOr(0) < 1 {
		// The provider's own rule (see apiMember.NonEmpty), counted in
		// characters like the model's.
		one := int64(1)
		c.Length.Min = &one
		name += ", and not empty: leave the attribute out instead"
	}
	return []validator.String{validators.ModelString(c, name)}
}

// elementRules are the checks of each value of a list or set attribute.
func elementRules(attr string) []validator.String { return stringRules(attr + partElement) }

// keyRules and valueRules are the checks of each key and each value of a
// map attribute.
func keyRules(attr string) []validator.String   { return stringRules(attr + partKey) }
func valueRules(attr string) []validator.String { return stringRules(attr + partValue) }

// rulesText says the rules of the strings an entry names in words, for a
// description: "between 1 and 100 characters, matching ...".
func rulesText(attr string) string {
	c, _, ok := stringsOf(attr)
	if !ok {
		panic(fmt.Sprintf("cases: apiMembers[%q] names a list or map, not strings", attr))
	}
	text := apimodel.DescribeStringRules(c)
	if member(attr).NonEmpty {
		text = "not empty, " + text
	}
	return text
}

// sizeOf is the entry-count bounds of a list, set or map attribute.
func sizeOf(attr string) apimodel.Bounds {
	m := member(attr)
	svc := m.service()
	return svc.Effective(svc.MustLookup(m.Structure, m.Path...)).Length
}

// listSize is the entry-count rule of a list attribute. An empty list is
// refused when the model allows it (atLeastOne): the API reads it back as
// absent, so the attribute is left out instead.
func listSize(attr string, atLeastOne bool) []validator.List {
	out := []validator.List{validators.ListSize(sizeOf(attr))}
	if atLeastOne {
		out = append(out, listvalidator.SizeAtLeast(1))
	}
	return out
}

// setSize is listSize for a set attribute.
func setSize(attr string, atLeastOne bool) []validator.Set {
	out := []validator.Set{validators.SetSize(sizeOf(attr))}
	if atLeastOne {
		out = append(out, setvalidator.SizeAtLeast(1))
	}
	return out
}

// mapSize is the entry-count rule of a map attribute.
func mapSize(attr string) validator.Map { return validators.MapSize(sizeOf(attr)) }

// maxEntries is the model's largest entry count of a list attribute, for
// descriptions and hints.
func maxEntries(attr string) int64 { return sizeOf(attr).MaxOr(0) }

// apiMemberNames lists the table's keys in order, for tests.
func apiMemberNames() []string {
	names := make([]string, 0, len(apiMembers))
	for k := range apiMembers {
		names = append(names, k)
	}
	sort.Strings(names)
	return names
}
