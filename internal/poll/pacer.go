package poll

import (
	"context"
	"sync"
	"time"
)

// DefaultMinSpacing keeps status reads of one provider process under two per
// second at every moment: with 550 ms between reads no one-second window
// holds more than two of them.
const DefaultMinSpacing = 550 * time.Millisecond

// maxSpacing bounds how far throttling can widen the spacing.
const maxSpacing = 10 * time.Second

// Pacer hands out time slots for status reads, at least a spacing apart,
// shared by every waiter of a provider process. Throttling doubles the
// spacing; each unthrottled read narrows it again by a tenth, never below
// the minimum: back off fast, recover gently.
type Pacer struct {
	mu         sync.Mutex
	minSpacing time.Duration
	spacing    time.Duration
	next       time.Time
	now        func() time.Time
}

// NewPacer returns a pacer whose slots are at least minSpacing apart.
func NewPacer(minSpacing time.Duration) *Pacer {
	return &Pacer{minSpacing: minSpacing, spacing: minSpacing, now: time.Now}
}

// Wait blocks until this caller's slot comes or ctx ends.
func (p *Pacer) Wait(ctx context.Context) error {
	if p == nil {
		return ctx.Err()
	}
	slot, now := p.reserve()
	wait := slot.Sub(now)
	if wait <= 0 {
		return ctx.Err()
	}
	timer := time.NewTimer(wait)
	defer timer.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-timer.C:
		return nil
	}
}

// reserve takes the next free slot and returns it with the current time.
func (p *Pacer) reserve() (slot, now time.Time) {
	p.mu.Lock()
	defer p.mu.Unlock()
	now = p.now()
	slot = p.next
	if slot.Before(now) {
		slot = now
	}
	p.next = slot.Add(p.spacing)
	return slot, now
}

// Throttled widens the spacing after the service answered a read with a
// throttling error.
func (p *Pacer) Throttled() {
	if p == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.spacing = min(p.spacing*2, maxSpacing)
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

// Spacing reports the current spacing between slots.
func (p *Pacer) Spacing() time.Duration {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.spacing
}
