package emulator

import (
	"slices"
	"testing"
	"time"

	"github.com/connect-cases/terraform-provider-cases/internal/apimodel"
)

func TestSystemFields_table(t *testing.T) {
	cases := apimodel.Cases()
	ids, names := map[string]bool{}, map[string]bool{}
	for _, f := range systemFields {
		if ids[f.id] || names[f.name] {
			t.Errorf("system field %s (%q) is listed twice", f.id, f.name)
		}
		ids[f.id], names[f.name] = true, true
		if !slices.Contains(cases.Shapes["FieldType"].Enum, f.fieldType) {
			t.Errorf("system field %s has type %q, not in the FieldType enum", f.id, f.fieldType)
		}
		var v validator
		v.str("name", f.name, cases.Effective(cases.MustLookup("GetFieldResponse", "name")))
		v.str("description", f.description, cases.Effective(cases.MustLookup("GetFieldResponse", "description")))
		if err := v.err(); err != nil {
			t.Errorf("system field %s breaks the model's constraints: %v", f.id, err)
		}
		if len(f.fixedOptions) > 0 && f.fieldType != fieldTypeSingleSelect {
			t.Errorf("system field %s has options but is of type %s", f.id, f.fieldType)
		}
	}
}

// TestRequireLiveFields covers the helper that layouts and templates use to
// check the fields they reference.
func TestRequireLiveFields(t *testing.T) {
	tn := &tenant{Domains: map[string]*domain{}}
	d := &domain{ID: "d", ARN: "arn:aws:cases:us-west-2:123456789012:domain/d"}
	d.seedSystemFields(tn, time.Now())
	d.Fields["gone"] = &field{ID: "gone", Namespace: fieldNamespaceCustom, Deleted: true}

	if err := d.requireLiveFields("fields", []string{"title", "status"}); err != nil {
		t.Errorf("live fields rejected: %v", err)
	}
	err := d.requireLiveFields("layoutContent.basic.topPanel.sections.1.member.fieldGroup.fields", []string{"title", "nope", "gone"})
	want := "'layoutContent.basic.topPanel.sections.1.member.fieldGroup.fields' references fields that do not exist in the domain: nope; deleted fields: gone."
	if err == nil || err.Code != CodeValidation || err.Message != want {
		t.Errorf("err = %v\nwant ValidationException %q", err, want)
	}
	if f, ok := d.liveField("gone"); ok || f != nil {
		t.Error("liveField returned a deleted field")
	}
	if f, ok := d.liveField("status"); !ok || f.Type != fieldTypeSingleSelect {
		t.Errorf("liveField(status) = %+v, %v", f, ok)
	}
}
