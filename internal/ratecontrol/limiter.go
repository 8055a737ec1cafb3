// Package ratecontrol keeps the requests of one provider configuration
// under the rates its account allows, so that they leave at those rates
// instead of bouncing off the service's throttling and retrying with
// back-off. The Cases API counts each operation in a token bucket of its
// own, per account and Region (internal/apimodel/throttling.go), so a
// Budget holds one adaptive Limiter per operation, each with that
// operation's rate and burst. Every request of the Cases client passes
// through the Budget (an SDK middleware, after the retry loop, so every
// attempt counts): status polls and CRUD reads of a domain alike spend the
// GetDomain limiter.
package ratecontrol

import (
	"context"
	"math"
	"sync"
	"time"
)

// minRateShare bounds how far throttling can lower the rate: to 1/16 of
// the configured rate (2/s -> one request every 8 s).
const minRateShare = 16

// Limiter is the token bucket of one operation; it adapts to throttling the way the status
// pacer (internal/poll) does: a throttled request halves the rate, once per
// window (requests let go before the rate last fell went out under the old
// rate and say nothing about the new one), and empties the bucket, since
// someone else is spending the account's tokens; each unthrottled request
// raises the rate again by a ninth of itself (the pacer narrows its spacing
// by a tenth), never above the configured rate. Back off fast, recover
// gently.
//
// Requests wait their turn one at a time, so they are let go in about the
// order they arrived. A nil *Limiter lets everything go at once.
type Limiter struct {
	// gate admits one waiter at a time; it is held while that waiter
	// sleeps for its token. A channel, so a queued waiter can give up with
	// its ctx.
	gate chan struct{}

	mu      sync.Mutex
	maxRate float64 // configured requests per second
	rate    float64 // current requests per second, maxRate/minRateShare..maxRate
	burst   float64
	tokens  float64
	last    time.Time // when tokens was last brought up to date
	// lastRelease is when the latest request was let go; slowedAfter is
	// lastRelease when the rate last fell. Zero: none yet, never.
	lastRelease time.Time
	slowedAfter time.Time

	// now and sleep are the clock; tests replace them.
	now   func() time.Time
	sleep func(context.Context, time.Duration) error
}

// New returns a limiter letting requestsPerSecond requests go a second, up
// to burst at once after a quiet spell. The bucket starts full. It returns
// nil, which limits nothing, when requestsPerSecond is not positive.
func New(requestsPerSecond float64, burst int) *Limiter {
	return newLimiter(requestsPerSecond, float64(burst), time.Now, sleepContext)
}

// newLimiter takes a bucket size in tokens, whole or not (see ClientBurst).
func newLimiter(requestsPerSecond, burst float64, now func() time.Time, sleep func(context.Context, time.Duration) error) *Limiter {
	if !(requestsPerSecond > 0) {
		return nil
	}
	burst = max(burst, 1)
	return &Limiter{
		gate:    make(chan struct{}, 1),
		maxRate: requestsPerSecond,
		rate:    requestsPerSecond,
		burst:   burst,
		tokens:  burst,
		now:     now,
		sleep:   sleep,
	}
}

// Wait blocks until a request may go, or ctx ends. It returns the moment it
// let the request go, for Throttled.
func (l *Limiter) Wait(ctx context.Context) (time.Time, error) {
	if l == nil {
		return time.Time{}, ctx.Err()
	}
	select {
	case l.gate <- struct{}{}:
	case <-ctx.Done():
		return time.Time{}, ctx.Err()
	}
	defer func() { <-l.gate }()
	for {
		l.mu.Lock()
		now := l.now()
		l.refill(now)
		if l.tokens >= 1 {
			l.tokens--
			l.lastRelease = now
			l.mu.Unlock()
			if err := ctx.Err(); err != nil {
				return time.Time{}, err
			}
			return now, nil
		}
		// Rounded up, so that the bucket holds a whole token when
		// the sleep ends.
		wait := time.Duration(math.Ceil((1 - l.tokens) / l.rate * float64(time.Second)))
		l.mu.Unlock()
		// Throttling may lower the rate meanwhile, or the timer may fire
		// late: look again after sleeping.
		if err := l.sleep(ctx, max(wait, time.Millisecond)); err != nil {
			return time.Time{}, err
		}
	}
}

// refill adds the tokens earned since the last look; l.mu is held.
func (l *Limiter) refill(now time.Time) {
	if l.last.IsZero() {
		l.last = now
		return
	}
	if elapsed := now.Sub(l.last); elapsed > 0 {
		l.tokens = min(l.burst, l.tokens+elapsed.Seconds()*l.rate)
		l.last = now
	}
}

// Throttled halves the rate after the service throttled a request that
// Wait let go at releasedAt, unless the rate already fell after that
// request left.
func (l *Limiter) Throttled(releasedAt time.Time) {
	if l == nil {
		return
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if !l.slowedAfter.IsZero() && !releasedAt.After(l.slowedAfter) {
		return
	}
	l.refill(l.now())
	l.rate = max(l.rate/2, l.maxRate/minRateShare)
	l.tokens = min(l.tokens, 0)
	l.slowedAfter = l.lastRelease
}

// Succeeded raises the rate a little after a request that was not
// throttled.
func (l *Limiter) Succeeded() {
	if l == nil {
		return
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.rate < l.maxRate {
		l.refill(l.now())
		l.rate = min(l.rate+l.rate/9, l.maxRate)
	}
}

// Rate reports the current rate in requests per second.
func (l *Limiter) Rate() float64 {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.rate
}

// Burst reports the limiter's bucket size, in tokens.
func (l *Limiter) Burst() float64 {
	return l.burst
}

func sleepContext(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}
