package cases

import (
	"context"
	"errors"
	"fmt"
	"log"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/connect"
	connecttypes "github.com/aws/aws-sdk-go-v2/service/connect/types"
	"github.com/aws/aws-sdk-go-v2/service/connectcases"
	awstypes "github.com/aws/aws-sdk-go-v2/service/connectcases/types"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/connect-cases/terraform-provider-cases/internal/conns"
	"github.com/connect-cases/terraform-provider-cases/internal/emulator"
	"github.com/connect-cases/terraform-provider-cases/internal/poll"
)

// Sweepers delete what acceptance tests against a real account
// (CASES_ACC_TARGET=aws) left behind: the quota is 5 domains per account
// and region, so a few failed runs block the next. Run them with
//
//	make sweep REGION=us-west-2
//
// which is go test ./internal/service/cases -sweep=REGION (the
// terraform-plugin-testing convention; -sweep-run=cases_domain picks one).
// They use the usual AWS configuration of the environment (credentials,
// profile, AWS_ENDPOINT_URL_CONNECTCASES / _CONNECT), with the region of
// the flag.
//
// Only domains whose name starts with sweepPrefix are touched. A domain is
// deleted whole: DeleteDomain takes its fields, layouts, templates and case
// rules with it, whereas deleting them one by one would spend the per
// domain deletion quotas (DeleteLayout, DeleteTemplate: "You can delete up
// to 100 ... per domain", API model) and could not delete system fields
// anyway. The Connect integration associations of those domains go first:
// "After deleting your domain you must disassociate the deleted domain from
// your Amazon Connect instance" (DeleteDomain, API model), and after the
// delete the association no longer says which domain it was.

// sweepPrefix starts the name of everything an acceptance test creates
// (acctest.ResourcePrefix; the acctest package imports the provider, so it
// is not imported here).
const sweepPrefix = "tf-acc-test-"

// sweepDomainDeleteTimeout bounds the wait for one swept domain to go.
const sweepDomainDeleteTimeout = 10 * time.Minute

func TestMain(m *testing.M) {
	resource.TestMain(m)
}

func init() {
	resource.AddTestSweepers("cases_instance_association", &resource.Sweeper{
		Name: "cases_instance_association",
		F:    sweepInstanceAssociations,
	})
	resource.AddTestSweepers("cases_domain", &resource.Sweeper{
		Name:         "cases_domain",
		Dependencies: []string{"cases_instance_association"},
		F:            sweepDomains,
	})
}

// sweepClient builds the clients for region from the environment.
func sweepClient(region string) (*conns.Client, error) {
	cfg, err := config.LoadDefaultConfig(context.Background(), config.WithRegion(region))
	if err != nil {
		return nil, fmt.Errorf("loading the AWS configuration for %s: %w", region, err)
	}
	return &conns.Client{
		Cases:       connectcases.NewFromConfig(cfg),
		Connect:     connect.NewFromConfig(cfg),
		Region:      region,
		StatusPolls: poll.NewPacer(poll.DefaultMinSpacing),
	}, nil
}

// sweptDomains lists the domains the sweepers delete.
func sweptDomains(ctx context.Context, client *conns.Client) ([]awstypes.DomainSummary, error) {
	return findDomains(ctx, client.Cases, func(d awstypes.DomainSummary) bool {
		return strings.HasPrefix(aws.ToString(d.Name), sweepPrefix)
	})
}

// sweepInstanceAssociations removes every CASES_DOMAIN integration
// association, on every Connect instance of the region, whose domain is a
// test domain.
func sweepInstanceAssociations(region string) error {
	ctx := context.Background()
	client, err := sweepClient(region)
	if err != nil {
		return err
	}
	domains, err := sweptDomains(ctx, client)
	if err != nil {
		return fmt.Errorf("listing Cases domains: %w", err)
	}
	swept := map[string]bool{}
	for _, d := range domains {
		swept[aws.ToString(d.DomainArn)] = true
	}
	if len(swept) == 0 {
		return nil
	}
	var errs []error
	instances := connect.NewListInstancesPaginator(client.Connect, &connect.ListInstancesInput{})
	for instances.HasMorePages() {
		page, err := instances.NextPage(ctx)
		if err != nil {
			return errors.Join(append(errs, fmt.Errorf("listing Amazon Connect instances: %w", err))...)
		}
		for _, inst := range page.InstanceSummaryList {
			instanceID := aws.ToString(inst.Id)
			associations, err := findCasesDomainAssociations(ctx, client.Connect, instanceID, "")
			if err != nil && !IsNotFound(err) {
				errs = append(errs, fmt.Errorf("listing the Cases domain associations of instance %s: %w", instanceID, err))
				continue
			}
			for _, a := range associations {
				if !swept[aws.ToString(a.IntegrationArn)] {
					continue
				}
				associationID := aws.ToString(a.IntegrationAssociationId)
				log.Printf("[INFO] sweeping %s %s (domain %s)", kindInstanceAssociation, instanceAssociationID(instanceID, associationID), aws.ToString(a.IntegrationArn))
				_, err := client.Connect.DeleteIntegrationAssociation(ctx, &connect.DeleteIntegrationAssociationInput{
					InstanceId: aws.String(instanceID), IntegrationAssociationId: aws.String(associationID),
				})
				var rnf *connecttypes.ResourceNotFoundException
				if err != nil && !errors.As(err, &rnf) {
					errs = append(errs, fmt.Errorf("deleting %s %s: %w", kindInstanceAssociation, associationID, err))
				}
			}
		}
	}
	return errors.Join(errs...)
}

// sweepDomains deletes every test domain, and waits until each is gone so
// that the quota is free when the sweep ends.
func sweepDomains(region string) error {
	ctx := context.Background()
	client, err := sweepClient(region)
	if err != nil {
		return err
	}
	domains, err := sweptDomains(ctx, client)
	if err != nil {
		return fmt.Errorf("listing Cases domains: %w", err)
	}
	var errs []error
	for _, d := range domains {
		id := aws.ToString(d.DomainId)
		log.Printf("[INFO] sweeping %s %s (%s)", kindDomain, aws.ToString(d.Name), id)
		if err := deleteDomain(ctx, client.Cases, id); err != nil {
			errs = append(errs, fmt.Errorf("deleting %s %s (%s): %w", kindDomain, aws.ToString(d.Name), id, err))
			continue
		}
		if err := waitDomainDeleted(ctx, client, id, sweepDomainDeleteTimeout); err != nil {
			errs = append(errs, fmt.Errorf("waiting for deletion of %s %s: %w", kindDomain, id, err))
		}
	}
	return errors.Join(errs...)
}

// TestSweepers runs the sweepers against an emulator that holds what
// failed test runs leave behind: test domains with fields, layouts,
// templates and case rules, one associated with a Connect instance, next
// to domains that are not the tests'. The test domains and their
// association must be gone; the others, and their association, must stay.
func TestSweepers(t *testing.T) {
	opts := emulator.Options{Runtime: emulator.DefaultRuntimeConfig()}
	opts.Runtime.ActivationDelay = 0
	opts.Runtime.InstanceActivationDelay = 0
	e, err := emulator.New(opts)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(e)
	t.Cleanup(srv.Close)

	// The sweepers read the environment, as they do against AWS.
	empty := filepath.Join(t.TempDir(), "empty")
	if err := os.WriteFile(empty, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	for k, v := range map[string]string{
		"AWS_ACCESS_KEY_ID": testAccount, "AWS_SECRET_ACCESS_KEY": "secret", "AWS_SESSION_TOKEN": "",
		"AWS_PROFILE": "", "AWS_CONFIG_FILE": empty, "AWS_SHARED_CREDENTIALS_FILE": empty,
		"AWS_ENDPOINT_URL": "", "AWS_ENDPOINT_URL_CONNECTCASES": srv.URL, "AWS_ENDPOINT_URL_CONNECT": srv.URL,
	} {
		t.Setenv(k, v)
	}
	const region = "us-west-2"
	client, err := sweepClient(region)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()

	newDomain := func(name string) *connectcases.CreateDomainOutput {
		t.Helper()
		out, err := client.Cases.CreateDomain(ctx, &connectcases.CreateDomainInput{Name: aws.String(name)})
		if err != nil {
			t.Fatalf("CreateDomain(%s): %v", name, err)
		}
		return out
	}
	fill := func(domainID string) {
		t.Helper()
		field, err := client.Cases.CreateField(ctx, &connectcases.CreateFieldInput{DomainId: aws.String(domainID), Name: aws.String("Policy"), Type: awstypes.FieldTypeText})
		if err != nil {
			t.Fatal(err)
		}
		layout, err := client.Cases.CreateLayout(ctx, &connectcases.CreateLayoutInput{
			DomainId: aws.String(domainID), Name: aws.String("Claims"),
			Content: &awstypes.LayoutContentMemberBasic{Value: awstypes.BasicLayout{TopPanel: &awstypes.LayoutSections{Sections: []awstypes.Section{
				&awstypes.SectionMemberFieldGroup{Value: awstypes.FieldGroup{Fields: []awstypes.FieldItem{{Id: field.FieldId}}}},
			}}}},
		})
		if err != nil {
			t.Fatal(err)
		}
		rule, err := client.Cases.CreateCaseRule(ctx, &connectcases.CreateCaseRuleInput{
			DomainId: aws.String(domainID), Name: aws.String("Policy required"),
			Rule: &awstypes.CaseRuleDetailsMemberRequired{Value: awstypes.RequiredCaseRule{DefaultValue: aws.Bool(true), Conditions: []awstypes.BooleanCondition{}}},
		})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := client.Cases.CreateTemplate(ctx, &connectcases.CreateTemplateInput{
			DomainId: aws.String(domainID), Name: aws.String("Claim"),
			LayoutConfiguration: &awstypes.LayoutConfiguration{DefaultLayout: layout.LayoutId},
			Rules:               []awstypes.TemplateRule{{CaseRuleId: rule.CaseRuleId, FieldId: field.FieldId}},
		}); err != nil {
			t.Fatal(err)
		}
	}
	newInstance := func(alias string) string {
		t.Helper()
		out, err := client.Connect.CreateInstance(ctx, &connect.CreateInstanceInput{
			IdentityManagementType: connecttypes.DirectoryTypeConnectManaged, InstanceAlias: aws.String(alias),
			InboundCallsEnabled: aws.Bool(true), OutboundCallsEnabled: aws.Bool(true),
		})
		if err != nil {
			t.Fatal(err)
		}
		return aws.ToString(out.Id)
	}
	associate := func(instanceID, domainARN string) {
		t.Helper()
		if _, err := client.Connect.CreateIntegrationAssociation(ctx, &connect.CreateIntegrationAssociationInput{
			InstanceId: aws.String(instanceID), IntegrationType: connecttypes.IntegrationTypeCasesDomain, IntegrationArn: aws.String(domainARN),
		}); err != nil {
			t.Fatal(err)
		}
	}

	leftA := newDomain(sweepPrefix + "domain-a")
	newDomain(sweepPrefix + "complete-b")
	keep, keepLookalike := newDomain("support-cases"), newDomain("tf-acc-testing-is-not-a-prefix")
	time.Sleep(50 * time.Millisecond) // past the emulator's activation
	fill(aws.ToString(leftA.DomainId))
	fill(aws.ToString(keep.DomainId))
	testInstance, otherInstance := newInstance("sweep-a"), newInstance("sweep-b")
	time.Sleep(50 * time.Millisecond)
	associate(testInstance, aws.ToString(leftA.DomainArn))
	associate(otherInstance, aws.ToString(keep.DomainArn))

	// The registered order: associations, then domains.
	if err := sweepInstanceAssociations(region); err != nil {
		t.Fatalf("sweeping associations: %v", err)
	}
	if err := sweepDomains(region); err != nil {
		t.Fatalf("sweeping domains: %v", err)
	}

	var left []string
	for _, d := range e.Domains(testAccount, region) {
		left = append(left, d.Name)
	}
	if want := []string{"support-cases", "tf-acc-testing-is-not-a-prefix"}; !slices.Equal(left, want) {
		t.Errorf("domains after the sweep = %v, want %v", left, want)
	}
	for _, id := range []*string{keep.DomainId, keepLookalike.DomainId} {
		if _, err := findDomainByID(ctx, client.Cases, aws.ToString(id)); err != nil {
			t.Errorf("domain %s: %v", aws.ToString(id), err)
		}
	}
	if fields, err := findFieldsByName(ctx, client.Cases, aws.ToString(keep.DomainId), "Policy"); err != nil || len(fields) != 1 {
		t.Errorf("the kept domain's field: %v, %v", fields, err)
	}
	if got, err := findCasesDomainAssociations(ctx, client.Connect, testInstance, ""); err != nil || len(got) != 0 {
		t.Errorf("associations of the test domain's instance = %v, %v; want none", got, err)
	}
	if got, err := findCasesDomainAssociations(ctx, client.Connect, otherInstance, ""); err != nil || len(got) != 1 || aws.ToString(got[0].IntegrationArn) != aws.ToString(keep.DomainArn) {
		t.Errorf("associations of the other instance = %v, %v; want the kept domain's", got, err)
	}

	// A second sweep finds nothing to do.
	if err := errors.Join(sweepInstanceAssociations(region), sweepDomains(region)); err != nil {
		t.Errorf("second sweep: %v", err)
	}
}
