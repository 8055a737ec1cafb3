package emulator

import (
	"crypto/rand"
	"fmt"
	"sort"
	"sync"
)

// store is the whole state of the emulator. One RWMutex guards all of it:
// requests are cheap and few, and a single lock makes every operation atomic
// (check-then-insert for unique names and quotas cannot race). Every field
// below the mutex is JSON-serializable so that persistence can write the
// store to a file as one document.
type store struct {
	mu sync.RWMutex
	// Tenants by tenantKey(account, region). AWS isolates Cases data per
	// account and region, and so does the emulator.
	Tenants map[string]*tenant `json:"tenants"`
}

// tenant is the data of one account in one region. Entities that belong to a
// domain (fields, layouts, templates, case rules) hang off their domain, so a
// domain delete removes them with it.
type tenant struct {
	Account string `json:"account"`
	Region  string `json:"region"`
	// Domains by domain id.
	Domains map[string]*domain `json:"domains"`
	// ConnectInstances by instance id: the Amazon Connect subset
	// (connect_instance.go), isolated per account and region like Cases.
	ConnectInstances map[string]*connectInstance `json:"connectInstances,omitempty"`
	// LastSequence numbers entities in creation order, which gives listings
	// a stable order for pagination tokens.
	LastSequence uint64 `json:"lastSequence"`
	// Events are the case events of the tenant's domains, oldest first
	// (case_events.go). They outlive a deleted case, as delivered events
	// do, and go with the domain's tenant only.
	Events []storedEvent `json:"events,omitempty"`
}

func newStore() *store {
	return &store{Tenants: map[string]*tenant{}}
}

func tenantKey(account, region string) string { return account + "/" + region }

// tenant returns the tenant of account and region, or nil when it has never
// written anything. Callers hold s.mu (read or write).
func (s *store) tenant(account, region string) *tenant {
	return s.Tenants[tenantKey(account, region)]
}

// tenantForWrite returns the tenant of account and region, creating it.
// Callers hold s.mu for writing.
func (s *store) tenantForWrite(account, region string) *tenant {
	key := tenantKey(account, region)
	t := s.Tenants[key]
	if t == nil {
		t = &tenant{Account: account, Region: region, Domains: map[string]*domain{}}
		s.Tenants[key] = t
	}
	return t
}

// sortedTenants returns the tenants ordered by account, then region.
func (s *store) sortedTenants() []*tenant {
	tenants := make([]*tenant, 0, len(s.Tenants))
	for _, t := range s.Tenants {
		tenants = append(tenants, t)
	}
	sort.Slice(tenants, func(i, j int) bool {
		if tenants[i].Account != tenants[j].Account {
			return tenants[i].Account < tenants[j].Account
		}
		return tenants[i].Region < tenants[j].Region
	})
	return tenants
}

func (t *tenant) nextSequence() uint64 {
	t.LastSequence++
	return t.LastSequence
}

// sortedDomains returns the tenant's domains in creation order. A nil tenant
// has none.
func (t *tenant) sortedDomains() []*domain {
	if t == nil {
		return nil
	}
	domains := make([]*domain, 0, len(t.Domains))
	for _, d := range t.Domains {
		domains = append(domains, d)
	}
	sort.Slice(domains, func(i, j int) bool { return domains[i].Sequence < domains[j].Sequence })
	return domains
}

func (t *tenant) domainByName(name string) *domain {
	for _, d := range t.Domains {
		if d.Name == name {
			return d
		}
	}
	return nil
}

// newUUID returns a random (version 4) UUID, the shape of real Cases domain
// ids and of AWS request ids.
func newUUID() string {
	var b [16]byte
	_, _ = rand.Read(b[:])  // crypto/rand.Read never fails on supported platforms.
	b[6] = b[6]&0x0f | 0x40 // version 4
	b[8] = b[8]&0x3f | 0x80 // RFC 4122 variant
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}
