package ratecontrol

import (
	"context"
	"math"
	"sort"
	"testing"
	"time"

	"github.com/connect-cases/terraform-provider-cases/internal/apimodel"
)

func newTestBudget(quota Quota) (*Budget, *fakeClock) {
	clock := &fakeClock{now: t0}
	return newBudget(quota, clock.Now, clock.Sleep), clock
}

// TestBudgetPublishedFigures: each operation gets its published rate and a
// bucket smaller than the service's by what the rate earns in
// TransitTolerance; an operation the table does not list gets the "other"
// figures.
func TestBudgetPublishedFigures(t *testing.T) {
	b, _ := newTestBudget(PublishedQuotas)
	for op, want := range map[string]struct {
		rate  float64
		burst float64
	}{
		"CreateField":   {2, 4.8},
		"GetDomain":     {2, 4.8},
		"BatchGetField": {8, 24.2},
		"GetTemplate":   {6, 19.4},
		"DeleteField":   {2, 4.8},
	} {
		l := b.Limiter(op)
		if l.maxRate != want.rate || math.Abs(l.burst-want.burst) > 1e-9 {
			t.Errorf("%s: rate %v burst %v, want %v and %v", op, l.maxRate, l.burst, want.rate, want.burst)
		}
		if b.Limiter(op) != l {
			t.Errorf("%s: a second limiter", op)
		}
	}
}

// TestBudgetOverride: a configured rate or burst replaces the published one
// for every operation; zero keeps the published one.
func TestBudgetOverride(t *testing.T) {
	for _, tc := range []struct {
		rate      float64
		burst     int
		op        string
		wantRate  float64
		wantBurst float64
	}{
		{rate: 10, op: "CreateField", wantRate: 10, wantBurst: 4},
		{rate: 10, op: "BatchGetField", wantRate: 10, wantBurst: 24},
		{burst: 50, op: "CreateField", wantRate: 2, wantBurst: 49.8},
		{rate: 1000, burst: 1000, op: "GetDomain", wantRate: 1000, wantBurst: 900},
		{rate: 3, burst: 1, op: "GetDomain", wantRate: 3, wantBurst: 1},
	} {
		b, _ := newTestBudget(Override(PublishedQuotas, tc.rate, tc.burst))
		l := b.Limiter(tc.op)
		if l.maxRate != tc.wantRate || math.Abs(l.burst-tc.wantBurst) > 1e-9 {
			t.Errorf("rate %v burst %d, %s: got %v/%v, want %v/%v", tc.rate, tc.burst, tc.op, l.maxRate, l.burst, tc.wantRate, tc.wantBurst)
		}
	}
}

func TestNilBudgetLimitsNothing(t *testing.T) {
	var b *Budget
	if l := b.Limiter("CreateField"); l != nil {
		t.Errorf("nil budget gave %v", l)
	}
	if err := AddMiddleware(nil)(nil); err != nil {
		t.Error(err)
	}
}

// TestBudgetOperationsHaveSeparateBuckets: emptying CreateField's bucket
// leaves BatchGetField's full, as the service counts them, and a throttled
// CreateField slows CreateField only.
func TestBudgetOperationsHaveSeparateBuckets(t *testing.T) {
	b, clock := newTestBudget(PublishedQuotas)
	create := take(t, b.Limiter("CreateField"), 5)
	if create[3] != 0 || (create[4]-100*time.Millisecond).Abs() > time.Microsecond {
		t.Fatalf("CreateField releases %v, want 4 at once then one after 0.1 s (TransitTolerance)", create)
	}
	start := clock.Now()
	for range 23 {
		if _, err := b.Limiter("BatchGetField").Wait(context.Background()); err != nil {
			t.Fatal(err)
		}
	}
	if waited := clock.Now().Sub(start); waited != 0 {
		t.Errorf("23 BatchGetField waited %v after CreateField emptied its bucket, want 0", waited)
	}
	b.Limiter("CreateField").Throttled(t0.Add(create[4]))
	if got := b.Limiter("CreateField").Rate(); got != 1 {
		t.Errorf("CreateField rate after a throttle = %v, want 1", got)
	}
	if got := b.Limiter("BatchGetField").Rate(); got != 8 {
		t.Errorf("BatchGetField rate = %v, want 8", got)
	}
}

// TestHeadroomAbsorbsTransitDelay replays the limiter's releases, each
// delayed in transit by a different amount up to TransitTolerance, against
// the service's bucket for the operation (published rate and burst,
// starting full): none is throttled. With a bucket as large as the
// service's, the same replay is throttled.
func TestHeadroomAbsorbsTransitDelay(t *testing.T) {
	for _, op := range []string{"CreateField", "BatchGetField", "GetLayout"} {
		q := apimodel.CasesThrottlingQuota(op)
		for _, headroom := range []bool{true, false} {
			burst := ClientBurst(q)
			if !headroom {
				burst = float64(q.Burst)
			}
			clock := &fakeClock{now: t0}
			l := newLimiter(q.Rate, burst, clock.Now, clock.Sleep)
			var arrivals []time.Time
			maxDelay := TransitTolerance
			for i := range 100 {
				at, err := l.Wait(context.Background())
				if err != nil {
					t.Fatal(err)
				}
				// Requests are slowed in transit by almost the tolerance in
				// runs as long as the burst (the first run: the whole
				// first burst), then arrive at once for as many: the
				// quick ones catch up with the slow ones.
				delay := time.Duration(0)
				if (i/q.Burst)%2 == 0 {
					delay = maxDelay - time.Millisecond
				}
				arrivals = append(arrivals, at.Add(delay))
			}
			sort.Slice(arrivals, func(i, j int) bool { return arrivals[i].Before(arrivals[j]) })
			throttled := serviceThrottles(arrivals, q)
			if headroom && throttled != 0 {
				t.Errorf("%s with headroom: %d of 100 throttled, want 0", op, throttled)
			}
			if !headroom && throttled == 0 {
				t.Errorf("%s without headroom: none throttled; the test no longer shows what headroom is for", op)
			}
		}
	}
}

// serviceThrottles counts the arrivals the service's bucket for q (starting
// full at t0) would throttle.
func serviceThrottles(arrivals []time.Time, q apimodel.RateQuota) int {
	tokens, last, throttled := float64(q.Burst), t0, 0
	for _, at := range arrivals {
		tokens = min(float64(q.Burst), tokens+at.Sub(last).Seconds()*q.Rate)
		last = at
		if tokens < 1-1e-9 {
			throttled++
			continue
		}
		tokens--
	}
	return throttled
}
