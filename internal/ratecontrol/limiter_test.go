package ratecontrol

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"
)

// fakeClock moves only when a waiter sleeps: each sleep returns at once,
// the clock moved on by the time asked.
type fakeClock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *fakeClock) Sleep(ctx context.Context, d time.Duration) error {
	c.mu.Lock()
	c.now = c.now.Add(d)
	c.mu.Unlock()
	return ctx.Err()
}

func (c *fakeClock) Advance(d time.Duration) {
	c.mu.Lock()
	c.now = c.now.Add(d)
	c.mu.Unlock()
}

var t0 = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

func newTestLimiter(rate float64, burst int) (*Limiter, *fakeClock) {
	clock := &fakeClock{now: t0}
	return newLimiter(rate, float64(burst), clock.Now, clock.Sleep), clock
}

// take lets n requests go one after another and returns when each left,
// as offsets from t0.
func take(t *testing.T, l *Limiter, n int) []time.Duration {
	t.Helper()
	out := make([]time.Duration, 0, n)
	for range n {
		at, err := l.Wait(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, at.Sub(t0))
	}
	return out
}

// TestLimiterBurstThenRate: a full bucket lets burst requests go at once,
// then one every 1/rate, which is what the service's bucket admits.
func TestLimiterBurstThenRate(t *testing.T) {
	l, _ := newTestLimiter(2, 5)
	got := take(t, l, 8)
	want := []time.Duration{0, 0, 0, 0, 0, 500 * time.Millisecond, time.Second, 1500 * time.Millisecond}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("release times = %v, want %v", got, want)
		}
	}
}

// TestLimiterNeverExceedsTheServiceBucket replays the releases against the
// bucket the service keeps (same rate and burst, starting full): none would
// be throttled, even with concurrent waiters.
func TestLimiterNeverExceedsTheServiceBucket(t *testing.T) {
	const rate, burst = 2.0, 5
	l, _ := newTestLimiter(rate, burst)
	var mu sync.Mutex
	var releases []time.Time
	var wg sync.WaitGroup
	for range 40 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			at, err := l.Wait(context.Background())
			if err != nil {
				t.Error(err)
				return
			}
			mu.Lock()
			releases = append(releases, at)
			mu.Unlock()
		}()
	}
	wg.Wait()
	// The service's bucket.
	tokens, last := float64(burst), t0
	sortTimes(releases)
	for i, at := range releases {
		tokens = min(float64(burst), tokens+at.Sub(last).Seconds()*rate)
		last = at
		if tokens < 1-1e-9 {
			t.Fatalf("release %d at %v would be throttled (%.3f tokens)", i, at.Sub(t0), tokens)
		}
		tokens--
	}
	if end := releases[len(releases)-1].Sub(t0); end != 17500*time.Millisecond {
		t.Errorf("40 requests took %v, want 17.5s ((40-5)/2)", end)
	}
}

func sortTimes(ts []time.Time) {
	for i := 1; i < len(ts); i++ {
		for j := i; j > 0 && ts[j].Before(ts[j-1]); j-- {
			ts[j], ts[j-1] = ts[j-1], ts[j]
		}
	}
}

// TestLimiterThrottledHalvesOncePerWindow: requests let go under one rate
// and throttled together halve it once; a throttled request let go after
// the rate fell halves it again. The floor is a sixteenth of the rate.
func TestLimiterThrottledHalvesOncePerWindow(t *testing.T) {
	l, _ := newTestLimiter(2, 5)
	burst := take(t, l, 5)
	for range burst {
		l.Throttled(t0) // all five left at t0, before the rate fell
	}
	if got := l.Rate(); got != 1 {
		t.Fatalf("rate after one throttled burst = %v, want 1", got)
	}
	// The bucket was emptied: the next request waits a whole 1/rate.
	next := take(t, l, 1)[0]
	if next != time.Second {
		t.Errorf("next request left at %v, want 1s (empty bucket at 1/s)", next)
	}
	l.Throttled(t0.Add(next))
	if got := l.Rate(); got != 0.5 {
		t.Fatalf("rate after a throttle in the new window = %v, want 0.5", got)
	}
	for range 10 {
		at := take(t, l, 1)[0]
		l.Throttled(t0.Add(at))
	}
	if got := l.Rate(); got != 2.0/minRateShare {
		t.Errorf("rate after many throttles = %v, want the floor %v", got, 2.0/minRateShare)
	}
}

// TestLimiterRecoversGently: each success raises the rate by a ninth (the
// spacing falls by a tenth), never above the configured rate.
func TestLimiterRecoversGently(t *testing.T) {
	l, _ := newTestLimiter(2, 5)
	l.Throttled(t0.Add(take(t, l, 1)[0]))
	if got := l.Rate(); got != 1 {
		t.Fatalf("rate = %v, want 1", got)
	}
	l.Succeeded()
	if got, want := l.Rate(), 1+1.0/9; got != want {
		t.Errorf("rate after one success = %v, want %v", got, want)
	}
	successes := 1
	for l.Rate() < 2 {
		l.Succeeded()
		successes++
	}
	if l.Rate() != 2 || successes != 7 {
		t.Errorf("rate %v after %d successes, want 2 after 7", l.Rate(), successes)
	}
}

func TestLimiterWaitEndsWithContext(t *testing.T) {
	clock := &fakeClock{now: t0}
	blocked := make(chan struct{})
	l := newLimiter(1, 1, clock.Now, func(ctx context.Context, _ time.Duration) error {
		close(blocked)
		<-ctx.Done()
		return ctx.Err()
	})
	take(t, l, 1)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error)
	go func() { _, err := l.Wait(ctx); done <- err }()
	<-blocked
	cancel()
	if err := <-done; !errors.Is(err, context.Canceled) {
		t.Errorf("Wait = %v, want context.Canceled", err)
	}
}

func TestNilLimiterLimitsNothing(t *testing.T) {
	for _, rate := range []float64{0, -1} {
		if l := New(rate, 5); l != nil {
			t.Errorf("New(%v) = %v, want nil", rate, l)
		}
	}
	var l *Limiter
	if at, err := l.Wait(context.Background()); err != nil || !at.IsZero() {
		t.Errorf("nil Wait = %v, %v", at, err)
	}
	l.Throttled(t0)
	l.Succeeded()
}
