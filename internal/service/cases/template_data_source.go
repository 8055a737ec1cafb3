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
	_ datasource.DataSourceWithConfigure        = (*templateDataSource)(nil)
	_ datasource.DataSourceWithConfigValidators = (*templateDataSource)(nil)
)

// NewTemplateDataSource returns the cases_template data source.
func NewTemplateDataSource() datasource.DataSource { return &templateDataSource{} }

type templateDataSource struct {
	dataSourceBase
}

func (d *templateDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_template"
}

func (d *templateDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Reads one case template of an Amazon Connect Cases domain by `template_id` or by `name`. A deleted template is not found.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{MarkdownDescription: "`DOMAIN_ID,TEMPLATE_ID`.", Computed: true},
			"domain_id": schema.StringAttribute{
				MarkdownDescription: "The ID of the domain.",
				Required:            true,
				Validators:          stringRules("data.cases_template.domain_id"),
			},
			"template_id": schema.StringAttribute{
				MarkdownDescription: "The ID of the template to read. Exactly one of `template_id` and `name` must be set.",
				Optional:            true,
				Computed:            true,
				Validators:          stringRules("data.cases_template.template_id"),
			},
			"name": schema.StringAttribute{
				MarkdownDescription: "The name of the template to read. Exactly one of `template_id` and `name` must be set.",
				Optional:            true,
				Computed:            true,
				Validators:          stringRules("data.cases_template.name"),
			},
			"template_arn": schema.StringAttribute{MarkdownDescription: "The ARN of the template.", Computed: true},
			"description":  schema.StringAttribute{MarkdownDescription: "The description of the template, if any.", Computed: true},
			"status":       schema.StringAttribute{MarkdownDescription: "`Active` or `Inactive`.", Computed: true},
			"layout_configuration": schema.SingleNestedAttribute{
				MarkdownDescription: "Which layout cases of this template show; null when none.",
				Computed:            true,
				Attributes: map[string]schema.Attribute{
					"default_layout": schema.StringAttribute{Computed: true, MarkdownDescription: "The ID of the layout."},
				},
			},
			"required_fields": schema.SetAttribute{MarkdownDescription: "The IDs of the required fields.", ElementType: types.StringType, Computed: true},
			"rules": schema.SetNestedAttribute{
				MarkdownDescription: "The case rules acting on fields of this template.",
				Computed:            true,
				NestedObject: schema.NestedAttributeObject{
					Attributes: map[string]schema.Attribute{
						"case_rule_id": schema.StringAttribute{Computed: true, MarkdownDescription: "The ID of the case rule."},
						"field_id":     schema.StringAttribute{Computed: true, MarkdownDescription: "The ID of the field the rule acts on."},
					},
				},
			},
			"tag_propagation":    tagPropagationDataSourceAttribute(),
			"created_time":       schema.StringAttribute{MarkdownDescription: "When the template was created, in RFC 3339 format.", Computed: true},
			"last_modified_time": schema.StringAttribute{MarkdownDescription: "When the template was created or last updated, in RFC 3339 format.", Computed: true},
			"tags":               schema.MapAttribute{MarkdownDescription: "All tags on the template.", ElementType: types.StringType, Computed: true},
		},
	}
}

func (d *templateDataSource) ConfigValidators(context.Context) []datasource.ConfigValidator {
	return []datasource.ConfigValidator{
		datasourcevalidator.ExactlyOneOf(path.MatchRoot("template_id"), path.MatchRoot("name")),
	}
}

func (d *templateDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m templateDataSourceModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	domainID, templateID := m.DomainID.ValueString(), m.TemplateID.ValueString()
	if templateID == "" {
		templateID = idByName(&resp.Diagnostics, domainID, m.Name.ValueString(), "template",
			func() ([]awstypes.TemplateSummary, error) { return findTemplates(ctx, d.client.Cases, domainID, nil) },
			func(s awstypes.TemplateSummary) (string, string) {
				return aws.ToString(s.Name), aws.ToString(s.TemplateId)
			})
		if templateID == "" {
			return
		}
	}
	t, err := findTemplateByID(ctx, d.client.Cases, domainID, templateID)
	if err != nil {
		addError(&resp.Diagnostics, "reading", kindTemplate, templateID, err, "")
		return
	}
	var full templateModel
	full.fill(domainID, t, nil, false)
	m.ID = full.ID
	m.TemplateID = full.TemplateID
	m.TemplateARN = full.TemplateARN
	m.Name = full.Name
	m.Description = full.Description
	m.Status = full.Status
	m.LayoutConfiguration = full.LayoutConfiguration
	m.RequiredFields = full.RequiredFields
	m.Rules = full.Rules
	m.TagPropagation = full.TagPropagation
	m.CreatedTime = full.CreatedTime
	m.LastModifiedTime = full.LastModifiedTime
	m.Tags = full.TagsAll
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}

type templateDataSourceModel struct {
	ID                  types.String                      `tfsdk:"id"`
	DomainID            types.String                      `tfsdk:"domain_id"`
	TemplateID          types.String                      `tfsdk:"template_id"`
	Name                types.String                      `tfsdk:"name"`
	TemplateARN         types.String                      `tfsdk:"template_arn"`
	Description         types.String                      `tfsdk:"description"`
	Status              types.String                      `tfsdk:"status"`
	LayoutConfiguration *templateLayoutConfigurationModel `tfsdk:"layout_configuration"`
	RequiredFields      []string                          `tfsdk:"required_fields"`
	Rules               []templateRuleModel               `tfsdk:"rules"`
	TagPropagation      []tagPropagationModel             `tfsdk:"tag_propagation"`
	CreatedTime         types.String                      `tfsdk:"created_time"`
	LastModifiedTime    types.String                      `tfsdk:"last_modified_time"`
	Tags                types.Map                         `tfsdk:"tags"`
}

// tagPropagationDataSourceAttribute is tag_propagation as the template data
// sources return it.
func tagPropagationDataSourceAttribute() schema.ListNestedAttribute {
	return schema.ListNestedAttribute{
		MarkdownDescription: "Tags the service puts on every resource created from the template, by resource type; null when none.",
		Computed:            true,
		NestedObject: schema.NestedAttributeObject{
			Attributes: map[string]schema.Attribute{
				"resource_type": schema.StringAttribute{Computed: true, MarkdownDescription: "The kind of resource that receives the tags (`Cases`)."},
				"tags":          schema.MapAttribute{Computed: true, ElementType: types.StringType, MarkdownDescription: "The tags."},
			},
		},
	}
}
