package validators

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/mapvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/connect-cases/terraform-provider-cases/internal/apimodel"
)

// The validators in this file take their rules from the generated API
// tables (internal/apimodel), so a schema names the API member it sends
// and no limit is typed in a resource. An unknown member name panics when
// the schema is built, which every test run does.

// CasesString returns the plan-time checks of one string member of the
// Cases model, e.g. CasesString("CreateFieldRequest", "name"): its length
// in characters, its pattern with the service's semantics, and its enum.
func CasesString(structure string, path ...string) validator.String {
	return modelString(apimodel.Cases(), structure, path...)
}

// ConnectString is CasesString for the Amazon Connect subset.
func ConnectString(structure string, path ...string) validator.String {
	return modelString(apimodel.Connect(), structure, path...)
}

// CasesStringRules describes the rules of a Cases string member in words,
// for a schema description: "between 1 and 100 characters, matching ...".
func CasesStringRules(structure string, path ...string) string {
	svc := apimodel.Cases()
	return apimodel.DescribeStringRules(svc.Effective(svc.MustLookup(structure, path...)))
}

// CasesListSize returns the entry-count rule of a Cases list member.
func CasesListSize(structure string, path ...string) validator.List {
	b := casesLength(structure, path...)
	return listvalidator.SizeBetween(int(b.MinOr(0)), int(b.MaxOr(maxInt)))
}

// CasesSetSize is CasesListSize for a list the schema models as a set.
func CasesSetSize(structure string, path ...string) validator.Set {
	b := casesLength(structure, path...)
	return setvalidator.SizeBetween(int(b.MinOr(0)), int(b.MaxOr(maxInt)))
}

// CasesMapSize is CasesListSize for a map member.
func CasesMapSize(structure string, path ...string) validator.Map {
	b := casesLength(structure, path...)
	return mapvalidator.SizeBetween(int(b.MinOr(0)), int(b.MaxOr(maxInt)))
}

// CasesListElement returns the string rules of the members of a Cases list
// member, e.g. the field ids of FieldGroup.fields.
func CasesListElement(structure string, path ...string) validator.String {
	svc := apimodel.Cases()
	list := svc.Shapes[svc.MustLookup(structure, path...).Target]
	if list == nil || list.Type != apimodel.TypeList {
		panic(fmt.Sprintf("validators: %s.%v is not a list", structure, path))
	}
	return modelStringValidator{constraints: svc.Shapes[list.Member].Constraints, member: structure + "." + joinDots(path) + "[]"}
}

const maxInt = int64(^uint(0) >> 1)

func casesLength(structure string, path ...string) apimodel.Bounds {
	svc := apimodel.Cases()
	return svc.Effective(svc.MustLookup(structure, path...)).Length
}

func modelString(svc *apimodel.Service, structure string, path ...string) validator.String {
	c := svc.Effective(svc.MustLookup(structure, path...))
	return modelStringValidator{constraints: c, member: structure + "." + joinDots(path)}
}

func joinDots(path []string) string {
	out := ""
	for i, p := range path {
		if i > 0 {
			out += "."
		}
		out += p
	}
	return out
}

// modelStringValidator checks a value with apimodel.CheckString, the same
// function the emulator validates requests with.
type modelStringValidator struct {
	constraints apimodel.Constraints
	// member is the API member the rules come from, e.g.
	// "CreateFieldRequest.name", named in messages.
	member string
}

func (v modelStringValidator) Description(context.Context) string {
	return "must be " + apimodel.DescribeStringRules(v.constraints) + " (API member " + v.member + ")"
}

func (v modelStringValidator) MarkdownDescription(ctx context.Context) string {
	return v.Description(ctx)
}

func (v modelStringValidator) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	value := req.ConfigValue.ValueString()
	for _, violation := range apimodel.CheckString(v.constraints, value) {
		resp.Diagnostics.AddAttributeError(req.Path, violationSummary(violation.Rule),
			fmt.Sprintf("%s %s (API member %s); value: %q.", req.Path, violation.Describe(), v.member, value))
	}
}

func violationSummary(rule apimodel.Rule) string {
	switch rule {
	case apimodel.RuleLength:
		return "Invalid Attribute Value Length"
	case apimodel.RulePattern:
		return "Invalid Attribute Value Match"
	default:
		return "Invalid Attribute Value"
	}
}

// CasesMapKeys returns the string rules of the keys of a Cases map member,
// e.g. the tag keys of TagPropagationConfiguration.tagMap.
func CasesMapKeys(structure string, path ...string) validator.String {
	return casesMapPart(structure, path, func(m *apimodel.Shape) string { return m.Key }, "{key}")
}

// CasesMapValues is CasesMapKeys for the values of a Cases map member.
func CasesMapValues(structure string, path ...string) validator.String {
	return casesMapPart(structure, path, func(m *apimodel.Shape) string { return m.Value }, "{value}")
}

func casesMapPart(structure string, path []string, part func(*apimodel.Shape) string, label string) validator.String {
	svc := apimodel.Cases()
	m := svc.Shapes[svc.MustLookup(structure, path...).Target]
	if m == nil || m.Type != apimodel.TypeMap {
		panic(fmt.Sprintf("validators: %s.%v is not a map", structure, path))
	}
	return modelStringValidator{constraints: svc.Shapes[part(m)].Constraints, member: structure + "." + joinDots(path) + label}
}

// CasesMaxEntries is the largest entry count of a Cases list or map member,
// for descriptions and hints; 0 when the model sets none.
func CasesMaxEntries(structure string, path ...string) int64 {
	return casesLength(structure, path...).MaxOr(0)
}
