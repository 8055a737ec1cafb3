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
	_ datasource.DataSourceWithConfigure        = (*caseRuleDataSource)(nil)
	_ datasource.DataSourceWithConfigValidators = (*caseRuleDataSource)(nil)
)

// NewCaseRuleDataSource returns the cases_case_rule data source.
func NewCaseRuleDataSource() datasource.DataSource { return &caseRuleDataSource{} }

type caseRuleDataSource struct {
	dataSourceBase
}

func (d *caseRuleDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_case_rule"
}

func (d *caseRuleDataSource) Schema(ctx context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	// The rule itself is the resource's schema, computed.
	var rs caseRuleResource
	resource := rsSchema(ctx, &rs)
	resp.Schema = schema.Schema{
		MarkdownDescription: "Reads one case rule of an Amazon Connect Cases domain by `case_rule_id` or by `name`: a `required`, `hidden` or `field_options` rule, " +
			"exactly one of which is set, with the same attributes as the `cases_case_rule` resource. A deleted rule is not found.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{MarkdownDescription: "`DOMAIN_ID,CASE_RULE_ID`.", Computed: true},
			"domain_id": schema.StringAttribute{
				MarkdownDescription: "The ID of the domain.",
				Required:            true,
				Validators:          stringRules("data.cases_case_rule.domain_id"),
			},
			"case_rule_id": schema.StringAttribute{
				MarkdownDescription: "The ID of the rule to read. Exactly one of `case_rule_id` and `name` must be set.",
				Optional:            true,
				Computed:            true,
				Validators:          stringRules("data.cases_case_rule.case_rule_id"),
			},
			"name": schema.StringAttribute{
				MarkdownDescription: "The name of the rule to read. Exactly one of `case_rule_id` and `name` must be set.",
				Optional:            true,
				Computed:            true,
				Validators:          stringRules("data.cases_case_rule.name"),
			},
			"case_rule_arn":      schema.StringAttribute{MarkdownDescription: "The ARN of the rule.", Computed: true},
			"description":        schema.StringAttribute{MarkdownDescription: "The description of the rule, if any.", Computed: true},
			"required":           computedFromResource(resource.Attributes["required"]),
			"hidden":             computedFromResource(resource.Attributes["hidden"]),
			"field_options":      computedFromResource(resource.Attributes["field_options"]),
			"created_time":       schema.StringAttribute{MarkdownDescription: "When the rule was created, in RFC 3339 format.", Computed: true},
			"last_modified_time": schema.StringAttribute{MarkdownDescription: "When the rule was created or last updated, in RFC 3339 format.", Computed: true},
			"tags":               schema.MapAttribute{MarkdownDescription: "All tags on the rule.", ElementType: types.StringType, Computed: true},
		},
	}
}

func (d *caseRuleDataSource) ConfigValidators(context.Context) []datasource.ConfigValidator {
	return []datasource.ConfigValidator{
		datasourcevalidator.ExactlyOneOf(path.MatchRoot("case_rule_id"), path.MatchRoot("name")),
	}
}

func (d *caseRuleDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m caseRuleDataSourceModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	domainID, ruleID := m.DomainID.ValueString(), m.CaseRuleID.ValueString()
	if ruleID == "" {
		ruleID = idByName(&resp.Diagnostics, domainID, m.Name.ValueString(), "case rule",
			func() ([]awstypes.CaseRuleSummary, error) { return findCaseRules(ctx, d.client.Cases, domainID) },
			func(s awstypes.CaseRuleSummary) (string, string) {
				return aws.ToString(s.Name), aws.ToString(s.CaseRuleId)
			})
		if ruleID == "" {
			return
		}
	}
	rule, err := findCaseRuleByID(ctx, d.client.Cases, domainID, ruleID)
	if err != nil {
		addError(&resp.Diagnostics, "reading", kindCaseRule, ruleID, err, "")
		return
	}
	var full caseRuleModel
	resp.Diagnostics.Append(full.fill(domainID, rule, nil, false)...)
	if resp.Diagnostics.HasError() {
		return
	}
	m.ID, m.CaseRuleID, m.CaseRuleARN, m.Name, m.Description = full.ID, full.CaseRuleID, full.CaseRuleARN, full.Name, full.Description
	m.Required, m.Hidden, m.FieldOptions = full.Required, full.Hidden, full.FieldOptions
	m.CreatedTime, m.LastModifiedTime, m.Tags = full.CreatedTime, full.LastModifiedTime, full.TagsAll
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}

type caseRuleDataSourceModel struct {
	ID               types.String           `tfsdk:"id"`
	DomainID         types.String           `tfsdk:"domain_id"`
	CaseRuleID       types.String           `tfsdk:"case_rule_id"`
	Name             types.String           `tfsdk:"name"`
	CaseRuleARN      types.String           `tfsdk:"case_rule_arn"`
	Description      types.String           `tfsdk:"description"`
	Required         *conditionalRuleModel  `tfsdk:"required"`
	Hidden           *conditionalRuleModel  `tfsdk:"hidden"`
	FieldOptions     *fieldOptionsRuleModel `tfsdk:"field_options"`
	CreatedTime      types.String           `tfsdk:"created_time"`
	LastModifiedTime types.String           `tfsdk:"last_modified_time"`
	Tags             types.Map              `tfsdk:"tags"`
}
