package cases

import (
	"context"
	"errors"
	"fmt"
	"reflect"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/connectcases"
	awstypes "github.com/aws/aws-sdk-go-v2/service/connectcases/types"
	"github.com/hashicorp/terraform-plugin-framework-validators/objectvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/connect-cases/terraform-provider-cases/internal/validators"
)

var (
	_ resource.ResourceWithConfigure   = (*caseRuleResource)(nil)
	_ resource.ResourceWithImportState = (*caseRuleResource)(nil)
	_ resource.ResourceWithModifyPlan  = (*caseRuleResource)(nil)
)

// NewCaseRuleResource returns the cases_case_rule resource.
func NewCaseRuleResource() resource.Resource { return &caseRuleResource{} }

type caseRuleResource struct {
	taggedResource
}

func (r *caseRuleResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_case_rule"
}

func (r *caseRuleResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	operandPath := func(name string) path.Expression { return path.MatchRelative().AtParent().AtName(name) }
	resp.Schema = schema.Schema{
		MarkdownDescription: "A case rule (a *case field condition* in the Amazon Connect admin website) of an Amazon Connect Cases domain: " +
			"a `required` rule makes a field required when its conditions hold. Attach it to a field of a template with `cases_template`'s `rules`. " +
			"Everything but the domain changes in place.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				MarkdownDescription: "`DOMAIN_ID,CASE_RULE_ID`, the import ID.",
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"domain_id": schema.StringAttribute{
				MarkdownDescription: "The ID of the domain the rule belongs to. Changing it replaces the rule.",
				Required:            true,
				Validators:          stringRules("cases_case_rule.domain_id"),
				PlanModifiers:       []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"case_rule_id": schema.StringAttribute{
				MarkdownDescription: "The unique identifier of the rule, assigned by the service.",
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"case_rule_arn": schema.StringAttribute{
				MarkdownDescription: "The ARN of the rule, `arn:aws:cases:REGION:ACCOUNT:domain/DOMAIN_ID/case-rule/CASE_RULE_ID`.",
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"name": schema.StringAttribute{
				MarkdownDescription: "The name of the rule: " + rulesText("cases_case_rule.name") + "; unique in the domain.",
				Required:            true,
				Validators:          stringRules("cases_case_rule.name"),
			},
			"description": schema.StringAttribute{
				MarkdownDescription: "A description of the rule: " + rulesText("cases_case_rule.description") + ".",
				Optional:            true,
				Validators:          stringRules("cases_case_rule.description"),
			},
			"required": schema.SingleNestedAttribute{
				MarkdownDescription: "A required rule: whether the field a template attaches it to is required.",
				Required:            true,
				Attributes: map[string]schema.Attribute{
					"default_value": schema.BoolAttribute{
						MarkdownDescription: "Whether the field is required when no condition matches.",
						Required:            true,
					},
					"conditions": schema.ListNestedAttribute{
						MarkdownDescription: fmt.Sprintf("Conditions checked in order; the `result` of the first that matches applies. At most %d.", maxEntries("cases_case_rule.required.conditions")),
						Required:            true,
						Validators:          listSize("cases_case_rule.required.conditions", false),
						NestedObject: schema.NestedAttributeObject{
							Attributes: map[string]schema.Attribute{
								"equal_to":     conditionOperandsAttribute("Matches when the field equals the value.", operandPath("not_equal_to")),
								"not_equal_to": conditionOperandsAttribute("Matches when the field does not equal the value.", operandPath("equal_to")),
							},
						},
					},
				},
			},
			"created_time": schema.StringAttribute{
				MarkdownDescription: "When the rule was created, in RFC 3339 format.",
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"last_modified_time": schema.StringAttribute{
				MarkdownDescription: "When the rule was created or last updated, in RFC 3339 format.",
				Computed:            true,
			},
			"tags":     tagsAttribute(),
			"tags_all": tagsAllAttribute(),
		},
	}
}

// conditionOperandsAttribute is one member of the BooleanCondition union:
// exactly one of equal_to and not_equal_to is set.
func conditionOperandsAttribute(description string, other path.Expression) schema.SingleNestedAttribute {
	value := func(name string) path.Expression { return path.MatchRelative().AtParent().AtName(name) }
	oneValue := []path.Expression{value("string_value"), value("boolean_value"), value("double_value"), value("empty_value")}
	return schema.SingleNestedAttribute{
		MarkdownDescription: description + " Set exactly one of `equal_to` and `not_equal_to`, and exactly one value.",
		Optional:            true,
		Validators:          []validator.Object{objectvalidator.ExactlyOneOf(other)},
		Attributes: map[string]schema.Attribute{
			"field_id": schema.StringAttribute{
				MarkdownDescription: "The ID of the field whose value is compared.",
				Required:            true,
				Validators:          stringRules("cases_case_rule.required.conditions.operands.field_id"),
			},
			"string_value": schema.StringAttribute{
				MarkdownDescription: "A text value: " + rulesText("cases_case_rule.required.conditions.operands.string_value") + ".",
				Optional:            true,
				Validators:          append(stringRules("cases_case_rule.required.conditions.operands.string_value"), stringvalidator.ExactlyOneOf(oneValue...)),
			},
			"boolean_value": schema.BoolAttribute{
				MarkdownDescription: "A boolean value.",
				Optional:            true,
			},
			"double_value": schema.Float64Attribute{
				MarkdownDescription: "A number.",
				Optional:            true,
			},
			"empty_value": schema.BoolAttribute{
				MarkdownDescription: "Set to `true` to compare with an empty field.",
				Optional:            true,
				Validators:          []validator.Bool{validators.BoolTrue()},
			},
			"result": schema.BoolAttribute{
				MarkdownDescription: "Whether the field is required when this condition matches.",
				Required:            true,
			},
		},
	}
}

func (r *caseRuleResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan caseRuleModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	domainID, name := plan.DomainID.ValueString(), plan.Name.ValueString()
	conn := r.client.Cases
	out, err := conn.CreateCaseRule(ctx, &connectcases.CreateCaseRuleInput{
		DomainId:    aws.String(domainID),
		Name:        aws.String(name),
		Description: plan.Description.ValueStringPointer(),
		Rule:        plan.Required.toAPI(),
	})
	if err != nil {
		addError(&resp.Diagnostics, "creating", kindCaseRule, name, err, caseRuleErrorHint(err))
		return
	}
	ruleID, arn := aws.ToString(out.CaseRuleId), aws.ToString(out.CaseRuleArn)

	plan.ID = types.StringValue(domainChildResourceID(domainID, ruleID))
	plan.CaseRuleID = types.StringValue(ruleID)
	plan.CaseRuleARN = types.StringValue(arn)
	plan.CreatedTime = types.StringNull()
	plan.LastModifiedTime = types.StringNull()
	r.recordCreated(ctx, created{kind: kindCaseRule, id: ruleID, arn: arn, model: &plan, tagsAll: &plan.TagsAll}, &resp.State, &resp.Diagnostics,
		func(ctx context.Context, conn *connectcases.Client) error {
			rule, err := findCaseRuleByID(ctx, conn, domainID, ruleID)
			if err == nil {
				resp.Diagnostics.Append(plan.fill(domainID, rule, r.client.DefaultTags, plan.Tags.IsNull())...)
			}
			return err
		})
}

func caseRuleErrorHint(err error) string {
	var (
		conflict *awstypes.ConflictException
		invalid  *awstypes.ValidationException
	)
	switch {
	case errors.As(err, &conflict):
		return "Case rule names are unique in a domain; choose another name or import the existing rule."
	case errors.As(err, &invalid):
		return "Every field a condition reads must exist in the domain; reference cases_field resources by their field_id so that Terraform creates them first."
	}
	return ""
}

func (r *caseRuleResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state caseRuleModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	domainID, ruleID := state.DomainID.ValueString(), state.CaseRuleID.ValueString()
	rule, err := findCaseRuleByID(ctx, r.client.Cases, domainID, ruleID)
	if IsNotFound(err) {
		tflog.Warn(ctx, "Cases case rule not found or deleted, removing it from state", map[string]any{"domain_id": domainID, "case_rule_id": ruleID})
		resp.State.RemoveResource(ctx)
		return
	}
	if err != nil {
		addError(&resp.Diagnostics, "reading", kindCaseRule, ruleID, err, "")
		return
	}
	resp.Diagnostics.Append(state.fill(domainID, rule, r.client.DefaultTags, state.Tags.IsNull())...)
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

func (r *caseRuleResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state caseRuleModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	domainID, ruleID := state.DomainID.ValueString(), state.CaseRuleID.ValueString()
	conn := r.client.Cases

	ruleChanged := !reflect.DeepEqual(plan.Required, state.Required)
	if !plan.Name.Equal(state.Name) || !plan.Description.Equal(state.Description) || ruleChanged {
		input := &connectcases.UpdateCaseRuleInput{DomainId: aws.String(domainID), CaseRuleId: aws.String(ruleID)}
		if !plan.Name.Equal(state.Name) {
			input.Name = plan.Name.ValueStringPointer()
		}
		if !plan.Description.Equal(state.Description) {
			// An empty description clears it: an absent member means "leave
			// as is".
			input.Description = aws.String(plan.Description.ValueString())
		}
		if ruleChanged {
			input.Rule = plan.Required.toAPI()
		}
		if _, err := conn.UpdateCaseRule(ctx, input); err != nil {
			addError(&resp.Diagnostics, "updating", kindCaseRule, ruleID, err, caseRuleErrorHint(err))
			return
		}
	}
	if !updateTagsAll(ctx, conn, state.CaseRuleARN.ValueString(), state.TagsAll, plan.TagsAll, kindCaseRule, ruleID, &resp.Diagnostics) {
		return
	}
	rule, err := findCaseRuleByID(ctx, conn, domainID, ruleID)
	if err != nil {
		addError(&resp.Diagnostics, "reading", kindCaseRule, ruleID, err, "")
		return
	}
	resp.Diagnostics.Append(plan.fill(domainID, rule, r.client.DefaultTags, plan.Tags.IsNull())...)
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

func (r *caseRuleResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state caseRuleModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	domainID, ruleID := state.DomainID.ValueString(), state.CaseRuleID.ValueString()
	_, err := r.client.Cases.DeleteCaseRule(ctx, &connectcases.DeleteCaseRuleInput{DomainId: aws.String(domainID), CaseRuleId: aws.String(ruleID)})
	if err == nil || IsNotFound(err) {
		return
	}
	hint := ""
	var conflict *awstypes.ConflictException
	if errors.As(err, &conflict) {
		hint = "A template still uses the rule (the message above says which). Remove it from that template's rules first, " +
			"or let Terraform order it by referencing this rule's case_rule_id from the template."
	}
	addError(&resp.Diagnostics, "deleting", kindCaseRule, ruleID, err, hint)
}

func (r *caseRuleResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	importDomainChild(ctx, r.client, req, resp, "cases_case_rule", "case-rule", "case_rule_id")
}

type caseRuleModel struct {
	ID               types.String       `tfsdk:"id"`
	DomainID         types.String       `tfsdk:"domain_id"`
	CaseRuleID       types.String       `tfsdk:"case_rule_id"`
	CaseRuleARN      types.String       `tfsdk:"case_rule_arn"`
	Name             types.String       `tfsdk:"name"`
	Description      types.String       `tfsdk:"description"`
	Required         *requiredRuleModel `tfsdk:"required"`
	CreatedTime      types.String       `tfsdk:"created_time"`
	LastModifiedTime types.String       `tfsdk:"last_modified_time"`
	Tags             types.Map          `tfsdk:"tags"`
	TagsAll          types.Map          `tfsdk:"tags_all"`
}

type requiredRuleModel struct {
	DefaultValue types.Bool       `tfsdk:"default_value"`
	Conditions   []conditionModel `tfsdk:"conditions"`
}

type conditionModel struct {
	EqualTo    *operandsModel `tfsdk:"equal_to"`
	NotEqualTo *operandsModel `tfsdk:"not_equal_to"`
}

type operandsModel struct {
	FieldID      types.String  `tfsdk:"field_id"`
	StringValue  types.String  `tfsdk:"string_value"`
	BooleanValue types.Bool    `tfsdk:"boolean_value"`
	DoubleValue  types.Float64 `tfsdk:"double_value"`
	EmptyValue   types.Bool    `tfsdk:"empty_value"`
	Result       types.Bool    `tfsdk:"result"`
}

func (m *caseRuleModel) fill(domainID string, rule *awstypes.GetCaseRuleResponse, defaultTags map[string]string, tagsWereNull bool) diag.Diagnostics {
	ruleID := aws.ToString(rule.CaseRuleId)
	m.ID = types.StringValue(domainChildResourceID(domainID, ruleID))
	m.DomainID = types.StringValue(domainID)
	m.CaseRuleID = types.StringValue(ruleID)
	m.CaseRuleARN = types.StringValue(aws.ToString(rule.CaseRuleArn))
	m.Name = types.StringValue(aws.ToString(rule.Name))
	m.Description = optionalString(rule.Description)
	m.CreatedTime = timeString(rule.CreatedTime)
	m.LastModifiedTime = timeString(rule.LastModifiedTime)
	all := tagsFromAPI(rule.Tags)
	m.TagsAll = tagsValue(all, false)
	m.Tags = tagsValue(ownTags(defaultTags, all, tagKeys(m.Tags)), tagsWereNull)
	required, ok := rule.Rule.(*awstypes.CaseRuleDetailsMemberRequired)
	if !ok {
		return diag.Diagnostics{diag.NewErrorDiagnostic("Unsupported case rule type",
			fmt.Sprintf("%s %s is a %T rule; cases_case_rule manages required rules only. Remove it from Terraform (terraform state rm) and manage it elsewhere.", kindCaseRule, ruleID, rule.Rule))}
	}
	m.Required = requiredRuleFromAPI(required.Value)
	return nil
}

func (m *requiredRuleModel) toAPI() awstypes.CaseRuleDetails {
	conditions := make([]awstypes.BooleanCondition, 0, len(m.Conditions))
	for _, c := range m.Conditions {
		switch {
		case c.EqualTo != nil:
			conditions = append(conditions, &awstypes.BooleanConditionMemberEqualTo{Value: c.EqualTo.toAPI()})
		case c.NotEqualTo != nil:
			conditions = append(conditions, &awstypes.BooleanConditionMemberNotEqualTo{Value: c.NotEqualTo.toAPI()})
		}
	}
	return &awstypes.CaseRuleDetailsMemberRequired{Value: awstypes.RequiredCaseRule{
		DefaultValue: m.DefaultValue.ValueBoolPointer(),
		Conditions:   conditions,
	}}
}

func (o *operandsModel) toAPI() awstypes.BooleanOperands {
	var two awstypes.OperandTwo
	switch {
	case !o.StringValue.IsNull():
		two = &awstypes.OperandTwoMemberStringValue{Value: o.StringValue.ValueString()}
	case !o.BooleanValue.IsNull():
		two = &awstypes.OperandTwoMemberBooleanValue{Value: o.BooleanValue.ValueBool()}
	case !o.DoubleValue.IsNull():
		two = &awstypes.OperandTwoMemberDoubleValue{Value: o.DoubleValue.ValueFloat64()}
	default:
		two = &awstypes.OperandTwoMemberEmptyValue{}
	}
	return awstypes.BooleanOperands{
		OperandOne: &awstypes.OperandOneMemberFieldId{Value: o.FieldID.ValueString()},
		OperandTwo: two,
		Result:     o.Result.ValueBoolPointer(),
	}
}

func requiredRuleFromAPI(r awstypes.RequiredCaseRule) *requiredRuleModel {
	out := &requiredRuleModel{DefaultValue: types.BoolPointerValue(r.DefaultValue), Conditions: []conditionModel{}}
	for _, c := range r.Conditions {
		switch c := c.(type) {
		case *awstypes.BooleanConditionMemberEqualTo:
			out.Conditions = append(out.Conditions, conditionModel{EqualTo: operandsFromAPI(c.Value)})
		case *awstypes.BooleanConditionMemberNotEqualTo:
			out.Conditions = append(out.Conditions, conditionModel{NotEqualTo: operandsFromAPI(c.Value)})
		}
	}
	return out
}

func operandsFromAPI(o awstypes.BooleanOperands) *operandsModel {
	out := &operandsModel{
		StringValue:  types.StringNull(),
		BooleanValue: types.BoolNull(),
		DoubleValue:  types.Float64Null(),
		EmptyValue:   types.BoolNull(),
		Result:       types.BoolPointerValue(o.Result),
	}
	if one, ok := o.OperandOne.(*awstypes.OperandOneMemberFieldId); ok {
		out.FieldID = types.StringValue(one.Value)
	}
	switch two := o.OperandTwo.(type) {
	case *awstypes.OperandTwoMemberStringValue:
		out.StringValue = types.StringValue(two.Value)
	case *awstypes.OperandTwoMemberBooleanValue:
		out.BooleanValue = types.BoolValue(two.Value)
	case *awstypes.OperandTwoMemberDoubleValue:
		out.DoubleValue = types.Float64Value(two.Value)
	case *awstypes.OperandTwoMemberEmptyValue:
		out.EmptyValue = types.BoolValue(true)
	}
	return out
}
