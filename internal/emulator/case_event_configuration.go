package emulator

// eventBridgeConfiguration is the model's EventBridgeConfiguration: the one
// case event configuration of a domain.
type eventBridgeConfiguration struct {
	Enabled      *bool              `json:"enabled"`
	IncludedData *eventIncludedData `json:"includedData,omitempty"`
}

type eventIncludedData struct {
	CaseData        *caseEventIncludedData        `json:"caseData,omitempty"`
	RelatedItemData *relatedItemEventIncludedData `json:"relatedItemData,omitempty"`
}

type caseEventIncludedData struct {
	Fields []fieldIdentifier `json:"fields"`
}

type relatedItemEventIncludedData struct {
	IncludeContent *bool `json:"includeContent"`
}

// fieldIDs returns the case fields the events include.
func (c *eventBridgeConfiguration) fieldIDs() []string {
	if c == nil || c.IncludedData == nil || c.IncludedData.CaseData == nil {
		return nil
	}
	ids := make([]string, 0, len(c.IncludedData.CaseData.Fields))
	for _, f := range c.IncludedData.CaseData.Fields {
		ids = append(ids, *f.ID)
	}
	return ids
}

// eventConfigurationUsingField is the field finder (domainEntities) of the case
// event configuration: a field whose value events carry cannot go away under
// it.
func (d *domain) eventConfigurationUsingField(fieldID string) []string {
	for _, id := range d.EventConfiguration.fieldIDs() {
		if id == fieldID {
			return []string{"the case event configuration of the domain"}
		}
	}
	return nil
}

type putCaseEventConfigurationInput struct {
	EventBridge *eventBridgeConfiguration `json:"eventBridge"`
}

func putCaseEventConfiguration(e *Emulator, req *opRequest) (any, error) {
	var in putCaseEventConfigurationInput
	if err := req.decodeBody(&in); err != nil {
		return nil, err
	}
	domainID := req.label("domainId")

	e.store.mu.Lock()
	defer e.store.mu.Unlock()
	// PutCaseEventConfiguration declares no ConflictException.
	d, err := e.domainForConfig(e.store.tenant(req.call.Account, req.call.Region), domainID, true, CodeValidation, "the case event configuration")
	if err != nil {
		return nil, err
	}
	if err := d.requireLiveFields("eventBridge.includedData.caseData.fields", in.EventBridge.fieldIDs()); err != nil {
		return nil, err
	}
	d.EventConfiguration = deepCopy(in.EventBridge)
	return nil, nil
}

type getCaseEventConfigurationOutput struct {
	EventBridge *eventBridgeConfiguration `json:"eventBridge"`
}

// getCaseEventConfiguration answers the configuration last put; a domain
// that never had one publishes no events.
func getCaseEventConfiguration(e *Emulator, req *opRequest) (any, error) {
	domainID := req.label("domainId")
	e.store.mu.RLock()
	defer e.store.mu.RUnlock()
	d, err := e.domainForConfig(e.store.tenant(req.call.Account, req.call.Region), domainID, false, "", "")
	if err != nil {
		return nil, err
	}
	if d.EventConfiguration == nil {
		disabled := false
		return getCaseEventConfigurationOutput{EventBridge: &eventBridgeConfiguration{Enabled: &disabled}}, nil
	}
	return getCaseEventConfigurationOutput{EventBridge: deepCopy(d.EventConfiguration)}, nil
}
