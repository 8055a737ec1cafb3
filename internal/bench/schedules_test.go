package bench

import (
	"math/rand/v2"
	"testing"
	"time"

	"github.com/connect-cases/terraform-provider-cases/internal/poll"
)

// The performance target: over activation delays of 0.5..120 s, the mean
// detection lag is at most half that of the terraform-provider-aws waiter.
func TestScheduleHalvesAWSProviderLag(t *testing.T) {
	ours := Simulate(OurSchedule, 500*time.Millisecond, 120*time.Second, 10000)
	aws := Simulate(AWSProviderSchedule, 500*time.Millisecond, 120*time.Second, 10000)
	if aws.MeanLag < 4500*time.Millisecond || aws.MeanLag > 5100*time.Millisecond {
		t.Fatalf("AWS provider anchor mean lag = %s, want about 4.8s as documented", aws.MeanLag)
	}
	if ours.MeanLag > aws.MeanLag/2 {
		t.Errorf("mean lag %s is more than half of the AWS provider's %s", ours.MeanLag, aws.MeanLag)
	}
	if ours.MaxLag > poll.SteadyInterval {
		t.Errorf("max lag %s exceeds the steady interval", ours.MaxLag)
	}
	// One waiter alone stays well under the service's 2 reads/s.
	if rate := 1 / poll.SteadyInterval.Seconds(); rate*5 > 2 {
		t.Errorf("five waiters at the steady interval would read %.2f/s, over 2/s", rate*5)
	}
}

// The Cloud Control anchor reproduces the documented mean lag of the awscc
// waiter (about 26 s over 0.5..120 s) and is reproducible from its seed.
func TestCloudControlAnchor(t *testing.T) {
	simulate := func(seed uint64) Simulation {
		s := CloudControlSchedule(rand.New(rand.NewPCG(seed, seed)))
		return Simulate(s, 500*time.Millisecond, 120*time.Second, 20000)
	}
	cc := simulate(1)
	if cc.MeanLag < 24*time.Second || cc.MeanLag > 28*time.Second {
		t.Fatalf("Cloud Control anchor mean lag = %s, want about 26s as documented", cc.MeanLag)
	}
	if again := simulate(1); again != cc {
		t.Fatalf("same seed, different simulation: %+v then %+v", cc, again)
	}
	ours := Simulate(OurSchedule, 500*time.Millisecond, 120*time.Second, 20000)
	if ours.MeanLag*10 > cc.MeanLag {
		t.Errorf("mean lag %s is not a tenth of Cloud Control's %s", ours.MeanLag, cc.MeanLag)
	}
}

func TestCloudControlScheduleBounds(t *testing.T) {
	s := CloudControlSchedule(rand.New(rand.NewPCG(7, 7)))
	if got := s(0); got != 5*time.Second {
		t.Fatalf("first pause = %s, want 5s", got)
	}
	for attempt := 1; attempt < 40; attempt++ {
		ceiling := min(5*time.Second*time.Duration(1<<min(attempt, 6)), 120*time.Second)
		for range 50 {
			if d := s(attempt); d < 5*time.Second || d >= ceiling {
				t.Fatalf("pause before read %d = %s, want in [5s, %s)", attempt, d, ceiling)
			}
		}
	}
}

// Throttling makes a waiter read less often, never give up: the more reads
// are throttled, the lower its read rate.
func TestThrottlingSlowsReads(t *testing.T) {
	const active = 10 * time.Second
	rng := rand.New(rand.NewPCG(3, 3))
	calm := SimulateThrottled(active, 0, rng, 1)
	if want := Simulate(OurSchedule, active, active, 1); calm.MeanLag != want.MeanLag || calm.MeanReads != want.MeanReads {
		t.Fatalf("without throttling: %+v, want the plain schedule's %+v", calm, want)
	}
	prev := calm
	for _, share := range []float64{0.25, 0.5, 0.75} {
		sim := SimulateThrottled(active, share, rng, 5000)
		if sim.ReadsPerSecond >= prev.ReadsPerSecond {
			t.Errorf("throttled share %.2f: %.3f reads/s, not below %.3f", share, sim.ReadsPerSecond, prev.ReadsPerSecond)
		}
		if sim.ReadsPerSecond > 1/poll.DefaultMinSpacing.Seconds() {
			t.Errorf("throttled share %.2f: %.3f reads/s, faster than the pacer allows", share, sim.ReadsPerSecond)
		}
		prev = sim
	}
}
