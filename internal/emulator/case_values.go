package emulator

import (
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"
)

// Case field values: the FieldValueUnion of the model, how a value must
// look for the type of its field, and how values compare.

// fieldValueUnion is the model's FieldValueUnion (and AuditEventFieldValueUnion,
// of the same members): exactly one member is set.
type fieldValueUnion struct {
	StringValue  *string   `json:"stringValue,omitempty"`
	DoubleValue  *float64  `json:"doubleValue,omitempty"`
	BooleanValue *bool     `json:"booleanValue,omitempty"`
	EmptyValue   *struct{} `json:"emptyValue,omitempty"`
	UserArnValue *string   `json:"userArnValue,omitempty"`
}

// fieldValue is the model's FieldValue: a field id and its value.
type fieldValue struct {
	ID    *string          `json:"id"`
	Value *fieldValueUnion `json:"value"`
}

// isEmpty reports whether v carries no value: emptyValue, or nothing.
func (v *fieldValueUnion) isEmpty() bool {
	return v == nil || v.StringValue == nil && v.DoubleValue == nil && v.BooleanValue == nil && v.UserArnValue == nil
}

// equal reports whether a and b hold the same value; two empty values are
// equal.
func (v *fieldValueUnion) equal(o *fieldValueUnion) bool {
	if v.isEmpty() || o.isEmpty() {
		return v.isEmpty() == o.isEmpty()
	}
	switch {
	case v.StringValue != nil:
		return o.StringValue != nil && *v.StringValue == *o.StringValue
	case v.DoubleValue != nil:
		return o.DoubleValue != nil && *v.DoubleValue == *o.DoubleValue
	case v.BooleanValue != nil:
		return o.BooleanValue != nil && *v.BooleanValue == *o.BooleanValue
	default:
		return o.UserArnValue != nil && *v.UserArnValue == *o.UserArnValue
	}
}

// text returns the value as text, for searchTerm and contains: strings and
// user ARNs as they are, numbers and booleans as JSON writes them.
func (v fieldValueUnion) text() string {
	switch {
	case v.isEmpty():
		return ""
	case v.StringValue != nil:
		return *v.StringValue
	case v.UserArnValue != nil:
		return *v.UserArnValue
	case v.DoubleValue != nil:
		return fmt.Sprint(*v.DoubleValue)
	default:
		return fmt.Sprint(*v.BooleanValue)
	}
}

func stringValue(s string) fieldValueUnion { return fieldValueUnion{StringValue: &s} }

func emptyFieldValue() fieldValueUnion { return fieldValueUnion{EmptyValue: &struct{}{}} }

// maxSummaryLength: "The Summary system field accepts up to 3000 characters,
// while all other fields accept up to 4100 characters" (documentation of
// FieldValueUnion in the model; 4100 is the length trait of stringValue,
// checked with the request).
const maxSummaryLength = 3000

// customerProfileARN is the form customer_id takes: "You must provide the
// full customer profile ARN in this format:
// arn:aws:profile:your_AWS_Region:your_AWS_account ID:domains/your_profiles_domain_name/profiles/profile_ID"
// (documentation of CreateCase in the model).
var customerProfileARN = regexp.MustCompile(`^arn:aws[a-z-]*:profile:[a-z0-9-]+:[0-9]{12}:domains/[^/]+/profiles/[^/]+$`)

// checkValue says why v is not a value field f can hold, or "". An empty
// value clears a field of any type.
func (d *domain) checkValue(f *field, v *fieldValueUnion) string {
	if v.isEmpty() {
		return ""
	}
	wantString := func(what string) string {
		if v.StringValue == nil {
			return fmt.Sprintf("field '%s' (%s) is of type %s and takes a stringValue (%s)", f.Name, f.ID, f.Type, what)
		}
		return ""
	}
	switch f.Type {
	case fieldTypeText:
		if msg := wantString("text"); msg != "" {
			return msg
		}
		if f.ID == "summary" && utf8.RuneCountInString(*v.StringValue) > maxSummaryLength {
			return fmt.Sprintf("field 'summary' accepts up to %d characters", maxSummaryLength)
		}
		if f.ID == "customer_id" && !customerProfileARN.MatchString(*v.StringValue) {
			return "field 'customer_id' takes the full customer profile ARN, arn:aws:profile:REGION:ACCOUNT:domains/PROFILES_DOMAIN/profiles/PROFILE_ID"
		}
	case fieldTypeNumber:
		if v.DoubleValue == nil {
			return fmt.Sprintf("field '%s' (%s) is of type Number and takes a doubleValue", f.Name, f.ID)
		}
	case fieldTypeBoolean:
		if v.BooleanValue == nil {
			return fmt.Sprintf("field '%s' (%s) is of type Boolean and takes a booleanValue", f.Name, f.ID)
		}
	case fieldTypeDateTime:
		if msg := wantString("an ISO 8601 date-time such as 2024-05-01T12:00:00Z"); msg != "" {
			return msg
		}
		if _, err := time.Parse(time.RFC3339Nano, *v.StringValue); err != nil {
			return fmt.Sprintf("field '%s' (%s) is of type DateTime; '%s' is not an ISO 8601 date-time such as 2024-05-01T12:00:00Z", f.Name, f.ID, *v.StringValue)
		}
	case fieldTypeURL:
		if msg := wantString("a URL"); msg != "" {
			return msg
		}
		if u, err := url.ParseRequestURI(*v.StringValue); err != nil || u.Scheme == "" || u.Host == "" {
			return fmt.Sprintf("field '%s' (%s) is of type Url; '%s' is not an absolute URL", f.Name, f.ID, *v.StringValue)
		}
	case fieldTypeUser:
		if v.UserArnValue == nil {
			return fmt.Sprintf("field '%s' (%s) is of type User and takes a userArnValue", f.Name, f.ID)
		}
	case fieldTypeSingleSelect:
		if msg := wantString("one of its active options"); msg != "" {
			return msg
		}
		option := f.optionByValue(*v.StringValue)
		if option == nil {
			option = f.fixedOption(*v.StringValue)
		}
		switch {
		case option == nil:
			return fmt.Sprintf("'%s' is not an option of field '%s' (%s)", *v.StringValue, f.Name, f.ID)
		case !option.Active:
			return fmt.Sprintf("option '%s' of field '%s' (%s) is inactive", *v.StringValue, f.Name, f.ID)
		}
	}
	return ""
}

// compareValues orders two non-empty values of a field of type fieldType:
// numbers by value, date-times by instant, everything else as text. ok is
// false when they cannot be compared (a number against a string).
func compareValues(fieldType string, a, b *fieldValueUnion) (cmp int, ok bool) {
	if a.isEmpty() || b.isEmpty() {
		return 0, false
	}
	if a.DoubleValue != nil || b.DoubleValue != nil {
		if a.DoubleValue == nil || b.DoubleValue == nil {
			return 0, false
		}
		switch {
		case *a.DoubleValue < *b.DoubleValue:
			return -1, true
		case *a.DoubleValue > *b.DoubleValue:
			return 1, true
		}
		return 0, true
	}
	if a.BooleanValue != nil || b.BooleanValue != nil {
		if a.BooleanValue == nil || b.BooleanValue == nil {
			return 0, false
		}
		x, y := *a.BooleanValue, *b.BooleanValue
		switch {
		case x == y:
			return 0, true
		case !x:
			return -1, true
		}
		return 1, true
	}
	if fieldType == fieldTypeDateTime {
		ta, errA := time.Parse(time.RFC3339Nano, a.text())
		tb, errB := time.Parse(time.RFC3339Nano, b.text())
		if errA == nil && errB == nil {
			return ta.Compare(tb), true
		}
	}
	return strings.Compare(a.text(), b.text()), true
}
