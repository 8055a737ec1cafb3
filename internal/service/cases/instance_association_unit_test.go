package cases

import (
	"strings"
	"testing"
)

func TestInstanceAssociationIDsFromImportID(t *testing.T) {
	tests := []struct {
		importID, region          string
		wantInstance, wantAssocID string
		wantErr                   string
	}{
		{"i-1,a-1", "", "i-1", "a-1", ""},
		{" i-1 , a-1 ", "us-west-2", "i-1", "a-1", ""},
		{"arn:aws:connect:us-west-2:111122223333:instance/i-1/integration-association/a-1", "us-west-2", "i-1", "a-1", ""},
		{"arn:aws:connect:eu-west-1:111122223333:instance/i-1/integration-association/a-1", "us-west-2", "", "", "in region eu-west-1"},
		{"arn:aws:connect:us-west-2:111122223333:instance/i-1", "", "", "", "not an Amazon Connect integration association ARN"},
		{"arn:aws:cases:us-west-2:111122223333:domain/d-1", "", "", "", "not an Amazon Connect integration association ARN"},
		{"i-1", "", "", "", "is not INSTANCE_ID,ASSOCIATION_ID"},
		{"i-1,", "", "", "", "is not INSTANCE_ID,ASSOCIATION_ID"},
		{"i-1,a-1,x", "", "", "", "is not INSTANCE_ID,ASSOCIATION_ID"},
		{"", "", "", "", "empty import ID"},
	}
	for _, tt := range tests {
		instanceID, assocID, err := instanceAssociationIDsFromImportID(tt.importID, tt.region)
		if tt.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("%q: err = %v, want %q", tt.importID, err, tt.wantErr)
			}
			continue
		}
		if err != nil || instanceID != tt.wantInstance || assocID != tt.wantAssocID {
			t.Errorf("%q = %q, %q, %v; want %q, %q", tt.importID, instanceID, assocID, err, tt.wantInstance, tt.wantAssocID)
		}
	}
}

func TestConnectInstanceID(t *testing.T) {
	for in, want := range map[string]string{
		"12345678-aaaa-bbbb-cccc-123456789012":                                                 "12345678-aaaa-bbbb-cccc-123456789012",
		"arn:aws:connect:us-west-2:111122223333:instance/12345678-aaaa-bbbb-cccc-123456789012": "12345678-aaaa-bbbb-cccc-123456789012",
		"arn:aws-cn:connect:cn-north-1:111122223333:instance/i-1":                              "i-1",
	} {
		if got, err := connectInstanceID(in); err != nil || got != want {
			t.Errorf("connectInstanceID(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, in := range []string{
		"", "a/b", "i-1,a-1",
		"arn:aws:connect:us-west-2:111122223333:instance/i-1/integration-association/a-1",
		"arn:aws:cases:us-west-2:111122223333:domain/d-1",
		"arn:aws:connect:us-west-2:111122223333:user/u",
	} {
		if got, err := connectInstanceID(in); err == nil {
			t.Errorf("connectInstanceID(%q) = %q, want an error", in, got)
		}
	}
}

func TestCheckCasesDomainARN(t *testing.T) {
	if err := checkCasesDomainARN("arn:aws:cases:us-west-2:111122223333:domain/d-1"); err != nil {
		t.Errorf("a domain ARN: %v", err)
	}
	for _, in := range []string{
		"d-1",
		"arn:aws:cases:us-west-2:111122223333:domain/d-1/field/f-1",
		"arn:aws:connect:us-west-2:111122223333:instance/i-1",
		"arn:aws:cases:us-west-2:111122223333:domain/",
	} {
		if err := checkCasesDomainARN(in); err == nil || !strings.Contains(err.Error(), "not a Cases domain ARN") {
			t.Errorf("checkCasesDomainARN(%q) = %v, want an error", in, err)
		}
	}
}
