package cases

import (
	"context"
	"maps"
	"slices"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/connectcases"
	"github.com/hashicorp/terraform-plugin-framework-validators/mapvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/connect-cases/terraform-provider-cases/internal/conns"
	"github.com/connect-cases/terraform-provider-cases/internal/validators"
)

// untagBatchSize is the most keys one UntagResource takes
// (UntagResourceRequest.tagKeys in the API model).
var untagBatchSize = int(validators.CasesMaxEntries("UntagResourceRequest", "tagKeys"))

// mergeTags returns the provider's default tags overlaid with a resource's
// own tags: what the API should hold (tags_all).
func mergeTags(defaults, own map[string]string) map[string]string {
	out := make(map[string]string, len(defaults)+len(own))
	maps.Copy(out, defaults)
	maps.Copy(out, own)
	return out
}

// ownTags is the inverse of mergeTags for Read: the API's tags less the
// default tags that still carry their default value, except the keys the
// resource itself declares (declared: the keys of its tags in the plan or
// the prior state). A resource may repeat a default tag with the same value;
// dropping it would make state differ from the configuration, which
// Terraform reports as an inconsistent result.
func ownTags(defaults, all map[string]string, declared map[string]bool) map[string]string {
	out := make(map[string]string, len(all))
	for k, v := range all {
		if dv, ok := defaults[k]; ok && dv == v && !declared[k] {
			continue
		}
		out[k] = v
	}
	return out
}

// tagKeys returns the keys of a tags value; none when it is null or
// unknown.
func tagKeys(v types.Map) map[string]bool {
	if v.IsNull() || v.IsUnknown() {
		return nil
	}
	keys := make(map[string]bool, len(v.Elements()))
	for k := range v.Elements() {
		keys[k] = true
	}
	return keys
}

// tagsFromAPI turns the API's sparse map into a plain one; a null value
// (allowed by the sparse trait) reads as "".
func tagsFromAPI(in map[string]*string) map[string]string {
	out := make(map[string]string, len(in))
	for k, v := range in {
		out[k] = aws.ToString(v)
	}
	return out
}

// updateTags makes the tags on arn go from old to want with at most one
// UntagResource per 50 removed keys and one TagResource.
func updateTags(ctx context.Context, conn *connectcases.Client, arn string, old, want map[string]string) error {
	var removed []string
	for k := range old {
		if _, ok := want[k]; !ok {
			removed = append(removed, k)
		}
	}
	slices.Sort(removed)
	for batch := range slices.Chunk(removed, untagBatchSize) {
		if _, err := conn.UntagResource(ctx, &connectcases.UntagResourceInput{Arn: aws.String(arn), TagKeys: batch}); err != nil {
			return err
		}
	}
	changed := map[string]*string{}
	for k, v := range want {
		if ov, ok := old[k]; !ok || ov != v {
			changed[k] = aws.String(v)
		}
	}
	if len(changed) > 0 {
		if _, err := conn.TagResource(ctx, &connectcases.TagResourceInput{Arn: aws.String(arn), Tags: changed}); err != nil {
			return err
		}
	}
	return nil
}

// tagsValue is a plain map as a framework value; nil or empty gives the
// "null" that Terraform expects for an unset optional map when null is true.
func tagsValue(in map[string]string, nullIfEmpty bool) types.Map {
	if len(in) == 0 && nullIfEmpty {
		return types.MapNull(types.StringType)
	}
	elems := make(map[string]string, len(in))
	maps.Copy(elems, in)
	v, _ := types.MapValueFrom(context.Background(), types.StringType, elems)
	return v
}

// tagsFromValue reads a known framework map of strings.
func tagsFromValue(ctx context.Context, v types.Map, diags *diag.Diagnostics) map[string]string {
	out := map[string]string{}
	if v.IsNull() || v.IsUnknown() {
		return out
	}
	diags.Append(v.ElementsAs(ctx, &out, false)...)
	return out
}

// updateTagsAll makes the tags on arn go from the prior state's tags_all to
// the plan's, the tag step of every Update. It reports whether it
// succeeded; on failure the diagnostics say which kind and id.
func updateTagsAll(ctx context.Context, conn *connectcases.Client, arn string, prior, planned types.Map, kind, id string, diags *diag.Diagnostics) bool {
	before := tagsFromValue(ctx, prior, diags)
	after := tagsFromValue(ctx, planned, diags)
	if diags.HasError() {
		return false
	}
	if err := updateTags(ctx, conn, arn, before, after); err != nil {
		addError(diags, "updating tags of", kind, id, err, "")
		return false
	}
	return true
}

// tagCreated puts the tags on an entity a create has just recorded in state
// (the create APIs take no tags). It reports whether it succeeded.
func tagCreated(ctx context.Context, conn *connectcases.Client, arn string, tags map[string]string, kind, id string, diags *diag.Diagnostics) bool {
	if err := updateTags(ctx, conn, arn, nil, tags); err != nil {
		addError(diags, "tagging", kind, id, err, taintedHint(kind))
		return false
	}
	return true
}

func tagsAttribute() schema.MapAttribute {
	return schema.MapAttribute{
		MarkdownDescription: "Tags of the resource. Keys: " + rulesText("tags.{key}") + " (letters, digits and `+ , - . / : ; < = _`, and not `aws:` first). " +
			"Tags from the provider's `default_tags` are added; on equal keys the resource's own tags win.",
		ElementType: types.StringType,
		Optional:    true,
		Validators:  []validator.Map{mapvalidator.KeysAre(keyRules("tags")...)},
	}
}

func tagsAllAttribute() schema.MapAttribute {
	return schema.MapAttribute{
		MarkdownDescription: "All tags on the resource: `tags` merged over the provider's `default_tags`.",
		ElementType:         types.StringType,
		Computed:            true,
	}
}

// planTagsAll sets the planned tags_all to tags merged over the provider's
// default tags, so that a plan shows exactly what the API will hold and a
// change of default_tags alone updates the resource in place.
func planTagsAll(ctx context.Context, client *conns.Client, plan tfsdk.Plan, resp *resource.ModifyPlanResponse) {
	if plan.Raw.IsNull() || client == nil {
		return
	}
	var tags types.Map
	resp.Diagnostics.Append(plan.GetAttribute(ctx, path.Root("tags"), &tags)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if tags.IsUnknown() {
		resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("tags_all"), types.MapUnknown(types.StringType))...)
		return
	}
	for _, v := range tags.Elements() {
		if v.IsUnknown() {
			resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("tags_all"), types.MapUnknown(types.StringType))...)
			return
		}
	}
	own := tagsFromValue(ctx, tags, &resp.Diagnostics)
	resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("tags_all"), tagsValue(mergeTags(client.DefaultTags, own), false))...)
}
