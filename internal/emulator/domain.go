package emulator

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"time"

	"github.com/connect-cases/terraform-provider-cases/internal/apimodel"
)

// Domain statuses: the com.amazonaws.connectcases#DomainStatus enum.
const (
	DomainStatusActive             = "Active"
	DomainStatusCreationInProgress = "CreationInProgress"
	DomainStatusCreationFailed     = "CreationFailed"
)

// resourceTypeDomain is the resourceType of ResourceNotFoundException for a
// domain.
const resourceTypeDomain = "Domain"

// defaultListDomainsMaxResults is the page size when maxResults is absent:
// the model sets no default, so a page is as large as the range of
// ListDomainsRequest.maxResults allows.
var defaultListDomainsMaxResults = int(apimodel.Cases().Effective(apimodel.Cases().MustLookup("ListDomainsRequest", "maxResults")).Range.MaxOr(10))

// domain is a Cases domain as stored. Fields, layouts, templates and case
// rules will be stored inside their domain.
type domain struct {
	ID          string    `json:"domainId"`
	ARN         string    `json:"domainArn"`
	Name        string    `json:"name"`
	CreatedTime time.Time `json:"createdTime"`
	// SettlesAt is when CreationInProgress ends. The status is derived from
	// it on every read, so no goroutine flips it and a restored store
	// resumes correctly.
	SettlesAt time.Time `json:"settlesAt"`
	// Outcome is the status after SettlesAt: Active, or CreationFailed when
	// the name matched failCreationNamePattern when the domain was created.
	Outcome  string `json:"outcome"`
	Tags     tagMap `json:"tags"`
	Sequence uint64 `json:"sequence"`
	// Fields by field id, the system fields included (field.go).
	Fields map[string]*field `json:"fields,omitempty"`
	// Layouts, templates and case rules by id (layout.go, template.go,
	// case_rule.go). Deleted ones stay, marked Deleted.
	Layouts   map[string]*layout   `json:"layouts,omitempty"`
	Templates map[string]*template `json:"templates,omitempty"`
	CaseRules map[string]*caseRule `json:"caseRules,omitempty"`
	// EventConfiguration is the case event configuration
	// (case_event_configuration.go); nil until it is first put.
	EventConfiguration *eventBridgeConfiguration `json:"eventConfiguration,omitempty"`
	// Cases by case id (case.go), their related items and audit history
	// inside them.
	Cases map[string]*caseRecord `json:"cases,omitempty"`
	// caseTokens indexes Cases by client token; built on first use, so a
	// store loaded from a state file needs nothing more.
	caseTokens map[string]*caseRecord
}

func domainARN(region, account, id string) string {
	return fmt.Sprintf("arn:aws:cases:%s:%s:domain/%s", region, account, id)
}

func (d *domain) status(now time.Time) string {
	if now.Before(d.SettlesAt) {
		return DomainStatusCreationInProgress
	}
	return d.Outcome
}

func (d *domain) snapshot(now time.Time) DomainSnapshot {
	tags := make(map[string]string, len(d.Tags))
	for k, v := range d.Tags {
		if v != nil {
			tags[k] = *v
		} else {
			tags[k] = ""
		}
	}
	return DomainSnapshot{
		DomainID:     d.ID,
		DomainARN:    d.ARN,
		Name:         d.Name,
		DomainStatus: d.status(now),
		CreatedTime:  d.CreatedTime,
		Tags:         tags,
	}
}

// formatDateTime writes a timestamp member with the smithy.api#timestampFormat
// "date-time" trait (RFC 3339, UTC), as CreatedTime declares.
func formatDateTime(t time.Time) string {
	return t.UTC().Format(time.RFC3339Nano)
}

type createDomainInput struct {
	Name *string `json:"name"`
}

type createDomainOutput struct {
	DomainID     string `json:"domainId"`
	DomainARN    string `json:"domainArn"`
	DomainStatus string `json:"domainStatus"`
}

func createDomain(e *Emulator, req *opRequest) (any, error) {
	var in createDomainInput
	if err := req.decodeBody(&in); err != nil {
		return nil, err
	}
	name := *in.Name

	config, failCreation := e.runtimeSnapshot()
	// Millisecond precision: what survives a round trip through the wire
	// format and the SDK, so snapshots and API answers agree.
	now := e.now().UTC().Truncate(time.Millisecond)

	e.store.mu.Lock()
	defer e.store.mu.Unlock()
	t := e.store.tenantForWrite(req.call.Account, req.call.Region)
	if existing := t.domainByName(name); existing != nil {
		return nil, conflictError("A domain named '%s' already exists in this account and region (%s).", name, existing.ID)
	}
	if quota := config.Quotas.DomainsPerAccountRegion; len(t.Domains) >= quota {
		return nil, quotaError("The account already has %d of at most %d domains in %s. Delete a domain or raise the quota.", len(t.Domains), quota, req.call.Region)
	}
	outcome := DomainStatusActive
	if failCreation != nil && failCreation.MatchString(name) {
		outcome = DomainStatusCreationFailed
	}
	id := newUUID()
	d := &domain{
		ID:          id,
		ARN:         domainARN(req.call.Region, req.call.Account, id),
		Name:        name,
		CreatedTime: now,
		SettlesAt:   now.Add(time.Duration(config.ActivationDelay)),
		Outcome:     outcome,
		Tags:        tagMap{},
		Sequence:    t.nextSequence(),
	}
	d.seedSystemFields(t, now)
	t.Domains[id] = d
	return createDomainOutput{DomainID: d.ID, DomainARN: d.ARN, DomainStatus: d.status(now)}, nil
}

type getDomainOutput struct {
	DomainID     string `json:"domainId"`
	DomainARN    string `json:"domainArn"`
	Name         string `json:"name"`
	CreatedTime  string `json:"createdTime"`
	DomainStatus string `json:"domainStatus"`
	Tags         tagMap `json:"tags"`
}

func getDomain(e *Emulator, req *opRequest) (any, error) {
	id := req.label("domainId")
	now := e.now()
	e.store.mu.RLock()
	defer e.store.mu.RUnlock()
	d := e.store.tenant(req.call.Account, req.call.Region).domain(id)
	if d == nil {
		return nil, notFoundError(resourceTypeDomain, id)
	}
	return getDomainOutput{
		DomainID:     d.ID,
		DomainARN:    d.ARN,
		Name:         d.Name,
		CreatedTime:  formatDateTime(d.CreatedTime),
		DomainStatus: d.status(now),
		Tags:         d.Tags.clone(),
	}, nil
}

// domain returns the domain with id, or nil. A nil tenant has none.
func (t *tenant) domain(id string) *domain {
	if t == nil {
		return nil
	}
	return t.Domains[id]
}

type domainSummary struct {
	DomainID  string `json:"domainId"`
	DomainARN string `json:"domainArn"`
	Name      string `json:"name"`
}

type listDomainsOutput struct {
	Domains   []domainSummary `json:"domains"`
	NextToken string          `json:"nextToken,omitempty"`
}

// listDomainsToken is the content of an opaque nextToken: the position after
// which the next page starts. Positions are creation sequence numbers, so a
// page boundary stays put when domains before it are deleted.
type listDomainsToken struct {
	AfterSequence uint64 `json:"afterSequence"`
}

func encodePageToken(v any) string {
	data, _ := json.Marshal(v) // plain structs of numbers and strings
	return base64.RawURLEncoding.EncodeToString(data)
}

func decodePageToken(token string, v any) error {
	data, err := base64.RawURLEncoding.DecodeString(token)
	if err == nil {
		err = json.Unmarshal(data, v)
	}
	if err != nil {
		return validationError("The nextToken is not valid; pass the nextToken of a previous response unchanged.")
	}
	return nil
}

func listDomains(e *Emulator, req *opRequest) (any, error) {
	maxResults, nextToken := pageQuery(req, defaultListDomainsMaxResults)
	var position listDomainsToken
	if nextToken != "" {
		if err := decodePageToken(nextToken, &position); err != nil {
			return nil, err
		}
	}

	e.store.mu.RLock()
	defer e.store.mu.RUnlock()
	out := listDomainsOutput{Domains: []domainSummary{}}
	var lastListed uint64
	for _, d := range e.store.tenant(req.call.Account, req.call.Region).sortedDomains() {
		if d.Sequence <= position.AfterSequence {
			continue
		}
		if len(out.Domains) == maxResults {
			// Another domain follows this page.
			out.NextToken = encodePageToken(listDomainsToken{AfterSequence: lastListed})
			break
		}
		out.Domains = append(out.Domains, domainSummary{DomainID: d.ID, DomainARN: d.ARN, Name: d.Name})
		lastListed = d.Sequence
	}
	return out, nil
}

func deleteDomain(e *Emulator, req *opRequest) (any, error) {
	id := req.label("domainId")
	e.store.mu.Lock()
	defer e.store.mu.Unlock()
	t := e.store.tenant(req.call.Account, req.call.Region)
	if t.domain(id) == nil {
		return nil, notFoundError(resourceTypeDomain, id)
	}
	// Everything the domain owns goes with it.
	delete(t.Domains, id)
	return nil, nil
}
