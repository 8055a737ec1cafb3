package validators

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// NamePattern is the Cases API pattern for names (shape DomainName and
// others in the API model): a single line whose last character is not
// white space. `.` does not cross a line break there, so a name with a
// newline anywhere fails it.
const NamePattern = `^.*[\S]$`

type apiName struct{}

// APIName enforces NamePattern with a message that says which part of the
// rule a value breaks. Length limits are left to stringvalidator.LengthBetween.
func APIName() validator.String { return apiName{} }

func (apiName) Description(context.Context) string {
	return "must be a single line that does not end with white space (API pattern " + NamePattern + ")"
}

func (v apiName) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (v apiName) ValidateString(ctx context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	// An empty value is left to the length validator, to say it once.
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() || req.ConfigValue.ValueString() == "" {
		return
	}
	if problem := NameProblem(req.ConfigValue.ValueString()); problem != "" {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid name",
			fmt.Sprintf("%s %s: got %q, which %s.", req.Path, v.Description(ctx), req.ConfigValue.ValueString(), problem))
	}
}

// NameProblem says how name breaks NamePattern, or returns "" if it does not.
func NameProblem(name string) string {
	if name == "" {
		return "is empty"
	}
	// The API's regular expression treats these as line terminators.
	if i := strings.IndexAny(name, "\n\r\u0085\u2028\u2029"); i >= 0 {
		return fmt.Sprintf("contains a line break at byte %d", i)
	}
	last := []rune(name)[len([]rune(name))-1]
	if !isRegexNonSpace(last) {
		return "ends with white space"
	}
	return ""
}

// isRegexNonSpace mirrors the character class \S of the API's pattern. The
// service evaluates it as Java does, where \s is only [ \t\n\x0B\f\r]; a
// no-break space, for example, counts as non-space there.
func isRegexNonSpace(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\v', '\f', '\r':
		return false
	}
	return true
}
