// Package acctest runs the provider's acceptance tests: against an emulator
// of the Cases API started in-process for each test (the default), or
// against real AWS when CASES_ACC_TARGET=aws.
package acctest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/connect"
	connecttypes "github.com/aws/aws-sdk-go-v2/service/connect/types"
	"github.com/aws/aws-sdk-go-v2/service/connectcases"
	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"

	"github.com/connect-cases/terraform-provider-cases/internal/emulator"
	"github.com/connect-cases/terraform-provider-cases/internal/provider"
)

const (
	// TargetEnv selects where acceptance tests run: unset or "emulator" for
	// the in-process emulator, "aws" for the account of the usual AWS_*
	// credentials.
	TargetEnv = "CASES_ACC_TARGET"

	// Credentials and region the tests use with the emulator. The access
	// key id is 12 digits, so the emulator files everything under that
	// account.
	EmulatorAccount   = "111122223333"
	EmulatorRegion    = "us-west-2"
	emulatorSecretKey = "acceptance-test-secret"

	// ResourcePrefix starts the name of everything a test creates, so that
	// leftovers in a real account are easy to find and sweep.
	ResourcePrefix = "tf-acc-test"

	// FailCreationPrefix starts names that the emulator ends CreationFailed.
	FailCreationPrefix = ResourcePrefix + "-fail-"

	// DefaultActivationDelay keeps the CreationInProgress -> Active path
	// exercised while tests stay quick; Connect instances use it too.
	DefaultActivationDelay = 300 * time.Millisecond

	// ConnectInstanceEnv names an existing Amazon Connect instance for the
	// tests that need one on AWS (creating instances there takes minutes and
	// is limited to 2 per account); without it they are skipped on AWS.
	ConnectInstanceEnv = "CASES_ACC_CONNECT_INSTANCE_ID"
)

// ProtoV6ProviderFactories serves the provider in-process to the terraform
// CLI that terraform-plugin-testing runs.
var ProtoV6ProviderFactories = map[string]func() (tfprotov6.ProviderServer, error){
	"cases": providerserver.NewProtocol6WithError(provider.New("acctest", "")()),
}

// OnAWS reports whether the tests run against real AWS.
func OnAWS() bool { return os.Getenv(TargetEnv) == "aws" }

// PreCheck fails fast on a misconfigured run against AWS.
func PreCheck(t *testing.T) {
	t.Helper()
	setProviderHost()
	if OnAWS() && os.Getenv("AWS_REGION") == "" && os.Getenv("AWS_DEFAULT_REGION") == "" && os.Getenv("AWS_PROFILE") == "" {
		t.Fatalf("%s=aws needs AWS_REGION (or AWS_PROFILE) and credentials in the environment", TargetEnv)
	}
}

// Target is where one test runs: its own emulator, or AWS.
type Target struct {
	// Emulator is nil when the target is AWS.
	Emulator *emulator.Emulator
	// URL of the emulator; "" on AWS.
	URL string
	// Client reaches the same API as the provider, for checks and for
	// changing things behind Terraform's back.
	Client *connectcases.Client
	// Connect reaches the Amazon Connect API of the same target, with the
	// same credentials and region.
	Connect *connect.Client
	Region  string

	requests *requestLog
}

// NewTarget starts an emulator for this test (stopped when the test ends)
// or, on AWS, builds a client from the environment. configure may adjust
// the emulator's options; it is not called on AWS.
func NewTarget(t *testing.T, configure ...func(*emulator.Options)) *Target {
	t.Helper()
	setProviderHost()
	ctx := context.Background()
	if OnAWS() {
		cfg, err := config.LoadDefaultConfig(ctx)
		if err != nil {
			t.Fatalf("loading AWS config: %v", err)
		}
		return &Target{Client: connectcases.NewFromConfig(cfg), Connect: connect.NewFromConfig(cfg), Region: cfg.Region}
	}

	opts := emulator.Options{Runtime: emulator.DefaultRuntimeConfig()}
	opts.Runtime.ActivationDelay = emulator.Duration(DefaultActivationDelay)
	opts.Runtime.InstanceActivationDelay = emulator.Duration(DefaultActivationDelay)
	opts.Runtime.FailCreationNamePattern = "^" + FailCreationPrefix
	for _, f := range configure {
		f(&opts)
	}
	emu, err := emulator.New(opts)
	if err != nil {
		t.Fatalf("starting emulator: %v", err)
	}
	log := &requestLog{}
	srv := httptest.NewServer(log.wrap(emu))
	t.Cleanup(srv.Close)

	client := connectcases.New(connectcases.Options{
		Region:       EmulatorRegion,
		BaseEndpoint: aws.String(srv.URL),
		Credentials:  credentials.NewStaticCredentialsProvider(EmulatorAccount, emulatorSecretKey, ""),
	})
	connectClient := connect.New(connect.Options{
		Region:       EmulatorRegion,
		BaseEndpoint: aws.String(srv.URL),
		Credentials:  credentials.NewStaticCredentialsProvider(EmulatorAccount, emulatorSecretKey, ""),
	})
	return &Target{Emulator: emu, URL: srv.URL, Client: client, Connect: connectClient, Region: EmulatorRegion, requests: log}
}

// ConnectInstance returns the ID of an ACTIVE Amazon Connect instance for
// the test: on the emulator a new one, created through the Connect API; on
// AWS the one ConnectInstanceEnv names (the test is skipped without it).
func (tg *Target) ConnectInstance(t *testing.T) string {
	t.Helper()
	if tg.Emulator == nil {
		id := os.Getenv(ConnectInstanceEnv)
		if id == "" {
			t.Skipf("needs an Amazon Connect instance on AWS: set %s", ConnectInstanceEnv)
		}
		return id
	}
	return tg.CreateConnectInstance(t, RandomName("ci"))
}

// CreateConnectInstance creates an instance with alias through the Connect
// API and waits until it is ACTIVE.
func (tg *Target) CreateConnectInstance(t *testing.T, alias string) string {
	t.Helper()
	ctx := context.Background()
	out, err := tg.Connect.CreateInstance(ctx, &connect.CreateInstanceInput{
		IdentityManagementType: connecttypes.DirectoryTypeConnectManaged,
		InstanceAlias:          aws.String(alias),
		InboundCallsEnabled:    aws.Bool(true),
		OutboundCallsEnabled:   aws.Bool(true),
	})
	if err != nil {
		t.Fatalf("CreateInstance(%s): %v", alias, err)
	}
	deadline := time.Now().Add(time.Minute)
	for {
		got, err := tg.Connect.DescribeInstance(ctx, &connect.DescribeInstanceInput{InstanceId: out.Id})
		if err != nil {
			t.Fatalf("DescribeInstance(%s): %v", aws.ToString(out.Id), err)
		}
		if got.Instance.InstanceStatus == connecttypes.InstanceStatusActive {
			return aws.ToString(out.Id)
		}
		if time.Now().After(deadline) {
			t.Fatalf("instance %s is still %s after a minute", aws.ToString(out.Id), got.Instance.InstanceStatus)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// RequireEmulator skips a test that needs the emulator's controls.
func (tg *Target) RequireEmulator(t *testing.T) {
	t.Helper()
	if tg.Emulator == nil {
		t.Skip("needs the Cases emulator (not run with " + TargetEnv + "=aws)")
	}
}

// ProviderConfig returns a provider block for this target; body is added
// inside it (for example a default_tags block). Against the emulator,
// which does not limit rates unless a test asks it to, the provider's own
// rate limiter is set far above what a test sends: it stays on every
// request's path without slowing the tests to the service's 2 requests
// per second.
func (tg *Target) ProviderConfig(body string) string {
	if tg.Emulator == nil {
		return fmt.Sprintf("provider \"cases\" {\n%s\n}\n", body)
	}
	return fmt.Sprintf(`provider "cases" {
  region              = %q
  access_key          = %q
  secret_key          = %q
  requests_per_second = 1000
  burst               = 1000
  endpoints {
    connectcases = %q
    connect      = %q
  }
%s
}
`, tg.Region, EmulatorAccount, emulatorSecretKey, tg.URL, tg.URL, body)
}

// APIRequests returns how many Cases API requests (control API excluded)
// the emulator has served; -1 on AWS.
func (tg *Target) APIRequests() int {
	if tg.requests == nil {
		return -1
	}
	return tg.requests.count()
}

// DomainNames returns the names of the domains the API holds for the
// test's account and region.
func (tg *Target) DomainNames(ctx context.Context) ([]string, error) {
	var names []string
	pages := connectcases.NewListDomainsPaginator(tg.Client, &connectcases.ListDomainsInput{})
	for pages.HasMorePages() {
		page, err := pages.NextPage(ctx)
		if err != nil {
			return nil, fmt.Errorf("listing domains: %w", err)
		}
		for _, d := range page.Domains {
			names = append(names, aws.ToString(d.Name))
		}
	}
	return names, nil
}

// RandomName returns a unique name for a test resource.
func RandomName(kind string) string {
	b := make([]byte, 5)
	_, _ = rand.Read(b)
	return fmt.Sprintf("%s-%s-%s", ResourcePrefix, kind, hex.EncodeToString(b))
}

// requestLog counts the Cases API requests a test's emulator serves.
type requestLog struct {
	mu sync.Mutex
	n  int
}

func (l *requestLog) wrap(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !strings.HasPrefix(r.URL.Path, "/_emulator/") {
			l.mu.Lock()
			l.n++
			l.mu.Unlock()
		}
		next.ServeHTTP(w, r)
	})
}

func (l *requestLog) count() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.n
}
