package emulator

import (
	"errors"
	"testing"

	"github.com/connect-cases/terraform-provider-cases/internal/apimodel"
)

// Every operation of the Connect model has a handler and every handler an
// operation, so the router is the model's and nothing else.
func TestConnectAPI_coversTheModel(t *testing.T) {
	if err := connectAPI.check(); err != nil {
		t.Fatal(err)
	}
	if routes := connectAPI.routes(); len(routes) != len(connectModel.Operations) {
		t.Errorf("%d routes for %d operations", len(routes), len(connectModel.Operations))
	}
	extra := &apiTable{service: connectModel, handlers: map[string]operationHandler{"Nope": nil}}
	for k, v := range connectAPI.handlers {
		extra.handlers[k] = v
	}
	if err := extra.check(); err == nil {
		t.Error("a handler without an operation was accepted")
	}
	missing := &apiTable{service: connectModel, handlers: map[string]operationHandler{}}
	if err := missing.check(); err == nil {
		t.Error("operations without handlers were accepted")
	}
}

// The errors the handlers answer are the model's: the duplicate of a
// second Cases domain is the error CreateIntegrationAssociation declares,
// with its status.
func TestConnectErrors_fromTheModel(t *testing.T) {
	op := connectModel.Operations["CreateIntegrationAssociation"]
	if !op.Declares(connectCodeDuplicateResource) {
		t.Fatalf("CreateIntegrationAssociation declares %v, not %s", op.Errors, connectCodeDuplicateResource)
	}
	if got := connectError(connectCodeDuplicateResource, "x").Status; got != connectModel.Shapes[connectCodeDuplicateResource].HTTPStatus || got != 409 {
		t.Errorf("DuplicateResourceException status = %d, want the model's 409", got)
	}
	for _, name := range connectModel.OperationNames() {
		op := connectModel.Operations[name]
		if code := validationCode(op); !op.Declares(code) {
			t.Errorf("%s answers invalid input with %s, which it does not declare", name, code)
		}
	}
	if connectAPI.mayReturn(connectModel.Operations["ListInstances"], connectCodeResourceNotFound) {
		t.Error("ListInstances may not answer ResourceNotFoundException")
	}
}

// The shared machinery speaks Cases codes; a Connect request gets the
// Connect shapes for the same conditions, with their model statuses, and
// keeps a status a fault rule chose.
func TestConnectAPI_localizesSharedErrors(t *testing.T) {
	tag, list := connectModel.Operations["TagResource"], connectModel.Operations["ListInstances"]
	for _, tc := range []struct {
		op         *apimodel.Operation
		in         *APIError
		code       string
		status     int
		retryAfter bool
	}{
		{list, validationError("bad"), connectCodeInvalidRequest, 400, false},
		{tag, validationError("bad"), connectCodeInvalidParameter, 400, false},
		{nil, validationError("bad"), connectCodeInvalidRequest, 400, false},
		{list, NewAPIError(CodeInternalServer, "boom"), connectCodeInternalService, 500, true},
		{list, &APIError{Code: CodeInternalServer, Status: 503, Message: "fault rule"}, connectCodeInternalService, 503, true},
		{list, NewAPIError(connectCodeDuplicateResource, "fault rule naming a Connect code"), connectCodeDuplicateResource, 409, false},
		{list, NewAPIError(CodeThrottling, "slow down"), CodeThrottling, 429, false},
	} {
		var got *APIError
		if !errors.As(connectAPI.localize(tc.op, tc.in), &got) {
			t.Fatalf("%v: not an APIError", tc.in)
		}
		if got.Code != tc.code || got.Status != tc.status || (got.RetryAfterSeconds > 0) != tc.retryAfter {
			t.Errorf("localize(%v) = %s %d retry %d; want %s %d retry %v", tc.in, got.Code, got.Status, got.RetryAfterSeconds, tc.code, tc.status, tc.retryAfter)
		}
		if again := connectAPI.localize(tc.op, got).(*APIError); again.Code != got.Code || again.Status != got.Status {
			t.Errorf("localizing %s twice gave %s %d", got.Code, again.Code, again.Status)
		}
	}
	if err := validationError("x"); casesAPI.localize(nil, err) != error(err) {
		t.Error("the Cases API changed a Cases error")
	}
}
