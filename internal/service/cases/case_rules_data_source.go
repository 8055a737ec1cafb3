package cases

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

var _ datasource.DataSourceWithConfigure = (*caseRulesDataSource)(nil)

// NewCaseRulesDataSource returns the cases_case_rules data source.
func NewCaseRulesDataSource() datasource.DataSource { return &caseRulesDataSource{} }

type caseRulesDataSource struct {
	dataSourceBase
}

func (d *caseRulesDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_case_rules"
}

func (d *caseRulesDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists the case rules of an Amazon Connect Cases domain that are not deleted, following ListCaseRules pages to the end. " +
			"Read one rule's conditions or mappings with the `cases_case_rule` data source.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{MarkdownDescription: "The domain ID.", Computed: true},
			"domain_id": schema.StringAttribute{
				MarkdownDescription: "The ID of the domain.",
				Required:            true,
				Validators:          stringRules("data.cases_case_rules.domain_id"),
			},
			"case_rules": schema.ListNestedAttribute{
				MarkdownDescription: "The rules, in the order the API returns them.",
				Computed:            true,
				NestedObject: schema.NestedAttributeObject{
					Attributes: map[string]schema.Attribute{
						"case_rule_id":  schema.StringAttribute{Computed: true, MarkdownDescription: "The rule ID."},
						"case_rule_arn": schema.StringAttribute{Computed: true, MarkdownDescription: "The rule ARN."},
						"name":          schema.StringAttribute{Computed: true, MarkdownDescription: "The rule name."},
						"rule_type":     schema.StringAttribute{Computed: true, MarkdownDescription: "`Required`, `Hidden` or `FieldOptions`."},
						"description":   schema.StringAttribute{Computed: true, MarkdownDescription: "The rule description, if any."},
					},
				},
			},
			"case_rule_ids": schema.ListAttribute{
				MarkdownDescription: "The IDs of the rules, in the same order as `case_rules`.",
				ElementType:         types.StringType,
				Computed:            true,
			},
		},
	}
}

func (d *caseRulesDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m caseRulesDataSourceModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	domainID := m.DomainID.ValueString()
	found, err := findCaseRules(ctx, d.client.Cases, domainID)
	if err != nil {
		addError(&resp.Diagnostics, "listing", "Cases Case Rules", "domain "+domainID, err, "")
		return
	}
	m.ID = types.StringValue(domainID)
	m.CaseRules = make([]caseRuleSummaryModel, 0, len(found))
	m.CaseRuleIDs = make([]string, 0, len(found))
	for _, r := range found {
		m.CaseRules = append(m.CaseRules, caseRuleSummaryModel{
			CaseRuleID:  types.StringValue(aws.ToString(r.CaseRuleId)),
			CaseRuleARN: types.StringValue(aws.ToString(r.CaseRuleArn)),
			Name:        types.StringValue(aws.ToString(r.Name)),
			RuleType:    types.StringValue(string(r.RuleType)),
			Description: optionalString(r.Description),
		})
		m.CaseRuleIDs = append(m.CaseRuleIDs, aws.ToString(r.CaseRuleId))
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}

type caseRulesDataSourceModel struct {
	ID          types.String           `tfsdk:"id"`
	DomainID    types.String           `tfsdk:"domain_id"`
	CaseRules   []caseRuleSummaryModel `tfsdk:"case_rules"`
	CaseRuleIDs []string               `tfsdk:"case_rule_ids"`
}

type caseRuleSummaryModel struct {
	CaseRuleID  types.String `tfsdk:"case_rule_id"`
	CaseRuleARN types.String `tfsdk:"case_rule_arn"`
	Name        types.String `tfsdk:"name"`
	RuleType    types.String `tfsdk:"rule_type"`
	Description types.String `tfsdk:"description"`
}
