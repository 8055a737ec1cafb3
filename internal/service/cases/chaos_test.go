package cases_test

import (
	"context"
	"fmt"
	"os"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/connect-cases/terraform-provider-cases/internal/acctest"
	"github.com/connect-cases/terraform-provider-cases/internal/emulator"
)

// chaosDomains is how many domains the chaos test manages: four times the
// default quota, raised for the test.
const chaosDomains = 20

// chaosSeeds make the chaos runs reproducible: the same seed picks the same
// requests for the same sequence of requests (terraform's concurrency makes
// the sequence vary a little from run to run).
var chaosSeeds = []uint64{1, 2, 3}

// chaosFullEnv, set to 1, throttles status reads (GetDomain) at 30% like
// every other operation, the exact mix of the issue; see chaosFaults.
const chaosFullEnv = "CASES_ACC_CHAOS_FULL"

// chaosFaults is the fault mix of the chaos test, in rule order (first
// match wins). Every rule adds the 20 ms latency, so every request is slow,
// whichever rule picks it.
//
// Status reads (GetDomain) are throttled at 10% by default, everything else
// at 30%. The provider paces its status polls process-wide and doubles the
// spacing on a throttled poll let go after the spacing last widened, once
// per window (internal/poll.Pacer), and narrows it by a tenth on each
// unthrottled one. Here the polls never overlap (20 ms each, at least
// 600 ms apart), so every throttled poll is a window of its own: the spacing
// holds steady only while a share p of throttled polls keeps
// p*ln 2 <= (1-p)*ln(10/9), p under about 13%, and at a steady,
// rate-independent 30% it drifts to its 10 s ceiling, as designed for a
// service that throttles.
// A seed then takes 4 to 10 minutes instead of one (measured with
// CASES_ACC_CHAOS_FULL=1, all passing, seeds side by side on 2 CPUs:
// 225-280 s as first recorded; here 290, 482, 500 s before the
// once-per-window pacer and 255, 360, 606 s after it, back to back: no
// change beyond noise).
// CASES_ACC_CHAOS_FULL=1 runs that exact mix;
// TestAccDomain_throttledStatusPolls covers waiting through throttled status
// reads on its own.
func chaosFaults(seed uint64, then string, statusReadThrottle float64) emulator.FaultConfig {
	latency := emulator.Duration(20 * time.Millisecond)
	mutations := []string{"CreateDomain", "DeleteDomain"}
	others := []string{"CreateDomain", "DeleteDomain", "ListDomains", "TagResource", "UntagResource", "ListTagsForResource"}
	return emulator.FaultConfig{Seed: seed, Rules: []emulator.FaultRule{
		// The first create and the first delete always lose their answer,
		// so that every run proves adoption and committed deletes whatever
		// the rolls (terraform's concurrency varies the request order, so
		// a seed alone does not fix which requests are picked).
		{Operations: mutations[:1], Probability: 1, Times: 1, Action: emulator.FaultCommitThenFail, Then: then, Latency: latency},
		{Operations: mutations[1:], Probability: 1, Times: 1, Action: emulator.FaultCommitThenFail, Then: then, Latency: latency},
		{Operations: mutations, Probability: 0.1, Action: emulator.FaultCommitThenFail, Then: then, Latency: latency},
		{Operations: []string{"GetDomain"}, Probability: statusReadThrottle, Action: emulator.FaultError, Code: emulator.CodeThrottling, RetryAfterSeconds: 1, Latency: latency},
		// Every other operation (first match wins, so not GetDomain again).
		{Operations: others, Probability: 0.3, Action: emulator.FaultError, Code: emulator.CodeThrottling, RetryAfterSeconds: 1, Latency: latency},
		{Probability: 0.05, Action: emulator.FaultError, Code: emulator.CodeInternalServer, Latency: latency},
		{Probability: 1, Action: emulator.FaultLatency, Latency: latency},
	}}
}

// chaosRuleNames name the rules of chaosFaults for the log.
var chaosRuleNames = []string{"first create commit-then-fail", "first delete commit-then-fail", "commit-then-fail", "throttle GetDomain", "throttle", "500", "latency only"}

// nameWatch checks, after every CreateDomain the emulator serves, that no
// two domains share a name: the moment a duplicate exists, not just at the
// end of a step.
type nameWatch struct {
	emulator   atomic.Pointer[emulator.Emulator]
	mu         sync.Mutex
	duplicates []string
	maxHeld    int
}

func (w *nameWatch) BeforeOperation(context.Context, emulator.Call) error { return nil }

func (w *nameWatch) AfterOperation(_ context.Context, call emulator.Call, _ error) error {
	e := w.emulator.Load()
	if e == nil || call.Operation != "CreateDomain" {
		return nil
	}
	domains := e.Domains(call.Account, call.Region)
	seen := map[string]string{}
	w.mu.Lock()
	defer w.mu.Unlock()
	w.maxHeld = max(w.maxHeld, len(domains))
	for _, d := range domains {
		if other, ok := seen[d.Name]; ok {
			w.duplicates = append(w.duplicates, fmt.Sprintf("%s held by %s and %s", d.Name, other, d.DomainID))
		}
		seen[d.Name] = d.DomainID
	}
	return nil
}

func (w *nameWatch) check(t *testing.T) {
	t.Helper()
	w.mu.Lock()
	defer w.mu.Unlock()
	if len(w.duplicates) > 0 {
		t.Errorf("the emulator held two domains of one name: %s", strings.Join(w.duplicates, "; "))
	}
}

// TestAccDomain_chaos applies 20 domains through throttling, 5xx, lost
// answers of committed creates and deletes, and latency; then checks that a
// second plan is empty, destroys, and requires that the emulator ends empty,
// never held two domains of one name, and matched state after every step.
//
// The seeds run at the same time inside this one parallel test: each spends
// its minute or so mostly waiting on paced, throttled status polls,
// so running them side by side (t.Run may be called from several
// goroutines) keeps the suite's wall time down without taking more of the
// -parallel slots, which are as few as the CPUs.
func TestAccDomain_chaos(t *testing.T) {
	t.Parallel()
	var wg sync.WaitGroup
	for i, seed := range chaosSeeds {
		// Alternate the answer to a committed change: a 500 the SDK retries
		// into ConflictException / ResourceNotFoundException, or a dropped
		// connection.
		then := emulator.FaultThenError
		if i%2 == 1 {
			then = emulator.FaultThenDrop
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			t.Run(fmt.Sprintf("seed %d", seed), func(t *testing.T) {
				testChaos(t, seed, then)
			})
		}()
	}
	wg.Wait()
}

func testChaos(t *testing.T, seed uint64, then string) {
	watch := &nameWatch{}
	tg := acctest.NewTarget(t, func(o *emulator.Options) {
		o.Runtime.Quotas.DomainsPerAccountRegion = chaosDomains + 5
		o.Runtime.ActivationDelay = emulator.Duration(200 * time.Millisecond)
		o.Faults = watch
	})
	tg.RequireEmulator(t)
	watch.emulator.Store(tg.Emulator)
	statusReadThrottle := 0.1
	if os.Getenv(chaosFullEnv) == "1" {
		statusReadThrottle = 0.3
	}
	faults := chaosFaults(seed, then, statusReadThrottle)
	if err := tg.Emulator.SetFaults(faults); err != nil {
		t.Fatal(err)
	}

	names := make([]string, chaosDomains)
	for i := range names {
		names[i] = fmt.Sprintf("%s-chaos-%d-%02d", acctest.ResourcePrefix, seed, i)
	}
	// Retries: at these fault rates a request fails about 40% of the time;
	// 30 retries make giving up vanishingly unlikely.
	config := tg.ProviderConfig("  max_retries = 30") + fmt.Sprintf(`
variable "names" {
  type    = list(string)
  default = [%s]
}

resource "cases_domain" "chaos" {
  count = length(var.names)
  name  = var.names[count.index]
}
`, `"`+strings.Join(names, `", "`)+`"`)

	// resource.Test, not ParallelTest: the seeds already run side by side.
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		// Terraform empties state only when every delete succeeded (the
		// framework hands CheckDestroy the state from before the destroy),
		// so what is left to check is the emulator.
		CheckDestroy: func(*terraform.State) error {
			if held := tg.Emulator.Domains(acctest.EmulatorAccount, acctest.EmulatorRegion); len(held) != 0 {
				return fmt.Errorf("%d domains left after destroy: %+v", len(held), held)
			}
			return nil
		},
		Steps: []resource.TestStep{
			{
				Config: config,
				Check:  stateMatchesEmulator(tg, names, chaosDomains),
			},
			{
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: stateMatchesEmulator(tg, names, chaosDomains),
			},
		},
	})
	watch.check(t)

	state := tg.Emulator.Faults()
	var fired []string
	for i, n := range state.Fired {
		fired = append(fired, fmt.Sprintf("%s=%d", chaosRuleNames[i], n))
	}
	t.Logf("seed %d (commit-then-fail answers %s, GetDomain throttled at %v): %d faults fired (%s) over %d API requests; at most %d domains held at once",
		seed, then, statusReadThrottle, state.Total()-state.Fired[len(state.Fired)-1], strings.Join(fired, ", "), tg.APIRequests(), watch.maxHeld)
	if state.Fired[0] != 1 || state.Fired[1] != 1 {
		t.Errorf("the first create and delete did not both lose their answer (fired %v): the run proved less than it claims", state.Fired[:2])
	}
}

// stateMatchesEmulator checks that the cases_domain resources in state are
// exactly the domains the emulator holds for the test's account and region,
// by id and name, that there are want of them, and that all have names from
// names. It reads the emulator directly, past the fault rules.
func stateMatchesEmulator(tg *acctest.Target, names []string, want int) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		inState := map[string]string{}
		for _, rs := range s.RootModule().Resources {
			if rs.Type != "cases_domain" || rs.Primary == nil {
				continue
			}
			inState[rs.Primary.ID] = rs.Primary.Attributes["name"]
		}
		held := map[string]string{}
		for _, d := range tg.Emulator.Domains(acctest.EmulatorAccount, acctest.EmulatorRegion) {
			if _, dup := held[d.DomainID]; dup {
				return fmt.Errorf("domain id %s listed twice", d.DomainID)
			}
			held[d.DomainID] = d.Name
			if !slices.Contains(names, d.Name) {
				return fmt.Errorf("the emulator holds an unexpected domain %s (%s)", d.Name, d.DomainID)
			}
		}
		if len(held) != want {
			return fmt.Errorf("the emulator holds %d domains, want %d: %v", len(held), want, held)
		}
		for id, name := range held {
			if inState[id] != name {
				return fmt.Errorf("domain %s (%s) exists but is not in state: orphaned", name, id)
			}
		}
		for id, name := range inState {
			if held[id] != name {
				return fmt.Errorf("state holds domain %s (%s), which the emulator does not", name, id)
			}
		}
		return nil
	}
}

// TestAccDomain_throttledStatusPolls: a throttled status read is no
// reading. While every GetDomain is throttled, the create waiter keeps
// backing off and reading until its own timeout, then reports that no read
// succeeded (not the throttling error, and not later than asked); the
// domain stays in state, tainted. When throttling eases, the next apply
// gets through the throttled reads that remain and converges.
func TestAccDomain_throttledStatusPolls(t *testing.T) {
	tg := acctest.NewTarget(t)
	tg.RequireEmulator(t)
	name := acctest.RandomName("domain")
	throttleReads := func(times int) {
		if err := tg.Emulator.SetFaults(emulator.FaultConfig{Rules: []emulator.FaultRule{{
			Operations: []string{"GetDomain"}, Probability: 1, Times: times,
			Action: emulator.FaultError, Code: emulator.CodeThrottling, RetryAfterSeconds: 1,
		}}}); err != nil {
			t.Fatal(err)
		}
	}
	firedAtLeast := func(want int) resource.TestCheckFunc {
		return func(*terraform.State) error {
			if got := tg.Emulator.Faults().Total(); got < want {
				return fmt.Errorf("%d throttled status reads, want at least %d", got, want)
			}
			return nil
		}
	}
	// Retries let refreshes (which the SDK retries) through the throttled
	// reads of the second step; the waiter retries by itself.
	config := tg.ProviderConfig("  max_retries = 10") + configDomainTimeout(name, "4s")

	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDomainsDestroyed(tg, name),
		Steps: []resource.TestStep{
			{
				PreConfig:   func() { throttleReads(0) },
				Config:      config,
				ExpectError: outputPattern("timed out after 4s before it became Active (last status: no successful read)", "kept in state as tainted"),
			},
			{
				// More than one read was throttled: the waiter retried
				// rather than failing on the first.
				PreConfig: func() {
					if got := tg.Emulator.Faults().Total(); got < 2 {
						t.Errorf("the waiter read %d times under throttling, want it to keep reading", got)
					}
					throttleReads(3)
				},
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(domainAddress, plancheck.ResourceActionDestroyBeforeCreate)},
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttr(domainAddress, "domain_status", "Active"),
					firedAtLeast(3),
				),
			},
		},
	})
}
