package cases

import (
	"context"
	"fmt"
	"iter"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/connectcases"
	"github.com/aws/aws-sdk-go-v2/service/connectcases/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/connect-cases/terraform-provider-cases/internal/apimodel"
	"github.com/connect-cases/terraform-provider-cases/internal/conns"
)

const kindDomain = "Cases Domain"

// pages yields the items of every page a List paginator gives (more and
// next are its HasMorePages and NextPage; of picks a page's items), asking
// for the next page only when the caller reads past the last item. An
// error is yielded once and ends the sequence.
func pages[O, I any](ctx context.Context, more func() bool, next func(context.Context, ...func(*connectcases.Options)) (O, error), of func(O) []I) iter.Seq2[I, error] {
	return func(yield func(I, error) bool) {
		for more() {
			page, err := next(ctx)
			if err != nil {
				var zero I
				yield(zero, err)
				return
			}
			for _, item := range of(page) {
				if !yield(item, nil) {
					return
				}
			}
		}
	}
}

// collect reads a sequence from pages to its end, keeping the items for
// which keep (when not nil) returns true.
func collect[I any](seq iter.Seq2[I, error], keep func(I) bool) ([]I, error) {
	var out []I
	for item, err := range seq {
		if err != nil {
			return nil, err
		}
		if keep == nil || keep(item) {
			out = append(out, item)
		}
	}
	return out, nil
}

// listDomainsPageSize is the largest page ListDomains accepts.
const listDomainsPageSize = 10

// findDomainByID reads one domain; a missing domain is a *NotFoundError.
func findDomainByID(ctx context.Context, conn *connectcases.Client, id string, optFns ...func(*connectcases.Options)) (*connectcases.GetDomainOutput, error) {
	out, err := conn.GetDomain(ctx, &connectcases.GetDomainInput{DomainId: aws.String(id)}, optFns...)
	if IsNotFound(err) {
		return nil, &NotFoundError{Kind: kindDomain, ID: id, Err: err}
	}
	if err != nil {
		return nil, err
	}
	return out, nil
}

// listDomains yields every domain of the account and region, page by page.
func listDomains(ctx context.Context, conn *connectcases.Client) iter.Seq2[types.DomainSummary, error] {
	p := connectcases.NewListDomainsPaginator(conn, &connectcases.ListDomainsInput{
		MaxResults: aws.Int32(listDomainsPageSize),
	})
	return pages(ctx, p.HasMorePages, p.NextPage, func(o *connectcases.ListDomainsOutput) []types.DomainSummary { return o.Domains })
}

// findDomains lists every domain of the account and region, keeping those
// for which keep returns true.
func findDomains(ctx context.Context, conn *connectcases.Client, keep func(types.DomainSummary) bool) ([]types.DomainSummary, error) {
	return collect(listDomains(ctx, conn), keep)
}

// findDomainsByName returns the domains called name (names are unique per
// account and region, so at most one unless the API changes).
func findDomainsByName(ctx context.Context, conn *connectcases.Client, name string) ([]types.DomainSummary, error) {
	return findDomains(ctx, conn, func(d types.DomainSummary) bool {
		return aws.ToString(d.Name) == name
	})
}

const (
	kindField        = "Cases Field"
	kindFieldOptions = "Cases Field Options"
)

// listFieldsPageSize is the largest page ListFields and ListFieldOptions
// accept (MaxResults range 1..100 in the API model).
const listFieldsPageSize = 100

// findFieldByID reads one field with BatchGetField. A field that does not
// exist, or that is deleted (the API keeps deleted fields readable, marked
// deleted), is a *NotFoundError, and so is a missing domain. Reads of the
// same domain asked for at the same time share one BatchGetField request
// (client.FieldReads), so that a refresh of many fields spends the
// operation's rate once per batch, not once per field.
func findFieldByID(ctx context.Context, client *conns.Client, domainID, fieldID string) (*types.GetFieldResponse, error) {
	var out *connectcases.BatchGetFieldOutput
	var err error
	if client.FieldReads != nil {
		out, err = client.FieldReads.Get(ctx, domainID, fieldID)
	} else {
		out, err = BatchGetFields(ctx, client.Cases, domainID, []string{fieldID})
	}
	if IsNotFound(err) {
		return nil, &NotFoundError{Kind: kindField, ID: fieldID, Err: err}
	}
	if err != nil {
		return nil, err
	}
	for _, f := range out.Fields {
		if aws.ToString(f.FieldId) != fieldID {
			continue
		}
		if f.Deleted {
			return nil, &NotFoundError{Kind: kindField, ID: fieldID, Err: fmt.Errorf("the field is deleted")}
		}
		return &f, nil
	}
	for _, e := range out.Errors {
		if aws.ToString(e.Id) != fieldID {
			continue
		}
		if !strings.Contains(aws.ToString(e.ErrorCode), "NotFound") {
			return nil, fmt.Errorf("BatchGetField answered %s for field %s: %s", aws.ToString(e.ErrorCode), fieldID, aws.ToString(e.Message))
		}
		return nil, &NotFoundError{Kind: kindField, ID: fieldID, Err: fmt.Errorf("%s: %s", aws.ToString(e.ErrorCode), aws.ToString(e.Message))}
	}
	return nil, &NotFoundError{Kind: kindField, ID: fieldID}
}

// BatchGetFields reads fieldIDs (at most MaxBatchGetFields) of one domain
// in one request: the Fetch of conns.Client.FieldReads.
func BatchGetFields(ctx context.Context, conn *connectcases.Client, domainID string, fieldIDs []string) (*connectcases.BatchGetFieldOutput, error) {
	ids := make([]types.FieldIdentifier, len(fieldIDs))
	for i, id := range fieldIDs {
		ids[i] = types.FieldIdentifier{Id: aws.String(id)}
	}
	tflog.Debug(ctx, "reading fields in one BatchGetField request", map[string]any{"domain_id": domainID, "fields": len(fieldIDs)})
	return conn.BatchGetField(ctx, &connectcases.BatchGetFieldInput{DomainId: aws.String(domainID), Fields: ids})
}

// MaxBatchGetFields is how many fields one BatchGetField request may name
// (BatchGetFieldIdentifierList in the API model).
func MaxBatchGetFields() int {
	if n := apimodel.Cases().Shapes["BatchGetFieldIdentifierList"].Length.Max; n != nil {
		return int(*n)
	}
	return 1
}

// findFields lists every field of a domain that is not deleted, system
// fields included, page by page, keeping those for which keep returns true.
func findFields(ctx context.Context, conn *connectcases.Client, domainID string, keep func(types.FieldSummary) bool) ([]types.FieldSummary, error) {
	return collect(listFields(ctx, conn, domainID), keep)
}

// listFields yields every field of a domain that is not deleted, system
// fields included, page by page.
func listFields(ctx context.Context, conn *connectcases.Client, domainID string) iter.Seq2[types.FieldSummary, error] {
	p := connectcases.NewListFieldsPaginator(conn, &connectcases.ListFieldsInput{
		DomainId:   aws.String(domainID),
		MaxResults: aws.Int32(listFieldsPageSize),
	})
	return pages(ctx, p.HasMorePages, p.NextPage, func(o *connectcases.ListFieldsOutput) []types.FieldSummary { return o.Fields })
}

// findFieldsByName returns the fields of a domain called name (names are
// unique per domain, so at most one).
func findFieldsByName(ctx context.Context, conn *connectcases.Client, domainID, name string) ([]types.FieldSummary, error) {
	return findFields(ctx, conn, domainID, func(f types.FieldSummary) bool {
		return aws.ToString(f.Name) == name
	})
}

// findFieldOptions lists every option of a single-select field, active and
// inactive, in the order the API returns them.
func findFieldOptions(ctx context.Context, conn *connectcases.Client, domainID, fieldID string) ([]types.FieldOption, error) {
	return findFieldOptionsWithValues(ctx, conn, domainID, fieldID, nil)
}

// findFieldOptionsWithValues is findFieldOptions with the API's filter on
// option values (ListFieldOptionsRequest.values; nil for all).
func findFieldOptionsWithValues(ctx context.Context, conn *connectcases.Client, domainID, fieldID string, values []string) ([]types.FieldOption, error) {
	var out []types.FieldOption
	pages := connectcases.NewListFieldOptionsPaginator(conn, &connectcases.ListFieldOptionsInput{
		DomainId:   aws.String(domainID),
		FieldId:    aws.String(fieldID),
		MaxResults: aws.Int32(listFieldsPageSize),
		Values:     values,
	})
	for pages.HasMorePages() {
		page, err := pages.NextPage(ctx)
		if err != nil {
			return nil, err
		}
		out = append(out, page.Options...)
	}
	return out, nil
}

const (
	kindLayout                 = "Cases Layout"
	kindTemplate               = "Cases Template"
	kindCaseRule               = "Cases Case Rule"
	kindCaseEventConfiguration = "Cases Case Event Configuration"
)

// listConfigPageSize is the largest page ListLayouts, ListTemplates and
// ListCaseRules accept (MaxResults range 1..100 in the API model).
const listConfigPageSize = 100

// findLayoutByID reads one layout. A layout that does not exist, or that is
// deleted (GetLayout keeps answering for deleted layouts, marked deleted),
// is a *NotFoundError, and so is a missing domain.
func findLayoutByID(ctx context.Context, conn *connectcases.Client, domainID, layoutID string) (*connectcases.GetLayoutOutput, error) {
	out, err := conn.GetLayout(ctx, &connectcases.GetLayoutInput{DomainId: aws.String(domainID), LayoutId: aws.String(layoutID)})
	if IsNotFound(err) {
		return nil, &NotFoundError{Kind: kindLayout, ID: layoutID, Err: err}
	}
	if err != nil {
		return nil, err
	}
	if out.Deleted {
		return nil, &NotFoundError{Kind: kindLayout, ID: layoutID, Err: fmt.Errorf("the layout is deleted")}
	}
	return out, nil
}

// findLayouts lists every layout of a domain that is not deleted.
func findLayouts(ctx context.Context, conn *connectcases.Client, domainID string) ([]types.LayoutSummary, error) {
	return collect(listLayouts(ctx, conn, domainID), nil)
}

// listLayouts yields every layout of a domain that is not deleted, page by
// page.
func listLayouts(ctx context.Context, conn *connectcases.Client, domainID string) iter.Seq2[types.LayoutSummary, error] {
	p := connectcases.NewListLayoutsPaginator(conn, &connectcases.ListLayoutsInput{DomainId: aws.String(domainID), MaxResults: aws.Int32(listConfigPageSize)})
	return pages(ctx, p.HasMorePages, p.NextPage, func(o *connectcases.ListLayoutsOutput) []types.LayoutSummary { return o.Layouts })
}

// findTemplateByID reads one template; like findLayoutByID, a deleted
// template is a *NotFoundError.
func findTemplateByID(ctx context.Context, conn *connectcases.Client, domainID, templateID string) (*connectcases.GetTemplateOutput, error) {
	out, err := conn.GetTemplate(ctx, &connectcases.GetTemplateInput{DomainId: aws.String(domainID), TemplateId: aws.String(templateID)})
	if IsNotFound(err) {
		return nil, &NotFoundError{Kind: kindTemplate, ID: templateID, Err: err}
	}
	if err != nil {
		return nil, err
	}
	if out.Deleted {
		return nil, &NotFoundError{Kind: kindTemplate, ID: templateID, Err: fmt.Errorf("the template is deleted")}
	}
	return out, nil
}

// findTemplates lists every template of a domain that is not deleted,
// keeping those with one of statuses (all when statuses is empty).
func findTemplates(ctx context.Context, conn *connectcases.Client, domainID string, statuses []types.TemplateStatus) ([]types.TemplateSummary, error) {
	return collect(listTemplates(ctx, conn, domainID, statuses), nil)
}

// listTemplates yields every template of a domain that is not deleted and
// has one of statuses (all when statuses is empty), page by page.
func listTemplates(ctx context.Context, conn *connectcases.Client, domainID string, statuses []types.TemplateStatus) iter.Seq2[types.TemplateSummary, error] {
	p := connectcases.NewListTemplatesPaginator(conn, &connectcases.ListTemplatesInput{
		DomainId: aws.String(domainID), MaxResults: aws.Int32(listConfigPageSize), Status: statuses,
	})
	return pages(ctx, p.HasMorePages, p.NextPage, func(o *connectcases.ListTemplatesOutput) []types.TemplateSummary { return o.Templates })
}

// findCaseRuleByID reads one case rule with BatchGetCaseRule; a missing or
// deleted rule is a *NotFoundError.
func findCaseRuleByID(ctx context.Context, conn *connectcases.Client, domainID, ruleID string) (*types.GetCaseRuleResponse, error) {
	out, err := conn.BatchGetCaseRule(ctx, &connectcases.BatchGetCaseRuleInput{
		DomainId:  aws.String(domainID),
		CaseRules: []types.CaseRuleIdentifier{{Id: aws.String(ruleID)}},
	})
	if IsNotFound(err) {
		return nil, &NotFoundError{Kind: kindCaseRule, ID: ruleID, Err: err}
	}
	if err != nil {
		return nil, err
	}
	for _, r := range out.CaseRules {
		if aws.ToString(r.CaseRuleId) != ruleID {
			continue
		}
		if r.Deleted {
			return nil, &NotFoundError{Kind: kindCaseRule, ID: ruleID, Err: fmt.Errorf("the case rule is deleted")}
		}
		return &r, nil
	}
	for _, e := range out.Errors {
		if aws.ToString(e.Id) == ruleID && !strings.Contains(aws.ToString(e.ErrorCode), "NotFound") {
			return nil, fmt.Errorf("BatchGetCaseRule answered %s for case rule %s: %s", aws.ToString(e.ErrorCode), ruleID, aws.ToString(e.Message))
		}
	}
	return nil, &NotFoundError{Kind: kindCaseRule, ID: ruleID}
}

// findCaseEventConfiguration reads the case event configuration of a
// domain; a missing domain is a *NotFoundError.
func findCaseEventConfiguration(ctx context.Context, conn *connectcases.Client, domainID string) (*types.EventBridgeConfiguration, error) {
	out, err := conn.GetCaseEventConfiguration(ctx, &connectcases.GetCaseEventConfigurationInput{DomainId: aws.String(domainID)})
	if IsNotFound(err) {
		return nil, &NotFoundError{Kind: kindCaseEventConfiguration, ID: domainID, Err: err}
	}
	if err != nil {
		return nil, err
	}
	if out.EventBridge == nil {
		return &types.EventBridgeConfiguration{Enabled: aws.Bool(false)}, nil
	}
	return out.EventBridge, nil
}

// findCaseRules lists every case rule of a domain that is not deleted,
// following ListCaseRules pages to the end.
func findCaseRules(ctx context.Context, conn *connectcases.Client, domainID string) ([]types.CaseRuleSummary, error) {
	return collect(listCaseRules(ctx, conn, domainID), nil)
}

// listCaseRules yields every case rule of a domain that is not deleted,
// page by page.
func listCaseRules(ctx context.Context, conn *connectcases.Client, domainID string) iter.Seq2[types.CaseRuleSummary, error] {
	p := connectcases.NewListCaseRulesPaginator(conn, &connectcases.ListCaseRulesInput{
		DomainId: aws.String(domainID), MaxResults: aws.Int32(listConfigPageSize),
	})
	return pages(ctx, p.HasMorePages, p.NextPage, func(o *connectcases.ListCaseRulesOutput) []types.CaseRuleSummary { return o.CaseRules })
}
