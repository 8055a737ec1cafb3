package cases

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/connectcases"
	awstypes "github.com/aws/aws-sdk-go-v2/service/connectcases/types"
	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/connect-cases/terraform-provider-cases/internal/validators"
)

var (
	_ resource.ResourceWithConfigure    = (*fieldOptionsResource)(nil)
	_ resource.ResourceWithImportState  = (*fieldOptionsResource)(nil)
	_ resource.ResourceWithIdentity     = (*fieldOptionsResource)(nil)
	_ resource.ResourceWithModifyPlan   = (*fieldOptionsResource)(nil)
	_ resource.ResourceWithUpgradeState = (*fieldOptionsResource)(nil)
)

// putFieldOptionsBatchSize is the most options one BatchPutFieldOptions
// takes (BatchPutFieldOptionsRequest.options in the API model).
var putFieldOptionsBatchSize = int(validators.CasesMaxEntries("BatchPutFieldOptionsRequest", "options"))

const (
	// maxOptionsPerField is the Cases quota of options per single-select
	// field, active and inactive together (adjustable; the plan-time check
	// uses the default).
	maxOptionsPerField = 500
)

// NewFieldOptionsResource returns the cases_field_options resource.
func NewFieldOptionsResource() resource.Resource { return &fieldOptionsResource{} }

type fieldOptionsResource struct {
	resourceBase
}

func (r *fieldOptionsResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_field_options"
}

func (r *fieldOptionsResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		Version: 1,
		MarkdownDescription: "The whole option list of one `SingleSelect` field of an Amazon Connect Cases domain. " +
			"Apply makes the field's options exactly the declared list: new options are created, changed ones updated, " +
			"and options no longer declared are made inactive (the API never deletes an option; inactive options stay on existing cases " +
			"but can no longer be chosen). Options changed outside Terraform show up as drift. Destroy makes every option inactive. " +
			"Only `SingleSelect` fields have options: a plan for another type fails. The system field `status` keeps its options " +
			"`open` and `closed`, which must stay declared, named `Open` and `Closed`, and active.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				MarkdownDescription: "`DOMAIN_ID,FIELD_ID`, the import ID.",
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"domain_id": schema.StringAttribute{
				MarkdownDescription: "The ID of the domain. Changing it replaces the resource.",
				Required:            true,
				Validators:          stringRules("cases_field_options.domain_id"),
				PlanModifiers:       []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"field_id": schema.StringAttribute{
				MarkdownDescription: "The ID of a `SingleSelect` field of the domain, custom (`cases_field.x.field_id`) or system (`case_reason`, `status`). Changing it replaces the resource.",
				Required:            true,
				Validators:          stringRules("cases_field_options.field_id"),
				PlanModifiers:       []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"options": schema.SetNestedAttribute{
				MarkdownDescription: fmt.Sprintf("The options of the field, each once by `value`, as a set: the API gives options no position "+
					"(BatchPutFieldOptions takes none, ListFieldOptions returns them in the order they were created), so the order they are written in means nothing and a reorder plans no change. "+
					"An option left out is made inactive. At most %d, counting the inactive options the API keeps.", maxOptionsPerField),
				Required: true,
				Validators: []validator.Set{
					setvalidator.SizeAtMost(maxOptionsPerField),
					validators.UniqueNestedString("value"),
				},
				NestedObject: schema.NestedAttributeObject{
					Attributes: map[string]schema.Attribute{
						"name": schema.StringAttribute{
							MarkdownDescription: "The label agents see: " + rulesText("cases_field_options.options.name") + ".",
							Required:            true,
							Validators:          stringRules("cases_field_options.options.name"),
						},
						"value": schema.StringAttribute{
							MarkdownDescription: "The value stored on cases: " + rulesText("cases_field_options.options.value") + "; unique in the field. Changing it makes a new option (and the old value inactive).",
							Required:            true,
							Validators:          stringRules("cases_field_options.options.value"),
						},
						"active": schema.BoolAttribute{
							// Not Optional+Computed with a default: a default
							// inside a set element changes the element's
							// identity while planning (terraform-plugin-framework
							// issue 783). Null means active, as written.
							MarkdownDescription: "Whether agents can choose the option; leave it out (null) for an active option, set `false` to make it inactive.",
							Optional:            true,
						},
					},
				},
			},
		},
	}
}

// ModifyPlan fails a plan for a field that cannot have options, as soon as
// the field is known: an existing field named by ID, or one already in
// state. A field created in the same apply is checked when it exists, before
// any option is written.
func (r *fieldOptionsResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() || r.client == nil {
		return
	}
	if !req.State.Raw.IsNull() && req.Plan.Raw.Equal(req.State.Raw) {
		return
	}
	var domainID, fieldID types.String
	resp.Diagnostics.Append(req.Plan.GetAttribute(ctx, path.Root("domain_id"), &domainID)...)
	resp.Diagnostics.Append(req.Plan.GetAttribute(ctx, path.Root("field_id"), &fieldID)...)
	if resp.Diagnostics.HasError() || domainID.IsUnknown() || fieldID.IsUnknown() || domainID.IsNull() || fieldID.IsNull() {
		return
	}
	f, err := findFieldByID(ctx, r.client, domainID.ValueString(), fieldID.ValueString())
	if IsNotFound(err) {
		resp.Diagnostics.AddAttributeError(path.Root("field_id"), "Cases Field not found",
			fmt.Sprintf("Field %s does not exist in Cases domain %s (or it is deleted), so it cannot take options. Check field_id, or refer to a cases_field resource.",
				fieldID.ValueString(), domainID.ValueString()))
		return
	}
	if err != nil {
		resp.Diagnostics.AddWarning("Could not check the field's type",
			fmt.Sprintf("Reading %s %s to check that it is SingleSelect failed: %s. Apply checks it again before writing options.", kindField, fieldID.ValueString(), err))
		return
	}
	if d := notSingleSelect(f, domainID.ValueString()); d != nil {
		resp.Diagnostics.Append(d)
	}
}

// notSingleSelect is the error for options on a field of another type.
func notSingleSelect(f *awstypes.GetFieldResponse, domainID string) diag.Diagnostic {
	if f.Type == awstypes.FieldTypeSingleSelect {
		return nil
	}
	return diag.NewAttributeErrorDiagnostic(path.Root("field_id"), "Field is not single-select",
		fmt.Sprintf("Field %q (%s) in Cases domain %s is of type %s. Only fields of type SingleSelect have options: "+
			"point field_id at a SingleSelect field, change the field's type to SingleSelect (which replaces the field), or remove this cases_field_options resource.",
			aws.ToString(f.Name), aws.ToString(f.FieldId), domainID, f.Type))
}

func (r *fieldOptionsResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = regionalIdentitySchema(identityDomainID, identityFieldID)
}

func (r *fieldOptionsResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan fieldOptionsModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	r.apply(ctx, &plan, &resp.State, resp.Identity, &resp.Diagnostics)
}

func (r *fieldOptionsResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan fieldOptionsModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	r.apply(ctx, &plan, &resp.State, resp.Identity, &resp.Diagnostics)
}

// apply makes the field's options the declared list, then records what the
// API holds. Once anything was written, state is recorded even when a later
// step fails, so that it shows what the field really has.
func (r *fieldOptionsResource) apply(ctx context.Context, plan *fieldOptionsModel, state *tfsdk.State, identity *tfsdk.ResourceIdentity, diags *diag.Diagnostics) {
	conn := r.client.Cases
	domainID, fieldID := plan.DomainID.ValueString(), plan.FieldID.ValueString()
	id := domainChildResourceID(domainID, fieldID)

	f, err := findFieldByID(ctx, r.client, domainID, fieldID)
	if err != nil {
		addError(diags, "reading the field of", kindFieldOptions, id, err, "")
		return
	}
	if d := notSingleSelect(f, domainID); d != nil {
		diags.Append(d)
		return
	}
	r.recordIdentity(ctx, identity, aws.ToString(f.FieldArn), diags, idValue(identityDomainID, domainID), idValue(identityFieldID, fieldID))
	current, err := findFieldOptions(ctx, conn, domainID, fieldID)
	if err != nil {
		addError(diags, "listing", kindFieldOptions, id, err, "")
		return
	}
	puts := optionPuts(plan.Options, current)
	tflog.Debug(ctx, "putting Cases field options", map[string]any{"domain_id": domainID, "field_id": fieldID, "changes": len(puts), "declared": len(plan.Options)})
	var refused []string
	for batch := range slices.Chunk(puts, putFieldOptionsBatchSize) {
		out, err := conn.BatchPutFieldOptions(ctx, &connectcases.BatchPutFieldOptionsInput{
			DomainId: aws.String(domainID), FieldId: aws.String(fieldID), Options: batch,
		})
		if err != nil {
			hint := ""
			var quota *awstypes.ServiceQuotaExceededException
			if errors.As(err, &quota) {
				hint = fmt.Sprintf("Options are never deleted, so inactive ones count too: a field holds at most %d unless the quota was raised.", maxOptionsPerField)
			}
			addError(diags, "putting", kindFieldOptions, id, err, hint)
			break
		}
		for _, e := range out.Errors {
			refused = append(refused, fmt.Sprintf("  %s: %s (%s)", aws.ToString(e.Value), aws.ToString(e.Message), aws.ToString(e.ErrorCode)))
		}
	}
	if len(refused) > 0 {
		diags.AddError("Cases refused some field options",
			fmt.Sprintf("putting %s (%s): the API refused these options:\n%s\n\nDeclare them as the API holds them (the system field status keeps open and closed, active).", kindFieldOptions, id, strings.Join(refused, "\n")))
	}

	after, err := findFieldOptions(ctx, conn, domainID, fieldID)
	if err != nil {
		addError(diags, "reading", kindFieldOptions, id, err, "")
		return
	}
	plan.ID = types.StringValue(id)
	plan.Options = optionsState(plan.Options, after)
	diags.Append(state.Set(ctx, plan)...)
}

func (r *fieldOptionsResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state fieldOptionsModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	domainID, fieldID := state.DomainID.ValueString(), state.FieldID.ValueString()
	id := domainChildResourceID(domainID, fieldID)
	// The identity is written before the lookup too: a state from before
	// identities has none, and Terraform wants one even when Read removes
	// the resource. A field's options have no ARN; the field's names the
	// account.
	r.recordIdentity(ctx, resp.Identity, "", &resp.Diagnostics, idValue(identityDomainID, domainID), idValue(identityFieldID, fieldID))
	if resp.Diagnostics.HasError() {
		return
	}
	f, err := findFieldByID(ctx, r.client, domainID, fieldID)
	if IsNotFound(err) {
		tflog.Warn(ctx, "Cases field not found or deleted, removing its options from state", map[string]any{"domain_id": domainID, "field_id": fieldID})
		resp.State.RemoveResource(ctx)
		return
	}
	if err != nil {
		addError(&resp.Diagnostics, "reading the field of", kindFieldOptions, id, err, "")
		return
	}
	if d := notSingleSelect(f, domainID); d != nil {
		resp.Diagnostics.Append(d)
		return
	}
	r.recordIdentity(ctx, resp.Identity, aws.ToString(f.FieldArn), &resp.Diagnostics, idValue(identityDomainID, domainID), idValue(identityFieldID, fieldID))
	options, err := findFieldOptions(ctx, r.client.Cases, domainID, fieldID)
	if IsNotFound(err) {
		resp.State.RemoveResource(ctx)
		return
	}
	if err != nil {
		addError(&resp.Diagnostics, "reading", kindFieldOptions, id, err, "")
		return
	}
	state.ID = types.StringValue(id)
	state.Options = optionsState(state.Options, options)
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

// Delete makes every active option inactive: the API cannot delete options.
func (r *fieldOptionsResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state fieldOptionsModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	conn := r.client.Cases
	domainID, fieldID := state.DomainID.ValueString(), state.FieldID.ValueString()
	id := domainChildResourceID(domainID, fieldID)
	// A deleted field takes no option changes and needs none.
	if _, err := findFieldByID(ctx, r.client, domainID, fieldID); IsNotFound(err) {
		return
	} else if err != nil {
		addError(&resp.Diagnostics, "reading the field of", kindFieldOptions, id, err, "")
		return
	}
	current, err := findFieldOptions(ctx, conn, domainID, fieldID)
	if IsNotFound(err) {
		return
	}
	if err != nil {
		addError(&resp.Diagnostics, "listing", kindFieldOptions, id, err, "")
		return
	}
	puts := optionPuts(nil, current)
	for batch := range slices.Chunk(puts, putFieldOptionsBatchSize) {
		out, err := conn.BatchPutFieldOptions(ctx, &connectcases.BatchPutFieldOptionsInput{
			DomainId: aws.String(domainID), FieldId: aws.String(fieldID), Options: batch,
		})
		if IsNotFound(err) {
			return
		}
		if err != nil {
			addError(&resp.Diagnostics, "making inactive the options of", kindFieldOptions, id, err, "")
			return
		}
		for _, e := range out.Errors {
			// The fixed options of system fields stay active; nothing to do.
			resp.Diagnostics.AddWarning("Field option kept active",
				fmt.Sprintf("Option %s of field %s stays active: %s", aws.ToString(e.Value), fieldID, aws.ToString(e.Message)))
		}
	}
}

func (r *fieldOptionsResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	importDomainChild(ctx, r.client, req, resp, "cases_field_options", "field", identityFieldID)
}

// optionPuts returns the BatchPutFieldOptions entries that turn the options
// the API holds (current) into the declared list: every declared option that
// is new or differs, in declared order, then every active option that is
// not declared, made inactive. Options already as declared are left out, so
// an apply without changes makes no call.
func optionPuts(declared []fieldOptionModel, current []awstypes.FieldOption) []awstypes.FieldOption {
	byValue := make(map[string]awstypes.FieldOption, len(current))
	for _, o := range current {
		byValue[aws.ToString(o.Value)] = o
	}
	var puts []awstypes.FieldOption
	wanted := make(map[string]bool, len(declared))
	for _, d := range declared {
		value, name, active := d.Value.ValueString(), d.Name.ValueString(), d.isActive()
		wanted[value] = true
		if o, ok := byValue[value]; ok && aws.ToString(o.Name) == name && aws.ToBool(o.Active) == active {
			continue
		}
		puts = append(puts, awstypes.FieldOption{Name: aws.String(name), Value: aws.String(value), Active: aws.Bool(active)})
	}
	for _, o := range current {
		if !wanted[aws.ToString(o.Value)] && aws.ToBool(o.Active) {
			puts = append(puts, awstypes.FieldOption{Name: o.Name, Value: o.Value, Active: aws.Bool(false)})
		}
	}
	return puts
}

// optionsState is the options attribute for what the API holds: the
// options of prior (the plan or the last state) that the API still has, as
// the API has them, then every other active option, which shows options
// added outside Terraform as drift. Inactive options that prior does not
// list are left out: they are what removing an option leaves behind, and
// the API keeps them forever. An active option reads as prior wrote it
// (null or true); one prior does not list reads as null.
func optionsState(prior []fieldOptionModel, api []awstypes.FieldOption) []fieldOptionModel {
	priorByValue := make(map[string]fieldOptionModel, len(prior))
	for _, p := range prior {
		priorByValue[p.Value.ValueString()] = p
	}
	out := make([]fieldOptionModel, 0, len(api))
	for _, o := range api {
		p, declared := priorByValue[aws.ToString(o.Value)]
		if !declared && !aws.ToBool(o.Active) {
			continue
		}
		m := fieldOptionModel{
			Name:   types.StringValue(aws.ToString(o.Name)),
			Value:  types.StringValue(aws.ToString(o.Value)),
			Active: types.BoolNull(),
		}
		if !aws.ToBool(o.Active) || (declared && !p.Active.IsNull() && p.Active.ValueBool()) {
			m.Active = types.BoolValue(aws.ToBool(o.Active))
		}
		out = append(out, m)
	}
	return out
}

type fieldOptionsModel struct {
	ID       types.String       `tfsdk:"id"`
	DomainID types.String       `tfsdk:"domain_id"`
	FieldID  types.String       `tfsdk:"field_id"`
	Options  []fieldOptionModel `tfsdk:"options"`
}

type fieldOptionModel struct {
	Name   types.String `tfsdk:"name"`
	Value  types.String `tfsdk:"value"`
	Active types.Bool   `tfsdk:"active"`
}

// isActive reads active: null (left out) means active.
func (o fieldOptionModel) isActive() bool {
	return o.Active.IsNull() || o.Active.IsUnknown() || o.Active.ValueBool()
}

// UpgradeState moves state of schema version 0, where options was a list
// and active defaulted to true, to version 1: a set, and null for active.
// Without it the first plan after an upgrade would show every active
// option changing from true to null.
func (r *fieldOptionsResource) UpgradeState(context.Context) map[int64]resource.StateUpgrader {
	optionV0 := schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
		"name":   schema.StringAttribute{Required: true},
		"value":  schema.StringAttribute{Required: true},
		"active": schema.BoolAttribute{Optional: true, Computed: true},
	}}
	return map[int64]resource.StateUpgrader{
		0: {
			PriorSchema: &schema.Schema{Attributes: map[string]schema.Attribute{
				"id":        schema.StringAttribute{Computed: true},
				"domain_id": schema.StringAttribute{Required: true},
				"field_id":  schema.StringAttribute{Required: true},
				"options":   schema.ListNestedAttribute{Required: true, NestedObject: optionV0},
			}},
			StateUpgrader: func(ctx context.Context, req resource.UpgradeStateRequest, resp *resource.UpgradeStateResponse) {
				var state fieldOptionsModel
				resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
				if resp.Diagnostics.HasError() {
					return
				}
				for i, o := range state.Options {
					if o.isActive() {
						state.Options[i].Active = types.BoolNull()
					}
				}
				resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
			},
		},
	}
}
