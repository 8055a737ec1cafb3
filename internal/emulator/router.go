package emulator

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/connect-cases/terraform-provider-cases/internal/apimodel"
)

// apiTable is one API the emulator serves (casesAPI in handlers.go,
// connectAPI in connect.go): the generated model of a service and the
// handlers bound to its operations by name. Routes come from the model
// alone (apiTable.routes), so a handler cannot be reached at a path the
// model does not give its operation; requests are validated against the
// operation's input shape (validate.go) and the errors handlers answer are
// checked against those it declares (declared.go), the same way for every
// API.
type apiTable struct {
	service *apimodel.Service
	// handlers by operation name.
	handlers map[string]operationHandler
	// notImplemented lists the operations of the model that the emulator
	// routes but does not serve: they answer NotImplementedException.
	notImplemented []string
	// errors says how the API names the conditions the shared machinery
	// reports (errors.go).
	errors apiErrors
	// rateLimited: requests pass the emulator's rate limiter
	// (RuntimeConfig.RateLimits, the quotas of the Cases API).
	rateLimited bool
}

// check reports an operation of the model with neither a handler nor a
// place in notImplemented (or both), and a handler or notImplemented entry
// the model does not have: the table and the model must agree.
func (api *apiTable) check() error {
	var problems []string
	for _, name := range api.service.OperationNames() {
		_, handled := api.handlers[name]
		listed := slices.Contains(api.notImplemented, name)
		switch {
		case handled && listed:
			problems = append(problems, name+" has a handler and is listed as not implemented")
		case !handled && !listed:
			problems = append(problems, name+" has no handler and is not listed as not implemented")
		}
	}
	for name := range api.handlers {
		if api.service.Operations[name] == nil {
			problems = append(problems, "a handler is bound to "+name+", which the model does not have")
		}
	}
	for _, name := range api.notImplemented {
		if api.service.Operations[name] == nil {
			problems = append(problems, "not implemented lists "+name+", which the model does not have")
		}
	}
	if len(problems) > 0 {
		sort.Strings(problems)
		return fmt.Errorf("emulator: the %s table disagrees with its model: %s", api.service.Name, strings.Join(problems, "; "))
	}
	return nil
}

// router returns the router of the API's routes.
func (api *apiTable) router() *router {
	rt := newRouter(api.routes())
	rt.api = api
	return rt
}

// routes returns one route per operation of the model, in name order.
func (api *apiTable) routes() []route {
	var routes []route
	for _, name := range api.service.OperationNames() {
		op := api.service.Operations[name]
		handle := api.handlers[name]
		if handle == nil {
			handle = notImplemented
		}
		// A URI may carry a literal query after "?"; the path is what routes.
		path, _, _ := strings.Cut(op.URI, "?")
		routes = append(routes, route{method: op.Method, path: path, operation: name, handle: handle, api: api, op: op})
	}
	return routes
}

// notImplemented answers an operation of the model the emulator does not
// serve, saying so plainly rather than pretending to be the service.
func notImplemented(_ *Emulator, req *opRequest) (any, error) {
	return nil, NewAPIError(CodeNotImplemented, fmt.Sprintf("The emulator does not implement %s; it serves the configuration operations of the API (see internal/emulator/handlers.go).", req.call.Operation))
}

// maxRequestBodyBytes bounds every request body. The largest Cases request
// bodies (CreateCase with many fields, UpdateLayout) stay far below 1 MiB; a
// bigger body is a client bug or abuse and gets 413 before it is read whole.
const maxRequestBodyBytes = 1 << 20

// controlPrefix is where the control API lives; no Cases route starts with it.
const controlPrefix = "/_emulator/"

// requestIDHeader is spelled as AWS spells it. It goes into the header map
// directly because Header.Set would canonicalize it to "X-Amzn-Requestid".
const requestIDHeader = "x-amzn-RequestId"

// Call identifies one Cases API request once it has been routed and
// authenticated: what a fault injector matches its rules on.
type Call struct {
	// Operation is the Smithy operation name, e.g. "CreateDomain".
	Operation string
	// Account and Region are the tenant the request acts on.
	Account string
	Region  string
	// RequestID is the x-amzn-RequestId of the response.
	RequestID string
}

// FaultInjector is the seam for fault injection: every Cases operation is
// dispatched through Emulator.dispatch, which consults it on both sides of
// the handler. Control API requests never reach it.
type FaultInjector interface {
	// BeforeOperation runs after routing, authentication and body reading,
	// before the handler. Returning a non-nil error answers the request with
	// it (an *APIError as is, ErrDropConnection drops the connection, any
	// other error becomes InternalServerException) and skips the handler. It
	// may block to add latency; ctx ends when the client goes away.
	BeforeOperation(ctx context.Context, call Call) error
	// AfterOperation runs after the handler has committed (result nil) or
	// failed (result is its error), before anything is written. Returning
	// a non-nil error replaces the response, which is how "commit, then
	// fail" is injected.
	AfterOperation(ctx context.Context, call Call, result error) error
}

// ErrDropConnection, returned by a FaultInjector, closes the connection
// without a response, as a network failure would.
var ErrDropConnection = errors.New("emulator: drop connection")

// operationHandler implements one operation. It returns the response
// document (nil means an empty object) or an error, preferably *APIError.
// Handlers never write to the ResponseWriter, so that the dispatcher can
// still replace their response after they have committed.
type operationHandler func(e *Emulator, req *opRequest) (any, error)

// route binds an HTTP method and path pattern (smithy.api#http uri, labels
// in braces) to an operation.
type route struct {
	method    string
	path      string
	operation string
	handle    operationHandler
	// api and op are the API and model operation of an API route; nil for
	// the control API.
	api *apiTable
	op  *apimodel.Operation
}

// opRequest is what a handler sees of the request.
type opRequest struct {
	ctx    context.Context
	call   Call
	labels map[string]string // httpLabel members, unescaped
	query  url.Values        // httpQuery members
	body   []byte
}

// label returns an httpLabel member.
func (r *opRequest) label(name string) string { return r.labels[name] }

// decodeBody reads the JSON document of the request into v. An empty body
// reads as an empty object. The dispatcher has already checked the body
// against the operation's input shape (validateRequest), so an error here
// means a handler's input type disagrees with the model.
func (r *opRequest) decodeBody(v any) error {
	if len(bytes.TrimSpace(r.body)) == 0 {
		return nil
	}
	if err := json.Unmarshal(r.body, v); err != nil {
		return fmt.Errorf("decoding a request the model accepts: %w", err)
	}
	return nil
}

// router matches a method and an escaped path against a route table.
type router struct {
	routes []compiledRoute
	// api is the API the routes belong to; nil for the control API.
	api *apiTable
}

type compiledRoute struct {
	route
	segments []string // literal segments, or "{label}"
}

func newRouter(sets ...[]route) *router {
	rt := &router{}
	for _, set := range sets {
		for _, r := range set {
			rt.routes = append(rt.routes, compiledRoute{route: r, segments: strings.Split(strings.TrimPrefix(r.path, "/"), "/")})
		}
	}
	// A literal segment wins over a label in the same place, whatever the
	// order of the table.
	sort.SliceStable(rt.routes, func(i, j int) bool { return rt.routes[i].labelCount() < rt.routes[j].labelCount() })
	return rt
}

func (r *compiledRoute) labelCount() int {
	n := 0
	for _, s := range r.segments {
		if strings.HasPrefix(s, "{") {
			n++
		}
	}
	return n
}

// match finds the route for method and escapedPath. Labels are matched on
// the escaped path, one segment each, and unescaped afterwards: httpLabel
// members are not greedy, so an ARN label arrives with its "/" as %2F.
// A path bound to other methods gives 405 with Allow; no path gives 404.
func (rt *router) match(method, escapedPath string) (*route, map[string]string, *APIError) {
	segments := strings.Split(strings.TrimPrefix(escapedPath, "/"), "/")
	var allowed []string
	for i := range rt.routes {
		candidate := &rt.routes[i]
		labels, ok := candidate.matchSegments(segments)
		if !ok {
			continue
		}
		if candidate.method == method {
			return &candidate.route, labels, nil
		}
		allowed = append(allowed, candidate.method)
	}
	if len(allowed) > 0 {
		sort.Strings(allowed)
		apiErr := NewAPIError(CodeUnknownOperation, fmt.Sprintf("No operation is bound to %s %s; this path accepts %s.", method, escapedPath, strings.Join(allowed, ", ")))
		apiErr.Status = http.StatusMethodNotAllowed
		apiErr.Allow = allowed
		return nil, nil, apiErr
	}
	return nil, nil, NewAPIError(CodeUnknownOperation, fmt.Sprintf("No operation is bound to %s %s.", method, escapedPath))
}

func (r *compiledRoute) matchSegments(segments []string) (map[string]string, bool) {
	if len(segments) != len(r.segments) {
		return nil, false
	}
	var labels map[string]string
	for i, pattern := range r.segments {
		if name, ok := strings.CutPrefix(pattern, "{"); ok {
			value, err := url.PathUnescape(segments[i])
			if err != nil || value == "" {
				return nil, false
			}
			if labels == nil {
				labels = map[string]string{}
			}
			labels[strings.TrimSuffix(name, "}")] = value
			continue
		}
		if segments[i] != pattern {
			return nil, false
		}
	}
	return labels, true
}

// ServeHTTP serves the Cases API, the Connect subset and, under
// /_emulator/, the control API. Every response carries x-amzn-RequestId.
func (e *Emulator) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	started := time.Now()
	call := Call{RequestID: newUUID()}
	w.Header()[requestIDHeader] = []string{call.RequestID}
	rec := &statusRecorder{ResponseWriter: w}
	defer func() { e.logRequest(r, rec, call, time.Since(started)) }()

	switch {
	case strings.HasPrefix(r.URL.Path, controlPrefix):
		e.serveRoute(rec, r, e.control, &call)
	case isConnectRequest(r):
		// Signed for the Connect API (connect.go), whose paths overlap.
		e.serveRoute(rec, r, e.connect, &call)
	default:
		e.serveRoute(rec, r, e.cases, &call)
	}
}

// serveRoute routes r, reads its body, authenticates it when the route
// belongs to an API (not the control API), and dispatches it.
func (e *Emulator) serveRoute(w http.ResponseWriter, r *http.Request, rt *router, call *Call) {
	api := rt.api
	matched, labels, apiErr := rt.match(r.Method, r.URL.EscapedPath())
	if apiErr != nil {
		api.writeError(w, nil, apiErr)
		return
	}
	call.Operation = matched.operation

	body, apiErr := readBody(w, r)
	if apiErr != nil {
		api.writeError(w, matched.op, apiErr)
		return
	}
	req := &opRequest{ctx: r.Context(), labels: labels, query: r.URL.Query(), body: body}
	if api == nil {
		// The control API needs no signature: it is for the operator of the
		// emulator, like LocalStack's, and stays on a loopback address.
		req.call = *call
		out, err := e.invoke(matched.handle, req, nil)
		e.writeResult(w, nil, nil, out, err)
		return
	}

	id, apiErr := e.auth.authenticateService(r, body, api.service.SigningName)
	if apiErr != nil {
		api.writeError(w, matched.op, apiErr)
		return
	}
	call.Account, call.Region = id.account, id.region
	req.call = *call
	e.dispatch(w, req, matched)
}

// dispatch runs one API operation. It is the single place every operation
// passes through with its name and tenant known, and where the fault
// injector acts before the handler and after it has committed.
func (e *Emulator) dispatch(w http.ResponseWriter, req *opRequest, rt *route) {
	api, op := rt.api, rt.op
	// The service throttles at its front end: a request over its rate is
	// answered before anything else looks at it.
	if api.rateLimited && !e.limiter.admit(req.call, e.now()) {
		e.writeResult(w, api, op, nil, throttledError())
		return
	}
	if e.faults != nil {
		if err := e.faults.BeforeOperation(req.ctx, req.call); err != nil {
			e.writeResult(w, api, op, nil, err)
			return
		}
	}
	out, err := e.invoke(rt.handle, req, func() error {
		// The request is checked against the model before the handler
		// sees it; an operation the emulator does not serve answers
		// NotImplementedException whatever the request.
		if api.handlers[rt.operation] == nil {
			return nil
		}
		if apiErr := validateRequest(api.service, op, req); apiErr != nil {
			return apiErr
		}
		return nil
	})
	if err != nil {
		// In the API's own codes before anyone looks at them: the
		// declared-error check and the fault rules after the handler.
		err = e.requireDeclared(rt, req, api.localize(op, err))
	}
	// With a state file, a change is on disk before anything is answered.
	if saveErr := e.saveAfter(req.call.Operation); saveErr != nil {
		out, err = nil, saveErr
	}
	if e.faults != nil {
		if injected := e.faults.AfterOperation(req.ctx, req.call, err); injected != nil {
			e.writeResult(w, api, op, nil, injected)
			return
		}
	}
	e.writeResult(w, api, op, out, err)
}

// invoke runs validate (when not nil) and then, when it passes, the
// handler, turning a panic into InternalServerException so one bad request
// cannot take the emulator down.
func (e *Emulator) invoke(handle operationHandler, req *opRequest, validate func() error) (out any, err error) {
	defer func() {
		if p := recover(); p != nil {
			if p == http.ErrAbortHandler {
				panic(p)
			}
			e.log.Error("handler panicked", "operation", req.call.Operation, "requestId", req.call.RequestID, "panic", p)
			out, err = nil, NewAPIError(CodeInternalServer, "The emulator failed to process the request; see its log.")
		}
	}()
	if validate != nil {
		if err := validate(); err != nil {
			return nil, err
		}
	}
	return handle(e, req)
}

// writeResult writes a handler's response, or its error in the wire format
// of api (nil: the control API, which speaks the Cases format).
func (e *Emulator) writeResult(w http.ResponseWriter, api *apiTable, op *apimodel.Operation, out any, err error) {
	if err != nil {
		if errors.Is(err, ErrDropConnection) {
			// net/http closes the connection without a response.
			panic(http.ErrAbortHandler)
		}
		var apiErr *APIError
		if !errors.As(err, &apiErr) {
			apiErr = NewAPIError(CodeInternalServer, err.Error())
		}
		api.writeError(w, op, apiErr)
		return
	}
	if out == nil {
		out = struct{}{}
	}
	writeJSON(w, http.StatusOK, out)
}

// readBody reads at most maxRequestBodyBytes of the body.
func readBody(w http.ResponseWriter, r *http.Request) ([]byte, *APIError) {
	tooLarge := func() *APIError {
		apiErr := validationError("The request body exceeds the limit of %d bytes.", maxRequestBodyBytes)
		apiErr.Status = http.StatusRequestEntityTooLarge
		return apiErr
	}
	if r.ContentLength > maxRequestBodyBytes {
		return nil, tooLarge()
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxRequestBodyBytes))
	if err != nil {
		var maxErr *http.MaxBytesError
		if errors.As(err, &maxErr) {
			return nil, tooLarge()
		}
		return nil, validationError("Reading the request body failed: %v", err)
	}
	return body, nil
}

// statusRecorder remembers the status for the request log.
type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (r *statusRecorder) WriteHeader(status int) {
	if r.status == 0 {
		r.status = status
	}
	r.ResponseWriter.WriteHeader(status)
}

func (r *statusRecorder) Write(b []byte) (int, error) {
	if r.status == 0 {
		r.status = http.StatusOK
	}
	return r.ResponseWriter.Write(b)
}

// Unwrap lets http.ResponseController reach the underlying writer.
func (r *statusRecorder) Unwrap() http.ResponseWriter { return r.ResponseWriter }

// logRequest writes one record per request. It never logs the Authorization
// header or any other credential. Nothing is built when the logger drops
// Info records (the default when Options.Logger is nil, and -log-level warn).
func (e *Emulator) logRequest(r *http.Request, rec *statusRecorder, call Call, elapsed time.Duration) {
	if !e.log.Enabled(r.Context(), slog.LevelInfo) {
		return
	}
	attrs := []slog.Attr{
		slog.String("requestId", call.RequestID),
		slog.String("method", r.Method),
		slog.String("path", r.URL.EscapedPath()),
		slog.Int("status", rec.status),
		slog.Duration("elapsed", elapsed),
	}
	if call.Operation != "" {
		attrs = append(attrs, slog.String("operation", call.Operation))
	}
	if call.Account != "" {
		attrs = append(attrs, slog.String("account", call.Account), slog.String("region", call.Region))
	}
	if code := exactHeader(rec.Header(), errorTypeHeader); code != "" {
		attrs = append(attrs, slog.String("error", code))
	}
	e.log.LogAttrs(r.Context(), slog.LevelInfo, "request", attrs...)
}

// exactHeader reads a header stored under its exact, non-canonical spelling
// (see writeAPIError), which Header.Get would not find.
func exactHeader(h http.Header, name string) string {
	if values := h[name]; len(values) > 0 {
		return values[0]
	}
	return ""
}
