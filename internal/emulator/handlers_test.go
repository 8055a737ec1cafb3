package emulator

import (
	"strings"
	"testing"
)

// TestCasesAPI_coversModel: every operation of the Cases model has a
// handler or is listed as not implemented (never both), and no handler is
// bound to a name the model does not have.
func TestCasesAPI_coversModel(t *testing.T) {
	model := casesAPI.service
	if err := casesAPI.check(); err != nil {
		t.Error(err)
	}
	routes := casesAPI.routes()
	if len(routes) != len(model.Operations) {
		t.Errorf("%d routes for %d operations", len(routes), len(model.Operations))
	}
	t.Logf("%d operations in the model: %d implemented, %d not implemented", len(model.Operations), len(casesAPI.handlers), len(casesAPI.notImplemented))
}

// TestCasesAPI_routesMatchModel: each operation is reached at its own
// method and URI (labels filled in), and at no other operation's.
func TestCasesAPI_routesMatchModel(t *testing.T) {
	rt := newRouter(casesAPI.routes())
	for _, name := range casesAPI.service.OperationNames() {
		op := casesAPI.service.Operations[name]
		path := op.URI
		for _, seg := range []string{"{domainId}", "{fieldId}", "{layoutId}", "{templateId}", "{caseRuleId}", "{caseId}", "{relatedItemId}", "{arn}"} {
			path = strings.ReplaceAll(path, seg, "x1")
		}
		matched, _, apiErr := rt.match(op.Method, path)
		if apiErr != nil || matched.operation != name {
			t.Errorf("%s %s: matched %v, %v; want %s", op.Method, path, matched, apiErr, name)
		}
	}
}
