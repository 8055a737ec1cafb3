// Package emulator is a local, in-memory implementation of the Amazon Connect
// Cases API (REST-JSON, SigV4 signing name "cases"), faithful on the wire to
// the official Smithy model so that the stock aws-sdk-go-v2 connectcases
// client talks to it unchanged.
//
// An Emulator is an http.Handler serving the Cases API plus a small JSON
// control API under /_emulator/. Start serves it on a TCP address; tests use
// "127.0.0.1:0" in-process.
//
// What a request goes through, in order:
//
//   - Routing (router.go) on method and escaped path, from each operation's
//     smithy.api#http trait in the generated model (internal/apimodel); the
//     handler is the one handlers.go binds to the operation's name, and an
//     operation of the model without one answers 501
//     NotImplementedException. No route: 404 UnknownOperationException; a
//     known path with another method: 405 UnknownOperationException with
//     Allow.
//   - The body, at most 1 MiB (else 413 ValidationException).
//   - SigV4 (auth.go): no Authorization header is 403
//     MissingAuthenticationTokenException, as on AWS; a malformed one 403
//     IncompleteSignatureException. With AuthSigV4, an unknown key is 403
//     UnrecognizedClientException, a bad signature or more than 15 minutes
//     of clock skew 403 InvalidSignatureException. The access key id picks
//     the account and the credential scope the region.
//   - Emulator.dispatch, the one place every Cases operation passes with its
//     name and tenant known, where a FaultInjector acts before the handler
//     and after it has committed.
//   - Validation of the request against the operation's input shape in the
//     generated model (validate.go; malformed JSON, or a body that is not
//     UTF-8, is a 400 ValidationException too), then the handler: the
//     operation's semantic checks and its work on the store under its
//     lock. An error the operation does not declare (and that is not
//     common) is a bug: it is logged, recorded and answered as
//     InternalServerException (declared.go).
//   - With a state file (persist.go), the store is written durably before
//     the answer; then the fault rules (faults.go) may still replace the
//     answer of a change that was made.
//
// Errors use the restJson1 format the SDK decodes into its typed errors
// (errors.go), and every response carries x-amzn-RequestId.
package emulator

import (
	"encoding/json"
	"fmt"
	"log/slog"
	"regexp"
	"sync"
	"time"
)

// Quotas are the per-tenant limits the emulator enforces. The defaults are
// the real (adjustable) Cases quotas.
type Quotas struct {
	DomainsPerAccountRegion int `json:"domainsPerAccountRegion"`
	FieldsPerDomain         int `json:"fieldsPerDomain"`
	LayoutsPerDomain        int `json:"layoutsPerDomain"`
	TemplatesPerDomain      int `json:"templatesPerDomain"`
	OptionsPerField         int `json:"optionsPerField"`
	FieldsPerLayout         int `json:"fieldsPerLayout"`
	// Limits on the related items of a case (CreateRelatedItem and
	// UpdateRelatedItem answer ServiceQuotaExceededException).
	RelatedItemsPerCase  int `json:"relatedItemsPerCase"`
	FilesPerCase         int `json:"filesPerCase"`
	SLAsPerCase          int `json:"slasPerCase"`
	FieldsPerRelatedItem int `json:"fieldsPerRelatedItem"`
	// InstancesPerAccountRegion bounds the Amazon Connect instances of a
	// tenant (connect_instance.go).
	InstancesPerAccountRegion int `json:"instancesPerAccountRegion"`
}

// Default quotas: Amazon Connect Cases service quotas.
const (
	DefaultDomainsPerAccountRegion = 5
	DefaultFieldsPerDomain         = 500
	DefaultLayoutsPerDomain        = 100
	DefaultTemplatesPerDomain      = 100
	DefaultOptionsPerField         = 500
	// DefaultFieldsPerLayout is not a published quota: it is the most a
	// layout can hold under the model (a top panel and a More Info tab of
	// one section each, SectionsList max 1, of at most 220 fields each,
	// FieldGroup.fields max 220), so by default it never refuses what the
	// model allows. Set it lower to try a layout quota.
	DefaultFieldsPerLayout = 440
	// Related items of a case: the Service Quotas "Related items per case"
	// (L-C1AF8D37), "Attached files per case" (L-930905B5) and "Attached
	// SLAs per case" (L-A7158118), adjustable. DefaultFieldsPerRelatedItem
	// ("Fields per related item", L-7D21A319) is the most the model lets a
	// Custom item hold (CustomInputContent.fields, length max 50).
	DefaultRelatedItemsPerCase  = 200
	DefaultFilesPerCase         = 50
	DefaultSLAsPerCase          = 10
	DefaultFieldsPerRelatedItem = 50
)

// DefaultActivationDelay is how long a new domain stays CreationInProgress.
const DefaultActivationDelay = time.Second

// Duration is a time.Duration that reads and writes JSON as a Go duration
// string ("1.5s"), the form the -activation-delay flag takes too.
type Duration time.Duration

func (d Duration) String() string { return time.Duration(d).String() }

// MarshalJSON writes the duration as a string such as "1.5s".
func (d Duration) MarshalJSON() ([]byte, error) {
	return json.Marshal(time.Duration(d).String())
}

// UnmarshalJSON reads a Go duration string such as "250ms" or "1m".
func (d *Duration) UnmarshalJSON(data []byte) error {
	var s string
	if err := json.Unmarshal(data, &s); err != nil {
		return fmt.Errorf("duration must be a string such as \"1.5s\": %w", err)
	}
	parsed, err := time.ParseDuration(s)
	if err != nil {
		return err
	}
	*d = Duration(parsed)
	return nil
}

// RuntimeConfig is the behavior that can change while the emulator runs:
// GET /_emulator/config reads it and PUT /_emulator/config merges the members
// present in the request.
type RuntimeConfig struct {
	// ActivationDelay is how long a new domain reports CreationInProgress.
	ActivationDelay Duration `json:"activationDelay"`
	// InstanceActivationDelay is how long a new Connect instance reports
	// CREATION_IN_PROGRESS.
	InstanceActivationDelay Duration `json:"instanceActivationDelay"`
	// FailCreationNamePattern is an RE2 expression: a domain whose name
	// matches it ends CreationFailed instead of Active. "" never fails.
	FailCreationNamePattern string `json:"failCreationNamePattern"`
	// Quotas; a zero member means the default.
	Quotas Quotas `json:"quotas"`
	// RateLimits throttle requests by rate (ratelimit.go); nil is off.
	RateLimits *RateLimits `json:"rateLimits,omitempty"`
}

// DefaultRuntimeConfig returns the configuration the command starts with.
func DefaultRuntimeConfig() RuntimeConfig {
	return RuntimeConfig{
		ActivationDelay:         Duration(DefaultActivationDelay),
		InstanceActivationDelay: Duration(DefaultInstanceActivationDelay),
		Quotas: Quotas{
			DomainsPerAccountRegion: DefaultDomainsPerAccountRegion,
			FieldsPerDomain:         DefaultFieldsPerDomain,
			LayoutsPerDomain:        DefaultLayoutsPerDomain,
			TemplatesPerDomain:      DefaultTemplatesPerDomain,
			OptionsPerField:         DefaultOptionsPerField,
			FieldsPerLayout:         DefaultFieldsPerLayout,
			RelatedItemsPerCase:     DefaultRelatedItemsPerCase,
			FilesPerCase:            DefaultFilesPerCase,
			SLAsPerCase:             DefaultSLAsPerCase,
			FieldsPerRelatedItem:    DefaultFieldsPerRelatedItem,

			InstancesPerAccountRegion: DefaultInstancesPerAccountRegion,
		},
	}
}

// withDefaultQuotas replaces zero quota members by the defaults: a quota of
// zero would forbid the entity altogether, which no real account has.
func (c RuntimeConfig) withDefaultQuotas() RuntimeConfig {
	defaults := DefaultRuntimeConfig().Quotas
	fill := func(v *int, def int) {
		if *v == 0 {
			*v = def
		}
	}
	fill(&c.Quotas.DomainsPerAccountRegion, defaults.DomainsPerAccountRegion)
	fill(&c.Quotas.FieldsPerDomain, defaults.FieldsPerDomain)
	fill(&c.Quotas.LayoutsPerDomain, defaults.LayoutsPerDomain)
	fill(&c.Quotas.TemplatesPerDomain, defaults.TemplatesPerDomain)
	fill(&c.Quotas.OptionsPerField, defaults.OptionsPerField)
	fill(&c.Quotas.FieldsPerLayout, defaults.FieldsPerLayout)
	fill(&c.Quotas.RelatedItemsPerCase, defaults.RelatedItemsPerCase)
	fill(&c.Quotas.FilesPerCase, defaults.FilesPerCase)
	fill(&c.Quotas.SLAsPerCase, defaults.SLAsPerCase)
	fill(&c.Quotas.FieldsPerRelatedItem, defaults.FieldsPerRelatedItem)
	fill(&c.Quotas.InstancesPerAccountRegion, defaults.InstancesPerAccountRegion)
	return c
}

// compiledRuntime is what a RuntimeConfig compiles to.
type compiledRuntime struct {
	failCreation *regexp.Regexp // nil never fails
	rateLimits   *compiledRateLimits
}

// compileAll checks c and compiles everything in it.
func (c RuntimeConfig) compileAll() (compiledRuntime, error) {
	failCreation, err := c.compile()
	if err != nil {
		return compiledRuntime{}, err
	}
	rateLimits, err := c.RateLimits.compile()
	if err != nil {
		return compiledRuntime{}, err
	}
	return compiledRuntime{failCreation: failCreation, rateLimits: rateLimits}, nil
}

// compile checks c and returns its failCreationNamePattern compiled (nil
// when empty).
func (c RuntimeConfig) compile() (*regexp.Regexp, error) {
	if c.ActivationDelay < 0 {
		return nil, fmt.Errorf("activationDelay must not be negative, got %s", c.ActivationDelay)
	}
	if c.InstanceActivationDelay < 0 {
		return nil, fmt.Errorf("instanceActivationDelay must not be negative, got %s", c.InstanceActivationDelay)
	}
	for name, v := range map[string]int{
		"domainsPerAccountRegion": c.Quotas.DomainsPerAccountRegion,
		"fieldsPerDomain":         c.Quotas.FieldsPerDomain,
		"layoutsPerDomain":        c.Quotas.LayoutsPerDomain,
		"templatesPerDomain":      c.Quotas.TemplatesPerDomain,
		"optionsPerField":         c.Quotas.OptionsPerField,
		"fieldsPerLayout":         c.Quotas.FieldsPerLayout,
		"relatedItemsPerCase":     c.Quotas.RelatedItemsPerCase,
		"filesPerCase":            c.Quotas.FilesPerCase,
		"slasPerCase":             c.Quotas.SLAsPerCase,
		"fieldsPerRelatedItem":    c.Quotas.FieldsPerRelatedItem,

		"instancesPerAccountRegion": c.Quotas.InstancesPerAccountRegion,
	} {
		if v < 0 {
			return nil, fmt.Errorf("quotas.%s must not be negative, got %d", name, v)
		}
	}
	if c.FailCreationNamePattern == "" {
		return nil, nil
	}
	re, err := regexp.Compile(c.FailCreationNamePattern)
	if err != nil {
		return nil, fmt.Errorf("failCreationNamePattern is not a valid RE2 expression: %w", err)
	}
	return re, nil
}

// Authentication modes.
const (
	// AuthAny requires a well-formed SigV4 Authorization header and accepts
	// any access key without checking the signature or the request time, so
	// tests may move the emulator clock freely.
	AuthAny = "any"
	// AuthSigV4 verifies every signature against Options.Credentials.
	AuthSigV4 = "sigv4"
)

// Options configure New.
type Options struct {
	// Runtime is the initial runtime configuration, restored by Reset. Start
	// from DefaultRuntimeConfig(); an all-zero value means the defaults, and
	// zero quota members mean the default quota.
	Runtime RuntimeConfig
	// Auth is AuthAny (the default when empty) or AuthSigV4.
	Auth string
	// Credentials maps access key id to secret access key for AuthSigV4.
	Credentials map[string]string
	// StateFile, when set, persists the store: New loads it (a missing file
	// starts empty, an unreadable or damaged one is an error), and every
	// Cases operation that may change state is written to it before it is
	// answered (persist.go).
	StateFile string
	// Logger receives one record per request; nil discards.
	Logger *slog.Logger
	// Now is the clock for domain activation, timestamps and SigV4 clock
	// skew; nil means time.Now. Tests move it to see a domain turn Active
	// without sleeping.
	Now func() time.Time
	// Faults, when set, is consulted around every Cases operation; see
	// FaultInjector.
	Faults FaultInjector
}

// Emulator serves the Cases API. It is safe for concurrent use.
type Emulator struct {
	log     *slog.Logger
	now     func() time.Time
	auth    *authenticator
	faults  FaultInjector
	cases   *router // Cases API operations
	connect *router // the Connect subset (connect.go)
	control *router // /_emulator/ endpoints

	configMu       sync.RWMutex
	runtime        RuntimeConfig
	failCreation   *regexp.Regexp // runtime.FailCreationNamePattern compiled; nil never fails
	initialRuntime RuntimeConfig

	store *store

	// faultRules is the rule engine behind /_emulator/faults; faults runs
	// it before Options.Faults.
	faultRules *faultEngine
	// persist writes the store to Options.StateFile; nil without one.
	persist *persister
	// limiter applies RuntimeConfig.RateLimits and counts requests.
	limiter *rateLimiter
}

// New returns an emulator with empty state.
func New(opts Options) (*Emulator, error) {
	runtime := opts.Runtime
	if runtime == (RuntimeConfig{}) {
		runtime = DefaultRuntimeConfig()
	}
	runtime = runtime.withDefaultQuotas()
	rateLimits, err := runtime.RateLimits.resolve()
	if err != nil {
		return nil, err
	}
	runtime.RateLimits = rateLimits
	compiled, err := runtime.compileAll()
	if err != nil {
		return nil, err
	}
	st := newStore()
	if opts.StateFile != "" {
		if st, err = loadStateFile(opts.StateFile); err != nil {
			return nil, err
		}
	}

	now := opts.Now
	if now == nil {
		now = time.Now
	}
	auth, err := newAuthenticator(opts.Auth, opts.Credentials, now)
	if err != nil {
		return nil, err
	}
	logger := opts.Logger
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}

	e := &Emulator{
		log:            logger,
		now:            now,
		auth:           auth,
		faultRules:     newFaultEngine(),
		runtime:        runtime,
		failCreation:   compiled.failCreation,
		initialRuntime: runtime,
		store:          st,
		limiter:        newRateLimiter(compiled.rateLimits, now()),
	}
	e.faults = faultChain{engine: e.faultRules, extra: opts.Faults}
	for _, api := range []*apiTable{casesAPI, connectAPI} {
		if err := api.check(); err != nil {
			return nil, err
		}
	}
	e.cases, e.connect = casesAPI.router(), connectAPI.router()
	e.control = newRouter(controlRoutes()...)
	if opts.StateFile != "" {
		// Writing at once proves the file can be written, so a bad path is
		// a start-up error rather than a failure of the first change.
		e.persist = &persister{path: opts.StateFile}
		if err := e.writeState(); err != nil {
			return nil, err
		}
	}
	return e, nil
}

// Reset deletes all state and restores the runtime configuration New was
// given, so that one test's data and settings never leak into the next.
func (e *Emulator) Reset() {
	if err := e.reset(); err != nil {
		e.log.Error("reset: saving the state file failed", "error", err)
	}
}

// reset is Reset, returning whether the empty state was saved.
func (e *Emulator) reset() error {
	e.store.mu.Lock()
	e.store.Tenants = map[string]*tenant{}
	e.store.mu.Unlock()

	e.configMu.Lock()
	e.runtime = e.initialRuntime
	compiled, _ := e.initialRuntime.compileAll() // checked by New
	e.failCreation = compiled.failCreation
	e.limiter.setLimits(compiled.rateLimits)
	e.limiter.resetMetrics(e.now())
	e.configMu.Unlock()
	return e.saveState()
}

// RuntimeConfig returns the current runtime configuration.
func (e *Emulator) RuntimeConfig() RuntimeConfig {
	e.configMu.RLock()
	defer e.configMu.RUnlock()
	return e.runtime
}

// SetRuntimeConfig replaces the runtime configuration. Zero quota members
// mean the default. Domains already created keep the activation time and
// outcome they were given at creation.
func (e *Emulator) SetRuntimeConfig(c RuntimeConfig) error {
	_, err := e.updateRuntimeConfig(func(RuntimeConfig) RuntimeConfig { return c })
	return err
}

// runtimeSnapshot returns the configuration and its compiled pattern
// together, consistent with each other.
func (e *Emulator) runtimeSnapshot() (RuntimeConfig, *regexp.Regexp) {
	e.configMu.RLock()
	defer e.configMu.RUnlock()
	return e.runtime, e.failCreation
}

// DomainSnapshot is a domain as the API would describe it now.
type DomainSnapshot struct {
	DomainID     string    `json:"domainId"`
	DomainARN    string    `json:"domainArn"`
	Name         string    `json:"name"`
	DomainStatus string    `json:"domainStatus"`
	CreatedTime  time.Time `json:"createdTime"`
	// Tags of the domain; a tag sent with a null value (the Tags map is
	// smithy.api#sparse) reads as "" here.
	Tags map[string]string `json:"tags"`
}

// TenantSnapshot is the data of one account in one region.
type TenantSnapshot struct {
	Account string           `json:"account"`
	Region  string           `json:"region"`
	Domains []DomainSnapshot `json:"domains"`
	// ConnectInstances are the tenant's Amazon Connect instances with their
	// integration associations.
	ConnectInstances []InstanceSnapshot `json:"connectInstances"`
}

// StateSnapshot is everything the emulator holds, as GET /_emulator/state
// returns it.
type StateSnapshot struct {
	Tenants []TenantSnapshot `json:"tenants"`
}

// Domains returns the domains of account in region in creation order.
func (e *Emulator) Domains(account, region string) []DomainSnapshot {
	now := e.now()
	e.store.mu.RLock()
	defer e.store.mu.RUnlock()
	return snapshotDomains(e.store.tenant(account, region).sortedDomains(), now)
}

// State returns every tenant that holds at least one domain or Connect
// instance, ordered by
// account and region.
func (e *Emulator) State() StateSnapshot {
	now := e.now()
	e.store.mu.RLock()
	defer e.store.mu.RUnlock()
	state := StateSnapshot{Tenants: []TenantSnapshot{}}
	for _, t := range e.store.sortedTenants() {
		if len(t.Domains) == 0 && len(t.ConnectInstances) == 0 {
			continue
		}
		state.Tenants = append(state.Tenants, TenantSnapshot{
			Account:          t.Account,
			Region:           t.Region,
			Domains:          snapshotDomains(t.sortedDomains(), now),
			ConnectInstances: snapshotInstances(t, now),
		})
	}
	return state
}

func snapshotDomains(domains []*domain, now time.Time) []DomainSnapshot {
	snapshots := make([]DomainSnapshot, 0, len(domains))
	for _, d := range domains {
		snapshots = append(snapshots, d.snapshot(now))
	}
	return snapshots
}
