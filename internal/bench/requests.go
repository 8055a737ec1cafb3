package bench

import (
	"context"
	"net"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"sync"
	"time"
)

// getDomainID returns the domain id of a GetDomain call, POST
// /domains/{domainId} (smithy.api#http of GetDomain in the Cases model),
// and whether r is one.
func getDomainID(r *http.Request) (string, bool) {
	if r.Method != http.MethodPost {
		return "", false
	}
	rest, ok := strings.CutPrefix(r.URL.EscapedPath(), "/domains/")
	if !ok || rest == "" || strings.Contains(rest, "/") {
		return "", false
	}
	id, err := url.PathUnescape(rest)
	if err != nil {
		return "", false
	}
	return id, true
}

// Call is one GetDomain call as the server saw it.
type Call struct {
	DomainID string
	// Arrived is when the request reached the server, Answered when its
	// response had been written.
	Arrived, Answered time.Time
	Status            int
}

// CallRecorder wraps a Cases API handler (the emulator) and notes every
// GetDomain call that passes through it, whatever the emulator answers:
// throttling is injected by the emulator's own fault rules, so throttled
// calls are recorded too.
type CallRecorder struct {
	next http.Handler

	mu    sync.Mutex
	calls []Call
}

// NewCallRecorder records the GetDomain calls to next.
func NewCallRecorder(next http.Handler) *CallRecorder {
	return &CallRecorder{next: next}
}

func (c *CallRecorder) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	id, ok := getDomainID(r)
	if !ok {
		c.next.ServeHTTP(w, r)
		return
	}
	call := Call{DomainID: id, Arrived: time.Now()}
	sw := &statusWriter{ResponseWriter: w, status: http.StatusOK}
	c.next.ServeHTTP(sw, r)
	call.Answered, call.Status = time.Now(), sw.status
	c.mu.Lock()
	c.calls = append(c.calls, call)
	c.mu.Unlock()
}

// statusWriter remembers the status a handler wrote.
type statusWriter struct {
	http.ResponseWriter
	status int
}

func (w *statusWriter) WriteHeader(status int) {
	w.status = status
	w.ResponseWriter.WriteHeader(status)
}

// Calls returns the GetDomain calls that arrived in [from, to), in the
// order they were answered.
func (c *CallRecorder) Calls(from, to time.Time) []Call {
	c.mu.Lock()
	defer c.mu.Unlock()
	var out []Call
	for _, call := range c.calls {
		if !call.Arrived.Before(from) && call.Arrived.Before(to) {
			out = append(out, call)
		}
	}
	return out
}

// Arrivals returns the arrival times of calls.
func Arrivals(calls []Call) []time.Time {
	out := make([]time.Time, len(calls))
	for i, c := range calls {
		out[i] = c.Arrived
	}
	return out
}

// LastAnswered returns, per domain id, the last call answered with 200:
// the read that saw Active ends a waiter, so its answer is the moment the
// provider's Create returns, less the time to decode one response.
func LastAnswered(calls []Call) map[string]time.Time {
	out := map[string]time.Time{}
	for _, c := range calls {
		if c.Status == http.StatusOK && c.Answered.After(out[c.DomainID]) {
			out[c.DomainID] = c.Answered
		}
	}
	return out
}

// MaxInWindow returns the largest number of the given times that fall in
// any half-open window [t, t+window).
func MaxInWindow(times []time.Time, window time.Duration) int {
	sorted := slices.Clone(times)
	slices.SortFunc(sorted, func(a, b time.Time) int { return a.Compare(b) })
	best, start := 0, 0
	for end := range sorted {
		for sorted[end].Sub(sorted[start]) >= window {
			start++
		}
		best = max(best, end-start+1)
	}
	return best
}

// serve serves h on a free port of 127.0.0.1 until stop is called.
func serve(h http.Handler) (url string, stop func(), err error) {
	listener, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", nil, err
	}
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second}
	done := make(chan struct{})
	go func() {
		defer close(done)
		_ = srv.Serve(listener) // http.ErrServerClosed once stop runs
	}()
	stop = func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		if srv.Shutdown(ctx) != nil {
			_ = srv.Close()
		}
		<-done
	}
	return "http://" + listener.Addr().String(), stop, nil
}
