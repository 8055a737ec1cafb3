package cases

import (
	"context"
	"fmt"
	"strings"

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

const (
	kindField        = "Cases Field"
	kindFieldOptions = "Cases Field Options"
)

// listFieldsPageSize is the largest page ListFields and ListFieldOptions
// accept (MaxResults range 1..100 in the API model).
const listFieldsPageSize = 100

// findFieldByID reads one field with BatchGetField. A field that does not
// exist, or that is deleted (the API keeps deleted fields readable, marked
// deleted), is a *NotFoundError, and so is a missing domain.
func findFieldByID(ctx context.Context, conn *connectcases.Client, domainID, fieldID string, optFns ...func(*connectcases.Options)) (*types.GetFieldResponse, error) {
	out, err := conn.BatchGetField(ctx, &connectcases.BatchGetFieldInput{
		DomainId: aws.String(domainID),
		Fields:   []types.FieldIdentifier{{Id: aws.String(fieldID)}},
	}, optFns...)
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

// findFields lists every field of a domain that is not deleted, system
// fields included, page by page, keeping those for which keep returns true.
func findFields(ctx context.Context, conn *connectcases.Client, domainID string, keep func(types.FieldSummary) bool) ([]types.FieldSummary, error) {
	var out []types.FieldSummary
	pages := connectcases.NewListFieldsPaginator(conn, &connectcases.ListFieldsInput{
		DomainId:   aws.String(domainID),
		MaxResults: aws.Int32(listFieldsPageSize),
	})
	for pages.HasMorePages() {
		page, err := pages.NextPage(ctx)
		if err != nil {
			return nil, err
		}
		for _, f := range page.Fields {
			if keep == nil || keep(f) {
				out = append(out, f)
			}
		}
	}
	return out, nil
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
	var out []types.FieldOption
	pages := connectcases.NewListFieldOptionsPaginator(conn, &connectcases.ListFieldOptionsInput{
		DomainId:   aws.String(domainID),
		FieldId:    aws.String(fieldID),
		MaxResults: aws.Int32(listFieldsPageSize),
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
