package emulator

import (
	"errors"
	"fmt"
	"sync"
)

// Error choice from the model, for every API the emulator serves. A
// handler may answer only the errors its operation declares, or the ones
// every operation of its API may answer (apiErrors.common; for Cases
// apimodel.CommonErrors): the SDK decodes those into typed errors, and the
// provider decides what to do by type. Any other error is a bug in the
// emulator; the dispatcher logs it, answers the API's internal error
// (InternalServerException, InternalServiceException) naming it (so the
// bug is visible rather than passed off as the service's answer), and
// records it so the emulator's own tests fail on it (TestMain). Errors
// injected by fault rules are not checked: they are chosen by whoever
// writes the rule.

// undeclared records the undeclared errors the handlers of this process
// produced, as "Operation: Code".
var undeclared struct {
	mu     sync.Mutex
	errors []string
}

func recordUndeclared(entry string) {
	undeclared.mu.Lock()
	defer undeclared.mu.Unlock()
	undeclared.errors = append(undeclared.errors, entry)
}

// undeclaredErrors returns what recordUndeclared recorded.
func undeclaredErrors() []string {
	undeclared.mu.Lock()
	defer undeclared.mu.Unlock()
	return append([]string(nil), undeclared.errors...)
}

// requireDeclared returns err, in the codes of rt's API, when the
// operation of rt may answer it, and an internal error saying what went
// wrong otherwise.
func (e *Emulator) requireDeclared(rt *route, req *opRequest, err error) error {
	var apiErr *APIError
	code := rt.api.errors.internal
	if errors.As(err, &apiErr) {
		code = apiErr.Code
	}
	if code == CodeNotImplemented || rt.api.mayReturn(rt.op, code) && apiErr != nil {
		return err
	}
	entry := fmt.Sprintf("%s: %s", rt.operation, code)
	if apiErr == nil {
		// A plain error would reach the client as InternalServerException;
		// handlers answer with *APIError, so it is recorded as a bug too.
		entry = fmt.Sprintf("%s: %v", rt.operation, err)
	}
	recordUndeclared(entry)
	e.log.Error("handler answered an error its operation does not declare", "operation", rt.operation, "requestId", req.call.RequestID, "error", err)
	return NewAPIError(CodeInternalServer, fmt.Sprintf("The emulator answered %s with %v, which the model does not declare for it; this is a bug in the emulator.", rt.operation, err))
}
