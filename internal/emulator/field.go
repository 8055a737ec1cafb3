package emulator

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/connect-cases/terraform-provider-cases/internal/apimodel"
)

// Field types: the com.amazonaws.connectcases#FieldType enum.
const (
	fieldTypeText         = "Text"
	fieldTypeNumber       = "Number"
	fieldTypeBoolean      = "Boolean"
	fieldTypeDateTime     = "DateTime"
	fieldTypeSingleSelect = "SingleSelect"
	fieldTypeURL          = "Url"
	fieldTypeUser         = "User"
)

// Field namespaces: the com.amazonaws.connectcases#FieldNamespace enum.
const (
	fieldNamespaceSystem = "System"
	fieldNamespaceCustom = "Custom"
)

// resourceTypeField is the resourceType of ResourceNotFoundException for a
// field.
const resourceTypeField = "Field"

// maxDeletedFieldsPerDomain: "You can delete up to 100 fields per domain"
// (documentation of DeleteField in the model). DeleteField lists
// ServiceQuotaExceededException for it.
const maxDeletedFieldsPerDomain = 100

// defaultMaxResults is the page size of the list operations of a domain's
// configuration (ListFields, ListFieldOptions, ListLayouts, ...) when
// maxResults is absent: the model sets no default, so a page is as large as
// the range of the MaxResults shape allows.
var defaultMaxResults = int(apimodel.Cases().Shapes["MaxResults"].Range.MaxOr(100))

// field is a case field as stored, inside its domain. A deleted field stays,
// marked Deleted: BatchGetField still returns it, ListFields does not.
type field struct {
	ID          string `json:"fieldId"`
	ARN         string `json:"fieldArn"`
	Name        string `json:"name"`
	Description string `json:"description,omitempty"`
	Type        string `json:"type"`
	Namespace   string `json:"namespace"`
	// Attributes is the FieldAttributes union the SDK knows (the model in
	// shared/ predates it): only Text fields take it.
	Attributes       *fieldAttributes `json:"attributes,omitempty"`
	Tags             tagMap           `json:"tags"`
	Deleted          bool             `json:"deleted,omitempty"`
	CreatedTime      time.Time        `json:"createdTime"`
	LastModifiedTime time.Time        `json:"lastModifiedTime"`
	Sequence         uint64           `json:"sequence"`
	// Options of a SingleSelect field, in the order they were first put.
	// Options are never removed, only made inactive.
	Options []*fieldOption `json:"options,omitempty"`
}

func (f *field) sequence() uint64    { return f.Sequence }
func (f *field) isDeleted() bool     { return f.Deleted }
func (f *field) entityID() string    { return f.ID }
func (f *field) entityName() string  { return f.Name }
func (f *field) entityTags() *tagMap { return &f.Tags }

// fieldAttributes is the FieldAttributes union of the SDK: exactly one
// member is set.
type fieldAttributes struct {
	Text *textAttributes `json:"text,omitempty"`
}

// textAttributes is TextAttributes of the SDK: isMultiline is required.
type textAttributes struct {
	IsMultiline *bool `json:"isMultiline"`
}

func (a *fieldAttributes) clone() *fieldAttributes {
	if a == nil {
		return nil
	}
	out := &fieldAttributes{}
	if a.Text != nil {
		multiline := *a.Text.IsMultiline
		out.Text = &textAttributes{IsMultiline: &multiline}
	}
	return out
}

func fieldARN(domainARN, id string) string {
	return domainARN + "/field/" + id
}

// liveField returns the field with id unless it does not exist or is
// deleted. Layouts and templates check their field references with it.
func (d *domain) liveField(id string) (*field, bool) {
	return liveEntity(d.Fields, id)
}

// requireLiveFields checks that every id names a field of d that is not
// deleted, and otherwise returns the ValidationException naming the others,
// for operations that reference fields (layouts, templates, cases). member
// is the request member the ids come from.
func (d *domain) requireLiveFields(member string, ids []string) *APIError {
	var missing, deleted []string
	for _, id := range ids {
		f := d.Fields[id]
		switch {
		case f == nil:
			missing = append(missing, id)
		case f.Deleted:
			deleted = append(deleted, id)
		}
	}
	var problems []string
	if len(missing) > 0 {
		problems = append(problems, "fields that do not exist in the domain: "+strings.Join(missing, ", "))
	}
	if len(deleted) > 0 {
		problems = append(problems, "deleted fields: "+strings.Join(deleted, ", "))
	}
	if len(problems) == 0 {
		return nil
	}
	return validationError("'%s' references %s.", member, strings.Join(problems, "; "))
}

// fieldTags returns the tags of a field that is not deleted, for tagging by
// ARN.
func (d *domain) fieldTags(id string) *tagMap {
	return liveEntityTags(d.Fields, id)
}

func (d *domain) fieldByName(name string) *field {
	return liveEntityNamed(d.Fields, name)
}

// sortedFields returns the fields of d, deleted ones included, in creation
// order.
func (d *domain) sortedFields() []*field {
	return sortedBySequence(d.Fields)
}

// customFieldCounts counts the custom fields of d that are live and those
// that are deleted: the first against the fields quota, the second against
// the deletions limit.
func (d *domain) customFieldCounts() (live, deleted int) {
	for _, f := range d.Fields {
		if f.Namespace != fieldNamespaceCustom {
			continue
		}
		if f.Deleted {
			deleted++
		} else {
			live++
		}
	}
	return live, deleted
}

// attributesFitType rejects attributes that do not belong to the field's
// type: text attributes describe Text fields only.
func attributesFitType(a *fieldAttributes, fieldType string) *APIError {
	if a != nil && a.Text != nil && fieldType != fieldTypeText {
		return validationError("Text attributes apply to fields of type Text only; this field is of type %s.", fieldType)
	}
	return nil
}

// pageQuery reads the maxResults and nextToken query members of a list
// operation (validated against the model already); defaultSize is the page
// size when maxResults is absent.
func pageQuery(req *opRequest, defaultSize int) (maxResults int, nextToken string) {
	maxResults = defaultSize
	if raw := req.query.Get("maxResults"); raw != "" {
		if n, err := strconv.Atoi(raw); err == nil {
			maxResults = n
		}
	}
	return maxResults, req.query.Get("nextToken")
}

// domainForFields returns the domain a field operation acts on. A write
// (forWrite) needs the domain Active: while it is being created, or after
// its creation failed, it takes no configuration. code is the error that
// says so, which must be one the operation declares.
func (e *Emulator) domainForFields(t *tenant, id string, forWrite bool, code string) (*domain, error) {
	d := t.domain(id)
	if d == nil {
		return nil, notFoundError(resourceTypeDomain, id)
	}
	if forWrite {
		if status := d.status(e.now()); status != DomainStatusActive {
			return nil, NewAPIError(code, fmt.Sprintf("Domain '%s' is %s; fields can be changed once it is %s.", id, status, DomainStatusActive))
		}
	}
	return d, nil
}

type createFieldInput struct {
	Name        *string          `json:"name"`
	Type        *string          `json:"type"`
	Description *string          `json:"description"`
	Attributes  *fieldAttributes `json:"attributes"`
}

type createFieldOutput struct {
	FieldID  string `json:"fieldId"`
	FieldARN string `json:"fieldArn"`
}

func createField(e *Emulator, req *opRequest) (any, error) {
	var in createFieldInput
	if err := req.decodeBody(&in); err != nil {
		return nil, err
	}
	domainID := req.label("domainId")
	if err := attributesFitType(in.Attributes, *in.Type); err != nil {
		return nil, err
	}

	config, _ := e.runtimeSnapshot()
	now := e.now().UTC().Truncate(time.Millisecond)
	e.store.mu.Lock()
	defer e.store.mu.Unlock()
	t := e.store.tenant(req.call.Account, req.call.Region)
	d, err := e.domainForFields(t, domainID, true, CodeConflict)
	if err != nil {
		return nil, err
	}
	if existing := d.fieldByName(*in.Name); existing != nil {
		return nil, conflictError("A field named '%s' already exists in domain '%s' (fieldId %s).", existing.Name, d.ID, existing.ID)
	}
	live, _ := d.customFieldCounts()
	if quota := config.Quotas.FieldsPerDomain; live >= quota {
		return nil, quotaError("Domain '%s' already has %d of at most %d custom fields. Delete a field or raise the quota.", d.ID, live, quota)
	}
	id := newUUID()
	f := &field{
		ID:               id,
		ARN:              fieldARN(d.ARN, id),
		Name:             *in.Name,
		Type:             *in.Type,
		Namespace:        fieldNamespaceCustom,
		Attributes:       in.Attributes.clone(),
		Tags:             tagMap{},
		CreatedTime:      now,
		LastModifiedTime: now,
		Sequence:         t.nextSequence(),
	}
	if in.Description != nil {
		f.Description = *in.Description
	}
	if d.Fields == nil {
		d.Fields = map[string]*field{}
	}
	d.Fields[id] = f
	return createFieldOutput{FieldID: f.ID, FieldARN: f.ARN}, nil
}

type fieldIdentifier struct {
	ID *string `json:"id"`
}

type batchGetFieldInput struct {
	Fields []fieldIdentifier `json:"fields"`
}

// getFieldResponse is the model's GetFieldResponse, one member of the
// BatchGetField answer.
type getFieldResponse struct {
	FieldID          string           `json:"fieldId"`
	Name             string           `json:"name"`
	FieldARN         string           `json:"fieldArn"`
	Description      string           `json:"description,omitempty"`
	Type             string           `json:"type"`
	Namespace        string           `json:"namespace"`
	Attributes       *fieldAttributes `json:"attributes,omitempty"`
	Tags             tagMap           `json:"tags"`
	Deleted          bool             `json:"deleted"`
	CreatedTime      string           `json:"createdTime"`
	LastModifiedTime string           `json:"lastModifiedTime"`
}

type fieldError struct {
	ID        string `json:"id"`
	ErrorCode string `json:"errorCode"`
	Message   string `json:"message"`
}

type batchGetFieldOutput struct {
	Fields []getFieldResponse `json:"fields"`
	Errors []fieldError       `json:"errors"`
}

func (f *field) describe() getFieldResponse {
	return getFieldResponse{
		FieldID:          f.ID,
		Name:             f.Name,
		FieldARN:         f.ARN,
		Description:      f.Description,
		Type:             f.Type,
		Namespace:        f.Namespace,
		Attributes:       f.Attributes.clone(),
		Tags:             f.Tags.clone(),
		Deleted:          f.Deleted,
		CreatedTime:      formatDateTime(f.CreatedTime),
		LastModifiedTime: formatDateTime(f.LastModifiedTime),
	}
}

func batchGetField(e *Emulator, req *opRequest) (any, error) {
	var in batchGetFieldInput
	if err := req.decodeBody(&in); err != nil {
		return nil, err
	}
	domainID := req.label("domainId")

	e.store.mu.RLock()
	defer e.store.mu.RUnlock()
	d, err := e.domainForFields(e.store.tenant(req.call.Account, req.call.Region), domainID, false, "")
	if err != nil {
		return nil, err
	}
	out := batchGetFieldOutput{Fields: []getFieldResponse{}, Errors: []fieldError{}}
	seen := map[string]bool{}
	for _, id := range in.Fields {
		// The model asks for unique identifiers; each is answered once.
		if seen[*id.ID] {
			continue
		}
		seen[*id.ID] = true
		f := d.Fields[*id.ID]
		if f == nil {
			out.Errors = append(out.Errors, fieldError{ID: *id.ID, ErrorCode: CodeResourceNotFound, Message: fmt.Sprintf("Field '%s' does not exist in domain '%s'.", *id.ID, d.ID)})
			continue
		}
		out.Fields = append(out.Fields, f.describe())
	}
	return out, nil
}

// fieldSummary is the model's FieldSummary (with the SDK's attributes).
type fieldSummary struct {
	FieldID    string           `json:"fieldId"`
	FieldARN   string           `json:"fieldArn"`
	Name       string           `json:"name"`
	Type       string           `json:"type"`
	Namespace  string           `json:"namespace"`
	Attributes *fieldAttributes `json:"attributes,omitempty"`
}

type listFieldsOutput struct {
	Fields    []fieldSummary `json:"fields"`
	NextToken string         `json:"nextToken,omitempty"`
}

// sequencePageToken is the content of a nextToken for listings in creation
// order: the position after which the next page starts.
type sequencePageToken struct {
	AfterSequence uint64 `json:"afterSequence"`
}

func listFields(e *Emulator, req *opRequest) (any, error) {
	domainID := req.label("domainId")
	maxResults, nextToken := pageQuery(req, defaultMaxResults)
	var position sequencePageToken
	if nextToken != "" {
		if err := decodePageToken(nextToken, &position); err != nil {
			return nil, err
		}
	}

	e.store.mu.RLock()
	defer e.store.mu.RUnlock()
	d, err := e.domainForFields(e.store.tenant(req.call.Account, req.call.Region), domainID, false, "")
	if err != nil {
		return nil, err
	}
	out := listFieldsOutput{Fields: []fieldSummary{}}
	var lastListed uint64
	for _, f := range d.sortedFields() {
		if f.Deleted || f.Sequence <= position.AfterSequence {
			continue
		}
		if len(out.Fields) == maxResults {
			out.NextToken = encodePageToken(sequencePageToken{AfterSequence: lastListed})
			break
		}
		out.Fields = append(out.Fields, fieldSummary{
			FieldID:    f.ID,
			FieldARN:   f.ARN,
			Name:       f.Name,
			Type:       f.Type,
			Namespace:  f.Namespace,
			Attributes: f.Attributes.clone(),
		})
		lastListed = f.Sequence
	}
	return out, nil
}

type updateFieldInput struct {
	Name        *string          `json:"name"`
	Description *string          `json:"description"`
	Attributes  *fieldAttributes `json:"attributes"`
}

func updateField(e *Emulator, req *opRequest) (any, error) {
	var in updateFieldInput
	if err := req.decodeBody(&in); err != nil {
		return nil, err
	}
	domainID, fieldID := req.label("domainId"), req.label("fieldId")

	now := e.now().UTC().Truncate(time.Millisecond)
	e.store.mu.Lock()
	defer e.store.mu.Unlock()
	d, err := e.domainForFields(e.store.tenant(req.call.Account, req.call.Region), domainID, true, CodeConflict)
	if err != nil {
		return nil, err
	}
	f := d.Fields[fieldID]
	if f == nil {
		return nil, notFoundError(resourceTypeField, fieldID)
	}
	if f.Deleted {
		// DeleteField (model documentation): "You cannot update a deleted
		// field by calling UpdateField; it throws a ValidationException."
		return nil, validationError("Field '%s' is deleted; a deleted field cannot be updated.", fieldID)
	}
	if f.Namespace == fieldNamespaceSystem {
		renamed := in.Name != nil && *in.Name != f.Name
		redescribed := in.Description != nil && *in.Description != f.Description
		if renamed || redescribed {
			return nil, validationError("Field '%s' is a system field; its name and description cannot be changed.", fieldID)
		}
	}
	if err := attributesFitType(in.Attributes, f.Type); err != nil {
		return nil, err
	}
	if in.Name != nil && *in.Name != f.Name {
		if existing := d.fieldByName(*in.Name); existing != nil {
			return nil, conflictError("A field named '%s' already exists in domain '%s' (fieldId %s).", existing.Name, d.ID, existing.ID)
		}
		f.Name = *in.Name
	}
	if in.Description != nil {
		f.Description = *in.Description
	}
	if in.Attributes != nil {
		f.Attributes = in.Attributes.clone()
	}
	f.LastModifiedTime = now
	return nil, nil
}

func deleteField(e *Emulator, req *opRequest) (any, error) {
	domainID, fieldID := req.label("domainId"), req.label("fieldId")

	now := e.now().UTC().Truncate(time.Millisecond)
	e.store.mu.Lock()
	defer e.store.mu.Unlock()
	d, err := e.domainForFields(e.store.tenant(req.call.Account, req.call.Region), domainID, true, CodeConflict)
	if err != nil {
		return nil, err
	}
	f := d.Fields[fieldID]
	if f == nil || f.Deleted {
		return nil, notFoundError(resourceTypeField, fieldID)
	}
	if f.Namespace == fieldNamespaceSystem {
		return nil, validationError("Field '%s' is a system field; system fields cannot be deleted.", fieldID)
	}
	if users := d.referrers(refField, fieldID); len(users) > 0 {
		return nil, conflictError("Field '%s' (%s) is still used by %s. Remove it from them before deleting it.", f.Name, fieldID, strings.Join(users, ", "))
	}
	if _, deleted := d.customFieldCounts(); deleted >= maxDeletedFieldsPerDomain {
		return nil, quotaError("Domain '%s' already has %d deleted fields; at most %d fields can be deleted per domain.", d.ID, deleted, maxDeletedFieldsPerDomain)
	}
	f.Deleted = true
	f.LastModifiedTime = now
	return nil, nil
}
