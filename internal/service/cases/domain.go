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
	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"
)

var (
	_ resource.ResourceWithConfigure   = (*domainResource)(nil)
	_ resource.ResourceWithImportState = (*domainResource)(nil)
	_ resource.ResourceWithModifyPlan  = (*domainResource)(nil)
	_ resource.ResourceWithIdentity    = (*domainResource)(nil)
)

// NewDomainResource returns the cases_domain resource.
func NewDomainResource() resource.Resource { return &domainResource{} }

type domainResource struct {
	taggedResource
}

func (r *domainResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_domain"
}

func (r *domainResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "An Amazon Connect Cases domain: the container of all case data (fields, layouts, templates, cases). " +
			"Create waits until the domain is `Active`; a domain that ends `CreationFailed` or is still not `Active` when the create timeout passes " +
			"is kept in state as tainted and replaced by the next apply.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				MarkdownDescription: "The domain ID (same as `domain_id`).",
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"domain_id": schema.StringAttribute{
				MarkdownDescription: "The unique identifier of the domain.",
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"domain_arn": schema.StringAttribute{
				MarkdownDescription: "The ARN of the domain, `arn:aws:cases:REGION:ACCOUNT:domain/ID`.",
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"name": schema.StringAttribute{
				MarkdownDescription: "The name of the domain: " + rulesText("cases_domain.name") + "; unique in the account and region. Changing it replaces the domain.",
				Required:            true,
				Validators:          stringRules("cases_domain.name"),
				PlanModifiers:       []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"domain_status": schema.StringAttribute{
				MarkdownDescription: "The status of the domain: `CreationInProgress`, `Active` or `CreationFailed`.",
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"created_time": schema.StringAttribute{
				MarkdownDescription: "When the domain was created, in RFC 3339 format.",
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"tags":     tagsAttribute(),
			"tags_all": tagsAllAttribute(),
		},
		Blocks: map[string]schema.Block{
			"timeouts": timeouts.Block(ctx, timeouts.Opts{Create: true, Delete: true}),
		},
	}
}

func (r *domainResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = regionalIdentitySchema(identityDomainID)
}

func (r *domainResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan domainModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	timeout, diags := plan.Timeouts.Create(ctx, defaultDomainCreateTimeout)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	name := plan.Name.ValueString()
	conn := r.client.Cases

	id, arn, err := createDomain(ctx, conn, name)
	if err != nil {
		var taken *nameInUseError
		if errors.As(err, &taken) {
			resp.Diagnostics.AddAttributeError(path.Root("name"), "Cases Domain name already in use",
				fmt.Sprintf("creating %s (%s): %s\n\nDomain names are unique per account and region. %s", kindDomain, name, err, taken.importHint("cases_domain")))
			return
		}
		addError(&resp.Diagnostics, "creating", kindDomain, name, err, "")
		return
	}

	plan.ID = types.StringValue(id)
	plan.DomainID = types.StringValue(id)
	plan.DomainARN = types.StringValue(arn)
	plan.DomainStatus = types.StringValue(string(awstypes.DomainStatusCreationInProgress))
	plan.CreatedTime = types.StringNull()
	r.recordIdentity(ctx, resp.Identity, arn, &resp.Diagnostics, idValue(identityDomainID, id))
	// Recorded and tagged before the wait, which reads the domain itself.
	if !r.recordCreated(ctx, created{kind: kindDomain, id: id, arn: arn, model: &plan, tagsAll: &plan.TagsAll}, &resp.State, &resp.Diagnostics, nil) {
		return
	}

	tflog.Info(ctx, "waiting for Cases domain to become Active", map[string]any{"domain_id": id, "timeout": timeout.String()})
	domain, err := waitDomainActive(ctx, r.client, id, timeout)
	if err != nil {
		hint := "The domain exists and is kept in state as tainted; the next apply deletes and recreates it."
		if errors.Is(err, ErrDomainCreationFailed) {
			plan.DomainStatus = types.StringValue(string(awstypes.DomainStatusCreationFailed))
			resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
		}
		var timeoutErr *TimeoutError
		if errors.As(err, &timeoutErr) {
			hint += " If the service is just slow, raise timeouts.create."
		}
		addError(&resp.Diagnostics, "waiting for", kindDomain, id, err, hint)
		return
	}
	plan.fill(domain, r.client.DefaultTags, plan.Tags.IsNull())
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

// createDomain creates a domain called name and returns its id and ARN,
// or adopts the one an ambiguous attempt of this create made (createOnce).
func createDomain(ctx context.Context, conn *connectcases.Client, name string) (id, arn string, err error) {
	d, err := createOnce(ctx, namedCreate[awstypes.DomainSummary]{
		kind:  kindDomain,
		scope: scopeKey(conn, "domains"),
		name:  name,
		list: func(ctx context.Context) ([]awstypes.DomainSummary, error) {
			return findDomains(ctx, conn, nil)
		},
		key:      func(d awstypes.DomainSummary) string { return aws.ToString(d.Name) },
		importID: func(d awstypes.DomainSummary) string { return aws.ToString(d.DomainId) },
		create: func(ctx context.Context, attempts *attemptLog) (awstypes.DomainSummary, error) {
			out, err := conn.CreateDomain(ctx, &connectcases.CreateDomainInput{Name: aws.String(name)}, attempts.casesOption)
			if err != nil {
				return awstypes.DomainSummary{}, err
			}
			return awstypes.DomainSummary{DomainId: out.DomainId, DomainArn: out.DomainArn, Name: aws.String(name)}, nil
		},
	})
	if err != nil {
		return "", "", err
	}
	return aws.ToString(d.DomainId), aws.ToString(d.DomainArn), nil
}

func (r *domainResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state domainModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	id := state.DomainID.ValueString()
	if id == "" {
		id = state.ID.ValueString()
	}
	// The identity is written before the lookup too: a state from before
	// identities has none, and Terraform wants one even when Read removes
	// the resource.
	r.recordIdentity(ctx, resp.Identity, state.DomainARN.ValueString(), &resp.Diagnostics, idValue(identityDomainID, id))
	if resp.Diagnostics.HasError() {
		return
	}
	domain, err := findDomainByID(ctx, r.client.Cases, id)
	if IsNotFound(err) {
		tflog.Warn(ctx, "Cases domain not found, removing it from state", map[string]any{"domain_id": id})
		resp.State.RemoveResource(ctx)
		return
	}
	if err != nil {
		addError(&resp.Diagnostics, "reading", kindDomain, id, err, "")
		return
	}
	state.fill(domain, r.client.DefaultTags, state.Tags.IsNull())
	r.recordIdentity(ctx, resp.Identity, state.DomainARN.ValueString(), &resp.Diagnostics, idValue(identityDomainID, id))
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

func (r *domainResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state domainModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	id := state.DomainID.ValueString()
	if !updateTagsAll(ctx, r.client.Cases, state.DomainARN.ValueString(), state.TagsAll, plan.TagsAll, kindDomain, id, &resp.Diagnostics) {
		return
	}
	domain, err := findDomainByID(ctx, r.client.Cases, id)
	if err != nil {
		addError(&resp.Diagnostics, "reading", kindDomain, id, err, "")
		return
	}
	plan.fill(domain, r.client.DefaultTags, plan.Tags.IsNull())
	r.recordIdentity(ctx, resp.Identity, plan.DomainARN.ValueString(), &resp.Diagnostics, idValue(identityDomainID, id))
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

func (r *domainResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state domainModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	timeout, diags := state.Timeouts.Delete(ctx, defaultDomainDeleteTimeout)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	id := state.DomainID.ValueString()
	if err := deleteDomain(ctx, r.client.Cases, id); err != nil {
		addError(&resp.Diagnostics, "deleting", kindDomain, id, err, "")
		return
	}
	if err := waitDomainDeleted(ctx, r.client, id, timeout); err != nil {
		addError(&resp.Diagnostics, "waiting for deletion of", kindDomain, id, err, "")
	}
}

// deleteDomain deletes a domain; a domain already gone is success, and so
// is a delete whose answer was lost when the domain is gone (deleteOnce).
func deleteDomain(ctx context.Context, conn *connectcases.Client, id string) error {
	return deleteOnce(ctx, kindDomain, id,
		func(ctx context.Context, attempts *attemptLog) error {
			_, err := conn.DeleteDomain(ctx, &connectcases.DeleteDomainInput{DomainId: aws.String(id)}, attempts.casesOption)
			return err
		},
		func(ctx context.Context) error {
			_, err := findDomainByID(ctx, conn, id)
			return err
		})
}

// ImportState takes a domain ID or ARN, or an identity (Terraform 1.12+).
func (r *domainResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	var id string
	if ids, byIdentity := identityImport(ctx, r.client, req, &resp.Diagnostics, identityDomainID); byIdentity {
		if resp.Diagnostics.HasError() {
			return
		}
		id = ids[0]
	} else {
		var err error
		if id, err = domainIDFromImportID(req.ID, r.client.Region); err != nil {
			resp.Diagnostics.AddError("Invalid import ID for cases_domain", err.Error())
			return
		}
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), id)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("domain_id"), id)...)
}

// domainIDFromImportID accepts a domain ID or a domain ARN
// (arn:PARTITION:cases:REGION:ACCOUNT:domain/ID) in the provider's region.
func domainIDFromImportID(importID, region string) (string, error) {
	const want = "expected a domain ID or a domain ARN (arn:aws:cases:REGION:ACCOUNT:domain/DOMAIN_ID)"
	importID = strings.TrimSpace(importID)
	if importID == "" {
		return "", fmt.Errorf("empty import ID: %s", want)
	}
	if !strings.HasPrefix(importID, "arn:") {
		if strings.ContainsAny(importID, "/: ") {
			return "", fmt.Errorf("%q is neither a domain ID nor an ARN: %s", importID, want)
		}
		return importID, nil
	}
	parts := strings.SplitN(importID, ":", 6)
	if len(parts) != 6 || parts[2] != "cases" || !strings.HasPrefix(parts[5], "domain/") {
		return "", fmt.Errorf("%q is not a Cases domain ARN: %s", importID, want)
	}
	id := strings.TrimPrefix(parts[5], "domain/")
	if id == "" || strings.Contains(id, "/") {
		return "", fmt.Errorf("%q is not a Cases domain ARN (it names a resource inside a domain): %s", importID, want)
	}
	if region != "" && parts[3] != region {
		return "", fmt.Errorf("the ARN %q is in region %s but the provider is configured for %s; import it with a provider for that region", importID, parts[3], region)
	}
	return id, nil
}

type domainModel struct {
	ID           types.String   `tfsdk:"id"`
	DomainID     types.String   `tfsdk:"domain_id"`
	DomainARN    types.String   `tfsdk:"domain_arn"`
	Name         types.String   `tfsdk:"name"`
	DomainStatus types.String   `tfsdk:"domain_status"`
	CreatedTime  types.String   `tfsdk:"created_time"`
	Tags         types.Map      `tfsdk:"tags"`
	TagsAll      types.Map      `tfsdk:"tags_all"`
	Timeouts     timeouts.Value `tfsdk:"timeouts"`
}

// fill copies a GetDomain answer into the model. tags keeps only the
// resource's own tags; it stays null when it was null and nothing but
// default tags is on the domain.
func (m *domainModel) fill(d *connectcases.GetDomainOutput, defaultTags map[string]string, tagsWereNull bool) {
	m.ID = types.StringValue(aws.ToString(d.DomainId))
	m.DomainID = types.StringValue(aws.ToString(d.DomainId))
	m.DomainARN = types.StringValue(aws.ToString(d.DomainArn))
	m.Name = types.StringValue(aws.ToString(d.Name))
	m.DomainStatus = types.StringValue(string(d.DomainStatus))
	m.CreatedTime = timeString(d.CreatedTime)
	all := tagsFromAPI(d.Tags)
	m.TagsAll = tagsValue(all, false)
	m.Tags = tagsValue(ownTags(defaultTags, all, tagKeys(m.Tags)), tagsWereNull)
}

func timeString(t *time.Time) types.String {
	if t == nil {
		return types.StringNull()
	}
	return types.StringValue(t.UTC().Format(time.RFC3339))
}
