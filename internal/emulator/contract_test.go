package emulator_test

// Contract tests: they drive the emulator only through the stock
// aws-sdk-go-v2 connectcases client, so they fail when the emulator stops
// being wire-compatible with what the SDK sends and decodes.

import (
	"context"
	"fmt"
	"regexp"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/connectcases"
	"github.com/aws/aws-sdk-go-v2/service/connectcases/types"

	"github.com/connect-cases/terraform-provider-cases/internal/emulator"
)

var uuidPattern = regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)

func TestDomain_lifecycle(t *testing.T) {
	clock := newFakeClock()
	e, server := startEmulator(t, emulator.Options{Now: clock.Now})
	client := defaultClient(server)
	ctx := context.Background()

	created := createDomain(t, client, "support-cases")
	id := aws.ToString(created.DomainId)
	if !uuidPattern.MatchString(id) {
		t.Errorf("domainId = %q, want a v4 UUID like real domain ids", id)
	}
	if want := "arn:aws:cases:us-west-2:123456789012:domain/" + id; aws.ToString(created.DomainArn) != want {
		t.Errorf("domainArn = %q, want %q", aws.ToString(created.DomainArn), want)
	}
	if created.DomainStatus != types.DomainStatusCreationInProgress {
		t.Errorf("domainStatus = %q, want CreationInProgress", created.DomainStatus)
	}

	got, err := client.GetDomain(ctx, &connectcases.GetDomainInput{DomainId: created.DomainId})
	if err != nil {
		t.Fatalf("GetDomain: %v", err)
	}
	if aws.ToString(got.Name) != "support-cases" || aws.ToString(got.DomainArn) != aws.ToString(created.DomainArn) || aws.ToString(got.DomainId) != id {
		t.Errorf("GetDomain = %+v, want the created domain", got)
	}
	if !aws.ToTime(got.CreatedTime).Equal(clock.Now()) {
		t.Errorf("createdTime = %v, want the emulator clock %v", aws.ToTime(got.CreatedTime), clock.Now())
	}
	if got.Tags == nil || len(got.Tags) != 0 {
		t.Errorf("tags = %v, want an empty map", got.Tags)
	}

	snapshots := e.Domains(emulator.DefaultAccount, testRegion)
	if len(snapshots) != 1 || snapshots[0].DomainID != id || snapshots[0].Name != "support-cases" || !snapshots[0].CreatedTime.Equal(clock.Now()) {
		t.Errorf("Domains = %+v, want the created domain", snapshots)
	}

	if _, err := client.DeleteDomain(ctx, &connectcases.DeleteDomainInput{DomainId: created.DomainId}); err != nil {
		t.Fatalf("DeleteDomain: %v", err)
	}
	_, err = client.GetDomain(ctx, &connectcases.GetDomainInput{DomainId: created.DomainId})
	notFound := requireAPIErrorAs[*types.ResourceNotFoundException](t, err)
	if aws.ToString(notFound.ResourceId) != id || aws.ToString(notFound.ResourceType) != "Domain" {
		t.Errorf("ResourceNotFoundException resourceId=%q resourceType=%q, want %q, Domain",
			aws.ToString(notFound.ResourceId), aws.ToString(notFound.ResourceType), id)
	}
	_, err = client.DeleteDomain(ctx, &connectcases.DeleteDomainInput{DomainId: created.DomainId})
	requireAPIError[*types.ResourceNotFoundException](t, err)
	if n := len(e.Domains(emulator.DefaultAccount, testRegion)); n != 0 {
		t.Errorf("Domains after delete has %d domains, want 0", n)
	}
}

func TestDomain_activationFollowsTheClock(t *testing.T) {
	clock := newFakeClock()
	runtime := emulator.DefaultRuntimeConfig()
	runtime.ActivationDelay = emulator.Duration(time.Minute)
	_, server := startEmulator(t, emulator.Options{Runtime: runtime, Now: clock.Now})
	client := defaultClient(server)

	created := createDomain(t, client, "activating")
	status := func() types.DomainStatus {
		t.Helper()
		out, err := client.GetDomain(context.Background(), &connectcases.GetDomainInput{DomainId: created.DomainId})
		if err != nil {
			t.Fatalf("GetDomain: %v", err)
		}
		return out.DomainStatus
	}

	if got := status(); got != types.DomainStatusCreationInProgress {
		t.Fatalf("status right after create = %s, want CreationInProgress", got)
	}
	clock.Advance(time.Minute - time.Millisecond)
	if got := status(); got != types.DomainStatusCreationInProgress {
		t.Fatalf("status just before the activation delay = %s, want CreationInProgress", got)
	}
	clock.Advance(time.Millisecond)
	if got := status(); got != types.DomainStatusActive {
		t.Fatalf("status after the activation delay = %s, want Active", got)
	}
}

func TestDomain_zeroActivationDelayIsActiveAtOnce(t *testing.T) {
	runtime := emulator.DefaultRuntimeConfig()
	runtime.ActivationDelay = 0
	_, server := startEmulator(t, emulator.Options{Runtime: runtime})

	created := createDomain(t, defaultClient(server), "instant")
	if created.DomainStatus != types.DomainStatusActive {
		t.Errorf("domainStatus = %s, want Active with no activation delay", created.DomainStatus)
	}
}

func TestDomain_creationFailed(t *testing.T) {
	clock := newFakeClock()
	_, server := startEmulator(t, emulator.Options{Now: clock.Now})
	client := defaultClient(server)
	putConfig(t, server, `{"failCreationNamePattern":"^doomed-"}`)

	doomed := createDomain(t, client, "doomed-domain")
	fine := createDomain(t, client, "fine-domain")
	if doomed.DomainStatus != types.DomainStatusCreationInProgress {
		t.Errorf("a failing domain starts %s, want CreationInProgress", doomed.DomainStatus)
	}
	clock.Advance(emulator.DefaultActivationDelay)

	for _, tc := range []struct {
		id   *string
		want types.DomainStatus
	}{
		{doomed.DomainId, types.DomainStatusCreationFailed},
		{fine.DomainId, types.DomainStatusActive},
	} {
		out, err := client.GetDomain(context.Background(), &connectcases.GetDomainInput{DomainId: tc.id})
		if err != nil {
			t.Fatalf("GetDomain: %v", err)
		}
		if out.DomainStatus != tc.want {
			t.Errorf("%s: status = %s, want %s", aws.ToString(out.Name), out.DomainStatus, tc.want)
		}
	}
}

func TestCreateDomain_validation(t *testing.T) {
	_, server := startEmulator(t, emulator.Options{})
	client := defaultClient(server)

	for _, tc := range []struct {
		name, domainName, message string
	}{
		{"empty", "", "1 validation error detected: Value at 'name' failed to satisfy constraint: Member must have length greater than or equal to 1"},
		{"101 characters", strings.Repeat("a", 101), "1 validation error detected: Value at 'name' failed to satisfy constraint: Member must have length less than or equal to 100"},
		{"trailing space", "cases ", `1 validation error detected: Value at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern: ^.*[\S]$`},
		// Java's $ matches before a line terminator that ends the input, so
		// "cases\n" passes ^.*[\S]$ (internal/apimodel/strings.go); a line
		// terminator inside the name does not.
		{"inner carriage return", "ca\rses", `1 validation error detected: Value at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern: ^.*[\S]$`},
		{"trailing vertical tab", "cases\v", `1 validation error detected: Value at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern: ^.*[\S]$`},
		{"too long and trailing space", strings.Repeat("a", 100) + " ", "2 validation errors detected: Value at 'name' failed to satisfy constraint: Member must have length less than or equal to 100; " +
			`Value at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern: ^.*[\S]$`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := client.CreateDomain(context.Background(), &connectcases.CreateDomainInput{Name: aws.String(tc.domainName)})
			validation := requireAPIErrorAs[*types.ValidationException](t, err)
			if got := aws.ToString(validation.Message); got != tc.message {
				t.Errorf("message = %q\nwant      %q", got, tc.message)
			}
		})
	}

	t.Run("100 characters is allowed", func(t *testing.T) {
		createDomain(t, client, strings.Repeat("b", 100))
	})
}

func TestCreateDomain_conflict(t *testing.T) {
	_, server := startEmulator(t, emulator.Options{})
	client := defaultClient(server)

	createDomain(t, client, "taken")
	_, err := client.CreateDomain(context.Background(), &connectcases.CreateDomainInput{Name: aws.String("taken")})
	conflict := requireAPIErrorAs[*types.ConflictException](t, err)
	if !strings.Contains(aws.ToString(conflict.Message), "taken") {
		t.Errorf("message %q does not name the domain", aws.ToString(conflict.Message))
	}
}

func TestCreateDomain_quota(t *testing.T) {
	_, server := startEmulator(t, emulator.Options{})
	client := defaultClient(server)

	for i := range emulator.DefaultDomainsPerAccountRegion {
		createDomain(t, client, fmt.Sprintf("domain-%d", i))
	}
	_, err := client.CreateDomain(context.Background(), &connectcases.CreateDomainInput{Name: aws.String("one-too-many")})
	requireAPIError[*types.ServiceQuotaExceededException](t, err)

	// The quota is per account and region.
	createDomain(t, newClient(server, "AKIDEXAMPLE", testSecret, "eu-west-2"), "one-too-many")
}

func TestListDomains_maxResultsValidation(t *testing.T) {
	_, server := startEmulator(t, emulator.Options{})
	client := defaultClient(server)

	for _, tc := range []struct {
		maxResults int32
		rule       string
	}{
		{0, "Member must have value greater than or equal to 1"},
		{11, "Member must have value less than or equal to 10"},
	} {
		t.Run(fmt.Sprint(tc.maxResults), func(t *testing.T) {
			_, err := client.ListDomains(context.Background(), &connectcases.ListDomainsInput{MaxResults: aws.Int32(tc.maxResults)})
			validation := requireAPIErrorAs[*types.ValidationException](t, err)
			want := "1 validation error detected: Value at 'maxResults' failed to satisfy constraint: " + tc.rule
			if got := aws.ToString(validation.Message); got != want {
				t.Errorf("message = %q, want %q", got, want)
			}
		})
	}

	t.Run("invalid nextToken", func(t *testing.T) {
		_, err := client.ListDomains(context.Background(), &connectcases.ListDomainsInput{NextToken: aws.String("not-a-token")})
		requireAPIError[*types.ValidationException](t, err)
	})
}

func TestListDomains_paginatorWalksEveryDomain(t *testing.T) {
	_, server := startEmulator(t, emulator.Options{})
	client := defaultClient(server)
	const domains = 12
	config := putConfig(t, server, fmt.Sprintf(`{"quotas":{"domainsPerAccountRegion":%d}}`, domains))
	if config.Quotas.DomainsPerAccountRegion != domains {
		t.Fatalf("quota after PUT = %d, want %d", config.Quotas.DomainsPerAccountRegion, domains)
	}

	var want []string
	for i := range domains {
		name := fmt.Sprintf("domain-%02d", i)
		createDomain(t, client, name)
		want = append(want, name)
	}

	paginator := connectcases.NewListDomainsPaginator(client, &connectcases.ListDomainsInput{MaxResults: aws.Int32(1)})
	var got []string
	pages := 0
	for paginator.HasMorePages() {
		page, err := paginator.NextPage(context.Background())
		if err != nil {
			t.Fatalf("page %d: %v", pages+1, err)
		}
		pages++
		if len(page.Domains) != 1 {
			t.Fatalf("page %d has %d domains, want 1", pages, len(page.Domains))
		}
		for _, d := range page.Domains {
			got = append(got, aws.ToString(d.Name))
			if !uuidPattern.MatchString(aws.ToString(d.DomainId)) || !strings.HasSuffix(aws.ToString(d.DomainArn), "/"+aws.ToString(d.DomainId)) {
				t.Errorf("summary %+v lacks its id or ARN", d)
			}
		}
	}
	if pages != domains {
		t.Errorf("walked %d pages, want %d", pages, domains)
	}
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("domains listed = %v, want %v in creation order", got, want)
	}
}

func TestTags_roundTrip(t *testing.T) {
	_, server := startEmulator(t, emulator.Options{})
	client := defaultClient(server)
	ctx := context.Background()
	created := createDomain(t, client, "tagged")
	arn := created.DomainArn

	listTags := func() map[string]string {
		t.Helper()
		out, err := client.ListTagsForResource(ctx, &connectcases.ListTagsForResourceInput{Arn: arn})
		if err != nil {
			t.Fatalf("ListTagsForResource: %v", err)
		}
		return aws.ToStringMap(out.Tags)
	}
	getTags := func() map[string]string {
		t.Helper()
		out, err := client.GetDomain(ctx, &connectcases.GetDomainInput{DomainId: created.DomainId})
		if err != nil {
			t.Fatalf("GetDomain: %v", err)
		}
		return aws.ToStringMap(out.Tags)
	}

	if _, err := client.TagResource(ctx, &connectcases.TagResourceInput{Arn: arn, Tags: map[string]*string{
		"env":  aws.String("prod"),
		"team": aws.String("support"),
	}}); err != nil {
		t.Fatalf("TagResource: %v", err)
	}
	want := map[string]string{"env": "prod", "team": "support"}
	if got := listTags(); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("ListTagsForResource = %v, want %v", got, want)
	}
	if got := getTags(); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("GetDomain tags = %v, want %v", got, want)
	}

	// TagResource overwrites a key it sends and keeps the others.
	if _, err := client.TagResource(ctx, &connectcases.TagResourceInput{Arn: arn, Tags: map[string]*string{"env": aws.String("dev")}}); err != nil {
		t.Fatalf("TagResource: %v", err)
	}
	if _, err := client.UntagResource(ctx, &connectcases.UntagResourceInput{Arn: arn, TagKeys: []string{"team", "absent"}}); err != nil {
		t.Fatalf("UntagResource: %v", err)
	}
	want = map[string]string{"env": "dev"}
	if got := listTags(); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("ListTagsForResource after untag = %v, want %v", got, want)
	}
	if got := getTags(); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("GetDomain tags after untag = %v, want %v", got, want)
	}
}

func TestTags_errors(t *testing.T) {
	_, server := startEmulator(t, emulator.Options{})
	client := defaultClient(server)
	ctx := context.Background()
	created := createDomain(t, client, "tagged")

	t.Run("reserved tag key", func(t *testing.T) {
		// The SDK's signer rewrites the query in SigV4 canonical (sorted)
		// order, so the member index counts sorted keys.
		_, err := client.UntagResource(ctx, &connectcases.UntagResourceInput{Arn: created.DomainArn, TagKeys: []string{"allowed", "aws:reserved"}})
		validation := requireAPIErrorAs[*types.ValidationException](t, err)
		want := `1 validation error detected: Value at 'tagKeys.2.member' failed to satisfy constraint: Member must satisfy regular expression pattern: ^(?!aws:)[a-zA-Z+-=._:/]+$`
		if got := aws.ToString(validation.Message); got != want {
			t.Errorf("message = %q\nwant      %q", got, want)
		}
	})
	t.Run("too many tag keys", func(t *testing.T) {
		keys := make([]string, 51)
		for i := range keys {
			keys[i] = fmt.Sprintf("k%d", i)
		}
		_, err := client.UntagResource(ctx, &connectcases.UntagResourceInput{Arn: created.DomainArn, TagKeys: keys})
		validation := requireAPIErrorAs[*types.ValidationException](t, err)
		if !strings.Contains(aws.ToString(validation.Message), "Value at 'tagKeys' failed to satisfy constraint: Member must have length less than or equal to 50") {
			t.Errorf("message = %q", aws.ToString(validation.Message))
		}
	})
	t.Run("unknown ARN", func(t *testing.T) {
		arn := strings.Replace(aws.ToString(created.DomainArn), aws.ToString(created.DomainId), "00000000-0000-4000-8000-000000000000", 1)
		_, err := client.TagResource(ctx, &connectcases.TagResourceInput{Arn: aws.String(arn), Tags: map[string]*string{"a": aws.String("b")}})
		notFound := requireAPIErrorAs[*types.ResourceNotFoundException](t, err)
		if aws.ToString(notFound.ResourceId) != arn || aws.ToString(notFound.ResourceType) != "Domain" {
			t.Errorf("resourceId=%q resourceType=%q, want %q, Domain", aws.ToString(notFound.ResourceId), aws.ToString(notFound.ResourceType), arn)
		}
		_, err = client.ListTagsForResource(ctx, &connectcases.ListTagsForResourceInput{Arn: aws.String(arn)})
		requireAPIError[*types.ResourceNotFoundException](t, err)
		_, err = client.UntagResource(ctx, &connectcases.UntagResourceInput{Arn: aws.String(arn), TagKeys: []string{"a"}})
		requireAPIError[*types.ResourceNotFoundException](t, err)
	})
}

func TestTenants_areIsolated(t *testing.T) {
	e, server := startEmulator(t, emulator.Options{})
	ctx := context.Background()
	type tenant struct {
		accessKey, account, region string
	}
	tenants := []tenant{
		{"111111111111", "111111111111", "us-west-2"},
		{"222222222222", "222222222222", "us-west-2"},
		{"111111111111", "111111111111", "eu-west-2"},
		{"AKIDEXAMPLE", emulator.DefaultAccount, "us-west-2"},
	}
	created := map[tenant]*connectcases.CreateDomainOutput{}
	for _, tn := range tenants {
		// The same name in every tenant: names are unique per account and region only.
		out := createDomain(t, newClient(server, tn.accessKey, testSecret, tn.region), "shared-name")
		created[tn] = out
		wantARN := fmt.Sprintf("arn:aws:cases:%s:%s:domain/%s", tn.region, tn.account, aws.ToString(out.DomainId))
		if aws.ToString(out.DomainArn) != wantARN {
			t.Errorf("ARN = %s, want %s", aws.ToString(out.DomainArn), wantARN)
		}
	}

	for _, tn := range tenants {
		client := newClient(server, tn.accessKey, testSecret, tn.region)
		list, err := client.ListDomains(ctx, &connectcases.ListDomainsInput{})
		if err != nil {
			t.Fatalf("ListDomains: %v", err)
		}
		if len(list.Domains) != 1 || aws.ToString(list.Domains[0].DomainId) != aws.ToString(created[tn].DomainId) {
			t.Errorf("%+v lists %d domains, want only its own", tn, len(list.Domains))
		}
		snapshots := e.Domains(tn.account, tn.region)
		if len(snapshots) != 1 || snapshots[0].DomainID != aws.ToString(created[tn].DomainId) {
			t.Errorf("Domains(%s, %s) = %+v, want only its own domain", tn.account, tn.region, snapshots)
		}
		for _, other := range tenants {
			if other == tn {
				continue
			}
			_, err := client.GetDomain(ctx, &connectcases.GetDomainInput{DomainId: created[other].DomainId})
			requireAPIError[*types.ResourceNotFoundException](t, err)
			_, err = client.ListTagsForResource(ctx, &connectcases.ListTagsForResourceInput{Arn: created[other].DomainArn})
			requireAPIError[*types.ResourceNotFoundException](t, err)
			_, err = client.DeleteDomain(ctx, &connectcases.DeleteDomainInput{DomainId: created[other].DomainId})
			requireAPIError[*types.ResourceNotFoundException](t, err)
		}
	}
	if n := len(e.State().Tenants); n != len(tenants) {
		t.Errorf("State has %d tenants, want %d", n, len(tenants))
	}
}

func TestCreateDomain_concurrentSameNameHasOneWinner(t *testing.T) {
	e, server := startEmulator(t, emulator.Options{})
	client := defaultClient(server)
	const racers = 50

	var wg sync.WaitGroup
	errs := make([]error, racers)
	for i := range racers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, errs[i] = client.CreateDomain(context.Background(), &connectcases.CreateDomainInput{Name: aws.String("contested")})
		}()
	}
	wg.Wait()

	wins := 0
	for _, err := range errs {
		if err == nil {
			wins++
			continue
		}
		requireAPIError[*types.ConflictException](t, err)
	}
	if wins != 1 {
		t.Errorf("%d creates succeeded, want exactly 1", wins)
	}
	if n := len(e.Domains(emulator.DefaultAccount, testRegion)); n != 1 {
		t.Errorf("%d domains stored, want 1", n)
	}
}

// scriptedFaults injects a fixed error into chosen operations, standing in
// for the fault rules a later issue adds behind the same seam.
type scriptedFaults struct {
	mu     sync.Mutex
	before map[string]error
	after  map[string]error
	calls  []emulator.Call
}

func (f *scriptedFaults) BeforeOperation(_ context.Context, call emulator.Call) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.calls = append(f.calls, call)
	return f.before[call.Operation]
}

func (f *scriptedFaults) AfterOperation(_ context.Context, call emulator.Call, result error) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if result != nil {
		return nil
	}
	return f.after[call.Operation]
}

func TestFaultSeam_typedErrors(t *testing.T) {
	faults := &scriptedFaults{
		before: map[string]error{
			"ListDomains":         emulator.NewAPIError(emulator.CodeThrottling, "Rate exceeded"),
			"GetDomain":           emulator.NewAPIError(emulator.CodeInternalServer, "injected"),
			"ListTagsForResource": emulator.NewAPIError(emulator.CodeAccessDenied, "injected"),
			"DeleteDomain":        emulator.ErrDropConnection,
		},
		after: map[string]error{
			"TagResource": emulator.NewAPIError(emulator.CodeInternalServer, "committed, then failed"),
		},
	}
	e, server := startEmulator(t, emulator.Options{Faults: faults})
	client := newClient(server, "111111111111", testSecret, testRegion)
	ctx := context.Background()
	created := createDomain(t, client, "faulty")

	_, err := client.ListDomains(ctx, &connectcases.ListDomainsInput{})
	requireAPIError[*types.ThrottlingException](t, err)

	_, err = client.GetDomain(ctx, &connectcases.GetDomainInput{DomainId: created.DomainId})
	internal := requireAPIErrorAs[*types.InternalServerException](t, err)
	if aws.ToInt32(internal.RetryAfterSeconds) != 1 {
		t.Errorf("RetryAfterSeconds = %v, want 1 from the Retry-After header", internal.RetryAfterSeconds)
	}

	_, err = client.ListTagsForResource(ctx, &connectcases.ListTagsForResourceInput{Arn: created.DomainArn})
	requireAPIError[*types.AccessDeniedException](t, err)

	_, err = client.DeleteDomain(ctx, &connectcases.DeleteDomainInput{DomainId: created.DomainId})
	if err == nil {
		t.Fatal("DeleteDomain succeeded through a dropped connection")
	}
	if len(e.Domains("111111111111", testRegion)) != 1 {
		t.Error("a fault before the handler still deleted the domain")
	}

	_, err = client.TagResource(ctx, &connectcases.TagResourceInput{Arn: created.DomainArn, Tags: map[string]*string{"k": aws.String("v")}})
	requireAPIError[*types.InternalServerException](t, err)
	if tags := e.Domains("111111111111", testRegion)[0].Tags; tags["k"] != "v" {
		t.Errorf("tags after commit-then-fail = %v, want the tag committed", tags)
	}

	faults.mu.Lock()
	defer faults.mu.Unlock()
	var operations []string
	for _, call := range faults.calls {
		if call.Account != "111111111111" || call.Region != testRegion || !uuidPattern.MatchString(call.RequestID) {
			t.Errorf("call %+v lacks its tenant or request id", call)
		}
		operations = append(operations, call.Operation)
	}
	sort.Strings(operations)
	want := []string{"CreateDomain", "DeleteDomain", "GetDomain", "ListDomains", "ListTagsForResource", "TagResource"}
	if strings.Join(operations, ",") != strings.Join(want, ",") {
		t.Errorf("operations seen by the injector = %v, want %v", operations, want)
	}
}
