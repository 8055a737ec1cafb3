package emulator

import (
	"regexp"
	"strings"
)

// tagMap is the com.amazonaws.connectcases#Tags map. It is
// smithy.api#sparse, so a value may be null; the pointer keeps a null a null
// on the way back out.
type tagMap map[string]*string

func (m tagMap) clone() tagMap {
	out := make(tagMap, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}

// Constraint traits from the model.
var (
	// com.amazonaws.connectcases#Arn: length 1..500.
	arnShape = stringShape{minLength: 1, maxLength: 500}
	// com.amazonaws.connectcases#TagKeyList: length 0..50.
	tagKeyListShape = listShape{minLength: 0, maxLength: 50}
	// com.amazonaws.connectcases#TagKey: length 1..128, pattern
	// ^(?!aws:)[a-zA-Z+-=._:/]+$. RE2 has no look-ahead, so the "(?!aws:)"
	// prefix rule is checked in code. "+-=" is a range (U+002B..U+003D),
	// which also admits digits, ',' ';' '<'; the class is used as written.
	tagKeyShape = stringShape{minLength: 1, maxLength: 128, pattern: &modelPattern{
		source: `^(?!aws:)[a-zA-Z+-=._:/]+$`,
		match: func(key string) bool {
			return !strings.HasPrefix(key, "aws:") && tagKeyCharacters.MatchString(key)
		},
	}}
	tagKeyCharacters = regexp.MustCompile(`^[a-zA-Z+-=._:/]+$`)
)

// findTaggable returns the tags of the resource arn names in the tenant, or
// nil when the tenant has no such resource. ARNs of other accounts or
// regions are never found: tenants are isolated. Sub-entities of a domain
// (whose ARNs extend the domain's) are resolved through their domain.
func (t *tenant) findTaggable(arn string) *tagMap {
	if t == nil {
		return nil
	}
	for _, d := range t.Domains {
		if d.ARN == arn {
			return &d.Tags
		}
		if rest, ok := strings.CutPrefix(arn, d.ARN+"/"); ok {
			arnKind, id, _ := strings.Cut(rest, "/")
			if kind, known := entityKindByARN(arnKind); known {
				return kind.tags(d, id)
			}
			return nil
		}
	}
	return nil
}

// resourceTypeOf names the kind of resource an ARN refers to, for
// ResourceNotFoundException.
func resourceTypeOf(arn string) string {
	if strings.HasPrefix(arn, "arn:") && strings.Contains(arn, ":domain/") {
		_, path, _ := strings.Cut(arn, ":domain/")
		if parts := strings.SplitN(path, "/", 3); len(parts) == 3 {
			if kind, known := entityKindByARN(parts[1]); known {
				return kind.resourceType
			}
		}
		return resourceTypeDomain
	}
	return "Resource"
}

// arnLabel validates the {arn} label.
func arnLabel(req *opRequest) (string, *validator) {
	arn := req.label("arn")
	v := &validator{}
	v.str("arn", arn, arnShape)
	return arn, v
}

type tagResourceInput struct {
	Tags tagMap `json:"tags"`
}

func tagResource(e *Emulator, req *opRequest) (any, error) {
	arn, v := arnLabel(req)
	var in tagResourceInput
	if err := req.decodeBody(&in); err != nil {
		return nil, err
	}
	// The Tags map constrains neither keys nor values in the model.
	v.required("tags", in.Tags != nil)
	if err := v.err(); err != nil {
		return nil, err
	}

	e.store.mu.Lock()
	defer e.store.mu.Unlock()
	tags := e.store.tenant(req.call.Account, req.call.Region).findTaggable(arn)
	if tags == nil {
		return nil, notFoundError(resourceTypeOf(arn), arn)
	}
	if *tags == nil {
		*tags = tagMap{}
	}
	for k, value := range in.Tags {
		(*tags)[k] = value
	}
	return nil, nil
}

func untagResource(e *Emulator, req *opRequest) (any, error) {
	arn, v := arnLabel(req)
	keys, present := req.query["tagKeys"]
	// tagKeys is a required httpQuery list. An empty list goes on the wire
	// as no tagKeys parameter at all, so it reads as the missing member.
	if v.required("tagKeys", present) {
		v.list("tagKeys", keys, tagKeyListShape, tagKeyShape)
	}
	if err := v.err(); err != nil {
		return nil, err
	}

	e.store.mu.Lock()
	defer e.store.mu.Unlock()
	tags := e.store.tenant(req.call.Account, req.call.Region).findTaggable(arn)
	if tags == nil {
		return nil, notFoundError(resourceTypeOf(arn), arn)
	}
	for _, k := range keys {
		delete(*tags, k)
	}
	return nil, nil
}

type listTagsForResourceOutput struct {
	Tags tagMap `json:"tags"`
}

func listTagsForResource(e *Emulator, req *opRequest) (any, error) {
	arn, v := arnLabel(req)
	if err := v.err(); err != nil {
		return nil, err
	}
	e.store.mu.RLock()
	defer e.store.mu.RUnlock()
	tags := e.store.tenant(req.call.Account, req.call.Region).findTaggable(arn)
	if tags == nil {
		return nil, notFoundError(resourceTypeOf(arn), arn)
	}
	return listTagsForResourceOutput{Tags: tags.clone()}, nil
}
