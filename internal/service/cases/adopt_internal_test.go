package cases

import (
	"context"
	"errors"
	"net/http"
	"sync"
	"testing"
	"time"

	awstypes "github.com/aws/aws-sdk-go-v2/service/connectcases/types"
	smithyhttp "github.com/aws/smithy-go/transport/http"
)

func responseError(status int, err error) error {
	return &smithyhttp.ResponseError{Response: &smithyhttp.Response{Response: &http.Response{StatusCode: status}}, Err: err}
}

func TestAttemptLog_ambiguous(t *testing.T) {
	for _, c := range []struct {
		name string
		errs []error
		want bool
	}{
		{"success", []error{nil}, false},
		{"conflict", []error{responseError(409, &awstypes.ConflictException{})}, false},
		{"throttled then conflict", []error{responseError(429, nil), responseError(409, nil)}, false},
		{"500", []error{responseError(500, nil)}, true},
		{"500 then conflict", []error{responseError(500, nil), responseError(409, nil)}, true},
		{"no answer (status 0)", []error{responseError(0, errors.New("EOF"))}, true},
		{"unreadable 200", []error{responseError(200, errors.New("bad JSON"))}, true},
		{"not an answer at all", []error{context.DeadlineExceeded}, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			l := &attemptLog{}
			for _, err := range c.errs {
				l.record(err)
			}
			if got := l.ambiguous(); got != c.want || l.count() != len(c.errs) {
				t.Errorf("ambiguous = %v after %d attempts, want %v after %d", got, l.count(), c.want, len(c.errs))
			}
		})
	}
}

// A caller never gets a list that started before it asked: one that
// arrives while a list runs waits for the next, which every such caller
// shares.
func TestSnapshotGroup_listStartsAfterTheCallerAsked(t *testing.T) {
	g := &snapshotGroup{running: map[string]bool{}, next: map[string]*snapshotCall{}}
	release := make(chan struct{})
	started := make(chan int, 10)
	var mu sync.Mutex
	calls := 0
	list := func(context.Context) (any, error) {
		mu.Lock()
		calls++
		n := calls
		mu.Unlock()
		started <- n
		<-release
		return n, nil
	}
	results := make(chan int, 3)
	take := func() {
		out, err := g.take(context.Background(), "scope", list)
		if err != nil {
			t.Error(err)
		}
		results <- out.(int)
	}
	go take()
	if n := <-started; n != 1 {
		t.Fatalf("first list is call %d", n)
	}
	// Two callers arrive while list 1 runs.
	go take()
	go take()
	deadline := time.Now().Add(5 * time.Second)
	for {
		g.mu.Lock()
		c := g.next["scope"]
		g.mu.Unlock()
		if c != nil {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the late callers never queued")
		}
		time.Sleep(time.Millisecond)
	}
	time.Sleep(20 * time.Millisecond) // let the second late caller join too
	close(release)
	got := map[int]int{}
	for range 3 {
		got[<-results]++
	}
	if got[1] != 1 || got[2] != 2 || calls != 2 {
		t.Errorf("results by list = %v after %d lists; want list 1 for the first caller and list 2 shared by the two late ones", got, calls)
	}
}

func TestKeyedLocks_serialiseOneKey(t *testing.T) {
	k := &keyedLocks{held: map[string]chan struct{}{}}
	unlock, err := k.lock(context.Background(), "a")
	if err != nil {
		t.Fatal(err)
	}
	other, err := k.lock(context.Background(), "b")
	if err != nil {
		t.Fatalf("another key waited: %v", err)
	}
	other()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	if _, err := k.lock(ctx, "a"); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("a second holder of one key got %v, want to wait", err)
	}
	unlock()
	again, err := k.lock(context.Background(), "a")
	if err != nil {
		t.Fatal(err)
	}
	again()
}

// fakeEntity is what a fake scope lists.
type fakeEntity struct{ name, id, kind string }

// fakeCreate is a namedCreate over an in-memory scope: create runs the
// attempts given (each a commit or not, and its error) against it.
func fakeCreate(t *testing.T, scope *[]fakeEntity, attempts ...fakeAttempt) namedCreate[fakeEntity] {
	t.Helper()
	return namedCreate[fakeEntity]{
		kind:     "Fake",
		scope:    t.Name(),
		name:     "n",
		list:     func(context.Context) ([]fakeEntity, error) { return append([]fakeEntity(nil), *scope...), nil },
		key:      func(e fakeEntity) string { return e.name },
		importID: func(e fakeEntity) string { return e.id },
		sameAsSent: func(e fakeEntity) bool {
			return e.kind == "sent"
		},
		create: func(_ context.Context, log *attemptLog) (fakeEntity, error) {
			var err error
			for _, a := range attempts {
				if a.commit != nil {
					*scope = append(*scope, *a.commit)
				}
				err = a.err
				log.record(err)
			}
			if err != nil {
				return fakeEntity{}, err
			}
			return (*scope)[len(*scope)-1], nil
		},
	}
}

type fakeAttempt struct {
	commit *fakeEntity
	err    error
}

func TestCreateOnce(t *testing.T) {
	saved := adoptionLookupPauses
	adoptionLookupPauses = []time.Duration{0, time.Millisecond}
	t.Cleanup(func() { adoptionLookupPauses = saved })

	mine := &fakeEntity{name: "n", id: "mine", kind: "sent"}
	theirs := &fakeEntity{name: "n", id: "theirs", kind: "sent"}
	other := &fakeEntity{name: "n", id: "other", kind: "different"}
	conflict := responseError(409, &awstypes.ConflictException{})
	lost := responseError(500, nil)

	for _, c := range []struct {
		name     string
		before   []fakeEntity
		attempts []fakeAttempt
		wantID   string
		wantErr  string // "in use", "create" (the create's error) or ""
	}{
		{"created", nil, []fakeAttempt{{commit: mine}}, "mine", ""},
		{"held before: never adopted", []fakeEntity{*theirs}, []fakeAttempt{{err: lost}}, "", "in use"},
		{"lost answer, conflict on the retry: adopted", nil, []fakeAttempt{{commit: mine, err: lost}, {err: conflict}}, "mine", ""},
		{"lost answer, then throttled out: adopted", nil, []fakeAttempt{{commit: mine, err: lost}, {err: responseError(429, nil)}}, "mine", ""},
		{"conflict with no lost answer: another writer", nil, []fakeAttempt{{commit: theirs, err: conflict}}, "", "in use"},
		{"lost answer, found but not what was sent", nil, []fakeAttempt{{commit: other, err: lost}, {err: conflict}}, "", "in use"},
		{"lost answer, nothing landed", nil, []fakeAttempt{{err: lost}, {err: lost}}, "", "create"},
		{"rejected", nil, []fakeAttempt{{err: responseError(400, &awstypes.ValidationException{})}}, "", "create"},
	} {
		t.Run(c.name, func(t *testing.T) {
			scope := append([]fakeEntity(nil), c.before...)
			got, err := createOnce(context.Background(), fakeCreate(t, &scope, c.attempts...))
			var inUse *nameInUseError
			switch c.wantErr {
			case "":
				if err != nil || got.id != c.wantID {
					t.Fatalf("createOnce = %+v, %v; want %s", got, err, c.wantID)
				}
			case "in use":
				if !errors.As(err, &inUse) {
					t.Fatalf("createOnce = %+v, %v; want a nameInUseError", got, err)
				}
			case "create":
				if err == nil || errors.As(err, &inUse) {
					t.Fatalf("createOnce = %+v, %v; want the create's error", got, err)
				}
			}
		})
	}
}
