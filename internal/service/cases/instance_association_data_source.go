package cases

import (
	"context"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

var _ datasource.DataSourceWithConfigure = (*instanceAssociationDataSource)(nil)

// NewInstanceAssociationDataSource returns the cases_instance_association
// data source: the Cases domain an Amazon Connect instance is associated
// with, if any.
func NewInstanceAssociationDataSource() datasource.DataSource {
	return &instanceAssociationDataSource{}
}

type instanceAssociationDataSource struct {
	dataSourceBase
}

func (d *instanceAssociationDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_instance_association"
}

func (d *instanceAssociationDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Reads the Cases domain an Amazon Connect instance is associated with. " +
			"An instance without a Cases domain is not an error: `domain_arn`, `association_id` and `association_arn` are then null, " +
			"so a configuration can test for it. An instance that does not exist is an error.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				MarkdownDescription: "The instance ID.",
				Computed:            true,
			},
			"instance_id": schema.StringAttribute{
				MarkdownDescription: "The Amazon Connect instance: its ID or its ARN.",
				Required:            true,
				Validators:          stringRules("data.cases_instance_association.instance_id"),
			},
			"domain_arn": schema.StringAttribute{
				MarkdownDescription: "The ARN of the Cases domain associated with the instance; null when it has none.",
				Computed:            true,
			},
			"association_id": schema.StringAttribute{
				MarkdownDescription: "The ID of the integration association; null when there is none.",
				Computed:            true,
			},
			"association_arn": schema.StringAttribute{
				MarkdownDescription: "The ARN of the integration association; null when there is none.",
				Computed:            true,
			},
		},
	}
}

func (d *instanceAssociationDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m instanceAssociationDataSourceModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	instanceID, err := connectInstanceID(m.InstanceID.ValueString())
	if err != nil {
		resp.Diagnostics.AddAttributeError(path.Root("instance_id"), "Invalid Amazon Connect instance", err.Error())
		return
	}
	found, err := findCasesDomainAssociations(ctx, d.client.Connect, instanceID, "")
	if IsNotFound(err) {
		resp.Diagnostics.AddAttributeError(path.Root("instance_id"), "Amazon Connect instance not found",
			fmt.Sprintf("No Amazon Connect instance %s exists in region %s.", instanceID, d.client.Region))
		return
	}
	if err != nil {
		addError(&resp.Diagnostics, "reading", kindInstanceAssociation, instanceID, err, "")
		return
	}
	m.ID = types.StringValue(instanceID)
	m.DomainARN, m.AssociationID, m.AssociationARN = types.StringNull(), types.StringNull(), types.StringNull()
	if len(found) > 0 {
		// At most one: an instance has one Cases domain.
		m.DomainARN = types.StringValue(aws.ToString(found[0].IntegrationArn))
		m.AssociationID = types.StringValue(aws.ToString(found[0].IntegrationAssociationId))
		m.AssociationARN = types.StringValue(aws.ToString(found[0].IntegrationAssociationArn))
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}

type instanceAssociationDataSourceModel struct {
	ID             types.String `tfsdk:"id"`
	InstanceID     types.String `tfsdk:"instance_id"`
	DomainARN      types.String `tfsdk:"domain_arn"`
	AssociationID  types.String `tfsdk:"association_id"`
	AssociationARN types.String `tfsdk:"association_arn"`
}
