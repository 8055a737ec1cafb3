package cases

import (
	"context"
	"errors"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/connectcases"
	awstypes "github.com/aws/aws-sdk-go-v2/service/connectcases/types"
	"github.com/hashicorp/terraform-plugin-framework-validators/mapvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"
)

var (
	_ resource.ResourceWithConfigure   = (*templateResource)(nil)
	_ resource.ResourceWithImportState = (*templateResource)(nil)
	_ resource.ResourceWithIdentity    = (*templateResource)(nil)
	_ resource.ResourceWithModifyPlan  = (*templateResource)(nil)
)

// NewTemplateResource returns the cases_template resource.
func NewTemplateResource() resource.Resource { return &templateResource{} }

type templateResource struct {
	taggedResource
}

func (r *templateResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_template"
}

func (r *templateResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "A case template of an Amazon Connect Cases domain: what a case of one kind captures, " +
			"which layout agents see, which fields are required and which case rules act on its fields. " +
			"Everything it references (layout, fields, case rules) must exist; reference them by attribute and Terraform orders the work. Everything but the domain changes in place. " +
			"The API refuses to delete a layout, field or case rule a template still uses; to remove one together with its use here in one apply, " +
			"give it `lifecycle { create_before_destroy = true }` so that Terraform updates the template first. " + lostAnswerNote,
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				MarkdownDescription: "`DOMAIN_ID,TEMPLATE_ID`, the import ID.",
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"domain_id": schema.StringAttribute{
				MarkdownDescription: "The ID of the domain the template belongs to. Changing it replaces the template.",
				Required:            true,
				Validators:          stringRules("cases_template.domain_id"),
				PlanModifiers:       []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"template_id": schema.StringAttribute{
				MarkdownDescription: "The unique identifier of the template, assigned by the service.",
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"template_arn": schema.StringAttribute{
				MarkdownDescription: "The ARN of the template, `arn:aws:cases:REGION:ACCOUNT:domain/DOMAIN_ID/template/TEMPLATE_ID`.",
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"name": schema.StringAttribute{
				MarkdownDescription: "The name of the template: " + rulesText("cases_template.name") + "; unique in the domain.",
				Required:            true,
				Validators:          stringRules("cases_template.name"),
			},
			"description": schema.StringAttribute{
				MarkdownDescription: "A description of the template: " + rulesText("cases_template.description") + ".",
				Optional:            true,
				Validators:          stringRules("cases_template.description"),
			},
			"status": schema.StringAttribute{
				MarkdownDescription: "`Active` or `Inactive` (default `Active`). Inactive templates cannot be used to create cases.",
				Optional:            true,
				Computed:            true,
				Default:             stringdefault.StaticString(string(awstypes.TemplateStatusActive)),
				Validators:          stringRules("cases_template.status"),
			},
			"layout_configuration": schema.SingleNestedAttribute{
				MarkdownDescription: "Which layout cases of this template show.",
				Optional:            true,
				Attributes: map[string]schema.Attribute{
					"default_layout": schema.StringAttribute{
						MarkdownDescription: "The ID of the layout (`cases_layout.x.layout_id`).",
						Required:            true,
						Validators:          stringRules("cases_template.layout_configuration.default_layout"),
					},
				},
			},
			"required_fields": schema.SetAttribute{
				MarkdownDescription: fmt.Sprintf("The IDs of the fields a case of this template must have; order does not matter. 1 to %d; leave it out for none.", maxEntries("cases_template.required_fields")),
				ElementType:         types.StringType,
				Optional:            true,
				Validators: append(setSize("cases_template.required_fields", true),
					setvalidator.ValueStringsAre(elementRules("cases_template.required_fields")...)),
			},
			"rules": schema.SetNestedAttribute{
				MarkdownDescription: fmt.Sprintf("Case rules acting on fields of this template, each a rule and the field it applies to. 1 to %d; leave it out for none.", maxEntries("cases_template.rules")),
				Optional:            true,
				Validators:          setSize("cases_template.rules", true),
				NestedObject: schema.NestedAttributeObject{
					Attributes: map[string]schema.Attribute{
						"case_rule_id": schema.StringAttribute{
							MarkdownDescription: "The ID of the case rule (`cases_case_rule.x.case_rule_id`).",
							Required:            true,
							Validators:          stringRules("cases_template.rules.case_rule_id"),
						},
						"field_id": schema.StringAttribute{
							MarkdownDescription: "The ID of the field the rule acts on. Optional in the API model; leave it out for a rule attached to no field, which the API records as the field `NULL`.",
							Optional:            true,
							Validators:          stringRules("cases_template.rules.field_id"),
						},
					},
				},
			},
			"tag_propagation": schema.ListNestedAttribute{
				MarkdownDescription: "Tags the service puts on every resource created from this template, by resource type (API member `tagPropagationConfigurations`). " +
					"Changes in place; leave it out for none.",
				Optional:   true,
				Validators: listSize("cases_template.tag_propagation", false),
				NestedObject: schema.NestedAttributeObject{
					Attributes: map[string]schema.Attribute{
						"resource_type": schema.StringAttribute{
							MarkdownDescription: "The kind of resource that receives the tags: " + rulesText("cases_template.tag_propagation.resource_type") + ".",
							Required:            true,
							Validators:          stringRules("cases_template.tag_propagation.resource_type"),
						},
						"tags": schema.MapAttribute{
							MarkdownDescription: "The tags to apply (API member `tagMap`).",
							ElementType:         types.StringType,
							Required:            true,
							Validators: []validator.Map{
								mapSize("cases_template.tag_propagation.tags"),
								mapvalidator.KeysAre(keyRules("cases_template.tag_propagation.tags")...),
								mapvalidator.ValueStringsAre(valueRules("cases_template.tag_propagation.tags")...),
							},
						},
					},
				},
			},
			"created_time": schema.StringAttribute{
				MarkdownDescription: "When the template was created, in RFC 3339 format.",
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"last_modified_time": schema.StringAttribute{
				MarkdownDescription: "When the template was created or last updated, in RFC 3339 format.",
				Computed:            true,
			},
			"tags":     tagsAttribute(),
			"tags_all": tagsAllAttribute(),
		},
	}
}

func (r *templateResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = regionalIdentitySchema(identityDomainID, identityTemplateID)
}

func (r *templateResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan templateModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	domainID, name := plan.DomainID.ValueString(), plan.Name.ValueString()
	conn := r.client.Cases
	in := &connectcases.CreateTemplateInput{
		DomainId:            aws.String(domainID),
		Name:                aws.String(name),
		Description:         plan.Description.ValueStringPointer(),
		Status:              awstypes.TemplateStatus(plan.Status.ValueString()),
		LayoutConfiguration: plan.layoutConfigurationToAPI(),
		RequiredFields:      plan.requiredFieldsToAPI(),
		Rules:               plan.rulesToAPI(),

		TagPropagationConfigurations: plan.tagPropagationToAPI(),
	}
	t, err := createOnce(ctx, namedCreate[awstypes.TemplateSummary]{
		kind:  kindTemplate,
		scope: scopeKey(conn, "domain", domainID, "templates"),
		name:  name,
		list: func(ctx context.Context) ([]awstypes.TemplateSummary, error) {
			// Both statuses: ListTemplates filters on status.
			return findTemplates(ctx, conn, domainID, []awstypes.TemplateStatus{awstypes.TemplateStatusActive, awstypes.TemplateStatusInactive})
		},
		key: func(t awstypes.TemplateSummary) string { return aws.ToString(t.Name) },
		importID: func(t awstypes.TemplateSummary) string {
			return domainChildResourceID(domainID, aws.ToString(t.TemplateId))
		},
		sameAsSent: func(t awstypes.TemplateSummary) bool {
			return in.Status == "" || t.Status == in.Status
		},
		create: func(ctx context.Context, attempts *attemptLog) (awstypes.TemplateSummary, error) {
			out, err := conn.CreateTemplate(ctx, in, attempts.casesOption)
			if err != nil {
				return awstypes.TemplateSummary{}, err
			}
			return awstypes.TemplateSummary{TemplateId: out.TemplateId, TemplateArn: out.TemplateArn, Name: in.Name, Status: in.Status}, nil
		},
	})
	if err != nil {
		addCreateError(&resp.Diagnostics, kindTemplate, "cases_template", name, err, templateErrorHint(err))
		return
	}
	templateID, arn := aws.ToString(t.TemplateId), aws.ToString(t.TemplateArn)

	plan.ID = types.StringValue(domainChildResourceID(domainID, templateID))
	plan.TemplateID = types.StringValue(templateID)
	plan.TemplateARN = types.StringValue(arn)
	plan.CreatedTime = types.StringNull()
	plan.LastModifiedTime = types.StringNull()
	r.recordIdentity(ctx, resp.Identity, arn, &resp.Diagnostics, idValue(identityDomainID, domainID), idValue(identityTemplateID, templateID))
	r.recordCreated(ctx, created{kind: kindTemplate, id: templateID, arn: arn, model: &plan, tagsAll: &plan.TagsAll}, &resp.State, &resp.Diagnostics,
		func(ctx context.Context, conn *connectcases.Client) error {
			t, err := findTemplateByID(ctx, conn, domainID, templateID)
			if err == nil {
				plan.fill(domainID, t, r.client.DefaultTags, plan.Tags.IsNull())
			}
			return err
		})
}

func templateErrorHint(err error) string {
	var (
		conflict *awstypes.ConflictException
		quota    *awstypes.ServiceQuotaExceededException
		invalid  *awstypes.ValidationException
	)
	switch {
	case errors.As(err, &conflict):
		return "Template names are unique in a domain; choose another name or import the existing template."
	case errors.As(err, &quota):
		return "A domain holds at most 100 templates unless the quota was raised."
	case errors.As(err, &invalid):
		return "A template's layout, required fields and case rules must exist in the domain and not be deleted, and a field may be required once; " +
			"reference cases_layout, cases_field and cases_case_rule resources by attribute so that Terraform creates them first."
	}
	return ""
}

func (r *templateResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state templateModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	domainID, templateID := state.DomainID.ValueString(), state.TemplateID.ValueString()
	// The identity is written before the lookup too: a state from before
	// identities has none, and Terraform wants one even when Read removes
	// the resource.
	r.recordIdentity(ctx, resp.Identity, state.TemplateARN.ValueString(), &resp.Diagnostics, idValue(identityDomainID, domainID), idValue(identityTemplateID, templateID))
	if resp.Diagnostics.HasError() {
		return
	}
	t, err := findTemplateByID(ctx, r.client.Cases, domainID, templateID)
	if IsNotFound(err) {
		tflog.Warn(ctx, "Cases template not found or deleted, removing it from state", map[string]any{"domain_id": domainID, "template_id": templateID})
		resp.State.RemoveResource(ctx)
		return
	}
	if err != nil {
		addError(&resp.Diagnostics, "reading", kindTemplate, templateID, err, "")
		return
	}
	state.fill(domainID, t, r.client.DefaultTags, state.Tags.IsNull())
	r.recordIdentity(ctx, resp.Identity, state.TemplateARN.ValueString(), &resp.Diagnostics, idValue(identityDomainID, domainID), idValue(identityTemplateID, templateID))
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

func (r *templateResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state templateModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	domainID, templateID := state.DomainID.ValueString(), state.TemplateID.ValueString()
	conn := r.client.Cases

	// UpdateTemplate leaves absent members as they are, so every member is
	// sent, empty where the configuration has none: that is how a removed
	// description, layout, required field or rule is cleared.
	input := &connectcases.UpdateTemplateInput{
		DomainId:            aws.String(domainID),
		TemplateId:          aws.String(templateID),
		Name:                plan.Name.ValueStringPointer(),
		Description:         aws.String(plan.Description.ValueString()),
		Status:              awstypes.TemplateStatus(plan.Status.ValueString()),
		LayoutConfiguration: plan.layoutConfigurationToAPI(),
		RequiredFields:      plan.requiredFieldsToAPI(),
		Rules:               plan.rulesToAPI(),

		TagPropagationConfigurations: plan.tagPropagationToAPI(),
	}
	if input.TagPropagationConfigurations == nil {
		input.TagPropagationConfigurations = []awstypes.TagPropagationConfiguration{}
	}
	if input.LayoutConfiguration == nil {
		input.LayoutConfiguration = &awstypes.LayoutConfiguration{}
	}
	if input.RequiredFields == nil {
		input.RequiredFields = []awstypes.RequiredField{}
	}
	if input.Rules == nil {
		input.Rules = []awstypes.TemplateRule{}
	}
	if _, err := conn.UpdateTemplate(ctx, input); err != nil {
		addError(&resp.Diagnostics, "updating", kindTemplate, templateID, err, templateErrorHint(err))
		return
	}
	if !updateTagsAll(ctx, conn, state.TemplateARN.ValueString(), state.TagsAll, plan.TagsAll, kindTemplate, templateID, &resp.Diagnostics) {
		return
	}
	t, err := findTemplateByID(ctx, conn, domainID, templateID)
	if err != nil {
		addError(&resp.Diagnostics, "reading", kindTemplate, templateID, err, "")
		return
	}
	plan.fill(domainID, t, r.client.DefaultTags, plan.Tags.IsNull())
	r.recordIdentity(ctx, resp.Identity, plan.TemplateARN.ValueString(), &resp.Diagnostics, idValue(identityDomainID, domainID), idValue(identityTemplateID, templateID))
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

func (r *templateResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state templateModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	domainID, templateID := state.DomainID.ValueString(), state.TemplateID.ValueString()
	conn := r.client.Cases
	err := deleteOnce(ctx, kindTemplate, templateID,
		func(ctx context.Context, attempts *attemptLog) error {
			_, err := conn.DeleteTemplate(ctx, &connectcases.DeleteTemplateInput{DomainId: aws.String(domainID), TemplateId: aws.String(templateID)}, attempts.casesOption)
			return err
		},
		func(ctx context.Context) error {
			_, err := findTemplateByID(ctx, conn, domainID, templateID)
			return err
		})
	if err == nil {
		return
	}
	addError(&resp.Diagnostics, "deleting", kindTemplate, templateID, err, "")
}

func (r *templateResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	importDomainChild(ctx, r.client, req, resp, "cases_template", "template", identityTemplateID)
}

type templateModel struct {
	ID                  types.String                      `tfsdk:"id"`
	DomainID            types.String                      `tfsdk:"domain_id"`
	TemplateID          types.String                      `tfsdk:"template_id"`
	TemplateARN         types.String                      `tfsdk:"template_arn"`
	Name                types.String                      `tfsdk:"name"`
	Description         types.String                      `tfsdk:"description"`
	Status              types.String                      `tfsdk:"status"`
	LayoutConfiguration *templateLayoutConfigurationModel `tfsdk:"layout_configuration"`
	RequiredFields      []string                          `tfsdk:"required_fields"`
	Rules               []templateRuleModel               `tfsdk:"rules"`
	TagPropagation      []tagPropagationModel             `tfsdk:"tag_propagation"`
	CreatedTime         types.String                      `tfsdk:"created_time"`
	LastModifiedTime    types.String                      `tfsdk:"last_modified_time"`
	Tags                types.Map                         `tfsdk:"tags"`
	TagsAll             types.Map                         `tfsdk:"tags_all"`
}

// tagPropagationModel is TagPropagationConfiguration.
type tagPropagationModel struct {
	ResourceType types.String      `tfsdk:"resource_type"`
	Tags         map[string]string `tfsdk:"tags"`
}

func (m *templateModel) tagPropagationToAPI() []awstypes.TagPropagationConfiguration {
	if m.TagPropagation == nil {
		return nil
	}
	out := make([]awstypes.TagPropagationConfiguration, 0, len(m.TagPropagation))
	for _, c := range m.TagPropagation {
		out = append(out, awstypes.TagPropagationConfiguration{ResourceType: awstypes.TagPropagationResourceType(c.ResourceType.ValueString()), TagMap: c.Tags})
	}
	return out
}

// tagPropagationFromAPI reads tagPropagationConfigurations; none reads as
// absent, the way it is written.
func tagPropagationFromAPI(in []awstypes.TagPropagationConfiguration) []tagPropagationModel {
	var out []tagPropagationModel
	for _, c := range in {
		tags := c.TagMap
		if tags == nil {
			tags = map[string]string{}
		}
		out = append(out, tagPropagationModel{ResourceType: types.StringValue(string(c.ResourceType)), Tags: tags})
	}
	return out
}

type templateLayoutConfigurationModel struct {
	DefaultLayout types.String `tfsdk:"default_layout"`
}

type templateRuleModel struct {
	CaseRuleID types.String `tfsdk:"case_rule_id"`
	FieldID    types.String `tfsdk:"field_id"`
}

func (m *templateModel) layoutConfigurationToAPI() *awstypes.LayoutConfiguration {
	if m.LayoutConfiguration == nil {
		return nil
	}
	return &awstypes.LayoutConfiguration{DefaultLayout: m.LayoutConfiguration.DefaultLayout.ValueStringPointer()}
}

func (m *templateModel) requiredFieldsToAPI() []awstypes.RequiredField {
	if m.RequiredFields == nil {
		return nil
	}
	out := make([]awstypes.RequiredField, 0, len(m.RequiredFields))
	for _, id := range m.RequiredFields {
		out = append(out, awstypes.RequiredField{FieldId: aws.String(id)})
	}
	return out
}

func (m *templateModel) rulesToAPI() []awstypes.TemplateRule {
	if m.Rules == nil {
		return nil
	}
	out := make([]awstypes.TemplateRule, 0, len(m.Rules))
	for _, r := range m.Rules {
		out = append(out, awstypes.TemplateRule{CaseRuleId: r.CaseRuleID.ValueStringPointer(), FieldId: r.FieldID.ValueStringPointer()})
	}
	return out
}

// fill copies a GetTemplate answer into the model. Empty lists read as
// absent, the way they are written.
func (m *templateModel) fill(domainID string, t *connectcases.GetTemplateOutput, defaultTags map[string]string, tagsWereNull bool) {
	templateID := aws.ToString(t.TemplateId)
	m.ID = types.StringValue(domainChildResourceID(domainID, templateID))
	m.DomainID = types.StringValue(domainID)
	m.TemplateID = types.StringValue(templateID)
	m.TemplateARN = types.StringValue(aws.ToString(t.TemplateArn))
	m.Name = types.StringValue(aws.ToString(t.Name))
	m.Description = optionalString(t.Description)
	m.Status = types.StringValue(string(t.Status))
	m.LayoutConfiguration = nil
	if t.LayoutConfiguration != nil && aws.ToString(t.LayoutConfiguration.DefaultLayout) != "" {
		m.LayoutConfiguration = &templateLayoutConfigurationModel{DefaultLayout: types.StringValue(aws.ToString(t.LayoutConfiguration.DefaultLayout))}
	}
	m.RequiredFields = nil
	for _, f := range t.RequiredFields {
		m.RequiredFields = append(m.RequiredFields, aws.ToString(f.FieldId))
	}
	m.Rules = nil
	for _, r := range t.Rules {
		m.Rules = append(m.Rules, templateRuleModel{CaseRuleID: types.StringValue(aws.ToString(r.CaseRuleId)), FieldID: templateRuleFieldID(r.FieldId)})
	}
	m.TagPropagation = tagPropagationFromAPI(t.TagPropagationConfigurations)
	m.CreatedTime = timeString(t.CreatedTime)
	m.LastModifiedTime = timeString(t.LastModifiedTime)
	all := tagsFromAPI(t.Tags)
	m.TagsAll = tagsValue(all, false)
	m.Tags = tagsValue(ownTags(defaultTags, all, tagKeys(m.Tags)), tagsWereNull)
}

// templateRuleFieldNone is the fieldId the API model defaults an absent
// TemplateRule.fieldId to (smithy.api#default "NULL").
const templateRuleFieldNone = "NULL"

// templateRuleFieldID reads TemplateRule.fieldId: absent, empty or the
// model's default "NULL" all mean that the rule names no field, which the
// schema represents as a null field_id. The SDK leaves a nil FieldId out of
// the request, so a null field_id is written as absent.
func templateRuleFieldID(id *string) types.String {
	if v := aws.ToString(id); v != "" && v != templateRuleFieldNone {
		return types.StringValue(v)
	}
	return types.StringNull()
}
