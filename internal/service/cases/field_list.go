package cases

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	awstypes "github.com/aws/aws-sdk-go-v2/service/connectcases/types"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
)

var _ list.ListResourceWithConfigure = (*fieldListResource)(nil)

// NewFieldListResource returns the cases_field list resource.
func NewFieldListResource() list.ListResource { return &fieldListResource{} }

type fieldListResource struct {
	resourceBase
}

func (r *fieldListResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_field"
}

func (r *fieldListResource) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = domainListSchema("Lists the custom fields of a Cases domain (`ListFields`, every page). System fields are left out: the service owns them, and `cases_field` cannot manage them.")
}

func (r *fieldListResource) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	domainID, ok := domainListDomainID(ctx, req, stream)
	if !ok {
		return
	}
	seq := listedFrom(listFields(ctx, r.client.Cases, domainID), func(f awstypes.FieldSummary) (listed, bool) {
		if f.Namespace != awstypes.FieldNamespaceCustom {
			return listed{}, false
		}
		id := aws.ToString(f.FieldId)
		return listed{
			name: aws.ToString(f.Name),
			arn:  aws.ToString(f.FieldArn),
			ids:  []identityValue{idValue(identityDomainID, domainID), idValue(identityFieldID, id)},
			read: func(ctx context.Context, res *tfsdk.Resource) diag.Diagnostics {
				var m fieldModel
				diags := nullResource(ctx, res, &m)
				got, err := findFieldByID(ctx, r.client, domainID, id)
				if err != nil {
					addError(&diags, "reading", kindField, id, err, "")
					return diags
				}
				m.fill(domainID, got, r.client.DefaultTags, true)
				return append(diags, res.Set(ctx, &m)...)
			},
		}, true
	})
	r.streamList(ctx, req, stream, kindField+"s", "domain "+domainID, seq)
}
