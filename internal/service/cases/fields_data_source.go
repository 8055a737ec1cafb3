package cases

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

var _ datasource.DataSourceWithConfigure = (*fieldsDataSource)(nil)

// NewFieldsDataSource returns the cases_fields data source.
func NewFieldsDataSource() datasource.DataSource { return &fieldsDataSource{} }

type fieldsDataSource struct {
	dataSourceBase
}

func (d *fieldsDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_fields"
}

func (d *fieldsDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists every field of an Amazon Connect Cases domain that is not deleted, system and custom, following ListFields pages to the end.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				MarkdownDescription: "The domain ID.",
				Computed:            true,
			},
			"domain_id": schema.StringAttribute{
				MarkdownDescription: "The ID of the domain.",
				Required:            true,
				Validators:          stringRules("data.cases_fields.domain_id"),
			},
			"fields": schema.ListNestedAttribute{
				MarkdownDescription: "The fields, in the order the API returns them.",
				Computed:            true,
				NestedObject: schema.NestedAttributeObject{
					Attributes: map[string]schema.Attribute{
						"field_id":     schema.StringAttribute{Computed: true, MarkdownDescription: "The field ID."},
						"field_arn":    schema.StringAttribute{Computed: true, MarkdownDescription: "The field ARN."},
						"name":         schema.StringAttribute{Computed: true, MarkdownDescription: "The field name."},
						"type":         schema.StringAttribute{Computed: true, MarkdownDescription: "The data type of the field."},
						"namespace":    schema.StringAttribute{Computed: true, MarkdownDescription: "`System` or `Custom`."},
						"is_multiline": schema.BoolAttribute{Computed: true, MarkdownDescription: isMultilineDescription},
					},
				},
			},
			"field_ids": schema.ListAttribute{
				MarkdownDescription: "The IDs of the fields, in the same order as `fields`.",
				ElementType:         types.StringType,
				Computed:            true,
			},
		},
	}
}

func (d *fieldsDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m fieldsDataSourceModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	domainID := m.DomainID.ValueString()
	found, err := findFields(ctx, d.client.Cases, domainID, nil)
	if err != nil {
		addError(&resp.Diagnostics, "listing", "Cases Fields", "domain "+domainID, err, "")
		return
	}
	m.ID = types.StringValue(domainID)
	m.Fields = make([]fieldSummaryModel, 0, len(found))
	m.FieldIDs = make([]string, 0, len(found))
	for _, f := range found {
		m.Fields = append(m.Fields, fieldSummaryModel{
			FieldID:     types.StringValue(aws.ToString(f.FieldId)),
			FieldARN:    types.StringValue(aws.ToString(f.FieldArn)),
			Name:        types.StringValue(aws.ToString(f.Name)),
			Type:        types.StringValue(string(f.Type)),
			Namespace:   types.StringValue(string(f.Namespace)),
			IsMultiline: isMultilineValue(f.Type, f.Attributes),
		})
		m.FieldIDs = append(m.FieldIDs, aws.ToString(f.FieldId))
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}

type fieldsDataSourceModel struct {
	ID       types.String        `tfsdk:"id"`
	DomainID types.String        `tfsdk:"domain_id"`
	Fields   []fieldSummaryModel `tfsdk:"fields"`
	FieldIDs []string            `tfsdk:"field_ids"`
}

type fieldSummaryModel struct {
	FieldID     types.String `tfsdk:"field_id"`
	FieldARN    types.String `tfsdk:"field_arn"`
	Name        types.String `tfsdk:"name"`
	Type        types.String `tfsdk:"type"`
	Namespace   types.String `tfsdk:"namespace"`
	IsMultiline types.Bool   `tfsdk:"is_multiline"`
}
