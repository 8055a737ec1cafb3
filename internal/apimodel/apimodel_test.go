package apimodel

import (
	"strings"
	"testing"
)

func TestEveryModelPatternCompiles(t *testing.T) {
	for _, svc := range []*Service{Cases(), Connect()} {
		for name, shape := range svc.Shapes {
			if shape.Pattern != "" {
				if _, err := compileJavaPattern(shape.Pattern); err != nil {
					t.Errorf("%s.%s: %v", svc.Name, name, err)
				}
			}
			for _, m := range shape.Members {
				if m.Pattern != "" {
					if _, err := compileJavaPattern(m.Pattern); err != nil {
						t.Errorf("%s.%s.%s: %v", svc.Name, name, m.Name, err)
					}
				}
			}
		}
	}
}

// TestJavaPatternSemantics pins the cases where Java's java.util.regex and
// Go's RE2 disagree on the models' patterns (see strings.go).
func TestJavaPatternSemantics(t *testing.T) {
	name := CompilePattern(`^.*[\S]$`)
	for value, want := range map[string]bool{
		"support":              true,
		"東京サポート":               true,
		"a b":                  true,
		"ab\u00a0":             true, // no-break space is not \s in Java
		"ab ":                  false,
		"ab\t":                 false,
		"ab\v":                 false, // \x0B is \s in Java, not in RE2
		"a\rb":                 false, // "." stops at \r in Java
		"a\nb":                 false,
		"a\u2028b":             false,
		"a\u2029b":             false,
		"a\u0085b":             false,
		"ab\n":                 true, // Java's $ also matches before a final line terminator
		"ab\r\n":               true,
		"ab\n\n":               false,
		"":                     false,
		strings.Repeat("x", 5): true,
	} {
		if got := name.Match(value); got != want {
			t.Errorf("^.*[\\S]$ on %q: got %v, want %v", value, got, want)
		}
	}

	tagKey := CompilePattern(`^(?!aws:)[a-zA-Z+-=._:/]+$`)
	for value, want := range map[string]bool{"team": true, "aws:team": false, "AWS:team": true, "awsx": true} {
		if got := tagKey.Match(value); got != want {
			t.Errorf("tag key pattern on %q: got %v, want %v", value, got, want)
		}
	}
	optionalName := CompilePattern(`^$|^.*[\S]$`)
	if !optionalName.Match("") || optionalName.Match(" ") || !optionalName.Match("x") {
		t.Error(`^$|^.*[\S]$ must accept "" and "x" and reject " "`)
	}
}

func TestCheckStringCountsCharacters(t *testing.T) {
	c := Cases().Effective(Cases().MustLookup("CreateDomainRequest", "name"))
	hundred := strings.Repeat("東", 100) // 300 bytes
	if v := CheckString(c, hundred); len(v) != 0 {
		t.Fatalf("100 characters rejected: %+v", v)
	}
	v := CheckString(c, hundred+"京")
	if len(v) != 1 || v[0].Rule != RuleLength || v[0].Length != 101 {
		t.Fatalf("101 characters: got %+v, want one length violation measuring 101", v)
	}
	if !strings.Contains(v[0].Describe(), "between 1 and 100 characters") {
		t.Errorf("message %q does not say characters", v[0].Describe())
	}
	if got := v[0].AWSMessage(); got != "Member must have length less than or equal to 100" {
		t.Errorf("AWS message %q", got)
	}
	if v := CheckString(c, ""); len(v) != 1 || v[0].Rule != RuleLength {
		t.Errorf("empty name: got %+v, want only the length rule", v)
	}
}

func TestLookupAndEffectiveConstraints(t *testing.T) {
	svc := Cases()
	// A member's own length trait overrides its target's.
	fields := svc.Effective(svc.MustLookup("FieldGroup", "fields"))
	if fields.Length.MaxOr(0) != 220 {
		t.Errorf("FieldGroup.fields max = %d, want 220 (model)", fields.Length.MaxOr(0))
	}
	if m := svc.MustLookup("TemplateRule", "fieldId"); m.Required {
		t.Error("TemplateRule.fieldId is not required in the current model")
	}
	// Paths step through lists and unions.
	m := svc.MustLookup("CreateLayoutRequest", "content", "basic", "moreInfo", "sections", "fieldGroup", "name")
	if m.Target == "" {
		t.Error("nested lookup found no target")
	}
	if _, err := svc.Lookup("CreateFieldRequest", "nope"); err == nil {
		t.Error("unknown member: no error")
	}
	if enum := svc.Effective(svc.MustLookup("CreateFieldRequest", "type")).Enum; len(enum) != 7 || enum[0] != "Text" {
		t.Errorf("FieldType enum = %v", enum)
	}
	op := svc.Operations["CreateField"]
	if op.Method != "POST" || op.URI != "/domains/{domainId}/fields" || !op.Declares("ConflictException") {
		t.Errorf("CreateField = %+v", op)
	}
	if op := svc.Operations["DeleteCaseRule"]; op.Declares("ValidationException") || !op.MayReturn("ValidationException") {
		t.Error("DeleteCaseRule does not declare ValidationException, which is still common")
	}
	if len(svc.Operations) != 43 {
		t.Errorf("Cases operations = %d, want 43", len(svc.Operations))
	}
	if got := len(Connect().Operations); got != 10 {
		t.Errorf("Connect operations = %d, want 10", got)
	}
	if Connect().SigningName != "connect" || svc.SigningName != "cases" {
		t.Error("signing names")
	}
}
