package cases

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/connect-cases/terraform-provider-cases/internal/conns"
)

// domainChildResourceID is the id in state and the import ID of an entity
// that belongs to a domain (field, layout, template, case rule):
// DOMAIN_ID,ENTITY_ID.
func domainChildResourceID(domainID, id string) string {
	return domainID + "," + id
}

// domainChildIDsFromImportID accepts DOMAIN_ID,ID or the entity's ARN
// (arn:PARTITION:cases:REGION:ACCOUNT:domain/DOMAIN_ID/KIND/ID) in the
// provider's region. kind is the ARN's path element ("field", "layout",
// "template", "case-rule").
func domainChildIDsFromImportID(importID, region, kind string) (domainID, id string, err error) {
	idName := strings.ToUpper(strings.ReplaceAll(kind, "-", "_")) + "_ID"
	want := fmt.Sprintf("expected DOMAIN_ID,%s or a %s ARN (arn:aws:cases:REGION:ACCOUNT:domain/DOMAIN_ID/%s/%s)",
		idName, kind, kind, idName)
	importID = strings.TrimSpace(importID)
	if importID == "" {
		return "", "", fmt.Errorf("empty import ID: %s", want)
	}
	if !strings.HasPrefix(importID, "arn:") {
		domainID, id, ok := strings.Cut(importID, ",")
		domainID, id = strings.TrimSpace(domainID), strings.TrimSpace(id)
		if !ok || domainID == "" || id == "" || strings.ContainsAny(domainID+id, ",/: ") {
			return "", "", fmt.Errorf("%q is not DOMAIN_ID,%s: %s", importID, idName, want)
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

// importDomainChild is ImportState for a resource whose state id is
// DOMAIN_ID,ID: it sets id, domain_id and the entity's ID attribute (the
// same name in state and identity) from an import ID in either form
// accepted by domainChildIDsFromImportID, or from an identity with
// domain_id and that attribute (Terraform 1.12+). Read does the rest.
func importDomainChild(ctx context.Context, client *conns.Client, req resource.ImportStateRequest, resp *resource.ImportStateResponse, typeName, kind string, idAttr identityAttr) {
	var domainID, id string
	if ids, byIdentity := identityImport(ctx, client, req, &resp.Diagnostics, identityDomainID, idAttr); byIdentity {
		if resp.Diagnostics.HasError() {
			return
		}
		domainID, id = ids[0], ids[1]
	} else {
		region := ""
		if client != nil {
			region = client.Region
		}
		var err error
		if domainID, id, err = domainChildIDsFromImportID(req.ID, region, kind); err != nil {
			resp.Diagnostics.AddError("Invalid import ID for "+typeName, err.Error())
			return
		}
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), domainChildResourceID(domainID, id))...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("domain_id"), domainID)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root(idAttr.name), id)...)
}
