package cases

import (
	"fmt"
	"strings"
)

// domainChildResourceID is the id in state and the import ID of an entity
// that belongs to a domain (layout, template, case rule):
// DOMAIN_ID,ENTITY_ID.
func domainChildResourceID(domainID, id string) string {
	return domainID + "," + id
}

// domainChildIDsFromImportID accepts DOMAIN_ID,ID or the entity's ARN
// (arn:PARTITION:cases:REGION:ACCOUNT:domain/DOMAIN_ID/KIND/ID) in the
// provider's region. kind is the ARN's path element ("layout",
// "template", "case-rule").
func domainChildIDsFromImportID(importID, region, kind string) (domainID, id string, err error) {
	want := fmt.Sprintf("expected DOMAIN_ID,%s_ID or a %s ARN (arn:aws:cases:REGION:ACCOUNT:domain/DOMAIN_ID/%s/ID)",
		strings.ToUpper(strings.ReplaceAll(kind, "-", "_")), kind, kind)
	importID = strings.TrimSpace(importID)
	if importID == "" {
		return "", "", fmt.Errorf("empty import ID: %s", want)
	}
	if !strings.HasPrefix(importID, "arn:") {
		domainID, id, ok := strings.Cut(importID, ",")
		domainID, id = strings.TrimSpace(domainID), strings.TrimSpace(id)
		if !ok || domainID == "" || id == "" || strings.ContainsAny(domainID+id, ",/: ") {
			return "", "", fmt.Errorf("%q is not DOMAIN_ID,ID: %s", importID, want)
		}
		return domainID, id, nil
	}
	parts := strings.SplitN(importID, ":", 6)
	if len(parts) != 6 || parts[2] != "cases" {
		return "", "", fmt.Errorf("%q is not a Cases %s ARN: %s", importID, kind, want)
	}
	segments := strings.Split(parts[5], "/")
	if len(segments) != 4 || segments[0] != "domain" || segments[2] != kind || segments[1] == "" || segments[3] == "" {
		return "", "", fmt.Errorf("%q is not a Cases %s ARN: %s", importID, kind, want)
	}
	if region != "" && parts[3] != region {
		return "", "", fmt.Errorf("the ARN %q is in region %s but the provider is configured for %s; import it with a provider for that region", importID, parts[3], region)
	}
	return segments[1], segments[3], nil
}
