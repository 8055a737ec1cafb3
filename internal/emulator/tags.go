package emulator

import (
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

type tagResourceInput struct {
	Tags tagMap `json:"tags"`
}

func tagResource(e *Emulator, req *opRequest) (any, error) {
	arn := req.label("arn")
	var in tagResourceInput
	if err := req.decodeBody(&in); err != nil {
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
	arn := req.label("arn")
	keys := req.query["tagKeys"]

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
	arn := req.label("arn")
	e.store.mu.RLock()
	defer e.store.mu.RUnlock()
	tags := e.store.tenant(req.call.Account, req.call.Region).findTaggable(arn)
	if tags == nil {
		return nil, notFoundError(resourceTypeOf(arn), arn)
	}
	return listTagsForResourceOutput{Tags: tags.clone()}, nil
}
