package coalesce

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// recorder is a Fetch that records its batches and, while gate is set,
// blocks each fetch until the test lets it go.
type recorder struct {
	mu      sync.Mutex
	batches [][]string
	started chan context.Context
	release chan error
}

func newRecorder() *recorder {
	return &recorder{started: make(chan context.Context, 100), release: make(chan error, 100)}
}

func (r *recorder) fetch(ctx context.Context, group string, keys []string) (string, error) {
	r.mu.Lock()
	r.batches = append(r.batches, slices.Clone(keys))
	r.mu.Unlock()
	r.started <- ctx
	if err := <-r.release; err != nil {
		return "", err
	}
	return fmt.Sprintf("%s:%v", group, keys), nil
}

// waitPending waits until n calls of group are queued behind its batch in
// flight (no sleeping on a clock: it yields until the queue says so).
func waitPending[V any](b *Batcher[V], group string, n int) {
	for {
		b.mu.Lock()
		q := b.groups[group]
		got := 0
		if q != nil {
			got = len(q.pending)
		}
		b.mu.Unlock()
		if got >= n {
			return
		}
		runtime.Gosched()
	}
}

// waitRetired waits until group has no queue (its drain ended).
func waitRetired[V any](b *Batcher[V], group string) {
	for {
		b.mu.Lock()
		_, running := b.groups[group]
		b.mu.Unlock()
		if !running {
			return
		}
		runtime.Gosched()
	}
}

type result struct {
	val string
	err error
}

func get(ctx context.Context, b *Batcher[string], group, key string) chan result {
	ch := make(chan result, 1)
	go func() {
		v, err := b.Get(ctx, group, key)
		ch <- result{v, err}
	}()
	return ch
}

// TestBatcherGathersWhileInFlight: the first read goes alone and at once;
// reads asked for while it is in flight go together next, duplicates once,
// at most max keys a batch.
func TestBatcherGathersWhileInFlight(t *testing.T) {
	r := newRecorder()
	b := New(3, 0, nil, r.fetch)
	ctx := context.Background()
	first := get(ctx, b, "d1", "a")
	<-r.started
	keys := []string{"b", "c", "b", "d", "e"}
	var later []chan result
	for _, k := range keys {
		later = append(later, get(ctx, b, "d1", k))
	}
	waitPending(b, "d1", 5)
	for range 3 {
		r.release <- nil
	}
	if got := <-first; got.err != nil || got.val != "d1:[a]" {
		t.Fatalf("first read = %+v", got)
	}
	// Which keys share the second batch depends on the order the
	// callers queued in; each caller's answer holds its key.
	for i, ch := range later {
		got := <-ch
		if got.err != nil {
			t.Fatal(got.err)
		}
		if !strings.Contains(got.val, keys[i]) {
			t.Errorf("read of %s answered %s", keys[i], got.val)
		}
	}
	var sizes []int
	var all []string
	for _, batch := range r.batches[1:] {
		sizes = append(sizes, len(batch))
		all = append(all, batch...)
	}
	slices.Sort(all)
	if len(r.batches) != 3 || !slices.Equal(sizes, []int{3, 1}) || !slices.Equal(all, []string{"b", "c", "d", "e"}) {
		t.Errorf("batches %v, want [a], then 3 of b c d e, then the last", r.batches)
	}
}

// TestBatcherGroupsAreSeparate: reads of another group do not wait for a
// batch in flight.
func TestBatcherGroupsAreSeparate(t *testing.T) {
	r := newRecorder()
	b := New(50, 0, nil, r.fetch)
	one := get(context.Background(), b, "d1", "a")
	<-r.started
	two := get(context.Background(), b, "d2", "a")
	<-r.started // d2's fetch started while d1's is still in flight
	r.release <- nil
	r.release <- nil
	a, c := <-one, <-two
	if a.val != "d1:[a]" || c.val != "d2:[a]" {
		t.Errorf("answers %q, %q", a.val, c.val)
	}
}

// TestBatcherErrorReachesEveryCaller: a failed batch fails each of its
// callers with the same error.
func TestBatcherErrorReachesEveryCaller(t *testing.T) {
	r := newRecorder()
	b := New(50, 0, nil, r.fetch)
	boom := errors.New("boom")
	first := get(context.Background(), b, "d", "a")
	<-r.started
	x, y := get(context.Background(), b, "d", "x"), get(context.Background(), b, "d", "y")
	waitPending(b, "d", 2)
	r.release <- nil
	<-first
	<-r.started
	r.release <- boom
	for _, ch := range []chan result{x, y} {
		if got := <-ch; !errors.Is(got.err, boom) {
			t.Errorf("err = %v, want boom", got.err)
		}
	}
}

// TestBatcherCancellation: a caller that gives up returns its ctx's error
// and does not cancel the batch the others wait for; the batch's context
// ends only when every caller of it has given up.
func TestBatcherCancellation(t *testing.T) {
	r := newRecorder()
	b := New(50, 0, nil, r.fetch)
	ctx1, cancel1 := context.WithCancel(context.Background())
	ctx2, cancel2 := context.WithCancel(context.Background())
	first := get(ctx1, b, "d", "a")
	batchCtx := <-r.started
	second := get(ctx2, b, "d", "a")
	waitPending(b, "d", 1)
	// second joined the queue behind the first batch; cancel the first
	// caller: its batch keeps going for nobody else, so it ends.
	cancel1()
	if got := <-first; !errors.Is(got.err, context.Canceled) {
		t.Fatalf("first = %+v, want context.Canceled", got)
	}
	<-batchCtx.Done() // every caller of the first batch gave up
	r.release <- nil
	next := <-r.started
	cancel2()
	if got := <-second; !errors.Is(got.err, context.Canceled) {
		t.Fatalf("second = %+v, want context.Canceled", got)
	}
	<-next.Done()
	r.release <- nil
}

// TestBatcherOneCancelledCallerKeepsTheBatch: with two callers in one
// batch, one giving up leaves the batch's context alive.
func TestBatcherOneCancelledCallerKeepsTheBatch(t *testing.T) {
	r := newRecorder()
	b := New(50, 0, nil, r.fetch)
	lead := get(context.Background(), b, "d", "lead")
	<-r.started
	ctx1, cancel1 := context.WithCancel(context.Background())
	x := get(ctx1, b, "d", "x")
	y := get(context.Background(), b, "d", "y")
	waitPending(b, "d", 2)
	r.release <- nil
	<-lead
	batchCtx := <-r.started
	cancel1()
	if got := <-x; !errors.Is(got.err, context.Canceled) {
		t.Fatalf("x = %+v", got)
	}
	if batchCtx.Err() != nil {
		t.Fatal("one caller of two gave up and the batch was canceled")
	}
	r.release <- nil
	if got := <-y; got.err != nil || (got.val != "d:[x y]" && got.val != "d:[y x]") {
		t.Errorf("y = %+v", got)
	}
}

type markKey struct{}

// TestBatcherGateDecidesTheBatch: the keys asked for while a batch waits
// at its gate go with it, and the fetch sees the gate's mark.
func TestBatcherGateDecidesTheBatch(t *testing.T) {
	r := newRecorder()
	gateEntered := make(chan struct{}, 10)
	gateOpen := make(chan struct{})
	gate := func(ctx context.Context) (func(context.Context) context.Context, error) {
		gateEntered <- struct{}{}
		select {
		case <-gateOpen:
		case <-ctx.Done():
			return nil, ctx.Err()
		}
		return func(ctx context.Context) context.Context { return context.WithValue(ctx, markKey{}, "token") }, nil
	}
	b := New(50, 0, gate, func(ctx context.Context, group string, keys []string) (string, error) {
		if ctx.Value(markKey{}) != "token" {
			t.Error("fetch without the gate's mark")
		}
		return r.fetch(ctx, group, keys)
	})
	chans := []chan result{get(context.Background(), b, "d", "a")}
	<-gateEntered
	for _, k := range []string{"b", "c"} {
		chans = append(chans, get(context.Background(), b, "d", k))
	}
	waitPending(b, "d", 3)
	close(gateOpen)
	<-r.started
	r.release <- nil
	for _, ch := range chans {
		if got := <-ch; got.err != nil || len(got.val) != len("d:[a b c]") {
			t.Errorf("answer %+v, want all three keys in one batch", got)
		}
	}
	if len(r.batches) != 1 {
		t.Errorf("batches %v, want one", r.batches)
	}
}

// TestBatcherLingersForFollowOnBatches: a follow-on batch smaller than
// the group's previous one waits a linger (a fake sleep here, during which
// two more reads come) and takes what joined it; one that already matches
// the previous batch, and the group's first batch, do not wait.
func TestBatcherLingersForFollowOnBatches(t *testing.T) {
	r := newRecorder()
	b := New(50, 7, nil, r.fetch)
	var mu sync.Mutex
	var slept []time.Duration
	var late []chan result
	b.sleep = func(d time.Duration) {
		mu.Lock()
		defer mu.Unlock()
		slept = append(slept, d)
		if len(slept) == 1 {
			late = append(late, get(context.Background(), b, "d", "y"), get(context.Background(), b, "d", "z"))
			waitPending(b, "d", 3)
		}
	}
	sleeps := func() int {
		mu.Lock()
		defer mu.Unlock()
		return len(slept)
	}
	first := get(context.Background(), b, "d", "a")
	<-r.started
	second := []chan result{get(context.Background(), b, "d", "b"), get(context.Background(), b, "d", "c")}
	waitPending(b, "d", 2)
	r.release <- nil // [a]
	<-first
	<-r.started // [b c]: two reads queued behind a batch of one, no wait
	if n := sleeps(); n != 0 {
		t.Fatalf("%d lingers before the second batch, want none", n)
	}
	x := get(context.Background(), b, "d", "x")
	waitPending(b, "d", 1)
	r.release <- nil // [b c]
	for _, ch := range second {
		<-ch
	}
	<-r.started // [x y z]: one read behind a batch of two lingered
	r.release <- nil
	mu.Lock()
	lateCopy := late
	mu.Unlock()
	for _, ch := range append(lateCopy, x) {
		if got := <-ch; got.err != nil || len(got.val) != len("d:[x y z]") {
			t.Errorf("answer %+v, want x, y and z in one batch", got)
		}
	}
	waitRetired(b, "d")
	mu.Lock()
	defer mu.Unlock()
	// One linger before the third batch, one after it (nothing joined:
	// the group retires).
	if len(slept) != 2 || slept[0] != 7 {
		t.Errorf("slept %v, want two lingers of 7ns", slept)
	}
}

// TestBatcherLingersBeforeRetiring: reads that come just after a batch was
// answered (its callers' next reads) join one follow-on batch instead of
// starting a new group whose first read goes alone.
func TestBatcherLingersBeforeRetiring(t *testing.T) {
	r := newRecorder()
	b := New(50, 7, nil, r.fetch)
	var mu sync.Mutex
	var next []chan result
	lingers := 0
	b.sleep = func(time.Duration) {
		mu.Lock()
		defer mu.Unlock()
		lingers++
		if lingers == 1 {
			next = append(next, get(context.Background(), b, "d", "b"), get(context.Background(), b, "d", "c"))
			waitPending(b, "d", 2)
		}
	}
	first := get(context.Background(), b, "d", "a")
	<-r.started
	r.release <- nil
	<-first
	<-r.started
	r.release <- nil
	mu.Lock()
	nextCopy := next
	mu.Unlock()
	for _, ch := range nextCopy {
		if got := <-ch; got.err != nil || len(got.val) != len("d:[b c]") {
			t.Errorf("answer %+v, want b and c in one batch", got)
		}
	}
	if len(r.batches) != 2 {
		t.Errorf("batches %v, want [a] then [b c]", r.batches)
	}
}
