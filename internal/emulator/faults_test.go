package emulator_test

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/connectcases"
	"github.com/aws/aws-sdk-go-v2/service/connectcases/types"
	"github.com/aws/smithy-go"
	smithyhttp "github.com/aws/smithy-go/transport/http"

	"github.com/connect-cases/terraform-provider-cases/internal/emulator"
)

func setFaults(t *testing.T, e *emulator.Emulator, c emulator.FaultConfig) {
	t.Helper()
	if err := e.SetFaults(c); err != nil {
		t.Fatalf("SetFaults: %v", err)
	}
}

func listDomains(client *connectcases.Client) error {
	_, err := client.ListDomains(context.Background(), &connectcases.ListDomainsInput{})
	return err
}

// responseHeader returns a header of the HTTP response behind an SDK error.
func responseHeader(t *testing.T, err error, name string) string {
	t.Helper()
	var respErr *smithyhttp.ResponseError
	if !errors.As(err, &respErr) {
		t.Fatalf("error %v carries no HTTP response", err)
	}
	return respErr.Response.Header.Get(name)
}

func TestFaults_errorRule(t *testing.T) {
	e, server := startEmulator(t, emulator.Options{})
	client := defaultClient(server)
	setFaults(t, e, emulator.FaultConfig{Rules: []emulator.FaultRule{{
		Operations: []string{"CreateDomain"}, Probability: 1, Action: emulator.FaultError,
		Code: emulator.CodeThrottling, RetryAfterSeconds: 3,
	}}})

	_, err := client.CreateDomain(context.Background(), &connectcases.CreateDomainInput{Name: aws.String("throttled")})
	requireAPIError[*types.ThrottlingException](t, err)
	requireStatus(t, err, http.StatusTooManyRequests)
	if got := responseHeader(t, err, "Retry-After"); got != "3" {
		t.Errorf("Retry-After = %q, want 3", got)
	}
	// The error is answered before the handler: nothing was created, and an
	// operation the rule does not name is served.
	if got := e.Domains(emulator.DefaultAccount, testRegion); len(got) != 0 {
		t.Errorf("domains after a rejected create = %v, want none", got)
	}
	if err := listDomains(client); err != nil {
		t.Errorf("ListDomains, not named by the rule: %v", err)
	}
	if fired := e.Faults().Fired; len(fired) != 1 || fired[0] != 1 {
		t.Errorf("fired = %v, want [1]", fired)
	}
}

func TestFaults_statusOverridesTheCodeStatus(t *testing.T) {
	e, server := startEmulator(t, emulator.Options{})
	setFaults(t, e, emulator.FaultConfig{Rules: []emulator.FaultRule{{
		Probability: 1, Action: emulator.FaultError, Code: emulator.CodeInternalServer, Status: http.StatusServiceUnavailable,
	}}})
	err := listDomains(defaultClient(server))
	requireAPIError[*types.InternalServerException](t, err)
	requireStatus(t, err, http.StatusServiceUnavailable)
	if got := responseHeader(t, err, "Retry-After"); got != "1" {
		t.Errorf("Retry-After = %q, want the emulator's default 1 for InternalServerException", got)
	}
}

func TestFaults_firstMatchWinsAndTimesExhausts(t *testing.T) {
	e, server := startEmulator(t, emulator.Options{})
	client := defaultClient(server)
	setFaults(t, e, emulator.FaultConfig{Rules: []emulator.FaultRule{
		// Matches only another region: never picks.
		{Regions: []string{"eu-central-1"}, Probability: 1, Action: emulator.FaultError, Code: emulator.CodeAccessDenied},
		// Matches twice, then steps aside for the next rule.
		{Operations: []string{"ListDomains"}, Probability: 1, Times: 2, Action: emulator.FaultError, Code: emulator.CodeThrottling},
		{Probability: 1, Action: emulator.FaultError, Code: emulator.CodeInternalServer},
	}})

	for i, want := range []string{emulator.CodeThrottling, emulator.CodeThrottling, emulator.CodeInternalServer, emulator.CodeInternalServer} {
		err := listDomains(client)
		var apiErr smithy.APIError
		if !errors.As(err, &apiErr) || apiErr.ErrorCode() != want {
			t.Fatalf("call %d: error %v, want %s", i, err, want)
		}
	}
	if got, want := e.Faults().Fired, []int{0, 2, 2}; !equalInts(got, want) {
		t.Errorf("fired = %v, want %v", got, want)
	}
}

func TestFaults_matchesAccountAndRegion(t *testing.T) {
	e, server := startEmulator(t, emulator.Options{})
	setFaults(t, e, emulator.FaultConfig{Rules: []emulator.FaultRule{{
		Accounts: []string{"111122223333"}, Regions: []string{"eu-west-1"},
		Probability: 1, Action: emulator.FaultError, Code: emulator.CodeAccessDenied,
	}}})
	for _, tc := range []struct {
		key, region string
		faulted     bool
	}{
		{"111122223333", "eu-west-1", true},
		{"111122223333", "us-west-2", false},
		{"444455556666", "eu-west-1", false},
	} {
		err := listDomains(newClient(server, tc.key, testSecret, tc.region))
		if tc.faulted {
			requireAPIError[*types.AccessDeniedException](t, err)
		} else if err != nil {
			t.Errorf("account %s region %s: %v, want no fault", tc.key, tc.region, err)
		}
	}
}

// TestFaults_seedIsDeterministic: the same seed, rules and sequence of
// requests pick the same requests, which is what makes a chaos run
// reproducible.
func TestFaults_seedIsDeterministic(t *testing.T) {
	pattern := func(seed uint64) string {
		e, server := startEmulator(t, emulator.Options{})
		client := defaultClient(server)
		setFaults(t, e, emulator.FaultConfig{Seed: seed, Rules: []emulator.FaultRule{{
			Probability: 0.5, Action: emulator.FaultError, Code: emulator.CodeThrottling,
		}}})
		var b strings.Builder
		for range 64 {
			if listDomains(client) != nil {
				b.WriteByte('x')
			} else {
				b.WriteByte('.')
			}
		}
		if got := e.Faults(); got.Seed != seed || got.Total() != strings.Count(b.String(), "x") {
			t.Errorf("faults state = %+v, want seed %d and %d fired", got, seed, strings.Count(b.String(), "x"))
		}
		return b.String()
	}
	first, again, other := pattern(42), pattern(42), pattern(43)
	if first != again {
		t.Errorf("seed 42 picked different requests:\n%s\n%s", first, again)
	}
	if first == other {
		t.Errorf("seeds 42 and 43 picked the same requests: %s", first)
	}
	// p=0.5 over 64 requests: both outcomes must occur.
	if !strings.Contains(first, "x") || !strings.Contains(first, ".") {
		t.Errorf("p=0.5 gave %s", first)
	}
}

func TestFaults_latency(t *testing.T) {
	e, server := startEmulator(t, emulator.Options{})
	const latency = 50 * time.Millisecond
	setFaults(t, e, emulator.FaultConfig{Rules: []emulator.FaultRule{{
		Probability: 1, Action: emulator.FaultLatency, Latency: emulator.Duration(latency),
	}}})
	started := time.Now()
	if err := listDomains(defaultClient(server)); err != nil {
		t.Fatalf("a latency rule must still serve the request: %v", err)
	}
	// A lower bound only: the request cannot be answered before the delay.
	if elapsed := time.Since(started); elapsed < latency {
		t.Errorf("answered after %s, before the %s latency", elapsed, latency)
	}
}

func TestFaults_dropBeforeTheHandler(t *testing.T) {
	e, server := startEmulator(t, emulator.Options{})
	client := defaultClient(server)
	setFaults(t, e, emulator.FaultConfig{Rules: []emulator.FaultRule{{
		Operations: []string{"CreateDomain"}, Probability: 1, Times: 1, Action: emulator.FaultDrop,
	}}})
	_, err := client.CreateDomain(context.Background(), &connectcases.CreateDomainInput{Name: aws.String("dropped")})
	var apiErr smithy.APIError
	if err == nil || errors.As(err, &apiErr) {
		t.Fatalf("CreateDomain = %v, want a connection error without an API response", err)
	}
	if got := e.Domains(emulator.DefaultAccount, testRegion); len(got) != 0 {
		t.Errorf("a drop before the handler created %v", got)
	}
	// The emulator keeps serving.
	createDomain(t, client, "dropped")
}

func TestFaults_commitThenFail(t *testing.T) {
	for _, tc := range []struct {
		name  string
		rule  emulator.FaultRule
		check func(t *testing.T, err error)
	}{
		{
			name: "answers 500",
			rule: emulator.FaultRule{Operations: []string{"CreateDomain"}, Probability: 1, Times: 1, Action: emulator.FaultCommitThenFail},
			check: func(t *testing.T, err error) {
				requireAPIError[*types.InternalServerException](t, err)
			},
		},
		{
			name: "drops the connection",
			rule: emulator.FaultRule{Operations: []string{"CreateDomain"}, Probability: 1, Times: 1, Action: emulator.FaultCommitThenFail, Then: emulator.FaultThenDrop},
			check: func(t *testing.T, err error) {
				var apiErr smithy.APIError
				if err == nil || errors.As(err, &apiErr) {
					t.Fatalf("CreateDomain = %v, want a connection error", err)
				}
			},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e, server := startEmulator(t, emulator.Options{})
			client := defaultClient(server)
			setFaults(t, e, emulator.FaultConfig{Rules: []emulator.FaultRule{tc.rule}})

			_, err := client.CreateDomain(context.Background(), &connectcases.CreateDomainInput{Name: aws.String("committed")})
			tc.check(t, err)
			// The change was kept although the client saw a failure: a
			// retry of the same create now meets the name it took.
			if got := e.Domains(emulator.DefaultAccount, testRegion); len(got) != 1 || got[0].Name != "committed" {
				t.Fatalf("domains after commit-then-fail = %+v, want the one created", got)
			}
			_, err = client.CreateDomain(context.Background(), &connectcases.CreateDomainInput{Name: aws.String("committed")})
			requireAPIError[*types.ConflictException](t, err)
		})
	}

	t.Run("a request the handler rejects keeps its own error", func(t *testing.T) {
		e, server := startEmulator(t, emulator.Options{})
		client := defaultClient(server)
		setFaults(t, e, emulator.FaultConfig{Rules: []emulator.FaultRule{{
			Operations: []string{"DeleteDomain"}, Probability: 1, Action: emulator.FaultCommitThenFail,
		}}})
		_, err := client.DeleteDomain(context.Background(), &connectcases.DeleteDomainInput{DomainId: aws.String("no-such-domain")})
		requireAPIError[*types.ResourceNotFoundException](t, err)
	})

	t.Run("delete is committed", func(t *testing.T) {
		e, server := startEmulator(t, emulator.Options{})
		client := defaultClient(server)
		created := createDomain(t, client, "to-delete")
		setFaults(t, e, emulator.FaultConfig{Rules: []emulator.FaultRule{{
			Operations: []string{"DeleteDomain"}, Probability: 1, Action: emulator.FaultCommitThenFail,
		}}})
		_, err := client.DeleteDomain(context.Background(), &connectcases.DeleteDomainInput{DomainId: created.DomainId})
		requireAPIError[*types.InternalServerException](t, err)
		if got := e.Domains(emulator.DefaultAccount, testRegion); len(got) != 0 {
			t.Errorf("domains after a committed delete = %+v", got)
		}
	})
}

// countingInjector is an Options.Faults injector that records what it saw.
type countingInjector struct{ before, after int }

func (c *countingInjector) BeforeOperation(context.Context, emulator.Call) error {
	c.before++
	return nil
}

func (c *countingInjector) AfterOperation(context.Context, emulator.Call, error) error {
	c.after++
	return nil
}

// TestFaults_rulesRunBeforeOptionsFaults: a rule that answers the request
// skips the handler and the injector of Options.Faults before it; the
// injector still sees every request that gets through.
func TestFaults_rulesRunBeforeOptionsFaults(t *testing.T) {
	extra := &countingInjector{}
	e, server := startEmulator(t, emulator.Options{Faults: extra})
	client := defaultClient(server)
	setFaults(t, e, emulator.FaultConfig{Rules: []emulator.FaultRule{{
		Probability: 1, Times: 1, Action: emulator.FaultError, Code: emulator.CodeThrottling,
	}}})
	_ = listDomains(client)
	if err := listDomains(client); err != nil {
		t.Fatal(err)
	}
	if extra.before != 1 || extra.after != 1 {
		t.Errorf("Options.Faults saw before=%d after=%d, want 1 and 1", extra.before, extra.after)
	}
}

func TestParseFaultConfig(t *testing.T) {
	c, err := emulator.ParseFaultConfig([]byte(`{"seed":7,"rules":[
		{"operations":["CreateDomain"],"action":"commitThenFail","then":"drop"},
		{"probability":0.3,"action":"error","code":"ThrottlingException","retryAfterSeconds":1},
		{"action":"latency","latency":"20ms"}]}`))
	if err != nil {
		t.Fatal(err)
	}
	if c.Seed != 7 || len(c.Rules) != 3 {
		t.Fatalf("config = %+v", c)
	}
	if c.Rules[0].Probability != 1 {
		t.Errorf("absent probability = %v, want 1", c.Rules[0].Probability)
	}
	if c.Rules[2].Latency != emulator.Duration(20*time.Millisecond) {
		t.Errorf("latency = %v", c.Rules[2].Latency)
	}

	for _, tc := range []struct{ body, message string }{
		{`{"rules":[{"action":"explode"}]}`, `action must be one of`},
		{`{"rules":[{"action":"error"}]}`, `needs a code`},
		{`{"rules":[{"action":"latency"}]}`, `needs a positive latency`},
		{`{"rules":[{"action":"drop","probability":0}]}`, `probability must be in (0, 1]`},
		{`{"rules":[{"action":"drop","probability":1.5}]}`, `probability must be in (0, 1]`},
		{`{"rules":[{"action":"drop","times":-1}]}`, `times must not be negative`},
		{`{"rules":[{"action":"error","code":"X","status":200}]}`, `status must be an HTTP error status`},
		{`{"rules":[{"action":"drop","then":"drop"}]}`, `then applies only to action`},
		{`{"rules":[{"action":"commitThenFail","then":"explode"}]}`, `then must be`},
		{`{"rules":[{"action":"drop","operation":"CreateDomain"}]}`, `unknown field "operation"`},
		{`{"rulez":[]}`, `unknown field "rulez"`},
		{`{"rules":[]} {}`, `unexpected data after`},
		{`{"rules":[{"action":"drop"}],"seed":-1}`, `cannot unmarshal`},
	} {
		_, err := emulator.ParseFaultConfig([]byte(tc.body))
		if err == nil || !strings.Contains(err.Error(), tc.message) {
			t.Errorf("ParseFaultConfig(%s) = %v, want an error containing %q", tc.body, err, tc.message)
		}
	}
}

func TestControl_faults(t *testing.T) {
	e, server := startEmulator(t, emulator.Options{})
	client := defaultClient(server)

	body := `{"seed":99,"rules":[{"operations":["ListDomains"],"probability":1,"times":1,"action":"error","code":"ThrottlingException","retryAfterSeconds":2}]}`
	resp := controlRequest(t, server, http.MethodPut, "faults", body)
	if resp.status != http.StatusOK {
		t.Fatalf("PUT faults = %d %s", resp.status, resp.body)
	}
	err := listDomains(client)
	requireAPIError[*types.ThrottlingException](t, err)
	if err := listDomains(client); err != nil {
		t.Errorf("second ListDomains after times=1: %v", err)
	}

	resp = controlRequest(t, server, http.MethodGet, "faults", "")
	var state emulator.FaultState
	if err := json.Unmarshal(resp.body, &state); err != nil || resp.status != http.StatusOK {
		t.Fatalf("GET faults = %d %s (%v)", resp.status, resp.body, err)
	}
	if state.Seed != 99 || len(state.Rules) != 1 || !equalInts(state.Fired, []int{1}) || state.Rules[0].RetryAfterSeconds != 2 {
		t.Errorf("GET faults = %+v", state)
	}

	// What GET returns can be PUT back; the counters start again.
	if resp := controlRequest(t, server, http.MethodPut, "faults", string(resp.body)); resp.status != http.StatusOK {
		t.Fatalf("PUT of a GET response = %d %s", resp.status, resp.body)
	}
	if got := e.Faults(); got.Total() != 0 || len(got.Rules) != 1 {
		t.Errorf("after PUT: %+v, want the rule with zero fired", got)
	}

	controlRequest(t, server, http.MethodPut, "faults", `{"rules":[{"action":"bogus"}]}`).
		requireWireError(t, http.StatusBadRequest, emulator.CodeValidation)
	if got := e.Faults(); len(got.Rules) != 1 {
		t.Errorf("a rejected PUT changed the rules: %+v", got)
	}

	resp = controlRequest(t, server, http.MethodDelete, "faults", "")
	if resp.status != http.StatusOK {
		t.Fatalf("DELETE faults = %d %s", resp.status, resp.body)
	}
	if got := e.Faults(); len(got.Rules) != 0 {
		t.Errorf("rules after DELETE: %+v", got.Rules)
	}
	if err := listDomains(client); err != nil {
		t.Errorf("ListDomains after DELETE faults: %v", err)
	}
}

// TestFaults_controlAPIIsNeverFaulted: a rule that matches everything must
// not lock the operator out of the control API that removes it.
func TestFaults_controlAPIIsNeverFaulted(t *testing.T) {
	e, server := startEmulator(t, emulator.Options{})
	setFaults(t, e, emulator.FaultConfig{Rules: []emulator.FaultRule{{Probability: 1, Action: emulator.FaultDrop}}})
	if resp := controlRequest(t, server, http.MethodGet, "health", ""); resp.status != http.StatusOK {
		t.Errorf("health under a drop-everything rule = %d", resp.status)
	}
	if resp := controlRequest(t, server, http.MethodDelete, "faults", ""); resp.status != http.StatusOK {
		t.Errorf("DELETE faults under a drop-everything rule = %d", resp.status)
	}
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
