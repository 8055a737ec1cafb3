package cases

import (
	"context"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/hashicorp/terraform-plugin-framework-validators/datasourcevalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

var (
	_ datasource.DataSourceWithConfigure        = (*domainDataSource)(nil)
	_ datasource.DataSourceWithConfigValidators = (*domainDataSource)(nil)
)

// NewDomainDataSource returns the cases_domain data source.
func NewDomainDataSource() datasource.DataSource { return &domainDataSource{} }

type domainDataSource struct {
	dataSourceBase
}

func (d *domainDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_domain"
}

func (d *domainDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Reads one Amazon Connect Cases domain, by `domain_id` or by `name`.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				MarkdownDescription: "The domain ID.",
				Computed:            true,
			},
			"domain_id": schema.StringAttribute{
				MarkdownDescription: "The ID of the domain to read. Exactly one of `domain_id` and `name` must be set.",
				Optional:            true,
				Computed:            true,
				Validators:          stringRules("data.cases_domain.domain_id"),
			},
			"name": schema.StringAttribute{
				MarkdownDescription: "The name of the domain to read. Exactly one of `domain_id` and `name` must be set.",
				Optional:            true,
				Computed:            true,
				Validators:          stringRules("data.cases_domain.name"),
			},
			"domain_arn": schema.StringAttribute{
				MarkdownDescription: "The ARN of the domain.",
				Computed:            true,
			},
			"domain_status": schema.StringAttribute{
				MarkdownDescription: "The status of the domain: `CreationInProgress`, `Active` or `CreationFailed`.",
				Computed:            true,
			},
			"created_time": schema.StringAttribute{
				MarkdownDescription: "When the domain was created, in RFC 3339 format.",
				Computed:            true,
			},
			"tags": schema.MapAttribute{
				MarkdownDescription: "All tags on the domain.",
				ElementType:         types.StringType,
				Computed:            true,
			},
		},
	}
}

func (d *domainDataSource) ConfigValidators(context.Context) []datasource.ConfigValidator {
	return []datasource.ConfigValidator{
		datasourcevalidator.ExactlyOneOf(path.MatchRoot("domain_id"), path.MatchRoot("name")),
	}
}

func (d *domainDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m domainDataSourceModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	id := m.DomainID.ValueString()
	if id == "" {
		name := m.Name.ValueString()
		found, err := findDomainsByName(ctx, d.client.Cases, name)
		if err != nil {
			addError(&resp.Diagnostics, "listing", "Cases Domains", "name "+name, err, "")
			return
		}
		if len(found) == 0 {
			resp.Diagnostics.AddAttributeError(path.Root("name"), "Cases Domain not found",
				fmt.Sprintf("No Cases domain named %q exists in region %s.", name, d.client.Region))
			return
		}
		id = aws.ToString(found[0].DomainId)
	}
	domain, err := findDomainByID(ctx, d.client.Cases, id)
	if err != nil {
		addError(&resp.Diagnostics, "reading", kindDomain, id, err, "")
		return
	}
	m.ID = types.StringValue(aws.ToString(domain.DomainId))
	m.DomainID = m.ID
	m.Name = types.StringValue(aws.ToString(domain.Name))
	m.DomainARN = types.StringValue(aws.ToString(domain.DomainArn))
	m.DomainStatus = types.StringValue(string(domain.DomainStatus))
	m.CreatedTime = timeString(domain.CreatedTime)
	m.Tags = tagsValue(tagsFromAPI(domain.Tags), false)
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}

type domainDataSourceModel struct {
	ID           types.String `tfsdk:"id"`
	DomainID     types.String `tfsdk:"domain_id"`
	Name         types.String `tfsdk:"name"`
	DomainARN    types.String `tfsdk:"domain_arn"`
	DomainStatus types.String `tfsdk:"domain_status"`
	CreatedTime  types.String `tfsdk:"created_time"`
	Tags         types.Map    `tfsdk:"tags"`
}
