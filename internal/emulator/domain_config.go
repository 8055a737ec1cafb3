package emulator

import (
	"encoding/json"
	"fmt"
	"sort"
)

// Helpers shared by the configuration entities of a domain that came after
// fields: layouts, templates, case rules and the case event configuration.

// domainForConfig returns the domain a configuration operation acts on. A
// write (forWrite) needs the domain Active; code is the error that says it is
// not, which must be one the operation declares. what names the entity for
// that message ("layouts", "templates", ...).
func (e *Emulator) domainForConfig(t *tenant, id string, forWrite bool, code, what string) (*domain, error) {
	d := t.domain(id)
	if d == nil {
		return nil, notFoundError(resourceTypeDomain, id)
	}
	if forWrite {
		if status := d.status(e.now()); status != DomainStatusActive {
			return nil, NewAPIError(code, fmt.Sprintf("Domain '%s' is %s; %s can be changed once it is %s.", id, status, what, DomainStatusActive))
		}
	}
	return d, nil
}

// sequenced is an entity listed in creation order.
type sequenced interface {
	sequence() uint64
	isDeleted() bool
}

// domainEntity is an entity of a domain that has a name unique among the
// live ones and tags of its own: a field, layout, template or case rule.
// Deleted entities stay in their map (Get and BatchGet still answer for
// them) and drop out of everything else.
type domainEntity interface {
	sequenced
	entityID() string
	entityName() string
	entityTags() *tagMap
}

// liveEntity returns m[id] unless it does not exist or is deleted.
func liveEntity[T domainEntity](m map[string]T, id string) (T, bool) {
	e, ok := m[id]
	if !ok || e.isDeleted() {
		var none T
		return none, false
	}
	return e, true
}

// liveEntityNamed returns the live entity of m called name, or the zero T.
func liveEntityNamed[T domainEntity](m map[string]T, name string) T {
	for _, e := range m {
		if !e.isDeleted() && e.entityName() == name {
			return e
		}
	}
	var none T
	return none
}

// liveEntityTags returns the tags of the live entity m[id], for tagging by
// ARN; nil when there is none.
func liveEntityTags[T domainEntity](m map[string]T, id string) *tagMap {
	e, ok := liveEntity(m, id)
	if !ok {
		return nil
	}
	return e.entityTags()
}

// liveEntitiesWhere describes, in creation order, the live entities of m
// for which match holds, as a referrer in an "in use" error.
func liveEntitiesWhere[T domainEntity](m map[string]T, kind string, match func(T) bool) []string {
	var users []string
	for _, e := range sortedBySequence(m) {
		if !e.isDeleted() && match(e) {
			users = append(users, describeUse(kind, e.entityName(), e.entityID()))
		}
	}
	return users
}

// sortedBySequence returns the values of m in creation order.
func sortedBySequence[T sequenced](m map[string]T) []T {
	out := make([]T, 0, len(m))
	for _, v := range m {
		out = append(out, v)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].sequence() < out[j].sequence() })
	return out
}

// livePage returns one page of the live (not deleted) entities of m that
// keep, in creation order, after the position of nextToken, and the token of
// the next page ("" at the end).
func livePage[T sequenced](m map[string]T, nextToken string, maxResults int, keep func(T) bool) ([]T, string, error) {
	var position sequencePageToken
	if nextToken != "" {
		if err := decodePageToken(nextToken, &position); err != nil {
			return nil, "", err
		}
	}
	page := []T{}
	var lastListed uint64
	for _, item := range sortedBySequence(m) {
		if item.isDeleted() || item.sequence() <= position.AfterSequence || (keep != nil && !keep(item)) {
			continue
		}
		if len(page) == maxResults {
			return page, encodePageToken(sequencePageToken{AfterSequence: lastListed}), nil
		}
		page = append(page, item)
		lastListed = item.sequence()
	}
	return page, "", nil
}

// liveCount counts the entities of m that are not deleted, and those that
// are.
func liveCount[T sequenced](m map[string]T) (live, deleted int) {
	for _, item := range m {
		if item.isDeleted() {
			deleted++
		} else {
			live++
		}
	}
	return live, deleted
}

// deepCopy copies a JSON-shaped value through JSON, which is how the store
// persists it anyway: request documents are stored and returned without
// sharing memory with the request or the response.
func deepCopy[T any](v T) T {
	var out T
	data, err := json.Marshal(v)
	if err != nil {
		panic(fmt.Sprintf("deepCopy: %v", err)) // only JSON-shaped values reach here
	}
	if err := json.Unmarshal(data, &out); err != nil {
		panic(fmt.Sprintf("deepCopy: %v", err))
	}
	return out
}

// duplicates returns the ids that occur more than once, in first-seen order.
func duplicates(ids []string) []string {
	seen := map[string]int{}
	var dups []string
	for _, id := range ids {
		seen[id]++
		if seen[id] == 2 {
			dups = append(dups, id)
		}
	}
	return dups
}

// describeUse formats one referrer for DeleteField's message, as
// "layout 'Main' (id)".
func describeUse(kind, name, id string) string {
	return fmt.Sprintf("%s '%s' (%s)", kind, name, id)
}
