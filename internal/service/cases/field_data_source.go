package cases

import (
	"context"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/hashicorp/terraform-plugin-framework-validators/datasourcevalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

var (
	_ datasource.DataSourceWithConfigure        = (*fieldDataSource)(nil)
	_ datasource.DataSourceWithConfigValidators = (*fieldDataSource)(nil)
)

// NewFieldDataSource returns the cases_field data source.
func NewFieldDataSource() datasource.DataSource { return &fieldDataSource{} }

type fieldDataSource struct {
	dataSourceBase
}

func (d *fieldDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_field"
}

func (d *fieldDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Reads one field of an Amazon Connect Cases domain, custom or system (such as `status`, `title` or `case_reason`), " +
			"by `field_id` or by `name`. A deleted field is not found.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				MarkdownDescription: "`DOMAIN_ID,FIELD_ID`.",
				Computed:            true,
			},
			"domain_id": schema.StringAttribute{
				MarkdownDescription: "The ID of the domain.",
				Required:            true,
				Validators:          stringRules("data.cases_field.domain_id"),
			},
			"field_id": schema.StringAttribute{
				MarkdownDescription: "The ID of the field to read; system fields have readable IDs such as `status`. Exactly one of `field_id` and `name` must be set.",
				Optional:            true,
				Computed:            true,
				Validators:          stringRules("data.cases_field.field_id"),
			},
			"name": schema.StringAttribute{
				MarkdownDescription: "The name of the field to read, e.g. `Status`. Exactly one of `field_id` and `name` must be set.",
				Optional:            true,
				Computed:            true,
				Validators:          stringRules("data.cases_field.name"),
			},
			"field_arn": schema.StringAttribute{
				MarkdownDescription: "The ARN of the field.",
				Computed:            true,
			},
			"type": schema.StringAttribute{
				MarkdownDescription: "The data type of the field: " + backquoted(fieldTypes()) + ".",
				Computed:            true,
			},
			"namespace": schema.StringAttribute{
				MarkdownDescription: "`System` for the fields every domain comes with, `Custom` for the others.",
				Computed:            true,
			},
			"is_multiline": schema.BoolAttribute{
				MarkdownDescription: isMultilineDescription,
				Computed:            true,
			},
			"description": schema.StringAttribute{
				MarkdownDescription: "The description of the field, if any.",
				Computed:            true,
			},
			"created_time": schema.StringAttribute{
				MarkdownDescription: "When the field was created, in RFC 3339 format.",
				Computed:            true,
			},
			"last_modified_time": schema.StringAttribute{
				MarkdownDescription: "When the field was created or last updated, in RFC 3339 format.",
				Computed:            true,
			},
			"tags": schema.MapAttribute{
				MarkdownDescription: "All tags on the field.",
				ElementType:         types.StringType,
				Computed:            true,
			},
		},
	}
}

func (d *fieldDataSource) ConfigValidators(context.Context) []datasource.ConfigValidator {
	return []datasource.ConfigValidator{
		datasourcevalidator.ExactlyOneOf(path.MatchRoot("field_id"), path.MatchRoot("name")),
	}
}

func (d *fieldDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m fieldDataSourceModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	domainID := m.DomainID.ValueString()
	fieldID := m.FieldID.ValueString()
	if fieldID == "" {
		name := m.Name.ValueString()
		found, err := findFieldsByName(ctx, d.client.Cases, domainID, name)
		if err != nil {
			addError(&resp.Diagnostics, "listing", "Cases Fields", "domain "+domainID, err, "")
			return
		}
		if len(found) == 0 {
			resp.Diagnostics.AddAttributeError(path.Root("name"), "Cases Field not found",
				fmt.Sprintf("No field named %q exists in Cases domain %s. Names are case-sensitive; the cases_fields data source lists them all.", name, domainID))
			return
		}
		fieldID = aws.ToString(found[0].FieldId)
	}
	f, err := findFieldByID(ctx, d.client, domainID, fieldID)
	if IsNotFound(err) {
		resp.Diagnostics.AddAttributeError(path.Root("field_id"), "Cases Field not found",
			fmt.Sprintf("No field %s exists in Cases domain %s (or the domain does not exist, or the field is deleted): %v", fieldID, domainID, err))
		return
	}
	if err != nil {
		addError(&resp.Diagnostics, "reading", kindField, fieldID, err, "")
		return
	}
	m.ID = types.StringValue(domainChildResourceID(domainID, fieldID))
	m.FieldID = types.StringValue(aws.ToString(f.FieldId))
	m.Name = types.StringValue(aws.ToString(f.Name))
	m.FieldARN = types.StringValue(aws.ToString(f.FieldArn))
	m.Type = types.StringValue(string(f.Type))
	m.Namespace = types.StringValue(string(f.Namespace))
	m.IsMultiline = isMultilineValue(f.Type, f.Attributes)
	m.Description = optionalString(f.Description)
	m.CreatedTime = timeString(f.CreatedTime)
	m.LastModifiedTime = timeString(f.LastModifiedTime)
	m.Tags = tagsValue(tagsFromAPI(f.Tags), false)
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}

type fieldDataSourceModel struct {
	ID               types.String `tfsdk:"id"`
	DomainID         types.String `tfsdk:"domain_id"`
	FieldID          types.String `tfsdk:"field_id"`
	Name             types.String `tfsdk:"name"`
	FieldARN         types.String `tfsdk:"field_arn"`
	Type             types.String `tfsdk:"type"`
	Namespace        types.String `tfsdk:"namespace"`
	IsMultiline      types.Bool   `tfsdk:"is_multiline"`
	Description      types.String `tfsdk:"description"`
	CreatedTime      types.String `tfsdk:"created_time"`
	LastModifiedTime types.String `tfsdk:"last_modified_time"`
	Tags             types.Map    `tfsdk:"tags"`
}
