package cases

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	awstypes "github.com/aws/aws-sdk-go-v2/service/connectcases/types"
	"github.com/hashicorp/terraform-plugin-framework-validators/datasourcevalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

var (
	_ datasource.DataSourceWithConfigure        = (*layoutDataSource)(nil)
	_ datasource.DataSourceWithConfigValidators = (*layoutDataSource)(nil)
)

// NewLayoutDataSource returns the cases_layout data source.
func NewLayoutDataSource() datasource.DataSource { return &layoutDataSource{} }

type layoutDataSource struct {
	dataSourceBase
}

func (d *layoutDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_layout"
}

func layoutPanelDataSourceAttribute(description string) schema.ListNestedAttribute {
	return schema.ListNestedAttribute{
		MarkdownDescription: description,
		Computed:            true,
		NestedObject: schema.NestedAttributeObject{
			Attributes: map[string]schema.Attribute{
				"name":      schema.StringAttribute{Computed: true, MarkdownDescription: "The heading of the group."},
				"field_ids": schema.ListAttribute{Computed: true, ElementType: types.StringType, MarkdownDescription: "The IDs of the fields of the group, in display order."},
			},
		},
	}
}

func (d *layoutDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Reads one layout of an Amazon Connect Cases domain by `layout_id` or by `name`. A deleted layout is not found.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{MarkdownDescription: "`DOMAIN_ID,LAYOUT_ID`.", Computed: true},
			"domain_id": schema.StringAttribute{
				MarkdownDescription: "The ID of the domain.",
				Required:            true,
				Validators:          stringRules("data.cases_layout.domain_id"),
			},
			"layout_id": schema.StringAttribute{
				MarkdownDescription: "The ID of the layout to read. Exactly one of `layout_id` and `name` must be set.",
				Optional:            true,
				Computed:            true,
				Validators:          stringRules("data.cases_layout.layout_id"),
			},
			"name": schema.StringAttribute{
				MarkdownDescription: "The name of the layout to read. Exactly one of `layout_id` and `name` must be set.",
				Optional:            true,
				Computed:            true,
				Validators:          stringRules("data.cases_layout.name"),
			},
			"layout_arn": schema.StringAttribute{MarkdownDescription: "The ARN of the layout.", Computed: true},
			"content": schema.SingleNestedAttribute{
				MarkdownDescription: "What the layout shows.",
				Computed:            true,
				Attributes: map[string]schema.Attribute{
					"top_panel": layoutPanelDataSourceAttribute("The field groups of the top panel."),
					"more_info": layoutPanelDataSourceAttribute("The field groups of the More Info tab."),
				},
			},
			"created_time":       schema.StringAttribute{MarkdownDescription: "When the layout was created, in RFC 3339 format.", Computed: true},
			"last_modified_time": schema.StringAttribute{MarkdownDescription: "When the layout was created or last updated, in RFC 3339 format.", Computed: true},
			"tags":               schema.MapAttribute{MarkdownDescription: "All tags on the layout.", ElementType: types.StringType, Computed: true},
		},
	}
}

func (d *layoutDataSource) ConfigValidators(context.Context) []datasource.ConfigValidator {
	return []datasource.ConfigValidator{
		datasourcevalidator.ExactlyOneOf(path.MatchRoot("layout_id"), path.MatchRoot("name")),
	}
}

func (d *layoutDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m layoutDataSourceModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	domainID, layoutID := m.DomainID.ValueString(), m.LayoutID.ValueString()
	if layoutID == "" {
		layoutID = idByName(&resp.Diagnostics, domainID, m.Name.ValueString(), "layout",
			func() ([]awstypes.LayoutSummary, error) { return findLayouts(ctx, d.client.Cases, domainID) },
			func(s awstypes.LayoutSummary) (string, string) { return aws.ToString(s.Name), aws.ToString(s.LayoutId) })
		if layoutID == "" {
			return
		}
	}
	l, err := findLayoutByID(ctx, d.client.Cases, domainID, layoutID)
	if err != nil {
		addError(&resp.Diagnostics, "reading", kindLayout, layoutID, err, "")
		return
	}
	m.ID = types.StringValue(domainChildResourceID(domainID, layoutID))
	m.LayoutID = types.StringValue(layoutID)
	m.LayoutARN = types.StringValue(aws.ToString(l.LayoutArn))
	m.Name = types.StringValue(aws.ToString(l.Name))
	m.Content = layoutContentFromAPI(l.Content)
	m.CreatedTime = timeString(l.CreatedTime)
	m.LastModifiedTime = timeString(l.LastModifiedTime)
	m.Tags = tagsValue(tagsFromAPI(l.Tags), false)
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}

type layoutDataSourceModel struct {
	ID               types.String        `tfsdk:"id"`
	DomainID         types.String        `tfsdk:"domain_id"`
	LayoutID         types.String        `tfsdk:"layout_id"`
	Name             types.String        `tfsdk:"name"`
	LayoutARN        types.String        `tfsdk:"layout_arn"`
	Content          *layoutContentModel `tfsdk:"content"`
	CreatedTime      types.String        `tfsdk:"created_time"`
	LastModifiedTime types.String        `tfsdk:"last_modified_time"`
	Tags             types.Map           `tfsdk:"tags"`
}
