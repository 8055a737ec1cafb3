package validators

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

type tooDeep struct{ max int }

// NestedTooDeep rejects any value: it guards a compound-condition attribute
// one level below the deepest the API allows (max levels of nesting), which
// the schema declares only so that a configuration that nests too deep gets
// this message instead of having the attribute dropped silently by type
// conversion.
func NestedTooDeep(levels int) validator.List { return tooDeep{max: levels} }

func (v tooDeep) Description(context.Context) string {
	return fmt.Sprintf("must not be set: compound conditions nest at most %d levels deep", v.max)
}

func (v tooDeep) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (v tooDeep) ValidateList(_ context.Context, req validator.ListRequest, resp *validator.ListResponse) {
	if req.ConfigValue.IsNull() {
		return
	}
	resp.Diagnostics.AddAttributeError(req.Path, "Conditions nested too deep",
		fmt.Sprintf("%s would be a compound condition %d levels deep; a case rule allows at most %d levels of nesting "+
			"(API documentation of CompoundCondition). Flatten the conditions or split the rule.", req.Path, v.max+1, v.max))
}
