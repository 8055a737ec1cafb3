package cases

import (
	"context"
	"fmt"

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
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"
)

var (
	_ resource.ResourceWithConfigure   = (*caseEventConfigurationResource)(nil)
	_ resource.ResourceWithImportState = (*caseEventConfigurationResource)(nil)
)

// NewCaseEventConfigurationResource returns the
// cases_case_event_configuration resource.
func NewCaseEventConfigurationResource() resource.Resource { return &caseEventConfigurationResource{} }

type caseEventConfigurationResource struct {
	resourceBase
}

func (r *caseEventConfigurationResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_case_event_configuration"
}

func (r *caseEventConfigurationResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "The case event configuration of an Amazon Connect Cases domain: whether case events go to Amazon EventBridge, and what they carry. " +
			"A domain has exactly one; declare at most one of these per domain. Destroying it turns event publishing off.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				MarkdownDescription: "The domain ID, the import ID (a domain ARN imports too).",
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"domain_id": schema.StringAttribute{
				MarkdownDescription: "The ID of the domain. Changing it replaces the configuration.",
				Required:            true,
				Validators:          stringRules("cases_case_event_configuration.domain_id"),
				PlanModifiers:       []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"enabled": schema.BoolAttribute{
				MarkdownDescription: "Whether case events are published to EventBridge.",
				Required:            true,
			},
			"case_field_ids": schema.SetAttribute{
				MarkdownDescription: fmt.Sprintf("The IDs of the case fields whose values events include; order does not matter. 1 to %d; leave it out for none.", maxEntries("cases_case_event_configuration.case_field_ids")),
				ElementType:         types.StringType,
				Optional:            true,
				Validators: append(setSize("cases_case_event_configuration.case_field_ids", true),
					setvalidator.ValueStringsAre(elementRules("cases_case_event_configuration.case_field_ids")...)),
			},
			"include_related_item_content": schema.BoolAttribute{
				MarkdownDescription: "Whether events about related items (comments, contacts, files) include their content. Leave it out to send no related item data.",
				Optional:            true,
			},
		},
	}
}

func (r *caseEventConfigurationResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan caseEventConfigurationModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	r.put(ctx, &plan, "creating", &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

func (r *caseEventConfigurationResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan caseEventConfigurationModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	r.put(ctx, &plan, "updating", &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

// put writes the configuration of plan (PutCaseEventConfiguration replaces
// it whole) and reads it back into plan.
func (r *caseEventConfigurationResource) put(ctx context.Context, plan *caseEventConfigurationModel, action string, diags *diag.Diagnostics) {
	domainID := plan.DomainID.ValueString()
	conn := r.client.Cases
	if _, err := conn.PutCaseEventConfiguration(ctx, &connectcases.PutCaseEventConfigurationInput{
		DomainId:    aws.String(domainID),
		EventBridge: plan.toAPI(),
	}); err != nil {
		addError(diags, action, kindCaseEventConfiguration, domainID, err,
			"Every included field must exist in the domain; reference cases_field resources by their field_id so that Terraform creates them first.")
		return
	}
	got, err := findCaseEventConfiguration(ctx, conn, domainID)
	if err != nil {
		addError(diags, "reading", kindCaseEventConfiguration, domainID, err, "")
		return
	}
	plan.fill(domainID, got)
}

func (r *caseEventConfigurationResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state caseEventConfigurationModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	domainID := state.DomainID.ValueString()
	got, err := findCaseEventConfiguration(ctx, r.client.Cases, domainID)
	if IsNotFound(err) {
		tflog.Warn(ctx, "Cases domain not found, removing its case event configuration from state", map[string]any{"domain_id": domainID})
		resp.State.RemoveResource(ctx)
		return
	}
	if err != nil {
		addError(&resp.Diagnostics, "reading", kindCaseEventConfiguration, domainID, err, "")
		return
	}
	state.fill(domainID, got)
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

// Delete turns event publishing off: the configuration itself cannot be
// removed from a domain.
func (r *caseEventConfigurationResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state caseEventConfigurationModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	domainID := state.DomainID.ValueString()
	_, err := r.client.Cases.PutCaseEventConfiguration(ctx, &connectcases.PutCaseEventConfigurationInput{
		DomainId:    aws.String(domainID),
		EventBridge: &awstypes.EventBridgeConfiguration{Enabled: aws.Bool(false)},
	})
	if err == nil || IsNotFound(err) {
		return
	}
	addError(&resp.Diagnostics, "turning off", kindCaseEventConfiguration, domainID, err, "")
}

func (r *caseEventConfigurationResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	region := ""
	if r.client != nil {
		region = r.client.Region
	}
	domainID, err := domainIDFromImportID(req.ID, region)
	if err != nil {
		resp.Diagnostics.AddError("Invalid import ID for cases_case_event_configuration", err.Error())
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), domainID)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("domain_id"), domainID)...)
}

type caseEventConfigurationModel struct {
	ID                        types.String `tfsdk:"id"`
	DomainID                  types.String `tfsdk:"domain_id"`
	Enabled                   types.Bool   `tfsdk:"enabled"`
	CaseFieldIDs              []string     `tfsdk:"case_field_ids"`
	IncludeRelatedItemContent types.Bool   `tfsdk:"include_related_item_content"`
}

func (m *caseEventConfigurationModel) toAPI() *awstypes.EventBridgeConfiguration {
	out := &awstypes.EventBridgeConfiguration{Enabled: m.Enabled.ValueBoolPointer()}
	var data awstypes.EventIncludedData
	if m.CaseFieldIDs != nil {
		fields := make([]awstypes.FieldIdentifier, 0, len(m.CaseFieldIDs))
		for _, id := range m.CaseFieldIDs {
			fields = append(fields, awstypes.FieldIdentifier{Id: aws.String(id)})
		}
		data.CaseData = &awstypes.CaseEventIncludedData{Fields: fields}
	}
	if !m.IncludeRelatedItemContent.IsNull() {
		data.RelatedItemData = &awstypes.RelatedItemEventIncludedData{IncludeContent: m.IncludeRelatedItemContent.ValueBoolPointer()}
	}
	if data.CaseData != nil || data.RelatedItemData != nil {
		out.IncludedData = &data
	}
	return out
}

// fill copies a GetCaseEventConfiguration answer into the model; an empty
// field list reads as absent, the way it is written.
func (m *caseEventConfigurationModel) fill(domainID string, c *awstypes.EventBridgeConfiguration) {
	m.ID = types.StringValue(domainID)
	m.DomainID = types.StringValue(domainID)
	m.Enabled = types.BoolValue(aws.ToBool(c.Enabled))
	m.CaseFieldIDs = nil
	m.IncludeRelatedItemContent = types.BoolNull()
	if c.IncludedData == nil {
		return
	}
	if c.IncludedData.CaseData != nil {
		for _, f := range c.IncludedData.CaseData.Fields {
			m.CaseFieldIDs = append(m.CaseFieldIDs, aws.ToString(f.Id))
		}
	}
	if c.IncludedData.RelatedItemData != nil {
		m.IncludeRelatedItemContent = types.BoolPointerValue(c.IncludedData.RelatedItemData.IncludeContent)
	}
}
