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

var _ list.ListResourceWithConfigure = (*templateListResource)(nil)

// NewTemplateListResource returns the cases_template list resource.
func NewTemplateListResource() list.ListResource { return &templateListResource{} }

type templateListResource struct {
	resourceBase
}

func (r *templateListResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_template"
}

func (r *templateListResource) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = domainListSchema("Lists the templates of a Cases domain, active and inactive (`ListTemplates`, every page).")
}

func (r *templateListResource) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	domainID, ok := domainListDomainID(ctx, req, stream)
	if !ok {
		return
	}
	seq := listedFrom(listTemplates(ctx, r.client.Cases, domainID, nil), func(t awstypes.TemplateSummary) (listed, bool) {
		id := aws.ToString(t.TemplateId)
		return listed{
			name: aws.ToString(t.Name),
			arn:  aws.ToString(t.TemplateArn),
			ids:  []identityValue{idValue(identityDomainID, domainID), idValue(identityTemplateID, id)},
			read: func(ctx context.Context, res *tfsdk.Resource) diag.Diagnostics {
				var m templateModel
				diags := nullResource(ctx, res, &m)
				got, err := findTemplateByID(ctx, r.client.Cases, domainID, id)
				if err != nil {
					addError(&diags, "reading", kindTemplate, id, err, "")
					return diags
				}
				m.fill(domainID, got, r.client.DefaultTags, true)
				return append(diags, res.Set(ctx, &m)...)
			},
		}, true
	})
	r.streamList(ctx, req, stream, kindTemplate+"s", "domain "+domainID, seq)
}
