package bench

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"time"

	"github.com/connect-cases/terraform-provider-cases/internal/apimodel"
	"github.com/connect-cases/terraform-provider-cases/internal/emulator"
)

// Rate-limited runs: a configuration applied, refreshed (a refresh-only
// plan) and destroyed through the terraform CLI against an emulator that
// throttles at the Cases API's published default rates (the
// service-defaults profile, one bucket per operation), with and without
// the provider's own rate control.

// RateFloor is the least time a run's requests need at the published rates:
// every operation has a bucket of its own, starting full, so its n
// admitted requests need max(0, n - burst) / rate seconds, and the buckets
// drain side by side, so the run needs at least the largest of those.
// Requests that must follow one another (fields after their domain,
// layouts after their fields) can only add to it: the floor leaves them
// out, so that it depends on the request counts alone.
//
// It returns the floor and the operation that sets it ("" when no
// operation needs to wait).
func RateFloor(admitted map[string]int64, quota func(operation string) apimodel.RateQuota) (time.Duration, string) {
	var floor time.Duration
	var by string
	for op, n := range admitted {
		q := quota(op)
		excess := n - int64(q.Burst)
		if excess <= 0 {
			continue
		}
		d := time.Duration(float64(excess) / q.Rate * float64(time.Second))
		if d > floor || (d == floor && op < by) {
			floor, by = d, op
		}
	}
	return floor, by
}

// RatePhase is one terraform command of a rate-limited run.
type RatePhase struct {
	Mode  RateMode
	Phase string
	// Wall is the median of Walls, one per run of the command.
	Wall  time.Duration
	Walls []time.Duration
	// Requests counts the Cases requests the emulator's rate limits saw;
	// Throttled those they answered 429.
	Requests, Throttled int64
	// Admitted and Throttled per operation.
	Admitted, ThrottledBy map[string]int64
	// Floor and FloorOperation: RateFloor of Admitted.
	Floor          time.Duration
	FloorOperation string
	// Errors counts "Error:" lines terraform printed; Exit is its exit
	// code (a refresh-only plan exits 0 or 2).
	Errors int
	Exit   int
}

// ThrottledShare is Throttled / Requests.
func (p RatePhase) ThrottledShare() float64 {
	if p.Requests == 0 {
		return 0
	}
	return float64(p.Throttled) / float64(p.Requests)
}

// FloorRatio is Wall / Floor (0 without a floor).
func (p RatePhase) FloorRatio() float64 {
	if p.Floor <= 0 {
		return 0
	}
	return p.Wall.Seconds() / p.Floor.Seconds()
}

// Ok says the phase surfaced no error.
func (p RatePhase) Ok() bool {
	return p.Errors == 0 && (p.Exit == 0 || (p.Phase == PhaseRefresh && p.Exit == 2))
}

// Phases of a rate-limited run.
const (
	PhaseApply   = "apply"
	PhaseRefresh = "refresh-only plan"
	PhaseDestroy = "destroy"
)

var providerBlock = regexp.MustCompile(`(?m)^provider "cases" \{\n`)

// RateMode is how a rate-limited run is set up.
type RateMode int

// Rate modes.
const (
	// RateControlOn: the emulator at the service-defaults rate limits, the
	// provider's rate control at its defaults.
	RateControlOn RateMode = iota
	// RateControlOff: the same emulator, requests_per_second = 0.
	RateControlOff
	// NoRateLimits: an emulator without rate limits and
	// requests_per_second = 0: what the commands cost with no rate
	// anywhere, a floor of their own.
	NoRateLimits
)

func (m RateMode) String() string {
	switch m {
	case RateControlOn:
		return "rate control on"
	case RateControlOff:
		return "rate control off"
	}
	return "no rate limits"
}

// RateRun is one configuration against an emulator of its own, run phase
// by phase (see RunRateLimited).
type RateRun struct {
	tf          *Terraform
	emu         *emulator.Emulator
	srv         *emulator.Server
	dir         string
	env         []string
	mode        RateMode
	parallelism int
}

// StartRateRun copies the .tf files of example into dir and starts an
// emulator of its own (activation delay activation; at the service-defaults
// rate limits unless mode is NoRateLimits). Without rate control the
// provider block gets requests_per_second = 0. Close stops the emulator.
func StartRateRun(tf *Terraform, dir, example string, mode RateMode, parallelism int, activation time.Duration) (*RateRun, error) {
	r := &RateRun{tf: tf, dir: dir, mode: mode, parallelism: parallelism}
	runtime := emulator.DefaultRuntimeConfig()
	runtime.ActivationDelay = emulator.Duration(activation)
	runtime.RateLimits = r.limits()
	emu, err := emulator.New(emulator.Options{Runtime: runtime})
	if err != nil {
		return nil, err
	}
	srv, err := emulator.Start(emu, "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	r.emu, r.srv = emu, srv
	if err := copyConfig(example, dir, mode == RateControlOn); err != nil {
		srv.Close()
		return nil, err
	}
	r.env = []string{
		"AWS_ENDPOINT_URL_CONNECTCASES=" + srv.URL(),
		"AWS_REGION=" + Region,
		"AWS_ACCESS_KEY_ID=" + Account,
		"AWS_SECRET_ACCESS_KEY=" + SecretKey,
	}
	return r, nil
}

// Close stops the run's emulator.
func (r *RateRun) Close() { r.srv.Close() }

func (r *RateRun) limits() *emulator.RateLimits {
	if r.mode == NoRateLimits {
		return nil
	}
	return emulator.ServiceDefaultRateLimits()
}

// Phase runs one phase (PhaseApply, PhaseRefresh or PhaseDestroy) once,
// with the emulator's buckets full, as after a quiet spell, and its
// request counters at zero.
func (r *RateRun) Phase(ctx context.Context, phase string) (RatePhase, error) {
	par := fmt.Sprintf("-parallelism=%d", r.parallelism)
	var args []string
	switch phase {
	case PhaseApply:
		args = []string{"apply", "-auto-approve", "-input=false", "-no-color", par}
	case PhaseRefresh:
		args = []string{"plan", "-refresh-only", "-detailed-exitcode", "-input=false", "-no-color", par}
	case PhaseDestroy:
		args = []string{"destroy", "-auto-approve", "-input=false", "-no-color", par}
	default:
		return RatePhase{}, fmt.Errorf("unknown phase %q", phase)
	}
	return runPhase(ctx, r.tf, r.emu, r.dir, r.env, r.mode, phase, r.limits, args)
}

// MedianPhase returns the run of runs (one command run several times) with
// the median wall time, every run's wall time in Walls.
func MedianPhase(runs []RatePhase) RatePhase {
	sorted := append([]RatePhase(nil), runs...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].Wall < sorted[j].Wall })
	p := sorted[len(sorted)/2]
	p.Walls = nil
	for _, r := range runs {
		p.Walls = append(p.Walls, r.Wall)
	}
	return p
}

// runPhase runs one terraform command with the emulator's buckets full and
// its counters at zero.
func runPhase(ctx context.Context, tf *Terraform, emu *emulator.Emulator, dir string, env []string, mode RateMode, phase string, limits func() *emulator.RateLimits, args []string) (RatePhase, error) {
	// New limits start every bucket full.
	cfg := emu.RuntimeConfig()
	cfg.RateLimits = limits()
	if err := emu.SetRuntimeConfig(cfg); err != nil {
		return RatePhase{}, err
	}
	emu.ResetMetrics()
	wall, code, output, err := tf.Run(ctx, dir, env, args...)
	if err != nil {
		return RatePhase{}, fmt.Errorf("%s: %w", phase, err)
	}
	m := emu.Metrics()
	p := RatePhase{
		Mode:        mode,
		Phase:       phase,
		Wall:        wall,
		Requests:    m.Admitted + m.Throttled,
		Throttled:   m.Throttled,
		Admitted:    map[string]int64{},
		ThrottledBy: map[string]int64{},
		Errors:      strings.Count(string(output), "Error:"),
		Exit:        code,
	}
	for _, op := range m.Operations {
		p.Admitted[op.Operation] += op.Admitted
		if op.Throttled > 0 {
			p.ThrottledBy[op.Operation] += op.Throttled
		}
	}
	p.Floor, p.FloorOperation = RateFloor(p.Admitted, apimodel.CasesThrottlingQuota)
	if !p.Ok() {
		return p, fmt.Errorf("%s exited %d with %d errors:\n%s", phase, code, p.Errors, tail(output, 30))
	}
	return p, nil
}

// copyConfig copies the .tf files of src into dst; without rateControl
// the cases provider block turns it off.
func copyConfig(src, dst string, rateControl bool) error {
	if err := os.MkdirAll(dst, 0o755); err != nil {
		return err
	}
	files, err := filepath.Glob(filepath.Join(src, "*.tf"))
	if err != nil {
		return err
	}
	found := false
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			return err
		}
		if providerBlock.Match(data) {
			found = true
			if !rateControl {
				data = providerBlock.ReplaceAll(data, []byte("provider \"cases\" {\n  requests_per_second = 0\n"))
			}
		}
		if err := os.WriteFile(filepath.Join(dst, filepath.Base(f)), data, 0o644); err != nil {
			return err
		}
	}
	if !found {
		return fmt.Errorf("%s: no provider \"cases\" block to configure", src)
	}
	return nil
}
