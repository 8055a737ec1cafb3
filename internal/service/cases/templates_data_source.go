package cases

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	awstypes "github.com/aws/aws-sdk-go-v2/service/connectcases/types"
	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

var _ datasource.DataSourceWithConfigure = (*templatesDataSource)(nil)

// NewTemplatesDataSource returns the cases_templates data source.
func NewTemplatesDataSource() datasource.DataSource { return &templatesDataSource{} }

type templatesDataSource struct {
	dataSourceBase
}

func (d *templatesDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_templates"
}

func (d *templatesDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists the case templates of an Amazon Connect Cases domain that are not deleted, optionally only those with some statuses, following ListTemplates pages to the end.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{MarkdownDescription: "The domain ID.", Computed: true},
			"domain_id": schema.StringAttribute{
				MarkdownDescription: "The ID of the domain.",
				Required:            true,
				Validators:          stringRules("data.cases_templates.domain_id"),
			},
			"statuses": schema.SetAttribute{
				MarkdownDescription: "List only templates with one of these statuses (`Active`, `Inactive`); all when left out.",
				ElementType:         types.StringType,
				Optional:            true,
				Validators: append(setSize("data.cases_templates.statuses", false),
					setvalidator.ValueStringsAre(elementRules("data.cases_templates.statuses")...)),
			},
			"templates": schema.ListNestedAttribute{
				MarkdownDescription: "The templates, in the order the API returns them.",
				Computed:            true,
				NestedObject: schema.NestedAttributeObject{
					Attributes: map[string]schema.Attribute{
						"template_id":     schema.StringAttribute{Computed: true, MarkdownDescription: "The template ID."},
						"template_arn":    schema.StringAttribute{Computed: true, MarkdownDescription: "The template ARN."},
						"name":            schema.StringAttribute{Computed: true, MarkdownDescription: "The template name."},
						"status":          schema.StringAttribute{Computed: true, MarkdownDescription: "`Active` or `Inactive`."},
						"tag_propagation": tagPropagationDataSourceAttribute(),
					},
				},
			},
			"template_ids": schema.ListAttribute{
				MarkdownDescription: "The IDs of the templates, in the same order as `templates`.",
				ElementType:         types.StringType,
				Computed:            true,
			},
		},
	}
}

func (d *templatesDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m templatesDataSourceModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	domainID := m.DomainID.ValueString()
	var statuses []awstypes.TemplateStatus
	for _, s := range m.Statuses {
		statuses = append(statuses, awstypes.TemplateStatus(s))
	}
	found, err := findTemplates(ctx, d.client.Cases, domainID, statuses)
	if err != nil {
		addError(&resp.Diagnostics, "listing", "Cases Templates", "domain "+domainID, err, "")
		return
	}
	m.ID = types.StringValue(domainID)
	m.Templates = make([]templateSummaryModel, 0, len(found))
	m.TemplateIDs = make([]string, 0, len(found))
	for _, t := range found {
		m.Templates = append(m.Templates, templateSummaryModel{
			TemplateID:  types.StringValue(aws.ToString(t.TemplateId)),
			TemplateARN: types.StringValue(aws.ToString(t.TemplateArn)),
			Name:        types.StringValue(aws.ToString(t.Name)),
			Status:      types.StringValue(string(t.Status)),

			TagPropagation: tagPropagationFromAPI(t.TagPropagationConfigurations),
		})
		m.TemplateIDs = append(m.TemplateIDs, aws.ToString(t.TemplateId))
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}

type templatesDataSourceModel struct {
	ID          types.String           `tfsdk:"id"`
	DomainID    types.String           `tfsdk:"domain_id"`
	Statuses    []string               `tfsdk:"statuses"`
	Templates   []templateSummaryModel `tfsdk:"templates"`
	TemplateIDs []string               `tfsdk:"template_ids"`
}

type templateSummaryModel struct {
	TemplateID  types.String `tfsdk:"template_id"`
	TemplateARN types.String `tfsdk:"template_arn"`
	Name        types.String `tfsdk:"name"`
	Status      types.String `tfsdk:"status"`

	TagPropagation []tagPropagationModel `tfsdk:"tag_propagation"`
}
