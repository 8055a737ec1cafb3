package cases

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/connectcases"
	awstypes "github.com/aws/aws-sdk-go-v2/service/connectcases/types"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"
)

var (
	_ resource.ResourceWithConfigure   = (*fieldResource)(nil)
	_ resource.ResourceWithImportState = (*fieldResource)(nil)
	_ resource.ResourceWithIdentity    = (*fieldResource)(nil)
	_ resource.ResourceWithModifyPlan  = (*fieldResource)(nil)

	_ resource.ResourceWithValidateConfig = (*fieldResource)(nil)
)

// NewFieldResource returns the cases_field resource.
func NewFieldResource() resource.Resource { return &fieldResource{} }

type fieldResource struct {
	taggedResource
}

func (r *fieldResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_field"
}

func (r *fieldResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "A custom field of an Amazon Connect Cases domain: one piece of information a case can hold. " +
			"Name and description change in place; a new type or domain replaces the field. " +
			"Deleting a field that a layout or template still uses fails with the API's message naming them. " +
			"The options of a `SingleSelect` field are managed by `cases_field_options`; system fields are read with the `cases_field` data source.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				MarkdownDescription: "`DOMAIN_ID,FIELD_ID`, the import ID.",
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"domain_id": schema.StringAttribute{
				MarkdownDescription: "The ID of the domain the field belongs to. Changing it replaces the field.",
				Required:            true,
				Validators:          stringRules("cases_field.domain_id"),
				PlanModifiers:       []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"field_id": schema.StringAttribute{
				MarkdownDescription: "The unique identifier of the field, assigned by the service.",
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"field_arn": schema.StringAttribute{
				MarkdownDescription: "The ARN of the field, `arn:aws:cases:REGION:ACCOUNT:domain/DOMAIN_ID/field/FIELD_ID`.",
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"name": schema.StringAttribute{
				MarkdownDescription: "The name of the field, shown to agents: " + rulesText("cases_field.name") + "; unique in the domain (system fields included).",
				Required:            true,
				Validators:          stringRules("cases_field.name"),
			},
			"type": schema.StringAttribute{
				MarkdownDescription: "The data type of the field: " + backquoted(fieldTypes()) + ". Changing it replaces the field.",
				Required:            true,
				Validators:          stringRules("cases_field.type"),
				PlanModifiers:       []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"description": schema.StringAttribute{
				MarkdownDescription: "A description of the field, shown only to administrators: " + rulesText("cases_field.description") + ".",
				Optional:            true,
				Validators:          stringRules("cases_field.description"),
			},
			"text_attributes": schema.SingleNestedAttribute{
				MarkdownDescription: "How a `Text` field is entered (API member `attributes.text`); only for fields of type `Text`, any other type fails at plan. " +
					"Changes in place: `UpdateField` takes `attributes`. Leaving it out is the same as `is_multiline = false`.",
				Optional: true,
				Attributes: map[string]schema.Attribute{
					"is_multiline": schema.BoolAttribute{
						MarkdownDescription: "Whether agents enter the value in a multi-line text box.",
						Required:            true,
					},
				},
			},
			"namespace": schema.StringAttribute{
				MarkdownDescription: "The namespace of the field: always `Custom` for fields this resource manages.",
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"created_time": schema.StringAttribute{
				MarkdownDescription: "When the field was created, in RFC 3339 format.",
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"last_modified_time": schema.StringAttribute{
				MarkdownDescription: "When the field was created or last updated, in RFC 3339 format.",
				Computed:            true,
			},
			"tags":     tagsAttribute(),
			"tags_all": tagsAllAttribute(),
		},
	}
}

// fieldTypes lists the FieldType enum the SDK knows.
func fieldTypes() []string {
	values := awstypes.FieldType("").Values()
	out := make([]string, len(values))
	for i, v := range values {
		out[i] = string(v)
	}
	return out
}

func backquoted(values []string) string {
	quoted := make([]string, len(values))
	for i, v := range values {
		quoted[i] = "`" + v + "`"
	}
	return strings.Join(quoted, ", ")
}

// ValidateConfig refuses text_attributes on a field that is not Text: the
// FieldAttributes union has only a text member, "Field attributes for Text
// field type" (API model).
func (r *fieldResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var fieldType types.String
	var text types.Object
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("type"), &fieldType)...)
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("text_attributes"), &text)...)
	if resp.Diagnostics.HasError() || fieldType.IsNull() || fieldType.IsUnknown() || text.IsNull() {
		return
	}
	if t := fieldType.ValueString(); t != string(awstypes.FieldTypeText) {
		resp.Diagnostics.AddAttributeError(path.Root("text_attributes"), "Text attributes on a field that is not Text",
			fmt.Sprintf("text_attributes apply to fields of type Text only (API shape TextAttributes); this field is of type %s. Remove text_attributes or make the field Text.", t))
	}
}

func (r *fieldResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = regionalIdentitySchema(identityDomainID, identityFieldID)
}

func (r *fieldResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan fieldModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	domainID, name := plan.DomainID.ValueString(), plan.Name.ValueString()
	conn := r.client.Cases

	input := &connectcases.CreateFieldInput{
		DomainId:    aws.String(domainID),
		Name:        aws.String(name),
		Type:        awstypes.FieldType(plan.Type.ValueString()),
		Description: plan.Description.ValueStringPointer(),
		Attributes:  plan.attributesToAPI(),
	}
	fieldID, arn, err := createField(ctx, conn, input)
	if err != nil {
		var taken *nameInUseError
		if errors.As(err, &taken) {
			next := taken.importHint("cases_field")
			if f, ok := taken.existing.(awstypes.FieldSummary); ok && f.Namespace == awstypes.FieldNamespaceSystem {
				next = fmt.Sprintf("It is the name of the system field %s, which every domain has. Choose another name.", aws.ToString(f.FieldId))
			}
			resp.Diagnostics.AddAttributeError(path.Root("name"), "Cases Field name already in use",
				fmt.Sprintf("creating %s (%s): %s\n\nField names are unique in a domain, system fields included. %s", kindField, name, err, next))
			return
		}
		var quota *awstypes.ServiceQuotaExceededException
		hint := ""
		if errors.As(err, &quota) {
			hint = "A domain holds at most 500 custom fields unless the quota was raised; delete unused fields or request a higher quota."
		}
		addError(&resp.Diagnostics, "creating", kindField, name, err, hint)
		return
	}

	plan.ID = types.StringValue(domainChildResourceID(domainID, fieldID))
	plan.FieldID = types.StringValue(fieldID)
	plan.FieldARN = types.StringValue(arn)
	plan.Namespace = types.StringValue(string(awstypes.FieldNamespaceCustom))
	plan.CreatedTime = types.StringNull()
	plan.LastModifiedTime = types.StringNull()
	r.recordIdentity(ctx, resp.Identity, arn, &resp.Diagnostics, idValue(identityDomainID, domainID), idValue(identityFieldID, fieldID))
	r.recordCreated(ctx, created{kind: kindField, id: fieldID, arn: arn, model: &plan, tagsAll: &plan.TagsAll}, &resp.State, &resp.Diagnostics,
		func(ctx context.Context, conn *connectcases.Client) error {
			f, err := findFieldByID(ctx, r.client, domainID, fieldID)
			if err == nil {
				plan.fill(domainID, f, r.client.DefaultTags, plan.Tags.IsNull())
			}
			return err
		})
}

// createField creates a field and returns its id and ARN, or adopts the
// one an ambiguous attempt of this create made (createOnce). Field names are
// unique in a domain, system fields included.
func createField(ctx context.Context, conn *connectcases.Client, in *connectcases.CreateFieldInput) (id, arn string, err error) {
	domainID := aws.ToString(in.DomainId)
	f, err := createOnce(ctx, namedCreate[awstypes.FieldSummary]{
		kind:  kindField,
		scope: scopeKey(conn, "domain", domainID, "fields"),
		name:  aws.ToString(in.Name),
		list: func(ctx context.Context) ([]awstypes.FieldSummary, error) {
			return findFields(ctx, conn, domainID, nil)
		},
		key:      func(f awstypes.FieldSummary) string { return aws.ToString(f.Name) },
		importID: func(f awstypes.FieldSummary) string { return domainChildResourceID(domainID, aws.ToString(f.FieldId)) },
		sameAsSent: func(f awstypes.FieldSummary) bool {
			return f.Namespace == awstypes.FieldNamespaceCustom && f.Type == in.Type
		},
		create: func(ctx context.Context, attempts *attemptLog) (awstypes.FieldSummary, error) {
			out, err := conn.CreateField(ctx, in, attempts.casesOption)
			if err != nil {
				return awstypes.FieldSummary{}, err
			}
			return awstypes.FieldSummary{FieldId: out.FieldId, FieldArn: out.FieldArn, Name: in.Name, Type: in.Type, Namespace: awstypes.FieldNamespaceCustom}, nil
		},
	})
	if err != nil {
		return "", "", err
	}
	return aws.ToString(f.FieldId), aws.ToString(f.FieldArn), nil
}

func (r *fieldResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state fieldModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	domainID, fieldID := state.DomainID.ValueString(), state.FieldID.ValueString()
	// The identity is written before the lookup too: a state from before
	// identities has none, and Terraform wants one even when Read removes
	// the resource.
	r.recordIdentity(ctx, resp.Identity, state.FieldARN.ValueString(), &resp.Diagnostics, idValue(identityDomainID, domainID), idValue(identityFieldID, fieldID))
	if resp.Diagnostics.HasError() {
		return
	}
	f, err := findFieldByID(ctx, r.client, domainID, fieldID)
	if IsNotFound(err) {
		tflog.Warn(ctx, "Cases field not found or deleted, removing it from state", map[string]any{"domain_id": domainID, "field_id": fieldID})
		resp.State.RemoveResource(ctx)
		return
	}
	if err != nil {
		addError(&resp.Diagnostics, "reading", kindField, fieldID, err, "")
		return
	}
	if f.Namespace == awstypes.FieldNamespaceSystem {
		resp.Diagnostics.AddError("Cannot manage a system field",
			fmt.Sprintf("%s %s (%q) in domain %s is a system field: the service owns it, and it cannot be renamed or deleted. "+
				"Read it with the cases_field data source instead; manage its options, if it is single-select, with cases_field_options.", kindField, fieldID, aws.ToString(f.Name), domainID))
		return
	}
	state.fill(domainID, f, r.client.DefaultTags, state.Tags.IsNull())
	r.recordIdentity(ctx, resp.Identity, state.FieldARN.ValueString(), &resp.Diagnostics, idValue(identityDomainID, domainID), idValue(identityFieldID, fieldID))
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

func (r *fieldResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state fieldModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	domainID, fieldID := state.DomainID.ValueString(), state.FieldID.ValueString()
	conn := r.client.Cases

	attributesChanged := multiline(plan.TextAttributes) != multiline(state.TextAttributes)
	if !plan.Name.Equal(state.Name) || !plan.Description.Equal(state.Description) || attributesChanged {
		input := &connectcases.UpdateFieldInput{DomainId: aws.String(domainID), FieldId: aws.String(fieldID)}
		if attributesChanged {
			// Removed text_attributes go back to single-line.
			input.Attributes = &awstypes.FieldAttributesMemberText{Value: awstypes.TextAttributes{IsMultiline: aws.Bool(multiline(plan.TextAttributes))}}
		}
		if !plan.Name.Equal(state.Name) {
			input.Name = plan.Name.ValueStringPointer()
		}
		if !plan.Description.Equal(state.Description) {
			// An empty description clears it: the API treats an absent
			// member as "leave as is".
			input.Description = aws.String(plan.Description.ValueString())
		}
		if _, err := conn.UpdateField(ctx, input); err != nil {
			hint := ""
			var conflict *awstypes.ConflictException
			if errors.As(err, &conflict) {
				hint = "Field names are unique in a domain, system fields included; choose another name."
			}
			addError(&resp.Diagnostics, "updating", kindField, fieldID, err, hint)
			return
		}
	}

	if !updateTagsAll(ctx, conn, state.FieldARN.ValueString(), state.TagsAll, plan.TagsAll, kindField, fieldID, &resp.Diagnostics) {
		return
	}
	f, err := findFieldByID(ctx, r.client, domainID, fieldID)
	if err != nil {
		addError(&resp.Diagnostics, "reading", kindField, fieldID, err, "")
		return
	}
	plan.fill(domainID, f, r.client.DefaultTags, plan.Tags.IsNull())
	r.recordIdentity(ctx, resp.Identity, plan.FieldARN.ValueString(), &resp.Diagnostics, idValue(identityDomainID, domainID), idValue(identityFieldID, fieldID))
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

func (r *fieldResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state fieldModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	domainID, fieldID := state.DomainID.ValueString(), state.FieldID.ValueString()
	conn := r.client.Cases
	err := deleteOnce(ctx, kindField, fieldID,
		func(ctx context.Context, attempts *attemptLog) error {
			_, err := conn.DeleteField(ctx, &connectcases.DeleteFieldInput{DomainId: aws.String(domainID), FieldId: aws.String(fieldID)}, attempts.casesOption)
			return err
		},
		func(ctx context.Context) error {
			_, err := findFieldByID(ctx, r.client, domainID, fieldID)
			return err
		})
	if err == nil {
		return
	}
	var (
		conflict *awstypes.ConflictException
		quota    *awstypes.ServiceQuotaExceededException
	)
	hint := ""
	switch {
	case errors.As(err, &conflict):
		hint = "The field is still in use (the message above says by what). Remove it from those layouts and templates first, " +
			"or let Terraform do so by making them depend on this field."
	case errors.As(err, &quota):
		hint = "The service allows at most 100 field deletions per domain."
	}
	addError(&resp.Diagnostics, "deleting", kindField, fieldID, err, hint)
}

func (r *fieldResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	importDomainChild(ctx, r.client, req, resp, "cases_field", "field", identityFieldID)
}

type fieldModel struct {
	ID               types.String         `tfsdk:"id"`
	DomainID         types.String         `tfsdk:"domain_id"`
	FieldID          types.String         `tfsdk:"field_id"`
	FieldARN         types.String         `tfsdk:"field_arn"`
	Name             types.String         `tfsdk:"name"`
	Type             types.String         `tfsdk:"type"`
	Description      types.String         `tfsdk:"description"`
	TextAttributes   *textAttributesModel `tfsdk:"text_attributes"`
	Namespace        types.String         `tfsdk:"namespace"`
	CreatedTime      types.String         `tfsdk:"created_time"`
	LastModifiedTime types.String         `tfsdk:"last_modified_time"`
	Tags             types.Map            `tfsdk:"tags"`
	TagsAll          types.Map            `tfsdk:"tags_all"`
}

// textAttributesModel is TextAttributes.
type textAttributesModel struct {
	IsMultiline types.Bool `tfsdk:"is_multiline"`
}

// multiline is what text_attributes says, absent being single-line.
func multiline(m *textAttributesModel) bool {
	return m != nil && m.IsMultiline.ValueBool()
}

func (m *fieldModel) attributesToAPI() awstypes.FieldAttributes {
	if m.TextAttributes == nil {
		return nil
	}
	return &awstypes.FieldAttributesMemberText{Value: awstypes.TextAttributes{IsMultiline: m.TextAttributes.IsMultiline.ValueBoolPointer()}}
}

// isMultilineDescription documents is_multiline in the field data sources.
const isMultilineDescription = "For a `Text` field, whether it takes several lines (API member `attributes.text.isMultiline`; `false` when the field has no text attributes); null for the other types."

// isMultilineValue is is_multiline of the field data sources: what the API
// says for a Text field, null for the others.
func isMultilineValue(fieldType awstypes.FieldType, a awstypes.FieldAttributes) types.Bool {
	if fieldType != awstypes.FieldTypeText {
		return types.BoolNull()
	}
	text, ok := a.(*awstypes.FieldAttributesMemberText)
	return types.BoolValue(ok && aws.ToBool(text.Value.IsMultiline))
}

// textAttributesFromAPI reads the text attributes of a field into what the
// configuration holds: a multi-line field always sets them; a single-line
// one (isMultiline false, or no attributes, which the service may return
// for a Text field never given any) keeps the configuration's choice of
// writing is_multiline = false or leaving the block out.
func textAttributesFromAPI(a awstypes.FieldAttributes, prior *textAttributesModel) *textAttributesModel {
	text, ok := a.(*awstypes.FieldAttributesMemberText)
	if ok && aws.ToBool(text.Value.IsMultiline) {
		return &textAttributesModel{IsMultiline: types.BoolValue(true)}
	}
	if prior != nil {
		return &textAttributesModel{IsMultiline: types.BoolValue(false)}
	}
	return nil
}

// fill copies a BatchGetField answer into the model. tags keeps only the
// resource's own tags; it stays null when it was null and nothing but
// default tags is on the field.
func (m *fieldModel) fill(domainID string, f *awstypes.GetFieldResponse, defaultTags map[string]string, tagsWereNull bool) {
	fieldID := aws.ToString(f.FieldId)
	m.ID = types.StringValue(domainChildResourceID(domainID, fieldID))
	m.DomainID = types.StringValue(domainID)
	m.FieldID = types.StringValue(fieldID)
	m.FieldARN = types.StringValue(aws.ToString(f.FieldArn))
	m.Name = types.StringValue(aws.ToString(f.Name))
	m.Type = types.StringValue(string(f.Type))
	m.Description = optionalString(f.Description)
	m.TextAttributes = textAttributesFromAPI(f.Attributes, m.TextAttributes)
	m.Namespace = types.StringValue(string(f.Namespace))
	m.CreatedTime = timeString(f.CreatedTime)
	m.LastModifiedTime = timeString(f.LastModifiedTime)
	all := tagsFromAPI(f.Tags)
	m.TagsAll = tagsValue(all, false)
	m.Tags = tagsValue(ownTags(defaultTags, all, tagKeys(m.Tags)), tagsWereNull)
}

// optionalString maps an absent or empty API string to null, the way an
// optional attribute left out of the configuration reads.
func optionalString(s *string) types.String {
	if aws.ToString(s) == "" {
		return types.StringNull()
	}
	return types.StringValue(*s)
}
