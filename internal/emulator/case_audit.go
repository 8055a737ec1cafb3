package emulator

import (
	"fmt"
	"time"
)

// The audit history of a case (GetCaseAuditEvents): one event per change,
// oldest first, with the fields it changed and who performed it.

// Audit event types: the AuditEventType enum.
const (
	auditCaseCreated        = "Case.Created"
	auditCaseUpdated        = "Case.Updated"
	auditRelatedItemCreated = "RelatedItem.Created"
	auditRelatedItemUpdated = "RelatedItem.Updated"
	auditRelatedItemDeleted = "RelatedItem.Deleted"
)

// storedAuditEvent is an AuditEvent as stored.
type storedAuditEvent struct {
	EventID         string            `json:"eventId"`
	Type            string            `json:"type"`
	RelatedItemType string            `json:"relatedItemType,omitempty"`
	PerformedTime   time.Time         `json:"performedTime"`
	Fields          []auditEventField `json:"fields"`
	PerformedBy     auditPerformedBy  `json:"performedBy"`
}

// auditEventField is the model's AuditEventField: oldValue is absent when
// the field had no value, newValue is emptyValue when it has none now.
type auditEventField struct {
	EventFieldID string           `json:"eventFieldId"`
	OldValue     *fieldValueUnion `json:"oldValue,omitempty"`
	NewValue     fieldValueUnion  `json:"newValue"`
}

// auditPerformedBy is the model's AuditEventPerformedBy. iamPrincipalArn is
// required; the emulator does not know the caller's IAM principal, only its
// account, so it names the account root.
type auditPerformedBy struct {
	User            *userUnion `json:"user,omitempty"`
	IamPrincipalArn string     `json:"iamPrincipalArn"`
}

func iamPrincipalOf(account string) string {
	return fmt.Sprintf("arn:aws:iam::%s:root", account)
}

// fieldChanges describes the changed fields from before to after.
func fieldChanges(before, after map[string]fieldValueUnion, changed []string) []auditEventField {
	out := make([]auditEventField, 0, len(changed))
	for _, id := range changed {
		f := auditEventField{EventFieldID: id, NewValue: emptyFieldValue()}
		if old, ok := before[id]; ok {
			f.OldValue = deepCopy(&old)
		}
		if v, ok := after[id]; ok {
			f.NewValue = v
		}
		out = append(out, f)
	}
	return out
}

// audit appends an event to the case's history.
func (c *caseRecord) audit(now time.Time, eventType, relatedItemType string, fields []auditEventField, by *userUnion, account string) {
	if fields == nil {
		fields = []auditEventField{}
	}
	c.Audit = append(c.Audit, storedAuditEvent{
		EventID:         newUUID(),
		Type:            eventType,
		RelatedItemType: relatedItemType,
		PerformedTime:   now,
		Fields:          fields,
		PerformedBy:     auditPerformedBy{User: deepCopy(by), IamPrincipalArn: iamPrincipalOf(account)},
	})
}

type getCaseAuditEventsInput struct {
	MaxResults *int    `json:"maxResults"`
	NextToken  *string `json:"nextToken"`
}

// auditEvent is the model's AuditEvent.
type auditEvent struct {
	EventID         string            `json:"eventId"`
	Type            string            `json:"type"`
	RelatedItemType string            `json:"relatedItemType,omitempty"`
	PerformedTime   string            `json:"performedTime"`
	Fields          []auditEventField `json:"fields"`
	PerformedBy     auditPerformedBy  `json:"performedBy"`
}

type getCaseAuditEventsOutput struct {
	AuditEvents []auditEvent `json:"auditEvents"`
	NextToken   string       `json:"nextToken,omitempty"`
}

// auditPageToken is the content of a GetCaseAuditEvents nextToken: the
// index in the history where the next page starts. Events are only
// appended, so an index stays valid.
type auditPageToken struct {
	Next int `json:"next"`
}

func getCaseAuditEvents(e *Emulator, req *opRequest) (any, error) {
	var in getCaseAuditEventsInput
	if err := req.decodeBody(&in); err != nil {
		return nil, err
	}
	var position auditPageToken
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
	maxResults := intOr(in.MaxResults, defaultAuditEventsMaxResults)
	out := getCaseAuditEventsOutput{AuditEvents: []auditEvent{}}
	for i := max(position.Next, 0); i < len(c.Audit); i++ {
		if len(out.AuditEvents) == maxResults {
			out.NextToken = encodePageToken(auditPageToken{Next: i})
			break
		}
		a := c.Audit[i]
		out.AuditEvents = append(out.AuditEvents, auditEvent{
			EventID:         a.EventID,
			Type:            a.Type,
			RelatedItemType: a.RelatedItemType,
			PerformedTime:   formatDateTime(a.PerformedTime),
			Fields:          deepCopy(a.Fields),
			PerformedBy:     deepCopy(a.PerformedBy),
		})
	}
	return out, nil
}
