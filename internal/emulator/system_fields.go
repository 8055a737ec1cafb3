package emulator

import "time"

// systemField describes one field that every Cases domain is created with.
// The ids, names and types are the service's; the descriptions are ours,
// since the service does not publish its own text.
type systemField struct {
	id, name, fieldType, description string
	// fixedOptions are options the service creates with the field and that
	// BatchPutFieldOptions may not rename or deactivate.
	fixedOptions []fieldOption
}

// systemFields is the set of system fields (namespace System) of a new
// domain, in the order ListFields returns them.
//
// Source: Amazon Connect Administrator Guide, "Create case fields in Amazon
// Connect Cases", table "System case fields"
// (https://docs.aws.amazon.com/connect/latest/adminguide/case-fields.html):
// field name, field id ("how you call the field in the API") and field type
// (text, single-select, date-time, user, which are the FieldType enum values
// Text, SingleSelect, DateTime, User). The same page says that system fields
// keep their name and description, that "Case reason" takes options like any
// single-select field, and that "Status" comes with the options Open and
// Closed, which cannot be changed; their values "open" and "closed" are the
// ones CreateCase examples in the Cases API Reference send for status.
//
// The Cases data lake tables also mention next_sla_breach_datetime and
// last_reopened_datetime as system fields; the case fields page does not list
// them, so the emulator leaves them out.
var systemFields = []systemField{
	{id: "assigned_queue", name: "Assigned queue", fieldType: fieldTypeText, description: "The Amazon Connect queue the case is assigned to."},
	{id: "assigned_user", name: "Assigned user", fieldType: fieldTypeText, description: "The Amazon Connect user the case is assigned to."},
	{id: "case_id", name: "Case ID", fieldType: fieldTypeText, description: "The unique identifier (a UUID) of the case, set by Amazon Connect."},
	{id: "case_reason", name: "Case Reason", fieldType: fieldTypeSingleSelect, description: "Why the case was opened."},
	{id: "customer_id", name: "Customer", fieldType: fieldTypeText, description: "The ARN of the customer profile of the case."},
	{id: "last_closed_datetime", name: "Date/Time Closed", fieldType: fieldTypeDateTime, description: "When the status of the case last changed to closed."},
	{id: "created_datetime", name: "Date/Time Opened", fieldType: fieldTypeDateTime, description: "When the case was opened."},
	{id: "last_updated_datetime", name: "Date/Time Updated", fieldType: fieldTypeDateTime, description: "When the case was last updated."},
	{id: "last_updated_user", name: "Last Updated User", fieldType: fieldTypeUser, description: "Who made the last update to the case."},
	{id: "reference_number", name: "Reference number", fieldType: fieldTypeText, description: "A friendly 8-digit number for the case; not guaranteed to be unique."},
	{id: "status", name: "Status", fieldType: fieldTypeSingleSelect, description: "The current status of the case.", fixedOptions: []fieldOption{
		{Name: "Open", Value: "open", Active: true},
		{Name: "Closed", Value: "closed", Active: true},
	}},
	{id: "summary", name: "Summary", fieldType: fieldTypeText, description: "A summary of the case."},
	{id: "title", name: "Title", fieldType: fieldTypeText, description: "The title of the case."},
}

// systemFieldByID returns the description of a system field, or nil.
func systemFieldByID(id string) *systemField {
	for i := range systemFields {
		if systemFields[i].id == id {
			return &systemFields[i]
		}
	}
	return nil
}

// seedSystemFields gives a new domain its system fields, created with it.
// The caller holds the store's write lock; t numbers the fields after the
// domain, so that ListFields returns them first and in table order.
func (d *domain) seedSystemFields(t *tenant, now time.Time) {
	if d.Fields == nil {
		d.Fields = map[string]*field{}
	}
	for _, spec := range systemFields {
		f := &field{
			ID:               spec.id,
			ARN:              fieldARN(d.ARN, spec.id),
			Name:             spec.name,
			Description:      spec.description,
			Type:             spec.fieldType,
			Namespace:        fieldNamespaceSystem,
			Tags:             tagMap{},
			CreatedTime:      now,
			LastModifiedTime: now,
			Sequence:         t.nextSequence(),
		}
		for _, option := range spec.fixedOptions {
			o := option
			f.Options = append(f.Options, &o)
		}
		d.Fields[f.ID] = f
	}
}
