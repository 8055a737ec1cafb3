package bench

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/connectcases"
	"github.com/aws/aws-sdk-go-v2/service/connectcases/types"

	"github.com/connect-cases/terraform-provider-cases/internal/emulator"
)

// The data plane under load: CreateCase and SearchCases against the
// emulator, with the same client and load as GetDomain (Load), so that the
// three rows compare with the same net/http baseline.

// SearchCasesCorpus is how many cases SearchCasesTarget searches.
const SearchCasesCorpus = 10000

// casesBench is an emulator with an Active domain whose template requires
// a field and applies a required rule, so every CreateCase is checked.
type casesBench struct {
	url                        string
	stop                       func()
	domainID, templateID       string
	tierFieldID, amountFieldID string
	client                     *connectcases.Client
}

func newCasesBench(ctx context.Context) (*casesBench, error) {
	runtime := emulator.DefaultRuntimeConfig()
	runtime.ActivationDelay = 0
	emu, err := emulator.New(emulator.Options{Runtime: runtime})
	if err != nil {
		return nil, err
	}
	srv, err := emulator.Start(emu, "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	b := &casesBench{url: srv.URL(), stop: func() { _ = srv.Close() }}
	b.client = connectcases.New(connectcases.Options{Region: Region, BaseEndpoint: aws.String(srv.URL()),
		Credentials: credentials.NewStaticCredentialsProvider(Account, SecretKey, "")})
	if err := b.configure(ctx); err != nil {
		b.stop()
		return nil, fmt.Errorf("configuring the bench domain: %w", err)
	}
	return b, nil
}

func (b *casesBench) configure(ctx context.Context) error {
	d, err := b.client.CreateDomain(ctx, &connectcases.CreateDomainInput{Name: aws.String("bench-cases")})
	if err != nil {
		return err
	}
	b.domainID = aws.ToString(d.DomainId)
	field := func(name string, ft types.FieldType) (string, error) {
		out, err := b.client.CreateField(ctx, &connectcases.CreateFieldInput{DomainId: d.DomainId, Name: aws.String(name), Type: ft})
		if err != nil {
			return "", err
		}
		return aws.ToString(out.FieldId), nil
	}
	if b.tierFieldID, err = field("Tier", types.FieldTypeSingleSelect); err != nil {
		return err
	}
	if b.amountFieldID, err = field("Amount", types.FieldTypeNumber); err != nil {
		return err
	}
	if _, err := b.client.BatchPutFieldOptions(ctx, &connectcases.BatchPutFieldOptionsInput{DomainId: d.DomainId, FieldId: aws.String(b.tierFieldID),
		Options: []types.FieldOption{{Name: aws.String("Gold"), Value: aws.String("gold"), Active: aws.Bool(true)}, {Name: aws.String("Silver"), Value: aws.String("silver"), Active: aws.Bool(true)}}}); err != nil {
		return err
	}
	rule, err := b.client.CreateCaseRule(ctx, &connectcases.CreateCaseRuleInput{DomainId: d.DomainId, Name: aws.String("Amount for gold"), Rule: &types.CaseRuleDetailsMemberRequired{Value: types.RequiredCaseRule{
		DefaultValue: aws.Bool(false), Conditions: []types.BooleanCondition{&types.BooleanConditionMemberEqualTo{Value: types.BooleanOperands{
			OperandOne: &types.OperandOneMemberFieldId{Value: b.tierFieldID}, OperandTwo: &types.OperandTwoMemberStringValue{Value: "gold"}, Result: aws.Bool(true)}}},
	}}})
	if err != nil {
		return err
	}
	tpl, err := b.client.CreateTemplate(ctx, &connectcases.CreateTemplateInput{DomainId: d.DomainId, Name: aws.String("Claim"),
		RequiredFields: []types.RequiredField{{FieldId: aws.String(b.tierFieldID)}},
		Rules:          []types.TemplateRule{{CaseRuleId: rule.CaseRuleId, FieldId: aws.String(b.amountFieldID)}}})
	if err != nil {
		return err
	}
	b.templateID = aws.ToString(tpl.TemplateId)
	return nil
}

// caseBody is a CreateCase document: gold cases carry the amount their
// rule requires.
func (b *casesBench) caseBody(i int) []byte {
	tier := []string{"gold", "silver"}[i%2]
	body, _ := json.Marshal(map[string]any{
		"templateId": b.templateID,
		"fields": []map[string]any{
			{"id": "title", "value": map[string]any{"stringValue": fmt.Sprintf("Case %d", i)}},
			{"id": "customer_id", "value": map[string]any{"stringValue": "arn:aws:profile:" + Region + ":" + Account + ":domains/bench/profiles/p" + fmt.Sprint(i%100)}},
			{"id": b.tierFieldID, "value": map[string]any{"stringValue": tier}},
			{"id": b.amountFieldID, "value": map[string]any{"doubleValue": float64(i % 1000)}},
		},
	})
	return body
}

// CreateCaseTarget creates one case per request (no client token, so each
// is new), checked against the template.
func CreateCaseTarget(ctx context.Context) (*Target, error) {
	b, err := newCasesBench(ctx)
	if err != nil {
		return nil, err
	}
	newRequest, err := signedPost(ctx, b.url+"/domains/"+b.domainID+"/cases", b.caseBody(1))
	if err != nil {
		b.stop()
		return nil, err
	}
	return &Target{Name: "emulator CreateCase", NewRequest: newRequest, Stop: b.stop}, nil
}

// SearchCasesTarget searches SearchCasesCorpus cases with a compound filter
// (tier = gold AND amount > 500) and a sort by amount, a page of 25 with
// two fields.
func SearchCasesTarget(ctx context.Context) (*Target, error) {
	b, err := newCasesBench(ctx)
	if err != nil {
		return nil, err
	}
	if err := b.fill(ctx, SearchCasesCorpus); err != nil {
		b.stop()
		return nil, fmt.Errorf("creating %d cases: %w", SearchCasesCorpus, err)
	}
	body, _ := json.Marshal(map[string]any{
		"maxResults": 25,
		"filter": map[string]any{"andAll": []any{
			map[string]any{"field": map[string]any{"equalTo": map[string]any{"id": b.tierFieldID, "value": map[string]any{"stringValue": "gold"}}}},
			map[string]any{"field": map[string]any{"greaterThan": map[string]any{"id": b.amountFieldID, "value": map[string]any{"doubleValue": 500}}}},
		}},
		"sorts":  []any{map[string]any{"fieldId": b.amountFieldID, "sortOrder": "Desc"}},
		"fields": []any{map[string]any{"id": "title"}, map[string]any{"id": b.amountFieldID}},
	})
	newRequest, err := signedPost(ctx, b.url+"/domains/"+b.domainID+"/cases-search", body)
	if err != nil {
		b.stop()
		return nil, err
	}
	return &Target{Name: fmt.Sprintf("emulator SearchCases over %d cases", SearchCasesCorpus), NewRequest: newRequest, Stop: b.stop}, nil
}

// fill creates n cases with 8 clients.
func (b *casesBench) fill(ctx context.Context, n int) error {
	const workers = 8
	errs := make(chan error, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < n; i += workers {
				req, err := http.NewRequestWithContext(ctx, http.MethodPost, b.url+"/domains/"+b.domainID+"/cases", strings.NewReader(string(b.caseBody(i))))
				if err != nil {
					errs <- err
					return
				}
				if err := signRequest(ctx, req, b.caseBody(i)); err != nil {
					errs <- err
					return
				}
				resp, err := http.DefaultClient.Do(req)
				if err != nil {
					errs <- err
					return
				}
				_ = resp.Body.Close()
				if resp.StatusCode != http.StatusOK {
					errs <- fmt.Errorf("CreateCase: HTTP %d", resp.StatusCode)
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	return <-errs
}

func signRequest(ctx context.Context, req *http.Request, body []byte) error {
	sum := sha256.Sum256(body)
	payloadHash := hex.EncodeToString(sum[:])
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-Amz-Content-Sha256", payloadHash)
	creds := aws.Credentials{AccessKeyID: Account, SecretAccessKey: SecretKey}
	return v4.NewSigner().SignHTTP(ctx, creds, req, payloadHash, "cases", Region, time.Now())
}

// signedPost signs one POST of body once and returns a function that builds
// copies of it (auth "any" checks the header's form and scope and the
// payload hash, not the signature).
func signedPost(ctx context.Context, url string, body []byte) (func(context.Context) (*http.Request, error), error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, nil)
	if err != nil {
		return nil, err
	}
	if err := signRequest(ctx, req, body); err != nil {
		return nil, err
	}
	header := req.Header.Clone()
	return func(ctx context.Context) (*http.Request, error) {
		r, err := http.NewRequestWithContext(ctx, http.MethodPost, url, strings.NewReader(string(body)))
		if err != nil {
			return nil, err
		}
		for k, v := range header {
			r.Header[k] = v
		}
		return r, nil
	}, nil
}
