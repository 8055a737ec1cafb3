package emulator

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
)

// TestMain fails the whole emulator test suite when any handler answered an
// error its operation does not declare during it (declared.go), even if
// the test that provoked it did not look at the code.
func TestMain(m *testing.M) {
	code := m.Run()
	if bad := undeclaredErrors(); len(bad) > 0 {
		fmt.Fprintf(os.Stderr, "FAIL: the emulator answered %d error(s) that the operation does not declare:\n  %s\n", len(bad), strings.Join(bad, "\n  "))
		if code == 0 {
			code = 1
		}
	}
	os.Exit(code)
}

// TestDispatch_undeclaredErrorIsABug: a handler that answers an error its
// operation does not declare gets InternalServerException instead, and the
// error is recorded.
func TestDispatch_undeclaredErrorIsABug(t *testing.T) {
	e, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	// GetDomain declares no ConflictException.
	table := &apiTable{service: casesAPI.service, handlers: map[string]operationHandler{
		"GetDomain": func(*Emulator, *opRequest) (any, error) { return nil, conflictError("made up") },
		"ListDomains": func(*Emulator, *opRequest) (any, error) {
			return nil, notFoundError(resourceTypeDomain, "x") // ListDomains declares no ResourceNotFoundException
		},
		"DeleteDomain": func(*Emulator, *opRequest) (any, error) { return nil, notFoundError(resourceTypeDomain, "x") }, // declared
	}, errors: casesErrors}
	e.cases = table.router()
	before := len(undeclaredErrors())
	defer func() {
		undeclared.mu.Lock()
		undeclared.errors = undeclared.errors[:before]
		undeclared.mu.Unlock()
	}()

	for _, tc := range []struct {
		method, path, wantCode string
		recorded               bool
	}{
		{http.MethodPost, "/domains/abc", CodeInternalServer, true},
		{http.MethodPost, "/domains-list", CodeInternalServer, true},
		{http.MethodDelete, "/domains/abc", CodeResourceNotFound, false},
	} {
		req := httptest.NewRequest(tc.method, tc.path, strings.NewReader("{}"))
		req.Header.Set("Authorization", "AWS4-HMAC-SHA256 Credential=AKID/20240501/us-west-2/cases/aws4_request, SignedHeaders=host;x-amz-date, Signature=00")
		req.Header.Set("X-Amz-Date", "20240501T000000Z")
		rec := httptest.NewRecorder()
		e.ServeHTTP(rec, req)
		// The header is spelled as AWS spells it, not canonicalized.
		if got := exactHeader(rec.Header(), errorTypeHeader); got != tc.wantCode {
			t.Errorf("%s %s: error type %q, want %s (body %s)", tc.method, tc.path, got, tc.wantCode, rec.Body)
		}
	}
	got := undeclaredErrors()[before:]
	if strings.Join(got, ",") != "GetDomain: ConflictException,ListDomains: ResourceNotFoundException" {
		t.Errorf("recorded %v", got)
	}
}
