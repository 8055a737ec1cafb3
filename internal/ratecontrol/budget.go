package ratecontrol

import (
	"context"
	"sync"
	"time"

	"github.com/connect-cases/terraform-provider-cases/internal/apimodel"
)

// Quota gives the rate and burst an operation's requests must stay under,
// as the service counts them.
type Quota func(operation string) apimodel.RateQuota

// PublishedQuotas are the Cases API's published default quotas, per
// operation.
func PublishedQuotas(operation string) apimodel.RateQuota {
	return apimodel.CasesThrottlingQuota(operation)
}

// Override returns quota with every operation's rate replaced by
// requestsPerSecond when it is positive, and its burst by burst when it is
// positive: the figures of an account whose quotas were raised.
func Override(quota Quota, requestsPerSecond float64, burst int) Quota {
	return func(operation string) apimodel.RateQuota {
		q := quota(operation)
		if requestsPerSecond > 0 {
			q.Rate = requestsPerSecond
		}
		if burst > 0 {
			q.Burst = burst
		}
		return q
	}
}

// Budget is the rate budget of one provider configuration (one account and
// Region): a Limiter per operation, made on the operation's first request
// from its Quota. A nil *Budget limits nothing.
type Budget struct {
	quota Quota

	mu       sync.Mutex
	limiters map[string]*Limiter

	now   func() time.Time
	sleep func(context.Context, time.Duration) error
}

// NewBudget returns a budget whose operations get their figures from
// quota.
func NewBudget(quota Quota) *Budget {
	return newBudget(quota, time.Now, sleepContext)
}

func newBudget(quota Quota, now func() time.Time, sleep func(context.Context, time.Duration) error) *Budget {
	return &Budget{quota: quota, limiters: map[string]*Limiter{}, now: now, sleep: sleep}
}

// Limiter returns the limiter of operation, nil (no limit) for a nil
// budget or an operation whose quota has no positive rate. Its bucket is
// ClientBurst of the service's.
func (b *Budget) Limiter(operation string) *Limiter {
	if b == nil {
		return nil
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if l, ok := b.limiters[operation]; ok {
		return l
	}
	q := b.quota(operation)
	l := newLimiter(q.Rate, ClientBurst(q), b.now, b.sleep)
	b.limiters[operation] = l
	return l
}

// TransitTolerance is how much later than the next one a request may reach
// the service, after the limiter let both go, without the service finding
// its bucket empty. A request spends a variable time in the SDK and on the
// network after it leaves the limiter (a new connection's TLS handshake
// among it), so two requests let go 1/rate apart may arrive closer
// together, and a burst let go at once may arrive spread out while the
// next request does not wait. A limiter's bucket is therefore smaller than
// the service's by what the rate earns in TransitTolerance: the service's
// bucket always holds that much more than ours. The price is up to
// TransitTolerance of waiting over a run that empties the bucket (the
// fifth of five GetDomain reads in a row waits 0.1 s).
const TransitTolerance = 100 * time.Millisecond

// ClientBurst is the bucket size, in tokens, of a limiter for the service
// bucket q: q.Burst less what q.Rate earns in TransitTolerance, at least
// one token.
func ClientBurst(q apimodel.RateQuota) float64 {
	return max(float64(q.Burst)-q.Rate*TransitTolerance.Seconds(), 1)
}

// reservation is a token taken ahead of a request: the first attempt of
// the request made with a context carrying it spends it instead of waiting
// again (see Reserve).
type reservation struct {
	operation  string
	releasedAt time.Time

	mu   sync.Mutex
	used bool
}

type reservationKey struct{}

// take returns the reservation's release time, once, for operation.
func (r *reservation) take(operation string) (time.Time, bool) {
	if r == nil || r.operation != operation {
		return time.Time{}, false
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.used {
		return time.Time{}, false
	}
	r.used = true
	return r.releasedAt, true
}

// Reserve waits for a token of operation's limiter and returns what puts
// it into a request's context: the first attempt of a request of that
// operation made with such a context goes at once, spending the reserved
// token (retries wait as usual). A batch read uses it to decide what goes
// into a request only once the request may leave, so that requests
// gathered while it waited for its token ride along (internal/coalesce).
// With a nil budget or an unlimited operation it returns at once.
func (b *Budget) Reserve(ctx context.Context, operation string) (func(context.Context) context.Context, error) {
	l := b.Limiter(operation)
	if l == nil {
		return func(ctx context.Context) context.Context { return ctx }, ctx.Err()
	}
	at, err := l.Wait(ctx)
	if err != nil {
		return nil, err
	}
	r := &reservation{operation: operation, releasedAt: at}
	return func(ctx context.Context) context.Context { return context.WithValue(ctx, reservationKey{}, r) }, nil
}

// reserved returns the release time of a token reserved for operation in
// ctx, once.
func reserved(ctx context.Context, operation string) (time.Time, bool) {
	r, _ := ctx.Value(reservationKey{}).(*reservation)
	return r.take(operation)
}
