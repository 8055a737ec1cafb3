package poll

import (
	"context"
	"sync"
	"testing"
	"time"
)

// fakeClock is a clock whose sleeps return at once, having moved the clock
// on by the time asked plus an optional oversleep (a timer that fires late).
type fakeClock struct {
	mu        sync.Mutex
	now       time.Time
	oversleep time.Duration
}

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *fakeClock) Sleep(ctx context.Context, d time.Duration) error {
	c.mu.Lock()
	c.now = c.now.Add(d + c.oversleep)
	c.mu.Unlock()
	return ctx.Err()
}

func newTestPacer(spacing time.Duration) (*Pacer, *fakeClock) {
	clock := &fakeClock{now: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}
	p := NewPacer(spacing)
	p.now, p.sleep = clock.Now, clock.Sleep
	return p, clock
}

// release runs n waiters at once and returns the moments the pacer let
// them go, by its own clock, in the order it let them go.
func release(t *testing.T, p *Pacer, clock *fakeClock, n int) []time.Time {
	t.Helper()
	var times []time.Time
	p.released = func(at time.Time) { times = append(times, at) } // under p.mu
	var wg sync.WaitGroup
	for range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := p.Wait(context.Background()); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	return times
}

func TestPacerSpacesReads(t *testing.T) {
	for _, oversleep := range []time.Duration{0, 300 * time.Millisecond} {
		p, clock := newTestPacer(DefaultMinSpacing)
		clock.oversleep = oversleep
		times := release(t, p, clock, 8)
		if len(times) != 8 {
			t.Fatalf("%d of 8 waiters let go", len(times))
		}
		for i := 1; i < len(times); i++ {
			if gap := times[i].Sub(times[i-1]); gap < DefaultMinSpacing {
				t.Errorf("oversleep %s: reads %d and %d are %s apart, want at least %s", oversleep, i-1, i, gap, DefaultMinSpacing)
			}
		}
		// No one-second window holds more than two reads, with margin.
		for i := 2; i < len(times); i++ {
			if gap := times[i].Sub(times[i-2]); gap < time.Second+200*time.Millisecond {
				t.Errorf("oversleep %s: reads %d..%d within %s", oversleep, i-2, i, gap)
			}
		}
	}
}

func TestPacerFirstReadDoesNotWait(t *testing.T) {
	p, clock := newTestPacer(time.Hour)
	start := clock.Now()
	if err := p.Wait(context.Background()); err != nil {
		t.Fatal(err)
	}
	if !clock.Now().Equal(start) {
		t.Errorf("first read waited %s", clock.Now().Sub(start))
	}
}

func TestPacerBacksOffAndRecovers(t *testing.T) {
	p := NewPacer(DefaultMinSpacing)
	p.Throttled()
	p.Throttled()
	if got := p.Spacing(); got != 4*DefaultMinSpacing {
		t.Fatalf("spacing after two throttles = %s, want %s", got, 4*DefaultMinSpacing)
	}
	for range 100 {
		p.Throttled()
	}
	if got := p.Spacing(); got != maxSpacing {
		t.Fatalf("spacing = %s, want the cap %s", got, maxSpacing)
	}
	for range 200 {
		p.Succeeded()
	}
	if got := p.Spacing(); got != DefaultMinSpacing {
		t.Fatalf("spacing after recovery = %s, want %s", got, DefaultMinSpacing)
	}
}

func TestPacerThrottledWidensGaps(t *testing.T) {
	p, clock := newTestPacer(DefaultMinSpacing)
	p.Throttled()
	times := release(t, p, clock, 3)
	for i := 1; i < len(times); i++ {
		if gap := times[i].Sub(times[i-1]); gap < 2*DefaultMinSpacing {
			t.Errorf("after a throttle, reads %d and %d are %s apart, want at least %s", i-1, i, gap, 2*DefaultMinSpacing)
		}
	}
}

func TestPacerWaitHonoursContext(t *testing.T) {
	p := NewPacer(time.Hour)
	if err := p.Wait(context.Background()); err != nil {
		t.Fatalf("first read: %v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	errs := make([]error, 2)
	for i := range errs {
		wg.Add(1)
		go func() { // one sleeps holding the gate, one queues for it
			defer wg.Done()
			errs[i] = p.Wait(ctx)
		}()
	}
	cancel()
	wg.Wait()
	for i, err := range errs {
		if err == nil {
			t.Errorf("waiter %d: Wait returned nil after its context was canceled", i)
		}
	}
}

func TestNilPacerIsNoOp(t *testing.T) {
	var p *Pacer
	if err := p.Wait(context.Background()); err != nil {
		t.Fatal(err)
	}
	p.Throttled()
	p.Succeeded()
}
