package provider

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"
)

// isolateAWSEnv points the SDK at empty shared files and clears the AWS_*
// variables, so that a test sees only what it configures.
func isolateAWSEnv(t *testing.T) {
	t.Helper()
	for _, kv := range os.Environ() {
		if name, _, _ := strings.Cut(kv, "="); strings.HasPrefix(name, "AWS_") {
			t.Setenv(name, "")
			os.Unsetenv(name)
		}
	}
	empty := filepath.Join(t.TempDir(), "empty")
	if err := os.WriteFile(empty, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	t.Setenv("AWS_CONFIG_FILE", empty)
	t.Setenv("AWS_SHARED_CREDENTIALS_FILE", empty)
	t.Setenv("AWS_EC2_METADATA_DISABLED", "true")
}

func TestNewClientNeedsARegion(t *testing.T) {
	isolateAWSEnv(t)
	_, diags := newClient(context.Background(), providerModel{}, "test")
	if !diags.HasError() {
		t.Fatal("configured without a region")
	}
	if got := diags[0].Detail(); !strings.Contains(got, "Set `region` in the provider block") || !strings.Contains(got, "AWS_REGION") {
		t.Errorf("missing-region error does not say how to fix it: %q", got)
	}
}

func TestNewClientRegionFromEnvironment(t *testing.T) {
	isolateAWSEnv(t)
	t.Setenv("AWS_REGION", "eu-west-2")
	c, diags := newClient(context.Background(), providerModel{}, "test")
	if diags.HasError() {
		t.Fatal(diags)
	}
	if c.Region != "eu-west-2" {
		t.Errorf("region = %q, want eu-west-2 from AWS_REGION", c.Region)
	}
}

func TestNewClientArgumentsWin(t *testing.T) {
	isolateAWSEnv(t)
	t.Setenv("AWS_REGION", "eu-west-2")
	m := providerModel{
		Region:      types.StringValue("us-west-2"),
		AccessKey:   types.StringValue("AKIDEXAMPLE"),
		SecretKey:   types.StringValue("secret"),
		Endpoints:   &endpointsModel{ConnectCases: types.StringValue("http://127.0.0.1:4590"), Connect: types.StringValue("http://127.0.0.1:4591")},
		DefaultTags: &defaultTagsModel{Tags: map[string]types.String{"team": types.StringValue("support")}},
	}
	c, diags := newClient(context.Background(), m, "test")
	if diags.HasError() {
		t.Fatal(diags)
	}
	if c.Region != "us-west-2" {
		t.Errorf("region = %q, want the argument us-west-2", c.Region)
	}
	if got := c.Cases.Options().BaseEndpoint; got == nil || *got != "http://127.0.0.1:4590" {
		t.Errorf("endpoint = %v, want the endpoints.connectcases argument", got)
	}
	if got := c.Connect.Options().BaseEndpoint; got == nil || *got != "http://127.0.0.1:4591" {
		t.Errorf("Connect endpoint = %v, want the endpoints.connect argument", got)
	}
	if c.Connect.Options().Region != "us-west-2" {
		t.Errorf("Connect region = %q, want the provider's", c.Connect.Options().Region)
	}
	creds, err := c.Cases.Options().Credentials.Retrieve(context.Background())
	if err != nil || creds.AccessKeyID != "AKIDEXAMPLE" {
		t.Errorf("credentials = %v, %v; want the static access key", creds.AccessKeyID, err)
	}
	if c.DefaultTags["team"] != "support" {
		t.Errorf("default tags = %v", c.DefaultTags)
	}
}

func TestNewClientEndpointFromEnvironment(t *testing.T) {
	isolateAWSEnv(t)
	t.Setenv("AWS_REGION", "us-west-2")
	t.Setenv("AWS_ENDPOINT_URL_CONNECTCASES", "http://127.0.0.1:4999")
	t.Setenv("AWS_ENDPOINT_URL_CONNECT", "http://127.0.0.1:4998")
	c, diags := newClient(context.Background(), providerModel{}, "test")
	if diags.HasError() {
		t.Fatal(diags)
	}
	// The service-specific variable is resolved by the SDK at request time;
	// the loaded configuration must carry it.
	if c.Cases.Options().BaseEndpoint == nil || *c.Cases.Options().BaseEndpoint != "http://127.0.0.1:4999" {
		t.Errorf("endpoint = %v, want AWS_ENDPOINT_URL_CONNECTCASES", c.Cases.Options().BaseEndpoint)
	}
	if c.Connect.Options().BaseEndpoint == nil || *c.Connect.Options().BaseEndpoint != "http://127.0.0.1:4998" {
		t.Errorf("Connect endpoint = %v, want AWS_ENDPOINT_URL_CONNECT", c.Connect.Options().BaseEndpoint)
	}
}

func TestNewClientRejectsHalfStaticCredentials(t *testing.T) {
	isolateAWSEnv(t)
	m := providerModel{Region: types.StringValue("us-west-2"), AccessKey: types.StringValue("AKIDEXAMPLE")}
	_, diags := newClient(context.Background(), m, "test")
	if !diags.HasError() || !strings.Contains(diags[0].Detail(), "access_key and secret_key must be set together") {
		t.Fatalf("diags = %v, want the pairing rule", diags)
	}
}

func TestNewClientAssumeRoleNeedsRoleARN(t *testing.T) {
	isolateAWSEnv(t)
	m := providerModel{Region: types.StringValue("us-west-2"), AssumeRole: &assumeRoleModel{}}
	_, diags := newClient(context.Background(), m, "test")
	if !diags.HasError() || !strings.Contains(diags[0].Detail(), "assume_role.role_arn is required") {
		t.Fatalf("diags = %v, want the role_arn rule", diags)
	}
}

func TestNewClientRejectsUnknownValues(t *testing.T) {
	isolateAWSEnv(t)
	m := providerModel{Region: types.StringUnknown()}
	_, diags := newClient(context.Background(), m, "test")
	if !diags.HasError() || !strings.Contains(diags[0].Detail(), "[region]") {
		t.Fatalf("diags = %v, want unknown region named", diags)
	}
}
