package cases

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	awstypes "github.com/aws/aws-sdk-go-v2/service/connectcases/types"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"
	listschema "github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
)

var _ list.ListResourceWithConfigure = (*domainListResource)(nil)

// NewDomainListResource returns the cases_domain list resource.
func NewDomainListResource() list.ListResource { return &domainListResource{} }

type domainListResource struct {
	resourceBase
}

func (r *domainListResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_domain"
}

func (r *domainListResource) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = listschema.Schema{
		MarkdownDescription: "Lists every Cases domain of the provider's account and region (`ListDomains`, every page).",
	}
}

func (r *domainListResource) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	seq := listedFrom(listDomains(ctx, r.client.Cases), func(d awstypes.DomainSummary) (listed, bool) {
		id := aws.ToString(d.DomainId)
		return listed{
			name: aws.ToString(d.Name),
			arn:  aws.ToString(d.DomainArn),
			ids:  []identityValue{idValue(identityDomainID, id)},
			read: func(ctx context.Context, res *tfsdk.Resource) diag.Diagnostics {
				var m domainModel
				diags := nullResource(ctx, res, &m)
				got, err := findDomainByID(ctx, r.client.Cases, id)
				if err != nil {
					addError(&diags, "reading", kindDomain, id, err, "")
					return diags
				}
				m.fill(got, r.client.DefaultTags, true)
				return append(diags, res.Set(ctx, &m)...)
			},
		}, true
	})
	r.streamList(ctx, req, stream, kindDomain+"s", "region "+r.client.Region, seq)
}
