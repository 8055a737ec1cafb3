package emulator

import (
	"github.com/connect-cases/terraform-provider-cases/internal/apimodel"

	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"sort"
	"sync"
	"time"
)

// Rate limits: the service throttles by rate, with a token bucket per
// account, Region and API. A bucket holds up to Burst tokens and gains Rate
// tokens a second; a request takes one token, and a request that finds the
// bucket empty is answered 429 ThrottlingException before anything runs.
//
// The published defaults are the table "Connect Customer Cases API
// throttling quotas" in the Amazon Connect Administrator Guide, kept in
// internal/apimodel/throttling.go (with its source) for the emulator and
// the provider alike. The service counts each operation in a bucket of its
// own, so in that profile every operation has one, with its row's figures
// (RateLimitGroup.Shared puts a whole group in one bucket instead).
// RateLimitProfileServiceDefaults is that table.
//
// Rate limits are off by default; -rate-limits and PUT /_emulator/config
// ("rateLimits") turn them on. The clock is Options.Now, so tests move time
// instead of sleeping.

// Named rate limit profiles.
const (
	// RateLimitProfileOff: no operation is throttled by rate.
	RateLimitProfileOff = "off"
	// RateLimitProfileServiceDefaults: the published default rates of the
	// Cases API, one bucket per operation.
	RateLimitProfileServiceDefaults = "service-defaults"
)

// RateLimit is one token bucket's figures.
type RateLimit struct {
	// Rate is the steady rate in requests per second (> 0).
	Rate float64 `json:"rate"`
	// Burst is the bucket size: how many requests may arrive at once after a
	// quiet spell (>= 1).
	Burst int `json:"burst"`
}

// RateLimitGroup is a set of operations with the same limit.
type RateLimitGroup struct {
	// Name identifies the group in metrics and, with Shared, its bucket.
	Name string `json:"name"`
	// Operations are Smithy operation names, e.g. "CreateField".
	Operations []string `json:"operations"`
	RateLimit
	// Shared puts every operation of the group into one bucket; by default
	// each operation has its own (as the service counts them).
	Shared bool `json:"shared,omitempty"`
}

// RateLimits configure throttling by rate. A nil *RateLimits is off.
type RateLimits struct {
	// Profile names the profile the limits came from ("service-defaults"),
	// or is empty for limits written out by hand. In a PUT or a -rate-limits
	// file, a profile name alone selects that profile.
	Profile string `json:"profile,omitempty"`
	// Groups bind operations to limits; an operation is in at most one.
	Groups []RateLimitGroup `json:"groups,omitempty"`
	// Other, when set, limits every operation in no group (one bucket per
	// operation); nil leaves them unlimited.
	Other *RateLimit `json:"other,omitempty"`
}

// ServiceDefaultRateLimits returns the published default rates of the Cases
// API: apimodel.CasesThrottlingQuotas, one bucket per operation, with
// apimodel.CasesOtherOperationsQuota for every operation the table does
// not list (DeleteDomain, DeleteField, DeleteLayout, DeleteTemplate, ...).
// The provider's client-side rate control reads the same table.
func ServiceDefaultRateLimits() *RateLimits {
	rows := apimodel.CasesThrottlingQuotas()
	limits := &RateLimits{Profile: RateLimitProfileServiceDefaults, Groups: make([]RateLimitGroup, 0, len(rows))}
	for _, row := range rows {
		limits.Groups = append(limits.Groups, RateLimitGroup{
			Name:       row.Name,
			Operations: row.Operations,
			RateLimit:  RateLimit{Rate: row.Rate, Burst: row.Burst},
		})
	}
	other := apimodel.CasesOtherOperationsQuota
	limits.Other = &RateLimit{Rate: other.Rate, Burst: other.Burst}
	return limits
}

// RateLimitProfile returns the named profile ("off" is nil), false for a
// name that is not a profile.
func RateLimitProfile(name string) (*RateLimits, bool) {
	switch name {
	case RateLimitProfileOff:
		return nil, true
	case RateLimitProfileServiceDefaults:
		return ServiceDefaultRateLimits(), true
	}
	return nil, false
}

// ParseRateLimits reads rate limits in JSON: a RateLimits object, where a
// profile name alone selects that profile. Unknown members are errors.
func ParseRateLimits(data []byte) (*RateLimits, error) {
	var limits *RateLimits
	if err := decodeStrict(data, &limits); err != nil {
		return nil, err
	}
	return limits.resolve()
}

// resolve expands a profile name given alone, and checks the result.
func (l *RateLimits) resolve() (*RateLimits, error) {
	if l == nil {
		return nil, nil
	}
	if l.Profile != "" && len(l.Groups) == 0 && l.Other == nil {
		profile, ok := RateLimitProfile(l.Profile)
		if !ok {
			return nil, fmt.Errorf("rateLimits.profile %q is not one of %q, %q", l.Profile, RateLimitProfileOff, RateLimitProfileServiceDefaults)
		}
		return profile, nil
	}
	if _, err := l.compile(); err != nil {
		return nil, err
	}
	return l, nil
}

func (r RateLimit) check(where string) error {
	if !(r.Rate > 0) || math.IsInf(r.Rate, 0) {
		return fmt.Errorf("%s.rate must be a positive number of requests per second, got %v", where, r.Rate)
	}
	if r.Burst < 1 {
		return fmt.Errorf("%s.burst must be at least 1, got %d", where, r.Burst)
	}
	return nil
}

// operationLimit is where an operation's requests are counted.
type operationLimit struct {
	RateLimit
	bucket string // bucket name within a tenant
	group  string
}

// compiledRateLimits maps an operation to its limit; nil limits nothing.
type compiledRateLimits struct {
	byOperation map[string]operationLimit
	other       *RateLimit
}

func (l *RateLimits) compile() (*compiledRateLimits, error) {
	if l == nil {
		return nil, nil
	}
	known := knownOperations()
	c := &compiledRateLimits{byOperation: map[string]operationLimit{}}
	for i, g := range l.Groups {
		where := fmt.Sprintf("rateLimits.groups[%d]", i)
		if g.Name == "" {
			return nil, fmt.Errorf("%s.name is empty", where)
		}
		if err := g.check(where); err != nil {
			return nil, err
		}
		for _, op := range g.Operations {
			if !known[op] {
				return nil, fmt.Errorf("%s: %q is not a Cases operation", where, op)
			}
			if prev, dup := c.byOperation[op]; dup {
				return nil, fmt.Errorf("%s: operation %s is already in group %q", where, op, prev.group)
			}
			bucket := op
			if g.Shared {
				bucket = "group:" + g.Name
			}
			c.byOperation[op] = operationLimit{RateLimit: g.RateLimit, bucket: bucket, group: g.Name}
		}
	}
	if l.Other != nil {
		if err := l.Other.check("rateLimits.other"); err != nil {
			return nil, err
		}
		other := *l.Other
		c.other = &other
	}
	return c, nil
}

// limitOf returns the limit of operation, false when it is not limited.
func (c *compiledRateLimits) limitOf(operation string) (operationLimit, bool) {
	if c == nil {
		return operationLimit{}, false
	}
	if l, ok := c.byOperation[operation]; ok {
		return l, true
	}
	if c.other != nil {
		return operationLimit{RateLimit: *c.other, bucket: operation, group: "other"}, true
	}
	return operationLimit{}, false
}

// knownOperations is every operation name rate limits may name: those of
// the model and those of the service-defaults table.
func knownOperations() map[string]bool {
	known := map[string]bool{}
	for name := range apimodel.Cases().Operations {
		known[name] = true
	}
	for _, row := range apimodel.CasesThrottlingQuotas() {
		for _, op := range row.Operations {
			known[op] = true
		}
	}
	return known
}

// tenantBucket names one token bucket.
type tenantBucket struct {
	account, region, bucket string
}

type tokenBucket struct {
	tokens float64
	last   time.Time
}

// operationKey names one row of the metrics.
type operationKey struct {
	account, region, operation string
}

// OperationMetrics counts the Cases requests of one operation of one
// tenant that reached the rate limiter (routed and authenticated).
type OperationMetrics struct {
	Account   string `json:"account"`
	Region    string `json:"region"`
	Operation string `json:"operation"`
	// Admitted requests went on to the handler (or a fault rule).
	Admitted int64 `json:"admitted"`
	// Throttled requests were answered ThrottlingException by the rate
	// limits.
	Throttled int64 `json:"throttled"`
}

// Metrics is what GET /_emulator/metrics returns.
type Metrics struct {
	// Since is when the counters last started from zero.
	Since      time.Time          `json:"since"`
	Operations []OperationMetrics `json:"operations"`
	Admitted   int64              `json:"admitted"`
	Throttled  int64              `json:"throttled"`
}

// rateLimiter holds the buckets and the metrics. Buckets start full.
type rateLimiter struct {
	mu      sync.Mutex
	limits  *compiledRateLimits
	buckets map[tenantBucket]*tokenBucket
	since   time.Time
	counts  map[operationKey]*OperationMetrics
}

func newRateLimiter(limits *compiledRateLimits, now time.Time) *rateLimiter {
	return &rateLimiter{
		limits:  limits,
		buckets: map[tenantBucket]*tokenBucket{},
		since:   now,
		counts:  map[operationKey]*OperationMetrics{},
	}
}

// setLimits replaces the limits; every bucket starts full again.
func (rl *rateLimiter) setLimits(limits *compiledRateLimits) {
	rl.mu.Lock()
	defer rl.mu.Unlock()
	rl.limits = limits
	rl.buckets = map[tenantBucket]*tokenBucket{}
}

// admit takes a token for call at now and counts the request; false means
// throttled.
func (rl *rateLimiter) admit(call Call, now time.Time) bool {
	rl.mu.Lock()
	defer rl.mu.Unlock()
	admitted := true
	if limit, ok := rl.limits.limitOf(call.Operation); ok {
		key := tenantBucket{account: call.Account, region: call.Region, bucket: limit.bucket}
		b := rl.buckets[key]
		if b == nil {
			b = &tokenBucket{tokens: float64(limit.Burst), last: now}
			rl.buckets[key] = b
		}
		if elapsed := now.Sub(b.last); elapsed > 0 {
			b.tokens = min(float64(limit.Burst), b.tokens+elapsed.Seconds()*limit.Rate)
			b.last = now
		}
		if b.tokens >= 1 {
			b.tokens--
		} else {
			admitted = false
		}
	}
	key := operationKey{account: call.Account, region: call.Region, operation: call.Operation}
	m := rl.counts[key]
	if m == nil {
		m = &OperationMetrics{Account: call.Account, Region: call.Region, Operation: call.Operation}
		rl.counts[key] = m
	}
	if admitted {
		m.Admitted++
	} else {
		m.Throttled++
	}
	return admitted
}

func (rl *rateLimiter) metrics() Metrics {
	rl.mu.Lock()
	defer rl.mu.Unlock()
	out := Metrics{Since: rl.since, Operations: make([]OperationMetrics, 0, len(rl.counts))}
	for _, m := range rl.counts {
		out.Operations = append(out.Operations, *m)
		out.Admitted += m.Admitted
		out.Throttled += m.Throttled
	}
	sort.Slice(out.Operations, func(i, j int) bool {
		a, b := out.Operations[i], out.Operations[j]
		return slices.Compare([]string{a.Account, a.Region, a.Operation}, []string{b.Account, b.Region, b.Operation}) < 0
	})
	return out
}

// resetMetrics sets every counter to zero; the buckets keep their tokens.
func (rl *rateLimiter) resetMetrics(now time.Time) {
	rl.mu.Lock()
	defer rl.mu.Unlock()
	rl.counts = map[operationKey]*OperationMetrics{}
	rl.since = now
}

// throttledError is what a request beyond its rate gets. The message is the
// one AWS front ends send with a rate-based 429.
func throttledError() *APIError {
	return NewAPIError(CodeThrottling, "Rate exceeded")
}

// decodeStrict decodes JSON, refusing members v does not have.
func decodeStrict(data []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	return dec.Decode(v)
}
