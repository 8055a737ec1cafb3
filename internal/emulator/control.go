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
//	GET  /_emulator/events  -> {"events":[...]}: the case events kept, oldest
//	                           first (?domainId=, ?account=, ?region=, ?eventType=)
//	DELETE /_emulator/events -> {"status":"ok"}; kept events gone (?domainId= for one domain)
//	GET  /_emulator/metrics -> Metrics (requests admitted and throttled per operation)
//	DELETE /_emulator/metrics -> Metrics with every counter at zero
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
		{method: http.MethodGet, path: controlPrefix + "events", operation: "GetEvents", handle: controlGetEvents},
		{method: http.MethodDelete, path: controlPrefix + "events", operation: "DeleteEvents", handle: controlDeleteEvents},
		{method: http.MethodGet, path: controlPrefix + "metrics", operation: "GetMetrics", handle: controlGetMetrics},
		{method: http.MethodDelete, path: controlPrefix + "metrics", operation: "DeleteMetrics", handle: controlDeleteMetrics},
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
	// RateLimits, when present, replaces the rate limits whole: null or
	// {"profile":"off"} turns them off, {"profile":"service-defaults"}
	// selects that profile.
	RateLimits json.RawMessage `json:"rateLimits"`

	rateLimits *RateLimits // RateLimits parsed
}

type quotasPatch struct {
	DomainsPerAccountRegion *int `json:"domainsPerAccountRegion"`
	FieldsPerDomain         *int `json:"fieldsPerDomain"`
	LayoutsPerDomain        *int `json:"layoutsPerDomain"`
	TemplatesPerDomain      *int `json:"templatesPerDomain"`
	OptionsPerField         *int `json:"optionsPerField"`
	FieldsPerLayout         *int `json:"fieldsPerLayout"`
	RelatedItemsPerCase     *int `json:"relatedItemsPerCase"`
	FilesPerCase            *int `json:"filesPerCase"`
	SLAsPerCase             *int `json:"slasPerCase"`
	FieldsPerRelatedItem    *int `json:"fieldsPerRelatedItem"`

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
	if len(p.RateLimits) > 0 {
		c.RateLimits = p.rateLimits
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
			{q.RelatedItemsPerCase, &c.Quotas.RelatedItemsPerCase},
			{q.FilesPerCase, &c.Quotas.FilesPerCase},
			{q.SLAsPerCase, &c.Quotas.SLAsPerCase},
			{q.FieldsPerRelatedItem, &c.Quotas.FieldsPerRelatedItem},
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
	if len(patch.RateLimits) > 0 {
		limits, err := ParseRateLimits(patch.RateLimits)
		if err != nil {
			return nil, validationError("The config is not valid: rateLimits: %v", err)
		}
		patch.rateLimits = limits
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
	rateLimits, err := next.RateLimits.resolve()
	if err != nil {
		return RuntimeConfig{}, err
	}
	next.RateLimits = rateLimits
	compiled, err := next.compileAll()
	if err != nil {
		return RuntimeConfig{}, err
	}
	if next.RateLimits != e.runtime.RateLimits {
		e.limiter.setLimits(compiled.rateLimits)
	}
	e.runtime = next
	e.failCreation = compiled.failCreation
	return next, nil
}

func controlGetMetrics(e *Emulator, _ *opRequest) (any, error) {
	return e.Metrics(), nil
}

func controlDeleteMetrics(e *Emulator, _ *opRequest) (any, error) {
	e.ResetMetrics()
	return e.Metrics(), nil
}

// Metrics returns how many Cases requests of each operation and tenant were
// admitted and throttled since the emulator started, was reset, or
// ResetMetrics.
func (e *Emulator) Metrics() Metrics { return e.limiter.metrics() }

// ResetMetrics sets the request counters to zero.
func (e *Emulator) ResetMetrics() { e.limiter.resetMetrics(e.now()) }
