package emulator

import (
	"fmt"
	"net/http"

	"github.com/connect-cases/terraform-provider-cases/internal/apimodel"
)

// The Connect subset (instances and integration associations) is served on
// the same listener as Cases. A request belongs to it when its SigV4
// credential scope names the service "connect", the signing name of the
// model (apimodel.Connect().SigningName); the two APIs share paths such as
// /tags/{arn}, so the scope, not the path, decides.
//
// The Connect API is one more apiTable (connectAPI below), served by the
// same router, validator and declared-error check as Cases (router.go,
// validate.go, declared.go), all driven by apimodel.Connect(): the routes
// come from each operation's smithy.api#http trait, input validation walks
// the input shape, and an error a handler returns must be one the
// operation declares. What differs is named in connectErrors: the Connect
// error shapes' codes for invalid input and internal failures, and their
// document (member "Message"), so the stock connect client decodes them
// into its typed errors.
//
// Connect requests go through the same authentication, tenant isolation,
// fault rules, request log and state file as Cases requests, but not the
// Cases rate limits.

// connectModel is the Connect subset model the emulator serves.
var connectModel = apimodel.Connect()

// Connect error codes: error shapes of com.amazonaws.connect.
const (
	connectCodeDuplicateResource    = "DuplicateResourceException"
	connectCodeInternalService      = "InternalServiceException"
	connectCodeInvalidParameter     = "InvalidParameterException"
	connectCodeInvalidRequest       = "InvalidRequestException"
	connectCodeResourceNotFound     = "ResourceNotFoundException"
	connectCodeServiceQuotaExceeded = "ServiceQuotaExceededException"
	connectCodeThrottling           = "ThrottlingException"
)

// connectAPI is the one table of Connect operations: every operation of
// apimodel.Connect() has exactly one handler (apiTable.check, at New).
var connectAPI = &apiTable{
	service: connectModel,
	handlers: map[string]operationHandler{
		"CreateInstance":               createConnectInstance,
		"DescribeInstance":             describeConnectInstance,
		"ListInstances":                listConnectInstances,
		"DeleteInstance":               deleteConnectInstance,
		"CreateIntegrationAssociation": createIntegrationAssociation,
		"ListIntegrationAssociations":  listIntegrationAssociations,
		"DeleteIntegrationAssociation": deleteIntegrationAssociation,
		"TagResource":                  tagConnectResource,
		"UntagResource":                untagConnectResource,
		"ListTagsForResource":          listConnectTags,
	},
	errors: connectErrors,
}

// connectErrors: the front end throttles and fails before an operation
// runs, so ThrottlingException and InternalServiceException may answer any
// Connect operation, declared or not.
var connectErrors = apiErrors{
	internal: connectCodeInternalService,
	invalid:  validationCode,
	common:   []string{connectCodeThrottling, connectCodeInternalService},
	document: func(apiErr *APIError) any { return connectErrorBody{Type: apiErr.Code, Message: apiErr.Message} },
}

// connectError returns an error with a Connect error shape's code and the
// HTTP status of its smithy.api#httpError trait.
func connectError(code, format string, args ...any) *APIError {
	apiErr := modelError(connectModel, code, fmt.Sprintf(format, args...))
	if code == connectCodeInternalService {
		apiErr.RetryAfterSeconds = defaultRetryAfterSeconds
	}
	return apiErr
}

func connectNotFound(format string, args ...any) *APIError {
	return connectError(connectCodeResourceNotFound, format, args...)
}

func connectInvalidRequest(format string, args ...any) *APIError {
	return connectError(connectCodeInvalidRequest, format, args...)
}

// connectErrorBody is a Connect error document. The Connect error shapes
// name their member "Message".
type connectErrorBody struct {
	Type    string `json:"__type"`
	Message string `json:"Message"`
}

// validationCode is the error an operation answers for input that breaks
// the model's constraints: InvalidParameterException where the operation
// declares it ("one or more of the specified parameters are not valid"),
// else InvalidRequestException, which every operation of the subset
// declares (and which answers a request that matched no operation).
func validationCode(op *apimodel.Operation) string {
	if op != nil && op.Declares(connectCodeInvalidParameter) {
		return connectCodeInvalidParameter
	}
	return connectCodeInvalidRequest
}

// signingServiceOf returns the service of the request's SigV4 credential
// scope, or "" when the Authorization header is absent or malformed (the
// Cases path then answers with the authentication error).
func signingServiceOf(r *http.Request) string {
	header := r.Header.Get("Authorization")
	if header == "" {
		return ""
	}
	auth, apiErr := parseAuthorization(header)
	if apiErr != nil {
		return ""
	}
	return auth.service
}

// isConnectRequest reports whether r is signed for the Connect API.
func isConnectRequest(r *http.Request) bool {
	return signingServiceOf(r) == connectModel.SigningName
}
