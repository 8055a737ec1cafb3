package emulator_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/aws-sdk-go-v2/service/connectcases"

	"github.com/connect-cases/terraform-provider-cases/internal/emulator"
)

const sigv4Key = "111111111111"

// startSigV4Emulator verifies signatures against one key, with the emulator
// clock offset from the real one (the SDK signs with the real clock).
func startSigV4Emulator(t *testing.T, clockOffset time.Duration) *emulator.Server {
	t.Helper()
	_, server := startEmulator(t, emulator.Options{
		Auth:        emulator.AuthSigV4,
		Credentials: map[string]string{sigv4Key: testSecret},
		Now:         func() time.Time { return time.Now().Add(clockOffset) },
	})
	return server
}

func requireStatus(t *testing.T, err error, status int) {
	t.Helper()
	var respErr *awshttp.ResponseError
	if !errors.As(err, &respErr) {
		t.Fatalf("error %v carries no HTTP response", err)
	}
	if got := respErr.HTTPStatusCode(); got != status {
		t.Errorf("HTTP status = %d, want %d", got, status)
	}
}

func TestSigV4_acceptsAGoodSignature(t *testing.T) {
	server := startSigV4Emulator(t, 0)
	client := newClient(server, sigv4Key, testSecret, testRegion)

	created := createDomain(t, client, "signed")
	if want := "arn:aws:cases:us-west-2:" + sigv4Key + ":domain/"; !strings.HasPrefix(aws.ToString(created.DomainArn), want) {
		t.Errorf("ARN %s is not in the signing account", aws.ToString(created.DomainArn))
	}
	// Labels with escaped characters and repeated query parameters are part
	// of the canonical request too.
	if _, err := client.TagResource(context.Background(), &connectcases.TagResourceInput{Arn: created.DomainArn, Tags: map[string]*string{"a": aws.String("1"), "b": aws.String("2")}}); err != nil {
		t.Fatalf("TagResource: %v", err)
	}
	if _, err := client.UntagResource(context.Background(), &connectcases.UntagResourceInput{Arn: created.DomainArn, TagKeys: []string{"b", "a"}}); err != nil {
		t.Fatalf("UntagResource: %v", err)
	}
	if _, err := client.ListDomains(context.Background(), &connectcases.ListDomainsInput{MaxResults: aws.Int32(2)}); err != nil {
		t.Fatalf("ListDomains: %v", err)
	}
}

func TestSigV4_rejectsAWrongSecret(t *testing.T) {
	server := startSigV4Emulator(t, 0)
	client := newClient(server, sigv4Key, "not-the-secret", testRegion)

	_, err := client.ListDomains(context.Background(), &connectcases.ListDomainsInput{})
	message := requireErrorCode(t, err, emulator.CodeInvalidSignature)
	if !strings.Contains(message, "does not match") {
		t.Errorf("message = %q", message)
	}
	requireStatus(t, err, http.StatusForbidden)
}

func TestSigV4_rejectsAnUnknownKey(t *testing.T) {
	server := startSigV4Emulator(t, 0)
	client := newClient(server, "222222222222", testSecret, testRegion)

	_, err := client.ListDomains(context.Background(), &connectcases.ListDomainsInput{})
	requireErrorCode(t, err, emulator.CodeUnrecognizedClient)
	requireStatus(t, err, http.StatusForbidden)
}

func TestSigV4_rejectsClockSkew(t *testing.T) {
	for _, tc := range []struct {
		name    string
		offset  time.Duration
		message string
	}{
		{"request from the past", 20 * time.Minute, "Signature expired"},
		{"request from the future", -20 * time.Minute, "Signature not yet current"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			server := startSigV4Emulator(t, tc.offset)
			client := newClient(server, sigv4Key, testSecret, testRegion)

			_, err := client.ListDomains(context.Background(), &connectcases.ListDomainsInput{})
			message := requireErrorCode(t, err, emulator.CodeInvalidSignature)
			if !strings.Contains(message, tc.message) {
				t.Errorf("message = %q, want it to mention %q", message, tc.message)
			}
			requireStatus(t, err, http.StatusForbidden)
		})
	}

	t.Run("within 15 minutes", func(t *testing.T) {
		server := startSigV4Emulator(t, 14*time.Minute)
		client := newClient(server, sigv4Key, testSecret, testRegion)
		if _, err := client.ListDomains(context.Background(), &connectcases.ListDomainsInput{}); err != nil {
			t.Fatalf("ListDomains: %v", err)
		}
	})
}

func TestSigV4_rejectsATamperedBody(t *testing.T) {
	server := startSigV4Emulator(t, 0)
	signed := []byte(`{"name":"approved"}`)
	tampered := []byte(`{"name":"hijacked"}`) // same length: Content-Length still matches

	t.Run("untouched request is accepted", func(t *testing.T) {
		req := signedRequest(t, server, http.MethodPost, "/domains", signed, sigv4Key, testSecret, time.Now())
		if resp := do(t, req); resp.status != http.StatusOK {
			t.Fatalf("status = %d, body %s", resp.status, resp.body)
		}
	})
	t.Run("body changed after signing", func(t *testing.T) {
		req := signedRequest(t, server, http.MethodPost, "/domains", signed, sigv4Key, testSecret, time.Now())
		req.Body = io.NopCloser(bytes.NewReader(tampered))
		do(t, req).requireWireError(t, http.StatusForbidden, emulator.CodeInvalidSignature)
	})
	t.Run("body changed after signing with X-Amz-Content-Sha256", func(t *testing.T) {
		req, err := http.NewRequest(http.MethodPost, server.URL()+"/domains", bytes.NewReader(signed))
		if err != nil {
			t.Fatal(err)
		}
		req.Header.Set("X-Amz-Content-Sha256", sha256Hex(signed))
		signWith(t, req, sha256Hex(signed), sigv4Key, testSecret)
		req.Body = io.NopCloser(bytes.NewReader(tampered))
		body := do(t, req).requireWireError(t, http.StatusForbidden, emulator.CodeInvalidSignature)
		if !strings.Contains(fmt.Sprint(body["message"]), "x-amz-content-sha256") {
			t.Errorf("message = %q", body["message"])
		}
	})
	t.Run("header changed after signing", func(t *testing.T) {
		req := signedRequest(t, server, http.MethodPost, "/domains", signed, sigv4Key, testSecret, time.Now())
		req.Header.Set("Content-Type", "text/plain") // signed by the SDK signer
		do(t, req).requireWireError(t, http.StatusForbidden, emulator.CodeInvalidSignature)
	})
}

func TestAuth_unsignedRequestIsRejected(t *testing.T) {
	for _, mode := range []string{emulator.AuthAny, emulator.AuthSigV4} {
		t.Run(mode, func(t *testing.T) {
			_, server := startEmulator(t, emulator.Options{Auth: mode, Credentials: map[string]string{sigv4Key: testSecret}})
			req, err := http.NewRequest(http.MethodPost, server.URL()+"/domains-list", nil)
			if err != nil {
				t.Fatal(err)
			}
			body := do(t, req).requireWireError(t, http.StatusForbidden, emulator.CodeMissingAuthenticationToken)
			if body["message"] != "Missing Authentication Token" {
				t.Errorf("message = %q", body["message"])
			}
		})
	}
}

func TestAuth_anyModeRequiresAWellFormedHeader(t *testing.T) {
	_, server := startEmulator(t, emulator.Options{})
	post := func(authorization, amzDate string) rawResponse {
		req, err := http.NewRequest(http.MethodPost, server.URL()+"/domains-list", nil)
		if err != nil {
			t.Fatal(err)
		}
		req.Header.Set("Authorization", authorization)
		if amzDate != "" {
			req.Header.Set("X-Amz-Date", amzDate)
		}
		return do(t, req)
	}
	now := time.Now().UTC()
	amzDate := now.Format("20060102T150405Z")
	scope := "AKIDEXAMPLE/" + now.Format("20060102") + "/us-west-2/"

	t.Run("not SigV4", func(t *testing.T) {
		post("Bearer token", amzDate).requireWireError(t, http.StatusForbidden, emulator.CodeIncompleteSignature)
	})
	t.Run("no signature", func(t *testing.T) {
		post("AWS4-HMAC-SHA256 Credential="+scope+"cases/aws4_request, SignedHeaders=host;x-amz-date", amzDate).
			requireWireError(t, http.StatusForbidden, emulator.CodeIncompleteSignature)
	})
	t.Run("no X-Amz-Date", func(t *testing.T) {
		post("AWS4-HMAC-SHA256 Credential="+scope+"cases/aws4_request, SignedHeaders=host;x-amz-date, Signature=abc", "").
			requireWireError(t, http.StatusForbidden, emulator.CodeIncompleteSignature)
	})
	t.Run("another service's scope", func(t *testing.T) {
		post("AWS4-HMAC-SHA256 Credential="+scope+"s3/aws4_request, SignedHeaders=host;x-amz-date, Signature=abc", amzDate).
			requireWireError(t, http.StatusForbidden, emulator.CodeInvalidSignature)
	})
	t.Run("any key and signature are accepted", func(t *testing.T) {
		resp := post("AWS4-HMAC-SHA256 Credential="+scope+"cases/aws4_request, SignedHeaders=host;x-amz-date, Signature=abc", amzDate)
		if resp.status != http.StatusOK {
			t.Fatalf("status = %d, body %s", resp.status, resp.body)
		}
	})
}
