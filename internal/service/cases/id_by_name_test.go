package cases

import (
	"errors"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"
)

func TestIDByName(t *testing.T) {
	type summary struct{ name, id string }
	list := func() ([]summary, error) { return []summary{{"a", "id-a"}, {"b", "id-b"}}, nil }
	split := func(s summary) (string, string) { return s.name, s.id }

	var diags diag.Diagnostics
	if id := idByName(&diags, "d-1", "b", "case rule", list, split); id != "id-b" || diags.HasError() {
		t.Fatalf("found %q, %v", id, diags)
	}
	if id := idByName(&diags, "d-1", "c", "case rule", list, split); id != "" || !diags.HasError() {
		t.Fatalf("missing name: %q, %v", id, diags)
	}
	d := diags.Errors()[0]
	if d.Summary() != "Cases Case Rule not found" || !strings.Contains(d.Detail(), "no case rule named \"c\"") || !strings.Contains(d.Detail(), "cases_case_rules data source") {
		t.Errorf("diagnostic %q: %q", d.Summary(), d.Detail())
	}
	diags = nil
	failing := func() ([]summary, error) { return nil, errors.New("boom") }
	if id := idByName(&diags, "d-1", "a", "layout", failing, split); id != "" || !diags.HasError() || !strings.Contains(diags.Errors()[0].Summary()+diags.Errors()[0].Detail(), "boom") {
		t.Errorf("list error: %q, %v", id, diags)
	}
}
