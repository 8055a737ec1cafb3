package cases

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

var _ datasource.DataSourceWithConfigure = (*domainsDataSource)(nil)

// NewDomainsDataSource returns the cases_domains data source.
func NewDomainsDataSource() datasource.DataSource { return &domainsDataSource{} }

type domainsDataSource struct {
	dataSourceBase
}

func (d *domainsDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_domains"
}

func (d *domainsDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists every Amazon Connect Cases domain of the account in the provider's region, following ListDomains pages to the end.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				MarkdownDescription: "The region the list was read from.",
				Computed:            true,
			},
			"domains": schema.ListNestedAttribute{
				MarkdownDescription: "The domains, in the order the API returns them.",
				Computed:            true,
				NestedObject: schema.NestedAttributeObject{
					Attributes: map[string]schema.Attribute{
						"domain_id":  schema.StringAttribute{Computed: true, MarkdownDescription: "The domain ID."},
						"domain_arn": schema.StringAttribute{Computed: true, MarkdownDescription: "The domain ARN."},
						"name":       schema.StringAttribute{Computed: true, MarkdownDescription: "The domain name."},
					},
				},
			},
			"domain_ids": schema.ListAttribute{
				MarkdownDescription: "The IDs of the domains, in the same order as `domains`.",
				ElementType:         types.StringType,
				Computed:            true,
			},
		},
	}
}

func (d *domainsDataSource) Read(ctx context.Context, _ datasource.ReadRequest, resp *datasource.ReadResponse) {
	found, err := findDomains(ctx, d.client.Cases, nil)
	if err != nil {
		addError(&resp.Diagnostics, "listing", "Cases Domains", d.client.Region, err, "")
		return
	}
	m := domainsDataSourceModel{
		ID:        types.StringValue(d.client.Region),
		Domains:   make([]domainSummaryModel, 0, len(found)),
		DomainIDs: make([]string, 0, len(found)),
	}
	for _, s := range found {
		m.Domains = append(m.Domains, domainSummaryModel{
			DomainID:  types.StringValue(aws.ToString(s.DomainId)),
			DomainARN: types.StringValue(aws.ToString(s.DomainArn)),
			Name:      types.StringValue(aws.ToString(s.Name)),
		})
		m.DomainIDs = append(m.DomainIDs, aws.ToString(s.DomainId))
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}

type domainsDataSourceModel struct {
	ID        types.String         `tfsdk:"id"`
	Domains   []domainSummaryModel `tfsdk:"domains"`
	DomainIDs []string             `tfsdk:"domain_ids"`
}

type domainSummaryModel struct {
	DomainID  types.String `tfsdk:"domain_id"`
	DomainARN types.String `tfsdk:"domain_arn"`
	Name      types.String `tfsdk:"name"`
}
