// Package coalesce turns many single-key reads into few batch reads. The
// Cases API reads fields with BatchGetField (up to 50 a request), and a
// refresh of a domain with many cases_field resources asks for them one
// resource at a time, up to Terraform's parallelism at once: one request
// per field spends the operation's rate (8 a second) for nothing. A Batcher
// lets the first read of a group (a domain) go as soon as its gate (the
// operation's rate limiter) lets it, and gathers the reads asked for while
// it waits and while it is in flight; they go together, in one request,
// after a short linger for more (a bulk read is in progress), as soon as
// it is answered. A lone read waits for nothing but its gate. The lower
// the rate, the larger the batches.
package coalesce

import (
	"context"
	"sync"
	"time"
)

// Fetch reads keys (distinct, at most the Batcher's max) of group in one
// request.
type Fetch[V any] func(ctx context.Context, group string, keys []string) (V, error)

// Gate waits until a request may leave (a rate limiter's token) and returns
// what marks a request's context as carrying that permission. A batch
// passes its gate before it decides which keys it holds, so that the reads
// asked for while it waited go with it.
type Gate func(ctx context.Context) (func(context.Context) context.Context, error)

// Batcher coalesces the reads of each group. Every caller of one batch gets
// the batch's whole answer and picks its own key out of it.
type Batcher[V any] struct {
	max   int
	gate  Gate
	fetch Fetch[V]
	// linger is how long a follow-on batch waits for more keys; sleep
	// waits (tests replace it).
	linger time.Duration
	sleep  func(time.Duration)

	mu     sync.Mutex
	groups map[string]*queue[V] // groups with a batch in flight
}

type queue[V any] struct {
	pending []*call[V]
}

type call[V any] struct {
	ctx  context.Context
	key  string
	done chan struct{}
	val  V
	err  error
}

// New returns a batcher sending at most maxKeys keys per fetch, each batch
// after passing gate (nil: no gate). A follow-on batch (reads that queued
// while the group's previous batch was in flight: a bulk read in
// progress), and a group whose batch was just answered, wait for more
// reads to join, linger at a time, while they keep coming (see gather); a
// group's first batch goes at once.
func New[V any](maxKeys int, linger time.Duration, gate Gate, fetch Fetch[V]) *Batcher[V] {
	return &Batcher[V]{max: max(maxKeys, 1), linger: linger, sleep: time.Sleep, gate: gate, fetch: fetch, groups: map[string]*queue[V]{}}
}

// Get reads key of group, in a batch with whatever other keys of the group
// are asked for meanwhile. It returns when the batch is answered, or when
// ctx ends.
func (b *Batcher[V]) Get(ctx context.Context, group, key string) (V, error) {
	c := &call[V]{ctx: ctx, key: key, done: make(chan struct{})}
	b.mu.Lock()
	q, running := b.groups[group]
	if !running {
		q = &queue[V]{}
		b.groups[group] = q
	}
	q.pending = append(q.pending, c)
	b.mu.Unlock()
	if !running {
		go b.drain(group, q)
	}
	select {
	case <-c.done:
		return c.val, c.err
	case <-ctx.Done():
		var zero V
		return zero, ctx.Err()
	}
}

// drain sends the group's pending reads, max keys at a time, until none is
// left.
func (b *Batcher[V]) drain(group string, q *queue[V]) {
	last := 0 // keys in the group's previous batch
	for first := true; ; first = false {
		if !first {
			b.gather(q, last)
		}
		waiting := b.live(group, q)
		if waiting == nil {
			return
		}
		mark := func(ctx context.Context) context.Context { return ctx }
		if b.gate != nil {
			ctx, cancel := batchContext(waiting)
			m, err := b.gate(ctx)
			cancel()
			if err != nil {
				// Every caller it waited for gave up; any
				// newcomer gets a gate of its own.
				continue
			}
			mark = m
		}
		b.mu.Lock()
		b.prune(q)
		if len(q.pending) == 0 {
			delete(b.groups, group)
			b.mu.Unlock()
			return
		}
		batch, keys := b.take(q)
		b.mu.Unlock()
		last = len(keys)

		ctx, cancel := batchContext(batch)
		val, err := b.fetch(mark(ctx), group, keys)
		cancel()
		for _, c := range batch {
			c.val, c.err = val, err
			close(c.done)
		}
	}
}

// live drops the calls whose callers gave up and returns a copy of the
// rest; with none left it retires the group's queue and returns nil.
func (b *Batcher[V]) live(group string, q *queue[V]) []*call[V] {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.prune(q)
	if len(q.pending) == 0 {
		delete(b.groups, group)
		return nil
	}
	return append([]*call[V](nil), q.pending...)
}

// maxLingers bounds how many lingers one follow-on batch waits.
const maxLingers = 4

// gather waits, linger at a time, for a follow-on batch to fill: while it
// is smaller than the group's previous batch (as many reads as the caller
// runs at once, in a bulk read) and still growing, for at most maxLingers
// lingers. The reads may not even be queued yet: the callers of the
// previous batch are handing their answers back and asking for the next.
func (b *Batcher[V]) gather(q *queue[V], last int) {
	if b.linger <= 0 {
		return
	}
	n := b.pending(q)
	for range maxLingers {
		if n >= b.max || (n > 0 && n >= last) {
			return
		}
		b.sleep(b.linger)
		grown := b.pending(q)
		if grown == n {
			return
		}
		n = grown
	}
}

// pending counts the queued calls.
func (b *Batcher[V]) pending(q *queue[V]) int {
	b.mu.Lock()
	defer b.mu.Unlock()
	return len(q.pending)
}

// prune drops the calls whose callers gave up; b.mu is held.
func (b *Batcher[V]) prune(q *queue[V]) {
	live := q.pending[:0]
	for _, c := range q.pending {
		if c.ctx.Err() == nil {
			live = append(live, c)
		}
	}
	clear(q.pending[len(live):])
	q.pending = live
}

// take removes from q the calls of up to max distinct keys, in the order
// they came; b.mu is held.
func (b *Batcher[V]) take(q *queue[V]) ([]*call[V], []string) {
	seen := map[string]bool{}
	var batch, rest []*call[V]
	var keys []string
	for _, c := range q.pending {
		if !seen[c.key] && len(keys) == b.max {
			rest = append(rest, c)
			continue
		}
		if !seen[c.key] {
			seen[c.key] = true
			keys = append(keys, c.key)
		}
		batch = append(batch, c)
	}
	q.pending = rest
	return batch, keys
}

// batchContext keeps the values of the first caller's context (loggers)
// and ends when every caller of the batch has given up, so that one
// caller's cancellation does not fail the others.
func batchContext[V any](batch []*call[V]) (context.Context, context.CancelFunc) {
	ctx, cancel := context.WithCancel(context.WithoutCancel(batch[0].ctx))
	var mu sync.Mutex
	left := len(batch)
	stops := make([]func() bool, 0, len(batch))
	for _, c := range batch {
		stops = append(stops, context.AfterFunc(c.ctx, func() {
			mu.Lock()
			defer mu.Unlock()
			if left--; left == 0 {
				cancel()
			}
		}))
	}
	return ctx, func() {
		for _, stop := range stops {
			stop()
		}
		cancel()
	}
}
