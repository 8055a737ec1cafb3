package ratecontrol

import (
	"context"
	"errors"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	"github.com/aws/smithy-go"
	"github.com/aws/smithy-go/middleware"
)

// MiddlewareID names the limiter's step in an SDK client's stack.
const MiddlewareID = "CasesRateControl"

// throttles recognizes the throttling errors the SDK's own retryer does
// (ThrottlingException among them).
var throttles = retry.IsErrorThrottles(retry.DefaultThrottles)

// AddMiddleware returns an APIOptions entry that puts b into a client's
// stack right after the retry middleware, so that every attempt, first or
// retried, waits for a token of its operation's limiter
// (middleware.GetOperationName), and every answer tells that limiter
// whether the service throttled it. A nil b adds nothing.
func AddMiddleware(b *Budget) func(*middleware.Stack) error {
	return func(stack *middleware.Stack) error {
		if b == nil {
			return nil
		}
		return stack.Finalize.Insert(finalizeMiddleware{budget: b}, "Retry", middleware.After)
	}
}

type finalizeMiddleware struct {
	budget *Budget
}

func (finalizeMiddleware) ID() string { return MiddlewareID }

func (m finalizeMiddleware) HandleFinalize(ctx context.Context, in middleware.FinalizeInput, next middleware.FinalizeHandler) (middleware.FinalizeOutput, middleware.Metadata, error) {
	operation := middleware.GetOperationName(ctx)
	limiter := m.budget.Limiter(operation)
	if limiter == nil {
		return next.HandleFinalize(ctx, in)
	}
	releasedAt, ok := reserved(ctx, operation)
	if !ok {
		var err error
		if releasedAt, err = limiter.Wait(ctx); err != nil {
			return middleware.FinalizeOutput{}, middleware.Metadata{}, err
		}
	}
	out, metadata, err := next.HandleFinalize(ctx, in)
	var apiErr smithy.APIError
	switch {
	case err != nil && throttles.IsErrorThrottle(err) == aws.TrueTernary:
		limiter.Throttled(releasedAt)
	case err == nil, errors.As(err, &apiErr):
		// The service answered without throttling. A failure that is
		// not an API answer (a dropped connection) says nothing.
		limiter.Succeeded()
	}
	return out, metadata, err
}
