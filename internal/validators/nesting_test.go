package validators

import (
	"context"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

func TestNestedTooDeep(t *testing.T) {
	v := NestedTooDeep(2)
	run := func(value types.List) []string {
		resp := &validator.ListResponse{}
		v.ValidateList(context.Background(), validator.ListRequest{Path: path.Root("and_all"), ConfigValue: value}, resp)
		var out []string
		for _, d := range resp.Diagnostics.Errors() {
			out = append(out, d.Summary()+": "+d.Detail())
		}
		return out
	}
	if errs := run(types.ListNull(types.StringType)); len(errs) != 0 {
		t.Fatalf("null: %v", errs)
	}
	list, _ := types.ListValue(types.StringType, []attr.Value{types.StringValue("x")})
	for _, value := range []types.List{list, types.ListUnknown(types.StringType)} {
		errs := run(value)
		if len(errs) != 1 || !strings.Contains(errs[0], "3 levels deep") || !strings.Contains(errs[0], "at most 2 levels") {
			t.Errorf("%v: %v", value, errs)
		}
	}
}
