package cases

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

func domainSchemaState(t testing.TB) tfsdk.State {
	t.Helper()
	ctx := context.Background()
	var resp resource.SchemaResponse
	(&domainResource{}).Schema(ctx, resource.SchemaRequest{}, &resp)
	if resp.Diagnostics.HasError() {
		t.Fatal(resp.Diagnostics)
	}
	return tfsdk.State{Schema: resp.Schema, Raw: tftypes.NewValue(resp.Schema.Type().TerraformType(ctx), nil)}
}

var timeoutsAttrTypes = map[string]attr.Type{"create": types.StringType, "delete": types.StringType}

func domainModels() map[string]domainModel {
	base := domainModel{
		ID:           types.StringValue("4c8a3b8e-2f6b-4f1e-9d58-1a2b3c4d5e6f"),
		DomainID:     types.StringValue("4c8a3b8e-2f6b-4f1e-9d58-1a2b3c4d5e6f"),
		DomainARN:    types.StringValue("arn:aws:cases:us-west-2:111122223333:domain/4c8a3b8e-2f6b-4f1e-9d58-1a2b3c4d5e6f"),
		Name:         types.StringValue("example"),
		DomainStatus: types.StringValue("Active"),
		CreatedTime:  types.StringValue("2026-11-25T10:57:03Z"),
		Tags:         types.MapNull(types.StringType),
		TagsAll:      tagsValue(nil, false),
		Timeouts:     timeouts.Value{Object: types.ObjectNull(timeoutsAttrTypes)},
	}
	tagged := base
	tagged.Tags = tagsValue(map[string]string{"team": "cases", "empty": ""}, false)
	tagged.TagsAll = tagsValue(map[string]string{"team": "cases", "empty": "", "env": "prod"}, false)
	tagged.Timeouts = timeouts.Value{Object: types.ObjectValueMust(timeoutsAttrTypes, map[string]attr.Value{
		"create": types.StringValue("45m"), "delete": types.StringNull(),
	})}
	emptyTags := base
	emptyTags.Tags = tagsValue(nil, false)
	emptyTags.CreatedTime = types.StringNull()
	emptyTags.Timeouts = timeouts.Value{Object: types.ObjectValueMust(timeoutsAttrTypes, map[string]attr.Value{
		"create": types.StringNull(), "delete": types.StringNull(),
	})}
	imported := base
	imported.DomainID = types.StringNull()
	imported.Name = types.StringNull()
	imported.TagsAll = types.MapNull(types.StringType)
	return map[string]domainModel{"untagged": base, "tagged": tagged, "empty tags": emptyTags, "nulls": imported}
}

// domainFromState and domainStateValue, which Read uses, give exactly what
// State.Get and State.Set give.
func TestDomainStateMatchesReflection(t *testing.T) {
	ctx := context.Background()
	for name, m := range domainModels() {
		t.Run(name, func(t *testing.T) {
			state := domainSchemaState(t)
			if diags := state.Set(ctx, &m); diags.HasError() {
				t.Fatal(diags)
			}
			var want domainModel
			if diags := state.Get(ctx, &want); diags.HasError() {
				t.Fatal(diags)
			}

			got, timeoutsRaw, err := domainFromState(ctx, state.Raw)
			if err != nil {
				t.Fatal(err)
			}
			wantTimeouts, err := want.Timeouts.ToTerraformValue(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if !timeoutsRaw.Equal(wantTimeouts) {
				t.Errorf("timeouts = %v, want %v", timeoutsRaw, wantTimeouts)
			}
			got.Timeouts = want.Timeouts
			for _, attr := range domainStateAttributes {
				switch attr {
				case "tags", "tags_all":
					if !got.mapField(attr).Equal(*want.mapField(attr)) {
						t.Errorf("%s = %v, want %v", attr, *got.mapField(attr), *want.mapField(attr))
					}
				default:
					if !got.stringField(attr).Equal(*want.stringField(attr)) {
						t.Errorf("%s = %v, want %v", attr, *got.stringField(attr), *want.stringField(attr))
					}
				}
			}

			// Change what Read changes, then write it both ways.
			got.DomainStatus = types.StringValue("CreationFailed")
			got.TagsAll = tagsValue(map[string]string{"added": "1"}, false)
			raw, err := domainStateValue(ctx, state.Raw.Type(), got, timeoutsRaw)
			if err != nil {
				t.Fatal(err)
			}
			viaSet := domainSchemaState(t)
			if diags := viaSet.Set(ctx, &got); diags.HasError() {
				t.Fatal(diags)
			}
			if !raw.Equal(viaSet.Raw) {
				t.Errorf("domainStateValue = %v\nState.Set gives %v", raw, viaSet.Raw)
			}
		})
	}
}

func TestDomainFromStateRejectsOtherShapes(t *testing.T) {
	ctx := context.Background()
	other := tftypes.NewValue(tftypes.Object{AttributeTypes: map[string]tftypes.Type{"id": tftypes.String}},
		map[string]tftypes.Value{"id": tftypes.NewValue(tftypes.String, "x")})
	if _, _, err := domainFromState(ctx, other); err == nil {
		t.Error("domainFromState accepted an object without the domain's attributes")
	}
	m := domainModels()["untagged"]
	if _, err := domainStateValue(ctx, other.Type(), m, tftypes.NewValue(tftypes.String, nil)); err == nil {
		t.Error("domainStateValue built a value of the wrong type")
	}
}

// BenchmarkDomainState compares Read's state conversion (one read and one
// write of a domain's state) with State.Get and State.Set.
func BenchmarkDomainState(b *testing.B) {
	ctx := context.Background()
	m := domainModels()["tagged"]
	state := domainSchemaState(b)
	if diags := state.Set(ctx, &m); diags.HasError() {
		b.Fatal(diags)
	}
	b.Run("reflection", func(b *testing.B) {
		for b.Loop() {
			var got domainModel
			if diags := state.Get(ctx, &got); diags.HasError() {
				b.Fatal(diags)
			}
			out := tfsdk.State{Schema: state.Schema, Raw: state.Raw}
			if diags := out.Set(ctx, &got); diags.HasError() {
				b.Fatal(diags)
			}
		}
	})
	b.Run("by hand", func(b *testing.B) {
		for b.Loop() {
			got, timeoutsRaw, err := domainFromState(ctx, state.Raw)
			if err != nil {
				b.Fatal(err)
			}
			out := tfsdk.State{Schema: state.Schema}
			if out.Raw, err = domainStateValue(ctx, state.Raw.Type(), got, timeoutsRaw); err != nil {
				b.Fatal(err)
			}
		}
	})
}
