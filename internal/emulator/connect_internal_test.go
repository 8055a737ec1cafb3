package emulator

import "testing"

// Every operation of the Connect model has a handler and every handler an
// operation, so the router is the model's and nothing else.
func TestConnectRouter_coversTheModel(t *testing.T) {
	rt, err := newConnectRouter(connectModel, connectHandlers)
	if err != nil {
		t.Fatal(err)
	}
	if len(rt.routes) != len(connectModel.Operations) {
		t.Errorf("%d routes for %d operations", len(rt.routes), len(connectModel.Operations))
	}
	extra := map[string]connectHandler{"Nope": nil}
	for k, v := range connectHandlers {
		extra[k] = v
	}
	if _, err := newConnectRouter(connectModel, extra); err == nil {
		t.Error("a handler without an operation was accepted")
	}
	missing := map[string]connectHandler{}
	if _, err := newConnectRouter(connectModel, missing); err == nil {
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
	if connectMayReturn(connectModel.Operations["ListInstances"], connectCodeResourceNotFound) {
		t.Error("ListInstances may not answer ResourceNotFoundException")
	}
}
