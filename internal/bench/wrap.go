package bench

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"sync"
	"syscall"
	"time"
)

// Environment of the process wrapper: when WrapExecEnv is set, the bench
// binary runs as a stand-in for a provider binary (terraform finds it
// through dev_overrides under the provider's file name), executes the real
// binary named there, and appends a ProcessStats line to WrapLogEnv.
const (
	WrapExecEnv = "CASES_BENCH_WRAP_EXEC"
	WrapLogEnv  = "CASES_BENCH_WRAP_LOG"
)

// ProcessStats is what the wrapper learnt about one provider process.
type ProcessStats struct {
	Binary string `json:"binary"`
	// Handshake is the time from starting the process to its first line on
	// stdout: the go-plugin handshake, after which terraform can call it.
	Handshake time.Duration `json:"handshake"`
	// Lifetime is the time from start to exit.
	Lifetime time.Duration `json:"lifetime"`
	// MaxRSSKiB is the peak resident set (getrusage ru_maxrss).
	MaxRSSKiB int64         `json:"maxRssKiB"`
	CPU       time.Duration `json:"cpu"` // user + system
}

// RunWrapped runs the real provider binary with our arguments and standard
// streams, passes SIGINT and SIGTERM on, records its ProcessStats in
// logPath and returns its exit code.
func RunWrapped(target, logPath string) int {
	cmd := exec.Command(target, os.Args[1:]...)
	cmd.Stdin = os.Stdin
	cmd.Stderr = os.Stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		fmt.Fprintln(os.Stderr, "bench wrapper:", err)
		return 1
	}
	signals := make(chan os.Signal, 2)
	signal.Notify(signals, syscall.SIGINT, syscall.SIGTERM)
	start := time.Now()
	if err := cmd.Start(); err != nil {
		fmt.Fprintln(os.Stderr, "bench wrapper:", err)
		return 1
	}
	go func() {
		for s := range signals {
			_ = cmd.Process.Signal(s)
		}
	}()

	var handshake time.Duration
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		r := bufio.NewReader(stdout)
		line, err := r.ReadBytes('\n')
		handshake = time.Since(start)
		_, _ = os.Stdout.Write(line)
		if err == nil {
			_, _ = io.Copy(os.Stdout, r)
		}
	}()
	wg.Wait() // the child's stdout is closed: it is exiting
	waitErr := cmd.Wait()
	lifetime := time.Since(start)
	signal.Stop(signals)
	close(signals)

	stats := ProcessStats{Binary: filepath.Base(target), Handshake: handshake, Lifetime: lifetime}
	if ps := cmd.ProcessState; ps != nil {
		stats.CPU = ps.UserTime() + ps.SystemTime()
		if ru, ok := ps.SysUsage().(*syscall.Rusage); ok {
			stats.MaxRSSKiB = ru.Maxrss // KiB on Linux
		}
	}
	if line, err := json.Marshal(stats); err == nil {
		if f, err := os.OpenFile(logPath, os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o644); err == nil {
			_, _ = f.Write(append(line, '\n'))
			_ = f.Close()
		}
	}
	if exit, ok := waitErr.(*exec.ExitError); ok {
		return exit.ExitCode()
	}
	if waitErr != nil {
		return 1
	}
	return 0
}

// ReadProcessStats reads the lines RunWrapped appended to path.
func ReadProcessStats(path string) ([]ProcessStats, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []ProcessStats
	scanner := bufio.NewScanner(f)
	for scanner.Scan() {
		var s ProcessStats
		if err := json.Unmarshal(scanner.Bytes(), &s); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, scanner.Err()
}

// StartupResult is a one-resource plan with every provider process wrapped.
type StartupResult struct {
	Plan      time.Duration
	Processes []ProcessStats
}

// MaxHandshake, MaxRSS and TotalCPU summarize the processes of one plan.
func (r StartupResult) MaxHandshake() time.Duration {
	var m time.Duration
	for _, p := range r.Processes {
		m = max(m, p.Handshake)
	}
	return m
}

// MaxRSSKiB is the largest peak RSS among the plan's provider processes.
func (r StartupResult) MaxRSSKiB() int64 {
	var m int64
	for _, p := range r.Processes {
		m = max(m, p.MaxRSSKiB)
	}
	return m
}

// TotalCPU is the CPU time of all the plan's provider processes together.
// MedianHandshake is the median handshake of the plan's processes.
func (r StartupResult) MedianHandshake() time.Duration {
	ds := make([]time.Duration, len(r.Processes))
	for i, p := range r.Processes {
		ds[i] = p.Handshake
	}
	return Median(ds)
}

func (r StartupResult) TotalCPU() time.Duration {
	var sum time.Duration
	for _, p := range r.Processes {
		sum += p.CPU
	}
	return sum
}

// MeasureStartup plans ws once with the provider at address replaced by
// the wrapper (self, the bench binary, linked under the provider's file
// name in a directory of its own) around the real provider binary target.
func MeasureStartup(ctx context.Context, tf *Terraform, ws *Workspace, scratch, self, address, target string, otherOverrides map[string]string) (StartupResult, error) {
	wrapDir := filepath.Join(scratch, "wrap-"+filepath.Base(target))
	if err := os.MkdirAll(wrapDir, 0o755); err != nil {
		return StartupResult{}, err
	}
	link := filepath.Join(wrapDir, filepath.Base(target))
	_ = os.Remove(link)
	if err := os.Symlink(self, link); err != nil {
		return StartupResult{}, err
	}
	overrides := map[string]string{address: wrapDir}
	for a, d := range otherOverrides {
		if a != address {
			overrides[a] = d
		}
	}
	cliConfig := filepath.Join(scratch, "wrap-"+filepath.Base(target)+".tfrc")
	if err := WriteCLIConfig(cliConfig, overrides); err != nil {
		return StartupResult{}, err
	}
	logPath := filepath.Join(scratch, "wrap-"+filepath.Base(target)+".jsonl")
	_ = os.Remove(logPath)
	wrapped := &Terraform{Bin: tf.Bin, CLIConfig: cliConfig}
	elapsed, err := wrapped.Plan(ctx, ws.Dir, []string{WrapExecEnv + "=" + target, WrapLogEnv + "=" + logPath})
	if err != nil {
		return StartupResult{}, err
	}
	procs, err := ReadProcessStats(logPath)
	if err != nil {
		return StartupResult{}, fmt.Errorf("reading the wrapper's log: %w", err)
	}
	return StartupResult{Plan: elapsed, Processes: procs}, nil
}
