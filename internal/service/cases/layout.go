package cases

import (
	"context"
	"errors"
	"fmt"
	"reflect"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/connectcases"
	awstypes "github.com/aws/aws-sdk-go-v2/service/connectcases/types"
	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"
)

var (
	_ resource.ResourceWithConfigure   = (*layoutResource)(nil)
	_ resource.ResourceWithImportState = (*layoutResource)(nil)
	_ resource.ResourceWithIdentity    = (*layoutResource)(nil)
	_ resource.ResourceWithModifyPlan  = (*layoutResource)(nil)
)

// NewLayoutResource returns the cases_layout resource.
func NewLayoutResource() resource.Resource { return &layoutResource{} }

type layoutResource struct {
	taggedResource
}

func (r *layoutResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_layout"
}

func (r *layoutResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "A layout of an Amazon Connect Cases domain: which fields agents see, in which order, in the top panel of a case and on its More Info tab. " +
			"Every field must exist in the domain (reference `cases_field.x.field_id`, and Terraform creates the field first); " +
			"the system fields `title` and `status` cannot be part of a layout. Name and content change in place. " +
			"To remove a field and its place in a layout in one apply, give the field `lifecycle { create_before_destroy = true }`: " +
			"otherwise Terraform deletes the field before it updates the layout, and the API refuses to delete a field a layout still shows. " + lostAnswerNote,
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				MarkdownDescription: "`DOMAIN_ID,LAYOUT_ID`, the import ID.",
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"domain_id": schema.StringAttribute{
				MarkdownDescription: "The ID of the domain the layout belongs to. Changing it replaces the layout.",
				Required:            true,
				Validators:          stringRules("cases_layout.domain_id"),
				PlanModifiers:       []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"layout_id": schema.StringAttribute{
				MarkdownDescription: "The unique identifier of the layout, assigned by the service.",
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"layout_arn": schema.StringAttribute{
				MarkdownDescription: "The ARN of the layout, `arn:aws:cases:REGION:ACCOUNT:domain/DOMAIN_ID/layout/LAYOUT_ID`.",
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"name": schema.StringAttribute{
				MarkdownDescription: "The name of the layout: " + rulesText("cases_layout.name") + "; unique in the domain.",
				Required:            true,
				Validators:          stringRules("cases_layout.name"),
			},
			"content": schema.SingleNestedAttribute{
				MarkdownDescription: "What the layout shows. Each panel is a list of field groups (the API allows one per panel); a group lists field IDs in display order.",
				Required:            true,
				Attributes: map[string]schema.Attribute{
					"top_panel": layoutPanelAttribute("The field groups of the top panel of a case."),
					"more_info": layoutPanelAttribute("The field groups of the More Info tab of a case."),
				},
			},
			"created_time": schema.StringAttribute{
				MarkdownDescription: "When the layout was created, in RFC 3339 format.",
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"last_modified_time": schema.StringAttribute{
				MarkdownDescription: "When the layout was created or last updated, in RFC 3339 format.",
				Computed:            true,
			},
			"tags":     tagsAttribute(),
			"tags_all": tagsAllAttribute(),
		},
	}
}

func layoutPanelAttribute(description string) schema.ListNestedAttribute {
	return schema.ListNestedAttribute{
		MarkdownDescription: description + fmt.Sprintf(" At most %d group; leave the panel out to show nothing there.", maxEntries("cases_layout.content.panel")),
		Optional:            true,
		Validators:          listSize("cases_layout.content.panel", true),
		NestedObject: schema.NestedAttributeObject{
			Attributes: map[string]schema.Attribute{
				"name": schema.StringAttribute{
					MarkdownDescription: "The heading of the group: " + rulesText("cases_layout.content.panel.name") + ".",
					Optional:            true,
					Validators:          stringRules("cases_layout.content.panel.name"),
				},
				"field_ids": schema.ListAttribute{
					MarkdownDescription: fmt.Sprintf("The IDs of the fields of the group, in display order; each at most once, at most %d.", maxEntries("cases_layout.content.panel.field_ids")),
					ElementType:         types.StringType,
					Required:            true,
					Validators: append(listSize("cases_layout.content.panel.field_ids", false),
						listvalidator.UniqueValues(),
						listvalidator.ValueStringsAre(elementRules("cases_layout.content.panel.field_ids")...)),
				},
			},
		},
	}
}

func (r *layoutResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = regionalIdentitySchema(identityDomainID, identityLayoutID)
}

func (r *layoutResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan layoutModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	domainID, name := plan.DomainID.ValueString(), plan.Name.ValueString()
	conn := r.client.Cases
	in := &connectcases.CreateLayoutInput{
		DomainId: aws.String(domainID),
		Name:     aws.String(name),
		Content:  plan.Content.toAPI(),
	}
	l, err := createOnce(ctx, namedCreate[awstypes.LayoutSummary]{
		kind:  kindLayout,
		scope: scopeKey(conn, "domain", domainID, "layouts"),
		name:  name,
		list: func(ctx context.Context) ([]awstypes.LayoutSummary, error) {
			return findLayouts(ctx, conn, domainID)
		},
		key: func(l awstypes.LayoutSummary) string { return aws.ToString(l.Name) },
		importID: func(l awstypes.LayoutSummary) string {
			return domainChildResourceID(domainID, aws.ToString(l.LayoutId))
		},
		create: func(ctx context.Context, attempts *attemptLog) (awstypes.LayoutSummary, error) {
			out, err := conn.CreateLayout(ctx, in, attempts.casesOption)
			if err != nil {
				return awstypes.LayoutSummary{}, err
			}
			return awstypes.LayoutSummary{LayoutId: out.LayoutId, LayoutArn: out.LayoutArn, Name: in.Name}, nil
		},
	})
	if err != nil {
		addCreateError(&resp.Diagnostics, kindLayout, "cases_layout", name, err, layoutErrorHint(err))
		return
	}
	layoutID, arn := aws.ToString(l.LayoutId), aws.ToString(l.LayoutArn)

	plan.ID = types.StringValue(domainChildResourceID(domainID, layoutID))
	plan.LayoutID = types.StringValue(layoutID)
	plan.LayoutARN = types.StringValue(arn)
	plan.CreatedTime = types.StringNull()
	plan.LastModifiedTime = types.StringNull()
	r.recordIdentity(ctx, resp.Identity, arn, &resp.Diagnostics, idValue(identityDomainID, domainID), idValue(identityLayoutID, layoutID))
	r.recordCreated(ctx, created{kind: kindLayout, id: layoutID, arn: arn, model: &plan, tagsAll: &plan.TagsAll}, &resp.State, &resp.Diagnostics,
		func(ctx context.Context, conn *connectcases.Client) error {
			l, err := findLayoutByID(ctx, conn, domainID, layoutID)
			if err == nil {
				plan.fill(domainID, l, r.client.DefaultTags, plan.Tags.IsNull())
			}
			return err
		})
}

// layoutErrorHint says what to do about the errors a layout write can meet.
func layoutErrorHint(err error) string {
	var (
		conflict *awstypes.ConflictException
		quota    *awstypes.ServiceQuotaExceededException
		invalid  *awstypes.ValidationException
	)
	switch {
	case errors.As(err, &conflict):
		return "Layout names are unique in a domain; choose another name or import the existing layout."
	case errors.As(err, &quota):
		return "A domain holds at most 100 layouts, and a layout at most 100 fields, unless the quotas were raised."
	case errors.As(err, &invalid):
		return "Every field of a layout must exist in the domain and not be deleted; reference cases_field resources by their field_id so that Terraform creates them first."
	}
	return ""
}

func (r *layoutResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state layoutModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	domainID, layoutID := state.DomainID.ValueString(), state.LayoutID.ValueString()
	// The identity is written before the lookup too: a state from before
	// identities has none, and Terraform wants one even when Read removes
	// the resource.
	r.recordIdentity(ctx, resp.Identity, state.LayoutARN.ValueString(), &resp.Diagnostics, idValue(identityDomainID, domainID), idValue(identityLayoutID, layoutID))
	if resp.Diagnostics.HasError() {
		return
	}
	l, err := findLayoutByID(ctx, r.client.Cases, domainID, layoutID)
	if IsNotFound(err) {
		tflog.Warn(ctx, "Cases layout not found or deleted, removing it from state", map[string]any{"domain_id": domainID, "layout_id": layoutID})
		resp.State.RemoveResource(ctx)
		return
	}
	if err != nil {
		addError(&resp.Diagnostics, "reading", kindLayout, layoutID, err, "")
		return
	}
	state.fill(domainID, l, r.client.DefaultTags, state.Tags.IsNull())
	r.recordIdentity(ctx, resp.Identity, state.LayoutARN.ValueString(), &resp.Diagnostics, idValue(identityDomainID, domainID), idValue(identityLayoutID, layoutID))
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

func (r *layoutResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state layoutModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	domainID, layoutID := state.DomainID.ValueString(), state.LayoutID.ValueString()
	conn := r.client.Cases

	contentChanged := !reflect.DeepEqual(plan.Content, state.Content)
	if !plan.Name.Equal(state.Name) || contentChanged {
		input := &connectcases.UpdateLayoutInput{DomainId: aws.String(domainID), LayoutId: aws.String(layoutID)}
		if !plan.Name.Equal(state.Name) {
			input.Name = plan.Name.ValueStringPointer()
		}
		if contentChanged {
			input.Content = plan.Content.toAPI()
		}
		if _, err := conn.UpdateLayout(ctx, input); err != nil {
			addError(&resp.Diagnostics, "updating", kindLayout, layoutID, err, layoutErrorHint(err))
			return
		}
	}
	if !updateTagsAll(ctx, conn, state.LayoutARN.ValueString(), state.TagsAll, plan.TagsAll, kindLayout, layoutID, &resp.Diagnostics) {
		return
	}
	l, err := findLayoutByID(ctx, conn, domainID, layoutID)
	if err != nil {
		addError(&resp.Diagnostics, "reading", kindLayout, layoutID, err, "")
		return
	}
	plan.fill(domainID, l, r.client.DefaultTags, plan.Tags.IsNull())
	r.recordIdentity(ctx, resp.Identity, plan.LayoutARN.ValueString(), &resp.Diagnostics, idValue(identityDomainID, domainID), idValue(identityLayoutID, layoutID))
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

func (r *layoutResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state layoutModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	domainID, layoutID := state.DomainID.ValueString(), state.LayoutID.ValueString()
	conn := r.client.Cases
	err := deleteOnce(ctx, kindLayout, layoutID,
		func(ctx context.Context, attempts *attemptLog) error {
			_, err := conn.DeleteLayout(ctx, &connectcases.DeleteLayoutInput{DomainId: aws.String(domainID), LayoutId: aws.String(layoutID)}, attempts.casesOption)
			return err
		},
		func(ctx context.Context) error {
			_, err := findLayoutByID(ctx, conn, domainID, layoutID)
			return err
		})
	if err == nil {
		return
	}
	hint := ""
	var conflict *awstypes.ConflictException
	if errors.As(err, &conflict) {
		hint = "The layout is still the default layout of a template (the message above says which). Change that template first, " +
			"or let Terraform order it by referencing this layout's layout_id from the template."
	}
	addError(&resp.Diagnostics, "deleting", kindLayout, layoutID, err, hint)
}

func (r *layoutResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	importDomainChild(ctx, r.client, req, resp, "cases_layout", "layout", identityLayoutID)
}

type layoutModel struct {
	ID               types.String        `tfsdk:"id"`
	DomainID         types.String        `tfsdk:"domain_id"`
	LayoutID         types.String        `tfsdk:"layout_id"`
	LayoutARN        types.String        `tfsdk:"layout_arn"`
	Name             types.String        `tfsdk:"name"`
	Content          *layoutContentModel `tfsdk:"content"`
	CreatedTime      types.String        `tfsdk:"created_time"`
	LastModifiedTime types.String        `tfsdk:"last_modified_time"`
	Tags             types.Map           `tfsdk:"tags"`
	TagsAll          types.Map           `tfsdk:"tags_all"`
}

type layoutContentModel struct {
	TopPanel []layoutFieldGroupModel `tfsdk:"top_panel"`
	MoreInfo []layoutFieldGroupModel `tfsdk:"more_info"`
}

type layoutFieldGroupModel struct {
	Name     types.String `tfsdk:"name"`
	FieldIDs []string     `tfsdk:"field_ids"`
}

func (m *layoutModel) fill(domainID string, l *connectcases.GetLayoutOutput, defaultTags map[string]string, tagsWereNull bool) {
	layoutID := aws.ToString(l.LayoutId)
	m.ID = types.StringValue(domainChildResourceID(domainID, layoutID))
	m.DomainID = types.StringValue(domainID)
	m.LayoutID = types.StringValue(layoutID)
	m.LayoutARN = types.StringValue(aws.ToString(l.LayoutArn))
	m.Name = types.StringValue(aws.ToString(l.Name))
	m.Content = layoutContentFromAPI(l.Content)
	m.CreatedTime = timeString(l.CreatedTime)
	m.LastModifiedTime = timeString(l.LastModifiedTime)
	all := tagsFromAPI(l.Tags)
	m.TagsAll = tagsValue(all, false)
	m.Tags = tagsValue(ownTags(defaultTags, all, tagKeys(m.Tags)), tagsWereNull)
}

// toAPI builds the LayoutContent union (basic, its only member).
func (c *layoutContentModel) toAPI() awstypes.LayoutContent {
	basic := awstypes.BasicLayout{}
	if c != nil {
		basic.TopPanel = layoutSectionsToAPI(c.TopPanel)
		basic.MoreInfo = layoutSectionsToAPI(c.MoreInfo)
	}
	return &awstypes.LayoutContentMemberBasic{Value: basic}
}

func layoutSectionsToAPI(groups []layoutFieldGroupModel) *awstypes.LayoutSections {
	if groups == nil {
		return nil
	}
	sections := make([]awstypes.Section, 0, len(groups))
	for _, g := range groups {
		items := make([]awstypes.FieldItem, 0, len(g.FieldIDs))
		for _, id := range g.FieldIDs {
			items = append(items, awstypes.FieldItem{Id: aws.String(id)})
		}
		sections = append(sections, &awstypes.SectionMemberFieldGroup{Value: awstypes.FieldGroup{Name: g.Name.ValueStringPointer(), Fields: items}})
	}
	return &awstypes.LayoutSections{Sections: sections}
}

// layoutContentFromAPI reads the basic layout; a panel without field groups
// reads as absent, the way it is written.
func layoutContentFromAPI(c awstypes.LayoutContent) *layoutContentModel {
	out := &layoutContentModel{}
	basic, ok := c.(*awstypes.LayoutContentMemberBasic)
	if !ok {
		return out
	}
	out.TopPanel = layoutSectionsFromAPI(basic.Value.TopPanel)
	out.MoreInfo = layoutSectionsFromAPI(basic.Value.MoreInfo)
	return out
}

func layoutSectionsFromAPI(s *awstypes.LayoutSections) []layoutFieldGroupModel {
	if s == nil || len(s.Sections) == 0 {
		return nil
	}
	var groups []layoutFieldGroupModel
	for _, section := range s.Sections {
		g, ok := section.(*awstypes.SectionMemberFieldGroup)
		if !ok {
			continue
		}
		ids := make([]string, 0, len(g.Value.Fields))
		for _, f := range g.Value.Fields {
			ids = append(ids, aws.ToString(f.Id))
		}
		groups = append(groups, layoutFieldGroupModel{Name: optionalString(g.Value.Name), FieldIDs: ids})
	}
	return groups
}
