package emulator_test

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/connect-cases/terraform-provider-cases/internal/emulator"
)

// fuzzAuthorization returns headers of a well-formed SigV4 request, which
// the emulator's default auth mode accepts without checking the signature,
// so the fuzzer reaches routing, decoding and the handlers.
func fuzzAuthorization(now time.Time) http.Header {
	h := http.Header{}
	h.Set("X-Amz-Date", now.UTC().Format("20060102T150405Z"))
	h.Set("Authorization", "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/"+now.UTC().Format("20060102")+
		"/us-west-2/cases/aws4_request, SignedHeaders=host;x-amz-date, Signature=0123abcd")
	return h
}

// serveFuzz sends one request through the emulator's ServeHTTP.
func serveFuzz(e *emulator.Emulator, method, path string, body []byte, header http.Header) (*httptest.ResponseRecorder, bool) {
	req, err := http.NewRequest(method, "http://127.0.0.1"+path, bytes.NewReader(body))
	if err != nil {
		return nil, false // not a request a client could send
	}
	for k, v := range header {
		req.Header[k] = v
	}
	rec := httptest.NewRecorder()
	e.ServeHTTP(rec, req)
	return rec, true
}

// FuzzRouter feeds methods, paths and bodies through the whole request
// path: routing, body limit, SigV4 parsing, JSON decoding, validation and
// the handlers. In the path, {domain} and {arn} stand for a domain that
// exists (and {arn} for its escaped ARN), so the fuzzer reaches the
// operations inside a domain too. Whatever comes in, the emulator must
// answer in the wire format, never with a 5xx (a handler panic is turned
// into a 500, so a 500 here is a crash), and keep serving.
func FuzzRouter(f *testing.F) {
	for _, seed := range []struct{ method, path, body string }{
		{"POST", "/domains", `{"name":"support"}`},
		{"POST", "/domains", `{"name":"support","tags":{"env":"prod","k":null}}`},
		{"POST", "/domains", `{"name":"trailing "}`},
		{"POST", "/domains", `{"name":42}`},
		{"POST", "/domains", `["name"]`},
		{"POST", "/domains", `{"name":` + strings.Repeat("[", 64)},
		{"POST", "/domains", "{\"name\":\"bad\xff\"}"},
		{"POST", "/domains/{domain}", ``},
		{"POST", "/domains/..%2F..%2Fetc", ``},
		{"POST", "/domains-list", `{"maxResults":1}`},
		{"POST", "/domains-list", `{"maxResults":0,"nextToken":"not-a-token"}`},
		{"DELETE", "/domains/{domain}", ``},
		{"POST", "/domains/{domain}/fields", `{"name":"priority","type":"SingleSelect","description":"p"}`},
		{"POST", "/domains/{domain}/fields", `{"name":"n","type":"Nope"}`},
		{"POST", "/domains/{domain}/fields-batch", `{"fields":[{"id":"status"},{"id":"missing"}]}`},
		{"POST", "/domains/{domain}/fields-list", `{"maxResults":100}`},
		{"PUT", "/domains/{domain}/fields/status", `{"name":"renamed"}`},
		{"DELETE", "/domains/{domain}/fields/status", ``},
		{"PUT", "/domains/{domain}/fields/status/options", `{"options":[{"name":"a","value":"a","active":true}]}`},
		{"POST", "/domains/{domain}/fields/status/options-list", `{}`},
		{"POST", "/tags/{arn}", `{"tags":{"a":"b"}}`},
		{"DELETE", "/tags/{arn}?tagKeys=a&tagKeys=b", ``},
		{"GET", "/tags/{arn}", ``},
		{"GET", "/tags/arn%3Aaws%3Acases%3Aus-west-2%3A123456789012%3Adomain%2Fx%2Ffield%2Fy", ``},
		{"PATCH", "/domains", `{}`},
	} {
		f.Add(seed.method, seed.path, []byte(seed.body))
	}

	f.Fuzz(func(t *testing.T, method, path string, body []byte) {
		if !strings.HasPrefix(path, "/") || strings.HasPrefix(path, "/_emulator/") {
			return // the control API is for the operator; not under test here
		}
		e, err := emulator.New(emulator.Options{})
		if err != nil {
			t.Fatal(err)
		}
		header := fuzzAuthorization(time.Now())
		created, _ := serveFuzz(e, http.MethodPost, "/domains", []byte(`{"name":"fuzz"}`), header)
		var domain struct {
			DomainID  string `json:"domainId"`
			DomainARN string `json:"domainArn"`
		}
		if err := json.Unmarshal(created.Body.Bytes(), &domain); err != nil || domain.DomainID == "" {
			t.Fatalf("creating the fuzz domain: %s", created.Body)
		}
		path = strings.ReplaceAll(path, "{domain}", domain.DomainID)
		path = strings.ReplaceAll(path, "{arn}", url.PathEscape(domain.DomainARN))

		rec, ok := serveFuzz(e, method, path, body, header)
		if !ok {
			return
		}
		if rec.Code >= 500 {
			t.Fatalf("%s %s with body %q: status %d %s", method, path, body, rec.Code, rec.Body)
		}
		// The emulator writes these headers under AWS's exact spelling.
		if exactHeaderValue(rec.Header(), "x-amzn-RequestId") == "" {
			t.Errorf("no request id: %v", rec.Header())
		}
		if method != http.MethodHead && !json.Valid(rec.Body.Bytes()) {
			t.Errorf("%s %s: response body is not JSON: %q", method, path, rec.Body)
		}
		if rec.Code >= 400 && exactHeaderValue(rec.Header(), "X-Amzn-ErrorType") == "" {
			t.Errorf("%s %s: error %d without X-Amzn-ErrorType", method, path, rec.Code)
		}
		// The emulator still serves.
		if again, _ := serveFuzz(e, http.MethodPost, "/domains-list", nil, header); again.Code != http.StatusOK {
			t.Fatalf("ListDomains after %s %s: %d %s", method, path, again.Code, again.Body)
		}
	})
}

// FuzzParseFaultConfig: any input is rejected with an error or gives a
// config that the emulator accepts and that survives a JSON round trip,
// which is how GET /_emulator/faults can be PUT back.
func FuzzParseFaultConfig(f *testing.F) {
	for _, seed := range []string{
		`{"rules":[]}`,
		`{"seed":7,"rules":[{"operations":["CreateDomain"],"probability":0.1,"action":"commitThenFail","then":"drop"}]}`,
		`{"rules":[{"probability":0.3,"action":"error","code":"ThrottlingException","retryAfterSeconds":1,"latency":"20ms"}]}`,
		`{"rules":[{"action":"latency","latency":"-1s"}]}`,
		`{"rules":[{"action":"error","code":"X","status":600}]}`,
		`{"rules":[{"action":"drop","times":3,"accounts":["111122223333"],"regions":["us-west-2"]}],"fired":[2]}`,
		`{"rules":[{"action":"drop","probability":1e400}]}`,
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := emulator.ParseFaultConfig(data)
		if err != nil {
			return
		}
		e, err := emulator.New(emulator.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if err := e.SetFaults(c); err != nil {
			t.Fatalf("ParseFaultConfig accepted %q, SetFaults rejects it: %v", data, err)
		}
		state, err := json.Marshal(e.Faults())
		if err != nil {
			t.Fatal(err)
		}
		again, err := emulator.ParseFaultConfig(state)
		if err != nil {
			t.Fatalf("GET faults %s cannot be PUT back: %v", state, err)
		}
		if len(again.Rules) != len(c.Rules) {
			t.Fatalf("round trip changed the rules: %+v -> %+v", c.Rules, again.Rules)
		}
	})
}

// exactHeaderValue reads a header stored under a non-canonical spelling,
// falling back to the canonical one.
func exactHeaderValue(h http.Header, name string) string {
	for key, values := range h {
		if strings.EqualFold(key, name) && len(values) > 0 {
			return values[0]
		}
	}
	return ""
}
