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
	objectType := types.ObjectType{AttrTypes: map[string]attr.Type{"value": types.StringType, "name": types.StringType}}
	named := func(v types.String, name string) types.Object {
		return types.ObjectValueMust(objectType.AttrTypes, map[string]attr.Value{"value": v, "name": types.StringValue(name)})
	}
	object := func(v types.String) attr.Value { return named(v, "n-"+v.String()) }
	set := func(values ...attr.Value) types.Set { return types.SetValueMust(objectType, values) }
	repeated := named(types.StringValue("a"), "second")

	tests := []struct {
		name     string
		set      types.Set
		wantErr  string
		wantPath path.Path
	}{
		{"unique", set(object(types.StringValue("a")), object(types.StringValue("b"))), "", path.Empty()},
		{"empty", set(), "", path.Empty()},
		{"null set", types.SetNull(objectType), "", path.Empty()},
		{"unknown set", types.SetUnknown(objectType), "", path.Empty()},
		{"unknown values are not compared", set(named(types.StringUnknown(), "x"), named(types.StringUnknown(), "y")), "", path.Empty()},
		{"repeat", set(named(types.StringValue("a"), "first"), object(types.StringValue("b")), repeated),
			`value "a" appears more than once in options`, path.Root("options").AtSetValue(repeated).AtName("value")},
		{"case matters", set(object(types.StringValue("a")), object(types.StringValue("A"))), "", path.Empty()},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp := &validator.SetResponse{}
			UniqueNestedString("value").ValidateSet(context.Background(), validator.SetRequest{Path: path.Root("options"), ConfigValue: tt.set}, resp)
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
			if p := withPath.Path(); !p.Equal(tt.wantPath) {
				t.Errorf("error path = %s, want %s", p, tt.wantPath)
			}
		})
	}
}
