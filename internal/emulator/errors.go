package emulator

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strconv"

	"github.com/connect-cases/terraform-provider-cases/internal/apimodel"
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
	writeErrorDocument(w, apiErr, casesErrorDocument(apiErr))
}

// casesErrorDocument is the error document of the Cases error shapes.
func casesErrorDocument(apiErr *APIError) any {
	return errorBody{Type: apiErr.Code, Message: apiErr.Message, ResourceID: apiErr.ResourceID, ResourceType: apiErr.ResourceType}
}

// writeErrorDocument writes apiErr's headers and the error document doc.
func writeErrorDocument(w http.ResponseWriter, apiErr *APIError, doc any) {
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
	writeJSON(w, apiErr.Status, doc)
}

// apiErrors is how one API names the conditions that the machinery every
// API shares reports in Cases codes: input that breaks the model
// (ValidationException), an internal failure (InternalServerException, from
// the panic guard, the declared-error check, the state file or a fault
// rule). The Cases API names them so; Connect has its own error shapes.
type apiErrors struct {
	// internal is the code of an internal failure.
	internal string
	// invalid is the code op answers input that breaks the model with (op
	// is nil when the request matched no operation).
	invalid func(op *apimodel.Operation) string
	// common are the codes any operation may answer, declared or not.
	common []string
	// document builds the error document: the members of the error shapes
	// differ between APIs.
	document func(*APIError) any
}

// casesErrors are the Cases API's: the shared machinery speaks them.
var casesErrors = apiErrors{
	internal: CodeInternalServer,
	invalid:  func(*apimodel.Operation) string { return CodeValidation },
	common:   apimodel.CommonErrors,
	document: casesErrorDocument,
}

// localize returns err in the codes of api: a Cases code of the shared
// machinery becomes the API's code for the same condition, with the status
// the model gives it (a status a fault rule chose is kept); a code the
// emulator's table does not know gets its model status. Localizing twice
// changes nothing. A nil api is the control API, which speaks Cases.
func (api *apiTable) localize(op *apimodel.Operation, err error) error {
	var apiErr *APIError
	if api == nil || !errors.As(err, &apiErr) {
		return err
	}
	code := apiErr.Code
	switch code {
	case CodeInternalServer:
		code = api.errors.internal
	case CodeValidation:
		code = api.errors.invalid(op)
	}
	_, known := errorStatus[apiErr.Code]
	if code == apiErr.Code && (known || apiErr.Status != http.StatusBadRequest) {
		return err
	}
	localized := *apiErr
	localized.Code = code
	if !known || apiErr.Status == errorStatus[apiErr.Code] {
		localized.Status = modelStatus(api.service, code)
	}
	if code == api.errors.internal && localized.RetryAfterSeconds == 0 {
		localized.RetryAfterSeconds = defaultRetryAfterSeconds
	}
	return &localized
}

// writeError writes apiErr in the wire format of api, localized; a nil api
// (the control API) writes the Cases format.
func (api *apiTable) writeError(w http.ResponseWriter, op *apimodel.Operation, apiErr *APIError) {
	if api == nil {
		writeAPIError(w, apiErr)
		return
	}
	var localized *APIError
	errors.As(api.localize(op, apiErr), &localized)
	writeErrorDocument(w, localized, api.errors.document(localized))
}

// mayReturn reports whether op of api may answer code: the operation
// declares it, or it is common to the API.
func (api *apiTable) mayReturn(op *apimodel.Operation, code string) bool {
	return op.Declares(code) || slices.Contains(api.errors.common, code)
}

// modelError returns an error with one of svc's error codes and the HTTP
// status of its smithy.api#httpError trait.
func modelError(svc *apimodel.Service, code, message string) *APIError {
	return &APIError{Code: code, Status: modelStatus(svc, code), Message: message}
}

// modelStatus is the status of an error code: its shape's
// smithy.api#httpError in svc, else the emulator's table, else 400.
func modelStatus(svc *apimodel.Service, code string) int {
	if shape, ok := svc.Shapes[code]; ok && shape.HTTPStatus != 0 {
		return shape.HTTPStatus
	}
	if status, ok := errorStatus[code]; ok {
		return status
	}
	return http.StatusBadRequest
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
