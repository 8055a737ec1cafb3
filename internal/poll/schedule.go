// Package poll decides when a waiter reads a status again: a pure schedule
// (Delay) that can be simulated and unit-tested, and a Pacer that keeps all
// waiters of one provider process under the service's request rate.
package poll

import "time"

// Amazon Connect Cases allows its configuration APIs (GetDomain among them)
// about 2 requests per second per account, burst 5 (service quotas page).
// A single waiter settles at one poll every SteadyInterval, so five
// concurrent creates poll 1.25/s in total: under the 2/s by the schedule
// alone, with room left for the other config calls of the same apply (and
// of other tools on the account). The Pacer enforces the bound exactly
// within one provider process, where the ramps of many waiters overlap.
//
// SteadyInterval trades detection lag for reads. Simulated over activation
// delays uniform in 0.5..120 s (docs/benchmarks.md): 2.5 s gives a mean lag
// of about 1.2 s with 29 reads per create, 4 s gives 1.94 s with 20 reads;
// the target is at most half the 4.8 s of the terraform-provider-aws
// waiter, so 4 s meets it with a fifth to spare and spends 30% fewer reads.
const (
	// FirstDelay is the wait before the first status read after a create.
	FirstDelay = 250 * time.Millisecond
	// SteadyInterval is the longest pause between two reads when the
	// service is not throttling. The expected detection lag of a waiter
	// is about half of it.
	SteadyInterval = 4 * time.Second
	// MaxThrottledInterval bounds the back-off after repeated throttling,
	// so a waiter still reads at least this often.
	MaxThrottledInterval = 30 * time.Second
)

// ramp is the start of the schedule: prompt reads while a quick
// transition is likely, growing to SteadyInterval. After the first, no
// pause is shorter than DefaultMinSpacing, so that one waiter alone never
// reads faster than the Pacer lets it: the schedule is then what actually
// happens, and bench.Simulate measures it.
var ramp = []time.Duration{
	FirstDelay,
	DefaultMinSpacing,
	750 * time.Millisecond,
	1000 * time.Millisecond,
	1500 * time.Millisecond,
	2000 * time.Millisecond,
	3000 * time.Millisecond,
}

// Delay returns how long to wait before status read number attempt
// (0-based), given how many reads in a row were throttled just before it.
// Each throttled read doubles the delay, up to MaxThrottledInterval.
func Delay(attempt, consecutiveThrottles int) time.Duration {
	d := SteadyInterval
	if attempt >= 0 && attempt < len(ramp) {
		d = ramp[attempt]
	}
	for i := 0; i < consecutiveThrottles && d < MaxThrottledInterval; i++ {
		d *= 2
	}
	return min(d, MaxThrottledInterval)
}
