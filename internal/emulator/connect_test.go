package emulator_test

// Contract tests of the Connect subset: they drive the emulator through the
// stock aws-sdk-go-v2 connect client, so they fail when the emulator stops
// being wire-compatible with what that client sends and decodes.

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/connect"
	"github.com/aws/aws-sdk-go-v2/service/connect/types"
	"github.com/aws/aws-sdk-go-v2/service/connectcases"

	"github.com/connect-cases/terraform-provider-cases/internal/emulator"
)

// newConnectClient is the stock Connect client for the emulator, without
// retries, signing as accessKey in region.
func newConnectClient(server *emulator.Server, accessKey, region string) *connect.Client {
	return connect.New(connect.Options{
		Region:       region,
		BaseEndpoint: aws.String(server.URL()),
		Credentials:  credentials.NewStaticCredentialsProvider(accessKey, testSecret, ""),
		Retryer:      aws.NopRetryer{},
	})
}

// connectFixture is an emulator on a fake clock with a Cases and a Connect
// client of the default account.
type connectFixture struct {
	e       *emulator.Emulator
	server  *emulator.Server
	clock   *fakeClock
	cases   *connectcases.Client
	connect *connect.Client
}

func newConnectFixture(t *testing.T, configure ...func(*emulator.Options)) *connectFixture {
	t.Helper()
	clock := newFakeClock()
	opts := emulator.Options{Runtime: emulator.DefaultRuntimeConfig(), Now: clock.Now}
	for _, f := range configure {
		f(&opts)
	}
	e, server := startEmulator(t, opts)
	return &connectFixture{e: e, server: server, clock: clock, cases: defaultClient(server), connect: newConnectClient(server, "AKIDEXAMPLE", testRegion)}
}

// settle moves the clock past both activation delays.
func (f *connectFixture) settle() { f.clock.Advance(time.Minute) }

func (f *connectFixture) createInstance(t *testing.T, alias string) *connect.CreateInstanceOutput {
	t.Helper()
	out, err := f.connect.CreateInstance(context.Background(), &connect.CreateInstanceInput{
		IdentityManagementType: types.DirectoryTypeConnectManaged,
		InstanceAlias:          aws.String(alias),
		InboundCallsEnabled:    aws.Bool(true),
		OutboundCallsEnabled:   aws.Bool(false),
	})
	if err != nil {
		t.Fatalf("CreateInstance(%s): %v", alias, err)
	}
	return out
}

// activeDomainAndInstance creates a domain and an instance and lets both
// become active.
func (f *connectFixture) activeDomainAndInstance(t *testing.T) (domainARN, instanceID string) {
	t.Helper()
	d := createDomain(t, f.cases, "support")
	inst := f.createInstance(t, "support-center")
	f.settle()
	return aws.ToString(d.DomainArn), aws.ToString(inst.Id)
}

func (f *connectFixture) associate(t *testing.T, instanceID string, kind types.IntegrationType, arn string) *connect.CreateIntegrationAssociationOutput {
	t.Helper()
	out, err := f.connect.CreateIntegrationAssociation(context.Background(), &connect.CreateIntegrationAssociationInput{
		InstanceId:      aws.String(instanceID),
		IntegrationType: kind,
		IntegrationArn:  aws.String(arn),
	})
	if err != nil {
		t.Fatalf("CreateIntegrationAssociation(%s, %s): %v", kind, arn, err)
	}
	return out
}

func TestConnectInstance_lifecycle(t *testing.T) {
	f := newConnectFixture(t)
	ctx := context.Background()

	created := f.createInstance(t, "support-center")
	id := aws.ToString(created.Id)
	if !uuidPattern.MatchString(id) {
		t.Errorf("Id = %q, want a UUID like real instance ids", id)
	}
	if want := "arn:aws:connect:us-west-2:123456789012:instance/" + id; aws.ToString(created.Arn) != want {
		t.Errorf("Arn = %q, want %q", aws.ToString(created.Arn), want)
	}

	got, err := f.connect.DescribeInstance(ctx, &connect.DescribeInstanceInput{InstanceId: created.Id})
	if err != nil {
		t.Fatalf("DescribeInstance: %v", err)
	}
	inst := got.Instance
	if inst.InstanceStatus != types.InstanceStatusCreationInProgress {
		t.Errorf("InstanceStatus = %s, want CREATION_IN_PROGRESS right after CreateInstance", inst.InstanceStatus)
	}
	if aws.ToString(inst.InstanceAlias) != "support-center" || inst.IdentityManagementType != types.DirectoryTypeConnectManaged ||
		!aws.ToBool(inst.InboundCallsEnabled) || aws.ToBool(inst.OutboundCallsEnabled) || !aws.ToTime(inst.CreatedTime).Equal(f.clock.Now()) {
		t.Errorf("Instance = %+v, want what was created", inst)
	}
	if !strings.Contains(aws.ToString(inst.ServiceRole), ":role/aws-service-role/connect.amazonaws.com/") {
		t.Errorf("ServiceRole = %q, want the Connect service-linked role", aws.ToString(inst.ServiceRole))
	}

	f.clock.Advance(emulator.DefaultInstanceActivationDelay)
	got, err = f.connect.DescribeInstance(ctx, &connect.DescribeInstanceInput{InstanceId: created.Id})
	if err != nil || got.Instance.InstanceStatus != types.InstanceStatusActive {
		t.Fatalf("DescribeInstance after the activation delay = %+v, %v; want ACTIVE", got, err)
	}

	list, err := f.connect.ListInstances(ctx, &connect.ListInstancesInput{})
	if err != nil || len(list.InstanceSummaryList) != 1 || aws.ToString(list.InstanceSummaryList[0].Id) != id || list.NextToken != nil {
		t.Fatalf("ListInstances = %+v, %v; want the one instance", list, err)
	}

	if _, err := f.connect.DeleteInstance(ctx, &connect.DeleteInstanceInput{InstanceId: created.Id}); err != nil {
		t.Fatalf("DeleteInstance: %v", err)
	}
	_, err = f.connect.DescribeInstance(ctx, &connect.DescribeInstanceInput{InstanceId: created.Id})
	requireAPIError[*types.ResourceNotFoundException](t, err)
	_, err = f.connect.DeleteInstance(ctx, &connect.DeleteInstanceInput{InstanceId: created.Id})
	requireAPIError[*types.ResourceNotFoundException](t, err)
}

func TestConnectInstance_activationDelayConfig(t *testing.T) {
	f := newConnectFixture(t)
	cfg := putConfig(t, f.server, `{"instanceActivationDelay":"0s"}`)
	if cfg.InstanceActivationDelay != 0 {
		t.Fatalf("instanceActivationDelay = %s, want 0s", cfg.InstanceActivationDelay)
	}
	created := f.createInstance(t, "instant")
	got, err := f.connect.DescribeInstance(context.Background(), &connect.DescribeInstanceInput{InstanceId: created.Id})
	if err != nil || got.Instance.InstanceStatus != types.InstanceStatusActive {
		t.Fatalf("DescribeInstance with no delay = %+v, %v; want ACTIVE at once", got, err)
	}
}

func TestConnectInstance_validation(t *testing.T) {
	f := newConnectFixture(t)
	ctx := context.Background()
	for name, in := range map[string]*connect.CreateInstanceInput{
		"alias that looks like a directory id": {IdentityManagementType: types.DirectoryTypeConnectManaged, InstanceAlias: aws.String("d-1234567890"), InboundCallsEnabled: aws.Bool(true), OutboundCallsEnabled: aws.Bool(true)},
		"alias too long":                       {IdentityManagementType: types.DirectoryTypeConnectManaged, InstanceAlias: aws.String(strings.Repeat("a", 46)), InboundCallsEnabled: aws.Bool(true), OutboundCallsEnabled: aws.Bool(true)},
		"unknown identity type":                {IdentityManagementType: "LDAP", InstanceAlias: aws.String("x"), InboundCallsEnabled: aws.Bool(true), OutboundCallsEnabled: aws.Bool(true)},
		"no alias":                             {IdentityManagementType: types.DirectoryTypeSaml, InboundCallsEnabled: aws.Bool(true), OutboundCallsEnabled: aws.Bool(true)},
		"existing directory without its id":    {IdentityManagementType: types.DirectoryTypeExistingDirectory, InboundCallsEnabled: aws.Bool(true), OutboundCallsEnabled: aws.Bool(true)},
		"bad directory id":                     {IdentityManagementType: types.DirectoryTypeExistingDirectory, DirectoryId: aws.String("d-XYZ"), InboundCallsEnabled: aws.Bool(true), OutboundCallsEnabled: aws.Bool(true)},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := f.connect.CreateInstance(ctx, in)
			requireAPIError[*types.InvalidRequestException](t, err)
		})
	}

	// A required member the SDK does not check client-side.
	req := signedConnectRequest(t, f.server, http.MethodPut, "/instance", []byte(`{"IdentityManagementType":"SAML","InstanceAlias":"x"}`))
	body := do(t, req).requireConnectWireError(t, http.StatusBadRequest, "InvalidRequestException")
	for _, member := range []string{"InboundCallsEnabled", "OutboundCallsEnabled"} {
		if !strings.Contains(body["Message"].(string), "Value null at '"+member+"'") {
			t.Errorf("message %q does not name the missing %s", body["Message"], member)
		}
	}

	f.createInstance(t, "taken")
	_, err := f.connect.CreateInstance(ctx, &connect.CreateInstanceInput{
		IdentityManagementType: types.DirectoryTypeConnectManaged, InstanceAlias: aws.String("TAKEN"),
		InboundCallsEnabled: aws.Bool(true), OutboundCallsEnabled: aws.Bool(true),
	})
	requireAPIError[*types.InvalidRequestException](t, err)
}

func TestConnectInstance_quotaAndClientToken(t *testing.T) {
	f := newConnectFixture(t)
	ctx := context.Background()
	in := &connect.CreateInstanceInput{
		ClientToken:            aws.String("token-1"),
		IdentityManagementType: types.DirectoryTypeExistingDirectory,
		DirectoryId:            aws.String("d-0123456789"),
		InboundCallsEnabled:    aws.Bool(true),
		OutboundCallsEnabled:   aws.Bool(true),
	}
	first, err := f.connect.CreateInstance(ctx, in)
	if err != nil {
		t.Fatal(err)
	}
	again, err := f.connect.CreateInstance(ctx, in)
	if err != nil || aws.ToString(again.Id) != aws.ToString(first.Id) {
		t.Fatalf("CreateInstance with the same ClientToken = %v, %v; want instance %s again", again, err, aws.ToString(first.Id))
	}
	f.createInstance(t, "second")
	_, err = f.connect.CreateInstance(ctx, &connect.CreateInstanceInput{
		IdentityManagementType: types.DirectoryTypeConnectManaged, InstanceAlias: aws.String("third"),
		InboundCallsEnabled: aws.Bool(true), OutboundCallsEnabled: aws.Bool(true),
	})
	requireAPIError[*types.ServiceQuotaExceededException](t, err)
	if n := len(f.e.Instances(emulator.DefaultAccount, testRegion)); n != emulator.DefaultInstancesPerAccountRegion {
		t.Errorf("%d instances, want the quota %d", n, emulator.DefaultInstancesPerAccountRegion)
	}
}

func TestConnectListInstances_pagination(t *testing.T) {
	f := newConnectFixture(t)
	putConfig(t, f.server, `{"quotas":{"instancesPerAccountRegion":20}}`)
	ctx := context.Background()
	var want []string
	for i := range 7 {
		want = append(want, aws.ToString(f.createInstance(t, fmt.Sprintf("center-%d", i)).Id))
	}
	var got []string
	pages := connect.NewListInstancesPaginator(f.connect, &connect.ListInstancesInput{MaxResults: aws.Int32(3)})
	for n := 0; pages.HasMorePages(); n++ {
		page, err := pages.NextPage(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(page.InstanceSummaryList) > 3 {
			t.Errorf("page %d has %d instances, want at most 3", n, len(page.InstanceSummaryList))
		}
		for _, s := range page.InstanceSummaryList {
			got = append(got, aws.ToString(s.Id))
		}
	}
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("pages = %v, want every instance once in creation order %v", got, want)
	}

	_, err := f.connect.ListInstances(ctx, &connect.ListInstancesInput{MaxResults: aws.Int32(11)})
	requireAPIError[*types.InvalidRequestException](t, err)
	_, err = f.connect.ListInstances(ctx, &connect.ListInstancesInput{NextToken: aws.String("not-a-token")})
	requireAPIError[*types.InvalidRequestException](t, err)
}

func TestConnectIntegrationAssociation_casesDomain(t *testing.T) {
	f := newConnectFixture(t)
	ctx := context.Background()
	domainARN, instanceID := f.activeDomainAndInstance(t)

	created := f.associate(t, instanceID, types.IntegrationTypeCasesDomain, domainARN)
	assocID := aws.ToString(created.IntegrationAssociationId)
	wantARN := "arn:aws:connect:us-west-2:123456789012:instance/" + instanceID + "/integration-association/" + assocID
	if aws.ToString(created.IntegrationAssociationArn) != wantARN {
		t.Errorf("IntegrationAssociationArn = %q, want %q", aws.ToString(created.IntegrationAssociationArn), wantARN)
	}

	list, err := f.connect.ListIntegrationAssociations(ctx, &connect.ListIntegrationAssociationsInput{
		InstanceId: aws.String(instanceID), IntegrationType: types.IntegrationTypeCasesDomain, IntegrationArn: aws.String(domainARN),
	})
	if err != nil || len(list.IntegrationAssociationSummaryList) != 1 {
		t.Fatalf("ListIntegrationAssociations = %+v, %v; want the association", list, err)
	}
	s := list.IntegrationAssociationSummaryList[0]
	if aws.ToString(s.IntegrationAssociationId) != assocID || aws.ToString(s.InstanceId) != instanceID || aws.ToString(s.IntegrationArn) != domainARN || s.IntegrationType != types.IntegrationTypeCasesDomain {
		t.Errorf("summary = %+v, want the association", s)
	}

	// One Cases domain per instance: a second one, even the same, is a
	// duplicate, and the message names the domain the instance has.
	second := createDomain(t, f.cases, "other")
	f.settle()
	for _, arn := range []string{domainARN, aws.ToString(second.DomainArn)} {
		_, err = f.connect.CreateIntegrationAssociation(ctx, &connect.CreateIntegrationAssociationInput{
			InstanceId: aws.String(instanceID), IntegrationType: types.IntegrationTypeCasesDomain, IntegrationArn: aws.String(arn),
		})
		dup := requireAPIErrorAs[*types.DuplicateResourceException](t, err)
		if !strings.Contains(dup.ErrorMessage(), domainARN) {
			t.Errorf("duplicate message %q does not name the associated domain %s", dup.ErrorMessage(), domainARN)
		}
	}
	body := `{"IntegrationType":"CASES_DOMAIN","IntegrationArn":"` + domainARN + `"}`
	do(t, signedConnectRequest(t, f.server, http.MethodPut, "/instance/"+instanceID+"/integration-associations", []byte(body))).
		requireConnectWireError(t, http.StatusConflict, "DuplicateResourceException")

	if _, err := f.connect.DeleteIntegrationAssociation(ctx, &connect.DeleteIntegrationAssociationInput{
		InstanceId: aws.String(instanceID), IntegrationAssociationId: aws.String(assocID),
	}); err != nil {
		t.Fatalf("DeleteIntegrationAssociation: %v", err)
	}
	_, err = f.connect.DeleteIntegrationAssociation(ctx, &connect.DeleteIntegrationAssociationInput{
		InstanceId: aws.String(instanceID), IntegrationAssociationId: aws.String(assocID),
	})
	requireAPIError[*types.ResourceNotFoundException](t, err)
	// Now the other domain may be associated.
	f.associate(t, instanceID, types.IntegrationTypeCasesDomain, aws.ToString(second.DomainArn))
}

func TestConnectIntegrationAssociation_casesDomainRules(t *testing.T) {
	f := newConnectFixture(t)
	ctx := context.Background()
	domainARN, instanceID := f.activeDomainAndInstance(t)
	attempt := func(instance, arn string) error {
		_, err := f.connect.CreateIntegrationAssociation(ctx, &connect.CreateIntegrationAssociationInput{
			InstanceId: aws.String(instance), IntegrationType: types.IntegrationTypeCasesDomain, IntegrationArn: aws.String(arn),
		})
		return err
	}
	missingDomain := domainARN[:strings.LastIndex(domainARN, "/")+1] + "00000000-0000-4000-8000-000000000000"
	requireAPIError[*types.ResourceNotFoundException](t, attempt(instanceID, missingDomain))
	requireAPIError[*types.ResourceNotFoundException](t, attempt("00000000-0000-4000-8000-000000000000", domainARN))
	requireAPIError[*types.InvalidRequestException](t, attempt(instanceID, "arn:aws:s3:::bucket"))
	requireAPIError[*types.InvalidRequestException](t, attempt(instanceID, strings.Replace(domainARN, "us-west-2", "eu-west-1", 1)))
	requireAPIError[*types.InvalidRequestException](t, attempt(instanceID, strings.Replace(domainARN, emulator.DefaultAccount, "111122223333", 1)))

	pending := createDomain(t, f.cases, "pending")
	requireAPIError[*types.InvalidRequestException](t, attempt(instanceID, aws.ToString(pending.DomainArn)))

	putConfig(t, f.server, `{"quotas":{"instancesPerAccountRegion":5}}`)
	creating := f.createInstance(t, "creating")
	requireAPIError[*types.InvalidRequestException](t, attempt(aws.ToString(creating.Id), domainARN))

	_, err := f.connect.CreateIntegrationAssociation(ctx, &connect.CreateIntegrationAssociationInput{
		InstanceId: aws.String(instanceID), IntegrationType: "NOT_A_TYPE", IntegrationArn: aws.String(domainARN),
	})
	requireAPIError[*types.InvalidRequestException](t, err)
	if got := f.e.Instances(emulator.DefaultAccount, testRegion)[0].IntegrationAssociations; len(got) != 0 {
		t.Errorf("associations after refused requests = %+v, want none", got)
	}
}

func TestConnectIntegrationAssociation_otherTypesAndPagination(t *testing.T) {
	f := newConnectFixture(t)
	ctx := context.Background()
	domainARN, instanceID := f.activeDomainAndInstance(t)
	f.associate(t, instanceID, types.IntegrationTypeCasesDomain, domainARN)
	var events []string
	for i := range 5 {
		arn := fmt.Sprintf("arn:aws:events:us-west-2:123456789012:event-source/aws.partner/x%d", i)
		events = append(events, aws.ToString(f.associate(t, instanceID, types.IntegrationTypeEvent, arn).IntegrationAssociationId))
	}
	// Unchecked types: the same ARN twice is stored twice.
	f.associate(t, instanceID, types.IntegrationTypeWisdomAssistant, "arn:aws:wisdom:us-west-2:123456789012:assistant/a")
	f.associate(t, instanceID, types.IntegrationTypeWisdomAssistant, "arn:aws:wisdom:us-west-2:123456789012:assistant/a")

	var got []string
	pages := connect.NewListIntegrationAssociationsPaginator(f.connect, &connect.ListIntegrationAssociationsInput{
		InstanceId: aws.String(instanceID), IntegrationType: types.IntegrationTypeEvent, MaxResults: aws.Int32(2),
	})
	for pages.HasMorePages() {
		page, err := pages.NextPage(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(page.IntegrationAssociationSummaryList) > 2 {
			t.Errorf("page of %d, want at most 2", len(page.IntegrationAssociationSummaryList))
		}
		for _, s := range page.IntegrationAssociationSummaryList {
			got = append(got, aws.ToString(s.IntegrationAssociationId))
		}
	}
	if strings.Join(got, ",") != strings.Join(events, ",") {
		t.Errorf("EVENT pages = %v, want %v", got, events)
	}
	all, err := f.connect.ListIntegrationAssociations(ctx, &connect.ListIntegrationAssociationsInput{InstanceId: aws.String(instanceID)})
	if err != nil || len(all.IntegrationAssociationSummaryList) != 8 {
		t.Fatalf("unfiltered list = %d, %v; want 8", len(all.IntegrationAssociationSummaryList), err)
	}
	byARN, err := f.connect.ListIntegrationAssociations(ctx, &connect.ListIntegrationAssociationsInput{
		InstanceId: aws.String(instanceID), IntegrationArn: aws.String("arn:aws:wisdom:us-west-2:123456789012:assistant/a"),
	})
	if err != nil || len(byARN.IntegrationAssociationSummaryList) != 2 {
		t.Fatalf("list by ARN = %+v, %v; want the 2 WISDOM_ASSISTANT associations", byARN, err)
	}
	_, err = f.connect.ListIntegrationAssociations(ctx, &connect.ListIntegrationAssociationsInput{InstanceId: aws.String(instanceID), MaxResults: aws.Int32(101)})
	requireAPIError[*types.InvalidRequestException](t, err)
	_, err = f.connect.ListIntegrationAssociations(ctx, &connect.ListIntegrationAssociationsInput{InstanceId: aws.String("missing")})
	requireAPIError[*types.ResourceNotFoundException](t, err)

	// Deleting the instance deletes its associations.
	if _, err := f.connect.DeleteInstance(ctx, &connect.DeleteInstanceInput{InstanceId: aws.String(instanceID)}); err != nil {
		t.Fatal(err)
	}
	if state := f.e.State(); len(state.Tenants) != 1 || len(state.Tenants[0].ConnectInstances) != 0 {
		t.Errorf("state after DeleteInstance = %+v, want no instances or associations", state)
	}
}

func TestConnectTags(t *testing.T) {
	f := newConnectFixture(t)
	ctx := context.Background()
	domainARN, instanceID := f.activeDomainAndInstance(t)
	described, err := f.connect.DescribeInstance(ctx, &connect.DescribeInstanceInput{InstanceId: aws.String(instanceID)})
	if err != nil {
		t.Fatal(err)
	}
	assoc := f.associate(t, instanceID, types.IntegrationTypeCasesDomain, domainARN)
	for _, arn := range []string{aws.ToString(described.Instance.Arn), aws.ToString(assoc.IntegrationAssociationArn)} {
		if _, err := f.connect.TagResource(ctx, &connect.TagResourceInput{ResourceArn: aws.String(arn), Tags: map[string]string{"team": "support", "env": "prod"}}); err != nil {
			t.Fatalf("TagResource(%s): %v", arn, err)
		}
		if _, err := f.connect.UntagResource(ctx, &connect.UntagResourceInput{ResourceArn: aws.String(arn), TagKeys: []string{"env"}}); err != nil {
			t.Fatalf("UntagResource(%s): %v", arn, err)
		}
		got, err := f.connect.ListTagsForResource(ctx, &connect.ListTagsForResourceInput{ResourceArn: aws.String(arn)})
		if err != nil || len(got.Tags) != 1 || got.Tags["team"] != "support" {
			t.Errorf("ListTagsForResource(%s) = %+v, %v; want team=support", arn, got, err)
		}
	}
	described, _ = f.connect.DescribeInstance(ctx, &connect.DescribeInstanceInput{InstanceId: aws.String(instanceID)})
	if described.Instance.Tags["team"] != "support" {
		t.Errorf("DescribeInstance tags = %v, want team=support", described.Instance.Tags)
	}

	instanceARN := aws.ToString(described.Instance.Arn)
	_, err = f.connect.ListTagsForResource(ctx, &connect.ListTagsForResourceInput{ResourceArn: aws.String(instanceARN + "x")})
	requireAPIError[*types.ResourceNotFoundException](t, err)
	_, err = f.connect.TagResource(ctx, &connect.TagResourceInput{ResourceArn: aws.String(domainARN), Tags: map[string]string{"a": "b"}})
	requireAPIError[*types.InvalidParameterException](t, err)
	_, err = f.connect.TagResource(ctx, &connect.TagResourceInput{ResourceArn: aws.String(instanceARN), Tags: map[string]string{"aws:reserved": "x"}})
	requireAPIError[*types.InvalidParameterException](t, err)
	_, err = f.connect.UntagResource(ctx, &connect.UntagResourceInput{ResourceArn: aws.String(instanceARN), TagKeys: []string{strings.Repeat("k", 129)}})
	requireAPIError[*types.InvalidParameterException](t, err)
	many := map[string]string{}
	for i := range 50 {
		many[fmt.Sprintf("k%d", i)] = "v"
	}
	_, err = f.connect.TagResource(ctx, &connect.TagResourceInput{ResourceArn: aws.String(instanceARN), Tags: many})
	requireAPIError[*types.InvalidParameterException](t, err) // 50 new + team
}

func TestConnect_isolation(t *testing.T) {
	f := newConnectFixture(t)
	ctx := context.Background()
	domainARN, instanceID := f.activeDomainAndInstance(t)
	f.associate(t, instanceID, types.IntegrationTypeCasesDomain, domainARN)
	described, err := f.connect.DescribeInstance(ctx, &connect.DescribeInstanceInput{InstanceId: aws.String(instanceID)})
	if err != nil {
		t.Fatal(err)
	}
	for name, other := range map[string]*connect.Client{
		"other account": newConnectClient(f.server, "111122223333", testRegion),
		"other region":  newConnectClient(f.server, "AKIDEXAMPLE", "eu-west-1"),
	} {
		t.Run(name, func(t *testing.T) {
			_, err := other.DescribeInstance(ctx, &connect.DescribeInstanceInput{InstanceId: aws.String(instanceID)})
			requireAPIError[*types.ResourceNotFoundException](t, err)
			list, err := other.ListInstances(ctx, &connect.ListInstancesInput{})
			if err != nil || len(list.InstanceSummaryList) != 0 {
				t.Errorf("ListInstances = %+v, %v; want none", list, err)
			}
			_, err = other.ListIntegrationAssociations(ctx, &connect.ListIntegrationAssociationsInput{InstanceId: aws.String(instanceID)})
			requireAPIError[*types.ResourceNotFoundException](t, err)
			_, err = other.ListTagsForResource(ctx, &connect.ListTagsForResourceInput{ResourceArn: described.Instance.Arn})
			requireAPIError[*types.ResourceNotFoundException](t, err)
			_, err = other.DeleteInstance(ctx, &connect.DeleteInstanceInput{InstanceId: aws.String(instanceID)})
			requireAPIError[*types.ResourceNotFoundException](t, err)

			// Its own instance cannot take the first tenant's domain.
			own, err := other.CreateInstance(ctx, &connect.CreateInstanceInput{
				IdentityManagementType: types.DirectoryTypeConnectManaged, InstanceAlias: aws.String("own"),
				InboundCallsEnabled: aws.Bool(true), OutboundCallsEnabled: aws.Bool(true),
			})
			if err != nil {
				t.Fatal(err)
			}
			f.settle()
			_, err = other.CreateIntegrationAssociation(ctx, &connect.CreateIntegrationAssociationInput{
				InstanceId: own.Id, IntegrationType: types.IntegrationTypeCasesDomain, IntegrationArn: aws.String(domainARN),
			})
			requireAPIError[*types.InvalidRequestException](t, err)
		})
	}
	if got := f.e.Instances(emulator.DefaultAccount, testRegion); len(got) != 1 || len(got[0].IntegrationAssociations) != 1 {
		t.Errorf("the first tenant's data = %+v, want its instance and association untouched", got)
	}
}

func TestConnect_faults(t *testing.T) {
	f := newConnectFixture(t)
	ctx := context.Background()
	domainARN, instanceID := f.activeDomainAndInstance(t)
	if err := f.e.SetFaults(emulator.FaultConfig{Rules: []emulator.FaultRule{
		{Operations: []string{"CreateIntegrationAssociation"}, Action: emulator.FaultCommitThenFail, Probability: 1, Times: 1},
		{Operations: []string{"DescribeInstance", "ListIntegrationAssociations"}, Action: emulator.FaultError, Code: "ThrottlingException", Probability: 1, Times: 2},
	}}); err != nil {
		t.Fatal(err)
	}
	_, err := f.connect.CreateIntegrationAssociation(ctx, &connect.CreateIntegrationAssociationInput{
		InstanceId: aws.String(instanceID), IntegrationType: types.IntegrationTypeCasesDomain, IntegrationArn: aws.String(domainARN),
	})
	requireAPIError[*types.InternalServiceException](t, err)
	if got := f.e.Instances(emulator.DefaultAccount, testRegion)[0].IntegrationAssociations; len(got) != 1 {
		t.Errorf("associations after commit-then-fail = %+v, want the committed one", got)
	}
	// ListIntegrationAssociations declares ThrottlingException, so the SDK
	// decodes it into its type; DescribeInstance does not, so it surfaces
	// as a generic API error with the code.
	_, err = f.connect.ListIntegrationAssociations(ctx, &connect.ListIntegrationAssociationsInput{InstanceId: aws.String(instanceID)})
	requireAPIError[*types.ThrottlingException](t, err)
	_, err = f.connect.DescribeInstance(ctx, &connect.DescribeInstanceInput{InstanceId: aws.String(instanceID)})
	requireErrorCode(t, err, "ThrottlingException")
}

func TestConnect_wireAndRouting(t *testing.T) {
	f := newConnectFixture(t)
	domainARN, _ := f.activeDomainAndInstance(t)

	// The same /tags path answers for Cases or Connect by the signing
	// service: a Cases domain ARN is a Cases resource, not a Connect one.
	escaped := "/tags/" + strings.ReplaceAll(strings.ReplaceAll(domainARN, ":", "%3A"), "/", "%2F")
	do(t, signedConnectRequest(t, f.server, http.MethodGet, escaped, nil)).
		requireConnectWireError(t, http.StatusBadRequest, "InvalidParameterException")
	if resp := do(t, signedRequest(t, f.server, http.MethodGet, escaped, nil, "AKIDEXAMPLE", testSecret, time.Now())); resp.status != http.StatusOK {
		t.Errorf("Cases ListTagsForResource = %d %s, want 200", resp.status, resp.body)
	}

	resp := do(t, signedConnectRequest(t, f.server, http.MethodGet, "/no-such-path", nil))
	if resp.status != http.StatusNotFound || resp.header.Get("X-Amzn-ErrorType") != "UnknownOperationException" {
		t.Errorf("unknown path = %d %s, want 404 UnknownOperationException", resp.status, resp.body)
	}
	resp = do(t, signedConnectRequest(t, f.server, http.MethodPost, "/instance", nil))
	if resp.status != http.StatusMethodNotAllowed || len(resp.header.Values("Allow")) != 2 {
		t.Errorf("POST /instance = %d %v, want 405 with Allow GET, PUT", resp.status, resp.header)
	}
	do(t, signedConnectRequest(t, f.server, http.MethodGet, "/instance?maxResults=abc", nil)).
		requireConnectWireError(t, http.StatusBadRequest, "InvalidRequestException")
}

func TestConnect_stateResetAndPersistence(t *testing.T) {
	stateFile := filepath.Join(t.TempDir(), "state.json")
	f := newConnectFixture(t, func(o *emulator.Options) { o.StateFile = stateFile })
	domainARN, instanceID := f.activeDomainAndInstance(t)
	assoc := f.associate(t, instanceID, types.IntegrationTypeCasesDomain, domainARN)

	state := f.e.State()
	if len(state.Tenants) != 1 || len(state.Tenants[0].ConnectInstances) != 1 {
		t.Fatalf("state = %+v, want one tenant with one instance", state)
	}
	inst := state.Tenants[0].ConnectInstances[0]
	if inst.InstanceID != instanceID || inst.InstanceStatus != emulator.InstanceStatusActive || len(inst.IntegrationAssociations) != 1 ||
		inst.IntegrationAssociations[0].AssociationID != aws.ToString(assoc.IntegrationAssociationId) || inst.IntegrationAssociations[0].IntegrationARN != domainARN {
		t.Errorf("instance snapshot = %+v, want the instance and its association", inst)
	}

	restarted, err := emulator.New(emulator.Options{StateFile: stateFile, Now: f.clock.Now})
	if err != nil {
		t.Fatal(err)
	}
	if got := restarted.Instances(emulator.DefaultAccount, testRegion); len(got) != 1 || len(got[0].IntegrationAssociations) != 1 {
		t.Errorf("after a restart = %+v, want the instance and its association", got)
	}

	req, _ := http.NewRequest(http.MethodPost, f.server.URL()+"/_emulator/reset", nil)
	if resp := do(t, req); resp.status != http.StatusOK {
		t.Fatalf("reset: %d %s", resp.status, resp.body)
	}
	if got := f.e.State(); len(got.Tenants) != 0 {
		t.Errorf("state after reset = %+v, want empty", got)
	}
}

// signedConnectRequest is a raw request signed for the Connect API.
func signedConnectRequest(t *testing.T, server *emulator.Server, method, path string, body []byte) *http.Request {
	t.Helper()
	req, err := http.NewRequest(method, server.URL()+path, strings.NewReader(string(body)))
	if err != nil {
		t.Fatal(err)
	}
	if len(body) > 0 {
		req.Header.Set("Content-Type", "application/json")
	}
	creds := aws.Credentials{AccessKeyID: "AKIDEXAMPLE", SecretAccessKey: testSecret}
	if err := v4.NewSigner().SignHTTP(context.Background(), creds, req, sha256Hex(body), "connect", testRegion, time.Now()); err != nil {
		t.Fatal(err)
	}
	return req
}

// requireConnectWireError asserts a Connect error on the wire: status,
// X-Amzn-ErrorType, __type, and the Message member of the Connect shapes.
func (r rawResponse) requireConnectWireError(t *testing.T, status int, code string) map[string]any {
	t.Helper()
	if r.status != status {
		t.Errorf("status = %d, want %d (body %s)", r.status, status, r.body)
	}
	if got := r.header.Get("X-Amzn-ErrorType"); got != code {
		t.Errorf("X-Amzn-ErrorType = %q, want %q", got, code)
	}
	if r.header.Get("X-Amzn-RequestId") == "" {
		t.Error("response has no x-amzn-RequestId")
	}
	body := map[string]any{}
	if err := json.Unmarshal(r.body, &body); err != nil {
		t.Fatalf("error body %q is not JSON: %v", r.body, err)
	}
	if body["__type"] != code {
		t.Errorf("__type = %v, want %s", body["__type"], code)
	}
	if msg, _ := body["Message"].(string); msg == "" {
		t.Errorf("error body %s has no Message", r.body)
	}
	return body
}
