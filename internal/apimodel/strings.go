package apimodel

import (
	"fmt"
	"regexp"
	"strings"
	"sync"
	"unicode/utf8"
)

// The model's string rules, implemented once for the emulator and the
// provider.
//
// Length. smithy.api#length on a string counts Unicode code points (Smithy
// 2.0 specification, "length trait"): "東京サポート" is 6 long, not 18. A list or
// map length counts its entries.
//
// Patterns. smithy.api#pattern values are regular expressions that the
// service evaluates with Java's java.util.regex, unanchored (a pattern
// anchors itself with ^ and $). Go's RE2 reads the same text differently
// in three places, and every pattern of the models is translated to keep the
// Java meaning:
//
//   - "." matches any character but a line terminator. Java's line
//     terminators are \n, \r, U+0085, U+2028 and U+2029; RE2's "." only
//     excludes \n. So "a\rb" fails ^.*[\S]$ here, as on the service.
//   - \s is [ \t\n\x0B\f\r] in Java, and \S its complement; RE2's \s lacks
//     \x0B (vertical tab). So "ab\v" fails ^.*[\S]$. Characters outside
//     ASCII, such as a no-break space, count as non-space in both.
//   - $ (without MULTILINE) matches at the end of the input and also before
//     a line terminator that ends it; RE2's $ only at the end. So "ab\n"
//     satisfies ^.*[\S]$ in Java and here.
//   - A leading negative look-ahead, ^(?!aws:)..., which RE2 lacks, is
//     evaluated as its own prefix test.
//
// Everything else in the models' patterns (classes, \p{L}, \d, anchors,
// alternation) means the same in both.

// CharCount is the length of s as the model counts it: code points.
func CharCount(s string) int { return utf8.RuneCountInString(s) }

// javaLineTerminators are the characters Java's "." does not match.
const javaLineTerminators = `\n\r\x{85}\x{2028}\x{2029}`

// javaSpace is Java's \s.
const javaSpace = `\t\n\x0B\f\r `

// Pattern is a model pattern compiled with the service's semantics.
type Pattern struct {
	// Source is the pattern as the model writes it, quoted in messages.
	Source string
	// forbiddenPrefix is the look-ahead of ^(?!X): a value matching it fails.
	forbiddenPrefix *regexp.Regexp
	re              *regexp.Regexp
}

// Match reports whether s satisfies the pattern.
func (p *Pattern) Match(s string) bool {
	if p.forbiddenPrefix != nil && p.forbiddenPrefix.MatchString(s) {
		return false
	}
	return p.re.MatchString(s)
}

var patternCache sync.Map // source -> *Pattern

// CompilePattern compiles a model pattern once; later calls share it. It
// panics on a pattern the translation does not support, which the tests
// of this package rule out for every pattern of the vendored models.
func CompilePattern(source string) *Pattern {
	if cached, ok := patternCache.Load(source); ok {
		if p, ok := cached.(*Pattern); ok {
			return p
		}
	}
	p, err := compileJavaPattern(source)
	if err != nil {
		panic(err)
	}
	if actual, loaded := patternCache.LoadOrStore(source, p); loaded {
		if shared, ok := actual.(*Pattern); ok {
			return shared
		}
	}
	return p
}

func compileJavaPattern(source string) (*Pattern, error) {
	p := &Pattern{Source: source}
	body := source
	if strings.HasPrefix(body, "^(?!") {
		end := closingParen(body, 1)
		if end < 0 {
			return nil, fmt.Errorf("apimodel: pattern %q: unbalanced look-ahead", source)
		}
		ahead, err := translateJava(body[4:end])
		if err != nil {
			return nil, fmt.Errorf("apimodel: pattern %q: %w", source, err)
		}
		p.forbiddenPrefix = regexp.MustCompile(`^(?:` + ahead + `)`)
		body = "^" + body[end+1:]
	}
	translated, err := translateJava(body)
	if err != nil {
		return nil, fmt.Errorf("apimodel: pattern %q: %w", source, err)
	}
	re, err := regexp.Compile(translated)
	if err != nil {
		return nil, fmt.Errorf("apimodel: pattern %q (as RE2 %q): %w", source, translated, err)
	}
	p.re = re
	return p, nil
}

// closingParen returns the index of the parenthesis that closes the one at
// open, or -1.
func closingParen(s string, open int) int {
	depth := 0
	for i := open; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				return i
			}
		}
	}
	return -1
}

// translateJava rewrites the Java constructs that RE2 reads differently
// (see the package comment) into RE2 with the Java meaning.
func translateJava(src string) (string, error) {
	var out strings.Builder
	inClass := false
	for i := 0; i < len(src); i++ {
		c := src[i]
		switch {
		case c == '\\' && i+1 < len(src):
			next := src[i+1]
			i++
			switch {
			case next == 's' && !inClass:
				out.WriteString("[" + javaSpace + "]")
			case next == 'S' && !inClass:
				out.WriteString("[^" + javaSpace + "]")
			case next == 's' && inClass:
				out.WriteString(javaSpace)
			case next == 'S' && inClass:
				// RE2 cannot subtract inside a class; the only such use in
				// the models is the whole class [\S], handled below.
				return "", fmt.Errorf(`\S inside a character class with other members is not supported`)
			default:
				out.WriteByte('\\')
				out.WriteByte(next)
			}
		case c == '[' && !inClass:
			if strings.HasPrefix(src[i:], `[\S]`) {
				out.WriteString("[^" + javaSpace + "]")
				i += len(`[\S]`) - 1
				continue
			}
			inClass = true
			out.WriteByte(c)
			// A ] right after [ or [^ is a literal in both dialects.
			if strings.HasPrefix(src[i+1:], "^") {
				out.WriteByte('^')
				i++
			}
		case c == ']' && inClass:
			inClass = false
			out.WriteByte(c)
		case c == '.' && !inClass:
			out.WriteString("[^" + javaLineTerminators + "]")
		case c == '$' && !inClass:
			out.WriteString(`(?:\r\n|[` + javaLineTerminators + `])?\z`)
		case c == '(' && strings.HasPrefix(src[i:], "(?") && !strings.HasPrefix(src[i:], "(?:"):
			return "", fmt.Errorf("group construct %q is not supported", src[i:min(i+4, len(src))])
		default:
			out.WriteByte(c)
		}
	}
	return out.String(), nil
}

// Rule names a kind of constraint, as messages name it.
type Rule string

// The rules a value can break.
const (
	RuleRequired Rule = "required"
	RuleLength   Rule = "length"
	RulePattern  Rule = "pattern"
	RuleEnum     Rule = "enum"
	RuleRange    Rule = "range"
)

// Violation is one rule a value breaks.
type Violation struct {
	Rule Rule
	// Constraints the value was checked against.
	Constraints Constraints
	// Length is the measured length (code points, or entries) for RuleLength.
	Length int
}

// AWSMessage is the rule as AWS words it after "failed to satisfy
// constraint: " in a ValidationException.
func (v Violation) AWSMessage() string {
	c := v.Constraints
	switch v.Rule {
	case RuleLength:
		if c.Length.Min != nil && int64(v.Length) < *c.Length.Min {
			return fmt.Sprintf("Member must have length greater than or equal to %d", *c.Length.Min)
		}
		return fmt.Sprintf("Member must have length less than or equal to %d", c.Length.MaxOr(0))
	case RulePattern:
		return "Member must satisfy regular expression pattern: " + c.Pattern
	case RuleEnum:
		return "Member must satisfy enum value set: [" + strings.Join(c.Enum, ", ") + "]"
	case RuleRequired:
		return "Member must not be null"
	}
	return string(v.Rule)
}

// Describe is the rule as a Terraform diagnostic says it: in characters,
// with the measured length.
func (v Violation) Describe() string {
	c := v.Constraints
	switch v.Rule {
	case RuleLength:
		return fmt.Sprintf("must be %s long (the API counts Unicode characters); got %d", describeLength(c.Length, "character"), v.Length)
	case RulePattern:
		return "must match the API pattern " + c.Pattern + PatternHint(c.Pattern)
	case RuleEnum:
		return "must be one of: " + strings.Join(c.Enum, ", ")
	}
	return string(v.Rule)
}

// DescribeLength says a length rule in words, e.g. "between 1 and 100
// characters".
func describeLength(b Bounds, unit string) string {
	switch {
	case b.Min != nil && b.Max != nil && *b.Min == *b.Max:
		return fmt.Sprintf("exactly %d %ss", *b.Min, unit)
	case b.Min != nil && b.Max != nil:
		return fmt.Sprintf("between %d and %d %ss", *b.Min, *b.Max, unit)
	case b.Max != nil:
		return fmt.Sprintf("at most %d %ss", *b.Max, unit)
	case b.Min != nil:
		return fmt.Sprintf("at least %d %ss", *b.Min, unit)
	}
	return "any number of " + unit + "s"
}

// DescribeStringRules says every string rule of c in one phrase, for schema
// descriptions: "1 to 100 characters, matching ^.*[\S]$ (...)".
func DescribeStringRules(c Constraints) string {
	var parts []string
	if c.Length.IsSet() {
		parts = append(parts, describeLength(c.Length, "character"))
	}
	if c.Pattern != "" {
		parts = append(parts, "matching the API pattern `"+c.Pattern+"`"+PatternHint(c.Pattern))
	}
	if len(c.Enum) > 0 {
		parts = append(parts, "one of `"+strings.Join(c.Enum, "`, `")+"`")
	}
	return strings.Join(parts, ", ")
}

// PatternHint explains the patterns people meet most in plain words.
func PatternHint(pattern string) string {
	switch pattern {
	case `^.*[\S]$`:
		return " (one line that does not end with white space)"
	case `^$|^.*[\S]$`:
		return " (empty, or one line that does not end with white space)"
	}
	return ""
}

// CheckString returns the rules value breaks under c, in the order AWS
// reports them (length, then pattern, then enum). A value that is too short
// is not also reported against the pattern: one rule to fix reads better
// than two.
func CheckString(c Constraints, value string) []Violation {
	var out []Violation
	n := CharCount(value)
	if c.Length.IsSet() && !c.Length.Allows(int64(n)) {
		out = append(out, Violation{Rule: RuleLength, Constraints: c, Length: n})
	}
	tooShort := c.Length.Min != nil && int64(n) < *c.Length.Min
	if c.Pattern != "" && !tooShort && !CompilePattern(c.Pattern).Match(value) {
		out = append(out, Violation{Rule: RulePattern, Constraints: c})
	}
	if len(c.Enum) > 0 && !contains(c.Enum, value) {
		out = append(out, Violation{Rule: RuleEnum, Constraints: c})
	}
	return out
}

func contains(values []string, v string) bool {
	for _, x := range values {
		if x == v {
			return true
		}
	}
	return false
}
