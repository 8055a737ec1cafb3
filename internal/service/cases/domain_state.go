package cases

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// Read runs once per domain on every refresh, so it converts state by hand
// rather than through State.Get and State.Set: their reflection (which also
// compiles a regular expression per struct field) cost about twice the
// GetDomain call itself per read in a profile of 100-domain plans. Both
// functions give exactly what State.Get and State.Set give
// (TestDomainStateMatchesReflection).

// domainStateAttributes are the attributes of a cases_domain state value
// besides the timeouts block.
var domainStateAttributes = [...]string{"id", "domain_id", "domain_arn", "name", "domain_status", "created_time", "tags", "tags_all"}

var tagsMapType = types.MapType{ElemType: types.StringType}

// domainFromState reads a cases_domain state value. Timeouts is left zero:
// the block comes back as it is in the state, for domainStateValue to put
// back unchanged.
func domainFromState(ctx context.Context, raw tftypes.Value) (domainModel, tftypes.Value, error) {
	var m domainModel
	var attrs map[string]tftypes.Value
	if err := raw.As(&attrs); err != nil {
		return m, tftypes.Value{}, err
	}
	if len(attrs) != len(domainStateAttributes)+1 {
		return m, tftypes.Value{}, fmt.Errorf("state has %d attributes, want %d", len(attrs), len(domainStateAttributes)+1)
	}
	for _, name := range domainStateAttributes {
		v, ok := attrs[name]
		if !ok {
			return m, tftypes.Value{}, fmt.Errorf("state has no %q", name)
		}
		var err error
		switch name {
		case "tags", "tags_all":
			var val attr.Value
			if val, err = tagsMapType.ValueFromTerraform(ctx, v); err == nil {
				*m.mapField(name) = val.(types.Map)
			}
		default:
			var val attr.Value
			if val, err = types.StringType.ValueFromTerraform(ctx, v); err == nil {
				*m.stringField(name) = val.(types.String)
			}
		}
		if err != nil {
			return m, tftypes.Value{}, fmt.Errorf("%s: %w", name, err)
		}
	}
	timeouts, ok := attrs["timeouts"]
	if !ok {
		return m, tftypes.Value{}, fmt.Errorf("state has no %q", "timeouts")
	}
	return m, timeouts, nil
}

// domainStateValue is the state value of type typ for m, with the
// timeouts block given as it was read.
func domainStateValue(ctx context.Context, typ tftypes.Type, m domainModel, timeouts tftypes.Value) (tftypes.Value, error) {
	vals := make(map[string]tftypes.Value, len(domainStateAttributes)+1)
	for _, name := range domainStateAttributes {
		var v attr.Value
		switch name {
		case "tags", "tags_all":
			v = *m.mapField(name)
		default:
			v = *m.stringField(name)
		}
		tv, err := v.ToTerraformValue(ctx)
		if err != nil {
			return tftypes.Value{}, fmt.Errorf("%s: %w", name, err)
		}
		vals[name] = tv
	}
	vals["timeouts"] = timeouts
	if err := tftypes.ValidateValue(typ, vals); err != nil {
		return tftypes.Value{}, err
	}
	return tftypes.NewValue(typ, vals), nil
}

func (m *domainModel) stringField(name string) *types.String {
	switch name {
	case "id":
		return &m.ID
	case "domain_id":
		return &m.DomainID
	case "domain_arn":
		return &m.DomainARN
	case "name":
		return &m.Name
	case "domain_status":
		return &m.DomainStatus
	case "created_time":
		return &m.CreatedTime
	}
	panic("cases_domain has no string attribute " + name)
}

func (m *domainModel) mapField(name string) *types.Map {
	switch name {
	case "tags":
		return &m.Tags
	case "tags_all":
		return &m.TagsAll
	}
	panic("cases_domain has no map attribute " + name)
}
