// Package validators holds schema validators shared by the provider and its
// resources, each phrased so that the plan-time error names the rule.
package validators

import (
	"context"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

type durationBetween struct{ least, most time.Duration }

// DurationBetween accepts a Go duration string (e.g. "1h30m") within [least, most].
func DurationBetween(least, most time.Duration) validator.String {
	return durationBetween{least: least, most: most}
}

func (v durationBetween) Description(context.Context) string {
	return fmt.Sprintf("must be a duration such as \"1h\" between %s and %s", v.least, v.most)
}

func (v durationBetween) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (v durationBetween) ValidateString(ctx context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	d, err := time.ParseDuration(req.ConfigValue.ValueString())
	if err != nil || d < v.least || d > v.most {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid duration",
			fmt.Sprintf("%s %s, got %q.", req.Path, v.Description(ctx), req.ConfigValue.ValueString()))
	}
}
