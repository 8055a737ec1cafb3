package poll

import (
	"context"
	"sync"
	"time"
)

// DefaultMinSpacing keeps the status reads of one provider process under
// two per second at every moment, as the service counts them. The pacer
// measures the spacing between the moments it lets reads go; a read then
// still spends a variable time in the SDK and on the network before the
// service sees it. Reads k and k+2 are at least 2*600 ms = 1.2 s apart when
// released, so up to 200 ms of that variation still leaves no one-second
// window with three reads in it (550 ms left 100 ms, and `make bench`
// found three in one window on a loaded machine).
const DefaultMinSpacing = 600 * time.Millisecond

// maxSpacing bounds how far throttling can widen the spacing.
const maxSpacing = 10 * time.Second

// Pacer lets status reads go one at a time, at least a spacing apart,
// shared by every waiter of a provider process. The spacing is measured
// from the moment the previous read was let go, after its waiter woke up,
// so a waiter that wakes late (a busy machine) delays the next read rather
// than bunching up with it. Throttling doubles the spacing; each
// unthrottled read narrows it again by a tenth, never below the minimum:
// back off fast, recover gently.
//
// Like congestion control, the pacer reacts to throttling once per window:
// a throttled read that was let go before the spacing last widened went out
// under the old, narrower spacing and says nothing about the new one, so it
// does not widen the spacing again. Reads let go close together under one
// spacing and throttled together (a burst) double it once, not once each.
// Wait returns the moment it let the read go; Throttled takes it back.
type Pacer struct {
	// gate admits one waiter at a time; it is held while that waiter
	// sleeps out the rest of the spacing. A channel rather than a mutex,
	// so that a waiter queueing for it can still give up with its ctx.
	gate chan struct{}

	mu         sync.Mutex
	minSpacing time.Duration
	spacing    time.Duration
	last       time.Time // when the previous read was let go; zero: none yet
	// widenedAfter is the moment the latest read let go before the spacing
	// last widened (last, then). Reads let go up to it went out under the
	// old spacing; any read let go later was let go after the widening,
	// since releases are at least a spacing apart. Zero: never widened.
	widenedAfter time.Time

	// now and sleep are the clock; tests replace them, and set released
	// to see each moment a read is let go.
	now      func() time.Time
	sleep    func(context.Context, time.Duration) error
	released func(time.Time)
}

// NewPacer returns a pacer that lets reads go at least minSpacing apart.
func NewPacer(minSpacing time.Duration) *Pacer {
	return &Pacer{
		gate:       make(chan struct{}, 1),
		minSpacing: minSpacing,
		spacing:    minSpacing,
		now:        time.Now,
		sleep:      sleepContext,
	}
}

// Wait blocks until this caller may read, or ctx ends. It returns the
// moment it let the read go, by the pacer's clock, for Throttled; the zero
// time with an error, or from a nil pacer.
func (p *Pacer) Wait(ctx context.Context) (time.Time, error) {
	if p == nil {
		return time.Time{}, ctx.Err()
	}
	select {
	case p.gate <- struct{}{}:
	case <-ctx.Done():
		return time.Time{}, ctx.Err()
	}
	defer func() { <-p.gate }()
	for {
		p.mu.Lock()
		now := p.now()
		wait := time.Duration(0)
		if !p.last.IsZero() {
			wait = p.last.Add(p.spacing).Sub(now)
		}
		if wait <= 0 {
			p.last = now
			if p.released != nil {
				p.released(now)
			}
			p.mu.Unlock()
			if err := ctx.Err(); err != nil {
				return time.Time{}, err
			}
			return now, nil
		}
		p.mu.Unlock()
		// Throttling may widen the spacing meanwhile, or the timer may
		// fire late: look again after sleeping.
		if err := p.sleep(ctx, wait); err != nil {
			return time.Time{}, err
		}
	}
}

// Throttled doubles the spacing after the service answered a read with a
// throttling error; releasedAt is the moment Wait let that read go. A read
// let go before the spacing last widened changes nothing: the spacing has
// already reacted to the window it belongs to.
func (p *Pacer) Throttled(releasedAt time.Time) {
	if p == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if !p.widenedAfter.IsZero() && !releasedAt.After(p.widenedAfter) {
		return
	}
	p.spacing = min(p.spacing*2, maxSpacing)
	p.widenedAfter = p.last
}

// Succeeded narrows the spacing after an unthrottled read.
func (p *Pacer) Succeeded() {
	if p == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.spacing = max(p.spacing-p.spacing/10, p.minSpacing)
}

// Spacing reports the current spacing between reads.
func (p *Pacer) Spacing() time.Duration {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.spacing
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
