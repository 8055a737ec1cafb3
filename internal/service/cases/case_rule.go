package cases

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"sort"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/connectcases"
	awstypes "github.com/aws/aws-sdk-go-v2/service/connectcases/types"
	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/mapvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/objectvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/connect-cases/terraform-provider-cases/internal/apimodel"
	"github.com/connect-cases/terraform-provider-cases/internal/validators"
)

var (
	_ resource.ResourceWithConfigure   = (*caseRuleResource)(nil)
	_ resource.ResourceWithImportState = (*caseRuleResource)(nil)
	_ resource.ResourceWithIdentity    = (*caseRuleResource)(nil)
	_ resource.ResourceWithModifyPlan  = (*caseRuleResource)(nil)

	_ resource.ResourceWithValidateConfig = (*caseRuleResource)(nil)
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
	resp.Schema = schema.Schema{
		MarkdownDescription: "A case rule (a *case field condition* in the Amazon Connect admin website) of an Amazon Connect Cases domain: " +
			"a `required` rule makes a field required and a `hidden` rule hides it, each by conditions on other fields; " +
			"a `field_options` rule limits the options of one `SingleSelect` field to those its parent field's value allows. " +
			"Set exactly one of the three. Attach the rule to a field of a template with `cases_template`'s `rules`. " +
			"Everything but the domain changes in place, the kind of rule included. " + lostAnswerNote,
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
			"required":      conditionalRuleAttribute("required", path.MatchRoot("hidden"), path.MatchRoot("field_options")),
			"hidden":        conditionalRuleAttribute("hidden", path.MatchRoot("required"), path.MatchRoot("field_options")),
			"field_options": fieldOptionsRuleAttribute(path.MatchRoot("required"), path.MatchRoot("hidden")),
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

// conditionalRuleAttribute is the required or the hidden member of the
// CaseRuleDetails union: RequiredCaseRule and HiddenCaseRule have the same
// shape.
func conditionalRuleAttribute(kind string, others ...path.Expression) schema.SingleNestedAttribute {
	return schema.SingleNestedAttribute{
		MarkdownDescription: fmt.Sprintf("A %s rule: whether the field a template attaches it to is %s. Set exactly one of `required`, `hidden` and `field_options`.", kind, kind),
		Optional:            true,
		Validators:          []validator.Object{objectvalidator.ExactlyOneOf(others...)},
		Attributes: map[string]schema.Attribute{
			"default_value": schema.BoolAttribute{
				MarkdownDescription: fmt.Sprintf("Whether the field is %s when no condition matches.", kind),
				Required:            true,
			},
			"conditions": schema.ListNestedAttribute{
				MarkdownDescription: fmt.Sprintf("Conditions checked in order; the `result` of the first comparison that matches applies. "+
					"A condition is one comparison (`equal_to`, `not_equal_to`) or a compound condition (`and_all`, `or_all`) of further conditions, "+
					"nested at most %d levels deep; a rule holds at most %d comparisons in all (API documentation of CompoundCondition).",
					apimodel.CaseRuleMaxNesting, apimodel.CaseRuleMaxConditions),
				Required:     true,
				Validators:   listSize("cases_case_rule."+kind+".conditions", false),
				NestedObject: conditionObject(0),
			},
		},
	}
}

// conditionObject is one BooleanCondition at a nesting level: exactly one
// of equal_to, not_equal_to, and_all and or_all. A compound condition at
// level apimodel.CaseRuleMaxNesting holds comparisons only; the and_all and
// or_all there exist to fail validation with a clear message.
func conditionObject(level int) schema.NestedAttributeObject {
	sibling := func(name string) path.Expression { return path.MatchRelative().AtParent().AtName(name) }
	members := []string{"equal_to", "not_equal_to"}
	if level < apimodel.CaseRuleMaxNesting {
		members = append(members, "and_all", "or_all")
	}
	others := func(self string) []path.Expression {
		var out []path.Expression
		for _, m := range members {
			if m != self {
				out = append(out, sibling(m))
			}
		}
		return out
	}
	attributes := map[string]schema.Attribute{
		"equal_to":     conditionOperandsAttribute("Matches when the field equals the value.", others("equal_to")),
		"not_equal_to": conditionOperandsAttribute("Matches when the field does not equal the value.", others("not_equal_to")),
	}
	if level < apimodel.CaseRuleMaxNesting {
		compound := func(description, self string) schema.ListNestedAttribute {
			return schema.ListNestedAttribute{
				MarkdownDescription: description + " Each comparison in it carries its own `result`.",
				Optional:            true,
				Validators:          append([]validator.List{listvalidator.ExactlyOneOf(others(self)...)}, listSize("cases_case_rule.conditions."+self, false)...),
				NestedObject:        conditionObject(level + 1),
			}
		}
		attributes["and_all"] = compound("Matches when all of these conditions match.", "and_all")
		attributes["or_all"] = compound("Matches when any of these conditions matches.", "or_all")
	} else {
		// Declared only to be refused with a message: an attribute the
		// object type lacks would be dropped by type conversion without a
		// word.
		for _, name := range []string{"and_all", "or_all"} {
			attributes[name] = schema.ListAttribute{
				MarkdownDescription: fmt.Sprintf("Not allowed here: compound conditions nest at most %d levels deep.", apimodel.CaseRuleMaxNesting),
				Optional:            true,
				ElementType:         tooDeepElementType,
				Validators:          []validator.List{validators.NestedTooDeep(apimodel.CaseRuleMaxNesting)},
			}
		}
	}
	return schema.NestedAttributeObject{Attributes: attributes}
}

// tooDeepElementType is the element type of the refused and_all and or_all
// below the deepest level: an object with no attributes, to which any
// condition converts.
var tooDeepElementType = types.ObjectType{AttrTypes: map[string]attr.Type{}}

// conditionOperandsAttribute is a comparison member of the BooleanCondition
// union (BooleanOperands).
func conditionOperandsAttribute(description string, others []path.Expression) schema.SingleNestedAttribute {
	value := func(name string) path.Expression { return path.MatchRelative().AtParent().AtName(name) }
	oneValue := []path.Expression{value("string_value"), value("boolean_value"), value("double_value"), value("empty_value")}
	return schema.SingleNestedAttribute{
		MarkdownDescription: description + " Set exactly one member per condition, and exactly one value.",
		Optional:            true,
		Validators:          []validator.Object{objectvalidator.ExactlyOneOf(others...)},
		Attributes: map[string]schema.Attribute{
			"field_id": schema.StringAttribute{
				MarkdownDescription: "The ID of the field whose value is compared.",
				Required:            true,
				Validators:          stringRules("cases_case_rule.conditions.operands.field_id"),
			},
			"string_value": schema.StringAttribute{
				MarkdownDescription: "A text value, " + rulesText("cases_case_rule.conditions.operands.string_value") + ".",
				Optional:            true,
				Validators:          append(stringRules("cases_case_rule.conditions.operands.string_value"), stringvalidator.ExactlyOneOf(oneValue...)),
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
				MarkdownDescription: "The value of the rule (whether the field is required, or hidden) when this comparison matches.",
				Required:            true,
			},
		},
	}
}

// fieldOptionsRuleAttribute is the fieldOptions member of the
// CaseRuleDetails union (FieldOptionsCaseRule).
func fieldOptionsRuleAttribute(others ...path.Expression) schema.SingleNestedAttribute {
	return schema.SingleNestedAttribute{
		MarkdownDescription: "A field options (parent-child) rule: which options of the child field agents may pick for each value of the parent field. " +
			"Both are `SingleSelect` fields of the domain and every value is one of their options (`cases_field_options`). " +
			"Set exactly one of `required`, `hidden` and `field_options`.",
		Optional:   true,
		Validators: []validator.Object{objectvalidator.ExactlyOneOf(others...)},
		Attributes: map[string]schema.Attribute{
			"parent_field_id": schema.StringAttribute{
				MarkdownDescription: "The ID of the parent field, whose value decides.",
				Required:            true,
				Validators:          stringRules("cases_case_rule.field_options.parent_field_id"),
			},
			"child_field_id": schema.StringAttribute{
				MarkdownDescription: "The ID of the child field, whose options are limited.",
				Required:            true,
				Validators:          stringRules("cases_case_rule.field_options.child_field_id"),
			},
			"mappings": schema.MapAttribute{
				MarkdownDescription: "For each parent option value (the key), the child option values it allows " +
					"(API member `parentChildFieldOptionsMappings`). Values are " + rulesText("cases_case_rule.field_options.mappings.{key}") + ".",
				ElementType: types.ListType{ElemType: types.StringType},
				Required:    true,
				Validators: []validator.Map{
					mapSize("cases_case_rule.field_options.mappings"),
					mapvalidator.KeysAre(keyRules("cases_case_rule.field_options.mappings")...),
					mapvalidator.ValueListsAre(append(listSize("cases_case_rule.field_options.mappings.{value}", false),
						listvalidator.ValueStringsAre(valueRules("cases_case_rule.field_options.mappings")...))...),
				},
			},
		},
	}
}

// ValidateConfig applies the limit the schema cannot express: at most
// apimodel.CaseRuleMaxConditions comparisons in a rule, nested ones
// included. (The nesting depth is the schema's: conditionObject stops at
// apimodel.CaseRuleMaxNesting.)
func (r *caseRuleResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	for _, kind := range []string{"required", "hidden"} {
		var rule *conditionalRuleModel
		if diags := req.Config.GetAttribute(ctx, path.Root(kind), &rule); diags.HasError() || rule == nil {
			// Not known yet (e.g. a list built by an expression from
			// values known at apply): the API checks it then.
			continue
		}
		if n := countComparisons(nodes(rule.Conditions)); n > apimodel.CaseRuleMaxConditions {
			resp.Diagnostics.AddAttributeError(path.Root(kind).AtName("conditions"), "Too many conditions in a case rule",
				fmt.Sprintf("The %s rule holds %d comparisons (equal_to, not_equal_to), counting those inside and_all and or_all; "+
					"a case rule can have a maximum of %d (API documentation of CompoundCondition). Split it into several rules.",
					kind, n, apimodel.CaseRuleMaxConditions))
		}
	}
}

func (r *caseRuleResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = regionalIdentitySchema(identityDomainID, identityCaseRuleID)
}

func (r *caseRuleResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan caseRuleModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	domainID, name := plan.DomainID.ValueString(), plan.Name.ValueString()
	conn := r.client.Cases
	in := &connectcases.CreateCaseRuleInput{
		DomainId:    aws.String(domainID),
		Name:        aws.String(name),
		Description: plan.Description.ValueStringPointer(),
		Rule:        plan.ruleToAPI(),
	}
	ruleType := caseRuleType(in.Rule)
	rule, err := createOnce(ctx, namedCreate[awstypes.CaseRuleSummary]{
		kind:  kindCaseRule,
		scope: scopeKey(conn, "domain", domainID, "case-rules"),
		name:  name,
		list: func(ctx context.Context) ([]awstypes.CaseRuleSummary, error) {
			return findCaseRules(ctx, conn, domainID)
		},
		key: func(r awstypes.CaseRuleSummary) string { return aws.ToString(r.Name) },
		importID: func(r awstypes.CaseRuleSummary) string {
			return domainChildResourceID(domainID, aws.ToString(r.CaseRuleId))
		},
		sameAsSent: func(r awstypes.CaseRuleSummary) bool {
			return r.RuleType == ruleType && aws.ToString(r.Description) == aws.ToString(in.Description)
		},
		create: func(ctx context.Context, attempts *attemptLog) (awstypes.CaseRuleSummary, error) {
			out, err := conn.CreateCaseRule(ctx, in, attempts.casesOption)
			if err != nil {
				return awstypes.CaseRuleSummary{}, err
			}
			return awstypes.CaseRuleSummary{CaseRuleId: out.CaseRuleId, CaseRuleArn: out.CaseRuleArn, Name: in.Name, RuleType: ruleType, Description: in.Description}, nil
		},
	})
	if err != nil {
		addCreateError(&resp.Diagnostics, kindCaseRule, "cases_case_rule", name, err, caseRuleErrorHint(err))
		return
	}
	ruleID, arn := aws.ToString(rule.CaseRuleId), aws.ToString(rule.CaseRuleArn)

	plan.ID = types.StringValue(domainChildResourceID(domainID, ruleID))
	plan.CaseRuleID = types.StringValue(ruleID)
	plan.CaseRuleARN = types.StringValue(arn)
	plan.CreatedTime = types.StringNull()
	plan.LastModifiedTime = types.StringNull()
	r.recordIdentity(ctx, resp.Identity, arn, &resp.Diagnostics, idValue(identityDomainID, domainID), idValue(identityCaseRuleID, ruleID))
	r.recordCreated(ctx, created{kind: kindCaseRule, id: ruleID, arn: arn, model: &plan, tagsAll: &plan.TagsAll}, &resp.State, &resp.Diagnostics,
		func(ctx context.Context, conn *connectcases.Client) error {
			rule, err := findCaseRuleByID(ctx, conn, domainID, ruleID)
			if err == nil {
				resp.Diagnostics.Append(plan.fill(domainID, rule, r.client.DefaultTags, plan.Tags.IsNull())...)
			}
			return err
		})
}

// caseRuleType is the type a ListCaseRules summary gives a rule.
func caseRuleType(rule awstypes.CaseRuleDetails) awstypes.RuleType {
	switch rule.(type) {
	case *awstypes.CaseRuleDetailsMemberRequired:
		return awstypes.RuleTypeRequired
	case *awstypes.CaseRuleDetailsMemberHidden:
		return awstypes.RuleTypeHidden
	case *awstypes.CaseRuleDetailsMemberFieldOptions:
		return awstypes.RuleTypeFieldOptions
	}
	return ""
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
		return "Every field a condition reads must exist in the domain, and a field_options rule links two SingleSelect fields and maps only their existing option values; " +
			"reference cases_field and cases_field_options resources by attribute so that Terraform creates them first."
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
	// The identity is written before the lookup too: a state from before
	// identities has none, and Terraform wants one even when Read removes
	// the resource.
	r.recordIdentity(ctx, resp.Identity, state.CaseRuleARN.ValueString(), &resp.Diagnostics, idValue(identityDomainID, domainID), idValue(identityCaseRuleID, ruleID))
	if resp.Diagnostics.HasError() {
		return
	}
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
	r.recordIdentity(ctx, resp.Identity, state.CaseRuleARN.ValueString(), &resp.Diagnostics, idValue(identityDomainID, domainID), idValue(identityCaseRuleID, ruleID))
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

	ruleChanged := !reflect.DeepEqual(plan.Required, state.Required) || !reflect.DeepEqual(plan.Hidden, state.Hidden) ||
		!reflect.DeepEqual(plan.FieldOptions, state.FieldOptions)
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
			input.Rule = plan.ruleToAPI()
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
	r.recordIdentity(ctx, resp.Identity, plan.CaseRuleARN.ValueString(), &resp.Diagnostics, idValue(identityDomainID, domainID), idValue(identityCaseRuleID, ruleID))
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

func (r *caseRuleResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state caseRuleModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	domainID, ruleID := state.DomainID.ValueString(), state.CaseRuleID.ValueString()
	conn := r.client.Cases
	err := deleteOnce(ctx, kindCaseRule, ruleID,
		func(ctx context.Context, attempts *attemptLog) error {
			_, err := conn.DeleteCaseRule(ctx, &connectcases.DeleteCaseRuleInput{DomainId: aws.String(domainID), CaseRuleId: aws.String(ruleID)}, attempts.casesOption)
			return err
		},
		func(ctx context.Context) error {
			_, err := findCaseRuleByID(ctx, conn, domainID, ruleID)
			return err
		})
	if err == nil {
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
	importDomainChild(ctx, r.client, req, resp, "cases_case_rule", "case-rule", identityCaseRuleID)
}

type caseRuleModel struct {
	ID               types.String           `tfsdk:"id"`
	DomainID         types.String           `tfsdk:"domain_id"`
	CaseRuleID       types.String           `tfsdk:"case_rule_id"`
	CaseRuleARN      types.String           `tfsdk:"case_rule_arn"`
	Name             types.String           `tfsdk:"name"`
	Description      types.String           `tfsdk:"description"`
	Required         *conditionalRuleModel  `tfsdk:"required"`
	Hidden           *conditionalRuleModel  `tfsdk:"hidden"`
	FieldOptions     *fieldOptionsRuleModel `tfsdk:"field_options"`
	CreatedTime      types.String           `tfsdk:"created_time"`
	LastModifiedTime types.String           `tfsdk:"last_modified_time"`
	Tags             types.Map              `tfsdk:"tags"`
	TagsAll          types.Map              `tfsdk:"tags_all"`
}

// conditionalRuleModel is RequiredCaseRule or HiddenCaseRule.
type conditionalRuleModel struct {
	DefaultValue types.Bool       `tfsdk:"default_value"`
	Conditions   []conditionModel `tfsdk:"conditions"`
}

// The conditions of a rule, one type per nesting level of conditionObject:
// conditionModel in the rule's list, nestedConditionModel inside one
// compound condition, comparisonModel inside two (the deepest level the
// API allows, apimodel.CaseRuleMaxNesting).
type conditionModel struct {
	EqualTo    *operandsModel         `tfsdk:"equal_to"`
	NotEqualTo *operandsModel         `tfsdk:"not_equal_to"`
	AndAll     []nestedConditionModel `tfsdk:"and_all"`
	OrAll      []nestedConditionModel `tfsdk:"or_all"`
}

type nestedConditionModel struct {
	EqualTo    *operandsModel    `tfsdk:"equal_to"`
	NotEqualTo *operandsModel    `tfsdk:"not_equal_to"`
	AndAll     []comparisonModel `tfsdk:"and_all"`
	OrAll      []comparisonModel `tfsdk:"or_all"`
}

type comparisonModel struct {
	EqualTo    *operandsModel `tfsdk:"equal_to"`
	NotEqualTo *operandsModel `tfsdk:"not_equal_to"`
	// Always null: validators.NestedTooDeep refuses them.
	AndAll types.List `tfsdk:"and_all"`
	OrAll  types.List `tfsdk:"or_all"`
}

type operandsModel struct {
	FieldID      types.String  `tfsdk:"field_id"`
	StringValue  types.String  `tfsdk:"string_value"`
	BooleanValue types.Bool    `tfsdk:"boolean_value"`
	DoubleValue  types.Float64 `tfsdk:"double_value"`
	EmptyValue   types.Bool    `tfsdk:"empty_value"`
	Result       types.Bool    `tfsdk:"result"`
}

// fieldOptionsRuleModel is FieldOptionsCaseRule, its mapping list as a map
// from parent value to child values.
type fieldOptionsRuleModel struct {
	ParentFieldID types.String        `tfsdk:"parent_field_id"`
	ChildFieldID  types.String        `tfsdk:"child_field_id"`
	Mappings      map[string][]string `tfsdk:"mappings"`
}

// conditionNode is a condition of any level, for the code that walks them.
type conditionNode interface {
	comparison() (equalTo, notEqualTo *operandsModel)
	compound() (andAll, orAll []conditionNode)
}

func (c conditionModel) comparison() (*operandsModel, *operandsModel) { return c.EqualTo, c.NotEqualTo }
func (c conditionModel) compound() ([]conditionNode, []conditionNode) {
	return nodes(c.AndAll), nodes(c.OrAll)
}
func (c nestedConditionModel) comparison() (*operandsModel, *operandsModel) {
	return c.EqualTo, c.NotEqualTo
}
func (c nestedConditionModel) compound() ([]conditionNode, []conditionNode) {
	return nodes(c.AndAll), nodes(c.OrAll)
}
func (c comparisonModel) comparison() (*operandsModel, *operandsModel) {
	return c.EqualTo, c.NotEqualTo
}
func (c comparisonModel) compound() ([]conditionNode, []conditionNode) { return nil, nil }

// nodes keeps nil a nil list, so that an absent and_all stays absent.
func nodes[T conditionNode](in []T) []conditionNode {
	if in == nil {
		return nil
	}
	out := make([]conditionNode, len(in))
	for i, c := range in {
		out[i] = c
	}
	return out
}

// countComparisons counts the comparisons (equal_to, not_equal_to) in
// conditions, compound conditions included: the unit of the API's "maximum
// of 5 conditions" per case rule.
func countComparisons(conditions []conditionNode) int {
	n := 0
	for _, c := range conditions {
		if eq, ne := c.comparison(); eq != nil || ne != nil {
			n++
		}
		and, or := c.compound()
		n += countComparisons(and) + countComparisons(or)
	}
	return n
}

func conditionsToAPI(conditions []conditionNode) []awstypes.BooleanCondition {
	out := make([]awstypes.BooleanCondition, 0, len(conditions))
	for _, c := range conditions {
		eq, ne := c.comparison()
		and, or := c.compound()
		switch {
		case eq != nil:
			out = append(out, &awstypes.BooleanConditionMemberEqualTo{Value: eq.toAPI()})
		case ne != nil:
			out = append(out, &awstypes.BooleanConditionMemberNotEqualTo{Value: ne.toAPI()})
		case and != nil:
			out = append(out, &awstypes.BooleanConditionMemberAndAll{Value: awstypes.CompoundCondition{Conditions: conditionsToAPI(and)}})
		case or != nil:
			out = append(out, &awstypes.BooleanConditionMemberOrAll{Value: awstypes.CompoundCondition{Conditions: conditionsToAPI(or)}})
		}
	}
	return out
}

// splitCondition takes a BooleanCondition apart: its comparison, or the
// conditions of its compound condition (non-nil when it is one).
func splitCondition(c awstypes.BooleanCondition) (equalTo, notEqualTo *operandsModel, andAll, orAll []awstypes.BooleanCondition) {
	switch c := c.(type) {
	case *awstypes.BooleanConditionMemberEqualTo:
		equalTo = operandsFromAPI(c.Value)
	case *awstypes.BooleanConditionMemberNotEqualTo:
		notEqualTo = operandsFromAPI(c.Value)
	case *awstypes.BooleanConditionMemberAndAll:
		andAll = append([]awstypes.BooleanCondition{}, c.Value.Conditions...)
	case *awstypes.BooleanConditionMemberOrAll:
		orAll = append([]awstypes.BooleanCondition{}, c.Value.Conditions...)
	}
	return
}

func conditionsFromAPI(in []awstypes.BooleanCondition) []conditionModel {
	out := []conditionModel{}
	for _, c := range in {
		eq, ne, and, or := splitCondition(c)
		out = append(out, conditionModel{EqualTo: eq, NotEqualTo: ne, AndAll: nestedConditionsFromAPI(and), OrAll: nestedConditionsFromAPI(or)})
	}
	return out
}

func nestedConditionsFromAPI(in []awstypes.BooleanCondition) []nestedConditionModel {
	if in == nil {
		return nil
	}
	out := []nestedConditionModel{}
	for _, c := range in {
		eq, ne, and, or := splitCondition(c)
		out = append(out, nestedConditionModel{EqualTo: eq, NotEqualTo: ne, AndAll: comparisonsFromAPI(and), OrAll: comparisonsFromAPI(or)})
	}
	return out
}

// comparisonsFromAPI reads the deepest level, where the API allows no
// further compound condition.
func comparisonsFromAPI(in []awstypes.BooleanCondition) []comparisonModel {
	if in == nil {
		return nil
	}
	out := []comparisonModel{}
	for _, c := range in {
		eq, ne, _, _ := splitCondition(c)
		out = append(out, comparisonModel{EqualTo: eq, NotEqualTo: ne, AndAll: types.ListNull(tooDeepElementType), OrAll: types.ListNull(tooDeepElementType)})
	}
	return out
}

// ruleToAPI returns the CaseRuleDetails member the model sets.
func (m *caseRuleModel) ruleToAPI() awstypes.CaseRuleDetails {
	switch {
	case m.Hidden != nil:
		return &awstypes.CaseRuleDetailsMemberHidden{Value: awstypes.HiddenCaseRule{
			DefaultValue: m.Hidden.DefaultValue.ValueBoolPointer(),
			Conditions:   conditionsToAPI(nodes(m.Hidden.Conditions)),
		}}
	case m.FieldOptions != nil:
		return m.FieldOptions.toAPI()
	default:
		return &awstypes.CaseRuleDetailsMemberRequired{Value: awstypes.RequiredCaseRule{
			DefaultValue: m.Required.DefaultValue.ValueBoolPointer(),
			Conditions:   conditionsToAPI(nodes(m.Required.Conditions)),
		}}
	}
}

func (m *fieldOptionsRuleModel) toAPI() awstypes.CaseRuleDetails {
	parents := make([]string, 0, len(m.Mappings))
	for parent := range m.Mappings {
		parents = append(parents, parent)
	}
	sort.Strings(parents)
	mappings := make([]awstypes.ParentChildFieldOptionsMapping, 0, len(parents))
	for _, parent := range parents {
		mappings = append(mappings, awstypes.ParentChildFieldOptionsMapping{
			ParentFieldOptionValue: aws.String(parent),
			ChildFieldOptionValues: append([]string{}, m.Mappings[parent]...),
		})
	}
	return &awstypes.CaseRuleDetailsMemberFieldOptions{Value: awstypes.FieldOptionsCaseRule{
		ParentFieldId:                   m.ParentFieldID.ValueStringPointer(),
		ChildFieldId:                    m.ChildFieldID.ValueStringPointer(),
		ParentChildFieldOptionsMappings: mappings,
	}}
}

func fieldOptionsRuleFromAPI(r awstypes.FieldOptionsCaseRule) *fieldOptionsRuleModel {
	out := &fieldOptionsRuleModel{
		ParentFieldID: types.StringPointerValue(r.ParentFieldId),
		ChildFieldID:  types.StringPointerValue(r.ChildFieldId),
		Mappings:      map[string][]string{},
	}
	for _, m := range r.ParentChildFieldOptionsMappings {
		parent := aws.ToString(m.ParentFieldOptionValue)
		out.Mappings[parent] = append(out.Mappings[parent], m.ChildFieldOptionValues...)
	}
	for parent, children := range out.Mappings {
		if children == nil {
			out.Mappings[parent] = []string{}
		}
	}
	return out
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
	m.Required, m.Hidden, m.FieldOptions = nil, nil, nil
	switch r := rule.Rule.(type) {
	case *awstypes.CaseRuleDetailsMemberRequired:
		m.Required = &conditionalRuleModel{DefaultValue: types.BoolPointerValue(r.Value.DefaultValue), Conditions: conditionsFromAPI(r.Value.Conditions)}
	case *awstypes.CaseRuleDetailsMemberHidden:
		m.Hidden = &conditionalRuleModel{DefaultValue: types.BoolPointerValue(r.Value.DefaultValue), Conditions: conditionsFromAPI(r.Value.Conditions)}
	case *awstypes.CaseRuleDetailsMemberFieldOptions:
		m.FieldOptions = fieldOptionsRuleFromAPI(r.Value)
	default:
		return diag.Diagnostics{diag.NewErrorDiagnostic("Unsupported case rule type",
			fmt.Sprintf("%s %s is a %T rule, which this provider version does not know. Upgrade the provider, or remove the rule from Terraform (terraform state rm) and manage it elsewhere.", kindCaseRule, ruleID, rule.Rule))}
	}
	return nil
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
