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

func TestUniqueNestedString(t *testing.T) {
	objectType := types.ObjectType{AttrTypes: map[string]attr.Type{"value": types.StringType}}
	object := func(v types.String) attr.Value {
		return types.ObjectValueMust(objectType.AttrTypes, map[string]attr.Value{"value": v})
	}
	list := func(values ...attr.Value) types.List { return types.ListValueMust(objectType, values) }

	tests := []struct {
		name    string
		list    types.List
		wantErr string
	}{
		{"unique", list(object(types.StringValue("a")), object(types.StringValue("b"))), ""},
		{"empty", list(), ""},
		{"null list", types.ListNull(objectType), ""},
		{"unknown list", types.ListUnknown(objectType), ""},
		{"unknown values are not compared", list(object(types.StringUnknown()), object(types.StringUnknown())), ""},
		{"repeat", list(object(types.StringValue("a")), object(types.StringValue("b")), object(types.StringValue("a"))),
			`value "a" appears at index 0 and again at index 2 of options`},
		{"case matters", list(object(types.StringValue("a")), object(types.StringValue("A"))), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp := &validator.ListResponse{}
			UniqueNestedString("value").ValidateList(context.Background(), validator.ListRequest{Path: path.Root("options"), ConfigValue: tt.list}, resp)
			if tt.wantErr == "" {
				if resp.Diagnostics.HasError() {
					t.Errorf("unexpected error: %v", resp.Diagnostics)
				}
				return
			}
			if resp.Diagnostics.ErrorsCount() != 1 || !strings.Contains(resp.Diagnostics.Errors()[0].Detail(), tt.wantErr) {
				t.Fatalf("diagnostics = %v, want one error containing %q", resp.Diagnostics, tt.wantErr)
			}
			withPath, ok := resp.Diagnostics.Errors()[0].(interface{ Path() path.Path })
			if !ok {
				t.Fatalf("the error has no attribute path: %v", resp.Diagnostics.Errors()[0])
			}
			if p := withPath.Path(); !p.Equal(path.Root("options").AtListIndex(2).AtName("value")) {
				t.Errorf("error path = %s, want options[2].value", p)
			}
		})
	}
}
