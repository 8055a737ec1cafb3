package cases

import (
	"context"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

func checkString(vs []validator.String, value string) []string {
	var out []string
	for _, v := range vs {
		resp := &validator.StringResponse{}
		v.ValidateString(context.Background(), validator.StringRequest{Path: path.Root("x"), ConfigValue: types.StringValue(value)}, resp)
		for _, d := range resp.Diagnostics.Errors() {
			out = append(out, d.Summary()+": "+d.Detail())
		}
	}
	return out
}

func TestAPIMembersResolve(t *testing.T) {
	// Every entry names a member of the model (member() and the validators
	// panic otherwise).
	for _, name := range apiMemberNames() {
		m := member(name)
		if _, _, ok := stringsOf(name); ok {
			stringRules(name)
			rulesText(name)
		} else {
			sizeOf(name)
		}
		if m.Structure == "" || len(m.Path) == 0 {
			t.Errorf("%s: empty member", name)
		}
	}
}

func TestTagKeyRules(t *testing.T) {
	keys := map[string]bool{
		"env":             true,
		"cost-center":     true,
		"team:support/eu": true,
		"v1.2,x;y<z=w_q+": true,
		"aws:reserved":    false,
		"has space":       false,
		"ümlaut":          false,
		"":                false,
	}
	rules := keyRules("tags")
	for key, valid := range keys {
		if errs := checkString(rules, key); (len(errs) == 0) != valid {
			t.Errorf("tag key %q: valid = %v, want %v (%v)", key, len(errs) == 0, valid, errs)
		}
	}
}

func TestNameRulesCountCharactersAndSayWhy(t *testing.T) {
	rules := stringRules("cases_field.name")
	if errs := checkString(rules, strings.Repeat("名", 100)); len(errs) != 0 {
		t.Fatalf("100 characters (300 bytes): %v", errs)
	}
	errs := checkString(rules, strings.Repeat("名", 101))
	if len(errs) != 1 || !strings.Contains(errs[0], "characters") || !strings.Contains(errs[0], "got 101") {
		t.Fatalf("101 characters: %v", errs)
	}
	for name, valid := range map[string]bool{
		"support": true, "support\u00a0": true, "support\n": true,
		"support ": false, "support\t": false, "support\v": false, "two\nlines": false, "carriage\rreturn": false, "a\u2028b": false,
	} {
		if errs := checkString(rules, name); (len(errs) == 0) != valid {
			t.Errorf("name %q: valid = %v, want %v (%v)", name, len(errs) == 0, valid, errs)
		}
	}
}

func TestNonEmptyDescriptions(t *testing.T) {
	for _, attr := range []string{"cases_field.description", "cases_template.description", "cases_case_rule.description", "cases_layout.content.panel.name"} {
		if errs := checkString(stringRules(attr), ""); len(errs) == 0 {
			t.Errorf("%s: empty value accepted", attr)
		}
		if !strings.HasPrefix(rulesText(attr), "not empty, at most") {
			t.Errorf("%s: rules text %q", attr, rulesText(attr))
		}
	}
}

func TestTemplateRuleFieldID(t *testing.T) {
	for in, want := range map[string]types.String{"": types.StringNull(), "NULL": types.StringNull(), "f-1": types.StringValue("f-1")} {
		v := in
		if got := templateRuleFieldID(&v); !got.Equal(want) {
			t.Errorf("templateRuleFieldID(%q) = %v, want %v", in, got, want)
		}
	}
	if got := templateRuleFieldID(nil); !got.IsNull() {
		t.Errorf("nil: %v", got)
	}
}

func TestStringsOfResolvesListsAndMaps(t *testing.T) {
	for attr, want := range map[string]string{
		"cases_field.name": "CreateFieldRequest.name",
		"tags.{key}":       "UntagResourceRequest.tagKeys[]",
		"cases_template.tag_propagation.tags.{key}":      "TagPropagationConfiguration.tagMap{key}",
		"cases_template.tag_propagation.tags.{value}":    "TagPropagationConfiguration.tagMap{value}",
		"cases_case_rule.field_options.mappings.{value}": "ParentChildFieldOptionsMapping.childFieldOptionValues[]",
		"cases_instance_association.instance_id":         "CreateIntegrationAssociationRequest.InstanceId",
	} {
		if _, name, ok := stringsOf(attr); !ok || name != want {
			t.Errorf("stringsOf(%q) = %q, %v; want %q, true", attr, name, ok, want)
		}
	}
	for _, attr := range []string{"cases_template.tag_propagation.tags", "cases_template.rules", "cases_case_rule.field_options.mappings"} {
		if _, _, ok := stringsOf(attr); ok {
			t.Errorf("stringsOf(%q): a size entry resolved to strings", attr)
		}
	}
	if errs := checkString(stringRules("cases_instance_association.instance_id"), strings.Repeat("i", 101)); len(errs) != 1 || !strings.Contains(errs[0], "CreateIntegrationAssociationRequest.InstanceId") {
		t.Errorf("a 101-character instance ID: %v", errs)
	}
}
