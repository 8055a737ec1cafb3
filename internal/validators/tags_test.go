package validators

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

func TestTagKeys(t *testing.T) {
	tests := map[string]bool{
		"env":             true,
		"cost-center":     true,
		"team:support/eu": true,
		"v1.2,x;y<z=w_q+": true,
		"aws:reserved":    false,
		"has space":       false,
		"ümlaut":          false,
		"":                false,
	}
	for key, valid := range tests {
		m := types.MapValueMust(types.StringType, map[string]attr.Value{key: types.StringValue("v")})
		resp := &validator.MapResponse{}
		TagKeys().ValidateMap(context.Background(), validator.MapRequest{Path: path.Root("tags"), ConfigValue: m}, resp)
		if got := !resp.Diagnostics.HasError(); got != valid {
			t.Errorf("tag key %q valid = %v, want %v (%v)", key, got, valid, resp.Diagnostics)
		}
	}
}
