package cases

import (
	"maps"
	"strings"
	"testing"
)

func TestDomainIDFromImportID(t *testing.T) {
	const id = "4c8a3b8e-2f6b-4f1e-9d58-1a2b3c4d5e6f"
	tests := []struct {
		in, region, want, errPart string
	}{
		{in: id, region: "us-west-2", want: id},
		{in: " " + id + " ", region: "us-west-2", want: id},
		{in: "arn:aws:cases:us-west-2:111122223333:domain/" + id, region: "us-west-2", want: id},
		{in: "arn:aws-cn:cases:cn-north-1:111122223333:domain/" + id, region: "cn-north-1", want: id},
		{in: "arn:aws:cases:eu-west-2:111122223333:domain/" + id, region: "us-west-2", errPart: "region eu-west-2"},
		{in: "arn:aws:cases:us-west-2:111122223333:domain/" + id + "/field/abc", region: "us-west-2", errPart: "inside a domain"},
		{in: "arn:aws:s3:::bucket", region: "us-west-2", errPart: "not a Cases domain ARN"},
		{in: "", region: "us-west-2", errPart: "empty import ID"},
		{in: "a/b", region: "us-west-2", errPart: "neither a domain ID nor an ARN"},
	}
	for _, tt := range tests {
		got, err := domainIDFromImportID(tt.in, tt.region)
		if tt.errPart != "" {
			if err == nil || !strings.Contains(err.Error(), tt.errPart) {
				t.Errorf("domainIDFromImportID(%q) error = %v, want it to mention %q", tt.in, err, tt.errPart)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("domainIDFromImportID(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
}

func TestMergeAndOwnTags(t *testing.T) {
	defaults := map[string]string{"team": "platform", "managed_by": "terraform"}
	own := map[string]string{"team": "support", "env": "prod"}
	all := mergeTags(defaults, own)
	want := map[string]string{"team": "support", "env": "prod", "managed_by": "terraform"}
	if !maps.Equal(all, want) {
		t.Fatalf("mergeTags = %v, want %v", all, want)
	}
	if back := ownTags(defaults, all, nil); !maps.Equal(back, own) {
		t.Fatalf("ownTags = %v, want %v", back, own)
	}
	// A default key changed outside Terraform is drift in the resource's own tags.
	drifted := map[string]string{"team": "platform", "managed_by": "someone"}
	if got := ownTags(defaults, drifted, nil); !maps.Equal(got, map[string]string{"managed_by": "someone"}) {
		t.Fatalf("ownTags with drift = %v", got)
	}
	// A resource that repeats a default tag with the same value keeps it.
	repeated := map[string]string{"managed_by": "terraform", "env": "prod"}
	all = mergeTags(defaults, repeated)
	if got := ownTags(defaults, all, map[string]bool{"managed_by": true, "env": true}); !maps.Equal(got, repeated) {
		t.Fatalf("ownTags with a repeated default = %v, want %v", got, repeated)
	}
}
