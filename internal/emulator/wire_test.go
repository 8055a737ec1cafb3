package emulator_test

// Wire tests: raw HTTP for what the SDK never sends (malformed bodies,
// unknown routes) and for the exact bytes of responses.

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/connect-cases/terraform-provider-cases/internal/emulator"
)

// signedPost sends a signed request with body; in the default auth mode any
// key will do.
func signedPost(t *testing.T, server *emulator.Server, method, path string, body []byte) rawResponse {
	t.Helper()
	return do(t, signedRequest(t, server, method, path, body, "AKIDEXAMPLE", testSecret, time.Now()))
}

func TestWire_malformedJSON(t *testing.T) {
	_, server := startEmulator(t, emulator.Options{})

	for _, tc := range []struct{ name, body, message string }{
		{"not JSON", `{"name":`, "The request body is not valid JSON"},
		{"not an object", `["name"]`, "The request body must be a JSON object"},
		{"wrong member type", `{"name":42}`, "Value at 'name' failed to satisfy constraint: Member must be a JSON string"},
		{"trailing data", `{"name":"a"} {}`, "The request body is not valid JSON"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			body := signedPost(t, server, http.MethodPost, "/domains", []byte(tc.body)).
				requireWireError(t, http.StatusBadRequest, emulator.CodeValidation)
			if !strings.Contains(fmt.Sprint(body["message"]), tc.message) {
				t.Errorf("message = %q, want it to contain %q", body["message"], tc.message)
			}
		})
	}

	t.Run("empty body reads as an empty object", func(t *testing.T) {
		body := signedPost(t, server, http.MethodPost, "/domains", nil).
			requireWireError(t, http.StatusBadRequest, emulator.CodeValidation)
		want := "1 validation error detected: Value null at 'name' failed to satisfy constraint: Member must not be null"
		if body["message"] != want {
			t.Errorf("message = %q, want %q", body["message"], want)
		}
	})
	t.Run("tags required", func(t *testing.T) {
		path := "/tags/" + url.PathEscape("arn:aws:cases:us-west-2:123456789012:domain/x")
		signedPost(t, server, http.MethodPost, path, []byte(`{"tags":null}`)).
			requireWireError(t, http.StatusBadRequest, emulator.CodeValidation)
	})
}

func TestWire_unknownRoutes(t *testing.T) {
	_, server := startEmulator(t, emulator.Options{})

	t.Run("unknown path", func(t *testing.T) {
		signedPost(t, server, http.MethodPost, "/no-such-operation", nil).
			requireWireError(t, http.StatusNotFound, emulator.CodeUnknownOperation)
	})
	t.Run("unescaped ARN spans two segments", func(t *testing.T) {
		signedPost(t, server, http.MethodGet, "/tags/arn:aws:cases:us-west-2:123456789012:domain/x", nil).
			requireWireError(t, http.StatusNotFound, emulator.CodeUnknownOperation)
	})
	t.Run("wrong method", func(t *testing.T) {
		resp := signedPost(t, server, http.MethodPut, "/domains/abc", nil)
		resp.requireWireError(t, http.StatusMethodNotAllowed, emulator.CodeUnknownOperation)
		if got := strings.Join(resp.header.Values("Allow"), ","); got != "DELETE,POST" {
			t.Errorf("Allow = %q, want DELETE,POST", got)
		}
	})
	t.Run("routing comes before authentication", func(t *testing.T) {
		req, err := http.NewRequest(http.MethodGet, server.URL()+"/nothing-here", nil)
		if err != nil {
			t.Fatal(err)
		}
		do(t, req).requireWireError(t, http.StatusNotFound, emulator.CodeUnknownOperation)
	})
}

func TestWire_bodyLimit(t *testing.T) {
	_, server := startEmulator(t, emulator.Options{})
	huge := []byte(`{"name":"` + strings.Repeat("a", 1<<20) + `"}`)

	signedPost(t, server, http.MethodPost, "/domains", huge).
		requireWireError(t, http.StatusRequestEntityTooLarge, emulator.CodeValidation)

	t.Run("without Content-Length", func(t *testing.T) {
		req := signedRequest(t, server, http.MethodPost, "/domains", huge, "AKIDEXAMPLE", testSecret, time.Now())
		req.ContentLength = -1 // sent chunked
		req.Body = readerOnly{bytes.NewReader(huge)}
		do(t, req).requireWireError(t, http.StatusRequestEntityTooLarge, emulator.CodeValidation)
	})
}

// readerOnly hides the length of its reader from net/http.
type readerOnly struct{ *bytes.Reader }

func (readerOnly) Close() error { return nil }

func TestWire_responses(t *testing.T) {
	_, server := startEmulator(t, emulator.Options{})

	created := signedPost(t, server, http.MethodPost, "/domains", []byte(`{"name":"wire"}`))
	if created.status != http.StatusOK || created.header.Get("Content-Type") != "application/json" {
		t.Fatalf("CreateDomain: %d %s %s", created.status, created.header.Get("Content-Type"), created.body)
	}
	var domain struct {
		DomainID     string `json:"domainId"`
		DomainARN    string `json:"domainArn"`
		DomainStatus string `json:"domainStatus"`
	}
	if err := json.Unmarshal(created.body, &domain); err != nil {
		t.Fatal(err)
	}

	got := signedPost(t, server, http.MethodPost, "/domains/"+domain.DomainID, nil)
	var body map[string]any
	if err := json.Unmarshal(got.body, &body); err != nil {
		t.Fatal(err)
	}
	// CreatedTime has timestampFormat "date-time": an RFC 3339 string.
	createdTime, _ := body["createdTime"].(string)
	if _, err := time.Parse(time.RFC3339Nano, createdTime); err != nil || !strings.HasSuffix(createdTime, "Z") {
		t.Errorf("createdTime = %v, want an RFC 3339 UTC string", body["createdTime"])
	}
	for _, member := range []string{"domainId", "domainArn", "name", "createdTime", "domainStatus", "tags"} {
		if _, ok := body[member]; !ok {
			t.Errorf("GetDomain response lacks %s: %s", member, got.body)
		}
	}

	notFound := signedPost(t, server, http.MethodPost, "/domains/missing", nil).
		requireWireError(t, http.StatusNotFound, emulator.CodeResourceNotFound)
	if notFound["resourceId"] != "missing" || notFound["resourceType"] != "Domain" {
		t.Errorf("ResourceNotFoundException body = %v", notFound)
	}

	listed := signedPost(t, server, http.MethodPost, "/domains-list", nil)
	if !bytes.Contains(listed.body, []byte(`"domains":[{`)) || bytes.Contains(listed.body, []byte("nextToken")) {
		t.Errorf("ListDomains body = %s, want one page without nextToken", listed.body)
	}
}

func TestWire_everyResponseHasARequestID(t *testing.T) {
	_, server := startEmulator(t, emulator.Options{})
	seen := map[string]bool{}
	check := func(name string, resp rawResponse) {
		t.Helper()
		id := resp.header.Get("X-Amzn-RequestId")
		if !uuidPattern.MatchString(id) {
			t.Errorf("%s: x-amzn-RequestId = %q, want a UUID", name, id)
		}
		if seen[id] {
			t.Errorf("%s: request id %s was used before", name, id)
		}
		seen[id] = true
	}
	get := func(path string) rawResponse {
		req, err := http.NewRequest(http.MethodGet, server.URL()+path, nil)
		if err != nil {
			t.Fatal(err)
		}
		return do(t, req)
	}

	check("success", signedPost(t, server, http.MethodPost, "/domains-list", nil))
	check("validation error", signedPost(t, server, http.MethodPost, "/domains", []byte("{")))
	check("unknown route", get("/unknown"))
	check("unsigned", get("/tags/x"))
	check("control API", get("/_emulator/health"))
}
