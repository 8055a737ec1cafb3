package validators

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

type boolTrue struct{}

// BoolTrue validates a flag that is either left out or true, such as a
// marker for an empty union member (the Cases API's emptyValue operand): a
// false there would mean nothing and read back as absent.
func BoolTrue() validator.Bool { return boolTrue{} }

func (boolTrue) Description(context.Context) string {
	return "must be true when set; leave it out otherwise"
}

func (v boolTrue) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (v boolTrue) ValidateBool(ctx context.Context, req validator.BoolRequest, resp *validator.BoolResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() || req.ConfigValue.ValueBool() {
		return
	}
	resp.Diagnostics.AddAttributeError(req.Path, "Invalid value", req.Path.String()+" "+v.Description(ctx)+".")
}
