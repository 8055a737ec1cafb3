package cases

import (
	"context"
	"fmt"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/identityschema"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/connect-cases/terraform-provider-cases/internal/conns"
)

// Resource identity (Terraform 1.12 and later): what the API needs to find
// an entity, stored beside its state and accepted by an import block's
// identity attribute. Like terraform-provider-aws v6, every identity starts
// with the account and the region, optional on import (they default to the
// provider's), followed by the IDs the API takes, required on import.
const (
	identityAccountID = "account_id"
	identityRegion    = "region"
)

// identityAttr is one ID of an identity, after account_id and region.
type identityAttr struct {
	name, description string
}

var (
	identityDomainID      = identityAttr{"domain_id", "The ID of the domain."}
	identityFieldID       = identityAttr{"field_id", "The ID of the field."}
	identityLayoutID      = identityAttr{"layout_id", "The ID of the layout."}
	identityTemplateID    = identityAttr{"template_id", "The ID of the template."}
	identityCaseRuleID    = identityAttr{"case_rule_id", "The ID of the case rule."}
	identityInstanceID    = identityAttr{"instance_id", "The ID of the Amazon Connect instance (not its ARN)."}
	identityAssociationID = identityAttr{"association_id", "The ID of the integration association."}
)

// regionalIdentitySchema is the identity schema of a resource found by ids
// in one account and region.
func regionalIdentitySchema(ids ...identityAttr) identityschema.Schema {
	attrs := map[string]identityschema.Attribute{
		identityAccountID: identityschema.StringAttribute{
			OptionalForImport: true,
			Description:       "The AWS account the resource is in. On import it defaults to the account of the provider's credentials; any other account is an error.",
		},
		identityRegion: identityschema.StringAttribute{
			OptionalForImport: true,
			Description:       "The AWS region the resource is in. On import it defaults to the provider's region; any other region is an error.",
		},
	}
	for _, id := range ids {
		attrs[id.name] = identityschema.StringAttribute{RequiredForImport: true, Description: id.description}
	}
	return identityschema.Schema{Attributes: attrs}
}

// identityValue is one id of an identity and its value.
type identityValue struct {
	attr  identityAttr
	value string
}

func idValue(attr identityAttr, value string) identityValue {
	return identityValue{attr: attr, value: value}
}

// setIdentity records the identity of an entity: account (when known; ""
// keeps what the identity holds), region and ids. An account or region
// already in the identity that differs, as an import block may give, is an
// error: the entity the provider reached is not the one the identity names.
func setIdentity(ctx context.Context, identity *tfsdk.ResourceIdentity, account, region string, ids []identityValue, diags *diag.Diagnostics) {
	if identity == nil {
		return
	}
	for _, want := range []struct{ name, value, what string }{
		{identityAccountID, account, "account"},
		{identityRegion, region, "region"},
	} {
		var have types.String
		diags.Append(identity.GetAttribute(ctx, path.Root(want.name), &have)...)
		if diags.HasError() {
			return
		}
		if want.value == "" || have.IsNull() || have.IsUnknown() || have.ValueString() == "" || have.ValueString() == want.value {
			continue
		}
		diags.AddError("Resource identity names another "+want.what,
			fmt.Sprintf("The resource identity says %s %q, but the provider reached this resource in %s %q. "+
				"A provider reaches one account and region: import the resource with a provider configured for %s %q, or correct the identity.",
				want.name, have.ValueString(), want.what, want.value, want.what, have.ValueString()))
		return
	}
	if account != "" {
		diags.Append(identity.SetAttribute(ctx, path.Root(identityAccountID), account)...)
	}
	diags.Append(identity.SetAttribute(ctx, path.Root(identityRegion), region)...)
	for _, id := range ids {
		diags.Append(identity.SetAttribute(ctx, path.Root(id.attr.name), id.value)...)
	}
}

// recordIdentity is setIdentity for a resource: the account is taken from
// arn (and learnt by the client), the region is the provider's.
func (b *resourceBase) recordIdentity(ctx context.Context, identity *tfsdk.ResourceIdentity, arn string, diags *diag.Diagnostics, ids ...identityValue) {
	account := arnAccount(arn)
	b.client.LearnAccountID(account)
	setIdentity(ctx, identity, account, b.client.Region, ids, diags)
}

// arnAccount returns the account field of an ARN
// (arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE), or "".
func arnAccount(arn string) string {
	parts := strings.SplitN(arn, ":", 6)
	if len(parts) != 6 || parts[0] != "arn" {
		return ""
	}
	return parts[4]
}

// identityImport reads the ids of an import by identity (an import block
// with identity = {...}). byIdentity is false for an import by ID; when it
// is true and diags has errors, the identity is not usable and diags says
// why. The region, when given, must be the provider's; the account, when
// given, is checked by the Read that follows (setIdentity), since only an
// ARN tells it.
func identityImport(ctx context.Context, client *conns.Client, req resource.ImportStateRequest, diags *diag.Diagnostics, ids ...identityAttr) (values []string, byIdentity bool) {
	if req.ID != "" || req.Identity == nil {
		return nil, false
	}
	var region types.String
	diags.Append(req.Identity.GetAttribute(ctx, path.Root(identityRegion), &region)...)
	if client != nil && client.Region != "" && !region.IsNull() && region.ValueString() != "" && region.ValueString() != client.Region {
		diags.AddAttributeError(path.Root(identityRegion), "Resource identity in another region",
			fmt.Sprintf("The identity names region %q but the provider is configured for %q; import it with a provider for that region.", region.ValueString(), client.Region))
	}
	values = make([]string, len(ids))
	for i, id := range ids {
		var v types.String
		diags.Append(req.Identity.GetAttribute(ctx, path.Root(id.name), &v)...)
		values[i] = strings.TrimSpace(v.ValueString())
		if values[i] == "" || strings.ContainsAny(values[i], ",/: ") {
			diags.AddAttributeError(path.Root(id.name), "Invalid identity attribute",
				fmt.Sprintf("Importing by identity needs %s, a bare ID (not an ARN), got %q: %s", id.name, v.ValueString(), id.description))
		}
	}
	return values, true
}

// recordDomainIdentity is recordIdentity for a resource that is the domain's
// own setting and has no ARN (cases_case_event_configuration): the account
// is the one the client has learnt, else the one the domain's ARN names,
// at the cost of one GetDomain per provider instance. When even that
// fails, the identity keeps the account it had.
func (b *resourceBase) recordDomainIdentity(ctx context.Context, identity *tfsdk.ResourceIdentity, domainID string, diags *diag.Diagnostics) {
	account := b.client.AccountID()
	if account == "" {
		if d, err := findDomainByID(ctx, b.client.Cases, domainID); err == nil {
			account = arnAccount(aws.ToString(d.DomainArn))
			b.client.LearnAccountID(account)
		} else {
			tflog.Debug(ctx, "could not learn the account of a Cases domain for its identity", map[string]any{"domain_id": domainID, "error": err.Error()})
		}
	}
	setIdentity(ctx, identity, account, b.client.Region, []identityValue{idValue(identityDomainID, domainID)}, diags)
}
