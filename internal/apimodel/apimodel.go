// Package apimodel holds the API models of Amazon Connect Cases and of the
// Connect subset the project uses, as Go tables generated from the official
// Smithy models vendored in models/ (see models/SOURCE.md).
//
// Both the emulator and the provider read their routes, member constraints
// and declared errors from here, so a rule has one source and one meaning:
// lengths count Unicode code points and patterns follow the service's Java
// regular-expression semantics (see strings.go).
//
// Regenerate with `make generate` (go generate ./internal/apimodel).
package apimodel

//go:generate go run ./gen -out .

import (
	"fmt"
	"sort"
	"strings"
	"sync"
)

// Service is one API model: its operations and the shapes they reach.
type Service struct {
	// Name is the Smithy service name, e.g. "AmazonConnectCases".
	Name string
	// Namespace is the Smithy namespace, e.g. "com.amazonaws.connectcases".
	Namespace string
	// SigningName is the SigV4 signing name of aws.auth#sigv4.
	SigningName string
	// Operations by name, e.g. "CreateField".
	Operations map[string]*Operation
	// Shapes by local name, e.g. "CreateFieldRequest" or "FieldName".
	// Prelude shapes (smithy.api#String, ...) are named by their local name
	// too and carry no constraints.
	Shapes map[string]*Shape
}

// Operation is one operation of a service.
type Operation struct {
	Name string
	// Method and URI come from the smithy.api#http trait; URI keeps its
	// labels in braces ("/domains/{domainId}/fields") and any literal query.
	Method string
	URI    string
	// Input and Output name structure shapes ("" for smithy.api#Unit).
	Input  string
	Output string
	// Errors are the error shapes the operation declares, in model order.
	Errors []string
	// Idempotent is set by smithy.api#idempotent.
	Idempotent bool
}

// ShapeType is a Smithy shape type.
type ShapeType string

// Shape types the models use.
const (
	TypeStructure ShapeType = "structure"
	TypeUnion     ShapeType = "union"
	TypeList      ShapeType = "list"
	TypeMap       ShapeType = "map"
	TypeString    ShapeType = "string"
	TypeEnum      ShapeType = "enum"
	TypeInteger   ShapeType = "integer"
	TypeLong      ShapeType = "long"
	TypeBoolean   ShapeType = "boolean"
	TypeTimestamp ShapeType = "timestamp"
	TypeDouble    ShapeType = "double"
	TypeDocument  ShapeType = "document"
	TypeBlob      ShapeType = "blob"
)

// Bounds is a smithy.api#length or smithy.api#range trait. A side the
// model leaves open is nil.
type Bounds struct {
	Min, Max *int64
}

// IsSet reports whether either side is constrained.
func (b Bounds) IsSet() bool { return b.Min != nil || b.Max != nil }

// Allows reports whether n lies within the bounds.
func (b Bounds) Allows(n int64) bool {
	return (b.Min == nil || n >= *b.Min) && (b.Max == nil || n <= *b.Max)
}

// MinOr returns the lower bound, or def when it is open.
func (b Bounds) MinOr(def int64) int64 {
	if b.Min == nil {
		return def
	}
	return *b.Min
}

// MaxOr returns the upper bound, or def when it is open.
func (b Bounds) MaxOr(def int64) int64 {
	if b.Max == nil {
		return def
	}
	return *b.Max
}

// Constraints are the constraint traits that apply to one value: those of
// its shape, overridden by those of the member that targets it.
type Constraints struct {
	Length  Bounds
	Range   Bounds
	Pattern string
	// Enum lists the allowed values in model order (smithy.api#enum or the
	// members of an enum shape).
	Enum []string
	// UniqueItems is smithy.api#uniqueItems on a list.
	UniqueItems bool
}

// Shape is one shape of a model.
type Shape struct {
	Name string
	Type ShapeType
	Constraints
	// Members of a structure or union, in model order.
	Members []*Member
	// Member is the member target of a list; Key and Value those of a map.
	Member, Key, Value string
	// Error is "client" or "server" on an error structure; HTTPStatus is its
	// smithy.api#httpError.
	Error      string
	HTTPStatus int
	// Sensitive is smithy.api#sensitive.
	Sensitive bool
}

// Member is a member of a structure or union.
type Member struct {
	Name   string
	Target string
	// Required is smithy.api#required.
	Required bool
	// Constraints set on the member itself; Effective merges them with the
	// target's.
	Constraints
	// Location says where an input member travels: "" (the JSON body),
	// "label", "query" or "header"; LocationName is the query or header name.
	Location     string
	LocationName string
	// Default is the smithy.api#default value as JSON text ("" when unset).
	Default string
}

// Member returns the member of a structure or union by name.
func (s *Shape) MemberNamed(name string) (*Member, bool) {
	for _, m := range s.Members {
		if m.Name == name {
			return m, true
		}
	}
	return nil, false
}

// Effective returns the constraints that apply to the values of m: the
// member's own traits win over its target's, trait by trait, as Smithy
// specifies for member traits.
func (svc *Service) Effective(m *Member) Constraints {
	c := Constraints{}
	if target, ok := svc.Shapes[m.Target]; ok {
		c = target.Constraints
	}
	if m.Length.IsSet() {
		c.Length = m.Length
	}
	if m.Range.IsSet() {
		c.Range = m.Range
	}
	if m.Pattern != "" {
		c.Pattern = m.Pattern
	}
	if len(m.Enum) > 0 {
		c.Enum = m.Enum
	}
	if m.UniqueItems {
		c.UniqueItems = true
	}
	return c
}

// Lookup returns a member of a structure shape, or an error naming what is
// missing. Path steps after the first go through members (e.g.
// "CreateLayoutRequest", "content", "basic"); lists and maps are stepped
// through by their member, value shape.
func (svc *Service) Lookup(structure string, path ...string) (*Member, error) {
	shape, ok := svc.Shapes[structure]
	if !ok {
		return nil, fmt.Errorf("apimodel: %s has no shape %q", svc.Name, structure)
	}
	if len(path) == 0 {
		return nil, fmt.Errorf("apimodel: Lookup(%q) needs a member name", structure)
	}
	var member *Member
	for i, name := range path {
		for shape.Type == TypeList || shape.Type == TypeMap {
			next := shape.Member
			if shape.Type == TypeMap {
				next = shape.Value
			}
			shape = svc.Shapes[next]
		}
		m, ok := shape.MemberNamed(name)
		if !ok {
			return nil, fmt.Errorf("apimodel: %s.%s has no member %q", structure, strings.Join(path[:i], "."), name)
		}
		member = m
		if i < len(path)-1 {
			shape, ok = svc.Shapes[m.Target]
			if !ok {
				return nil, fmt.Errorf("apimodel: %s: unknown target %q", svc.Name, m.Target)
			}
		}
	}
	return member, nil
}

// MustLookup is Lookup for tables written in code: an unknown name is a
// programming error that every test run finds at once.
func (svc *Service) MustLookup(structure string, path ...string) *Member {
	m, err := svc.Lookup(structure, path...)
	if err != nil {
		panic(err)
	}
	return m
}

// OperationNames returns the operation names in sorted order.
func (svc *Service) OperationNames() []string {
	names := make([]string, 0, len(svc.Operations))
	for name := range svc.Operations {
		names = append(names, name)
	}
	sort.Strings(names)
	return names
}

// Declares reports whether op declares the error code (an error shape's
// name, e.g. "ConflictException").
func (op *Operation) Declares(code string) bool {
	for _, e := range op.Errors {
		if e == code {
			return true
		}
	}
	return false
}

// CommonErrors are the errors any AWS operation may answer whether or not
// its model declares them: the service front end throttles, fails, denies
// and rejects malformed input before an operation runs.
var CommonErrors = []string{"ThrottlingException", "InternalServerException", "AccessDeniedException", "ValidationException"}

// MayReturn reports whether op may answer with code: it is declared or
// common.
func (op *Operation) MayReturn(code string) bool {
	if op.Declares(code) {
		return true
	}
	for _, c := range CommonErrors {
		if c == code {
			return true
		}
	}
	return false
}

var (
	casesOnce   = sync.OnceValue(buildCasesService)
	connectOnce = sync.OnceValue(buildConnectService)
)

// Cases returns the Amazon Connect Cases model, built on first use.
func Cases() *Service { return casesOnce() }

// Connect returns the Amazon Connect subset model, built on first use.
func Connect() *Service { return connectOnce() }

// ptr is for the generated tables.
func ptr(v int64) *int64 { return &v }
