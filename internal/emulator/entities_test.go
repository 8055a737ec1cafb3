package emulator

import "testing"

// TestDomainEntities checks the shape of the entity table: every entity
// with an ARN can be tagged and named in a ResourceNotFoundException, and
// no two share an ARN kind.
func TestDomainEntities(t *testing.T) {
	seen := map[string]bool{}
	referenced := map[entityRef]int{}
	for _, kind := range domainEntities {
		for ref := range kind.refersTo {
			referenced[ref]++
		}
		if kind.arnKind == "" {
			if kind.tags != nil {
				t.Errorf("%s: tags without an ARN", kind.name)
			}
			continue
		}
		if seen[kind.arnKind] {
			t.Errorf("ARN kind %q appears twice", kind.arnKind)
		}
		seen[kind.arnKind] = true
		if kind.tags == nil || kind.resourceType == "" {
			t.Errorf("%s: an entity with an ARN needs tags and a resourceType", kind.name)
		}
	}
	// Fields are used by layouts, templates, case rules and the event
	// configuration; layouts and case rules by templates.
	if referenced[refField] != 4 || referenced[refLayout] != 1 || referenced[refCaseRule] != 1 {
		t.Errorf("references = %v", referenced)
	}
}
