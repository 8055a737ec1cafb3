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

var _ list.ListResourceWithConfigure = (*layoutListResource)(nil)

// NewLayoutListResource returns the cases_layout list resource.
func NewLayoutListResource() list.ListResource { return &layoutListResource{} }

type layoutListResource struct {
	resourceBase
}

func (r *layoutListResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_layout"
}

func (r *layoutListResource) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = domainListSchema("Lists the layouts of a Cases domain (`ListLayouts`, every page).")
}

func (r *layoutListResource) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	domainID, ok := domainListDomainID(ctx, req, stream)
	if !ok {
		return
	}
	seq := listedFrom(listLayouts(ctx, r.client.Cases, domainID), func(l awstypes.LayoutSummary) (listed, bool) {
		id := aws.ToString(l.LayoutId)
		return listed{
			name: aws.ToString(l.Name),
			arn:  aws.ToString(l.LayoutArn),
			ids:  []identityValue{idValue(identityDomainID, domainID), idValue(identityLayoutID, id)},
			read: func(ctx context.Context, res *tfsdk.Resource) diag.Diagnostics {
				var m layoutModel
				diags := nullResource(ctx, res, &m)
				got, err := findLayoutByID(ctx, r.client.Cases, domainID, id)
				if err != nil {
					addError(&diags, "reading", kindLayout, id, err, "")
					return diags
				}
				m.fill(domainID, got, r.client.DefaultTags, true)
				return append(diags, res.Set(ctx, &m)...)
			},
		}, true
	})
	r.streamList(ctx, req, stream, kindLayout+"s", "domain "+domainID, seq)
}
