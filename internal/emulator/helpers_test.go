package emulator_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/connectcases"
	"github.com/aws/smithy-go"

	"github.com/connect-cases/terraform-provider-cases/internal/emulator"
)

const (
	testRegion = "us-west-2"
	testSecret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
)

// fakeClock is the emulator's clock in tests that watch time pass.
type fakeClock struct {
	mu  sync.Mutex
	now time.Time
}

func newFakeClock() *fakeClock {
	return &fakeClock{now: time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC)}
}

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *fakeClock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

// startEmulator serves a new emulator on 127.0.0.1 until the test ends.
func startEmulator(t testing.TB, opts emulator.Options) (*emulator.Emulator, *emulator.Server) {
	t.Helper()
	e, err := emulator.New(opts)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	server, err := emulator.Start(e, "127.0.0.1:0")
	if err != nil {
		t.Fatalf("Start: %v", err)
	}
	t.Cleanup(func() {
		if err := server.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
	})
	return e, server
}

// newClient returns the stock SDK client for the emulator, signing with
// accessKey in region. Retries are off: the emulator is deterministic, and a
// test that sees an error wants the first one.
func newClient(server *emulator.Server, accessKey, secret, region string) *connectcases.Client {
	return connectcases.New(connectcases.Options{
		Region:       region,
		BaseEndpoint: aws.String(server.URL()),
		Credentials:  credentials.NewStaticCredentialsProvider(accessKey, secret, ""),
		Retryer:      aws.NopRetryer{},
	})
}

// defaultClient signs as a key that maps to the default account.
func defaultClient(server *emulator.Server) *connectcases.Client {
	return newClient(server, "AKIDEXAMPLE", testSecret, testRegion)
}

func createDomain(t testing.TB, client *connectcases.Client, name string) *connectcases.CreateDomainOutput {
	t.Helper()
	out, err := client.CreateDomain(context.Background(), &connectcases.CreateDomainInput{Name: aws.String(name)})
	if err != nil {
		t.Fatalf("CreateDomain(%q): %v", name, err)
	}
	return out
}

// requireAPIError asserts that err is, or wraps, a T.
func requireAPIError[T error](t *testing.T, err error) {
	t.Helper()
	requireAPIErrorAs[T](t, err)
}

// requireAPIErrorAs asserts that err is, or wraps, a T and returns it.
func requireAPIErrorAs[T error](t *testing.T, err error) T {
	t.Helper()
	var target T
	if !errors.As(err, &target) {
		t.Fatalf("error = %v (%T), want %T", err, err, target)
	}
	return target
}

// requireErrorCode asserts the API error code of err, for codes outside the
// model that the SDK reports as a generic API error, and returns its message.
func requireErrorCode(t *testing.T, err error, code string) string {
	t.Helper()
	var apiErr smithy.APIError
	if !errors.As(err, &apiErr) {
		t.Fatalf("error = %v (%T), want an API error %s", err, err, code)
	}
	if apiErr.ErrorCode() != code {
		t.Fatalf("error code = %s (%v), want %s", apiErr.ErrorCode(), err, code)
	}
	return apiErr.ErrorMessage()
}

// signedRequest builds a raw request to the emulator signed as the SDK would
// sign it, so tests can change it after signing.
func signedRequest(t *testing.T, server *emulator.Server, method, path string, body []byte, accessKey, secret string, signingTime time.Time) *http.Request {
	t.Helper()
	req, err := http.NewRequest(method, server.URL()+path, bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if len(body) > 0 {
		req.Header.Set("Content-Type", "application/json")
	}
	signAt(t, req, sha256Hex(body), accessKey, secret, signingTime)
	return req
}

// signWith signs req now with the SDK's SigV4 signer.
func signWith(t *testing.T, req *http.Request, payloadHash, accessKey, secret string) {
	t.Helper()
	signAt(t, req, payloadHash, accessKey, secret, time.Now())
}

func signAt(t testing.TB, req *http.Request, payloadHash, accessKey, secret string, signingTime time.Time) {
	t.Helper()
	creds := aws.Credentials{AccessKeyID: accessKey, SecretAccessKey: secret}
	if err := v4.NewSigner().SignHTTP(context.Background(), creds, req, payloadHash, "cases", testRegion, signingTime); err != nil {
		t.Fatal(err)
	}
}

func sha256Hex(body []byte) string {
	sum := sha256.Sum256(body)
	return hex.EncodeToString(sum[:])
}

// rawResponse is a response read whole.
type rawResponse struct {
	status int
	header http.Header
	body   []byte
}

func do(t *testing.T, req *http.Request) rawResponse {
	t.Helper()
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", req.Method, req.URL, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return rawResponse{status: resp.StatusCode, header: resp.Header, body: body}
}

// requireWireError asserts the status, the X-Amzn-ErrorType header, the
// body's __type, and that the response has a request id.
func (r rawResponse) requireWireError(t *testing.T, status int, code string) map[string]any {
	t.Helper()
	if r.status != status {
		t.Errorf("status = %d, want %d (body %s)", r.status, status, r.body)
	}
	if got := r.header.Get("X-Amzn-ErrorType"); got != code {
		t.Errorf("X-Amzn-ErrorType = %q, want %q", got, code)
	}
	if r.header.Get("X-Amzn-RequestId") == "" {
		t.Error("response has no x-amzn-RequestId")
	}
	var body map[string]any
	if err := json.Unmarshal(r.body, &body); err != nil {
		t.Fatalf("error body %q is not JSON: %v", r.body, err)
	}
	if body["__type"] != code {
		t.Errorf("__type = %v, want %s", body["__type"], code)
	}
	if msg, _ := body["message"].(string); msg == "" {
		t.Errorf("error body %s has no message", r.body)
	}
	return body
}

// putConfig changes the runtime configuration through the control API.
func putConfig(t *testing.T, server *emulator.Server, patch string) emulator.RuntimeConfig {
	t.Helper()
	req, err := http.NewRequest(http.MethodPut, server.URL()+"/_emulator/config", bytes.NewReader([]byte(patch)))
	if err != nil {
		t.Fatal(err)
	}
	resp := do(t, req)
	if resp.status != http.StatusOK {
		t.Fatalf("PUT /_emulator/config %s: %d %s", patch, resp.status, resp.body)
	}
	var config emulator.RuntimeConfig
	if err := json.Unmarshal(resp.body, &config); err != nil {
		t.Fatal(err)
	}
	return config
}
