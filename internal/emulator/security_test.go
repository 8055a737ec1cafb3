package emulator_test

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/service/connectcases"

	"github.com/connect-cases/terraform-provider-cases/internal/emulator"
)

// requireStillServing: after a hostile request, a normal one succeeds.
func requireStillServing(t *testing.T, client *connectcases.Client) {
	t.Helper()
	if _, err := client.ListDomains(context.Background(), &connectcases.ListDomainsInput{}); err != nil {
		t.Fatalf("the emulator stopped serving after a hostile request: %v", err)
	}
}

func TestSigV4_rejectsMissingSignedHeaders(t *testing.T) {
	server := startSigV4Emulator(t, 0)
	for _, left := range []string{"host", "x-amz-date"} {
		t.Run("without "+left, func(t *testing.T) {
			req := signedRequest(t, server, http.MethodPost, "/domains-list", nil, sigv4Key, testSecret, time.Now())
			// Drop the header from SignedHeaders: it is then not covered by
			// the signature, and a proxy could change it unnoticed.
			authz := req.Header.Get("Authorization")
			start := strings.Index(authz, "SignedHeaders=") + len("SignedHeaders=")
			end := start + strings.Index(authz[start:], ",")
			var kept []string
			for _, h := range strings.Split(authz[start:end], ";") {
				if h != left {
					kept = append(kept, h)
				}
			}
			req.Header.Set("Authorization", authz[:start]+strings.Join(kept, ";")+authz[end:])

			body := do(t, req).requireWireError(t, http.StatusForbidden, emulator.CodeInvalidSignature)
			if msg := fmt.Sprint(body["message"]); !strings.Contains(msg, "SignedHeaders") || !strings.Contains(msg, left) {
				t.Errorf("message = %q, want it to say that SignedHeaders must list %s", msg, left)
			}
			requireStillServing(t, newClient(server, sigv4Key, testSecret, testRegion))
		})
	}
}

// TestSigV4_rejectsAReplayOutsideTheSkewWindow: a captured request, sent
// again unchanged once the 15 minutes of allowed clock skew have passed,
// is refused even though its signature is valid.
func TestSigV4_rejectsAReplayOutsideTheSkewWindow(t *testing.T) {
	var offset atomic.Int64
	_, server := startEmulator(t, emulator.Options{
		Auth:        emulator.AuthSigV4,
		Credentials: map[string]string{sigv4Key: testSecret},
		Now:         func() time.Time { return time.Now().Add(time.Duration(offset.Load())) },
	})
	body := []byte(`{"name":"replayed"}`)
	captured := signedRequest(t, server, http.MethodPost, "/domains", body, sigv4Key, testSecret, time.Now())
	replay := func() *http.Request {
		r := captured.Clone(context.Background())
		r.Body = http.NoBody
		r.Body, r.ContentLength = readCloser(body), int64(len(body))
		return r
	}

	if resp := do(t, replay()); resp.status != http.StatusOK {
		t.Fatalf("original request = %d %s", resp.status, resp.body)
	}
	offset.Store(int64(16 * time.Minute))
	msg := do(t, replay()).requireWireError(t, http.StatusForbidden, emulator.CodeInvalidSignature)["message"]
	if !strings.Contains(fmt.Sprint(msg), "Signature expired") {
		t.Errorf("message = %q, want Signature expired", msg)
	}
	offset.Store(0) // a freshly signed request is fine again
	requireStillServing(t, newClient(server, sigv4Key, testSecret, testRegion))
}

// TestWire_hostileRequests: malformed, oversized, deeply nested, invalid
// UTF-8 and path traversal requests get a clear 4xx, and the emulator
// keeps serving.
func TestWire_hostileRequests(t *testing.T) {
	e, server := startEmulator(t, emulator.Options{})
	client := defaultClient(server)
	// Something to lose: a hostile request must neither change nor reset it.
	createDomain(t, client, "survivor")

	for _, tc := range []struct {
		name, method, path string
		body               []byte
		status             int
		message            string
	}{
		{"deeply nested JSON", http.MethodPost, "/domains", []byte(`{"name":` + strings.Repeat("[", 100_000) + strings.Repeat("]", 100_000) + `}`), http.StatusBadRequest, "not valid JSON"},
		{"deeply nested object", http.MethodPost, "/domains", []byte(strings.Repeat(`{"a":`, 50_000) + "1" + strings.Repeat("}", 50_000)), http.StatusBadRequest, ""},
		{"huge JSON under the size limit", http.MethodPost, "/domains", []byte(`{"name":"` + strings.Repeat("n", 900_000) + `"}`), http.StatusBadRequest, "name"},
		{"huge JSON over the size limit", http.MethodPost, "/domains", []byte(`{"name":"x","pad":"` + strings.Repeat("p", 2<<20) + `"}`), http.StatusRequestEntityTooLarge, "exceeds the limit"},
		{"invalid UTF-8 in a string", http.MethodPost, "/domains", []byte("{\"name\":\"bad\xff\xfename\"}"), http.StatusBadRequest, "UTF-8"},
		{"invalid UTF-8 in a tag", http.MethodPost, "/tags/" + url.PathEscape("arn:aws:cases:us-west-2:123456789012:domain/x"), []byte("{\"tags\":{\"k\":\"\xc3\x28\"}}"), http.StatusBadRequest, "UTF-8"},
		{"dot-dot id", http.MethodPost, "/domains/..", nil, http.StatusNotFound, ""},
		{"traversal in an id", http.MethodPost, "/domains/..%2F..%2Fetc%2Fpasswd", nil, http.StatusNotFound, ""},
		{"encoded traversal", http.MethodPost, "/domains/%2e%2e%2f%2e%2e%2fdomains-list", nil, http.StatusNotFound, ""},
		{"traversal across routes", http.MethodPost, "/domains/../domains-list", nil, http.StatusNotFound, ""},
		{"traversal into the control API", http.MethodPost, "/domains/..%2F_emulator%2Freset", nil, http.StatusNotFound, ""},
		{"NUL in an id", http.MethodDelete, "/domains/a%00b", nil, http.StatusNotFound, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before := len(e.Domains(emulator.DefaultAccount, testRegion))

			resp := signedPost(t, server, tc.method, tc.path, tc.body)
			if resp.status < 400 || resp.status > 499 {
				t.Fatalf("status = %d (%s), want a 4xx", resp.status, truncate(resp.body))
			}
			if resp.status != tc.status {
				t.Errorf("status = %d (%s), want %d", resp.status, truncate(resp.body), tc.status)
			}
			if !strings.Contains(string(resp.body), tc.message) {
				t.Errorf("body = %s, want it to mention %q", truncate(resp.body), tc.message)
			}
			if resp.header.Get("X-Amzn-ErrorType") == "" {
				t.Errorf("no X-Amzn-ErrorType: %s", truncate(resp.body))
			}
			// Nothing was changed or reset, and the process serves on.
			if after := len(e.Domains(emulator.DefaultAccount, testRegion)); after != before {
				t.Errorf("domains went from %d to %d", before, after)
			}
			requireStillServing(t, client)
		})
	}
}

func truncate(b []byte) string {
	if len(b) > 200 {
		return string(b[:200]) + "..."
	}
	return string(b)
}

func readCloser(b []byte) *readerOnly { return &readerOnly{bytes.NewReader(b)} }
