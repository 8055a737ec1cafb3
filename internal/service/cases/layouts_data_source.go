package cases

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

var _ datasource.DataSourceWithConfigure = (*layoutsDataSource)(nil)

// NewLayoutsDataSource returns the cases_layouts data source.
func NewLayoutsDataSource() datasource.DataSource { return &layoutsDataSource{} }

type layoutsDataSource struct {
	dataSourceBase
}

func (d *layoutsDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_layouts"
}

func (d *layoutsDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists every layout of an Amazon Connect Cases domain that is not deleted, following ListLayouts pages to the end.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{MarkdownDescription: "The domain ID.", Computed: true},
			"domain_id": schema.StringAttribute{
				MarkdownDescription: "The ID of the domain.",
				Required:            true,
				Validators:          stringRules("data.cases_layouts.domain_id"),
			},
			"layouts": schema.ListNestedAttribute{
				MarkdownDescription: "The layouts, in the order the API returns them.",
				Computed:            true,
				NestedObject: schema.NestedAttributeObject{
					Attributes: map[string]schema.Attribute{
						"layout_id":  schema.StringAttribute{Computed: true, MarkdownDescription: "The layout ID."},
						"layout_arn": schema.StringAttribute{Computed: true, MarkdownDescription: "The layout ARN."},
						"name":       schema.StringAttribute{Computed: true, MarkdownDescription: "The layout name."},
					},
				},
			},
			"layout_ids": schema.ListAttribute{
				MarkdownDescription: "The IDs of the layouts, in the same order as `layouts`.",
				ElementType:         types.StringType,
				Computed:            true,
			},
		},
	}
}

func (d *layoutsDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m layoutsDataSourceModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	domainID := m.DomainID.ValueString()
	found, err := findLayouts(ctx, d.client.Cases, domainID)
	if err != nil {
		addError(&resp.Diagnostics, "listing", "Cases Layouts", "domain "+domainID, err, "")
		return
	}
	m.ID = types.StringValue(domainID)
	m.Layouts = make([]layoutSummaryModel, 0, len(found))
	m.LayoutIDs = make([]string, 0, len(found))
	for _, l := range found {
		m.Layouts = append(m.Layouts, layoutSummaryModel{
			LayoutID:  types.StringValue(aws.ToString(l.LayoutId)),
			LayoutARN: types.StringValue(aws.ToString(l.LayoutArn)),
			Name:      types.StringValue(aws.ToString(l.Name)),
		})
		m.LayoutIDs = append(m.LayoutIDs, aws.ToString(l.LayoutId))
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}

type layoutsDataSourceModel struct {
	ID        types.String         `tfsdk:"id"`
	DomainID  types.String         `tfsdk:"domain_id"`
	Layouts   []layoutSummaryModel `tfsdk:"layouts"`
	LayoutIDs []string             `tfsdk:"layout_ids"`
}

type layoutSummaryModel struct {
	LayoutID  types.String `tfsdk:"layout_id"`
	LayoutARN types.String `tfsdk:"layout_arn"`
	Name      types.String `tfsdk:"name"`
}
