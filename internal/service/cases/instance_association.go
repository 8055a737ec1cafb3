package cases

import (
	"context"
	"errors"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/connect"
	connecttypes "github.com/aws/aws-sdk-go-v2/service/connect/types"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"
)

var (
	_ resource.ResourceWithConfigure      = (*instanceAssociationResource)(nil)
	_ resource.ResourceWithImportState    = (*instanceAssociationResource)(nil)
	_ resource.ResourceWithIdentity       = (*instanceAssociationResource)(nil)
	_ resource.ResourceWithValidateConfig = (*instanceAssociationResource)(nil)
)

// NewInstanceAssociationResource returns the cases_instance_association
// resource: the Amazon Connect integration association of type
// CASES_DOMAIN that makes a Cases domain usable from an instance.
func NewInstanceAssociationResource() resource.Resource { return &instanceAssociationResource{} }

type instanceAssociationResource struct {
	resourceBase
}

func (r *instanceAssociationResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_instance_association"
}

func (r *instanceAssociationResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Associates an Amazon Connect Cases domain with an Amazon Connect instance (a Connect integration association of type `CASES_DOMAIN`), " +
			"the step that makes a new domain usable: `CreateDomain` does not do it. An instance has at most one Cases domain; " +
			"changing either argument replaces the association.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				MarkdownDescription: "`INSTANCE_ID,ASSOCIATION_ID`, the import ID (the association ARN imports too).",
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"instance_id": schema.StringAttribute{
				MarkdownDescription: "The Amazon Connect instance: its ID or its ARN (`arn:aws:connect:REGION:ACCOUNT:instance/INSTANCE_ID`). Changing it replaces the association.",
				Required:            true,
				Validators:          stringRules("cases_instance_association.instance_id"),
				PlanModifiers:       []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"domain_arn": schema.StringAttribute{
				MarkdownDescription: "The ARN of the Cases domain, e.g. `cases_domain.main.domain_arn`. The domain must be `Active` and in the provider's account and region. Changing it replaces the association.",
				Required:            true,
				Validators:          stringRules("cases_instance_association.domain_arn"),
				PlanModifiers:       []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"association_id": schema.StringAttribute{
				MarkdownDescription: "The ID of the integration association.",
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"association_arn": schema.StringAttribute{
				MarkdownDescription: "The ARN of the integration association.",
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
		},
	}
}

// ValidateConfig checks the forms the API cannot: an instance ID or
// instance ARN, and a Cases domain ARN.
func (r *instanceAssociationResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var m instanceAssociationModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if v := m.InstanceID; !v.IsNull() && !v.IsUnknown() {
		if _, err := connectInstanceID(v.ValueString()); err != nil {
			resp.Diagnostics.AddAttributeError(path.Root("instance_id"), "Invalid Amazon Connect instance", err.Error())
		}
	}
	if v := m.DomainARN; !v.IsNull() && !v.IsUnknown() {
		if err := checkCasesDomainARN(v.ValueString()); err != nil {
			resp.Diagnostics.AddAttributeError(path.Root("domain_arn"), "Invalid Cases domain ARN", err.Error())
		}
	}
}

func (r *instanceAssociationResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = regionalIdentitySchema(identityInstanceID, identityAssociationID)
}

func (r *instanceAssociationResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan instanceAssociationModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	instanceID, err := connectInstanceID(plan.InstanceID.ValueString())
	if err != nil {
		resp.Diagnostics.AddAttributeError(path.Root("instance_id"), "Invalid Amazon Connect instance", err.Error())
		return
	}
	domainARN := plan.DomainARN.ValueString()
	conn := r.client.Connect

	association, err := createInstanceAssociation(ctx, conn, instanceID, domainARN)
	if err != nil {
		var taken *nameInUseError
		if existing, ok := asExistingAssociation(err, &taken); ok {
			alreadyAssociated(&resp.Diagnostics, instanceID, domainARN, existing)
			return
		}
		addError(&resp.Diagnostics, "creating", kindInstanceAssociation, instanceID, err, createHint(err))
		return
	}
	plan.fill(instanceID, &association)
	r.recordIdentity(ctx, resp.Identity, plan.AssociationARN.ValueString(), &resp.Diagnostics, idValue(identityInstanceID, instanceID), idValue(identityAssociationID, plan.AssociationID.ValueString()))
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

// createInstanceAssociation associates the domain with the instance, or
// adopts the association an ambiguous attempt of this create made
// (createOnce): an instance has one Cases domain, so the instance is the
// scope and the "name" both, and an association found after a lost answer
// is adopted only when it was absent before and names this domain. The SDK's
// retry of an association that landed meets DuplicateResourceException.
func createInstanceAssociation(ctx context.Context, conn *connect.Client, instanceID, domainARN string) (connecttypes.IntegrationAssociationSummary, error) {
	return createOnce(ctx, namedCreate[connecttypes.IntegrationAssociationSummary]{
		kind:  kindInstanceAssociation,
		scope: scopeKey(conn, "instance", instanceID, "cases-domain"),
		name:  instanceID,
		list: func(ctx context.Context) ([]connecttypes.IntegrationAssociationSummary, error) {
			return findCasesDomainAssociations(ctx, conn, instanceID, "")
		},
		key: func(connecttypes.IntegrationAssociationSummary) string { return instanceID },
		importID: func(a connecttypes.IntegrationAssociationSummary) string {
			return instanceAssociationID(instanceID, aws.ToString(a.IntegrationAssociationId))
		},
		sameAsSent: func(a connecttypes.IntegrationAssociationSummary) bool {
			return aws.ToString(a.IntegrationArn) == domainARN
		},
		create: func(ctx context.Context, attempts *attemptLog) (connecttypes.IntegrationAssociationSummary, error) {
			out, err := conn.CreateIntegrationAssociation(ctx, &connect.CreateIntegrationAssociationInput{
				InstanceId:      aws.String(instanceID),
				IntegrationType: connecttypes.IntegrationTypeCasesDomain,
				IntegrationArn:  aws.String(domainARN),
			}, attempts.connectOption)
			if err != nil {
				return connecttypes.IntegrationAssociationSummary{}, err
			}
			return connecttypes.IntegrationAssociationSummary{
				IntegrationAssociationId:  out.IntegrationAssociationId,
				IntegrationAssociationArn: out.IntegrationAssociationArn,
				IntegrationArn:            aws.String(domainARN),
			}, nil
		},
	})
}

// asExistingAssociation returns the association a nameInUseError names.
func asExistingAssociation(err error, taken **nameInUseError) (connecttypes.IntegrationAssociationSummary, bool) {
	if !errors.As(err, taken) {
		return connecttypes.IntegrationAssociationSummary{}, false
	}
	a, ok := (*taken).existing.(connecttypes.IntegrationAssociationSummary)
	return a, ok
}

// alreadyAssociated reports an instance that has a Cases domain already.
func alreadyAssociated(diags *diag.Diagnostics, instanceID, wantARN string, existing connecttypes.IntegrationAssociationSummary) {
	haveARN := aws.ToString(existing.IntegrationArn)
	associationID := aws.ToString(existing.IntegrationAssociationId)
	importHint := fmt.Sprintf("terraform import cases_instance_association.NAME %s", instanceAssociationID(instanceID, associationID))
	if haveARN == wantARN {
		diags.AddError("Cases domain already associated",
			fmt.Sprintf("Amazon Connect instance %s is already associated with the Cases domain %s (integration association %s), outside this configuration.\n\n"+
				"Import it to manage it here: %s", instanceID, haveARN, associationID, importHint))
		return
	}
	diags.AddError("Amazon Connect instance already has a Cases domain",
		fmt.Sprintf("Amazon Connect instance %s is already associated with the Cases domain %s (integration association %s); an instance can have only one Cases domain, so %s cannot be associated.\n\n"+
			"Remove that association first (if Terraform manages it, change its domain_arn instead, which replaces it), or import it: %s",
			instanceID, haveARN, associationID, wantARN, importHint))
}

// createHint explains the refusals CreateIntegrationAssociation answers.
func createHint(err error) string {
	var invalid *connecttypes.InvalidRequestException
	switch {
	case IsNotFound(err):
		return "The instance and the domain must both exist in the provider's account and region."
	case errors.As(err, &invalid):
		return "The domain must be Active (a cases_domain resource waits for that) and in the instance's account and region, and the instance must be ACTIVE."
	}
	return ""
}

func (r *instanceAssociationResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state instanceAssociationModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	instanceID, err := connectInstanceID(state.InstanceID.ValueString())
	if err != nil {
		resp.Diagnostics.AddAttributeError(path.Root("instance_id"), "Invalid Amazon Connect instance in state", err.Error())
		return
	}
	associationID := state.AssociationID.ValueString()
	// The identity is written before the lookup too: a state from before
	// identities has none, and Terraform wants one even when Read removes
	// the resource.
	r.recordIdentity(ctx, resp.Identity, state.AssociationARN.ValueString(), &resp.Diagnostics, idValue(identityInstanceID, instanceID), idValue(identityAssociationID, associationID))
	if resp.Diagnostics.HasError() {
		return
	}
	// After an import by INSTANCE_ID,ASSOCIATION_ID the domain is not known
	// yet: look among all CASES_DOMAIN associations of the instance.
	found, err := findInstanceAssociation(ctx, r.client.Connect, instanceID, associationID, state.DomainARN.ValueString())
	if IsNotFound(err) {
		tflog.Warn(ctx, "Cases instance association not found (or its instance is gone), removing it from state", map[string]any{
			"instance_id": instanceID, "association_id": associationID,
		})
		resp.State.RemoveResource(ctx)
		return
	}
	if err != nil {
		addError(&resp.Diagnostics, "reading", kindInstanceAssociation, instanceAssociationID(instanceID, associationID), err, "")
		return
	}
	state.fill(instanceID, found)
	r.recordIdentity(ctx, resp.Identity, state.AssociationARN.ValueString(), &resp.Diagnostics, idValue(identityInstanceID, instanceID), idValue(identityAssociationID, associationID))
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

// Update is never called: every argument requires replacement.
func (r *instanceAssociationResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	resp.Diagnostics.AddError("Update not supported", "Every argument of cases_instance_association requires replacement. This is a bug in the provider; please report it.")
}

func (r *instanceAssociationResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state instanceAssociationModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	instanceID, err := connectInstanceID(state.InstanceID.ValueString())
	if err != nil {
		resp.Diagnostics.AddAttributeError(path.Root("instance_id"), "Invalid Amazon Connect instance in state", err.Error())
		return
	}
	associationID := state.AssociationID.ValueString()
	conn := r.client.Connect
	err = deleteOnce(ctx, kindInstanceAssociation, associationID,
		func(ctx context.Context, attempts *attemptLog) error {
			_, err := conn.DeleteIntegrationAssociation(ctx, &connect.DeleteIntegrationAssociationInput{
				InstanceId:               aws.String(instanceID),
				IntegrationAssociationId: aws.String(associationID),
			}, attempts.connectOption)
			return err
		},
		func(ctx context.Context) error {
			_, err := findInstanceAssociation(ctx, conn, instanceID, associationID, state.DomainARN.ValueString())
			return err
		})
	if err == nil {
		// Gone, by this delete, with its instance or by hand.
		return
	}
	addError(&resp.Diagnostics, "deleting", kindInstanceAssociation, instanceAssociationID(instanceID, associationID), err, "")
}

func (r *instanceAssociationResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	var instanceID, associationID string
	if ids, byIdentity := identityImport(ctx, r.client, req, &resp.Diagnostics, identityInstanceID, identityAssociationID); byIdentity {
		if resp.Diagnostics.HasError() {
			return
		}
		instanceID, associationID = ids[0], ids[1]
	} else {
		region := ""
		if r.client != nil {
			region = r.client.Region
		}
		var err error
		if instanceID, associationID, err = instanceAssociationIDsFromImportID(req.ID, region); err != nil {
			resp.Diagnostics.AddError("Invalid import ID for cases_instance_association", err.Error())
			return
		}
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), instanceAssociationID(instanceID, associationID))...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("instance_id"), instanceID)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("association_id"), associationID)...)
}

type instanceAssociationModel struct {
	ID             types.String `tfsdk:"id"`
	InstanceID     types.String `tfsdk:"instance_id"`
	DomainARN      types.String `tfsdk:"domain_arn"`
	AssociationID  types.String `tfsdk:"association_id"`
	AssociationARN types.String `tfsdk:"association_arn"`
}

// fill copies an association into the model. instance_id keeps the form
// the configuration gave (ID or ARN); the id uses the instance ID.
func (m *instanceAssociationModel) fill(instanceID string, a *connecttypes.IntegrationAssociationSummary) {
	associationID := aws.ToString(a.IntegrationAssociationId)
	m.ID = types.StringValue(instanceAssociationID(instanceID, associationID))
	m.AssociationID = types.StringValue(associationID)
	m.AssociationARN = types.StringValue(aws.ToString(a.IntegrationAssociationArn))
	m.DomainARN = types.StringValue(aws.ToString(a.IntegrationArn))
	if m.InstanceID.IsNull() || m.InstanceID.IsUnknown() {
		m.InstanceID = types.StringValue(instanceID)
	}
}
