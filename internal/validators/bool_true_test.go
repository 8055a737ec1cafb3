package validators

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

func TestBoolTrue(t *testing.T) {
	for _, tt := range []struct {
		value   types.Bool
		wantErr bool
	}{
		{types.BoolValue(true), false},
		{types.BoolNull(), false},
		{types.BoolUnknown(), false},
		{types.BoolValue(false), true},
	} {
		resp := &validator.BoolResponse{}
		BoolTrue().ValidateBool(context.Background(), validator.BoolRequest{Path: path.Root("empty_value"), ConfigValue: tt.value}, resp)
		if resp.Diagnostics.HasError() != tt.wantErr {
			t.Errorf("%s: error = %v, want %v", tt.value, resp.Diagnostics, tt.wantErr)
		}
	}
}
