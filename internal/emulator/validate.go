package emulator

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/connect-cases/terraform-provider-cases/internal/apimodel"
)

// Request validation from the generated model. Before a handler runs, the
// dispatcher checks the request against its operation's input shape:
// labels, query members and the JSON body, walked recursively through
// structures, unions, lists and maps (BooleanCondition nests through
// andAll/orAll to any depth). The rules are the model's constraint traits:
// required, length (strings in code points, lists and maps in entries),
// pattern (with the service's Java semantics), enum, range, uniqueItems, and
// "exactly one member" for unions. String rules are implemented once, in
// internal/apimodel/strings.go, which documents their semantics.
//
// The same walk serves every API (the input shape comes from the API's own
// model). Every violation is collected and sent in one ValidationException,
// or the API's code for invalid input (apiErrors.invalid: Connect answers
// InvalidParameterException or InvalidRequestException), whose message
// reads as AWS words it:
//
//	2 validation errors detected: Value at 'name' failed to satisfy constraint: Member must ...; Value at ...
//
// Member paths are the model's member names joined with '.'; list members
// are addressed as 'tagKeys.1.member' (1-based), as AWS does, and map values
// by their key. Handlers see only requests that passed, and keep the checks
// the model cannot express: existence, uniqueness, references and quotas.

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

// str checks a string against the constraints of its member.
func (v *validator) str(field, value string, c apimodel.Constraints) {
	for _, violation := range apimodel.CheckString(c, value) {
		if violation.Rule == apimodel.RuleEnum {
			// An enum violation quotes the value, as AWS does.
			v.violations = append(v.violations, fmt.Sprintf("Value '%s' at '%s' failed to satisfy constraint: %s", value, field, violation.AWSMessage()))
			continue
		}
		v.fail(field, violation.AWSMessage())
	}
}

// number checks a smithy.api#range trait.
func (v *validator) number(field string, value int64, r apimodel.Bounds) {
	if r.Min != nil && value < *r.Min {
		v.fail(field, fmt.Sprintf("Member must have value greater than or equal to %d", *r.Min))
	}
	if r.Max != nil && value > *r.Max {
		v.fail(field, fmt.Sprintf("Member must have value less than or equal to %d", *r.Max))
	}
}

// count checks the smithy.api#length trait of a list or map.
func (v *validator) count(field string, n int, b apimodel.Bounds) {
	if b.Min != nil && int64(n) < *b.Min {
		v.fail(field, fmt.Sprintf("Member must have length greater than or equal to %d", *b.Min))
	}
	if b.Max != nil && int64(n) > *b.Max {
		v.fail(field, fmt.Sprintf("Member must have length less than or equal to %d", *b.Max))
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

// validateRequest checks req against the input shape of op in svc.
func validateRequest(svc *apimodel.Service, op *apimodel.Operation, req *opRequest) *APIError {
	input := svc.Shapes[op.Input]
	if input == nil {
		return nil
	}
	var body map[string]any
	if hasBodyMembers(input) {
		doc, apiErr := decodeDocument(req.body)
		if apiErr != nil {
			return apiErr
		}
		body = doc
	}
	w := walker{svc: svc}
	for _, m := range input.Members {
		c := svc.Effective(m)
		switch m.Location {
		case "label":
			value, ok := req.labels[m.Name]
			if w.v.required(m.Name, ok) {
				w.value(m.Name, m.Target, c, value)
			}
		case "query":
			values, ok := req.query[m.LocationName]
			if m.Required {
				// A required query list sent empty arrives as no parameter
				// at all, so it reads as the missing member.
				if !w.v.required(m.Name, ok) {
					continue
				}
			}
			if ok {
				w.query(m.Name, m.Target, c, values)
			}
		case "header":
			// No Cases operation takes a header member the emulator reads.
		default:
			raw, ok := body[m.Name]
			present := ok && raw != nil
			if m.Required {
				if !w.v.required(m.Name, present) {
					continue
				}
			}
			if present {
				w.value(m.Name, m.Target, c, raw)
			}
		}
	}
	return w.v.err()
}

func hasBodyMembers(input *apimodel.Shape) bool {
	for _, m := range input.Members {
		if m.Location == "" {
			return true
		}
	}
	return false
}

// decodeDocument reads a JSON request body. An empty body reads as an empty
// object. Malformed JSON is answered with ValidationException: the model
// declares it for every operation, so the SDK decodes it into a typed error,
// where AWS's own SerializationException is not in the model and would
// surface as a generic one.
func decodeDocument(body []byte) (map[string]any, *APIError) {
	if len(bytes.TrimSpace(body)) == 0 {
		return map[string]any{}, nil
	}
	// encoding/json replaces invalid UTF-8 with U+FFFD without a word, so
	// a name sent in another encoding would be stored changed. JSON text
	// must be UTF-8 (RFC 8259); say so rather than guess.
	if !utf8.Valid(body) {
		return nil, validationError("The request body is not valid UTF-8; JSON text must be encoded in UTF-8.")
	}
	decoder := json.NewDecoder(bytes.NewReader(body))
	decoder.UseNumber()
	var doc any
	if err := decoder.Decode(&doc); err != nil {
		return nil, validationError("The request body is not valid JSON: %v", err)
	}
	if decoder.More() {
		return nil, validationError("The request body is not valid JSON: more than one value")
	}
	obj, ok := doc.(map[string]any)
	if !ok {
		return nil, validationError("1 validation error detected: The request body must be a JSON object, got %s", jsonKind(doc))
	}
	return obj, nil
}

// walker checks values against shapes, collecting violations.
type walker struct {
	svc *apimodel.Service
	v   validator
}

// value checks one decoded JSON value (or a label) at path against the
// shape named target, under the constraints c of the member that holds it.
func (w *walker) value(path, target string, c apimodel.Constraints, value any) {
	shape := w.shape(target)
	switch shape.Type {
	case apimodel.TypeStructure:
		obj, ok := w.object(path, value)
		if !ok {
			return
		}
		for _, m := range shape.Members {
			raw, ok := obj[m.Name]
			present := ok && raw != nil
			member := path + "." + m.Name
			if m.Required && !w.v.required(member, present) {
				continue
			}
			if present {
				w.value(member, m.Target, w.svc.Effective(m), raw)
			}
		}
	case apimodel.TypeUnion:
		obj, ok := w.object(path, value)
		if !ok {
			return
		}
		var set []*apimodel.Member
		names := make([]string, 0, len(shape.Members))
		for _, m := range shape.Members {
			names = append(names, m.Name)
			if raw, ok := obj[m.Name]; ok && raw != nil {
				set = append(set, m)
			}
		}
		if len(set) != 1 {
			w.v.fail(path, "Member must set exactly one member of the union: "+strings.Join(names, ", "))
			return
		}
		m := set[0]
		w.value(path+"."+m.Name, m.Target, w.svc.Effective(m), obj[m.Name])
	case apimodel.TypeList:
		items, ok := value.([]any)
		if !ok {
			w.wrongType(path, "array", value)
			return
		}
		w.v.count(path, len(items), c.Length)
		if c.UniqueItems && hasDuplicates(items) {
			w.v.fail(path, "Member must have unique values")
		}
		mc := w.shape(shape.Member).Constraints
		for i, item := range items {
			if item == nil {
				continue // a sparse list's null
			}
			w.value(fmt.Sprintf("%s.%d.member", path, i+1), shape.Member, mc, item)
		}
	case apimodel.TypeMap:
		obj, ok := w.object(path, value)
		if !ok {
			return
		}
		w.v.count(path, len(obj), c.Length)
		keyConstraints, valueConstraints := w.shape(shape.Key).Constraints, w.shape(shape.Value).Constraints
		keys := make([]string, 0, len(obj))
		for k := range obj {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			w.value(path+"."+k, shape.Key, keyConstraints, k)
			if obj[k] != nil {
				w.value(path+"."+k, shape.Value, valueConstraints, obj[k])
			}
		}
	case apimodel.TypeString, apimodel.TypeEnum:
		s, ok := value.(string)
		if !ok {
			w.wrongType(path, "string", value)
			return
		}
		w.v.str(path, s, c)
	case apimodel.TypeInteger, apimodel.TypeLong:
		n, ok := value.(json.Number)
		if !ok {
			w.wrongType(path, "integer", value)
			return
		}
		i, err := n.Int64()
		if err != nil {
			w.wrongType(path, "integer", value)
			return
		}
		w.v.number(path, i, c.Range)
	case apimodel.TypeDouble:
		if _, ok := value.(json.Number); !ok {
			// Smithy also allows "NaN" and "Infinity" as strings.
			if s, isString := value.(string); !isString || (s != "NaN" && s != "Infinity" && s != "-Infinity") {
				w.wrongType(path, "number", value)
			}
		}
	case apimodel.TypeBoolean:
		if _, ok := value.(bool); !ok {
			w.wrongType(path, "boolean", value)
		}
	case apimodel.TypeTimestamp:
		switch value.(type) {
		case json.Number, string:
		default:
			w.wrongType(path, "number", value)
		}
	case apimodel.TypeBlob:
		if _, ok := value.(string); !ok {
			w.wrongType(path, "string", value)
		}
	}
}

// preludeTypes are the types of the Smithy prelude shapes members target
// (smithy.api#String, ...), which the generated tables do not list: they
// carry no constraints of their own.
var preludeTypes = map[string]apimodel.ShapeType{
	"String": apimodel.TypeString, "Boolean": apimodel.TypeBoolean, "PrimitiveBoolean": apimodel.TypeBoolean,
	"Integer": apimodel.TypeInteger, "PrimitiveInteger": apimodel.TypeInteger, "Long": apimodel.TypeLong, "PrimitiveLong": apimodel.TypeLong,
	"Double": apimodel.TypeDouble, "PrimitiveDouble": apimodel.TypeDouble, "Float": apimodel.TypeDouble,
	"Timestamp": apimodel.TypeTimestamp, "Document": apimodel.TypeDocument, "Blob": apimodel.TypeBlob,
}

// shape returns the shape named target; a prelude shape, or one unknown,
// is a shape of its type without constraints (a document when unknown,
// which accepts anything).
func (w *walker) shape(target string) *apimodel.Shape {
	if shape := w.svc.Shapes[target]; shape != nil {
		return shape
	}
	typ, ok := preludeTypes[target]
	if !ok {
		typ = apimodel.TypeDocument
	}
	return &apimodel.Shape{Name: target, Type: typ}
}

// query checks the values of a query member: a list takes every value, any
// other shape the first, parsed from text as its type requires.
func (w *walker) query(path, target string, c apimodel.Constraints, values []string) {
	shape := w.shape(target)
	if shape.Type == apimodel.TypeList {
		items := make([]any, 0, len(values))
		for _, s := range values {
			items = append(items, w.queryScalar(shape.Member, s))
		}
		w.value(path, target, c, items)
		return
	}
	if len(values) == 0 {
		return
	}
	if shape.Type == apimodel.TypeInteger || shape.Type == apimodel.TypeLong {
		if _, err := strconv.ParseInt(values[0], 10, 64); err != nil {
			w.v.fail(path, "Member must be an integer")
			return
		}
	}
	w.value(path, target, c, w.queryScalar(target, values[0]))
}

// queryScalar turns the text of a query value into what the walker expects
// of target: a number for integers, a boolean for booleans, else the text.
func (w *walker) queryScalar(target, text string) any {
	switch w.shape(target).Type {
	case apimodel.TypeInteger, apimodel.TypeLong:
		if _, err := strconv.ParseInt(text, 10, 64); err == nil {
			return json.Number(text)
		}
	case apimodel.TypeBoolean:
		if b, err := strconv.ParseBool(text); err == nil {
			return b
		}
	}
	return text
}

func (w *walker) object(path string, value any) (map[string]any, bool) {
	obj, ok := value.(map[string]any)
	if !ok {
		w.wrongType(path, "object", value)
	}
	return obj, ok
}

func (w *walker) wrongType(path, want string, value any) {
	w.v.fail(path, fmt.Sprintf("Member must be a JSON %s, got %s", want, jsonKind(value)))
}

// jsonKind names the JSON type of a decoded value, with the value when it
// is a scalar.
func jsonKind(value any) string {
	switch x := value.(type) {
	case nil:
		return "null"
	case bool:
		return "boolean " + strconv.FormatBool(x)
	case json.Number:
		return "number " + x.String()
	case string:
		return "string"
	case []any:
		return "array"
	case map[string]any:
		return "object"
	}
	return fmt.Sprintf("%T", value)
}

// modelDefaultString returns the smithy.api#default of a string member ("" when
// it has none).
func modelDefaultString(m *apimodel.Member) string {
	var s string
	if m.Default != "" {
		if err := json.Unmarshal([]byte(m.Default), &s); err != nil {
			panic(fmt.Sprintf("default of %s is not a string: %s", m.Name, m.Default))
		}
	}
	return s
}

// hasDuplicates reports whether two items of a list are equal as JSON.
func hasDuplicates(items []any) bool {
	seen := map[string]bool{}
	for _, item := range items {
		key, _ := json.Marshal(item) // decoded JSON always encodes
		if seen[string(key)] {
			return true
		}
		seen[string(key)] = true
	}
	return false
}
