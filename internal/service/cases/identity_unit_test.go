package cases

import (
	"context"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

func TestARNAccount(t *testing.T) {
	for arn, want := range map[string]string{
		"arn:aws:cases:us-west-2:111122223333:domain/d-1":                                 "111122223333",
		"arn:aws:cases:us-west-2:111122223333:domain/d-1/field/f-1":                       "111122223333",
		"arn:aws:connect:us-west-2:444455556666:instance/i-1/integration-association/a-1": "444455556666",
		"":              "",
		"d-1":           "",
		"arn:aws:cases": "",
	} {
		if got := arnAccount(arn); got != want {
			t.Errorf("arnAccount(%q) = %q, want %q", arn, got, want)
		}
	}
}

// newIdentity returns an identity of the field schema holding values
// (attribute name to value; missing ones null).
func newIdentity(t *testing.T, values map[string]string) *tfsdk.ResourceIdentity {
	t.Helper()
	ctx := context.Background()
	schema := regionalIdentitySchema(identityDomainID, identityFieldID)
	id := &tfsdk.ResourceIdentity{Schema: schema, Raw: tftypes.NewValue(schema.Type().TerraformType(ctx), nil)}
	for name, v := range values {
		if diags := id.SetAttribute(ctx, path.Root(name), v); diags.HasError() {
			t.Fatalf("setting %s: %v", name, diags)
		}
	}
	return id
}

func identityString(t *testing.T, id *tfsdk.ResourceIdentity, name string) types.String {
	t.Helper()
	var v types.String
	if diags := id.GetAttribute(context.Background(), path.Root(name), &v); diags.HasError() {
		t.Fatalf("reading %s: %v", name, diags)
	}
	return v
}

func TestSetIdentity(t *testing.T) {
	ids := []identityValue{idValue(identityDomainID, "d-1"), idValue(identityFieldID, "f-1")}
	tests := []struct {
		name        string
		prior       map[string]string
		account     string
		wantAccount types.String
		wantErr     string
	}{
		{"new, account known", nil, "111122223333", types.StringValue("111122223333"), ""},
		{"new, account unknown yet", nil, "", types.StringNull(), ""},
		{"account unknown keeps the prior one", map[string]string{"account_id": "111122223333"}, "", types.StringValue("111122223333"), ""},
		{"same account", map[string]string{"account_id": "111122223333", "region": "us-west-2"}, "111122223333", types.StringValue("111122223333"), ""},
		{"import block naming another account", map[string]string{"account_id": "999999999999"}, "111122223333", types.StringNull(), `account_id "999999999999"`},
		{"import block naming another region", map[string]string{"region": "eu-west-1"}, "111122223333", types.StringNull(), `region "eu-west-1"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			identity := newIdentity(t, tt.prior)
			var diags diag.Diagnostics
			setIdentity(context.Background(), identity, tt.account, "us-west-2", ids, &diags)
			if tt.wantErr != "" {
				if !diags.HasError() || !strings.Contains(diags[0].Detail(), tt.wantErr) {
					t.Fatalf("diagnostics %v, want an error with %q", diags, tt.wantErr)
				}
				return
			}
			if diags.HasError() {
				t.Fatalf("unexpected diagnostics: %v", diags)
			}
			if got := identityString(t, identity, "account_id"); !got.Equal(tt.wantAccount) {
				t.Errorf("account_id = %s, want %s", got, tt.wantAccount)
			}
			for name, want := range map[string]string{"region": "us-west-2", "domain_id": "d-1", "field_id": "f-1"} {
				if got := identityString(t, identity, name); got.ValueString() != want {
					t.Errorf("%s = %s, want %q", name, got, want)
				}
			}
		})
	}
}
