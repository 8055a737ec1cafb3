package cases

import (
	"context"
	"iter"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"
	listschema "github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// List resources (Terraform 1.14 and later): `list` blocks in a
// .tfquery.hcl file, run by `terraform query`, find what exists and can
// generate configuration for it. Each lists one kind of entity through the
// API's List operation, page by page, and gives each its identity; with
// include_resource, each is also read in full (the Get the resource's Read
// does) so that Terraform can write its configuration.

// listed is one entity a List operation returned.
type listed struct {
	// name is what Terraform shows for it.
	name string
	// arn names its account; ids are its identity after account and region.
	arn string
	ids []identityValue
	// read fills res, a resource whose attributes start null, from a full
	// read of the entity; only called with include_resource.
	read func(ctx context.Context, res *tfsdk.Resource) diag.Diagnostics
}

// listedFrom turns the items of a List sequence into listed entities;
// to returns false for an item the list resource does not show.
func listedFrom[I any](seq iter.Seq2[I, error], to func(I) (listed, bool)) iter.Seq2[listed, error] {
	return func(yield func(listed, error) bool) {
		for item, err := range seq {
			if err != nil {
				yield(listed{}, err)
				return
			}
			if l, ok := to(item); ok && !yield(l, nil) {
				return
			}
		}
	}
}

// streamList sets the results of a List call: one per entity of seq, at
// most req.Limit of them (0: no limit), each with its identity and, when
// Terraform asks, its resource. An error from the List operation ends the
// stream with a diagnostic naming kind and scope (what was listed).
func (b *resourceBase) streamList(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream, kind, scope string, seq iter.Seq2[listed, error]) {
	stream.Results = func(push func(list.ListResult) bool) {
		var n int64
		for item, err := range seq {
			if err != nil {
				var diags diag.Diagnostics
				addError(&diags, "listing", kind, scope, err, "")
				push(list.ListResult{Diagnostics: diags})
				return
			}
			result := req.NewListResult(ctx)
			result.DisplayName = item.name
			b.recordIdentity(ctx, result.Identity, item.arn, &result.Diagnostics, item.ids...)
			if req.IncludeResource && !result.Diagnostics.HasError() {
				result.Diagnostics.Append(item.read(ctx, result.Resource)...)
			}
			if !push(result) {
				return
			}
			if n++; req.Limit > 0 && n >= req.Limit {
				return
			}
		}
	}
}

// nullResource makes every attribute of res null and reads it into model,
// so that model starts with typed nulls that its fill method completes.
func nullResource(ctx context.Context, res *tfsdk.Resource, model any) diag.Diagnostics {
	objectType, ok := res.Schema.Type().TerraformType(ctx).(tftypes.Object)
	if !ok {
		var diags diag.Diagnostics
		diags.AddError("Provider bug", "a resource schema is not an object type")
		return diags
	}
	attrs := make(map[string]tftypes.Value, len(objectType.AttributeTypes))
	for name, t := range objectType.AttributeTypes {
		attrs[name] = tftypes.NewValue(t, nil)
	}
	res.Raw = tftypes.NewValue(objectType, attrs)
	return res.Get(ctx, model)
}

// domainListConfig is the configuration of a list block over the entities
// of one domain.
type domainListConfig struct {
	DomainID types.String `tfsdk:"domain_id"`
}

// domainListSchema is the list block schema of the entities of one domain.
func domainListSchema(description string) listschema.Schema {
	return listschema.Schema{
		MarkdownDescription: description,
		Attributes: map[string]listschema.Attribute{
			"domain_id": listschema.StringAttribute{
				MarkdownDescription: "The ID of the domain to list.",
				Required:            true,
			},
		},
	}
}

// domainListDomainID reads domain_id from a list block's configuration; it
// returns false, with the stream set to the diagnostics, when it cannot.
func domainListDomainID(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) (string, bool) {
	var config domainListConfig
	diags := req.Config.Get(ctx, &config)
	if diags.HasError() {
		stream.Results = list.ListResultsStreamDiagnostics(diags)
		return "", false
	}
	return config.DomainID.ValueString(), true
}
