package emulator

import (
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"
)

// The validators below check the Smithy constraint traits (required, length,
// pattern, range) the way AWS reports them: every violation of a request is
// collected and sent in one ValidationException whose message reads
//
//	2 validation errors detected: Value at 'name' failed to satisfy constraint: Member must ...; Value at ...
//
// Member paths are the model's member names; list members are addressed as
// 'tagKeys.1.member' (1-based), as AWS does.

// stringShape holds the constraint traits of a Smithy string shape (or of a
// member that overrides them).
type stringShape struct {
	minLength, maxLength int
	pattern              *modelPattern // nil when the shape has no pattern
}

// intRange holds a smithy.api#range trait.
type intRange struct{ min, max int }

// listShape holds the smithy.api#length trait of a list shape.
type listShape struct{ minLength, maxLength int }

// modelPattern is a smithy.api#pattern. source is the model's text, quoted in
// messages so the user sees the rule AWS documents; match implements it.
// Smithy patterns are ECMA-262 regular expressions and Go's RE2 lacks some of
// their features (look-ahead), so a pattern that RE2 cannot compile supplies
// its own matcher.
type modelPattern struct {
	source string
	match  func(string) bool
}

// patternFromModel compiles a model pattern RE2 accepts as written.
func patternFromModel(source string) *modelPattern {
	re := regexp.MustCompile(source)
	return &modelPattern{source: source, match: re.MatchString}
}

// validator collects constraint violations for one request.
type validator struct {
	violations []string
}

func (v *validator) fail(field, rule string) {
	v.violations = append(v.violations, fmt.Sprintf("Value at '%s' failed to satisfy constraint: %s", field, rule))
}

// required checks smithy.api#required. AWS words a missing member as a null
// value, so this one message names the value.
func (v *validator) required(field string, present bool) bool {
	if !present {
		v.violations = append(v.violations, fmt.Sprintf("Value null at '%s' failed to satisfy constraint: Member must not be null", field))
	}
	return present
}

// str checks a string against its shape. Smithy measures string length in
// Unicode scalar values, not bytes.
func (v *validator) str(field, value string, shape stringShape) {
	n := utf8.RuneCountInString(value)
	if n < shape.minLength {
		v.fail(field, fmt.Sprintf("Member must have length greater than or equal to %d", shape.minLength))
	}
	if shape.maxLength > 0 && n > shape.maxLength {
		v.fail(field, fmt.Sprintf("Member must have length less than or equal to %d", shape.maxLength))
	}
	// An empty value that already failed its minimum length is not also
	// reported against the pattern: one rule to fix reads better than two.
	if shape.pattern != nil && (n > 0 || shape.minLength == 0) && !shape.pattern.match(value) {
		v.fail(field, "Member must satisfy regular expression pattern: "+shape.pattern.source)
	}
}

// integer checks a smithy.api#range trait.
func (v *validator) integer(field string, value int, r intRange) {
	if value < r.min {
		v.fail(field, fmt.Sprintf("Member must have value greater than or equal to %d", r.min))
	}
	if value > r.max {
		v.fail(field, fmt.Sprintf("Member must have value less than or equal to %d", r.max))
	}
}

// list checks the length of a list and each of its string members.
func (v *validator) list(field string, values []string, shape listShape, member stringShape) {
	if len(values) < shape.minLength {
		v.fail(field, fmt.Sprintf("Member must have length greater than or equal to %d", shape.minLength))
	}
	if len(values) > shape.maxLength {
		v.fail(field, fmt.Sprintf("Member must have length less than or equal to %d", shape.maxLength))
	}
	for i, value := range values {
		v.str(fmt.Sprintf("%s.%d.member", field, i+1), value, member)
	}
}

// err returns the collected violations as one ValidationException, or nil.
func (v *validator) err() *APIError {
	switch n := len(v.violations); n {
	case 0:
		return nil
	case 1:
		return validationError("1 validation error detected: %s", v.violations[0])
	default:
		return validationError("%d validation errors detected: %s", n, strings.Join(v.violations, "; "))
	}
}
