package cases

import (
	"context"
	"fmt"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/connect"
	connecttypes "github.com/aws/aws-sdk-go-v2/service/connect/types"

	"github.com/connect-cases/terraform-provider-cases/internal/apimodel"
)

const kindInstanceAssociation = "Cases Instance Association"

// listIntegrationAssociationsPageSize is the largest page
// ListIntegrationAssociations accepts (MaxResults: MaxResult100 in the
// Connect model).
var listIntegrationAssociationsPageSize = int32(apimodel.Connect().Effective(
	apimodel.Connect().MustLookup("ListIntegrationAssociationsRequest", "MaxResults")).Range.MaxOr(100))

// findCasesDomainAssociations lists every CASES_DOMAIN association of an
// instance, page by page; with domainARN set, only those for that domain
// (the API filters by IntegrationArn). A missing instance is a
// *NotFoundError.
func findCasesDomainAssociations(ctx context.Context, conn *connect.Client, instanceID, domainARN string) ([]connecttypes.IntegrationAssociationSummary, error) {
	in := &connect.ListIntegrationAssociationsInput{
		InstanceId:      aws.String(instanceID),
		IntegrationType: connecttypes.IntegrationTypeCasesDomain,
		MaxResults:      aws.Int32(listIntegrationAssociationsPageSize),
	}
	if domainARN != "" {
		in.IntegrationArn = aws.String(domainARN)
	}
	var out []connecttypes.IntegrationAssociationSummary
	pages := connect.NewListIntegrationAssociationsPaginator(conn, in)
	for pages.HasMorePages() {
		page, err := pages.NextPage(ctx)
		if IsNotFound(err) {
			return nil, &NotFoundError{Kind: "Amazon Connect instance", ID: instanceID, Err: err}
		}
		if err != nil {
			return nil, err
		}
		for _, a := range page.IntegrationAssociationSummaryList {
			// The filters are the API's; checking again keeps a service
			// that ignores one from being misread.
			if a.IntegrationType != connecttypes.IntegrationTypeCasesDomain || (domainARN != "" && aws.ToString(a.IntegrationArn) != domainARN) {
				continue
			}
			out = append(out, a)
		}
	}
	return out, nil
}

// findInstanceAssociation returns the CASES_DOMAIN association with
// associationID on an instance (for domainARN when it is known). A missing
// instance or association is a *NotFoundError.
func findInstanceAssociation(ctx context.Context, conn *connect.Client, instanceID, associationID, domainARN string) (*connecttypes.IntegrationAssociationSummary, error) {
	found, err := findCasesDomainAssociations(ctx, conn, instanceID, domainARN)
	if err != nil {
		return nil, err
	}
	for i := range found {
		if aws.ToString(found[i].IntegrationAssociationId) == associationID {
			return &found[i], nil
		}
	}
	return nil, &NotFoundError{Kind: kindInstanceAssociation, ID: instanceAssociationID(instanceID, associationID)}
}

// instanceAssociationID is the id in state and the import ID of an
// association: INSTANCE_ID,ASSOCIATION_ID.
func instanceAssociationID(instanceID, associationID string) string {
	return instanceID + "," + associationID
}

// connectInstanceID accepts an Amazon Connect instance ID or instance ARN
// (arn:PARTITION:connect:REGION:ACCOUNT:instance/ID) and returns the ID, the
// form the Connect API's InstanceId takes.
func connectInstanceID(value string) (string, error) {
	const want = "expected an Amazon Connect instance ID or instance ARN (arn:aws:connect:REGION:ACCOUNT:instance/INSTANCE_ID)"
	if !strings.HasPrefix(value, "arn:") {
		if value == "" || strings.ContainsAny(value, "/:, ") {
			return "", fmt.Errorf("%q is neither an instance ID nor an instance ARN: %s", value, want)
		}
		return value, nil
	}
	parts := strings.SplitN(value, ":", 6)
	if len(parts) != 6 || parts[2] != "connect" {
		return "", fmt.Errorf("%q is not an Amazon Connect ARN: %s", value, want)
	}
	id, ok := strings.CutPrefix(parts[5], "instance/")
	if !ok || id == "" || strings.Contains(id, "/") {
		return "", fmt.Errorf("%q is not an Amazon Connect instance ARN: %s", value, want)
	}
	return id, nil
}

// checkCasesDomainARN accepts only a Cases domain ARN
// (arn:PARTITION:cases:REGION:ACCOUNT:domain/ID), the IntegrationArn of a
// CASES_DOMAIN association.
func checkCasesDomainARN(value string) error {
	parts := strings.SplitN(value, ":", 6)
	if len(parts) != 6 || parts[0] != "arn" || parts[2] != "cases" {
		return fmt.Errorf("%q is not a Cases domain ARN: expected arn:aws:cases:REGION:ACCOUNT:domain/DOMAIN_ID, e.g. cases_domain.main.domain_arn", value)
	}
	id, ok := strings.CutPrefix(parts[5], "domain/")
	if !ok || id == "" || strings.Contains(id, "/") {
		return fmt.Errorf("%q is not a Cases domain ARN (a domain, not a resource inside one): expected arn:aws:cases:REGION:ACCOUNT:domain/DOMAIN_ID", value)
	}
	return nil
}

// instanceAssociationIDsFromImportID accepts INSTANCE_ID,ASSOCIATION_ID or
// an association ARN
// (arn:PARTITION:connect:REGION:ACCOUNT:instance/INSTANCE_ID/integration-association/ASSOCIATION_ID)
// in the provider's region.
func instanceAssociationIDsFromImportID(importID, region string) (instanceID, associationID string, err error) {
	const want = "expected INSTANCE_ID,ASSOCIATION_ID or an integration association ARN (arn:aws:connect:REGION:ACCOUNT:instance/INSTANCE_ID/integration-association/ASSOCIATION_ID)"
	importID = strings.TrimSpace(importID)
	if importID == "" {
		return "", "", fmt.Errorf("empty import ID: %s", want)
	}
	if !strings.HasPrefix(importID, "arn:") {
		instanceID, associationID, ok := strings.Cut(importID, ",")
		instanceID, associationID = strings.TrimSpace(instanceID), strings.TrimSpace(associationID)
		if !ok || instanceID == "" || associationID == "" || strings.ContainsAny(instanceID+associationID, ",/: ") {
			return "", "", fmt.Errorf("%q is not INSTANCE_ID,ASSOCIATION_ID: %s", importID, want)
		}
		return instanceID, associationID, nil
	}
	parts := strings.SplitN(importID, ":", 6)
	if len(parts) != 6 || parts[2] != "connect" {
		return "", "", fmt.Errorf("%q is not an Amazon Connect integration association ARN: %s", importID, want)
	}
	segments := strings.Split(parts[5], "/")
	if len(segments) != 4 || segments[0] != "instance" || segments[2] != "integration-association" || segments[1] == "" || segments[3] == "" {
		return "", "", fmt.Errorf("%q is not an Amazon Connect integration association ARN: %s", importID, want)
	}
	if region != "" && parts[3] != region {
		return "", "", fmt.Errorf("the ARN %q is in region %s but the provider is configured for %s; import it with a provider for that region", importID, parts[3], region)
	}
	return segments[1], segments[3], nil
}
