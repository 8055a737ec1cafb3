package emulator

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"sync"
	"time"
)

// Fault injection: an ordered list of rules consulted around every Cases
// operation (never the control API). The first rule that matches the call,
// has firings left and wins its probability roll decides what happens to
// the request; a request no rule picks is served normally.
//
// Rules are set with PUT /_emulator/faults, the -faults FILE flag of the
// command, or Emulator.SetFaults in-process; GET /_emulator/faults returns
// them with how many times each has fired, DELETE /_emulator/faults removes
// them all.

// Fault actions.
const (
	// FaultError answers with an API error (Code, Status, Message,
	// RetryAfterSeconds) before the handler runs: nothing is changed.
	FaultError = "error"
	// FaultLatency delays the request by Latency, then serves it normally.
	FaultLatency = "latency"
	// FaultDrop closes the connection without a response before the handler
	// runs: nothing is changed, and the client sees a network failure.
	FaultDrop = "drop"
	// FaultCommitThenFail runs the handler, keeps what it changed, then
	// replaces its successful response: with an API error (Then "error",
	// the default: InternalServerException unless Code says otherwise) or
	// by closing the connection (Then "drop"). The client cannot tell that
	// its request took effect. A request the handler rejects gets the
	// handler's own error.
	FaultCommitThenFail = "commitThenFail"
)

// What a FaultCommitThenFail rule answers after the commit.
const (
	FaultThenError = "error"
	FaultThenDrop  = "drop"
)

// FaultRule is one fault injection rule.
type FaultRule struct {
	// Operations, Accounts and Regions restrict the rule to calls whose
	// operation (e.g. "CreateDomain"), account and region are in the list;
	// an empty list matches everything.
	Operations []string `json:"operations,omitempty"`
	Accounts   []string `json:"accounts,omitempty"`
	Regions    []string `json:"regions,omitempty"`
	// Probability that a matching call is picked, in (0, 1]. In JSON it
	// defaults to 1 when absent; in Go it must be set.
	Probability float64 `json:"probability"`
	// Times limits how many times the rule fires; 0 means no limit. A rule
	// that has fired Times times no longer matches, so later rules apply.
	Times int `json:"times,omitempty"`
	// Action is one of FaultError, FaultLatency, FaultDrop,
	// FaultCommitThenFail.
	Action string `json:"action"`
	// Code, Status, Message and RetryAfterSeconds shape the error of
	// FaultError and of FaultCommitThenFail with Then "error". Status
	// defaults to the status of Code; RetryAfterSeconds, when positive, is
	// sent as the Retry-After header (InternalServerException sends 1 by
	// default, as the emulator always does).
	Code              string `json:"code,omitempty"`
	Status            int    `json:"status,omitempty"`
	Message           string `json:"message,omitempty"`
	RetryAfterSeconds int    `json:"retryAfterSeconds,omitempty"`
	// Latency delays the request before anything else the rule does; it is
	// the whole of a FaultLatency rule and may be added to any other.
	Latency Duration `json:"latency,omitempty"`
	// Then is what FaultCommitThenFail answers: FaultThenError (default) or
	// FaultThenDrop.
	Then string `json:"then,omitempty"`
}

// UnmarshalJSON reads a rule, with probability 1 when it is absent.
func (r *FaultRule) UnmarshalJSON(data []byte) error {
	type plain FaultRule // without this method
	decoded := plain{Probability: 1}
	decoder := json.NewDecoder(bytes.NewReader(data))
	// A misspelled member would otherwise turn into a rule that matches
	// everything.
	decoder.DisallowUnknownFields()
	if err := decoder.Decode(&decoded); err != nil {
		return err
	}
	*r = FaultRule(decoded)
	return nil
}

// validate checks one rule; the error names what to fix.
func (r FaultRule) validate() error {
	if !(r.Probability > 0 && r.Probability <= 1) {
		return fmt.Errorf("probability must be in (0, 1], got %v", r.Probability)
	}
	if r.Times < 0 {
		return fmt.Errorf("times must not be negative, got %d", r.Times)
	}
	if r.Latency < 0 {
		return fmt.Errorf("latency must not be negative, got %s", r.Latency)
	}
	if r.Status != 0 && (r.Status < 400 || r.Status > 599) {
		return fmt.Errorf("status must be an HTTP error status (400..599), got %d", r.Status)
	}
	if r.RetryAfterSeconds < 0 {
		return fmt.Errorf("retryAfterSeconds must not be negative, got %d", r.RetryAfterSeconds)
	}
	switch r.Action {
	case FaultError:
		if r.Code == "" {
			return errors.New(`action "error" needs a code, e.g. "ThrottlingException"`)
		}
	case FaultLatency:
		if r.Latency <= 0 {
			return errors.New(`action "latency" needs a positive latency, e.g. "20ms"`)
		}
	case FaultDrop:
	case FaultCommitThenFail:
		if r.Then != "" && r.Then != FaultThenError && r.Then != FaultThenDrop {
			return fmt.Errorf("then must be %q or %q, got %q", FaultThenError, FaultThenDrop, r.Then)
		}
	default:
		return fmt.Errorf("action must be one of %q, %q, %q, %q, got %q", FaultError, FaultLatency, FaultDrop, FaultCommitThenFail, r.Action)
	}
	if r.Then != "" && r.Action != FaultCommitThenFail {
		return fmt.Errorf("then applies only to action %q", FaultCommitThenFail)
	}
	return nil
}

func (r *FaultRule) matches(call Call) bool {
	in := func(list []string, v string) bool { return len(list) == 0 || slices.Contains(list, v) }
	return in(r.Operations, call.Operation) && in(r.Accounts, call.Account) && in(r.Regions, call.Region)
}

// apiError is the error a FaultError or FaultCommitThenFail rule answers.
func (r *FaultRule) apiError() *APIError {
	code := r.Code
	if code == "" {
		code = CodeInternalServer
	}
	message := r.Message
	if message == "" {
		message = "Injected fault: " + code
		if code == CodeThrottling {
			message = "Rate exceeded"
		}
	}
	apiErr := NewAPIError(code, message)
	if r.Status != 0 {
		apiErr.Status = r.Status
	}
	if r.RetryAfterSeconds > 0 {
		apiErr.RetryAfterSeconds = r.RetryAfterSeconds
	}
	return apiErr
}

// FaultConfig is the fault injection setup: the body of PUT
// /_emulator/faults and of a -faults file.
type FaultConfig struct {
	// Seed seeds the random source of the probability rolls, so that a run
	// with the same seed, rules and sequence of requests picks the same
	// requests. 0 picks a random seed, which GET /_emulator/faults reports.
	Seed uint64 `json:"seed,omitempty"`
	// Rules in order; the first that picks a request applies.
	Rules []FaultRule `json:"rules"`
}

// FaultState is the fault setup in force and how often each rule fired: the
// body of GET /_emulator/faults.
type FaultState struct {
	Seed  uint64      `json:"seed"`
	Rules []FaultRule `json:"rules"`
	// Fired[i] is how many requests rule i has picked since the rules were
	// set.
	Fired []int `json:"fired"`
}

// Total returns how many requests the rules have picked in all.
func (s FaultState) Total() int {
	total := 0
	for _, n := range s.Fired {
		total += n
	}
	return total
}

// ParseFaultConfig reads a FaultConfig from JSON, rejecting unknown members
// and invalid rules. A "fired" member (as GET returns) is accepted and
// ignored, so a GET response can be PUT back.
func ParseFaultConfig(data []byte) (FaultConfig, error) {
	var doc struct {
		FaultConfig
		Fired json.RawMessage `json:"fired"`
	}
	decoder := json.NewDecoder(bytes.NewReader(data))
	decoder.DisallowUnknownFields()
	if err := decoder.Decode(&doc); err != nil {
		return FaultConfig{}, err
	}
	if decoder.More() {
		return FaultConfig{}, errors.New("unexpected data after the JSON document")
	}
	if err := doc.validate(); err != nil {
		return FaultConfig{}, err
	}
	return doc.FaultConfig, nil
}

func (c FaultConfig) validate() error {
	for i, r := range c.Rules {
		if err := r.validate(); err != nil {
			return fmt.Errorf("rule %d: %w", i, err)
		}
	}
	return nil
}

// faultEngine applies a FaultConfig. It is the FaultInjector the emulator
// always has; Options.Faults, when set, runs after it.
type faultEngine struct {
	mu    sync.Mutex
	seed  uint64
	rng   *rand.Rand
	rules []FaultRule
	fired []int
	// pending holds the commit-then-fail rule picked for a request, by
	// request id, from BeforeOperation to AfterOperation.
	pending map[string]FaultRule
}

func newFaultEngine() *faultEngine {
	f := &faultEngine{}
	f.set(FaultConfig{})
	return f
}

// set replaces the rules, zeroes the counters and reseeds the random source.
// The config must be valid.
func (f *faultEngine) set(c FaultConfig) {
	seed := c.Seed
	if seed == 0 {
		seed = rand.Uint64() | 1 // never 0, so that it reads as "chosen"
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	f.seed = seed
	f.rng = rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	f.rules = slices.Clone(c.Rules)
	f.fired = make([]int, len(c.Rules))
	f.pending = map[string]FaultRule{}
}

func (f *faultEngine) state() FaultState {
	f.mu.Lock()
	defer f.mu.Unlock()
	return FaultState{Seed: f.seed, Rules: slices.Clone(f.rules), Fired: slices.Clone(f.fired)}
}

// pick returns the rule that applies to call, counting it as fired.
func (f *faultEngine) pick(call Call) (FaultRule, bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for i := range f.rules {
		r := &f.rules[i]
		if !r.matches(call) || (r.Times > 0 && f.fired[i] >= r.Times) {
			continue
		}
		if r.Probability < 1 && f.rng.Float64() >= r.Probability {
			continue
		}
		f.fired[i]++
		if r.Action == FaultCommitThenFail {
			f.pending[call.RequestID] = *r
		}
		return *r, true
	}
	return FaultRule{}, false
}

// BeforeOperation implements FaultInjector.
func (f *faultEngine) BeforeOperation(ctx context.Context, call Call) error {
	r, ok := f.pick(call)
	if !ok {
		return nil
	}
	if r.Latency > 0 {
		timer := time.NewTimer(time.Duration(r.Latency))
		select {
		case <-ctx.Done():
			timer.Stop()
			f.forget(call.RequestID)
			// The client has gone; there is no one to answer.
			return ErrDropConnection
		case <-timer.C:
		}
	}
	switch r.Action {
	case FaultError:
		return r.apiError()
	case FaultDrop:
		return ErrDropConnection
	}
	return nil
}

// AfterOperation implements FaultInjector.
func (f *faultEngine) AfterOperation(_ context.Context, call Call, result error) error {
	f.mu.Lock()
	r, ok := f.pending[call.RequestID]
	delete(f.pending, call.RequestID)
	f.mu.Unlock()
	if !ok || result != nil {
		// Not picked, or the handler refused the request: its own answer
		// stands, since nothing was committed to hide.
		return nil //nolint:nilerr // result is the handler's error, answered as is
	}
	if r.Then == FaultThenDrop {
		return ErrDropConnection
	}
	return r.apiError()
}

// forget drops what BeforeOperation remembered for a request that will not
// reach AfterOperation.
func (f *faultEngine) forget(requestID string) {
	f.mu.Lock()
	delete(f.pending, requestID)
	f.mu.Unlock()
}

// faultChain runs the rule engine, then the injector of Options.Faults.
type faultChain struct {
	engine *faultEngine
	extra  FaultInjector // may be nil
}

func (c faultChain) BeforeOperation(ctx context.Context, call Call) error {
	if err := c.engine.BeforeOperation(ctx, call); err != nil {
		return err
	}
	if c.extra == nil {
		return nil
	}
	if err := c.extra.BeforeOperation(ctx, call); err != nil {
		c.engine.forget(call.RequestID)
		return err
	}
	return nil
}

func (c faultChain) AfterOperation(ctx context.Context, call Call, result error) error {
	injected := c.engine.AfterOperation(ctx, call, result)
	if c.extra != nil {
		if err := c.extra.AfterOperation(ctx, call, result); injected == nil {
			injected = err
		}
	}
	return injected
}

// SetFaults replaces the fault rules, zeroes their counters and reseeds the
// random source with c.Seed (0: a random seed).
func (e *Emulator) SetFaults(c FaultConfig) error {
	if err := c.validate(); err != nil {
		return err
	}
	e.faultRules.set(c)
	return nil
}

// ClearFaults removes every fault rule.
func (e *Emulator) ClearFaults() { e.faultRules.set(FaultConfig{}) }

// Faults returns the fault rules in force and how often each has fired.
func (e *Emulator) Faults() FaultState { return e.faultRules.state() }

func controlGetFaults(e *Emulator, _ *opRequest) (any, error) {
	return e.Faults(), nil
}

func controlPutFaults(e *Emulator, req *opRequest) (any, error) {
	c, err := ParseFaultConfig(req.body)
	if err != nil {
		return nil, validationError("The fault rules are not valid: %v", err)
	}
	if err := e.SetFaults(c); err != nil {
		return nil, validationError("The fault rules are not valid: %v", err)
	}
	return e.Faults(), nil
}

func controlDeleteFaults(e *Emulator, _ *opRequest) (any, error) {
	e.ClearFaults()
	return e.Faults(), nil
}
