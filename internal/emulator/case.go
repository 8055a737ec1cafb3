package emulator

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/connect-cases/terraform-provider-cases/internal/apimodel"
)

// Cases: CreateCase, GetCase, UpdateCase, DeleteCase, ListCasesForContact
// and GetCaseAuditEvents. Cases are data, not configuration: a case is
// checked against its template when it is created and on every update
// (case_enforce.go), its changes are audited, and, with the domain's case
// event configuration enabled, each change produces the EventBridge event
// a consumer would receive (case_events.go).

// resourceTypeCase is the resourceType of ResourceNotFoundException for a
// case.
const resourceTypeCase = "Case"

// caseStatusOpen and caseStatusClosed are the values of the status system
// field (system_fields.go).
const (
	caseStatusOpen   = "open"
	caseStatusClosed = "closed"
)

// readOnlySystemFields are the system fields the emulator maintains: a
// request that sets one is refused. The others (status, title, summary,
// customer_id, case_reason, assigned_queue, assigned_user) are the caller's.
var readOnlySystemFields = []string{"case_id", "created_datetime", "last_updated_datetime", "last_updated_user", "last_closed_datetime", "reference_number"}

// Page sizes where the model gives none: SearchCases and GetCaseAuditEvents
// document 25 ("When no value is provided, 25 is the default"); the others
// use the largest page their maxResults allows.
var (
	defaultSearchCasesMaxResults   = 25
	defaultAuditEventsMaxResults   = 25
	defaultCasesForContactMax      = modelMaxResults("ListCasesForContactRequest")
	defaultRelatedItemsMaxResults  = modelMaxResults("SearchRelatedItemsRequest")
	defaultAllRelatedItemsMaxCount = modelMaxResults("SearchAllRelatedItemsRequest")
)

// modelMaxResults is the largest maxResults the model allows a request.
func modelMaxResults(request string) int {
	svc := apimodel.Cases()
	return int(svc.Effective(svc.MustLookup(request, "maxResults")).Range.MaxOr(25))
}

// getCasePageSize is how many field values one GetCase page holds: the
// model's bound on GetCaseResponse.fields, which equals the bound on the
// fields a request may name, so one page always holds them all. Tests lower
// it to see nextToken at work.
var getCasePageSize = int(apimodel.Cases().Effective(apimodel.Cases().MustLookup("GetCaseResponse", "fields")).Length.MaxOr(220))

// caseRecord is a case as stored, inside its domain.
type caseRecord struct {
	ID         string `json:"caseId"`
	ARN        string `json:"caseArn"`
	TemplateID string `json:"templateId"`
	// Fields holds the fields that have a value; a field set to emptyValue
	// is removed.
	Fields      map[string]fieldValueUnion `json:"fields"`
	Tags        tagMap                     `json:"tags"`
	CreatedTime time.Time                  `json:"createdTime"`
	Sequence    uint64                     `json:"sequence"`
	// ClientToken and RequestHash make CreateCase idempotent.
	ClientToken string `json:"clientToken,omitempty"`
	RequestHash string `json:"requestHash,omitempty"`
	// RelatedItems by id (related_item.go).
	RelatedItems map[string]*relatedItem `json:"relatedItems,omitempty"`
	// Audit is the case's audit history, oldest first.
	Audit []storedAuditEvent `json:"audit,omitempty"`
}

func (c *caseRecord) sequence() uint64 { return c.Sequence }
func (c *caseRecord) isDeleted() bool  { return false }

func caseARN(domainARN, id string) string { return domainARN + "/case/" + id }

// caseTags returns the tags of a case or of one of its related items, for
// tagging by ARN: rest is what follows "/case/" in the ARN.
func (d *domain) caseTags(rest string) *tagMap {
	caseID, item, hasItem := strings.Cut(rest, "/related-item/")
	c := d.Cases[caseID]
	if c == nil {
		return nil
	}
	if !hasItem {
		return &c.Tags
	}
	if ri := c.RelatedItems[item]; ri != nil {
		return &ri.Tags
	}
	return nil
}

// userUnion is the model's UserUnion.
type userUnion struct {
	UserArn      *string `json:"userArn,omitempty"`
	CustomEntity *string `json:"customEntity,omitempty"`
}

// domainForCases returns the domain a case operation acts on; a change
// (forWrite) needs it Active. No case operation declares ConflictException
// for that except CreateCase, so ValidationException says it for all.
func (e *Emulator) domainForCases(t *tenant, id string, forWrite bool) (*domain, error) {
	return e.domainForConfig(t, id, forWrite, CodeValidation, "cases")
}

// caseIn returns the case with id in d, or ResourceNotFoundException.
func (d *domain) caseIn(id string) (*caseRecord, error) {
	c := d.Cases[id]
	if c == nil {
		return nil, notFoundError(resourceTypeCase, id)
	}
	return c, nil
}

// caseOfRequest returns the domain and the case that the domainId and
// caseId labels of req name in t; forWrite needs the domain Active. The
// caller holds the store's lock.
func (e *Emulator) caseOfRequest(t *tenant, req *opRequest, forWrite bool) (*domain, *caseRecord, error) {
	d, err := e.domainForCases(t, req.label("domainId"), forWrite)
	if err != nil {
		return nil, nil, err
	}
	c, err := d.caseIn(req.label("caseId"))
	if err != nil {
		return nil, nil, err
	}
	return d, c, nil
}

// applyFieldValues checks the values a request sets and returns the case's
// values after them, the fields given a value and the fields whose value
// changed (sorted).
func (d *domain) applyFieldValues(before map[string]fieldValueUnion, in []fieldValue, member string) (after map[string]fieldValueUnion, sent, changed []string, apiErr *APIError) {
	ids := make([]string, 0, len(in))
	for _, fv := range in {
		ids = append(ids, *fv.ID)
	}
	if err := d.requireLiveFields(member, ids); err != nil {
		return nil, nil, nil, err
	}
	if dups := duplicates(ids); len(dups) > 0 {
		return nil, nil, nil, validationError("'%s' sets these fields more than once: %s.", member, strings.Join(dups, ", "))
	}
	var problems []string
	for _, fv := range in {
		if containsString(readOnlySystemFields, *fv.ID) {
			problems = append(problems, fmt.Sprintf("system field '%s' is maintained by Cases and cannot be set", *fv.ID))
			continue
		}
		if msg := d.checkValue(d.Fields[*fv.ID], fv.Value); msg != "" {
			problems = append(problems, msg)
		}
	}
	if len(problems) > 0 {
		return nil, nil, nil, validationError("'%s' holds values the fields cannot take: %s.", member, strings.Join(problems, "; "))
	}
	after = make(map[string]fieldValueUnion, len(before)+len(in))
	for id, v := range before {
		after[id] = v
	}
	for _, fv := range in {
		id := *fv.ID
		old := before[id]
		if fv.Value.isEmpty() {
			delete(after, id)
		} else {
			after[id] = *deepCopy(fv.Value)
			sent = append(sent, id)
		}
		if !old.equal(fv.Value) {
			changed = append(changed, id)
		}
	}
	sort.Strings(changed)
	return after, sent, changed, nil
}

func containsString(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// setSystemField sets a maintained system field and records the change.
func setSystemField(values map[string]fieldValueUnion, changed *[]string, id string, v fieldValueUnion) {
	old := values[id]
	values[id] = v
	if !old.equal(&v) && !containsString(*changed, id) {
		*changed = append(*changed, id)
	}
}

type createCaseInput struct {
	TemplateID  *string      `json:"templateId"`
	Fields      []fieldValue `json:"fields"`
	ClientToken *string      `json:"clientToken"`
	PerformedBy *userUnion   `json:"performedBy"`
	Tags        tagMap       `json:"tags"`
}

// requestHash fingerprints a CreateCase request without its client token,
// so a retry with the same token is recognized as the same request.
func (in createCaseInput) requestHash() string {
	in.ClientToken = nil
	data, _ := json.Marshal(in) // plain JSON-shaped values
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

type createCaseOutput struct {
	CaseID  string `json:"caseId"`
	CaseARN string `json:"caseArn"`
}

func createCase(e *Emulator, req *opRequest) (any, error) {
	var in createCaseInput
	if err := req.decodeBody(&in); err != nil {
		return nil, err
	}
	domainID := req.label("domainId")
	config, _ := e.runtimeSnapshot()
	now := e.now().UTC().Truncate(time.Millisecond)

	e.store.mu.Lock()
	defer e.store.mu.Unlock()
	tn := e.store.tenant(req.call.Account, req.call.Region)
	d, err := e.domainForCases(tn, domainID, true)
	if err != nil {
		return nil, err
	}
	tpl := d.Templates[*in.TemplateID]
	if tpl == nil {
		return nil, notFoundError(resourceTypeTemplate, *in.TemplateID)
	}
	if tpl.Deleted || tpl.Status != templateStatusActive {
		state := tpl.Status
		if tpl.Deleted {
			state = "deleted"
		}
		return nil, validationError("Template '%s' (%s) is %s; a case needs an %s template.", tpl.Name, tpl.ID, state, templateStatusActive)
	}
	hash := in.requestHash()
	if in.ClientToken != nil && *in.ClientToken != "" {
		if existing := d.caseByClientToken(*in.ClientToken); existing != nil {
			if existing.RequestHash != hash {
				return nil, conflictError("clientToken '%s' was used for another CreateCase request (case %s); use a new token for a new case.", *in.ClientToken, existing.ID)
			}
			return createCaseOutput{CaseID: existing.ID, CaseARN: existing.ARN}, nil
		}
	}

	values, sent, _, apiErr := d.applyFieldValues(nil, in.Fields, "fields")
	if apiErr != nil {
		return nil, apiErr
	}
	if _, set := values["status"]; !set {
		// A new case is open unless the request says otherwise.
		values["status"] = stringValue(caseStatusOpen)
	}
	if apiErr := d.enforceTemplate(tpl, values, sent, true); apiErr != nil {
		return nil, apiErr
	}

	id := newUUID()
	seq := tn.nextSequence()
	var changed []string
	for fid := range values {
		changed = append(changed, fid)
	}
	stamp := formatDateTime(now)
	setSystemField(values, &changed, "case_id", stringValue(id))
	setSystemField(values, &changed, "created_datetime", stringValue(stamp))
	setSystemField(values, &changed, "last_updated_datetime", stringValue(stamp))
	// reference_number: "A friendly 8-digit number for the case; not
	// guaranteed to be unique" (system_fields.go).
	setSystemField(values, &changed, "reference_number", stringValue(fmt.Sprintf("%08d", seq%100000000)))
	if in.PerformedBy != nil && in.PerformedBy.UserArn != nil {
		setSystemField(values, &changed, "last_updated_user", fieldValueUnion{UserArnValue: in.PerformedBy.UserArn})
	}
	if values["status"].text() == caseStatusClosed {
		setSystemField(values, &changed, "last_closed_datetime", stringValue(stamp))
	}
	sort.Strings(changed)

	c := &caseRecord{
		ID:          id,
		ARN:         caseARN(d.ARN, id),
		TemplateID:  tpl.ID,
		Fields:      values,
		Tags:        caseTagsOnCreate(in.Tags, tpl),
		CreatedTime: now,
		Sequence:    seq,
		RequestHash: hash,
	}
	if in.ClientToken != nil {
		c.ClientToken = *in.ClientToken
	}
	if d.Cases == nil {
		d.Cases = map[string]*caseRecord{}
	}
	d.Cases[id] = c
	if c.ClientToken != "" {
		d.caseByClientToken(c.ClientToken) // builds the index if needed
		d.caseTokens[c.ClientToken] = c
	}
	c.audit(now, auditCaseCreated, "", fieldChanges(nil, values, changed), in.PerformedBy, req.call.Account)
	e.publishCaseEvent(tn, d, c, eventCaseCreated, changed, in.PerformedBy, now, config)
	return createCaseOutput{CaseID: c.ID, CaseARN: c.ARN}, nil
}

// caseTagsOnCreate gives a new case the request's tags and then those of
// the template's tag propagation for Cases: "When creating a case from a
// template that has tag propagation configurations, the specified tags are
// automatically applied to the case" (CreateCase). A propagated tag wins
// over a request tag of the same key, since propagation is how an
// administrator enforces tags (for tag-based access control).
func caseTagsOnCreate(requested tagMap, tpl *template) tagMap {
	tags := tagMap{}
	for k, v := range requested {
		tags[k] = v
	}
	for _, tp := range tpl.TagPropagationConfigurations {
		if tp.ResourceType == nil || *tp.ResourceType != "Cases" {
			continue
		}
		for k, v := range tp.TagMap {
			value := v
			tags[k] = &value
		}
	}
	return tags
}

// caseByClientToken returns the case created with token, or nil. A token
// is remembered as long as its case exists.
func (d *domain) caseByClientToken(token string) *caseRecord {
	if d.caseTokens == nil {
		d.caseTokens = map[string]*caseRecord{}
		for _, c := range d.Cases {
			if c.ClientToken != "" {
				d.caseTokens[c.ClientToken] = c
			}
		}
	}
	return d.caseTokens[token]
}

type getCaseInput struct {
	Fields    []fieldIdentifier `json:"fields"`
	NextToken *string           `json:"nextToken"`
}

type getCaseOutput struct {
	Fields     []fieldValue `json:"fields"`
	TemplateID string       `json:"templateId"`
	NextToken  string       `json:"nextToken,omitempty"`
	Tags       tagMap       `json:"tags"`
}

// getCasePageToken is the content of a GetCase nextToken: the index in the
// requested fields where the next page starts.
type getCasePageToken struct {
	Next int `json:"next"`
}

// getCase returns the values of the requested fields that have one, in the
// order requested; a field without a value (or that does not exist) is
// left out, as GetCase returns "detailed field information" only for
// fields that hold some.
func getCase(e *Emulator, req *opRequest) (any, error) {
	var in getCaseInput
	if err := req.decodeBody(&in); err != nil {
		return nil, err
	}
	var position getCasePageToken
	if in.NextToken != nil && *in.NextToken != "" {
		if err := decodePageToken(*in.NextToken, &position); err != nil {
			return nil, err
		}
	}
	e.store.mu.RLock()
	defer e.store.mu.RUnlock()
	_, c, err := e.caseOfRequest(e.store.tenant(req.call.Account, req.call.Region), req, false)
	if err != nil {
		return nil, err
	}
	out := getCaseOutput{Fields: []fieldValue{}, TemplateID: c.TemplateID, Tags: c.Tags.clone()}
	for i := max(position.Next, 0); i < len(in.Fields); i++ {
		id := *in.Fields[i].ID
		v, ok := c.Fields[id]
		if !ok {
			continue
		}
		if len(out.Fields) == getCasePageSize {
			out.NextToken = encodePageToken(getCasePageToken{Next: i})
			break
		}
		out.Fields = append(out.Fields, fieldValue{ID: &id, Value: deepCopy(&v)})
	}
	return out, nil
}

type updateCaseInput struct {
	Fields      []fieldValue `json:"fields"`
	PerformedBy *userUnion   `json:"performedBy"`
}

func updateCase(e *Emulator, req *opRequest) (any, error) {
	var in updateCaseInput
	if err := req.decodeBody(&in); err != nil {
		return nil, err
	}
	config, _ := e.runtimeSnapshot()
	now := e.now().UTC().Truncate(time.Millisecond)
	e.store.mu.Lock()
	defer e.store.mu.Unlock()
	tn := e.store.tenant(req.call.Account, req.call.Region)
	d, c, err := e.caseOfRequest(tn, req, true)
	if err != nil {
		return nil, err
	}
	before := c.Fields
	values, sent, changed, apiErr := d.applyFieldValues(before, in.Fields, "fields")
	if apiErr != nil {
		return nil, apiErr
	}
	// The case keeps the template it was created from; a template deleted
	// since (DeleteTemplate: existing cases keep it) still applies its
	// rules.
	if tpl := d.Templates[c.TemplateID]; tpl != nil {
		if apiErr := d.enforceTemplate(tpl, values, sent, false); apiErr != nil {
			return nil, apiErr
		}
	}
	stamp := formatDateTime(now)
	setSystemField(values, &changed, "last_updated_datetime", stringValue(stamp))
	if in.PerformedBy != nil && in.PerformedBy.UserArn != nil {
		setSystemField(values, &changed, "last_updated_user", fieldValueUnion{UserArnValue: in.PerformedBy.UserArn})
	}
	if containsString(changed, "status") && values["status"].text() == caseStatusClosed {
		setSystemField(values, &changed, "last_closed_datetime", stringValue(stamp))
	}
	sort.Strings(changed)
	c.Fields = values
	c.completeSLAs(now)
	c.audit(now, auditCaseUpdated, "", fieldChanges(before, values, changed), in.PerformedBy, req.call.Account)
	e.publishCaseEvent(tn, d, c, eventCaseUpdated, changed, in.PerformedBy, now, config)
	return nil, nil
}

// deleteCase removes the case with its related items and audit history:
// "After a successful deletion, you cannot: Retrieve related items, Access
// audit history" (DeleteCase).
func deleteCase(e *Emulator, req *opRequest) (any, error) {
	config, _ := e.runtimeSnapshot()
	now := e.now().UTC().Truncate(time.Millisecond)
	e.store.mu.Lock()
	defer e.store.mu.Unlock()
	tn := e.store.tenant(req.call.Account, req.call.Region)
	d, c, err := e.caseOfRequest(tn, req, true)
	if err != nil {
		return nil, err
	}
	delete(d.Cases, c.ID)
	if d.caseTokens != nil {
		delete(d.caseTokens, c.ClientToken)
	}
	e.publishCaseEvent(tn, d, c, eventCaseDeleted, nil, nil, now, config)
	return nil, nil
}

type listCasesForContactInput struct {
	ContactArn *string `json:"contactArn"`
	MaxResults *int    `json:"maxResults"`
	NextToken  *string `json:"nextToken"`
}

type caseSummary struct {
	CaseID     string `json:"caseId"`
	TemplateID string `json:"templateId"`
}

type listCasesForContactOutput struct {
	Cases     []caseSummary `json:"cases"`
	NextToken string        `json:"nextToken,omitempty"`
}

// listCasesForContact lists, in creation order, the cases that have the
// contact as a related item.
func listCasesForContact(e *Emulator, req *opRequest) (any, error) {
	var in listCasesForContactInput
	if err := req.decodeBody(&in); err != nil {
		return nil, err
	}
	e.store.mu.RLock()
	defer e.store.mu.RUnlock()
	d, err := e.domainForCases(e.store.tenant(req.call.Account, req.call.Region), req.label("domainId"), false)
	if err != nil {
		return nil, err
	}
	keep := func(c *caseRecord) bool {
		for _, ri := range c.RelatedItems {
			if ri.Content.Contact != nil && ri.Content.Contact.ContactArn == *in.ContactArn {
				return true
			}
		}
		return false
	}
	page, next, err := livePage(d.Cases, derefString(in.NextToken), intOr(in.MaxResults, defaultCasesForContactMax), keep)
	if err != nil {
		return nil, err
	}
	out := listCasesForContactOutput{Cases: []caseSummary{}, NextToken: next}
	for _, c := range page {
		out.Cases = append(out.Cases, caseSummary{CaseID: c.ID, TemplateID: c.TemplateID})
	}
	return out, nil
}

func derefString(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

func intOr(v *int, def int) int {
	if v == nil {
		return def
	}
	return *v
}
