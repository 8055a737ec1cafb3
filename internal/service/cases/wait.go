package cases

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	"github.com/aws/aws-sdk-go-v2/service/connectcases"
	"github.com/aws/aws-sdk-go-v2/service/connectcases/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/connect-cases/terraform-provider-cases/internal/conns"
	"github.com/connect-cases/terraform-provider-cases/internal/poll"
)

const (
	defaultDomainCreateTimeout = 20 * time.Minute
	defaultDomainDeleteTimeout = 20 * time.Minute

	// notFoundGraceReads is how many "not found" answers a waiter for a
	// freshly created domain tolerates: a read may reach a replica that has
	// not seen the create yet.
	notFoundGraceReads = 3
)

// ErrDomainCreationFailed is returned when the service ends a domain in
// CreationFailed.
var ErrDomainCreationFailed = errors.New("the service reported domainStatus CreationFailed")

// TimeoutError says that a wait ended before its target state; it carries
// the last state read so that the diagnostic can name it.
type TimeoutError struct {
	Target     string
	LastStatus string
	Timeout    time.Duration
}

func (e *TimeoutError) Error() string {
	last := e.LastStatus
	if last == "" {
		last = "no successful read"
	}
	return fmt.Sprintf("timed out after %s before %s (last status: %s)", e.Timeout, e.Target, last)
}

// statusReading is one poll of a status.
type statusReading struct {
	status  string
	done    bool // target reached
	result  any
	failure error // terminal state: stop waiting with this error
}

// pollUntil reads a status on the poll.Delay schedule, through the shared
// pacer, until read says done or fails, or the timeout passes. A throttled
// or transient read counts as no reading: the waiter backs off and tries
// again, always within the timeout.
func pollUntil(ctx context.Context, client *conns.Client, target string, timeout time.Duration, read func(context.Context) (statusReading, error)) (any, error) {
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()

	var last string
	throttles := 0
	for attempt := 0; ; attempt++ {
		if err := sleep(ctx, poll.Delay(attempt, throttles)); err != nil {
			return nil, waitError(ctx, err, target, last, timeout)
		}
		releasedAt, err := client.StatusPolls.Wait(ctx)
		if err != nil {
			return nil, waitError(ctx, err, target, last, timeout)
		}
		r, err := read(ctx)
		switch {
		case err == nil:
			client.StatusPolls.Succeeded()
			throttles = 0
		case isThrottle(err):
			client.StatusPolls.Throttled(releasedAt)
			throttles++
			tflog.Debug(ctx, "status read throttled, backing off", map[string]any{"target": target, "consecutive": throttles})
			continue
		case isTransient(err) && ctx.Err() == nil:
			throttles++
			tflog.Debug(ctx, "status read failed transiently, backing off", map[string]any{"target": target, "error": err.Error()})
			continue
		case ctx.Err() != nil:
			return nil, waitError(ctx, ctx.Err(), target, last, timeout)
		default:
			return nil, err
		}
		last = r.status
		if r.failure != nil {
			return nil, r.failure
		}
		if r.done {
			return r.result, nil
		}
	}
}

func waitError(ctx context.Context, err error, target, last string, timeout time.Duration) error {
	if errors.Is(ctx.Err(), context.DeadlineExceeded) {
		return &TimeoutError{Target: target, LastStatus: last, Timeout: timeout}
	}
	return err
}

// waitDomainActive waits until the domain's status is Active and returns
// the last read.
func waitDomainActive(ctx context.Context, client *conns.Client, id string, timeout time.Duration) (*connectcases.GetDomainOutput, error) {
	notFound := 0
	out, err := pollUntil(ctx, client, "it became "+string(types.DomainStatusActive), timeout,
		func(ctx context.Context) (statusReading, error) {
			d, err := findDomainByID(ctx, client.Cases, id, noRetries)
			if IsNotFound(err) {
				notFound++
				if notFound <= notFoundGraceReads {
					return statusReading{status: "not found yet"}, nil
				}
				return statusReading{failure: fmt.Errorf("%s %s disappeared while waiting for it to become Active", kindDomain, id)}, nil
			}
			if err != nil {
				return statusReading{}, err
			}
			r := statusReading{status: string(d.DomainStatus), result: d}
			switch d.DomainStatus {
			case types.DomainStatusActive:
				r.done = true
			case types.DomainStatusCreationFailed:
				r.failure = ErrDomainCreationFailed
			}
			return r, nil
		})
	if err != nil {
		return nil, err
	}
	domain, ok := out.(*connectcases.GetDomainOutput)
	if !ok {
		return nil, fmt.Errorf("waiting for %s %s: unexpected reading %T", kindDomain, id, out)
	}
	return domain, nil
}

// waitDomainDeleted waits until GetDomain says the domain is gone.
func waitDomainDeleted(ctx context.Context, client *conns.Client, id string, timeout time.Duration) error {
	_, err := pollUntil(ctx, client, "it was deleted", timeout,
		func(ctx context.Context) (statusReading, error) {
			d, err := findDomainByID(ctx, client.Cases, id, noRetries)
			if IsNotFound(err) {
				return statusReading{status: "deleted", done: true}, nil
			}
			if err != nil {
				return statusReading{}, err
			}
			return statusReading{status: string(d.DomainStatus)}, nil
		})
	return err
}

// noRetries makes one status read a single HTTP request: the waiter itself
// decides what a throttled or failed read means and when to read again.
func noRetries(o *connectcases.Options) {
	o.RetryMaxAttempts = 1
}

func isThrottle(err error) bool {
	return retry.IsErrorThrottles(retry.DefaultThrottles).IsErrorThrottle(err) == aws.TrueTernary
}

func isTransient(err error) bool {
	return retry.IsErrorRetryables(retry.DefaultRetryables).IsErrorRetryable(err) == aws.TrueTernary
}

func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}
