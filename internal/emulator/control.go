package emulator

import (
	"bytes"
	"encoding/json"
	"net/http"
)

// The control API is JSON under /_emulator/, for test harnesses and for
// people running the emulator by hand:
//
//	GET  /_emulator/health  -> {"status":"ok"}
//	POST /_emulator/reset   -> {"status":"ok"}; all state gone, startup config back
//	GET  /_emulator/state   -> StateSnapshot
//	GET  /_emulator/config  -> RuntimeConfig
//	PUT  /_emulator/config  <- any subset of RuntimeConfig; -> the merged RuntimeConfig
//	GET  /_emulator/faults  -> FaultState (rules, seed, how often each fired)
//	PUT  /_emulator/faults  <- FaultConfig; -> FaultState with counters at zero
//	DELETE /_emulator/faults -> FaultState without rules
//
// Errors use the Cases wire format (ValidationException for a bad config).
func controlRoutes() [][]route {
	return [][]route{{
		{method: http.MethodGet, path: controlPrefix + "health", operation: "Health", handle: controlHealth},
		{method: http.MethodPost, path: controlPrefix + "reset", operation: "Reset", handle: controlReset},
		{method: http.MethodGet, path: controlPrefix + "state", operation: "State", handle: controlState},
		{method: http.MethodGet, path: controlPrefix + "config", operation: "GetConfig", handle: controlGetConfig},
		{method: http.MethodPut, path: controlPrefix + "config", operation: "PutConfig", handle: controlPutConfig},
		{method: http.MethodGet, path: controlPrefix + "faults", operation: "GetFaults", handle: controlGetFaults},
		{method: http.MethodPut, path: controlPrefix + "faults", operation: "PutFaults", handle: controlPutFaults},
		{method: http.MethodDelete, path: controlPrefix + "faults", operation: "DeleteFaults", handle: controlDeleteFaults},
	}}
}

type controlStatus struct {
	Status string `json:"status"`
}

func controlHealth(*Emulator, *opRequest) (any, error) {
	return controlStatus{Status: "ok"}, nil
}

func controlReset(e *Emulator, _ *opRequest) (any, error) {
	if err := e.reset(); err != nil {
		return nil, err
	}
	return controlStatus{Status: "ok"}, nil
}

func controlState(e *Emulator, _ *opRequest) (any, error) {
	return e.State(), nil
}

func controlGetConfig(e *Emulator, _ *opRequest) (any, error) {
	return e.RuntimeConfig(), nil
}

// runtimeConfigPatch is a PUT /_emulator/config body: members left out keep
// their current value.
type runtimeConfigPatch struct {
	ActivationDelay         *Duration    `json:"activationDelay"`
	InstanceActivationDelay *Duration    `json:"instanceActivationDelay"`
	FailCreationNamePattern *string      `json:"failCreationNamePattern"`
	Quotas                  *quotasPatch `json:"quotas"`
}

type quotasPatch struct {
	DomainsPerAccountRegion *int `json:"domainsPerAccountRegion"`
	FieldsPerDomain         *int `json:"fieldsPerDomain"`
	LayoutsPerDomain        *int `json:"layoutsPerDomain"`
	TemplatesPerDomain      *int `json:"templatesPerDomain"`
	OptionsPerField         *int `json:"optionsPerField"`
	FieldsPerLayout         *int `json:"fieldsPerLayout"`

	InstancesPerAccountRegion *int `json:"instancesPerAccountRegion"`
}

func (p runtimeConfigPatch) applyTo(c RuntimeConfig) RuntimeConfig {
	if p.ActivationDelay != nil {
		c.ActivationDelay = *p.ActivationDelay
	}
	if p.InstanceActivationDelay != nil {
		c.InstanceActivationDelay = *p.InstanceActivationDelay
	}
	if p.FailCreationNamePattern != nil {
		c.FailCreationNamePattern = *p.FailCreationNamePattern
	}
	if q := p.Quotas; q != nil {
		for _, m := range []struct {
			patch *int
			value *int
		}{
			{q.DomainsPerAccountRegion, &c.Quotas.DomainsPerAccountRegion},
			{q.FieldsPerDomain, &c.Quotas.FieldsPerDomain},
			{q.LayoutsPerDomain, &c.Quotas.LayoutsPerDomain},
			{q.TemplatesPerDomain, &c.Quotas.TemplatesPerDomain},
			{q.OptionsPerField, &c.Quotas.OptionsPerField},
			{q.FieldsPerLayout, &c.Quotas.FieldsPerLayout},
			{q.InstancesPerAccountRegion, &c.Quotas.InstancesPerAccountRegion},
		} {
			if m.patch != nil {
				*m.value = *m.patch
			}
		}
	}
	return c
}

func controlPutConfig(e *Emulator, req *opRequest) (any, error) {
	var patch runtimeConfigPatch
	decoder := json.NewDecoder(bytes.NewReader(req.body))
	// A misspelled member would otherwise be ignored without a word.
	decoder.DisallowUnknownFields()
	if err := decoder.Decode(&patch); err != nil {
		return nil, validationError("The config is not valid: %v", err)
	}
	merged, err := e.updateRuntimeConfig(patch.applyTo)
	if err != nil {
		return nil, validationError("The config is not valid: %v", err)
	}
	return merged, nil
}

// updateRuntimeConfig applies update to the current configuration under one
// lock, so that concurrent partial updates do not lose each other.
func (e *Emulator) updateRuntimeConfig(update func(RuntimeConfig) RuntimeConfig) (RuntimeConfig, error) {
	e.configMu.Lock()
	defer e.configMu.Unlock()
	next := update(e.runtime).withDefaultQuotas()
	failCreation, err := next.compile()
	if err != nil {
		return RuntimeConfig{}, err
	}
	e.runtime = next
	e.failCreation = failCreation
	return next, nil
}
