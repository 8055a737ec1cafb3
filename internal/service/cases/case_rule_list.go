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

var _ list.ListResourceWithConfigure = (*caseRuleListResource)(nil)

// NewCaseRuleListResource returns the cases_case_rule list resource.
func NewCaseRuleListResource() list.ListResource { return &caseRuleListResource{} }

type caseRuleListResource struct {
	resourceBase
}

func (r *caseRuleListResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_case_rule"
}

func (r *caseRuleListResource) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = domainListSchema("Lists the case rules of a Cases domain (`ListCaseRules`, every page).")
}

func (r *caseRuleListResource) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	domainID, ok := domainListDomainID(ctx, req, stream)
	if !ok {
		return
	}
	seq := listedFrom(listCaseRules(ctx, r.client.Cases, domainID), func(c awstypes.CaseRuleSummary) (listed, bool) {
		id := aws.ToString(c.CaseRuleId)
		return listed{
			name: aws.ToString(c.Name),
			arn:  aws.ToString(c.CaseRuleArn),
			ids:  []identityValue{idValue(identityDomainID, domainID), idValue(identityCaseRuleID, id)},
			read: func(ctx context.Context, res *tfsdk.Resource) diag.Diagnostics {
				var m caseRuleModel
				diags := nullResource(ctx, res, &m)
				got, err := findCaseRuleByID(ctx, r.client.Cases, domainID, id)
				if err != nil {
					addError(&diags, "reading", kindCaseRule, id, err, "")
					return diags
				}
				diags.Append(m.fill(domainID, got, r.client.DefaultTags, true)...)
				return append(diags, res.Set(ctx, &m)...)
			},
		}, true
	})
	r.streamList(ctx, req, stream, kindCaseRule+"s", "domain "+domainID, seq)
}
