package validators

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/mapvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/connect-cases/terraform-provider-cases/internal/apimodel"
)

// The validators in this file take their rules from the generated API
// tables (internal/apimodel), so no limit is typed in a resource. The
// provider's schemas get them through the one table of the API members its
// attributes are sent as (internal/service/cases/api_members.go), which
// resolves lists, maps and the Connect model; the Cases* helpers look a
// Cases member up directly. An unknown member name panics when the schema
// is built, which every test run does.

// ModelString returns the plan-time checks of a string with the model's
// constraints c: its length in characters, its pattern with the service's
// semantics, and its enum. member names the API member the rules come
// from in messages, e.g. "CreateFieldRequest.name" or
// "TagPropagationConfiguration.tagMap{key}".
func ModelString(c apimodel.Constraints, member string) validator.String {
	return modelStringValidator{constraints: c, member: member}
}

// ListSize returns the entry-count rule of a list with length bounds b
// (smithy.api#length of a list member, in entries).
func ListSize(b apimodel.Bounds) validator.List {
	return listvalidator.SizeBetween(int(b.MinOr(0)), int(b.MaxOr(maxInt)))
}

// SetSize is ListSize for a list the schema models as a set.
func SetSize(b apimodel.Bounds) validator.Set {
	return setvalidator.SizeBetween(int(b.MinOr(0)), int(b.MaxOr(maxInt)))
}

// MapSize is ListSize for a map attribute.
func MapSize(b apimodel.Bounds) validator.Map {
	return mapvalidator.SizeBetween(int(b.MinOr(0)), int(b.MaxOr(maxInt)))
}

// CasesString returns the plan-time checks of one string member of the
// Cases model, e.g. CasesString("CreateFieldRequest", "name").
func CasesString(structure string, path ...string) validator.String {
	svc := apimodel.Cases()
	return ModelString(svc.Effective(svc.MustLookup(structure, path...)), structure+"."+strings.Join(path, "."))
}

// CasesStringRules describes the rules of a Cases string member in words,
// for a schema description: "between 1 and 100 characters, matching ...".
func CasesStringRules(structure string, path ...string) string {
	svc := apimodel.Cases()
	return apimodel.DescribeStringRules(svc.Effective(svc.MustLookup(structure, path...)))
}

// CasesListSize returns the entry-count rule of a Cases list member.
func CasesListSize(structure string, path ...string) validator.List {
	return ListSize(casesLength(structure, path...))
}

// CasesSetSize is CasesListSize for a list the schema models as a set.
func CasesSetSize(structure string, path ...string) validator.Set {
	return SetSize(casesLength(structure, path...))
}

// CasesMapSize is CasesListSize for a map member.
func CasesMapSize(structure string, path ...string) validator.Map {
	return MapSize(casesLength(structure, path...))
}

// CasesMaxEntries is the largest entry count of a Cases list or map member,
// for descriptions and hints; 0 when the model sets none.
func CasesMaxEntries(structure string, path ...string) int64 {
	return casesLength(structure, path...).MaxOr(0)
}

const maxInt = int64(^uint(0) >> 1)

func casesLength(structure string, path ...string) apimodel.Bounds {
	svc := apimodel.Cases()
	return svc.Effective(svc.MustLookup(structure, path...)).Length
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
