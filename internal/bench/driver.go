package bench

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/connect-cases/terraform-provider-cases/internal/provider"
)

// Credentials the benchmarks sign with. The access key id is 12 digits, so
// the emulator files everything under that account.
const (
	Account   = "111122223333"
	Region    = "us-west-2"
	SecretKey = "bench-secret"
)

const domainType = "cases_domain"

// Driver calls the provider the way Terraform does, in-process over the
// plugin protocol (tfprotov6): one provider instance, configured once, with
// the same client, pacer and Create path as `terraform apply` runs. One
// Driver is one provider process: its creates share one pacer.
type Driver struct {
	server     tfprotov6.ProviderServer
	domainType tftypes.Object
}

// NewDriver configures a provider instance against the Cases endpoint.
func NewDriver(ctx context.Context, endpoint string) (*Driver, error) {
	server, err := providerserver.NewProtocol6WithError(provider.New("bench", "")())()
	if err != nil {
		return nil, err
	}
	schemas, err := server.GetProviderSchema(ctx, &tfprotov6.GetProviderSchemaRequest{})
	if err != nil {
		return nil, err
	}
	if err := diagnosticsError(schemas.Diagnostics); err != nil {
		return nil, fmt.Errorf("provider schema: %w", err)
	}
	providerType, ok := schemas.Provider.ValueType().(tftypes.Object)
	if !ok {
		return nil, errors.New("provider schema is not an object")
	}
	resourceSchema, ok := schemas.ResourceSchemas[domainType]
	if !ok {
		return nil, fmt.Errorf("provider has no %s", domainType)
	}
	d := &Driver{server: server}
	d.domainType, ok = resourceSchema.ValueType().(tftypes.Object)
	if !ok {
		return nil, fmt.Errorf("%s schema is not an object", domainType)
	}

	endpoints, ok := providerType.AttributeTypes["endpoints"].(tftypes.Object)
	if !ok {
		return nil, errors.New("provider schema has no endpoints block")
	}
	config, err := dynamicValue(providerType, map[string]tftypes.Value{
		"region":     tftypes.NewValue(tftypes.String, Region),
		"access_key": tftypes.NewValue(tftypes.String, Account),
		"secret_key": tftypes.NewValue(tftypes.String, SecretKey),
		"endpoints": objectValue(endpoints, map[string]tftypes.Value{
			"connectcases": tftypes.NewValue(tftypes.String, endpoint),
		}),
	})
	if err != nil {
		return nil, err
	}
	resp, err := server.ConfigureProvider(ctx, &tfprotov6.ConfigureProviderRequest{TerraformVersion: "1.11.4", Config: &config})
	if err != nil {
		return nil, err
	}
	if err := diagnosticsError(resp.Diagnostics); err != nil {
		return nil, fmt.Errorf("configuring the provider: %w", err)
	}
	return d, nil
}

// CreateDomain plans and applies a new cases_domain called name, as
// `terraform apply` would, and returns its id and the moment the apply
// returned.
func (d *Driver) CreateDomain(ctx context.Context, name string) (id string, returned time.Time, err error) {
	config, err := dynamicValue(d.domainType, map[string]tftypes.Value{
		"name": tftypes.NewValue(tftypes.String, name),
	})
	if err != nil {
		return "", time.Time{}, err
	}
	null, err := tfprotov6.NewDynamicValue(d.domainType, tftypes.NewValue(d.domainType, nil))
	if err != nil {
		return "", time.Time{}, err
	}
	plan, err := d.server.PlanResourceChange(ctx, &tfprotov6.PlanResourceChangeRequest{
		TypeName:         domainType,
		PriorState:       &null,
		ProposedNewState: &config,
		Config:           &config,
	})
	if err != nil {
		return "", time.Time{}, err
	}
	if err := diagnosticsError(plan.Diagnostics); err != nil {
		return "", time.Time{}, fmt.Errorf("planning %s: %w", name, err)
	}
	applied, err := d.server.ApplyResourceChange(ctx, &tfprotov6.ApplyResourceChangeRequest{
		TypeName:       domainType,
		PriorState:     &null,
		PlannedState:   plan.PlannedState,
		Config:         &config,
		PlannedPrivate: plan.PlannedPrivate,
	})
	returned = time.Now()
	if err != nil {
		return "", returned, err
	}
	if err := diagnosticsError(applied.Diagnostics); err != nil {
		return "", returned, fmt.Errorf("applying %s: %w", name, err)
	}
	state, err := applied.NewState.Unmarshal(d.domainType)
	if err != nil {
		return "", returned, err
	}
	var attrs map[string]tftypes.Value
	if err := state.As(&attrs); err != nil {
		return "", returned, err
	}
	if err := attrs["domain_id"].As(&id); err != nil {
		return "", returned, err
	}
	return id, returned, nil
}

// objectValue builds an object of typ from set; every other attribute is
// null, as Terraform sends an unset argument or an absent block.
func objectValue(typ tftypes.Object, set map[string]tftypes.Value) tftypes.Value {
	attrs := make(map[string]tftypes.Value, len(typ.AttributeTypes))
	for name, t := range typ.AttributeTypes {
		if v, ok := set[name]; ok {
			attrs[name] = v
			continue
		}
		attrs[name] = tftypes.NewValue(t, nil)
	}
	return tftypes.NewValue(typ, attrs)
}

func dynamicValue(typ tftypes.Object, set map[string]tftypes.Value) (tfprotov6.DynamicValue, error) {
	for name := range set {
		if _, ok := typ.AttributeTypes[name]; !ok {
			return tfprotov6.DynamicValue{}, fmt.Errorf("schema has no attribute %q", name)
		}
	}
	return tfprotov6.NewDynamicValue(typ, objectValue(typ, set))
}

func diagnosticsError(diags []*tfprotov6.Diagnostic) error {
	var msgs []string
	for _, d := range diags {
		if d.Severity == tfprotov6.DiagnosticSeverityError {
			msgs = append(msgs, d.Summary+": "+d.Detail)
		}
	}
	if len(msgs) == 0 {
		return nil
	}
	return errors.New(strings.Join(msgs, "; "))
}
