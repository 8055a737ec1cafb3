package emulator

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"

	"github.com/connect-cases/terraform-provider-cases/internal/apimodel"
)

// The Connect subset (instances and integration associations) is served on
// the same listener as Cases. A request belongs to it when its SigV4
// credential scope names the service "connect", the signing name of the
// model (apimodel.Connect().SigningName); the two APIs share paths such as
// /tags/{arn}, so the scope, not the path, decides.
//
// Everything here is driven by apimodel.Connect(): the routes come from each
// operation's smithy.api#http trait, input validation walks the input shape
// (required, lengths in code points, Java patterns, enums, ranges), and an
// error a handler returns must be one the operation declares. Errors go out
// in the restJson1 form with the Connect error shapes' codes and HTTP
// statuses, so the stock connect client decodes them into its typed errors.
//
// Connect requests go through the same authentication, tenant isolation,
// fault rules, request log and state file as Cases requests.

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

// connectCommonErrors may answer any Connect operation, declared or not:
// the front end throttles and fails before an operation runs.
var connectCommonErrors = []string{connectCodeThrottling, connectCodeInternalService}

// connectCodeFor translates the codes of the shared machinery (fault rules,
// the state file, the panic guard), which speak Cases, into the Connect
// shapes for the same condition.
var connectCodeFor = map[string]string{
	CodeInternalServer: connectCodeInternalService,
	CodeValidation:     connectCodeInvalidRequest,
}

// connectError returns an error with a Connect error shape's code and the
// HTTP status of its smithy.api#httpError trait.
func connectError(code, format string, args ...any) *APIError {
	status := http.StatusBadRequest
	if shape, ok := connectModel.Shapes[code]; ok && shape.HTTPStatus != 0 {
		status = shape.HTTPStatus
	}
	apiErr := &APIError{Code: code, Status: status, Message: fmt.Sprintf(format, args...)}
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

// writeConnectError writes apiErr in the Connect wire format, translating
// a Cases code of the shared machinery into its Connect shape.
func writeConnectError(w http.ResponseWriter, apiErr *APIError) {
	if code, ok := connectCodeFor[apiErr.Code]; ok {
		translated := connectError(code, "%s", apiErr.Message)
		if apiErr.RetryAfterSeconds > 0 {
			translated.RetryAfterSeconds = apiErr.RetryAfterSeconds
		}
		if apiErr.Status != errorStatus[apiErr.Code] {
			translated.Status = apiErr.Status // a fault rule's own status
		}
		apiErr = translated
	} else if shape, ok := connectModel.Shapes[apiErr.Code]; ok && shape.HTTPStatus != 0 {
		if _, casesCode := errorStatus[apiErr.Code]; !casesCode && apiErr.Status == http.StatusBadRequest {
			// A fault rule naming a Connect code: NewAPIError does not know
			// its status, the model does.
			copied := *apiErr
			copied.Status = shape.HTTPStatus
			apiErr = &copied
		}
	}
	header := w.Header()
	header[errorTypeHeader] = []string{apiErr.Code}
	if apiErr.RetryAfterSeconds > 0 {
		header.Set("Retry-After", strconv.Itoa(apiErr.RetryAfterSeconds))
	}
	for _, method := range apiErr.Allow {
		header.Add("Allow", method)
	}
	writeJSON(w, apiErr.Status, connectErrorBody{Type: apiErr.Code, Message: apiErr.Message})
}

// connectHandler implements one Connect operation. Like operationHandler,
// it returns the response document or an error and never writes.
type connectHandler func(e *Emulator, req *connectRequest) (any, error)

// connectHandlers is the one table of Connect operations: every operation
// of apimodel.Connect() has exactly one handler (a test checks both ways).
var connectHandlers = map[string]connectHandler{
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
}

// connectRequest is what a Connect handler sees of the request, after
// routing, authentication and model validation.
type connectRequest struct {
	call   Call
	op     *apimodel.Operation
	labels map[string]string // httpLabel members, unescaped
	query  url.Values
	body   []byte
}

// decode reads the JSON body into v. The body has passed validation, so
// only a type the model does not describe could fail here.
func (r *connectRequest) decode(v any) error {
	if len(bytes.TrimSpace(r.body)) == 0 {
		return nil
	}
	if err := json.Unmarshal(r.body, v); err != nil {
		return connectInvalidRequest("The request body does not match the input of %s: %v", r.op.Name, err)
	}
	return nil
}

// connectRoute is one operation bound to its method and path segments.
type connectRoute struct {
	op       *apimodel.Operation
	handle   connectHandler
	segments []string // literal segments, or "{label}"
}

// connectRouter matches requests against the routes of the Connect model.
type connectRouter struct {
	routes []connectRoute
}

// newConnectRouter builds the routes from the model's http traits and the
// handler table. An operation without a handler, or a handler without an
// operation, is a programming error.
func newConnectRouter(svc *apimodel.Service, handlers map[string]connectHandler) (*connectRouter, error) {
	rt := &connectRouter{}
	for _, name := range svc.OperationNames() {
		op := svc.Operations[name]
		handle, ok := handlers[name]
		if !ok {
			return nil, fmt.Errorf("emulator: Connect operation %s has no handler", name)
		}
		path, _, _ := strings.Cut(op.URI, "?")
		rt.routes = append(rt.routes, connectRoute{op: op, handle: handle, segments: strings.Split(strings.TrimPrefix(path, "/"), "/")})
	}
	for name := range handlers {
		if _, ok := svc.Operations[name]; !ok {
			return nil, fmt.Errorf("emulator: Connect handler %s has no operation in the model", name)
		}
	}
	return rt, nil
}

// match finds the route of method and escapedPath: 404 when no path
// matches, 405 with Allow when the path is bound to other methods.
func (rt *connectRouter) match(method, escapedPath string) (*connectRoute, map[string]string, *APIError) {
	segments := strings.Split(strings.TrimPrefix(escapedPath, "/"), "/")
	var allowed []string
	for i := range rt.routes {
		candidate := &rt.routes[i]
		labels, ok := matchLabels(candidate.segments, segments)
		if !ok {
			continue
		}
		if candidate.op.Method == method {
			return candidate, labels, nil
		}
		allowed = append(allowed, candidate.op.Method)
	}
	if len(allowed) > 0 {
		sort.Strings(allowed)
		apiErr := NewAPIError(CodeUnknownOperation, fmt.Sprintf("No Connect operation is bound to %s %s; this path accepts %s.", method, escapedPath, strings.Join(allowed, ", ")))
		apiErr.Status = http.StatusMethodNotAllowed
		apiErr.Allow = allowed
		return nil, nil, apiErr
	}
	return nil, nil, NewAPIError(CodeUnknownOperation, fmt.Sprintf("No Connect operation is bound to %s %s.", method, escapedPath))
}

// matchLabels matches escaped path segments against a pattern. Labels are
// not greedy: an ARN label arrives with its "/" escaped, in one segment.
func matchLabels(pattern, segments []string) (map[string]string, bool) {
	if len(segments) != len(pattern) {
		return nil, false
	}
	labels := map[string]string{}
	for i, p := range pattern {
		if name, ok := strings.CutPrefix(p, "{"); ok {
			value, err := url.PathUnescape(segments[i])
			if err != nil || value == "" {
				return nil, false
			}
			labels[strings.TrimSuffix(name, "}")] = value
			continue
		}
		if segments[i] != p {
			return nil, false
		}
	}
	return labels, true
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

// serveConnect serves one Connect API request: route, body, SigV4,
// then the same fault seam, handler, state file and fault seam as Cases.
func (e *Emulator) serveConnect(w http.ResponseWriter, r *http.Request, call *Call) {
	matched, labels, apiErr := e.connectRoutes.match(r.Method, r.URL.EscapedPath())
	if apiErr != nil {
		writeConnectError(w, apiErr)
		return
	}
	call.Operation = matched.op.Name
	body, apiErr := readBody(w, r)
	if apiErr != nil {
		writeConnectError(w, apiErr)
		return
	}
	id, apiErr := e.auth.authenticateService(r, body, connectModel.SigningName)
	if apiErr != nil {
		writeConnectError(w, apiErr)
		return
	}
	call.Account, call.Region = id.account, id.region
	req := &connectRequest{call: *call, op: matched.op, labels: labels, query: r.URL.Query(), body: body}

	ctx := r.Context()
	if e.faults != nil {
		if err := e.faults.BeforeOperation(ctx, req.call); err != nil {
			e.writeConnectResult(w, nil, err)
			return
		}
	}
	out, err := e.invokeConnect(matched.handle, req)
	if err == nil && !connectReadOnly(matched.op.Name) {
		// With a state file, a change is on disk before anything is answered.
		if saveErr := e.saveState(); saveErr != nil {
			out, err = nil, saveErr
		}
	}
	if e.faults != nil {
		if injected := e.faults.AfterOperation(ctx, req.call, err); injected != nil {
			e.writeConnectResult(w, nil, injected)
			return
		}
	}
	e.writeConnectResult(w, out, err)
}

// connectReadOnly reports whether a Connect operation never changes state:
// the model names its reads Describe* and List*.
func connectReadOnly(operation string) bool {
	return strings.HasPrefix(operation, "Describe") || strings.HasPrefix(operation, "List")
}

// invokeConnect validates the input against the model, runs the handler,
// and checks that an error it returns is one the operation may answer. A
// panic becomes InternalServiceException.
func (e *Emulator) invokeConnect(handle connectHandler, req *connectRequest) (out any, err error) {
	defer func() {
		if p := recover(); p != nil {
			if p == http.ErrAbortHandler {
				panic(p)
			}
			e.log.Error("handler panicked", "operation", req.op.Name, "requestId", req.call.RequestID, "panic", p)
			out, err = nil, connectError(connectCodeInternalService, "The emulator failed to process the request; see its log.")
		}
	}()
	if apiErr := validateConnectInput(connectModel, req); apiErr != nil {
		return nil, apiErr
	}
	out, err = handle(e, req)
	var apiErr *APIError
	if errors.As(err, &apiErr) && !connectMayReturn(req.op, apiErr.Code) {
		e.log.Error("handler answered an error its operation does not declare", "operation", req.op.Name, "code", apiErr.Code)
		return nil, connectError(connectCodeInternalService, "The emulator answered %s, which %s does not declare; see its log.", apiErr.Code, req.op.Name)
	}
	return out, err
}

// connectMayReturn reports whether op declares code or code is common.
func connectMayReturn(op *apimodel.Operation, code string) bool {
	if op.Declares(code) {
		return true
	}
	for _, c := range connectCommonErrors {
		if c == code {
			return true
		}
	}
	return false
}

func (e *Emulator) writeConnectResult(w http.ResponseWriter, out any, err error) {
	if err != nil {
		if errors.Is(err, ErrDropConnection) {
			panic(http.ErrAbortHandler)
		}
		var apiErr *APIError
		if !errors.As(err, &apiErr) {
			apiErr = connectError(connectCodeInternalService, "%s", err.Error())
		}
		writeConnectError(w, apiErr)
		return
	}
	if out == nil {
		out = struct{}{}
	}
	writeJSON(w, http.StatusOK, out)
}

// validationCode is the error an operation answers for input that breaks
// the model's constraints: InvalidParameterException where the operation
// declares it ("one or more of the specified parameters are not valid"),
// else InvalidRequestException, which every operation of the subset
// declares.
func validationCode(op *apimodel.Operation) string {
	if op.Declares(connectCodeInvalidParameter) {
		return connectCodeInvalidParameter
	}
	return connectCodeInvalidRequest
}

// validateConnectInput checks every member of the operation's input shape,
// wherever it travels (label, query string or JSON body), and reports all
// violations in one error worded as AWS words them.
func validateConnectInput(svc *apimodel.Service, req *connectRequest) *APIError {
	input, ok := svc.Shapes[req.op.Input]
	if !ok {
		return nil
	}
	v := &modelValidator{svc: svc}
	var body map[string]any
	if len(bytes.TrimSpace(req.body)) > 0 {
		decoder := json.NewDecoder(bytes.NewReader(req.body))
		decoder.UseNumber()
		var doc any
		if err := decoder.Decode(&doc); err != nil {
			return connectError(validationCode(req.op), "The request body is not valid JSON: %v", err)
		}
		obj, isObject := doc.(map[string]any)
		if !isObject {
			return connectError(validationCode(req.op), "The request body must be a JSON object.")
		}
		body = obj
	}
	for _, m := range input.Members {
		switch m.Location {
		case "label":
			value, present := req.labels[m.Name]
			v.member(m.Name, m, value, present)
		case "query":
			values, present := req.query[m.LocationName]
			target := svc.Shapes[m.Target]
			switch {
			case !present:
				v.member(m.LocationName, m, nil, false)
			case target != nil && target.Type == apimodel.TypeList:
				list := make([]any, len(values))
				for i, s := range values {
					list[i] = s
				}
				v.member(m.LocationName, m, list, true)
			case target != nil && (target.Type == apimodel.TypeInteger || target.Type == apimodel.TypeLong):
				v.member(m.LocationName, m, json.Number(values[0]), true)
			default:
				v.member(m.LocationName, m, values[0], true)
			}
		case "header":
			// The subset binds no input headers.
		default:
			value, present := body[m.Name]
			v.member(m.Name, m, value, present && value != nil)
		}
	}
	if len(v.violations) == 0 {
		return nil
	}
	prefix := "1 validation error detected: "
	if n := len(v.violations); n > 1 {
		prefix = fmt.Sprintf("%d validation errors detected: ", n)
	}
	return connectError(validationCode(req.op), "%s%s", prefix, strings.Join(v.violations, "; "))
}

// modelValidator walks a value along its shape, collecting violations.
type modelValidator struct {
	svc        *apimodel.Service
	violations []string
}

func (v *modelValidator) fail(path, rule string) {
	v.violations = append(v.violations, fmt.Sprintf("Value at '%s' failed to satisfy constraint: %s", path, rule))
}

// member checks one member: present when required, then its value against
// the member's effective constraints.
func (v *modelValidator) member(path string, m *apimodel.Member, value any, present bool) {
	if !present {
		if m.Required {
			v.violations = append(v.violations, fmt.Sprintf("Value null at '%s' failed to satisfy constraint: Member must not be null", path))
		}
		return
	}
	v.value(path, m.Target, v.svc.Effective(m), value)
}

// value checks value against shape with constraints c.
func (v *modelValidator) value(path, shapeName string, c apimodel.Constraints, value any) {
	shape, ok := v.svc.Shapes[shapeName]
	if !ok {
		return
	}
	switch shape.Type {
	case apimodel.TypeString, apimodel.TypeEnum:
		s, ok := value.(string)
		if !ok {
			v.fail(path, "Member must be a string")
			return
		}
		for _, violation := range apimodel.CheckString(c, s) {
			v.fail(path, violation.AWSMessage())
		}
	case apimodel.TypeBoolean:
		if _, ok := value.(bool); !ok {
			v.fail(path, "Member must be a boolean")
		}
	case apimodel.TypeInteger, apimodel.TypeLong:
		n, ok := value.(json.Number)
		i, err := n.Int64()
		if !ok || err != nil {
			v.fail(path, "Member must be an integer")
			return
		}
		if c.Range.Min != nil && i < *c.Range.Min {
			v.fail(path, fmt.Sprintf("Member must have value greater than or equal to %d", *c.Range.Min))
		}
		if c.Range.Max != nil && i > *c.Range.Max {
			v.fail(path, fmt.Sprintf("Member must have value less than or equal to %d", *c.Range.Max))
		}
	case apimodel.TypeList:
		list, ok := value.([]any)
		if !ok {
			v.fail(path, "Member must be a list")
			return
		}
		v.length(path, c, len(list))
		for i, item := range list {
			v.value(fmt.Sprintf("%s.%d.member", path, i+1), shape.Member, v.svc.Shapes[shape.Member].Constraints, item)
		}
	case apimodel.TypeMap:
		obj, ok := value.(map[string]any)
		if !ok {
			v.fail(path, "Member must be a map")
			return
		}
		v.length(path, c, len(obj))
		keys := make([]string, 0, len(obj))
		for k := range obj {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			v.value(path+".key", shape.Key, v.svc.Shapes[shape.Key].Constraints, k)
			if obj[k] != nil {
				v.value(path+"."+k, shape.Value, v.svc.Shapes[shape.Value].Constraints, obj[k])
			}
		}
	case apimodel.TypeStructure, apimodel.TypeUnion:
		obj, ok := value.(map[string]any)
		if !ok {
			v.fail(path, "Member must be a structure")
			return
		}
		for _, m := range shape.Members {
			item, present := obj[m.Name]
			v.member(path+"."+m.Name, m, item, present && item != nil)
		}
	}
}

// length checks a list or map length (entries).
func (v *modelValidator) length(path string, c apimodel.Constraints, n int) {
	if c.Length.Min != nil && int64(n) < *c.Length.Min {
		v.fail(path, fmt.Sprintf("Member must have length greater than or equal to %d", *c.Length.Min))
	}
	if c.Length.Max != nil && int64(n) > *c.Length.Max {
		v.fail(path, fmt.Sprintf("Member must have length less than or equal to %d", *c.Length.Max))
	}
}
