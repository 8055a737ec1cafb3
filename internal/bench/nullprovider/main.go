// Command nullprovider is the benchmark fixture for plan overhead: a minimal
// terraform-plugin-framework provider ("nullfixture") whose resource types
// do nothing. A plan over nullfixture_item costs only what every framework
// provider pays (process start, schema, gRPC, state encoding), which makes
// it the floor that `make bench` divides the cases_domain plan by.
// nullfixture_domain has the attributes of cases_domain but does nothing
// either: the difference between the two fixtures is what the shape of the
// cases_domain schema costs Terraform and the framework, whatever a provider
// does with it. It is built by scripts/bench.sh into a scratch directory
// and is not part of the shipped provider.
package main

import (
	"context"
	"log"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	providerschema "github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// Address is where the benchmark's CLI configuration (dev_overrides) maps
// the fixture.
const Address = "registry.terraform.io/bench/nullfixture"

func main() {
	err := providerserver.Serve(context.Background(), func() provider.Provider { return fixtureProvider{} },
		providerserver.ServeOpts{Address: Address})
	if err != nil {
		log.Fatal(err)
	}
}

type fixtureProvider struct{}

var _ provider.Provider = fixtureProvider{}

func (fixtureProvider) Metadata(_ context.Context, _ provider.MetadataRequest, resp *provider.MetadataResponse) {
	resp.TypeName = "nullfixture"
}

// Schema has one optional argument, region, so that configurations with
// one provider block per region (aliases) have the shape of the cases
// provider's; the fixture ignores it.
func (fixtureProvider) Schema(_ context.Context, _ provider.SchemaRequest, resp *provider.SchemaResponse) {
	resp.Schema = providerschema.Schema{
		Attributes: map[string]providerschema.Attribute{
			"region": providerschema.StringAttribute{Optional: true},
		},
	}
}

func (fixtureProvider) Configure(context.Context, provider.ConfigureRequest, *provider.ConfigureResponse) {
}

func (fixtureProvider) Resources(context.Context) []func() resource.Resource {
	return []func() resource.Resource{
		func() resource.Resource { return item{} },
		func() resource.Resource { return domainShaped{} },
	}
}

func (fixtureProvider) DataSources(context.Context) []func() datasource.DataSource { return nil }

// item is a resource that keeps what it is given: Read leaves the state as
// the framework passed it in and no call leaves the process.
type item struct{}

var _ resource.Resource = item{}

type itemModel struct {
	ID   types.String `tfsdk:"id"`
	Name types.String `tfsdk:"name"`
}

func (item) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_item"
}

func (item) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				Computed:      true,
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"name": schema.StringAttribute{Required: true},
		},
	}
}

func (item) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var m itemModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &m)...)
	m.ID = m.Name
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}

// Read does nothing: the framework starts resp.State as req.State.
func (item) Read(context.Context, resource.ReadRequest, *resource.ReadResponse) {}

func (item) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var m itemModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &m)...)
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}

func (item) Delete(context.Context, resource.DeleteRequest, *resource.DeleteResponse) {}

// domainShaped has the attributes, computed flags and plan modifiers of
// cases_domain (without validators, ModifyPlan or any API call).
type domainShaped struct{}

var _ resource.Resource = domainShaped{}

type domainShapedModel struct {
	ID           types.String   `tfsdk:"id"`
	DomainID     types.String   `tfsdk:"domain_id"`
	DomainARN    types.String   `tfsdk:"domain_arn"`
	Name         types.String   `tfsdk:"name"`
	DomainStatus types.String   `tfsdk:"domain_status"`
	CreatedTime  types.String   `tfsdk:"created_time"`
	Tags         types.Map      `tfsdk:"tags"`
	TagsAll      types.Map      `tfsdk:"tags_all"`
	Timeouts     timeouts.Value `tfsdk:"timeouts"`
}

func (domainShaped) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_domain"
}

func (domainShaped) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	computed := func() schema.StringAttribute {
		return schema.StringAttribute{
			Computed:      true,
			PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
		}
	}
	resp.Schema = schema.Schema{
		Attributes: map[string]schema.Attribute{
			"id":            computed(),
			"domain_id":     computed(),
			"domain_arn":    computed(),
			"domain_status": computed(),
			"created_time":  computed(),
			"name": schema.StringAttribute{
				Required:      true,
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"tags":     schema.MapAttribute{ElementType: types.StringType, Optional: true},
			"tags_all": schema.MapAttribute{ElementType: types.StringType, Computed: true},
		},
		Blocks: map[string]schema.Block{
			"timeouts": timeouts.Block(ctx, timeouts.Opts{Create: true, Delete: true}),
		},
	}
}

func (domainShaped) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var m domainShapedModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &m)...)
	for _, v := range []*types.String{&m.ID, &m.DomainID, &m.DomainARN, &m.DomainStatus, &m.CreatedTime} {
		*v = m.Name
	}
	m.TagsAll = types.MapValueMust(types.StringType, nil)
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}

// Read does nothing: the framework starts resp.State as req.State.
func (domainShaped) Read(context.Context, resource.ReadRequest, *resource.ReadResponse) {}

func (domainShaped) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var m domainShapedModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &m)...)
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}

func (domainShaped) Delete(context.Context, resource.DeleteRequest, *resource.DeleteResponse) {}
