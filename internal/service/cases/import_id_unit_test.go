package cases

import (
	"strings"
	"testing"
)

func TestDomainChildIDsFromImportID(t *testing.T) {
	tests := []struct {
		importID, region, kind string
		wantDomain, wantID     string
		wantErr                string
	}{
		{"d-1,l-1", "", "layout", "d-1", "l-1", ""},
		{" d-1 , l-1 ", "", "layout", "d-1", "l-1", ""},
		{"arn:aws:cases:us-west-2:111122223333:domain/d-1/layout/l-1", "us-west-2", "layout", "d-1", "l-1", ""},
		{"arn:aws:cases:us-west-2:111122223333:domain/d-1/case-rule/r-1", "", "case-rule", "d-1", "r-1", ""},
		{"arn:aws:cases:eu-west-1:111122223333:domain/d-1/template/t-1", "us-west-2", "template", "", "", "in region eu-west-1"},
		{"arn:aws:cases:us-west-2:111122223333:domain/d-1/template/t-1", "", "layout", "", "", "not a Cases layout ARN"},
		{"arn:aws:cases:us-west-2:111122223333:domain/d-1", "", "layout", "", "", "not a Cases layout ARN"},
		{"d-1", "", "template", "", "", "not DOMAIN_ID,TEMPLATE_ID"},
		{"d-1,", "", "template", "", "", "not DOMAIN_ID,TEMPLATE_ID"},
		{"d-1,t-1,x", "", "template", "", "", "not DOMAIN_ID,TEMPLATE_ID"},
		{"", "", "template", "", "", "empty import ID"},
	}
	for _, tt := range tests {
		domainID, id, err := domainChildIDsFromImportID(tt.importID, tt.region, tt.kind)
		if tt.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("%q: error = %v, want %q", tt.importID, err, tt.wantErr)
			}
			continue
		}
		if err != nil || domainID != tt.wantDomain || id != tt.wantID {
			t.Errorf("%q = %q, %q, %v; want %q, %q", tt.importID, domainID, id, err, tt.wantDomain, tt.wantID)
		}
	}
}
