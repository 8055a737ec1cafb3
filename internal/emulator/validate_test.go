package emulator

import (
	"strings"
	"testing"

	"github.com/connect-cases/terraform-provider-cases/internal/apimodel"
)

// casesMember returns the effective constraints of a member of the Cases
// model.
func casesMember(structure string, path ...string) apimodel.Constraints {
	return apimodel.Cases().Effective(apimodel.Cases().MustLookup(structure, path...))
}

func TestDomainNamePattern(t *testing.T) {
	name := casesMember("CreateDomainRequest", "name")
	for value, want := range map[string]bool{
		"support-cases":  true,
		"a":              true,
		"with inner spa": true,
		"ünïcödé":        true,
		"trailing ":      false,
		"trailing\t":     false,
		"inner\nnewline": false, // "." does not match a line terminator
		"inner\rreturn":  false, // nor does it in Java
		"ab\v":           false, // Java's \s includes the vertical tab
		" leading":       true,
	} {
		var v validator
		v.str("name", value, name)
		if got := v.err() == nil; got != want {
			t.Errorf("DomainName accepts %q = %v, want %v", value, got, want)
		}
	}
}

func TestTagKeyPattern(t *testing.T) {
	tagKey := apimodel.Cases().Shapes["TagKey"].Constraints
	for key, want := range map[string]bool{
		"env":            true,
		"team/owner":     true,
		"cost-center.v2": true,
		"a:b=c+d_e":      true,
		"aws":            true,
		"aws-owned":      true,
		"aws:reserved":   false, // the (?!aws:) look-ahead
		"has space":      false,
		"ünicode":        false,
		"":               false,
	} {
		var v validator
		v.str("tagKeys.1.member", key, tagKey)
		if got := v.err() == nil; got != want {
			t.Errorf("TagKey accepts %q = %v, want %v", key, got, want)
		}
	}
}

func TestValidator_messages(t *testing.T) {
	var v validator
	if v.err() != nil {
		t.Fatal("no violations gave an error")
	}
	v.str("name", strings.Repeat("é", 100), casesMember("CreateDomainRequest", "name")) // 100 runes, 200 bytes: fits
	if v.err() != nil {
		t.Fatalf("length counted bytes, not characters: %v", v.err())
	}
	v.required("name", false)
	v.number("maxResults", 0, casesMember("ListDomainsRequest", "maxResults").Range)
	err := v.err()
	want := "2 validation errors detected: Value null at 'name' failed to satisfy constraint: Member must not be null; " +
		"Value at 'maxResults' failed to satisfy constraint: Member must have value greater than or equal to 1"
	if err == nil || err.Message != want || err.Code != CodeValidation || err.Status != 400 {
		t.Errorf("err = %+v\nwant message %q", err, want)
	}
}

func TestRouter_match(t *testing.T) {
	rt := newRouter(casesAPI.routes())
	for _, tc := range []struct {
		method, path string
		operation    string
		labels       map[string]string
		status       int
	}{
		{"POST", "/domains", "CreateDomain", nil, 0},
		{"POST", "/domains/abc", "GetDomain", map[string]string{"domainId": "abc"}, 0},
		{"DELETE", "/domains/abc", "DeleteDomain", map[string]string{"domainId": "abc"}, 0},
		{"POST", "/domains-list", "ListDomains", nil, 0},
		{"GET", "/tags/arn%3Aaws%3Acases%3Aus-west-2%3A123456789012%3Adomain%2Fabc", "ListTagsForResource",
			map[string]string{"arn": "arn:aws:cases:us-west-2:123456789012:domain/abc"}, 0},
		{"POST", "/domains/", "", nil, 404},
		{"POST", "/domains/a/b", "", nil, 404},
		{"GET", "/domains", "", nil, 405},
		{"GET", "/tags/bad%zzescape", "", nil, 404},
	} {
		route, labels, apiErr := rt.match(tc.method, tc.path)
		if tc.status != 0 {
			if apiErr == nil || apiErr.Status != tc.status || apiErr.Code != CodeUnknownOperation {
				t.Errorf("%s %s: err = %+v, want %d UnknownOperationException", tc.method, tc.path, apiErr, tc.status)
			}
			continue
		}
		if apiErr != nil || route.operation != tc.operation {
			t.Errorf("%s %s: route = %v, err = %v, want %s", tc.method, tc.path, route, apiErr, tc.operation)
			continue
		}
		for k, v := range tc.labels {
			if labels[k] != v {
				t.Errorf("%s %s: label %s = %q, want %q", tc.method, tc.path, k, labels[k], v)
			}
		}
	}
}

func TestPageToken(t *testing.T) {
	token := encodePageToken(listDomainsToken{AfterSequence: 42})
	var got listDomainsToken
	if err := decodePageToken(token, &got); err != nil || got.AfterSequence != 42 {
		t.Errorf("round trip = %+v, %v", got, err)
	}
	for _, bad := range []string{"!!!", "bm90IGpzb24"} { // not base64; base64 of "not json"
		if err := decodePageToken(bad, &got); err == nil {
			t.Errorf("decodePageToken(%q) accepted a forged token", bad)
		}
	}
}

func TestAccountForAccessKey(t *testing.T) {
	for key, want := range map[string]string{
		"111122223333":         "111122223333",
		"AKIAIOSFODNN7EXAMPLE": DefaultAccount,
		"11112222333":          DefaultAccount,
		"1111222233334":        DefaultAccount,
	} {
		if got := AccountForAccessKey(key); got != want {
			t.Errorf("AccountForAccessKey(%q) = %q, want %q", key, got, want)
		}
	}
}

func TestParseCredentials(t *testing.T) {
	got, err := ParseCredentials("AKID:secret/with+chars, 111122223333:other")
	if err != nil || len(got) != 2 || got["AKID"] != "secret/with+chars" || got["111122223333"] != "other" {
		t.Errorf("ParseCredentials = %v, %v", got, err)
	}
	if got, err := ParseCredentials(""); err != nil || len(got) != 0 {
		t.Errorf("ParseCredentials(\"\") = %v, %v", got, err)
	}
	for _, bad := range []string{"AKID", "AKID:", ":secret"} {
		if _, err := ParseCredentials(bad); err == nil {
			t.Errorf("ParseCredentials(%q) succeeded", bad)
		}
	}
}

func TestParseAuthorization(t *testing.T) {
	auth, apiErr := parseAuthorization("AWS4-HMAC-SHA256 Credential=AKID/20240501/eu-west-2/cases/aws4_request, SignedHeaders=host;x-amz-date, Signature=deadbeef")
	if apiErr != nil {
		t.Fatal(apiErr)
	}
	if auth.accessKeyID != "AKID" || auth.region != "eu-west-2" || auth.service != "cases" || auth.scopeDate != "20240501" ||
		strings.Join(auth.signedHeaders, ";") != "host;x-amz-date" || auth.signature != "deadbeef" {
		t.Errorf("parsed = %+v", auth)
	}
	_, apiErr = parseAuthorization("AWS4-HMAC-SHA256 Credential=AKID/20240501/eu-west-2/cases/aws4_request")
	if apiErr == nil || apiErr.Code != CodeIncompleteSignature ||
		apiErr.Message != "Authorization header requires 'Signature' parameter. Authorization header requires 'SignedHeaders' parameter." {
		t.Errorf("incomplete header: %+v", apiErr)
	}
}
