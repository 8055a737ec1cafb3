package cases

import (
	"context"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

var _ datasource.DataSourceWithConfigure = (*fieldOptionsDataSource)(nil)

// NewFieldOptionsDataSource returns the cases_field_options data source.
func NewFieldOptionsDataSource() datasource.DataSource { return &fieldOptionsDataSource{} }

type fieldOptionsDataSource struct {
	dataSourceBase
}

func (d *fieldOptionsDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_field_options"
}

func (d *fieldOptionsDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Reads the options of one `SingleSelect` field of an Amazon Connect Cases domain, custom or system, active and inactive, " +
			"following ListFieldOptions pages to the end; optionally only the option with one value.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{MarkdownDescription: "`DOMAIN_ID,FIELD_ID`.", Computed: true},
			"domain_id": schema.StringAttribute{
				MarkdownDescription: "The ID of the domain.",
				Required:            true,
				Validators:          stringRules("data.cases_field_options.domain_id"),
			},
			"field_id": schema.StringAttribute{
				MarkdownDescription: "The ID of the field, e.g. `cases_field.x.field_id` or a system field such as `status`.",
				Required:            true,
				Validators:          stringRules("data.cases_field_options.field_id"),
			},
			"value": schema.StringAttribute{
				MarkdownDescription: "Return only the option with this value (API member `values`, which takes one value); all options when left out.",
				Optional:            true,
				Validators:          stringRules("data.cases_field_options.value"),
			},
			"options": schema.ListNestedAttribute{
				MarkdownDescription: "The options, in the order the API returns them.",
				Computed:            true,
				NestedObject: schema.NestedAttributeObject{
					Attributes: map[string]schema.Attribute{
						"name":   schema.StringAttribute{Computed: true, MarkdownDescription: "The name agents see."},
						"value":  schema.StringAttribute{Computed: true, MarkdownDescription: "The value stored on cases."},
						"active": schema.BoolAttribute{Computed: true, MarkdownDescription: "Whether agents can pick the option."},
					},
				},
			},
			"values": schema.ListAttribute{
				MarkdownDescription: "The values of the options, in the same order as `options`.",
				ElementType:         types.StringType,
				Computed:            true,
			},
		},
	}
}

func (d *fieldOptionsDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m fieldOptionsDataSourceModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	domainID, fieldID := m.DomainID.ValueString(), m.FieldID.ValueString()
	var values []string
	if !m.Value.IsNull() {
		values = []string{m.Value.ValueString()}
	}
	found, err := findFieldOptionsWithValues(ctx, d.client.Cases, domainID, fieldID, values)
	if err != nil {
		addError(&resp.Diagnostics, "listing", "Cases Field Options", fmt.Sprintf("field %s", fieldID), err,
			"The field must exist in the domain and be of type SingleSelect.")
		return
	}
	m.ID = types.StringValue(domainChildResourceID(domainID, fieldID))
	m.Options = make([]fieldOptionDataModel, 0, len(found))
	m.Values = make([]string, 0, len(found))
	for _, o := range found {
		m.Options = append(m.Options, fieldOptionDataModel{
			Name:   types.StringValue(aws.ToString(o.Name)),
			Value:  types.StringValue(aws.ToString(o.Value)),
			Active: types.BoolValue(aws.ToBool(o.Active)),
		})
		m.Values = append(m.Values, aws.ToString(o.Value))
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}

type fieldOptionsDataSourceModel struct {
	ID       types.String           `tfsdk:"id"`
	DomainID types.String           `tfsdk:"domain_id"`
	FieldID  types.String           `tfsdk:"field_id"`
	Value    types.String           `tfsdk:"value"`
	Options  []fieldOptionDataModel `tfsdk:"options"`
	Values   []string               `tfsdk:"values"`
}

type fieldOptionDataModel struct {
	Name   types.String `tfsdk:"name"`
	Value  types.String `tfsdk:"value"`
	Active types.Bool   `tfsdk:"active"`
}
