package cases

import (
	"context"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/service/connectcases"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/connect-cases/terraform-provider-cases/internal/conns"
)

// resourceBase is embedded by every resource: it keeps the client the
// provider configured, so that a resource file holds only its schema, its
// model and its CRUD.
type resourceBase struct {
	client *conns.Client
}

func (b *resourceBase) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	b.client = clientFrom(req.ProviderData, &resp.Diagnostics)
}

// taggedResource is the base of a resource with tags and tags_all: it plans
// tags_all and finishes a Create the same way for all of them.
type taggedResource struct {
	resourceBase
}

// ModifyPlan sets the planned tags_all to tags merged over the provider's
// default tags (planTagsAll).
func (b *taggedResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	planTagsAll(ctx, b.client, req.Plan, resp)
}

// created is an entity a Create has just made, with the model that
// describes it: its ids and ARN already set, and every other computed
// attribute known (null where only a read can tell).
type created struct {
	kind, id, arn string
	// model is a pointer to the resource's model, as resp.State.Set takes
	// it; tagsAll points at its tags_all, which holds the planned tags.
	model   any
	tagsAll *types.Map
}

// recordCreated is the tail every Create shares: record the entity in state
// before anything else can fail, so that an error or an interrupt from here
// on leaves a tainted resource, never an orphan; put its tags on it (the
// create APIs take none); then, when read is not nil, read it back into the
// model with read and record that. It reports whether every step
// succeeded; on failure state holds what is known and the diagnostics say
// what failed.
func (b *taggedResource) recordCreated(ctx context.Context, c created, state *tfsdk.State, diags *diag.Diagnostics, read func(context.Context, *connectcases.Client) error) bool {
	wantTags := tagsFromValue(ctx, *c.tagsAll, diags)
	*c.tagsAll = tagsValue(nil, false)
	diags.Append(state.Set(ctx, c.model)...)
	if diags.HasError() {
		return false
	}
	if !tagCreated(ctx, b.client.Cases, c.arn, wantTags, c.kind, c.id, diags) {
		return false
	}
	*c.tagsAll = tagsValue(wantTags, false)
	if read != nil {
		if err := read(ctx, b.client.Cases); err != nil {
			addError(diags, "reading", c.kind, c.id, err, taintedHint(c.kind))
			diags.Append(state.Set(ctx, c.model)...)
			return false
		}
	}
	diags.Append(state.Set(ctx, c.model)...)
	return !diags.HasError()
}

// dataSourceBase is embedded by every data source: it keeps the client the
// provider configured.
type dataSourceBase struct {
	client *conns.Client
}

func (b *dataSourceBase) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	b.client = clientFrom(req.ProviderData, &resp.Diagnostics)
}

// clientFrom checks the provider data handed to Configure.
func clientFrom(data any, diags *diag.Diagnostics) *conns.Client {
	if data == nil {
		// Terraform validates configuration before the provider is configured.
		return nil
	}
	c, ok := data.(*conns.Client)
	if !ok {
		diags.AddError("Unexpected provider data",
			fmt.Sprintf("Expected *conns.Client, got %T. This is a bug in the provider; please report it.", data))
		return nil
	}
	return c
}
