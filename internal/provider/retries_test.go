package provider

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sync/atomic"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws/retry"
	"github.com/aws/aws-sdk-go-v2/service/connect"
	"github.com/aws/aws-sdk-go-v2/service/connectcases"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/connect-cases/terraform-provider-cases/internal/conns"
)

// attemptsAgainstFailingServer builds the provider's client for m, sends
// one request to a server that always answers 500, and returns how many
// attempts the client made. Back-off is zero and the rate limiter off, so
// even the default 26 attempts take milliseconds.
func attemptsAgainstFailingServer(t *testing.T, m providerModel) int32 {
	t.Helper()
	return attemptsOf(t, m, func(ctx context.Context, c *conns.Client) error {
		_, err := c.Cases.ListDomains(ctx, &connectcases.ListDomainsInput{})
		return err
	})
}

// attemptsOf is attemptsAgainstFailingServer with the request call sends,
// through either client (both endpoints point at the failing server).
func attemptsOf(t *testing.T, m providerModel, call func(context.Context, *conns.Client) error) int32 {
	t.Helper()
	var attempts atomic.Int32
	server := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		attempts.Add(1)
		w.Header()["X-Amzn-ErrorType"] = []string{"InternalServerException"}
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusInternalServerError)
		_, _ = w.Write([]byte(`{"__type":"InternalServerException","message":"try again"}`))
	}))
	defer server.Close()

	retryBackoff = retry.BackoffDelayerFunc(func(int, error) (time.Duration, error) { return 0, nil })
	t.Cleanup(func() { retryBackoff = nil })

	m.Region = types.StringValue("us-west-2")
	m.AccessKey, m.SecretKey = types.StringValue("AKIDEXAMPLE"), types.StringValue("secret")
	m.Endpoints = &endpointsModel{ConnectCases: types.StringValue(server.URL), Connect: types.StringValue(server.URL)}
	m.RequestsPerSecond = types.Float64Value(0)
	c, diags := newClient(context.Background(), m, "test")
	if diags.HasError() {
		t.Fatal(diags)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if err := call(ctx, c); err == nil {
		t.Fatal("a request succeeded against a server that always fails")
	}
	return attempts.Load()
}

// TestNewClientMaxRetries: the max_retries argument wins over
// AWS_MAX_ATTEMPTS and the profile's max_attempts; unset, those apply; with
// neither, the provider default of 25 retries (26 attempts).
func TestNewClientMaxRetries(t *testing.T) {
	profileWith := func(t *testing.T, maxAttempts string) {
		t.Helper()
		file := filepath.Join(t.TempDir(), "config")
		if err := os.WriteFile(file, []byte("[default]\nmax_attempts = "+maxAttempts+"\n"), 0o600); err != nil {
			t.Fatal(err)
		}
		t.Setenv("AWS_CONFIG_FILE", file)
	}
	for _, tc := range []struct {
		name       string
		maxRetries *int64
		env        string // AWS_MAX_ATTEMPTS
		profile    string // max_attempts in the default profile
		want       int32
	}{
		{name: "argument wins over the environment", maxRetries: ptr(int64(2)), env: "5", want: 3},
		{name: "argument wins over the profile", maxRetries: ptr(int64(2)), profile: "7", want: 3},
		{name: "argument of zero retries wins", maxRetries: ptr(int64(0)), env: "5", profile: "7", want: 1},
		{name: "environment applies when the argument is unset", env: "5", want: 5},
		{name: "profile applies when the argument is unset", profile: "7", want: 7},
		{name: "environment wins over the profile", env: "4", profile: "7", want: 4},
		{name: "provider default", want: defaultMaxRetries + 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			isolateAWSEnv(t)
			if tc.env != "" {
				t.Setenv("AWS_MAX_ATTEMPTS", tc.env)
			}
			if tc.profile != "" {
				profileWith(t, tc.profile)
			}
			m := providerModel{MaxRetries: types.Int64Null()}
			if tc.maxRetries != nil {
				m.MaxRetries = types.Int64Value(*tc.maxRetries)
			}
			if got := attemptsAgainstFailingServer(t, m); got != tc.want {
				t.Errorf("attempts = %d, want %d", got, tc.want)
			}
		})
	}
}

// TestNewClientMaxRetriesConnect: the Connect client (integration
// associations) retries as many times as the Cases client.
func TestNewClientMaxRetriesConnect(t *testing.T) {
	isolateAWSEnv(t)
	t.Setenv("AWS_MAX_ATTEMPTS", "5")
	got := attemptsOf(t, providerModel{MaxRetries: types.Int64Value(7)}, func(ctx context.Context, c *conns.Client) error {
		_, err := c.Connect.ListInstances(ctx, &connect.ListInstancesInput{})
		return err
	})
	if got != 8 {
		t.Errorf("Connect attempts = %d, want 8 (max_retries = 7)", got)
	}
}

func ptr[T any](v T) *T { return &v }
