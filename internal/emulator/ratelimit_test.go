package emulator_test

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/connectcases"
	"github.com/aws/aws-sdk-go-v2/service/connectcases/types"

	"github.com/connect-cases/terraform-provider-cases/internal/emulator"
)

// rateLimitedEmulator serves the service-defaults profile on a clock that
// only moves when the test says so.
func rateLimitedEmulator(t *testing.T) (*emulator.Emulator, *emulator.Server, *fakeClock) {
	t.Helper()
	clock := newFakeClock()
	runtime := emulator.DefaultRuntimeConfig()
	runtime.RateLimits = emulator.ServiceDefaultRateLimits()
	e, server := startEmulator(t, emulator.Options{Runtime: runtime, Now: clock.Now})
	return e, server, clock
}

// TestRateLimits_serviceDefaultsThrottleByBucket: ListDomains is in the
// config row (2 requests/s, burst 5). Five requests at one instant pass, the
// sixth is a typed ThrottlingException from the stock client with retries
// off, and half a second later one token has come back.
func TestRateLimits_serviceDefaultsThrottleByBucket(t *testing.T) {
	e, server, clock := rateLimitedEmulator(t)
	client := defaultClient(server)

	for i := range 5 {
		if err := listDomains(client); err != nil {
			t.Fatalf("request %d within the burst: %v", i+1, err)
		}
	}
	err := listDomains(client)
	throttled := requireAPIErrorAs[*types.ThrottlingException](t, err)
	if got := aws.ToString(throttled.Message); got != "Rate exceeded" {
		t.Errorf("message = %q, want %q", got, "Rate exceeded")
	}

	clock.Advance(499 * time.Millisecond)
	requireAPIError[*types.ThrottlingException](t, listDomains(client))
	clock.Advance(time.Millisecond) // 0.5 s at 2 tokens/s: one token
	if err := listDomains(client); err != nil {
		t.Fatalf("after half a second: %v", err)
	}
	requireAPIError[*types.ThrottlingException](t, listDomains(client))

	// Each operation has its own bucket, and each tenant its own buckets.
	if _, err := client.GetDomain(context.Background(), &connectcases.GetDomainInput{DomainId: aws.String("missing")}); err == nil {
		t.Fatal("GetDomain of a missing domain succeeded")
	} else {
		requireAPIError[*types.ResourceNotFoundException](t, err)
	}
	other := newClient(server, "111122223333", testSecret, testRegion)
	if err := listDomains(other); err != nil {
		t.Errorf("another account shares the bucket: %v", err)
	}
	otherRegion := newClient(server, "AKIDEXAMPLE", testSecret, "eu-west-2")
	if err := listDomains(otherRegion); err != nil {
		t.Errorf("another region shares the bucket: %v", err)
	}

	m := e.Metrics()
	want := map[string][2]int64{ // account/region/operation -> admitted, throttled
		"123456789012/us-west-2/ListDomains": {6, 3},
		"123456789012/us-west-2/GetDomain":   {1, 0},
		"111122223333/us-west-2/ListDomains": {1, 0},
		"123456789012/eu-west-2/ListDomains": {1, 0},
	}
	if len(m.Operations) != len(want) {
		t.Errorf("metrics rows = %+v, want %d rows", m.Operations, len(want))
	}
	for _, row := range m.Operations {
		key := row.Account + "/" + row.Region + "/" + row.Operation
		if got := [2]int64{row.Admitted, row.Throttled}; got != want[key] {
			t.Errorf("metrics %s = admitted %d, throttled %d; want %v", key, row.Admitted, row.Throttled, want[key])
		}
	}
	if m.Admitted != 9 || m.Throttled != 3 {
		t.Errorf("totals = %d admitted, %d throttled; want 9, 3", m.Admitted, m.Throttled)
	}
}

// TestRateLimits_throttledRequestChangesNothing: the throttle answers before
// the handler, so a throttled CreateDomain creates nothing. CreateDomain's
// burst (5) equals the domain quota (5): the sixth create is throttled, not
// refused for the quota, and the state still holds five domains.
func TestRateLimits_throttledRequestChangesNothing(t *testing.T) {
	e, server, _ := rateLimitedEmulator(t)
	client := defaultClient(server)
	for i := range 5 {
		createDomain(t, client, "d"+string(rune('a'+i)))
	}
	_, err := client.CreateDomain(context.Background(), &connectcases.CreateDomainInput{Name: aws.String("sixth")})
	requireAPIError[*types.ThrottlingException](t, err)
	if got := len(e.Domains("123456789012", testRegion)); got != 5 {
		t.Errorf("domains after a throttled create = %d, want 5", got)
	}
}

// TestRateLimits_wireFormat: 429, X-Amzn-ErrorType, request id and the
// restJson1 body, as every other emulator error.
func TestRateLimits_wireFormat(t *testing.T) {
	_, server, _ := rateLimitedEmulator(t)
	var resp rawResponse
	for range 6 {
		resp = do(t, signedRequest(t, server, http.MethodPost, "/domains-list", []byte(`{}`), "AKIDEXAMPLE", testSecret, time.Now()))
	}
	body := resp.requireWireError(t, http.StatusTooManyRequests, emulator.CodeThrottling)
	if body["message"] != "Rate exceeded" {
		t.Errorf("message = %v, want Rate exceeded", body["message"])
	}
}

// TestRateLimits_controlAPI: the profile is off by default, PUT selects a
// profile or hand-written groups (a shared group is one bucket), bad
// limits are refused, the metrics can be read and zeroed, and reset
// restores the startup configuration.
func TestRateLimits_controlAPI(t *testing.T) {
	clock := newFakeClock()
	_, server := startEmulator(t, emulator.Options{Now: clock.Now})
	client := defaultClient(server)

	if config := putConfig(t, server, `{}`); config.RateLimits != nil {
		t.Fatalf("rate limits on by default: %+v", config.RateLimits)
	}
	for range 20 {
		if err := listDomains(client); err != nil {
			t.Fatalf("throttled with rate limits off: %v", err)
		}
	}

	config := putConfig(t, server, `{"rateLimits":{"profile":"service-defaults"}}`)
	if config.RateLimits == nil || config.RateLimits.Profile != emulator.RateLimitProfileServiceDefaults || len(config.RateLimits.Groups) == 0 {
		t.Fatalf("rateLimits after selecting the profile = %+v", config.RateLimits)
	}

	config = putConfig(t, server, `{"rateLimits":{"groups":[{"name":"reads","operations":["ListDomains","GetDomain"],"rate":1,"burst":2,"shared":true}]}}`)
	if config.RateLimits.Profile != "" || len(config.RateLimits.Groups) != 1 {
		t.Fatalf("hand-written rate limits = %+v", config.RateLimits)
	}
	if err := listDomains(client); err != nil {
		t.Fatal(err)
	}
	_, err := client.GetDomain(context.Background(), &connectcases.GetDomainInput{DomainId: aws.String("missing")})
	requireAPIError[*types.ResourceNotFoundException](t, err)
	requireAPIError[*types.ThrottlingException](t, listDomains(client)) // the shared bucket is empty
	// Operations in no group, without "other", are not limited.
	for range 10 {
		if _, err := client.ListTagsForResource(context.Background(), &connectcases.ListTagsForResourceInput{Arn: aws.String("arn:aws:cases:us-west-2:123456789012:domain/missing")}); err != nil {
			requireAPIError[*types.ResourceNotFoundException](t, err)
		}
	}

	for _, bad := range []string{
		`{"rateLimits":{"profile":"fast"}}`,
		`{"rateLimits":{"groups":[{"name":"g","operations":["ListDomains"],"rate":0,"burst":1}]}}`,
		`{"rateLimits":{"groups":[{"name":"g","operations":["ListDomains"],"rate":1,"burst":0}]}}`,
		`{"rateLimits":{"groups":[{"name":"g","operations":["ListDomain"],"rate":1,"burst":1}]}}`,
		`{"rateLimits":{"groups":[{"name":"g","operations":["ListDomains"],"rate":1,"burst":1},{"name":"h","operations":["ListDomains"],"rate":1,"burst":1}]}}`,
		`{"rateLimits":{"groups":[{"operations":["ListDomains"],"rate":1,"burst":1}]}}`,
		`{"rateLimits":{"other":{"rate":-1,"burst":1}}}`,
		`{"rateLimits":{"bursts":1}}`,
	} {
		controlRequest(t, server, http.MethodPut, "config", bad).
			requireWireError(t, http.StatusBadRequest, emulator.CodeValidation)
	}

	var metrics emulator.Metrics
	resp := controlRequest(t, server, http.MethodGet, "metrics", "")
	if err := json.Unmarshal(resp.body, &metrics); err != nil || resp.status != http.StatusOK {
		t.Fatalf("GET metrics = %d %s", resp.status, resp.body)
	}
	if metrics.Admitted != 32 || metrics.Throttled != 1 {
		t.Errorf("metrics totals = %d admitted, %d throttled; want 32, 1 (%s)", metrics.Admitted, metrics.Throttled, resp.body)
	}
	resp = controlRequest(t, server, http.MethodDelete, "metrics", "")
	if err := json.Unmarshal(resp.body, &metrics); err != nil || metrics.Admitted != 0 || len(metrics.Operations) != 0 {
		t.Errorf("DELETE metrics = %d %s, want zero counters", resp.status, resp.body)
	}

	config = putConfig(t, server, `{"rateLimits":null}`)
	if config.RateLimits != nil {
		t.Errorf("rateLimits null left %+v", config.RateLimits)
	}
	putConfig(t, server, `{"rateLimits":{"profile":"service-defaults"}}`)
	controlRequest(t, server, http.MethodPost, "reset", "")
	if config := putConfig(t, server, `{}`); config.RateLimits != nil {
		t.Errorf("reset kept rate limits %+v", config.RateLimits)
	}
}

// TestParseRateLimits_serviceDefaultsRoundTrip: the profile written out
// (as GET /_emulator/config shows it) reads back the same.
func TestParseRateLimits_serviceDefaultsRoundTrip(t *testing.T) {
	data, err := json.Marshal(emulator.ServiceDefaultRateLimits())
	if err != nil {
		t.Fatal(err)
	}
	limits, err := emulator.ParseRateLimits(data)
	if err != nil {
		t.Fatalf("ParseRateLimits(%s): %v", data, err)
	}
	again, _ := json.Marshal(limits)
	if !bytes.Equal(data, again) {
		t.Errorf("round trip changed the profile:\n%s\n%s", data, again)
	}
	for _, off := range []string{`null`, `{"profile":"off"}`} {
		if limits, err := emulator.ParseRateLimits([]byte(off)); err != nil || limits != nil {
			t.Errorf("ParseRateLimits(%s) = %+v, %v; want off", off, limits, err)
		}
	}
	if _, err := emulator.ParseRateLimits([]byte(`{"profile":"fast"}`)); err == nil || !strings.Contains(err.Error(), "service-defaults") {
		t.Errorf("unknown profile error = %v", err)
	}
}
