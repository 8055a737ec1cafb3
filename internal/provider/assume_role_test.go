package provider

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"sync"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/connectcases"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/connect-cases/terraform-provider-cases/internal/emulator"
)

// stsAssumeRole answers STS AssumeRole (Query protocol, XML response) with
// fixed temporary credentials and records the request's parameters.
type stsAssumeRole struct {
	mu   sync.Mutex
	seen url.Values
}

// assumedAccessKey is 12 digits, so the Cases emulator files requests made
// with the assumed credentials under that account.
const assumedAccessKey = "444455556666"

func (s *stsAssumeRole) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil || r.PostForm.Get("Action") != "AssumeRole" {
		http.Error(w, "unexpected request", http.StatusBadRequest)
		return
	}
	s.mu.Lock()
	s.seen = r.PostForm
	s.mu.Unlock()
	w.Header().Set("Content-Type", "text/xml")
	fmt.Fprintf(w, `<AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
  <AssumeRoleResult>
    <Credentials>
      <AccessKeyId>%s</AccessKeyId>
      <SecretAccessKey>assumed-secret</SecretAccessKey>
      <SessionToken>assumed-token</SessionToken>
      <Expiration>2099-01-01T00:00:00Z</Expiration>
    </Credentials>
    <AssumedRoleUser>
      <Arn>arn:aws:sts::444455556666:assumed-role/cases-admin/terraform</Arn>
      <AssumedRoleId>AROAEXAMPLE:terraform</AssumedRoleId>
    </AssumedRoleUser>
  </AssumeRoleResult>
  <ResponseMetadata><RequestId>c6104cbe-af31-11e0-8154-cbc7ccf896c7</RequestId></ResponseMetadata>
</AssumeRoleResponse>`, assumedAccessKey)
}

func TestNewClientAssumesRole(t *testing.T) {
	isolateAWSEnv(t)
	sts := &stsAssumeRole{}
	stsServer := httptest.NewServer(sts)
	defer stsServer.Close()
	emu, err := emulator.New(emulator.Options{})
	if err != nil {
		t.Fatal(err)
	}
	casesServer := httptest.NewServer(emu)
	defer casesServer.Close()

	m := providerModel{
		Region:    types.StringValue("us-west-2"),
		AccessKey: types.StringValue("111122223333"),
		SecretKey: types.StringValue("base-secret"),
		AssumeRole: &assumeRoleModel{
			RoleARN:     types.StringValue("arn:aws:iam::444455556666:role/cases-admin"),
			SessionName: types.StringValue("terraform"),
			ExternalID:  types.StringValue("ext-1234"),
			Duration:    types.StringValue("1h"),
		},
		Endpoints: &endpointsModel{
			ConnectCases: types.StringValue(casesServer.URL),
			STS:          types.StringValue(stsServer.URL),
		},
	}
	c, diags := newClient(context.Background(), m, "test")
	if diags.HasError() {
		t.Fatal(diags)
	}
	if _, err := c.Cases.CreateDomain(context.Background(), &connectcases.CreateDomainInput{Name: aws.String("assumed")}); err != nil {
		t.Fatalf("CreateDomain with assumed credentials: %v", err)
	}

	sts.mu.Lock()
	seen := sts.seen
	sts.mu.Unlock()
	for param, want := range map[string]string{
		"RoleArn":         "arn:aws:iam::444455556666:role/cases-admin",
		"RoleSessionName": "terraform",
		"ExternalId":      "ext-1234",
		"DurationSeconds": "3600",
	} {
		if got := seen.Get(param); got != want {
			t.Errorf("AssumeRole %s = %q, want %q", param, got, want)
		}
	}
	if got := emu.Domains(assumedAccessKey, "us-west-2"); len(got) != 1 {
		t.Errorf("domains under the assumed role's account = %d, want 1 (the request must use the assumed credentials)", len(got))
	}
	if got := emu.Domains("111122223333", "us-west-2"); len(got) != 0 {
		t.Errorf("domains under the base credentials' account = %d, want 0", len(got))
	}
}
