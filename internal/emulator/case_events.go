package emulator

import (
	"sort"
	"time"
)

// Case events. With the domain's case event configuration enabled
// (PutCaseEventConfiguration), every change to a case or a related item
// produces the event Cases would put on the account's default EventBridge
// bus, in the documented format (Amazon Connect Administrator Guide, "Case
// event payload and schema"; EventBridge reference, "Amazon Connect Cases
// events"): source aws.cases, detail-type "Amazon Connect Cases Change",
// detail.eventType CASE.CREATED, CASE.UPDATED, CASE.DELETED,
// RELATED_ITEM.CREATED, RELATED_ITEM.UPDATED or RELATED_ITEM.DELETED.
//
// A case event carries the case's id, template and creation time, and the
// values, after the change, of the fields the configuration includes
// (includedData.caseData.fields) that have one. A related-item event carries
// the item's type, id, case and creation time, and its content when the
// configuration says includeContent.
//
// The emulator keeps the events instead of sending them: GET
// /_emulator/events returns them, oldest first, filterable by domain, so
// that a test can assert on what a consumer would receive. Each tenant keeps
// its newest maxRetainedEvents.

// Event types: detail.eventType.
const (
	eventCaseCreated        = "CASE.CREATED"
	eventCaseUpdated        = "CASE.UPDATED"
	eventCaseDeleted        = "CASE.DELETED"
	eventRelatedItemCreated = "RELATED_ITEM.CREATED"
	eventRelatedItemUpdated = "RELATED_ITEM.UPDATED"
	eventRelatedItemDeleted = "RELATED_ITEM.DELETED"
)

const (
	caseEventSource     = "aws.cases"
	caseEventDetailType = "Amazon Connect Cases Change"
)

// maxRetainedEvents bounds the events a tenant keeps; the oldest go first.
const maxRetainedEvents = 10000

// CaseEvent is one EventBridge event as a consumer receives it.
type CaseEvent struct {
	Version    string          `json:"version"`
	ID         string          `json:"id"`
	DetailType string          `json:"detail-type"`
	Source     string          `json:"source"`
	Account    string          `json:"account"`
	Time       string          `json:"time"`
	Region     string          `json:"region"`
	Resources  []string        `json:"resources"`
	Detail     CaseEventDetail `json:"detail"`
}

// CaseEventDetail is the detail of a case event.
type CaseEventDetail struct {
	Version               string            `json:"version"`
	EventType             string            `json:"eventType"`
	ApproximateChangeTime string            `json:"approximateChangeTime"`
	ChangedFieldIDs       []string          `json:"changedFieldIds,omitempty"`
	ChangedAttributes     []string          `json:"changedAttributes,omitempty"`
	PerformedBy           *auditPerformedBy `json:"performedBy,omitempty"`
	Case                  *eventCase        `json:"case,omitempty"`
	RelatedItem           *eventRelatedItem `json:"relatedItem,omitempty"`
}

type eventCase struct {
	CaseID          string                     `json:"caseId"`
	TemplateID      string                     `json:"templateId"`
	CreatedDateTime string                     `json:"createdDateTime"`
	Fields          map[string]eventFieldValue `json:"fields"`
}

type eventFieldValue struct {
	Value fieldValueUnion `json:"value"`
}

type eventRelatedItem struct {
	RelatedItemType string `json:"relatedItemType"`
	RelatedItemID   string `json:"relatedItemId"`
	CaseID          string `json:"caseId"`
	CreatedDateTime string `json:"createdDateTime"`
	// The content, by type, when includeContent is set.
	Contact     *contactContent     `json:"contact,omitempty"`
	Comment     *commentContent     `json:"comment,omitempty"`
	File        *fileContent        `json:"file,omitempty"`
	Sla         *slaContent         `json:"sla,omitempty"`
	ConnectCase *connectCaseContent `json:"connectCase,omitempty"`
	Custom      *customContent      `json:"custom,omitempty"`
}

// storedEvent is an event as a tenant keeps it.
type storedEvent struct {
	DomainID string    `json:"domainId"`
	Event    CaseEvent `json:"event"`
}

// publishing reports whether d publishes case events.
func (d *domain) publishing() bool {
	return d.EventConfiguration != nil && d.EventConfiguration.Enabled != nil && *d.EventConfiguration.Enabled
}

func (e *Emulator) newEvent(t *tenant, d *domain, resources []string, detail CaseEventDetail, by *userUnion, now time.Time) {
	detail.Version = "0"
	detail.ApproximateChangeTime = formatDateTime(now)
	detail.PerformedBy = &auditPerformedBy{User: deepCopy(by), IamPrincipalArn: iamPrincipalOf(t.Account)}
	t.Events = append(t.Events, storedEvent{DomainID: d.ID, Event: CaseEvent{
		Version:    "0",
		ID:         newUUID(),
		DetailType: caseEventDetailType,
		Source:     caseEventSource,
		Account:    t.Account,
		Time:       now.UTC().Format(time.RFC3339),
		Region:     t.Region,
		Resources:  resources,
		Detail:     detail,
	}})
	if len(t.Events) > 2*maxRetainedEvents {
		// Trim in batches so that appending stays cheap.
		t.Events = append([]storedEvent(nil), t.Events[len(t.Events)-maxRetainedEvents:]...)
	}
}

// publishCaseEvent records the event of a change to case c.
func (e *Emulator) publishCaseEvent(t *tenant, d *domain, c *caseRecord, eventType string, changed []string, by *userUnion, now time.Time, _ RuntimeConfig) {
	if !d.publishing() {
		return
	}
	ec := &eventCase{CaseID: c.ID, TemplateID: c.TemplateID, CreatedDateTime: formatDateTime(c.CreatedTime), Fields: map[string]eventFieldValue{}}
	for _, id := range d.EventConfiguration.fieldIDs() {
		if v, ok := c.Fields[id]; ok {
			ec.Fields[id] = eventFieldValue{Value: v}
		}
	}
	e.newEvent(t, d, []string{d.ARN, c.ARN}, CaseEventDetail{
		EventType:       eventType,
		ChangedFieldIDs: append([]string(nil), changed...),
		Case:            ec,
	}, by, now)
}

// publishRelatedItemEvent records the event of a change to related item ri
// of case c; changed lists the content attributes the change set.
func (e *Emulator) publishRelatedItemEvent(t *tenant, d *domain, c *caseRecord, ri *relatedItem, eventType string, changed []string, by *userUnion, now time.Time) {
	if !d.publishing() {
		return
	}
	item := &eventRelatedItem{RelatedItemType: ri.Type, RelatedItemID: ri.ID, CaseID: c.ID, CreatedDateTime: formatDateTime(ri.AssociationTime)}
	if inc := d.EventConfiguration.IncludedData; inc != nil && inc.RelatedItemData != nil && inc.RelatedItemData.IncludeContent != nil && *inc.RelatedItemData.IncludeContent {
		c := ri.render(now)
		item.Contact, item.Comment, item.File, item.Sla, item.ConnectCase, item.Custom = c.Contact, c.Comment, c.File, c.Sla, c.ConnectCase, c.Custom
	}
	e.newEvent(t, d, []string{d.ARN, ri.ARN}, CaseEventDetail{
		EventType:         eventType,
		ChangedAttributes: append([]string(nil), changed...),
		RelatedItem:       item,
	}, by, now)
}

// Events returns the case events kept for account and region, oldest
// first; domainID, when not empty, keeps those of one domain.
func (e *Emulator) Events(account, region, domainID string) []CaseEvent {
	e.store.mu.RLock()
	defer e.store.mu.RUnlock()
	return collectEvents(e.store.tenant(account, region), domainID)
}

func collectEvents(t *tenant, domainID string) []CaseEvent {
	out := []CaseEvent{}
	if t == nil {
		return out
	}
	for _, ev := range t.Events {
		if domainID == "" || ev.DomainID == domainID {
			out = append(out, deepCopy(ev.Event))
		}
	}
	return out
}

// eventsResponse is the GET /_emulator/events document.
type eventsResponse struct {
	Events []CaseEvent `json:"events"`
}

// controlGetEvents answers GET /_emulator/events. Query: domainId (one
// domain), account and region (one tenant; without them, every tenant, in
// account and region order), eventType (one detail.eventType).
func controlGetEvents(e *Emulator, req *opRequest) (any, error) {
	domainID, account, region, eventType := req.query.Get("domainId"), req.query.Get("account"), req.query.Get("region"), req.query.Get("eventType")
	e.store.mu.RLock()
	defer e.store.mu.RUnlock()
	out := eventsResponse{Events: []CaseEvent{}}
	for _, t := range e.store.sortedTenants() {
		if account != "" && t.Account != account || region != "" && t.Region != region {
			continue
		}
		for _, ev := range collectEvents(t, domainID) {
			if eventType == "" || ev.Detail.EventType == eventType {
				out.Events = append(out.Events, ev)
			}
		}
	}
	return out, nil
}

// controlDeleteEvents answers DELETE /_emulator/events: the kept events go
// (those of one domain with domainId), the cases stay.
func controlDeleteEvents(e *Emulator, req *opRequest) (any, error) {
	domainID := req.query.Get("domainId")
	e.store.mu.Lock()
	for _, t := range e.store.Tenants {
		kept := t.Events[:0]
		for _, ev := range t.Events {
			if domainID != "" && ev.DomainID != domainID {
				kept = append(kept, ev)
			}
		}
		t.Events = kept
	}
	e.store.mu.Unlock()
	return controlStatus{Status: "ok"}, e.saveState()
}

// changedAttributes lists the attributes a related item's content sets, as
// "type.member", sorted: what a related-item event reports as changed.
func changedAttributes(content relatedItemContent) []string {
	var out []string
	add := func(prefix string, members ...string) {
		for _, m := range members {
			out = append(out, prefix+"."+m)
		}
	}
	switch {
	case content.Comment != nil:
		add("comment", "body", "contentType")
	case content.Contact != nil:
		add("contact", "contactArn")
	case content.File != nil:
		add("file", "fileArn")
	case content.Sla != nil:
		add("sla", "slaConfiguration")
	case content.ConnectCase != nil:
		add("connectCase", "caseId")
	case content.Custom != nil:
		add("custom", "fields")
	}
	sort.Strings(out)
	return out
}
