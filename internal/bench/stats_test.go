package bench

import (
	"math"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

func TestMedian(t *testing.T) {
	s := time.Second
	for _, tc := range []struct {
		in   []time.Duration
		want time.Duration
	}{
		{nil, 0},
		{[]time.Duration{3 * s}, 3 * s},
		{[]time.Duration{5 * s, 1 * s, 3 * s}, 3 * s},
		{[]time.Duration{4 * s, 1 * s, 2 * s, 3 * s}, 2500 * time.Millisecond},
	} {
		if got := Median(tc.in); got != tc.want {
			t.Errorf("Median(%v) = %s, want %s", tc.in, got, tc.want)
		}
	}
	in := []time.Duration{3, 1, 2}
	Median(in)
	if in[0] != 3 || in[1] != 1 {
		t.Errorf("Median reordered its input: %v", in)
	}
}

func TestMedianRatioPairsRounds(t *testing.T) {
	ms := time.Millisecond
	// Round 2 is slow for both sides; the pairs stay at 1.2 or near it.
	a := []time.Duration{120 * ms, 600 * ms, 126 * ms}
	b := []time.Duration{100 * ms, 500 * ms, 100 * ms}
	if got := MedianRatio(a, b); math.Abs(got-1.2) > 1e-9 {
		t.Errorf("MedianRatio = %v, want 1.2", got)
	}
	if got := MedianRatio(nil, b); got != 0 {
		t.Errorf("MedianRatio without pairs = %v, want 0", got)
	}
	if got := MedianRatio(a[:2], b); math.Abs(got-1.2) > 1e-9 {
		t.Errorf("MedianRatio of unequal lengths = %v, want 1.2 over the common pairs", got)
	}
}

func TestPercentileNearestRank(t *testing.T) {
	var sorted []time.Duration
	for i := 1; i <= 100; i++ {
		sorted = append(sorted, time.Duration(i))
	}
	for p, want := range map[float64]time.Duration{50: 50, 99: 99, 100: 100, 0.5: 1} {
		if got := Percentile(sorted, p); got != want {
			t.Errorf("p%v = %d, want %d", p, got, want)
		}
	}
	if got := Percentile(nil, 99); got != 0 {
		t.Errorf("p99 of nothing = %d", got)
	}
}

func TestMaxInWindow(t *testing.T) {
	base := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	at := func(ms ...int) []time.Time {
		var out []time.Time
		for _, m := range ms {
			out = append(out, base.Add(time.Duration(m)*time.Millisecond))
		}
		return out
	}
	for _, tc := range []struct {
		name  string
		times []time.Time
		want  int
	}{
		{"none", nil, 0},
		{"one", at(5), 1},
		{"550 ms apart", at(0, 550, 1100, 1650, 2200), 2},
		{"window is half-open", at(0, 500, 1000), 2},
		{"just inside", at(0, 500, 999), 3},
		{"unsorted burst", at(3000, 0, 2100, 2200, 2300, 10), 4},
	} {
		if got := MaxInWindow(tc.times, time.Second); got != tc.want {
			t.Errorf("%s: MaxInWindow = %d, want %d", tc.name, got, tc.want)
		}
	}
}

func TestLastAnsweredSkipsThrottled(t *testing.T) {
	base := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	calls := []Call{
		{DomainID: "a", Answered: base.Add(1 * time.Second), Status: http.StatusOK},
		{DomainID: "a", Answered: base.Add(3 * time.Second), Status: http.StatusTooManyRequests},
		{DomainID: "a", Answered: base.Add(2 * time.Second), Status: http.StatusOK},
		{DomainID: "b", Answered: base.Add(4 * time.Second), Status: http.StatusTooManyRequests},
	}
	got := LastAnswered(calls)
	if want := base.Add(2 * time.Second); !got["a"].Equal(want) {
		t.Errorf("last answer of a = %s, want %s", got["a"], want)
	}
	if _, ok := got["b"]; ok {
		t.Error("b was never answered with 200 but has a last answer")
	}
}

func TestCallRecorderRecordsOnlyGetDomain(t *testing.T) {
	next := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasSuffix(r.URL.Path, "throttle-me") {
			w.WriteHeader(http.StatusTooManyRequests)
		}
	})
	rec := NewCallRecorder(next)
	for _, req := range []struct{ method, path string }{
		{http.MethodPost, "/domains/d-1"},             // GetDomain
		{http.MethodPost, "/domains/throttle-me"},     // GetDomain, throttled
		{http.MethodPost, "/domains"},                 // CreateDomain
		{http.MethodPost, "/domains-list"},            // ListDomains
		{http.MethodDelete, "/domains/d-1"},           // DeleteDomain
		{http.MethodPost, "/domains/d-1/fields-list"}, // ListFields
	} {
		rec.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest(req.method, req.path, nil))
	}
	calls := rec.Calls(time.Time{}, time.Now().Add(time.Hour))
	if len(calls) != 2 {
		t.Fatalf("recorded %d calls, want the 2 GetDomain: %+v", len(calls), calls)
	}
	if calls[0].DomainID != "d-1" || calls[0].Status != http.StatusOK {
		t.Errorf("first call = %+v, want d-1 answered 200", calls[0])
	}
	if calls[1].Status != http.StatusTooManyRequests {
		t.Errorf("second call = %+v, want 429", calls[1])
	}
	if calls[0].Answered.Before(calls[0].Arrived) {
		t.Errorf("answered before it arrived: %+v", calls[0])
	}
}

func TestFormatTableEscapesPipes(t *testing.T) {
	out := FormatTable([]Row{{Figure: "a|b", Value: "1"}})
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 3 {
		t.Fatalf("table has %d lines, want header, rule and one row:\n%s", len(lines), out)
	}
	if !strings.Contains(lines[2], `a\|b`) || !strings.Contains(lines[2], "| - |") {
		t.Errorf("row = %q, want the pipe escaped and empty cells as -", lines[2])
	}
}
