package cases

import (
	"context"
	"errors"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/connectcases"

	"github.com/connect-cases/terraform-provider-cases/internal/emulator"
)

const testAccount = "111122223333"

// startTestEmulator serves an emulator on 127.0.0.1 and returns it with an
// SDK client that retries quickly.
func startTestEmulator(t *testing.T, faults emulator.FaultInjector) (*emulator.Emulator, *connectcases.Client) {
	t.Helper()
	e, err := emulator.New(emulator.Options{Faults: faults})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(e)
	t.Cleanup(srv.Close)
	client := connectcases.New(connectcases.Options{
		Region:       "us-west-2",
		BaseEndpoint: aws.String(srv.URL),
		Credentials:  credentials.NewStaticCredentialsProvider(testAccount, "secret", ""),
		Retryer: retry.NewStandard(func(o *retry.StandardOptions) {
			o.MaxAttempts = 3
			o.MaxBackoff = 10 * time.Millisecond
		}),
	})
	return e, client
}

// lateCommit holds every CreateDomain for delay before the handler runs,
// whether or not the client is still waiting: a request already in the
// service's pipeline when the client gave up, which still lands.
type lateCommit struct{ delay time.Duration }

func (l lateCommit) BeforeOperation(_ context.Context, call emulator.Call) error {
	if call.Operation == "CreateDomain" {
		time.Sleep(l.delay)
	}
	return nil
}

func (lateCommit) AfterOperation(context.Context, emulator.Call, error) error { return nil }

// TestCreateDomain_adoptsACreateThatLandsAfterTheClientGaveUp: an
// interrupted apply cancels the create while the request is in flight; the
// service commits it a moment later. One look right after the cancel finds
// nothing, so createDomain must keep looking for a while, or the domain
// lands unrecorded: an orphan that the next apply then trips over as a
// name conflict.
func TestCreateDomain_adoptsACreateThatLandsAfterTheClientGaveUp(t *testing.T) {
	e, client := startTestEmulator(t, lateCommit{delay: 700 * time.Millisecond})
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()

	id, _, err := createDomain(ctx, client, "late")
	// However createDomain ended, the request it gave up on lands.
	var held []emulator.DomainSnapshot
	for deadline := time.Now().Add(10 * time.Second); len(held) == 0 && time.Now().Before(deadline); {
		time.Sleep(20 * time.Millisecond)
		held = e.Domains(testAccount, "us-west-2")
	}
	if len(held) != 1 {
		t.Fatalf("domains = %+v, want the one that landed late", held)
	}
	if err != nil || id != held[0].DomainID {
		t.Fatalf("createDomain = %q, %v; the domain %s landed and is not recorded: orphaned", id, err, held[0].DomainID)
	}
}

// TestCreateDomain_adoptsItsOwnCommittedCreate: the first answer is lost
// after the commit; the SDK's retry meets ConflictException, and the
// domain is ours.
func TestCreateDomain_adoptsItsOwnCommittedCreate(t *testing.T) {
	for _, then := range []string{emulator.FaultThenError, emulator.FaultThenDrop} {
		t.Run(then, func(t *testing.T) {
			e, client := startTestEmulator(t, nil)
			if err := e.SetFaults(emulator.FaultConfig{Rules: []emulator.FaultRule{{
				Operations: []string{"CreateDomain"}, Probability: 1, Times: 1, Action: emulator.FaultCommitThenFail, Then: then,
			}}}); err != nil {
				t.Fatal(err)
			}
			id, arn, err := createDomain(context.Background(), client, "mine")
			held := e.Domains(testAccount, "us-west-2")
			if err != nil || len(held) != 1 || id != held[0].DomainID || arn != held[0].DomainARN {
				t.Fatalf("createDomain = %q, %q, %v with domains %+v; want the one domain adopted", id, arn, err, held)
			}
		})
	}
}

// TestCreateDomain_nameTakenBeforeIsAConflict: a domain that held the name
// before this create is never adopted, even when the create then fails
// ambiguously.
func TestCreateDomain_nameTakenBeforeIsAConflict(t *testing.T) {
	e, client := startTestEmulator(t, nil)
	existing, err := client.CreateDomain(context.Background(), &connectcases.CreateDomainInput{Name: aws.String("taken")})
	if err != nil {
		t.Fatal(err)
	}
	if err := e.SetFaults(emulator.FaultConfig{Rules: []emulator.FaultRule{{
		Operations: []string{"CreateDomain"}, Probability: 1, Action: emulator.FaultError, Code: emulator.CodeInternalServer,
	}}}); err != nil {
		t.Fatal(err)
	}
	_, _, err = createDomain(context.Background(), client, "taken")
	var taken *nameInUseError
	if !errors.As(err, &taken) || taken.importID != aws.ToString(existing.DomainId) {
		t.Fatalf("createDomain = %v, want a nameInUseError naming %s", err, aws.ToString(existing.DomainId))
	}
}

// TestCreateDomain_aCreateThatNeverLandedFails: when every attempt is
// dropped before the service acts, the lookups find nothing and the create
// error is returned, without a domain.
func TestCreateDomain_aCreateThatNeverLandedFails(t *testing.T) {
	saved := adoptionLookupPauses
	adoptionLookupPauses = []time.Duration{0, 10 * time.Millisecond}
	t.Cleanup(func() { adoptionLookupPauses = saved })

	e, client := startTestEmulator(t, nil)
	if err := e.SetFaults(emulator.FaultConfig{Rules: []emulator.FaultRule{{
		Operations: []string{"CreateDomain"}, Probability: 1, Action: emulator.FaultDrop,
	}}}); err != nil {
		t.Fatal(err)
	}
	id, _, err := createDomain(context.Background(), client, "never")
	if err == nil || id != "" {
		t.Fatalf("createDomain = %q, %v; want an error", id, err)
	}
	if held := e.Domains(testAccount, "us-west-2"); len(held) != 0 {
		t.Errorf("domains = %+v, want none", held)
	}
}

// TestDeleteDomain_committedButAnsweredWithAnErrorIsDeleted: every answer
// to DeleteDomain is lost after the commit and the client does not retry
// (max_retries = 0); the domain is gone, so the delete succeeded.
func TestDeleteDomain_committedButAnsweredWithAnErrorIsDeleted(t *testing.T) {
	for _, then := range []string{emulator.FaultThenError, emulator.FaultThenDrop} {
		t.Run(then, func(t *testing.T) {
			e, client := startTestEmulator(t, nil)
			out, err := client.CreateDomain(context.Background(), &connectcases.CreateDomainInput{Name: aws.String("doomed")})
			if err != nil {
				t.Fatal(err)
			}
			if err := e.SetFaults(emulator.FaultConfig{Rules: []emulator.FaultRule{{
				Operations: []string{"DeleteDomain"}, Probability: 1, Action: emulator.FaultCommitThenFail, Then: then,
			}}}); err != nil {
				t.Fatal(err)
			}
			noRetry := connectcases.New(client.Options(), func(o *connectcases.Options) { o.Retryer = aws.NopRetryer{} })
			if err := deleteDomain(context.Background(), noRetry, aws.ToString(out.DomainId)); err != nil {
				t.Errorf("deleteDomain = %v, want success: the domain is gone", err)
			}
			if held := e.Domains(testAccount, "us-west-2"); len(held) != 0 {
				t.Errorf("domains = %+v", held)
			}
		})
	}

	t.Run("a delete that did not happen is an error", func(t *testing.T) {
		e, client := startTestEmulator(t, nil)
		out, err := client.CreateDomain(context.Background(), &connectcases.CreateDomainInput{Name: aws.String("kept")})
		if err != nil {
			t.Fatal(err)
		}
		if err := e.SetFaults(emulator.FaultConfig{Rules: []emulator.FaultRule{{
			Operations: []string{"DeleteDomain"}, Probability: 1, Action: emulator.FaultError, Code: emulator.CodeInternalServer,
		}}}); err != nil {
			t.Fatal(err)
		}
		if err := deleteDomain(context.Background(), client, aws.ToString(out.DomainId)); err == nil {
			t.Error("deleteDomain succeeded, but the domain still exists")
		}
	})
}
