package ratecontrol

import (
	"context"
	"math"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/connectcases"
	"github.com/aws/smithy-go/middleware"
)

// TestMiddlewareSeesEveryAttempt: a client whose first attempt is throttled
// and whose retry succeeds passes its operation's limiter twice; the
// throttle halves the rate and the success raises it by a ninth. Other
// operations' limiters are untouched.
func TestMiddlewareSeesEveryAttempt(t *testing.T) {
	var requests atomic.Int32
	server := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		if requests.Add(1) == 1 {
			w.Header()["X-Amzn-ErrorType"] = []string{"ThrottlingException"}
			w.WriteHeader(http.StatusTooManyRequests)
			_, _ = w.Write([]byte(`{"__type":"ThrottlingException","message":"Rate exceeded"}`))
			return
		}
		_, _ = w.Write([]byte(`{"domains":[]}`))
	}))
	defer server.Close()

	clock := &fakeClock{now: t0}
	budget := newBudget(PublishedQuotas, clock.Now, clock.Sleep)
	client := connectcases.New(connectcases.Options{
		Region:       "us-west-2",
		BaseEndpoint: aws.String(server.URL),
		Credentials:  credentials.NewStaticCredentialsProvider("AKIDEXAMPLE", "secret", ""),
		Retryer: retry.NewStandard(func(o *retry.StandardOptions) {
			o.MaxAttempts = 3
			o.Backoff = retry.BackoffDelayerFunc(func(int, error) (time.Duration, error) { return 0, nil })
		}),
		APIOptions: []func(*middleware.Stack) error{AddMiddleware(budget)},
	})
	if _, err := client.ListDomains(context.Background(), &connectcases.ListDomainsInput{}); err != nil {
		t.Fatalf("ListDomains: %v", err)
	}
	if got := requests.Load(); got != 2 {
		t.Fatalf("server saw %d requests, want 2 (one throttled, one retry)", got)
	}
	if got, want := budget.Limiter("ListDomains").Rate(), 1+1.0/9; got != want {
		t.Errorf("ListDomains rate = %v, want %v (halved by the throttle, raised by the success)", got, want)
	}
	if got := budget.Limiter("GetDomain").Rate(); got != 2 {
		t.Errorf("GetDomain rate = %v, want 2 (its own bucket, untouched)", got)
	}
}

// TestMiddlewareSpendsAReservation: a request whose context carries a
// token reserved for its operation goes without taking another; the
// reservation is spent once, and only by its own operation.
func TestMiddlewareSpendsAReservation(t *testing.T) {
	server := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"domains":[]}`))
	}))
	defer server.Close()
	clock := &fakeClock{now: t0}
	budget := newBudget(PublishedQuotas, clock.Now, clock.Sleep)
	client := connectcases.New(connectcases.Options{
		Region:       "us-west-2",
		BaseEndpoint: aws.String(server.URL),
		Credentials:  credentials.NewStaticCredentialsProvider("AKIDEXAMPLE", "secret", ""),
		APIOptions:   []func(*middleware.Stack) error{AddMiddleware(budget)},
	})
	mark, err := budget.Reserve(context.Background(), "ListDomains")
	if err != nil {
		t.Fatal(err)
	}
	ctx := mark(context.Background())
	tokens := func(op string) float64 {
		l := budget.Limiter(op)
		l.mu.Lock()
		defer l.mu.Unlock()
		return l.tokens
	}
	if _, err := client.ListDomains(ctx, &connectcases.ListDomainsInput{}); err != nil {
		t.Fatal(err)
	}
	if got := tokens("ListDomains"); math.Abs(got-3.8) > 1e-9 {
		t.Errorf("ListDomains tokens = %v after a reserve and its request, want 3.8 (bucket 4.8, one token)", got)
	}
	if _, err := client.ListDomains(ctx, &connectcases.ListDomainsInput{}); err != nil {
		t.Fatal(err)
	}
	if got := tokens("ListDomains"); math.Abs(got-2.8) > 1e-9 {
		t.Errorf("ListDomains tokens = %v, want 2: a reservation is spent once", got)
	}
	// The answer is no domain; what matters is the token it took.
	_, _ = client.GetDomain(ctx, &connectcases.GetDomainInput{DomainId: aws.String("d")})
	if got := tokens("GetDomain"); math.Abs(got-3.8) > 1e-9 {
		t.Errorf("GetDomain tokens = %v, want 3: another operation's reservation does not apply", got)
	}
}
