package cases

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/connectcases"
	awstypes "github.com/aws/aws-sdk-go-v2/service/connectcases/types"
	"github.com/aws/smithy-go/middleware"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/connect-cases/terraform-provider-cases/internal/conns"
	"github.com/connect-cases/terraform-provider-cases/internal/validators"
)

var (
	_ resource.ResourceWithConfigure   = (*fieldResource)(nil)
	_ resource.ResourceWithImportState = (*fieldResource)(nil)
	_ resource.ResourceWithModifyPlan  = (*fieldResource)(nil)
)

// NewFieldResource returns the cases_field resource.
func NewFieldResource() resource.Resource { return &fieldResource{} }

type fieldResource struct {
	client *conns.Client
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
				Validators:          []validator.String{stringvalidator.LengthBetween(1, 500)},
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
				MarkdownDescription: "The name of the field, shown to agents: 1 to 100 characters, a single line not ending with white space, unique in the domain (system fields included).",
				Required:            true,
				Validators:          fieldNameValidators(),
			},
			"type": schema.StringAttribute{
				MarkdownDescription: "The data type of the field: " + backquoted(fieldTypes()) + ". Changing it replaces the field.",
				Required:            true,
				Validators:          []validator.String{stringvalidator.OneOf(fieldTypes()...)},
				PlanModifiers:       []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"description": schema.StringAttribute{
				MarkdownDescription: "A description of the field, 1 to 255 characters, shown only to administrators.",
				Optional:            true,
				Validators:          []validator.String{stringvalidator.LengthBetween(1, 255)},
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

func fieldNameValidators() []validator.String {
	return []validator.String{
		stringvalidator.LengthBetween(1, 100),
		validators.APIName(),
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

func (r *fieldResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.client = clientFrom(req.ProviderData, &resp.Diagnostics)
}

func (r *fieldResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	planTagsAll(ctx, r.client, req.Plan, resp)
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
	}
	fieldID, arn, err := createField(ctx, conn, input)
	if err != nil {
		var taken *fieldNameTakenError
		if errors.As(err, &taken) {
			next := fmt.Sprintf("Choose another name, or bring the existing field under Terraform:\n  terraform import <resource address> %s,%s", domainID, taken.existingID)
			if taken.system {
				next = fmt.Sprintf("It is the name of the system field %s, which every domain has. Choose another name.", taken.existingID)
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

	// Record the field before anything else can fail, so that an error or
	// an interrupt from here on leaves a tainted resource, never an orphan.
	wantTags := tagsFromValue(ctx, plan.TagsAll, &resp.Diagnostics)
	plan.ID = types.StringValue(domainChildResourceID(domainID, fieldID))
	plan.FieldID = types.StringValue(fieldID)
	plan.FieldARN = types.StringValue(arn)
	plan.Namespace = types.StringValue(string(awstypes.FieldNamespaceCustom))
	plan.CreatedTime = types.StringNull()
	plan.LastModifiedTime = types.StringNull()
	plan.TagsAll = tagsValue(nil, false)
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}

	if !tagCreated(ctx, conn, arn, wantTags, kindField, fieldID, &resp.Diagnostics) {
		return
	}
	plan.TagsAll = tagsValue(wantTags, false)
	f, err := findFieldByID(ctx, r.client, domainID, fieldID)
	if err != nil {
		addError(&resp.Diagnostics, "reading", kindField, fieldID, err, taintedHint(kindField))
		resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
		return
	}
	plan.fill(domainID, f, r.client.DefaultTags, plan.Tags.IsNull())
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

// createLookupTimeout bounds the search for a create that may have landed.
const createLookupTimeout = 2 * time.Minute

// fieldNameTakenError says that another field already has the name.
type fieldNameTakenError struct {
	name       string
	existingID string
	system     bool // the name is a system field's
}

func (e *fieldNameTakenError) Error() string {
	return fmt.Sprintf("a field named %q already exists (field id %s)", e.name, e.existingID)
}

// createField creates a field and returns its id and ARN.
//
// CreateField takes no idempotency token, and field names are unique in a
// domain. When the answer to an attempt is lost (a 5xx, a dropped
// connection) the SDK retries, and a retry meets ConflictException if the
// lost attempt created the field. So the name is looked up, and a field
// found adopted, after a conflict on a retry or after any failure that may
// have landed; a conflict on the first attempt is a name already in use.
// Unlike a lookup before every create, this costs ListFields pages only when
// something went wrong.
func createField(ctx context.Context, conn *connectcases.Client, in *connectcases.CreateFieldInput) (id, arn string, err error) {
	attempts := 0
	out, createErr := conn.CreateField(ctx, in, countAttempts(&attempts))
	if createErr == nil {
		return aws.ToString(out.FieldId), aws.ToString(out.FieldArn), nil
	}
	var conflict *awstypes.ConflictException
	isConflict := errors.As(createErr, &conflict)
	if !isConflict && !createMayHaveLanded(createErr) {
		return "", "", createErr
	}
	// Look even when ctx is already canceled: a field that landed and is
	// not recorded would be orphaned.
	lookupCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), createLookupTimeout)
	defer cancel()
	domainID, name := aws.ToString(in.DomainId), aws.ToString(in.Name)
	found, err := findFieldsByName(lookupCtx, conn, domainID, name)
	if err != nil {
		return "", "", fmt.Errorf("%w (and looking up whether the name is taken failed: %v)", createErr, err)
	}
	if len(found) == 0 {
		return "", "", createErr
	}
	existing := found[0]
	taken := &fieldNameTakenError{name: name, existingID: aws.ToString(existing.FieldId), system: existing.Namespace == awstypes.FieldNamespaceSystem}
	if isConflict && attempts <= 1 {
		return "", "", taken
	}
	if existing.Namespace != awstypes.FieldNamespaceCustom || existing.Type != in.Type {
		// Not what this create asked for: someone else's field.
		return "", "", taken
	}
	tflog.Warn(ctx, "CreateField failed ambiguously but the field exists; adopting it", map[string]any{
		"domain_id": domainID, "name": name, "field_id": aws.ToString(existing.FieldId), "attempts": attempts, "create_error": createErr.Error(),
	})
	return aws.ToString(existing.FieldId), aws.ToString(existing.FieldArn), nil
}

// countAttempts counts the HTTP attempts of one call, retries included: the
// middleware runs in the finalize step after the SDK's retry middleware, so
// once per attempt.
func countAttempts(n *int) func(*connectcases.Options) {
	return func(o *connectcases.Options) {
		o.APIOptions = append(o.APIOptions, func(stack *middleware.Stack) error {
			return stack.Finalize.Add(middleware.FinalizeMiddlewareFunc("CasesCountAttempts",
				func(ctx context.Context, in middleware.FinalizeInput, next middleware.FinalizeHandler) (middleware.FinalizeOutput, middleware.Metadata, error) {
					*n++
					return next.HandleFinalize(ctx, in)
				}), middleware.After)
		})
	}
}

func (r *fieldResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state fieldModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	domainID, fieldID := state.DomainID.ValueString(), state.FieldID.ValueString()
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

	if !plan.Name.Equal(state.Name) || !plan.Description.Equal(state.Description) {
		input := &connectcases.UpdateFieldInput{DomainId: aws.String(domainID), FieldId: aws.String(fieldID)}
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
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

func (r *fieldResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state fieldModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	domainID, fieldID := state.DomainID.ValueString(), state.FieldID.ValueString()
	// A delete that the service committed but answered with an error is
	// retried by the SDK and then meets "not found": that is success.
	_, err := r.client.Cases.DeleteField(ctx, &connectcases.DeleteFieldInput{DomainId: aws.String(domainID), FieldId: aws.String(fieldID)})
	if err == nil || IsNotFound(err) {
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
	importDomainChild(ctx, r.client, req, resp, "cases_field", "field", "field_id")
}

type fieldModel struct {
	ID               types.String `tfsdk:"id"`
	DomainID         types.String `tfsdk:"domain_id"`
	FieldID          types.String `tfsdk:"field_id"`
	FieldARN         types.String `tfsdk:"field_arn"`
	Name             types.String `tfsdk:"name"`
	Type             types.String `tfsdk:"type"`
	Description      types.String `tfsdk:"description"`
	Namespace        types.String `tfsdk:"namespace"`
	CreatedTime      types.String `tfsdk:"created_time"`
	LastModifiedTime types.String `tfsdk:"last_modified_time"`
	Tags             types.Map    `tfsdk:"tags"`
	TagsAll          types.Map    `tfsdk:"tags_all"`
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
