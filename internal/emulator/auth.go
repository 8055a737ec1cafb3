package emulator

import (
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"sort"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
)

// SigV4 constants. The signing name comes from the model's aws.auth#sigv4
// trait on com.amazonaws.connectcases#AmazonConnectCases.
const (
	signingAlgorithm = "AWS4-HMAC-SHA256"
	signingService   = "cases"
	scopeTerminator  = "aws4_request"
	amzDateFormat    = "20060102T150405Z"
	// maxClockSkew is how far the request time may be from the server clock
	// before AWS rejects the signature as expired (or not yet current).
	maxClockSkew = 15 * time.Minute
	// unsignedPayload is the X-Amz-Content-Sha256 value of a client that
	// chose not to sign the body.
	unsignedPayload = "UNSIGNED-PAYLOAD"
)

// DefaultAccount is the account of every access key id that is not itself a
// 12-digit account number.
const DefaultAccount = "123456789012"

var accountIDPattern = regexp.MustCompile(`^[0-9]{12}$`)

// AccountForAccessKey returns the account the emulator files requests signed
// with accessKeyID under: the key itself when it is 12 digits, so that tests
// can pick accounts, else DefaultAccount.
func AccountForAccessKey(accessKeyID string) string {
	if accountIDPattern.MatchString(accessKeyID) {
		return accessKeyID
	}
	return DefaultAccount
}

// ParseCredentials parses "KEY:SECRET[,KEY:SECRET...]" (the -credentials
// flag) into access key id -> secret access key. Secrets never contain ':'
// or ',' (AWS secrets are base64-like), so the first ':' splits each pair.
func ParseCredentials(list string) (map[string]string, error) {
	credentials := map[string]string{}
	for _, pair := range strings.Split(list, ",") {
		pair = strings.TrimSpace(pair)
		if pair == "" {
			continue
		}
		key, secret, ok := strings.Cut(pair, ":")
		if !ok || key == "" || secret == "" {
			return nil, fmt.Errorf("credential %d is not KEY:SECRET", len(credentials)+1)
		}
		credentials[key] = secret
	}
	return credentials, nil
}

// identity is who a request acts as.
type identity struct {
	accessKeyID string
	account     string
	region      string
}

// authenticator checks the SigV4 Authorization header of Cases API requests.
type authenticator struct {
	verify      bool // AuthSigV4: check signatures, not only their form
	credentials map[string]string
	now         func() time.Time
	signer      *v4.Signer
}

func newAuthenticator(mode string, credentials map[string]string, now func() time.Time) (*authenticator, error) {
	switch mode {
	case "", AuthAny:
		return &authenticator{now: now}, nil
	case AuthSigV4:
		if len(credentials) == 0 {
			return nil, fmt.Errorf("auth mode %q needs at least one KEY:SECRET credential", AuthSigV4)
		}
		return &authenticator{verify: true, credentials: credentials, now: now, signer: v4.NewSigner()}, nil
	default:
		return nil, fmt.Errorf("auth mode %q is not one of %q, %q", mode, AuthAny, AuthSigV4)
	}
}

// sigV4Authorization is a parsed "AWS4-HMAC-SHA256 Credential=...,
// SignedHeaders=..., Signature=..." header.
type sigV4Authorization struct {
	accessKeyID   string
	scopeDate     string // yyyymmdd
	region        string
	service       string
	terminator    string
	signedHeaders []string // lower case, as sent
	signature     string
}

// authenticateService returns the identity of r, for the API whose SigV4
// signing name is service ("cases", or "connect" for the Connect subset),
// or the error AWS sends for its Authorization header. Every mode requires a
// well-formed header: an unsigned request gets 403
// MissingAuthenticationTokenException, the code and status AWS answers when
// the header is absent.
func (a *authenticator) authenticateService(r *http.Request, body []byte, service string) (identity, *APIError) {
	header := r.Header.Get("Authorization")
	if header == "" {
		return identity{}, NewAPIError(CodeMissingAuthenticationToken, "Missing Authentication Token")
	}
	auth, apiErr := parseAuthorization(header)
	if apiErr != nil {
		return identity{}, apiErr
	}
	amzDate := r.Header.Get("X-Amz-Date")
	if amzDate == "" {
		return identity{}, NewAPIError(CodeIncompleteSignature, "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.")
	}
	signingTime, err := time.Parse(amzDateFormat, amzDate)
	if err != nil {
		return identity{}, NewAPIError(CodeIncompleteSignature, fmt.Sprintf("X-Amz-Date '%s' is not in the ISO 8601 basic format %s.", amzDate, amzDateFormat))
	}
	if apiErr := auth.checkScope(service, signingTime); apiErr != nil {
		return identity{}, apiErr
	}
	id := identity{accessKeyID: auth.accessKeyID, account: AccountForAccessKey(auth.accessKeyID), region: auth.region}
	if !a.verify {
		return id, nil
	}

	secret, ok := a.credentials[auth.accessKeyID]
	if !ok {
		return identity{}, NewAPIError(CodeUnrecognizedClient, "The security token included in the request is invalid.")
	}
	if apiErr := checkClockSkew(signingTime, a.now().UTC()); apiErr != nil {
		return identity{}, apiErr
	}
	payloadHash, apiErr := payloadHash(r, body)
	if apiErr != nil {
		return identity{}, apiErr
	}
	expected, err := a.expectedSignature(r, auth, secret, payloadHash, signingTime)
	if err != nil {
		return identity{}, NewAPIError(CodeInvalidSignature, "The request could not be re-signed: "+err.Error())
	}
	if subtle.ConstantTimeCompare([]byte(expected), []byte(auth.signature)) != 1 {
		return identity{}, NewAPIError(CodeInvalidSignature, "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.")
	}
	return id, nil
}

func parseAuthorization(header string) (sigV4Authorization, *APIError) {
	var auth sigV4Authorization
	params, ok := strings.CutPrefix(header, signingAlgorithm+" ")
	if !ok {
		return auth, NewAPIError(CodeIncompleteSignature, fmt.Sprintf("Authorization header must use the %s algorithm.", signingAlgorithm))
	}
	var credential, signedHeaders string
	for _, part := range strings.Split(params, ",") {
		name, value, _ := strings.Cut(strings.TrimSpace(part), "=")
		switch name {
		case "Credential":
			credential = value
		case "SignedHeaders":
			signedHeaders = value
		case "Signature":
			auth.signature = value
		}
	}
	var missing []string
	for _, p := range []struct{ name, value string }{
		{"Credential", credential}, {"Signature", auth.signature}, {"SignedHeaders", signedHeaders},
	} {
		if p.value == "" {
			missing = append(missing, fmt.Sprintf("Authorization header requires '%s' parameter.", p.name))
		}
	}
	if len(missing) > 0 {
		return auth, NewAPIError(CodeIncompleteSignature, strings.Join(missing, " "))
	}
	scope := strings.Split(credential, "/")
	if len(scope) != 5 || scope[0] == "" || scope[2] == "" {
		return auth, NewAPIError(CodeIncompleteSignature, fmt.Sprintf("Credential '%s' is not of the form ACCESS_KEY/yyyymmdd/region/service/%s.", credential, scopeTerminator))
	}
	auth.accessKeyID, auth.scopeDate, auth.region, auth.service, auth.terminator = scope[0], scope[1], scope[2], scope[3], scope[4]
	auth.signedHeaders = strings.Split(signedHeaders, ";")
	return auth, nil
}

// checkScope applies the credential scope rules AWS applies before looking
// at the signature.
func (auth sigV4Authorization) checkScope(service string, signingTime time.Time) *APIError {
	if auth.service != service {
		return NewAPIError(CodeInvalidSignature, fmt.Sprintf("Credential should be scoped to correct service: '%s'.", service))
	}
	if auth.terminator != scopeTerminator {
		return NewAPIError(CodeInvalidSignature, fmt.Sprintf("Credential should be scoped with a valid terminator: '%s', not '%s'.", scopeTerminator, auth.terminator))
	}
	if date := signingTime.Format("20060102"); auth.scopeDate != date {
		return NewAPIError(CodeInvalidSignature, fmt.Sprintf("Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '%s' != '%s', from '%s'.",
			auth.scopeDate, date, signingTime.Format(amzDateFormat)))
	}
	return nil
}

// checkClockSkew rejects a request signed more than maxClockSkew away from
// now, with the messages AWS uses.
func checkClockSkew(signingTime, now time.Time) *APIError {
	switch {
	case signingTime.Before(now.Add(-maxClockSkew)):
		return NewAPIError(CodeInvalidSignature, fmt.Sprintf("Signature expired: %s is now earlier than %s (%s - 15 min.)",
			signingTime.Format(amzDateFormat), now.Add(-maxClockSkew).Format(amzDateFormat), now.Format(amzDateFormat)))
	case signingTime.After(now.Add(maxClockSkew)):
		return NewAPIError(CodeInvalidSignature, fmt.Sprintf("Signature not yet current: %s is still later than %s (%s + 15 min.)",
			signingTime.Format(amzDateFormat), now.Add(maxClockSkew).Format(amzDateFormat), now.Format(amzDateFormat)))
	}
	return nil
}

// payloadHash returns the hash that went into the signature: the
// X-Amz-Content-Sha256 header when the client sent one (after checking it
// against the body, so a changed body cannot keep a stale hash), else the
// SHA-256 of the body.
func payloadHash(r *http.Request, body []byte) (string, *APIError) {
	sum := sha256.Sum256(body)
	computed := hex.EncodeToString(sum[:])
	declared := r.Header.Get("X-Amz-Content-Sha256")
	switch {
	case declared == "":
		return computed, nil
	case declared == unsignedPayload:
		return declared, nil
	case !strings.EqualFold(declared, computed):
		return "", NewAPIError(CodeInvalidSignature, "The provided 'x-amz-content-sha256' header does not match what was computed.")
	default:
		return declared, nil
	}
}

// expectedSignature re-signs a copy of r that holds exactly the headers the
// client listed in SignedHeaders, with the aws-sdk-go-v2 signer, and returns
// the signature it computes. The SDK signer always signs host (and
// content-length when the body is not empty), so a client that left either
// out of SignedHeaders fails verification, as it would on AWS.
func (a *authenticator) expectedSignature(r *http.Request, auth sigV4Authorization, secret, payloadHash string, signingTime time.Time) (string, error) {
	clone := &http.Request{
		Method: r.Method,
		URL: &url.URL{
			Scheme:   "http",
			Host:     r.Host,
			Path:     r.URL.Path,
			RawPath:  r.URL.RawPath,
			RawQuery: r.URL.RawQuery,
		},
		Host:   r.Host,
		Header: http.Header{},
	}
	for _, name := range auth.signedHeaders {
		switch name {
		case "host":
			// From r.Host: net/http moves the Host header there.
		case "content-length":
			clone.ContentLength = r.ContentLength
		default:
			if values := r.Header.Values(name); len(values) > 0 {
				clone.Header[http.CanonicalHeaderKey(name)] = values
			}
		}
	}
	credentials := aws.Credentials{AccessKeyID: auth.accessKeyID, SecretAccessKey: secret}
	if err := a.signer.SignHTTP(context.Background(), credentials, clone, payloadHash, auth.service, auth.region, signingTime); err != nil {
		return "", err
	}
	resigned, apiErr := parseAuthorization(clone.Header.Get("Authorization"))
	if apiErr != nil {
		return "", apiErr
	}
	if !sameHeaderSet(resigned.signedHeaders, auth.signedHeaders) {
		return "", fmt.Errorf("SignedHeaders %q must list %q", strings.Join(auth.signedHeaders, ";"), strings.Join(resigned.signedHeaders, ";"))
	}
	return resigned.signature, nil
}

func sameHeaderSet(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	a, b = append([]string(nil), a...), append([]string(nil), b...)
	sort.Strings(a)
	sort.Strings(b)
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
