package validators

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"sync"

	"github.com/hashicorp/terraform-plugin-framework-validators/mapvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// tagKeyCharacters is the character class of the API's TagKey pattern
// ^(?!aws:)[a-zA-Z+-=._:/]+$ without its look-ahead, which RE2 lacks; the
// "aws:" prefix rule is checked separately. Note that "+-=" in the class is
// the range '+'..'=', which takes in digits, ',' and ';'. Compiled on first
// use, not at program start: most provider processes never build a schema.
var tagKeyCharacters = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[a-zA-Z+-=._:/]+$`) })

// TagKeys validates every key of a tags map against the API's TagKey shape:
// length 1..128, the pattern's characters, and no "aws:" prefix.
func TagKeys() validator.Map {
	return mapvalidator.KeysAre(
		stringvalidator.LengthBetween(1, 128),
		stringvalidator.RegexMatches(tagKeyCharacters(), "must contain only letters, digits and + , - . / : ; < = _ (API pattern ^(?!aws:)[a-zA-Z+-=._:/]+$)"),
		notPrefixed{prefix: "aws:"},
	)
}

type notPrefixed struct{ prefix string }

func (v notPrefixed) Description(context.Context) string {
	return fmt.Sprintf("must not start with %q, which AWS reserves", v.prefix)
}

func (v notPrefixed) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (v notPrefixed) ValidateString(ctx context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if strings.HasPrefix(req.ConfigValue.ValueString(), v.prefix) {
		resp.Diagnostics.AddAttributeError(req.Path, "Reserved tag key",
			fmt.Sprintf("%s %s, got %q.", req.Path, v.Description(ctx), req.ConfigValue.ValueString()))
	}
}
