package cases

import (
	"fmt"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	awstypes "github.com/aws/aws-sdk-go-v2/service/connectcases/types"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

func TestFieldIDsFromImportID(t *testing.T) {
	const domain, field = "4c8a3b8e-2f6b-4f1e-9d58-1a2b3c4d5e6f", "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"
	arn := "arn:aws:cases:us-west-2:111122223333:domain/" + domain + "/field/" + field
	tests := []struct {
		in, region            string
		wantDomain, wantField string
		errPart               string
	}{
		{in: domain + "," + field, region: "us-west-2", wantDomain: domain, wantField: field},
		{in: " " + domain + " , " + field + " ", region: "us-west-2", wantDomain: domain, wantField: field},
		{in: domain + ",status", region: "us-west-2", wantDomain: domain, wantField: "status"},
		{in: arn, region: "us-west-2", wantDomain: domain, wantField: field},
		{in: arn, region: "", wantDomain: domain, wantField: field},
		{in: arn, region: "eu-west-2", errPart: "region us-west-2"},
		{in: "arn:aws:cases:us-west-2:111122223333:domain/" + domain, region: "us-west-2", errPart: "not a Cases field ARN"},
		{in: "arn:aws:cases:us-west-2:111122223333:domain/" + domain + "/layout/x", region: "us-west-2", errPart: "not a Cases field ARN"},
		{in: "arn:aws:s3:::bucket", region: "us-west-2", errPart: "not a Cases field ARN"},
		{in: domain, region: "us-west-2", errPart: "not DOMAIN_ID,FIELD_ID"},
		{in: domain + ",", region: "us-west-2", errPart: "not DOMAIN_ID,FIELD_ID"},
		{in: "a,b,c", region: "us-west-2", errPart: "not DOMAIN_ID,FIELD_ID"},
		{in: "", region: "us-west-2", errPart: "empty import ID"},
	}
	for _, tt := range tests {
		gotDomain, gotField, err := domainChildIDsFromImportID(tt.in, tt.region, "field")
		if tt.errPart != "" {
			if err == nil || !strings.Contains(err.Error(), tt.errPart) {
				t.Errorf("domainChildIDsFromImportID(%q) error = %v, want it to mention %q", tt.in, err, tt.errPart)
			}
			continue
		}
		if err != nil || gotDomain != tt.wantDomain || gotField != tt.wantField {
			t.Errorf("domainChildIDsFromImportID(%q) = %q, %q, %v; want %q, %q", tt.in, gotDomain, gotField, err, tt.wantDomain, tt.wantField)
		}
	}
}

func declared(options ...string) []fieldOptionModel {
	var out []fieldOptionModel
	for _, o := range options {
		value, rest, _ := strings.Cut(o, "=")
		name, active, _ := strings.Cut(rest, "/")
		out = append(out, fieldOptionModel{Name: types.StringValue(name), Value: types.StringValue(value), Active: types.BoolValue(active != "false")})
	}
	return out
}

func api(options ...string) []awstypes.FieldOption {
	var out []awstypes.FieldOption
	for _, d := range declared(options...) {
		out = append(out, awstypes.FieldOption{Name: aws.String(d.Name.ValueString()), Value: aws.String(d.Value.ValueString()), Active: aws.Bool(d.Active.ValueBool())})
	}
	return out
}

func apiString(options []awstypes.FieldOption) string {
	parts := make([]string, len(options))
	for i, o := range options {
		parts[i] = fmt.Sprintf("%s=%s/%t", aws.ToString(o.Value), aws.ToString(o.Name), aws.ToBool(o.Active))
	}
	return strings.Join(parts, " ")
}

func modelString(options []fieldOptionModel) string {
	parts := make([]string, len(options))
	for i, o := range options {
		parts[i] = fmt.Sprintf("%s=%s/%t", o.Value.ValueString(), o.Name.ValueString(), o.Active.ValueBool())
	}
	return strings.Join(parts, " ")
}

func TestOptionPuts(t *testing.T) {
	tests := []struct {
		name     string
		declared []fieldOptionModel
		current  []awstypes.FieldOption
		want     string
	}{
		{"all new", declared("a=A", "b=B/false"), nil, "a=A/true b=B/false"},
		{"nothing to do", declared("a=A", "b=B"), api("b=B", "a=A", "old=Old/false"), ""},
		{"rename and deactivate", declared("a=Alpha", "b=B/false"), api("a=A", "b=B"), "a=Alpha/true b=B/false"},
		{"undeclared active options become inactive", declared("a=A"), api("a=A", "x=X", "y=Y/false"), "x=X/false"},
		{"reactivate", declared("y=Y"), api("y=Y/false"), "y=Y/true"},
		{"destroy", nil, api("a=A", "b=B/false", "c=C"), "a=A/false c=C/false"},
	}
	for _, tt := range tests {
		if got := apiString(optionPuts(tt.declared, tt.current)); got != tt.want {
			t.Errorf("%s: puts = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestOptionsState(t *testing.T) {
	tests := []struct {
		name  string
		prior []fieldOptionModel
		api   []awstypes.FieldOption
		want  string
	}{
		{"prior order wins", declared("c=C", "a=A", "b=B"), api("a=A", "b=B", "c=C"), "c=C/true a=A/true b=B/true"},
		{"declared inactive stays", declared("a=A", "b=B/false"), api("a=A", "b=B/false"), "a=A/true b=B/false"},
		{"removed options are left out", declared("a=A"), api("a=A", "gone=Gone/false"), "a=A/true"},
		{"drift: changed outside", declared("a=A", "b=B"), api("a=Renamed", "b=B/false"), "a=Renamed/true b=B/false"},
		{"drift: added outside", declared("a=A"), api("a=A", "new=New"), "a=A/true new=New/true"},
		{"import: the active options in API order", nil, api("b=B", "x=X/false", "a=A"), "b=B/true a=A/true"},
		{"an option gone from the API is dropped", declared("a=A", "z=Z"), api("a=A"), "a=A/true"},
	}
	for _, tt := range tests {
		if got := modelString(optionsState(tt.prior, tt.api)); got != tt.want {
			t.Errorf("%s: state = %q, want %q", tt.name, got, tt.want)
		}
	}
}
