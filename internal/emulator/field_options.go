package emulator

import "fmt"

// fieldOption is the model's FieldOption, as stored and as returned.
type fieldOption struct {
	Name   string `json:"name"`
	Value  string `json:"value"`
	Active bool   `json:"active"`
}

// optionByValue returns the option of f with value, or nil.
func (f *field) optionByValue(value string) *fieldOption {
	for _, o := range f.Options {
		if o.Value == value {
			return o
		}
	}
	return nil
}

// fixedOption returns the option with value that the service owns on a
// system field (Status: open, closed), or nil.
func (f *field) fixedOption(value string) *fieldOption {
	if f.Namespace != fieldNamespaceSystem {
		return nil
	}
	spec := systemFieldByID(f.ID)
	if spec == nil {
		return nil
	}
	for i := range spec.fixedOptions {
		if spec.fixedOptions[i].Value == value {
			return &spec.fixedOptions[i]
		}
	}
	return nil
}

// requireSingleSelect says why f cannot have options, or nil.
func (f *field) requireSingleSelect() *APIError {
	if f.Type != fieldTypeSingleSelect {
		return validationError("Field '%s' (%s) is of type %s; only fields of type %s have options.", f.Name, f.ID, f.Type, fieldTypeSingleSelect)
	}
	return nil
}

type fieldOptionInput struct {
	Name   *string `json:"name"`
	Value  *string `json:"value"`
	Active *bool   `json:"active"`
}

type batchPutFieldOptionsInput struct {
	Options []fieldOptionInput `json:"options"`
}

// fieldOptionError is the model's FieldOptionError.
type fieldOptionError struct {
	Message   string `json:"message"`
	ErrorCode string `json:"errorCode"`
	Value     string `json:"value"`
}

type batchPutFieldOptionsOutput struct {
	Errors []fieldOptionError `json:"errors"`
}

// batchPutFieldOptions creates the options whose value is new and updates
// the name and active flag of the others. Options left out of the request
// stay as they are: options are never deleted, only made inactive. The
// request is checked whole first (the model's constraints, then the options
// quota) and rejected as a whole; an option that only it cannot apply (a
// fixed option of a system field) is reported in errors while the others
// apply.
//
// The same value twice in one request is not an error: the model puts no
// uniqueItems on FieldOptionsList and its documentation says nothing of
// repeats, so the options apply in request order and the last occurrence
// of a value sets its name and active flag (the option keeps the place
// where the value first appeared).
func batchPutFieldOptions(e *Emulator, req *opRequest) (any, error) {
	var in batchPutFieldOptionsInput
	if err := req.decodeBody(&in); err != nil {
		return nil, err
	}
	domainID, fieldID := req.label("domainId"), req.label("fieldId")

	config, _ := e.runtimeSnapshot()
	e.store.mu.Lock()
	defer e.store.mu.Unlock()
	// BatchPutFieldOptions declares no ConflictException.
	d, err := e.domainForFields(e.store.tenant(req.call.Account, req.call.Region), domainID, true, CodeValidation)
	if err != nil {
		return nil, err
	}
	f := d.Fields[fieldID]
	if f == nil {
		return nil, notFoundError(resourceTypeField, fieldID)
	}
	if f.Deleted {
		// DeleteField (model documentation): "Calling BatchPutFieldOptions
		// with a deleted field ID throw a ValidationException."
		return nil, validationError("Field '%s' is deleted; the options of a deleted field cannot be changed.", fieldID)
	}
	if err := f.requireSingleSelect(); err != nil {
		return nil, err
	}
	added := 0
	newValues := map[string]bool{}
	for _, o := range in.Options {
		if f.optionByValue(*o.Value) == nil && !newValues[*o.Value] {
			newValues[*o.Value] = true
			added++
		}
	}
	if quota := config.Quotas.OptionsPerField; len(f.Options)+added > quota {
		return nil, quotaError("Field '%s' has %d options and the request adds %d; a field holds at most %d options, active and inactive together.",
			fieldID, len(f.Options), added, quota)
	}

	out := batchPutFieldOptionsOutput{Errors: []fieldOptionError{}}
	for _, o := range in.Options {
		if fixed := f.fixedOption(*o.Value); fixed != nil && (fixed.Name != *o.Name || fixed.Active != *o.Active) {
			out.Errors = append(out.Errors, fieldOptionError{
				ErrorCode: CodeValidation,
				Value:     *o.Value,
				Message:   fmt.Sprintf("Option '%s' (%s) of system field '%s' is fixed; it cannot be renamed or made inactive.", fixed.Value, fixed.Name, f.ID),
			})
			continue
		}
		if existing := f.optionByValue(*o.Value); existing != nil {
			existing.Name, existing.Active = *o.Name, *o.Active
			continue
		}
		f.Options = append(f.Options, &fieldOption{Name: *o.Name, Value: *o.Value, Active: *o.Active})
	}
	return out, nil
}

type listFieldOptionsOutput struct {
	Options   []fieldOption `json:"options"`
	NextToken string        `json:"nextToken,omitempty"`
}

// optionsPageToken is the content of a ListFieldOptions nextToken: the
// index in the field's options where the next page starts. Options are never
// removed, so an index stays valid.
type optionsPageToken struct {
	Next int `json:"next"`
}

// listFieldOptions lists the options of a field, active and inactive, in
// the order they were created. A deleted field's options stay readable, as
// the field itself does through BatchGetField.
func listFieldOptions(e *Emulator, req *opRequest) (any, error) {
	domainID, fieldID := req.label("domainId"), req.label("fieldId")
	maxResults, nextToken := pageQuery(req, defaultMaxResults)
	values, filtered := req.query["values"]
	var position optionsPageToken
	if nextToken != "" {
		if err := decodePageToken(nextToken, &position); err != nil {
			return nil, err
		}
		if position.Next < 0 {
			return nil, validationError("The nextToken is not valid; pass the nextToken of a previous response unchanged.")
		}
	}

	e.store.mu.RLock()
	defer e.store.mu.RUnlock()
	d, err := e.domainForFields(e.store.tenant(req.call.Account, req.call.Region), domainID, false, "")
	if err != nil {
		return nil, err
	}
	f := d.Fields[fieldID]
	if f == nil {
		return nil, notFoundError(resourceTypeField, fieldID)
	}
	if err := f.requireSingleSelect(); err != nil {
		return nil, err
	}
	out := listFieldOptionsOutput{Options: []fieldOption{}}
	for i := position.Next; i < len(f.Options); i++ {
		o := f.Options[i]
		if filtered && o.Value != values[0] {
			continue
		}
		if len(out.Options) == maxResults {
			// Another option follows this page.
			out.NextToken = encodePageToken(optionsPageToken{Next: i})
			break
		}
		out.Options = append(out.Options, *o)
	}
	return out, nil
}
