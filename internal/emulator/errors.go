package emulator

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
)

// Error codes declared by the Cases model: each is the name of an
// @error-traited structure in com.amazonaws.connectcases, and the SDK picks
// its typed error (types.ValidationException, ...) from this code.
const (
	CodeAccessDenied         = "AccessDeniedException"
	CodeConflict             = "ConflictException"
	CodeInternalServer       = "InternalServerException"
	CodeResourceNotFound     = "ResourceNotFoundException"
	CodeServiceQuotaExceeded = "ServiceQuotaExceededException"
	CodeThrottling           = "ThrottlingException"
	CodeValidation           = "ValidationException"
)

// Error codes the AWS front end answers with before any operation runs. They
// are not in the Cases model (so the SDK surfaces them as
// smithy.GenericAPIError with this code), but they are the codes AWS uses for
// the same conditions on every SigV4 JSON service.
const (
	// CodeMissingAuthenticationToken: the request has no Authorization
	// header (and no presigned query). AWS answers 403 with this code and the
	// message "Missing Authentication Token".
	CodeMissingAuthenticationToken = "MissingAuthenticationTokenException"
	// CodeIncompleteSignature: an Authorization header is present but is not
	// a complete AWS4-HMAC-SHA256 header (missing Credential, SignedHeaders,
	// Signature or X-Amz-Date).
	CodeIncompleteSignature = "IncompleteSignatureException"
	// CodeInvalidSignature: the signature does not verify, the credential
	// scope is wrong, or the request time is more than 15 minutes away from
	// the server clock ("Signature expired").
	CodeInvalidSignature = "InvalidSignatureException"
	// CodeUnrecognizedClient: the access key id is not known (-auth sigv4).
	CodeUnrecognizedClient = "UnrecognizedClientException"
	// CodeUnknownOperation: no operation of the model is bound to the
	// request's method and path. AWS JSON services answer this code for
	// requests they cannot route; we send it with 404 (unknown path) or 405
	// (known path, wrong method, with an Allow header).
	CodeUnknownOperation = "UnknownOperationException"
	// CodeNotImplemented: the operation is in the model, and routed, but
	// the emulator does not serve it (handlers.go lists which). Sent with
	// 501; no AWS service answers it.
	CodeNotImplemented = "NotImplementedException"
)

// errorStatus maps every code the emulator can send to its HTTP status. The
// first block is the smithy.api#httpError trait of each model error.
var errorStatus = map[string]int{
	CodeValidation:           http.StatusBadRequest,      // 400
	CodeServiceQuotaExceeded: http.StatusPaymentRequired, // 402
	CodeAccessDenied:         http.StatusForbidden,       // 403
	CodeResourceNotFound:     http.StatusNotFound,        // 404
	CodeConflict:             http.StatusConflict,        // 409
	CodeThrottling:           http.StatusTooManyRequests, // 429
	CodeInternalServer:       http.StatusInternalServerError,

	CodeMissingAuthenticationToken: http.StatusForbidden,
	CodeIncompleteSignature:        http.StatusForbidden,
	CodeInvalidSignature:           http.StatusForbidden,
	CodeUnrecognizedClient:         http.StatusForbidden,
	CodeUnknownOperation:           http.StatusNotFound,
	CodeNotImplemented:             http.StatusNotImplemented,
}

// ErrorStatus returns the HTTP status the emulator sends with code, and
// false when the code is not one it knows.
func ErrorStatus(code string) (int, bool) {
	status, ok := errorStatus[code]
	return status, ok
}

// defaultRetryAfterSeconds is sent in Retry-After with InternalServerException:
// the model binds its retryAfterSeconds member to that header, and a client
// that honors it should come back soon.
const defaultRetryAfterSeconds = 1

// APIError is an error response in the Cases wire format. Handlers, the
// router, the authenticator and fault injectors all return it.
type APIError struct {
	Code    string
	Status  int
	Message string
	// ResourceID and ResourceType are required members of
	// ResourceNotFoundException and sent only with it.
	ResourceID   string
	ResourceType string
	// RetryAfterSeconds is sent as the Retry-After header (the httpHeader
	// binding of InternalServerException.retryAfterSeconds) when positive.
	RetryAfterSeconds int
	// Allow lists the methods bound to the path, sent with 405.
	Allow []string
}

// NewAPIError returns an error with code's status (400 for codes the emulator
// does not know, so a typo in a fault rule still reaches the client).
func NewAPIError(code, message string) *APIError {
	status, ok := errorStatus[code]
	if !ok {
		status = http.StatusBadRequest
	}
	apiErr := &APIError{Code: code, Status: status, Message: message}
	if code == CodeInternalServer {
		apiErr.RetryAfterSeconds = defaultRetryAfterSeconds
	}
	return apiErr
}

func (e *APIError) Error() string { return e.Code + ": " + e.Message }

func validationError(format string, args ...any) *APIError {
	return NewAPIError(CodeValidation, fmt.Sprintf(format, args...))
}

func conflictError(format string, args ...any) *APIError {
	return NewAPIError(CodeConflict, fmt.Sprintf(format, args...))
}

func quotaError(format string, args ...any) *APIError {
	return NewAPIError(CodeServiceQuotaExceeded, fmt.Sprintf(format, args...))
}

func notFoundError(resourceType, resourceID string) *APIError {
	apiErr := NewAPIError(CodeResourceNotFound, fmt.Sprintf("%s '%s' does not exist.", resourceType, resourceID))
	apiErr.ResourceType = resourceType
	apiErr.ResourceID = resourceID
	return apiErr
}

// errorBody is the restJson1 error document: the SDK reads the code from
// X-Amzn-ErrorType first and __type second, and the members of the error
// structure from the body.
type errorBody struct {
	Type         string `json:"__type"`
	Message      string `json:"message"`
	ResourceID   string `json:"resourceId,omitempty"`
	ResourceType string `json:"resourceType,omitempty"`
}

// errorTypeHeader carries the error code, spelled as AWS spells it. It goes
// into the header map directly because Header.Set would canonicalize it to
// "X-Amzn-Errortype"; HTTP header names are case-insensitive, but byte-exact
// is cheap.
const errorTypeHeader = "X-Amzn-ErrorType"

func writeAPIError(w http.ResponseWriter, apiErr *APIError) {
	header := w.Header()
	header[errorTypeHeader] = []string{apiErr.Code}
	if apiErr.RetryAfterSeconds > 0 {
		header.Set("Retry-After", strconv.Itoa(apiErr.RetryAfterSeconds))
	}
	if len(apiErr.Allow) > 0 {
		for _, method := range apiErr.Allow {
			header.Add("Allow", method)
		}
	}
	writeJSON(w, apiErr.Status, errorBody{
		Type:         apiErr.Code,
		Message:      apiErr.Message,
		ResourceID:   apiErr.ResourceID,
		ResourceType: apiErr.ResourceType,
	})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	body, err := json.Marshal(v)
	if err != nil {
		// Only values built by the emulator reach here; failing to encode one
		// is a bug, reported in the wire format rather than as a broken body.
		status = http.StatusInternalServerError
		body, _ = json.Marshal(errorBody{Type: CodeInternalServer, Message: "encoding the response: " + err.Error()})
		w.Header()[errorTypeHeader] = []string{CodeInternalServer}
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(status)
	_, _ = w.Write(body)
}
