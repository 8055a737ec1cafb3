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
			if _, err := p.Wait(context.Background()); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	return times
}

// waitOne lets one read go and returns the moment Wait reports.
func waitOne(t *testing.T, p *Pacer) time.Time {
	t.Helper()
	at, err := p.Wait(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if at.IsZero() {
		t.Fatal("Wait let a read go at the zero time")
	}
	return at
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
	at := waitOne(t, p)
	if !clock.Now().Equal(start) {
		t.Errorf("first read waited %s", clock.Now().Sub(start))
	}
	if !at.Equal(start) {
		t.Errorf("Wait reported the read let go at %s, want %s", at, start)
	}
}

// Wait reports the very moments it lets reads go.
func TestPacerWaitReportsRelease(t *testing.T) {
	p, clock := newTestPacer(DefaultMinSpacing)
	clock.oversleep = 70 * time.Millisecond
	var seen []time.Time
	p.released = func(at time.Time) { seen = append(seen, at) }
	for i := range 4 {
		if at := waitOne(t, p); !at.Equal(seen[i]) {
			t.Errorf("read %d: Wait reported %s, the pacer let it go at %s", i, at, seen[i])
		}
	}
}

// Each throttled read let go after the spacing last widened doubles it, up
// to the cap; unthrottled reads bring it back down to the minimum. (This
// test used to call Throttled() twice in a row without reads and expect
// four times the spacing; now a throttle counts only for a read let go
// after the last widening, so every throttle here follows a fresh read.)
func TestPacerBacksOffAndRecovers(t *testing.T) {
	p, _ := newTestPacer(DefaultMinSpacing)
	p.Throttled(waitOne(t, p))
	p.Throttled(waitOne(t, p))
	if got := p.Spacing(); got != 4*DefaultMinSpacing {
		t.Fatalf("spacing after two throttled reads = %s, want %s", got, 4*DefaultMinSpacing)
	}
	for range 100 {
		p.Throttled(waitOne(t, p))
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
	p.Throttled(waitOne(t, p))
	times := release(t, p, clock, 3)
	for i := 1; i < len(times); i++ {
		if gap := times[i].Sub(times[i-1]); gap < 2*DefaultMinSpacing {
			t.Errorf("after a throttle, reads %d and %d are %s apart, want at least %s", i-1, i, gap, 2*DefaultMinSpacing)
		}
	}
}

func TestPacerWaitHonoursContext(t *testing.T) {
	p := NewPacer(time.Hour)
	if _, err := p.Wait(context.Background()); err != nil {
		t.Fatalf("first read: %v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	errs := make([]error, 2)
	for i := range errs {
		wg.Add(1)
		go func() { // one sleeps holding the gate, one queues for it
			defer wg.Done()
			var at time.Time
			at, errs[i] = p.Wait(ctx)
			if errs[i] != nil && !at.IsZero() {
				t.Errorf("waiter %d: Wait failed (%v) yet reported a release at %s", i, errs[i], at)
			}
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
	at, err := p.Wait(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	p.Throttled(at)
	p.Succeeded()
}

// A burst: reads let go one after another under one spacing, all answered
// throttled (they were on their way before any answer came back). The
// first throttle doubles the spacing; the others belong to the same window
// and leave it alone.
func TestPacerBurstOfThrottlesDoublesOnce(t *testing.T) {
	for _, n := range []int{2, 5, 10} {
		p, _ := newTestPacer(DefaultMinSpacing)
		releases := make([]time.Time, n)
		for i := range releases {
			releases[i] = waitOne(t, p)
		}
		for _, at := range releases {
			p.Throttled(at)
		}
		if got := p.Spacing(); got != 2*DefaultMinSpacing {
			t.Errorf("%d reads released under one spacing, all throttled: spacing %s, want %s (one doubling)", n, got, 2*DefaultMinSpacing)
		}
		// The answers may come back in any order: the same holds when the
		// last read let go is the first one answered.
		p, _ = newTestPacer(DefaultMinSpacing)
		for i := range releases {
			releases[i] = waitOne(t, p)
		}
		for i := range releases {
			p.Throttled(releases[n-1-i])
		}
		if got := p.Spacing(); got != 2*DefaultMinSpacing {
			t.Errorf("%d reads, throttles answered last-released first: spacing %s, want %s", n, got, 2*DefaultMinSpacing)
		}
	}
}

// A throttle of a read let go after the spacing widened is news about the
// new spacing: it doubles the spacing again. Reads from the old window
// answered late still change nothing.
func TestPacerThrottleAfterWideningDoublesAgain(t *testing.T) {
	p, _ := newTestPacer(DefaultMinSpacing)
	old1, old2 := waitOne(t, p), waitOne(t, p)
	p.Throttled(old1)
	if got := p.Spacing(); got != 2*DefaultMinSpacing {
		t.Fatalf("after the first throttle: spacing %s, want %s", got, 2*DefaultMinSpacing)
	}
	fresh := waitOne(t, p)
	if gap := fresh.Sub(old2); gap < 2*DefaultMinSpacing {
		t.Errorf("the read after widening left %s after the previous one, want at least %s", gap, 2*DefaultMinSpacing)
	}
	p.Throttled(old2) // late answer from the old window
	if got := p.Spacing(); got != 2*DefaultMinSpacing {
		t.Fatalf("a late throttle from the old window changed the spacing to %s", got)
	}
	p.Throttled(fresh)
	if got := p.Spacing(); got != 4*DefaultMinSpacing {
		t.Fatalf("throttle of a read let go after widening: spacing %s, want %s", got, 4*DefaultMinSpacing)
	}
	// The window moves on: a read let go after the second widening, even
	// with the clock standing still in between, doubles once more.
	p.Throttled(waitOne(t, p))
	if got := p.Spacing(); got != 8*DefaultMinSpacing {
		t.Fatalf("third window: spacing %s, want %s", got, 8*DefaultMinSpacing)
	}
}

// Successes still narrow the spacing whichever window they belong to, and
// a throttle after recovery widens again from where it got to.
func TestPacerRecoversBetweenWindows(t *testing.T) {
	p, _ := newTestPacer(DefaultMinSpacing)
	p.Throttled(waitOne(t, p))
	p.Throttled(waitOne(t, p)) // 4x
	at := waitOne(t, p)
	p.Succeeded()
	want := 4*DefaultMinSpacing - 4*DefaultMinSpacing/10
	if got := p.Spacing(); got != want {
		t.Fatalf("after one success: spacing %s, want %s", got, want)
	}
	p.Throttled(at)
	if got := p.Spacing(); got != 2*want {
		t.Fatalf("throttle after a success: spacing %s, want %s", got, 2*want)
	}
}

// Under a burst of throttles the spacing still never lets three reads into
// one second, and the reads after it are spaced by the doubled spacing.
func TestPacerBurstKeepsMinSpacing(t *testing.T) {
	p, clock := newTestPacer(DefaultMinSpacing)
	clock.oversleep = 150 * time.Millisecond
	var times []time.Time
	p.released = func(at time.Time) { times = append(times, at) }
	var burst []time.Time
	for range 6 {
		burst = append(burst, waitOne(t, p))
	}
	for _, at := range burst {
		p.Throttled(at)
	}
	for range 4 {
		waitOne(t, p)
	}
	for i := 2; i < len(times); i++ {
		if gap := times[i].Sub(times[i-2]); gap < time.Second+200*time.Millisecond {
			t.Errorf("reads %d..%d within %s", i-2, i, gap)
		}
	}
	for i := len(burst) + 1; i < len(times); i++ {
		if gap := times[i].Sub(times[i-1]); gap < 2*DefaultMinSpacing {
			t.Errorf("after the burst, reads %d and %d are %s apart, want at least %s", i-1, i, gap, 2*DefaultMinSpacing)
		}
	}
}
