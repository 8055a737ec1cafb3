package validators

import (
	"context"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

func TestNameProblem(t *testing.T) {
	tests := []struct {
		name, want string
	}{
		{"support", ""},
		{"support cases", ""},
		{"a", ""},
		{"support\u00a0", ""}, // no-break space is \S for the service
		{"", "is empty"},
		{"support ", "ends with white space"},
		{"support\t", "ends with white space"},
		{"support\v", "ends with white space"},
		{"support\n", "contains a line break"},
		{"two\nlines", "contains a line break"},
		{"carriage\rreturn", "contains a line break"},
		{"   ", "ends with white space"},
	}
	for _, tt := range tests {
		got := NameProblem(tt.name)
		if !strings.HasPrefix(got, tt.want) || (tt.want == "" && got != "") {
			t.Errorf("NameProblem(%q) = %q, want prefix %q", tt.name, got, tt.want)
		}
	}
}

func TestAPINameDiagnosticNamesTheRule(t *testing.T) {
	resp := &validator.StringResponse{}
	APIName().ValidateString(context.Background(), validator.StringRequest{
		Path:        path.Root("name"),
		ConfigValue: types.StringValue("support "),
	}, resp)
	if !resp.Diagnostics.HasError() {
		t.Fatal("trailing space accepted")
	}
	detail := resp.Diagnostics[0].Detail()
	for _, want := range []string{"name", "does not end with white space", NamePattern, `"support "`} {
		if !strings.Contains(detail, want) {
			t.Errorf("diagnostic %q does not mention %q", detail, want)
		}
	}
}

func TestAPINameSkipsUnknown(t *testing.T) {
	resp := &validator.StringResponse{}
	APIName().ValidateString(context.Background(), validator.StringRequest{
		Path: path.Root("name"), ConfigValue: types.StringUnknown(),
	}, resp)
	if resp.Diagnostics.HasError() {
		t.Fatal("unknown value rejected")
	}
}

// FuzzNameProblem checks the validator against the API's own pattern as Go
// evaluates it, on the single-line ASCII inputs where both agree.
func FuzzNameProblem(f *testing.F) {
	for _, seed := range []string{"support", "", " ", "a ", "a\n", "a\tb", "\u00a0", "x\u2028y"} {
		f.Add(seed)
	}
	pattern := regexp.MustCompile(NamePattern)
	f.Fuzz(func(t *testing.T, name string) {
		problem := NameProblem(name)
		// On ASCII, Go's RE2 and the service's Java regex agree on the
		// pattern except for \r, which only Java's "." refuses to cross,
		// and \v, which only Java counts as \s.
		if isASCII(name) && !strings.Contains(name, "\r") && !strings.HasSuffix(name, "\v") {
			if matches := pattern.MatchString(name); matches != (problem == "") {
				t.Fatalf("NameProblem(%q) = %q, but the API pattern matches: %v", name, problem, matches)
			}
		}
		if name == "" && problem == "" {
			t.Fatal("empty name accepted")
		}
		if problem == "" && strings.ContainsAny(name, "\n\r") {
			t.Fatalf("multi-line name %q accepted", name)
		}
		if problem == "" && strings.ContainsAny(name[len(name)-1:], " \t\n\v\f\r") {
			t.Fatalf("name %q ending with white space accepted", name)
		}
	})
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}
