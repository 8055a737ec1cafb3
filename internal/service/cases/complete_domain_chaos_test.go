package cases_test

import (
	"context"
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/ratelimit"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	"github.com/aws/aws-sdk-go-v2/service/connect"
	connecttypes "github.com/aws/aws-sdk-go-v2/service/connect/types"
	"github.com/aws/aws-sdk-go-v2/service/connectcases"
	"github.com/aws/aws-sdk-go-v2/service/connectcases/types"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/connect-cases/terraform-provider-cases/internal/acctest"
	"github.com/connect-cases/terraform-provider-cases/internal/apimodel"
	"github.com/connect-cases/terraform-provider-cases/internal/emulator"
)

// completeChaosSeedsEnv lists the seeds of TestAccCompleteDomain_chaos,
// comma-separated; `make chaos` sets 1,2,3. The normal acceptance suite
// runs the first seed only.
const completeChaosSeedsEnv = "CASES_ACC_CHAOS_SEEDS"

func completeChaosSeeds(t *testing.T) []uint64 {
	v := os.Getenv(completeChaosSeedsEnv)
	if v == "" {
		return []uint64{1}
	}
	var seeds []uint64
	for _, s := range strings.Split(v, ",") {
		n, err := strconv.ParseUint(strings.TrimSpace(s), 10, 64)
		if err != nil || n == 0 {
			t.Fatalf("%s=%q: want positive integers separated by commas", completeChaosSeedsEnv, v)
		}
		seeds = append(seeds, n)
	}
	return seeds
}

// mutatingOperations are the operations that create, update or delete,
// by kind: every Cases operation but reads (Get, List, BatchGet, Search),
// and the Connect integration association writes.
func mutatingOperations() (creates, updates, deletes []string) {
	for _, op := range append(apimodel.Cases().OperationNames(), "CreateIntegrationAssociation", "DeleteIntegrationAssociation") {
		switch {
		case strings.HasPrefix(op, "Create"):
			creates = append(creates, op)
		case strings.HasPrefix(op, "Delete"):
			deletes = append(deletes, op)
		case strings.HasPrefix(op, "Get"), strings.HasPrefix(op, "List"), strings.HasPrefix(op, "BatchGet"), strings.HasPrefix(op, "Search"):
		default: // Update*, Put*, BatchPut*, TagResource, UntagResource
			updates = append(updates, op)
		}
	}
	return creates, updates, deletes
}

// allOperationsBut returns every Cases and Connect operation except those
// given.
func allOperationsBut(except ...string) []string {
	var ops []string
	for _, op := range append(apimodel.Cases().OperationNames(), apimodel.Connect().OperationNames()...) {
		if !slices.Contains(except, op) {
			ops = append(ops, op)
		}
	}
	return ops
}

// completeChaosFaults is the fault mix, in rule order (first
// match wins): commit-then-fail on 10% of every create, update and delete;
// throttling on 30% of every operation but GetDomain; 500s on 5% of
// every request.
// The mutations are split in three rules of the same probability only to
// count lost answers by kind.
func completeChaosFaults(seed uint64, then string) emulator.FaultConfig {
	creates, updates, deletes := mutatingOperations()
	return emulator.FaultConfig{Seed: seed, Rules: []emulator.FaultRule{
		{Operations: creates, Probability: 0.1, Action: emulator.FaultCommitThenFail, Then: then},
		{Operations: updates, Probability: 0.1, Action: emulator.FaultCommitThenFail, Then: then},
		{Operations: deletes, Probability: 0.1, Action: emulator.FaultCommitThenFail, Then: then},
		{Operations: allOperationsBut("GetDomain"), Probability: 0.3, Action: emulator.FaultError, Code: emulator.CodeThrottling, RetryAfterSeconds: 1},
		{Probability: 0.05, Action: emulator.FaultError, Code: emulator.CodeInternalServer},
	}}
}

// completeChaosRow is one seed's line of the table.
type completeChaosRow struct {
	seed                               uint64
	then                               string
	lostCreate, lostUpdate, lostDelete int
	throttled, internal, served        int
	wall                               time.Duration
	outcome                            string
}

// TestAccCompleteDomain_chaos applies examples/complete-domain, with a
// Connect instance associated with its domain so that every resource type
// is there, through the fault mix; checks after the apply and
// after an empty re-plan that state and the API hold the same entities and
// that no name is held twice; destroys, and requires that nothing is left.
// It logs a table per seed: faults fired by kind, requests, outcome.
//
// One seed runs in the acceptance suite; `make chaos` runs seeds 1, 2, 3
// (CASES_ACC_CHAOS_SEEDS), side by side like TestAccDomain_chaos.
func TestAccCompleteDomain_chaos(t *testing.T) {
	if acctest.OnAWS() {
		t.Skip("needs the Cases emulator's fault injection (not run with " + acctest.TargetEnv + "=aws)")
	}
	t.Parallel()
	seeds := completeChaosSeeds(t)
	rows := make([]completeChaosRow, len(seeds))
	var wg sync.WaitGroup
	for i, seed := range seeds {
		// Alternate the answer to a committed change: a 500 the SDK
		// retries into a conflict or not-found, or a dropped connection.
		then := emulator.FaultThenError
		if i%2 == 1 {
			then = emulator.FaultThenDrop
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			rows[i] = completeChaosRow{seed: seed, then: then, outcome: "FAIL"}
			t.Run(fmt.Sprintf("seed %d", seed), func(t *testing.T) {
				testCompleteChaos(t, &rows[i])
			})
		}()
	}
	wg.Wait()

	var b strings.Builder
	fmt.Fprintf(&b, "examples/complete-domain + instance association under chaos (commit-then-fail 10%% of mutations, throttling 30%% but GetDomain, 500 5%%):\n")
	// Requests are every Cases and Connect request the emulator served,
	// the test's own checks included.
	fmt.Fprintf(&b, "%-5s %-8s %-22s %10s %5s %9s %6s  %s\n", "seed", "lost as", "lost: create/upd/del", "throttled", "500", "requests", "wall", "outcome")
	for _, r := range rows {
		lost := fmt.Sprintf("%d / %d / %d", r.lostCreate, r.lostUpdate, r.lostDelete)
		fmt.Fprintf(&b, "%-5d %-8s %-22s %10d %5d %9d %6s  %s\n", r.seed, r.then, lost, r.throttled, r.internal, r.served, r.wall.Round(time.Second), r.outcome)
	}
	t.Log("\n" + b.String())
}

func testCompleteChaos(t *testing.T, row *completeChaosRow) {
	start := time.Now()
	tg := acctest.NewTarget(t)
	instanceID := tg.ConnectInstance(t)
	domainName := acctest.RandomName("chaos")
	config := completeDomainConfig(t, tg, domainName, "  max_retries = 30\n  default_tags { tags = { managed_by = \"terraform\" } }") + fmt.Sprintf(`
resource "cases_instance_association" "claims" {
  instance_id = %q
  domain_arn  = cases_domain.claims.domain_arn
}
`, instanceID)
	if err := tg.Emulator.SetFaults(completeChaosFaults(row.seed, row.then)); err != nil {
		t.Fatal(err)
	}
	check := chaosChecker(tg)
	// Deferred: a failing step ends the test with runtime.Goexit, and its
	// row must still say what fired.
	defer func() {
		state := tg.Emulator.Faults()
		row.lostCreate, row.lostUpdate, row.lostDelete = state.Fired[0], state.Fired[1], state.Fired[2]
		row.throttled, row.internal = state.Fired[3], state.Fired[4]
		row.served = tg.APIRequests()
		row.wall = time.Since(start)
		if !t.Failed() {
			row.outcome = "pass: state = API after apply and re-plan, no name twice, nothing left after destroy"
		}
		t.Logf("seed %d: answers lost after commit (%s): %d creates, %d updates, %d deletes; %d throttled, %d 500s over %d requests in %s",
			row.seed, row.then, row.lostCreate, row.lostUpdate, row.lostDelete, row.throttled, row.internal, row.served, row.wall.Round(time.Second))
	}()

	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy: func(*terraform.State) error {
			if held := tg.Emulator.Domains(acctest.EmulatorAccount, acctest.EmulatorRegion); len(held) != 0 {
				return fmt.Errorf("%d domains left after destroy: %+v", len(held), held)
			}
			associations, err := check.associations(context.Background(), instanceID)
			if err != nil {
				return err
			}
			if len(associations) != 0 {
				return fmt.Errorf("%d Cases domain associations left on the instance after destroy", len(associations))
			}
			return nil
		},
		Steps: []resource.TestStep{
			{
				Config: config,
				Check:  check.stateMatchesAPI(instanceID, completeDomainResources+1),
			},
			{
				Config:           config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
				Check:            check.stateMatchesAPI(instanceID, completeDomainResources+1),
			},
		},
	})

}

// completeDomainConfig is examples/complete-domain as written, less its
// terraform and provider blocks (the harness supplies a provider block
// with providerBody inside), with the domain called domainName.
func completeDomainConfig(t *testing.T, tg *acctest.Target, domainName, providerBody string) string {
	t.Helper()
	src, err := os.ReadFile("../../../examples/complete-domain/main.tf")
	if err != nil {
		t.Fatal(err)
	}
	body := string(src)
	start := strings.Index(body, `variable "domain_name"`)
	if start < 0 {
		t.Fatal(`examples/complete-domain/main.tf has no variable "domain_name"`)
	}
	body = strings.Replace(body[start:], `"complete-claims"`, fmt.Sprintf("%q", domainName), 1)
	return tg.ProviderConfig(providerBody) + body
}

// chaosReader reads the API through the faults: its SDK clients retry
// throttling and 500s many times, without the retry quota that would give
// up first (the fault rules never touch a read otherwise).
type chaosReader struct {
	cases   *connectcases.Client
	connect *connect.Client
}

func chaosChecker(tg *acctest.Target) chaosReader {
	retryer := func() aws.Retryer {
		return retry.NewStandard(func(o *retry.StandardOptions) {
			o.MaxAttempts = 50
			o.MaxBackoff = 200 * time.Millisecond
			o.RateLimiter = ratelimit.None
		})
	}
	return chaosReader{
		cases:   connectcases.New(tg.Client.Options(), func(o *connectcases.Options) { o.Retryer = retryer() }),
		connect: connect.New(tg.Connect.Options(), func(o *connect.Options) { o.Retryer = retryer() }),
	}
}

func (r chaosReader) associations(ctx context.Context, instanceID string) ([]connecttypes.IntegrationAssociationSummary, error) {
	var out []connecttypes.IntegrationAssociationSummary
	pages := connect.NewListIntegrationAssociationsPaginator(r.connect, &connect.ListIntegrationAssociationsInput{
		InstanceId: aws.String(instanceID), IntegrationType: connecttypes.IntegrationTypeCasesDomain,
	})
	for pages.HasMorePages() {
		page, err := pages.NextPage(ctx)
		if err != nil {
			return nil, err
		}
		out = append(out, page.IntegrationAssociationSummaryList...)
	}
	return out, nil
}

// apiEntities lists what the API holds, by resource type: id -> name
// ("" where the type has no name), and fails when a name is held twice in
// its scope.
func (r chaosReader) apiEntities(ctx context.Context, instanceID string) (map[string]map[string]string, error) {
	held := map[string]map[string]string{}
	add := func(kind, id, name string) error {
		if held[kind] == nil {
			held[kind] = map[string]string{}
		}
		if _, dup := held[kind][id]; dup {
			return fmt.Errorf("%s %s listed twice", kind, id)
		}
		if name != "" {
			for other, n := range held[kind] {
				if n == name {
					return fmt.Errorf("the API holds two of %s named %q: %s and %s", kind, name, other, id)
				}
			}
		}
		held[kind][id] = name
		return nil
	}
	domains := connectcases.NewListDomainsPaginator(r.cases, &connectcases.ListDomainsInput{})
	var domainIDs []string
	for domains.HasMorePages() {
		page, err := domains.NextPage(ctx)
		if err != nil {
			return nil, err
		}
		for _, d := range page.Domains {
			domainIDs = append(domainIDs, aws.ToString(d.DomainId))
			if err := add("cases_domain", aws.ToString(d.DomainId), aws.ToString(d.Name)); err != nil {
				return nil, err
			}
		}
	}
	for _, domainID := range domainIDs {
		fields := connectcases.NewListFieldsPaginator(r.cases, &connectcases.ListFieldsInput{DomainId: aws.String(domainID)})
		for fields.HasMorePages() {
			page, err := fields.NextPage(ctx)
			if err != nil {
				return nil, err
			}
			for _, f := range page.Fields {
				if f.Namespace == types.FieldNamespaceCustom {
					if err := add("cases_field", aws.ToString(f.FieldId), aws.ToString(f.Name)); err != nil {
						return nil, err
					}
				}
			}
		}
		layouts := connectcases.NewListLayoutsPaginator(r.cases, &connectcases.ListLayoutsInput{DomainId: aws.String(domainID)})
		for layouts.HasMorePages() {
			page, err := layouts.NextPage(ctx)
			if err != nil {
				return nil, err
			}
			for _, l := range page.Layouts {
				if err := add("cases_layout", aws.ToString(l.LayoutId), aws.ToString(l.Name)); err != nil {
					return nil, err
				}
			}
		}
		templates := connectcases.NewListTemplatesPaginator(r.cases, &connectcases.ListTemplatesInput{
			DomainId: aws.String(domainID), Status: []types.TemplateStatus{types.TemplateStatusActive, types.TemplateStatusInactive},
		})
		for templates.HasMorePages() {
			page, err := templates.NextPage(ctx)
			if err != nil {
				return nil, err
			}
			for _, tpl := range page.Templates {
				if err := add("cases_template", aws.ToString(tpl.TemplateId), aws.ToString(tpl.Name)); err != nil {
					return nil, err
				}
			}
		}
		rules := connectcases.NewListCaseRulesPaginator(r.cases, &connectcases.ListCaseRulesInput{DomainId: aws.String(domainID)})
		for rules.HasMorePages() {
			page, err := rules.NextPage(ctx)
			if err != nil {
				return nil, err
			}
			for _, rule := range page.CaseRules {
				if err := add("cases_case_rule", aws.ToString(rule.CaseRuleId), aws.ToString(rule.Name)); err != nil {
					return nil, err
				}
			}
		}
	}
	associations, err := r.associations(ctx, instanceID)
	if err != nil {
		return nil, err
	}
	for _, a := range associations {
		if err := add("cases_instance_association", aws.ToString(a.IntegrationAssociationId), ""); err != nil {
			return nil, err
		}
	}
	return held, nil
}

// stateIDAttribute is the attribute holding the API id of each resource
// type apiEntities lists.
var stateIDAttribute = map[string]string{
	"cases_domain":               "domain_id",
	"cases_field":                "field_id",
	"cases_layout":               "layout_id",
	"cases_template":             "template_id",
	"cases_case_rule":            "case_rule_id",
	"cases_instance_association": "association_id",
}

// stateMatchesAPI checks that state holds want resources; that for every
// named type state and the API hold the same ids (nothing orphaned,
// nothing in state that is gone, no name held twice); and that every
// cases_field_options in state holds the option values the API holds.
func (r chaosReader) stateMatchesAPI(instanceID string, want int) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		ctx := context.Background()
		if n := len(s.RootModule().Resources); n != want {
			return fmt.Errorf("state holds %d resources, want %d", n, want)
		}
		held, err := r.apiEntities(ctx, instanceID)
		if err != nil {
			return err
		}
		inState := map[string][]string{}
		for _, rs := range s.RootModule().Resources {
			if attr, ok := stateIDAttribute[rs.Type]; ok {
				inState[rs.Type] = append(inState[rs.Type], rs.Primary.Attributes[attr])
			}
			if rs.Type == "cases_field_options" {
				if err := r.optionsMatch(ctx, rs.Primary.Attributes); err != nil {
					return err
				}
			}
		}
		for kind := range stateIDAttribute {
			var api []string
			for id := range held[kind] {
				api = append(api, id)
			}
			slices.Sort(api)
			slices.Sort(inState[kind])
			if !slices.Equal(api, inState[kind]) {
				return fmt.Errorf("%s: the API holds %v, state holds %v", kind, api, inState[kind])
			}
		}
		return nil
	}
}

func (r chaosReader) optionsMatch(ctx context.Context, attrs map[string]string) error {
	var inState []string
	for k, v := range attrs {
		if strings.HasPrefix(k, "options.") && strings.HasSuffix(k, ".value") {
			inState = append(inState, v)
		}
	}
	var api []string
	pages := connectcases.NewListFieldOptionsPaginator(r.cases, &connectcases.ListFieldOptionsInput{
		DomainId: aws.String(attrs["domain_id"]), FieldId: aws.String(attrs["field_id"]),
	})
	for pages.HasMorePages() {
		page, err := pages.NextPage(ctx)
		if err != nil {
			return err
		}
		for _, o := range page.Options {
			api = append(api, aws.ToString(o.Value))
		}
	}
	slices.Sort(inState)
	slices.Sort(api)
	if !slices.Equal(api, inState) {
		return fmt.Errorf("options of field %s: the API holds %v, state holds %v", attrs["field_id"], api, inState)
	}
	return nil
}
