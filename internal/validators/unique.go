package validators

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

type uniqueNested struct {
	attribute string
}

// UniqueNestedString validates a set of objects whose string attribute must
// be unique across the set, such as the value of single-select options
// (option values are unique per field in the Cases API): the set already
// holds no two equal objects, but two that differ elsewhere may share the
// value. Unknown and null values are skipped; every repeat is reported at
// its own path.
func UniqueNestedString(attribute string) validator.Set { return uniqueNested{attribute: attribute} }

func (v uniqueNested) Description(context.Context) string {
	return fmt.Sprintf("every element must have a different %s", v.attribute)
}

func (v uniqueNested) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (v uniqueNested) ValidateSet(_ context.Context, req validator.SetRequest, resp *validator.SetResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	seen := map[string]bool{}
	for _, element := range req.ConfigValue.Elements() {
		object, ok := element.(types.Object)
		if !ok || object.IsNull() || object.IsUnknown() {
			continue
		}
		value, ok := object.Attributes()[v.attribute].(types.String)
		if !ok || value.IsNull() || value.IsUnknown() {
			continue
		}
		if seen[value.ValueString()] {
			resp.Diagnostics.AddAttributeError(req.Path.AtSetValue(object).AtName(v.attribute), "Duplicate "+v.attribute,
				fmt.Sprintf("%s %q appears more than once in %s; %s.", v.attribute, value.ValueString(), req.Path, v.Description(context.Background())))
			continue
		}
		seen[value.ValueString()] = true
	}
}
