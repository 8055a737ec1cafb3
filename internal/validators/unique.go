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

// UniqueNestedString validates a list of objects whose string attribute must
// be unique across the list, such as the value of single-select options
// (option values are unique per field in the Cases API). Unknown and null
// values are skipped; every repeat is reported at its own path.
func UniqueNestedString(attribute string) validator.List { return uniqueNested{attribute: attribute} }

func (v uniqueNested) Description(context.Context) string {
	return fmt.Sprintf("every element must have a different %s", v.attribute)
}

func (v uniqueNested) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (v uniqueNested) ValidateList(_ context.Context, req validator.ListRequest, resp *validator.ListResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	first := map[string]int{}
	for i, element := range req.ConfigValue.Elements() {
		object, ok := element.(types.Object)
		if !ok || object.IsNull() || object.IsUnknown() {
			continue
		}
		value, ok := object.Attributes()[v.attribute].(types.String)
		if !ok || value.IsNull() || value.IsUnknown() {
			continue
		}
		if j, seen := first[value.ValueString()]; seen {
			resp.Diagnostics.AddAttributeError(req.Path.AtListIndex(i).AtName(v.attribute), "Duplicate "+v.attribute,
				fmt.Sprintf("%s %q appears at index %d and again at index %d of %s; %s.", v.attribute, value.ValueString(), j, i, req.Path, v.Description(context.Background())))
			continue
		}
		first[value.ValueString()] = i
	}
}
