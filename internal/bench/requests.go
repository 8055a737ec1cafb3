package bench

import (
	"context"
	"math/rand/v2"
	"net"
	"net/http"
	"slices"
	"strings"
	"sync"
	"time"
)

// isGetDomain reports whether r is a GetDomain call: POST /domains/{domainId}
// (smithy.api#http of GetDomain in the Cases model).
func isGetDomain(r *http.Request) bool {
	if r.Method != http.MethodPost {
		return false
	}
	rest, ok := strings.CutPrefix(r.URL.EscapedPath(), "/domains/")
	return ok && rest != "" && !strings.Contains(rest, "/")
}

// throttleBody is what the Cases API answers a throttled call with.
const throttleBody = `{"__type":"ThrottlingException","message":"Rate exceeded"}`

// CallRecorder wraps a Cases API handler: it notes the time of every
// GetDomain call and answers a share of them with 429 ThrottlingException
// instead of passing them on.
type CallRecorder struct {
	next http.Handler

	mu            sync.Mutex
	rng           *rand.Rand // nil: throttle nothing
	throttleShare float64
	getDomain     []time.Time // every GetDomain call, throttled or not
	throttled     int
}

// NewCallRecorder records GetDomain calls to next. throttleShare (0..1) of
// them, drawn from a generator seeded with seed, are throttled.
func NewCallRecorder(next http.Handler, throttleShare float64, seed uint64) *CallRecorder {
	c := &CallRecorder{next: next, throttleShare: throttleShare}
	if throttleShare > 0 {
		c.rng = rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	}
	return c
}

func (c *CallRecorder) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if !isGetDomain(r) {
		c.next.ServeHTTP(w, r)
		return
	}
	c.mu.Lock()
	c.getDomain = append(c.getDomain, time.Now())
	throttle := c.rng != nil && c.rng.Float64() < c.throttleShare
	if throttle {
		c.throttled++
	}
	c.mu.Unlock()
	if !throttle {
		c.next.ServeHTTP(w, r)
		return
	}
	h := w.Header()
	h["X-Amzn-ErrorType"] = []string{"ThrottlingException"}
	h.Set("Content-Type", "application/json")
	w.WriteHeader(http.StatusTooManyRequests)
	_, _ = w.Write([]byte(throttleBody))
}

// GetDomainCalls returns the times of the GetDomain calls in [from, to).
func (c *CallRecorder) GetDomainCalls(from, to time.Time) []time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	var out []time.Time
	for _, t := range c.getDomain {
		if !t.Before(from) && t.Before(to) {
			out = append(out, t)
		}
	}
	return out
}

// Throttled returns how many GetDomain calls were answered with 429.
func (c *CallRecorder) Throttled() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.throttled
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
