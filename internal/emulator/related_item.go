package emulator

import (
	"fmt"
	"strings"
	"time"
)

// Related items: CreateRelatedItem, UpdateRelatedItem, DeleteRelatedItem
// (search in related_item_search.go). Every content type of the model is
// stored: Contact, Comment, File, Sla, ConnectCase and Custom.

// resourceTypeRelatedItem is the resourceType of ResourceNotFoundException
// for a related item.
const resourceTypeRelatedItem = "RelatedItem"

// Related item types: the RelatedItemType enum.
const (
	relatedItemContact     = "Contact"
	relatedItemComment     = "Comment"
	relatedItemFile        = "File"
	relatedItemSla         = "Sla"
	relatedItemConnectCase = "ConnectCase"
	relatedItemCustom      = "Custom"
)

// SLA statuses: the SlaStatus enum.
const (
	slaActive  = "Active"
	slaOverdue = "Overdue"
	slaMet     = "Met"
	slaNotMet  = "NotMet"
)

// contactChannel is the channel the emulator reports for a related contact:
// it serves no contacts to look the channel up in, and VOICE is the channel
// every Amazon Connect instance has.
const contactChannel = "VOICE"

// relatedItem is a related item as stored, inside its case.
type relatedItem struct {
	ID   string `json:"relatedItemId"`
	ARN  string `json:"relatedItemArn"`
	Type string `json:"type"`
	// Content holds every type's content but an SLA's, which SLA holds.
	Content         relatedItemContent `json:"content"`
	SLA             *storedSLA         `json:"sla,omitempty"`
	AssociationTime time.Time          `json:"associationTime"`
	Tags            tagMap             `json:"tags"`
	CreatedBy       *userUnion         `json:"createdBy,omitempty"`
	LastUpdatedUser *userUnion         `json:"lastUpdatedUser,omitempty"`
	Sequence        uint64             `json:"sequence"`
}

func (ri *relatedItem) sequence() uint64 { return ri.Sequence }
func (ri *relatedItem) isDeleted() bool  { return false }

// relatedItemContent is the model's RelatedItemContent union.
type relatedItemContent struct {
	Contact     *contactContent     `json:"contact,omitempty"`
	Comment     *commentContent     `json:"comment,omitempty"`
	File        *fileContent        `json:"file,omitempty"`
	Sla         *slaContent         `json:"sla,omitempty"`
	ConnectCase *connectCaseContent `json:"connectCase,omitempty"`
	Custom      *customContent      `json:"custom,omitempty"`
}

type contactContent struct {
	ContactArn            string `json:"contactArn"`
	Channel               string `json:"channel"`
	ConnectedToSystemTime string `json:"connectedToSystemTime"`
}

type commentContent struct {
	Body        *string `json:"body"`
	ContentType *string `json:"contentType"`
}

type fileContent struct {
	FileArn *string `json:"fileArn"`
}

type connectCaseContent struct {
	CaseID *string `json:"caseId"`
}

type customContent struct {
	Fields []fieldValue `json:"fields"`
}

type slaContent struct {
	SlaConfiguration slaConfiguration `json:"slaConfiguration"`
}

// slaConfiguration is the model's SlaConfiguration.
type slaConfiguration struct {
	Name              string            `json:"name"`
	Type              string            `json:"type"`
	Status            string            `json:"status"`
	FieldID           *string           `json:"fieldId,omitempty"`
	TargetFieldValues []fieldValueUnion `json:"targetFieldValues,omitempty"`
	TargetTime        string            `json:"targetTime"`
	CompletionTime    *string           `json:"completionTime,omitempty"`
}

// storedSLA is an SLA as stored. Its status is computed when it is read:
// Active before the target time, Overdue after it; once the case field
// reaches a target value (SlaInputConfiguration.targetFieldValues: "The SLA
// is considered met if any one of these target field values matches the
// actual field value") it is completed, Met when that happened by the
// target time and NotMet when later.
type storedSLA struct {
	Name              string            `json:"name"`
	Type              string            `json:"type"`
	FieldID           *string           `json:"fieldId,omitempty"`
	TargetFieldValues []fieldValueUnion `json:"targetFieldValues,omitempty"`
	TargetTime        time.Time         `json:"targetTime"`
	CompletionTime    *time.Time        `json:"completionTime,omitempty"`
}

func (s *storedSLA) status(now time.Time) string {
	switch {
	case s.CompletionTime != nil && !s.CompletionTime.After(s.TargetTime):
		return slaMet
	case s.CompletionTime != nil:
		return slaNotMet
	case now.Before(s.TargetTime):
		return slaActive
	}
	return slaOverdue
}

// reached reports whether the case values meet one of the SLA's targets.
func (s *storedSLA) reached(values map[string]fieldValueUnion) bool {
	if s.FieldID == nil {
		return false
	}
	actual := values[*s.FieldID]
	for i := range s.TargetFieldValues {
		if actual.equal(&s.TargetFieldValues[i]) {
			return true
		}
	}
	return false
}

// completeSLAs completes the SLAs of c that its values now meet.
func (c *caseRecord) completeSLAs(now time.Time) {
	for _, ri := range c.RelatedItems {
		if s := ri.SLA; s != nil && s.CompletionTime == nil && s.reached(c.Fields) {
			at := now
			s.CompletionTime = &at
		}
	}
}

// render returns the item's content as the API returns it at now.
func (ri *relatedItem) render(now time.Time) relatedItemContent {
	content := deepCopy(ri.Content)
	if s := ri.SLA; s != nil {
		cfg := slaConfiguration{
			Name: s.Name, Type: s.Type, Status: s.status(now), FieldID: s.FieldID,
			TargetFieldValues: deepCopy(s.TargetFieldValues), TargetTime: formatDateTime(s.TargetTime),
		}
		if s.CompletionTime != nil {
			at := formatDateTime(*s.CompletionTime)
			cfg.CompletionTime = &at
		}
		content.Sla = &slaContent{SlaConfiguration: cfg}
	}
	return content
}

func relatedItemARN(caseARN, id string) string { return caseARN + "/related-item/" + id }

// relatedItemInputContent is the model's RelatedItemInputContent union.
type relatedItemInputContent struct {
	Contact     *contactInput       `json:"contact,omitempty"`
	Comment     *commentContent     `json:"comment,omitempty"`
	File        *fileContent        `json:"file,omitempty"`
	Sla         *slaInputContent    `json:"sla,omitempty"`
	ConnectCase *connectCaseContent `json:"connectCase,omitempty"`
	Custom      *customContent      `json:"custom,omitempty"`
}

// contactInput is the model's Contact.
type contactInput struct {
	ContactArn *string `json:"contactArn"`
}

type slaInputContent struct {
	SlaInputConfiguration *slaInputConfiguration `json:"slaInputConfiguration"`
}

type slaInputConfiguration struct {
	Name              *string           `json:"name"`
	Type              *string           `json:"type"`
	FieldID           *string           `json:"fieldId"`
	TargetFieldValues []fieldValueUnion `json:"targetFieldValues"`
	TargetSlaMinutes  *int64            `json:"targetSlaMinutes"`
}

// typeName names the member of the content union that is set.
func (in *relatedItemInputContent) typeName() string {
	switch {
	case in.Contact != nil:
		return relatedItemContact
	case in.Comment != nil:
		return relatedItemComment
	case in.File != nil:
		return relatedItemFile
	case in.Sla != nil:
		return relatedItemSla
	case in.ConnectCase != nil:
		return relatedItemConnectCase
	}
	return relatedItemCustom
}

type createRelatedItemInput struct {
	Type        *string                  `json:"type"`
	Content     *relatedItemInputContent `json:"content"`
	PerformedBy *userUnion               `json:"performedBy"`
}

type createRelatedItemOutput struct {
	RelatedItemID  string `json:"relatedItemId"`
	RelatedItemARN string `json:"relatedItemArn"`
}

// checkCustomFields applies the rules of a Custom item's fields: they exist,
// are custom ("System case fields cannot be used in a custom related item",
// UpdateRelatedItem), appear once, hold values of their type, and are at
// most quota.
func (d *domain) checkCustomFields(member string, fields []fieldValue, quota int) *APIError {
	if len(fields) > quota {
		return quotaError("'%s' holds %d fields; a Custom related item holds at most %d. Raise the quota fieldsPerRelatedItem to allow more.", member, len(fields), quota)
	}
	ids := make([]string, 0, len(fields))
	for _, fv := range fields {
		ids = append(ids, *fv.ID)
	}
	if err := d.requireLiveFields(member, ids); err != nil {
		return err
	}
	if dups := duplicates(ids); len(dups) > 0 {
		return validationError("'%s' sets these fields more than once: %s.", member, strings.Join(dups, ", "))
	}
	var problems []string
	for _, fv := range fields {
		f := d.Fields[*fv.ID]
		if f.Namespace == fieldNamespaceSystem {
			problems = append(problems, fmt.Sprintf("system field '%s' cannot be used in a custom related item", f.ID))
			continue
		}
		if msg := d.checkValue(f, fv.Value); msg != "" {
			problems = append(problems, msg)
		}
	}
	if len(problems) > 0 {
		return validationError("'%s' holds values the fields cannot take: %s.", member, strings.Join(problems, "; "))
	}
	return nil
}

// countType counts the related items of c of type itemType.
func (c *caseRecord) countType(itemType string) int {
	n := 0
	for _, ri := range c.RelatedItems {
		if ri.Type == itemType {
			n++
		}
	}
	return n
}

func createRelatedItem(e *Emulator, req *opRequest) (any, error) {
	var in createRelatedItemInput
	if err := req.decodeBody(&in); err != nil {
		return nil, err
	}
	config, _ := e.runtimeSnapshot()
	q := config.Quotas
	now := e.now().UTC().Truncate(time.Millisecond)
	e.store.mu.Lock()
	defer e.store.mu.Unlock()
	tn := e.store.tenant(req.call.Account, req.call.Region)
	d, c, err := e.caseOfRequest(tn, req, true)
	if err != nil {
		return nil, err
	}
	itemType := in.Content.typeName()
	if *in.Type != itemType {
		return nil, validationError("'type' is %s but 'content' holds %s content; they must agree.", *in.Type, strings.ToLower(itemType[:1])+itemType[1:])
	}
	if n := len(c.RelatedItems); n >= q.RelatedItemsPerCase {
		return nil, quotaError("Case '%s' already has %d of at most %d related items. Delete one or raise the quota relatedItemsPerCase.", c.ID, n, q.RelatedItemsPerCase)
	}

	id := newUUID()
	ri := &relatedItem{
		ID: id, ARN: relatedItemARN(c.ARN, id), Type: itemType, AssociationTime: now, Tags: tagMap{},
		CreatedBy: deepCopy(in.PerformedBy), LastUpdatedUser: deepCopy(in.PerformedBy),
	}
	content := in.Content
	switch itemType {
	case relatedItemContact:
		ri.Content.Contact = &contactContent{ContactArn: *content.Contact.ContactArn, Channel: contactChannel, ConnectedToSystemTime: formatDateTime(now)}
	case relatedItemComment:
		ri.Content.Comment = deepCopy(content.Comment)
	case relatedItemFile:
		if n := c.countType(relatedItemFile); n >= q.FilesPerCase {
			return nil, quotaError("Case '%s' already has %d of at most %d attached files. Raise the quota filesPerCase to attach more.", c.ID, n, q.FilesPerCase)
		}
		ri.Content.File = deepCopy(content.File)
	case relatedItemConnectCase:
		if d.Cases[*content.ConnectCase.CaseID] == nil {
			return nil, validationError("'content.connectCase.caseId' names case '%s', which does not exist in domain '%s'.", *content.ConnectCase.CaseID, d.ID)
		}
		ri.Content.ConnectCase = deepCopy(content.ConnectCase)
	case relatedItemCustom:
		if err := d.checkCustomFields("content.custom.fields", content.Custom.Fields, q.FieldsPerRelatedItem); err != nil {
			return nil, err
		}
		ri.Content.Custom = deepCopy(content.Custom)
	case relatedItemSla:
		if n := c.countType(relatedItemSla); n >= q.SLAsPerCase {
			return nil, quotaError("Case '%s' already has %d of at most %d SLAs. Raise the quota slasPerCase to add more.", c.ID, n, q.SLAsPerCase)
		}
		s, err := d.newSLA(content.Sla.SlaInputConfiguration, now)
		if err != nil {
			return nil, err
		}
		ri.SLA = s
		if s.reached(c.Fields) {
			at := now
			s.CompletionTime = &at
		}
	}
	ri.Sequence = tn.nextSequence()
	if c.RelatedItems == nil {
		c.RelatedItems = map[string]*relatedItem{}
	}
	c.RelatedItems[id] = ri
	c.audit(now, auditRelatedItemCreated, itemType, nil, in.PerformedBy, req.call.Account)
	e.publishRelatedItemEvent(tn, d, c, ri, eventRelatedItemCreated, changedAttributes(ri.render(now)), in.PerformedBy, now)
	return createRelatedItemOutput{RelatedItemID: ri.ID, RelatedItemARN: ri.ARN}, nil
}

// newSLA checks an SLA's input and starts its clock: its target time is
// targetSlaMinutes from now. An SLA of type CaseField watches a field, so
// it needs fieldId and a target value of that field's type.
func (d *domain) newSLA(in *slaInputConfiguration, now time.Time) (*storedSLA, *APIError) {
	if in.FieldID == nil || len(in.TargetFieldValues) == 0 {
		return nil, validationError("An SLA of type %s needs 'fieldId' and 'targetFieldValues': the field it watches and the value that meets it.", *in.Type)
	}
	if err := d.requireLiveFields("content.sla.slaInputConfiguration.fieldId", []string{*in.FieldID}); err != nil {
		return nil, err
	}
	f := d.Fields[*in.FieldID]
	for i := range in.TargetFieldValues {
		if msg := d.checkValue(f, &in.TargetFieldValues[i]); msg != "" {
			return nil, validationError("'content.sla.slaInputConfiguration.targetFieldValues' holds a value the field cannot take: %s.", msg)
		}
	}
	return &storedSLA{
		Name: *in.Name, Type: *in.Type, FieldID: in.FieldID, TargetFieldValues: deepCopy(in.TargetFieldValues),
		TargetTime: now.Add(time.Duration(*in.TargetSlaMinutes) * time.Minute),
	}, nil
}

// relatedItemUpdateContent is the model's RelatedItemUpdateContent union.
type relatedItemUpdateContent struct {
	Comment *commentContent `json:"comment,omitempty"`
	Custom  *customContent  `json:"custom,omitempty"`
}

type updateRelatedItemInput struct {
	Content     *relatedItemUpdateContent `json:"content"`
	PerformedBy *userUnion                `json:"performedBy"`
}

// updateRelatedItemOutput is the model's UpdateRelatedItemResponse.
type updateRelatedItemOutput struct {
	RelatedItemID   string             `json:"relatedItemId"`
	RelatedItemARN  string             `json:"relatedItemArn"`
	Type            string             `json:"type"`
	Content         relatedItemContent `json:"content"`
	AssociationTime string             `json:"associationTime"`
	Tags            tagMap             `json:"tags"`
	LastUpdatedUser *userUnion         `json:"lastUpdatedUser,omitempty"`
	CreatedBy       *userUnion         `json:"createdBy,omitempty"`
}

// updateRelatedItem changes a Comment's text or replaces a Custom item's
// fields ("Fields not included as part of this request will be removed",
// UpdateRelatedItem); no other type can be updated.
func updateRelatedItem(e *Emulator, req *opRequest) (any, error) {
	var in updateRelatedItemInput
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
	ri := c.RelatedItems[req.label("relatedItemId")]
	if ri == nil {
		return nil, notFoundError(resourceTypeRelatedItem, req.label("relatedItemId"))
	}
	var changed []string
	switch {
	case ri.Type != relatedItemComment && ri.Type != relatedItemCustom:
		return nil, validationError("Related item '%s' is of type %s; only Comment and Custom related items can be updated.", ri.ID, ri.Type)
	case in.Content.Comment != nil && ri.Type == relatedItemComment:
		changed = changedAttributes(relatedItemContent{Comment: in.Content.Comment})
		ri.Content.Comment = deepCopy(in.Content.Comment)
	case in.Content.Custom != nil && ri.Type == relatedItemCustom:
		if err := d.checkCustomFields("content.custom.fields", in.Content.Custom.Fields, config.Quotas.FieldsPerRelatedItem); err != nil {
			return nil, err
		}
		changed = changedAttributes(relatedItemContent{Custom: in.Content.Custom})
		ri.Content.Custom = deepCopy(in.Content.Custom)
	default:
		return nil, validationError("Related item '%s' is of type %s; 'content' must hold %s content.", ri.ID, ri.Type, strings.ToLower(ri.Type))
	}
	ri.LastUpdatedUser = deepCopy(in.PerformedBy)
	c.audit(now, auditRelatedItemUpdated, ri.Type, nil, in.PerformedBy, req.call.Account)
	e.publishRelatedItemEvent(tn, d, c, ri, eventRelatedItemUpdated, changed, in.PerformedBy, now)
	return updateRelatedItemOutput{
		RelatedItemID: ri.ID, RelatedItemARN: ri.ARN, Type: ri.Type, Content: ri.render(now),
		AssociationTime: formatDateTime(ri.AssociationTime), Tags: ri.Tags.clone(),
		LastUpdatedUser: deepCopy(ri.LastUpdatedUser), CreatedBy: deepCopy(ri.CreatedBy),
	}, nil
}

// deleteRelatedItem removes a related item other than a file: "This API
// cannot be used on a FILE type related attachment. To delete this type of
// file, use the DeleteAttachedFile API" (DeleteRelatedItem).
func deleteRelatedItem(e *Emulator, req *opRequest) (any, error) {
	now := e.now().UTC().Truncate(time.Millisecond)
	e.store.mu.Lock()
	defer e.store.mu.Unlock()
	tn := e.store.tenant(req.call.Account, req.call.Region)
	d, c, err := e.caseOfRequest(tn, req, true)
	if err != nil {
		return nil, err
	}
	ri := c.RelatedItems[req.label("relatedItemId")]
	if ri == nil {
		return nil, notFoundError(resourceTypeRelatedItem, req.label("relatedItemId"))
	}
	if ri.Type == relatedItemFile {
		return nil, validationError("Related item '%s' is a File; DeleteRelatedItem cannot delete files, use the Amazon Connect DeleteAttachedFile API.", ri.ID)
	}
	delete(c.RelatedItems, ri.ID)
	c.audit(now, auditRelatedItemDeleted, ri.Type, nil, nil, req.call.Account)
	e.publishRelatedItemEvent(tn, d, c, ri, eventRelatedItemDeleted, nil, nil, now)
	return nil, nil
}
