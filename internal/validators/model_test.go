package validators

import (
	"context"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/connect-cases/terraform-provider-cases/internal/apimodel"
)

func validateModelString(t *testing.T, v validator.String, value string) []string {
	t.Helper()
	resp := &validator.StringResponse{}
	v.ValidateString(context.Background(), validator.StringRequest{Path: path.Root("name"), ConfigValue: types.StringValue(value)}, resp)
	var out []string
	for _, d := range resp.Diagnostics.Errors() {
		out = append(out, d.Summary()+": "+d.Detail())
	}
	return out
}

func TestCasesStringCountsCharacters(t *testing.T) {
	v := CasesString("CreateDomainRequest", "name")
	if errs := validateModelString(t, v, strings.Repeat("サ", 100)); len(errs) != 0 {
		t.Fatalf("100 Japanese characters (300 bytes) rejected: %v", errs)
	}
	errs := validateModelString(t, v, strings.Repeat("サ", 101))
	if len(errs) != 1 || !strings.Contains(errs[0], "between 1 and 100 characters") || !strings.Contains(errs[0], "got 101") || !strings.Contains(errs[0], "CreateDomainRequest.name") {
		t.Fatalf("101 characters: %v", errs)
	}
	errs = validateModelString(t, v, "trailing ")
	if len(errs) != 1 || !strings.Contains(errs[0], `^.*[\S]$`) {
		t.Fatalf("trailing space: %v", errs)
	}
}

func TestCasesStringEnumAndDescription(t *testing.T) {
	v := CasesString("CreateFieldRequest", "type")
	if errs := validateModelString(t, v, "Text"); len(errs) != 0 {
		t.Fatal(errs)
	}
	if errs := validateModelString(t, v, "Bogus"); len(errs) != 1 || !strings.Contains(errs[0], "SingleSelect") {
		t.Fatal(errs)
	}
	if d := CasesStringRules("CreateFieldRequest", "name"); !strings.Contains(d, "between 1 and 100 characters") {
		t.Errorf("description %q", d)
	}
}

func TestModelStringNamesItsMember(t *testing.T) {
	svc := apimodel.Cases()
	tagKey := svc.Shapes[svc.Shapes["MutableTags"].Key].Constraints
	v := ModelString(tagKey, "TagPropagationConfiguration.tagMap{key}")
	if errs := validateModelString(t, v, "team"); len(errs) != 0 {
		t.Fatal(errs)
	}
	if errs := validateModelString(t, v, "aws:team"); len(errs) != 1 || !strings.Contains(errs[0], "tagMap{key}") {
		t.Fatalf("aws: prefix: %v", errs)
	}
}
