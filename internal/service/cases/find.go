package cases

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/connectcases"
	"github.com/aws/aws-sdk-go-v2/service/connectcases/types"
)

const kindDomain = "Cases Domain"

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

// findDomains lists every domain of the account and region, page by page,
// keeping those for which keep returns true.
func findDomains(ctx context.Context, conn *connectcases.Client, keep func(types.DomainSummary) bool) ([]types.DomainSummary, error) {
	var out []types.DomainSummary
	pages := connectcases.NewListDomainsPaginator(conn, &connectcases.ListDomainsInput{
		MaxResults: aws.Int32(listDomainsPageSize),
	})
	for pages.HasMorePages() {
		page, err := pages.NextPage(ctx)
		if err != nil {
			return nil, err
		}
		for _, d := range page.Domains {
			if keep == nil || keep(d) {
				out = append(out, d)
			}
		}
	}
	return out, nil
}

// findDomainsByName returns the domains called name (names are unique per
// account and region, so at most one unless the API changes).
func findDomainsByName(ctx context.Context, conn *connectcases.Client, name string) ([]types.DomainSummary, error) {
	return findDomains(ctx, conn, func(d types.DomainSummary) bool {
		return aws.ToString(d.Name) == name
	})
}
