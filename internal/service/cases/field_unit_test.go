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
		m := fieldOptionModel{Name: types.StringValue(name), Value: types.StringValue(value), Active: types.BoolValue(active != "false")}
		if active == "null" {
			m.Active = types.BoolNull()
		}
		out = append(out, m)
	}
	return out
}

func api(options ...string) []awstypes.FieldOption {
	var out []awstypes.FieldOption
	for _, d := range declared(options...) {
		out = append(out, awstypes.FieldOption{Name: aws.String(d.Name.ValueString()), Value: aws.String(d.Value.ValueString()), Active: aws.Bool(d.isActive())})
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
		active := "null"
		if !o.Active.IsNull() {
			active = fmt.Sprint(o.Active.ValueBool())
		}
		parts[i] = fmt.Sprintf("%s=%s/%s", o.Value.ValueString(), o.Name.ValueString(), active)
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
		{"null active is active", declared("a=A/null"), api("a=A"), ""},
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
		{"active reads as written: null", declared("a=A/null", "b=B/null"), api("a=A", "b=B"), "a=A/null b=B/null"},
		{"active reads as written: true", declared("a=A/true", "b=B/null"), api("a=A", "b=B"), "a=A/true b=B/null"},
		{"declared inactive stays", declared("a=A/null", "b=B/false"), api("a=A", "b=B/false"), "a=A/null b=B/false"},
		{"removed options are left out", declared("a=A/null"), api("a=A", "gone=Gone/false"), "a=A/null"},
		{"drift: changed outside", declared("a=A/null", "b=B/null"), api("a=Renamed", "b=B/false"), "a=Renamed/null b=B/false"},
		{"drift: made active outside", declared("a=A/false"), api("a=A"), "a=A/null"},
		{"drift: added outside", declared("a=A/null"), api("a=A", "new=New"), "a=A/null new=New/null"},
		{"import: the active options", nil, api("b=B", "x=X/false", "a=A"), "b=B/null a=A/null"},
		{"an option gone from the API is dropped", declared("a=A/null", "z=Z/null"), api("a=A"), "a=A/null"},
	}
	for _, tt := range tests {
		if got := modelString(optionsState(tt.prior, tt.api)); got != tt.want {
			t.Errorf("%s: state = %q, want %q", tt.name, got, tt.want)
		}
	}
}
