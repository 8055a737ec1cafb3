package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"sync"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/connectcases"
	"github.com/aws/aws-sdk-go-v2/service/connectcases/types"
	smithyhttp "github.com/aws/smithy-go/transport/http"

	"github.com/connect-cases/terraform-provider-cases/internal/emulator"
)

// buildEmulator builds the command into a temporary directory.
func buildEmulator(t *testing.T) string {
	t.Helper()
	binary := filepath.Join(t.TempDir(), "cases-emulator")
	build := exec.Command(goTool(t), "build", "-o", binary, ".")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return binary
}

// emulatorProcess is a running cases-emulator binary.
type emulatorProcess struct {
	cmd    *exec.Cmd
	url    string
	stderr *bytes.Buffer
}

// startBinary runs binary on a free loopback port and waits for its URL
// line. The process is killed when the test ends if it still runs.
func startBinary(t *testing.T, binary string, args ...string) *emulatorProcess {
	t.Helper()
	args = append([]string{"-listen", "127.0.0.1:0", "-log-level", "error"}, args...)
	cmd := exec.CommandContext(t.Context(), binary, args...)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	p := &emulatorProcess{cmd: cmd, stderr: &bytes.Buffer{}}
	cmd.Stderr = p.stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if cmd.ProcessState == nil {
			_ = cmd.Process.Kill()
			_ = cmd.Wait()
		}
	})
	first, err := bufio.NewReader(stdout).ReadString('\n')
	if err != nil {
		t.Fatalf("reading the URL line: %v (stderr: %s)", err, p.stderr)
	}
	match := regexp.MustCompile(`^cases-emulator listening on (http://127\.0\.0\.1:[0-9]+)\n$`).FindStringSubmatch(first)
	if match == nil {
		t.Fatalf("first stdout line = %q", first)
	}
	p.url = match[1]
	return p
}

func (p *emulatorProcess) client() *connectcases.Client {
	return connectcases.New(connectcases.Options{
		Region:       "us-west-2",
		BaseEndpoint: aws.String(p.url),
		Credentials:  credentials.NewStaticCredentialsProvider("AKIDEXAMPLE", "secret", ""),
		// Every attempt is one acknowledged-or-not mutation of the test.
		Retryer: aws.NopRetryer{},
	})
}

func (p *emulatorProcess) state(t *testing.T) emulator.StateSnapshot {
	t.Helper()
	resp, err := http.Get(p.url + "/_emulator/state")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var state emulator.StateSnapshot
	if err := json.NewDecoder(resp.Body).Decode(&state); err != nil {
		t.Fatal(err)
	}
	return state
}

func TestCommand_faultsFile(t *testing.T) {
	faults := writeTemp(t, "faults.json", `{
  "seed": 11,
  "rules": [
    {"operations": ["ListDomains"], "times": 1, "action": "error", "code": "ThrottlingException", "retryAfterSeconds": 2}
  ]
}`)
	p := startBinary(t, buildEmulator(t), "-faults", faults)

	_, err := p.client().ListDomains(context.Background(), &connectcases.ListDomainsInput{})
	var throttled *types.ThrottlingException
	if !errors.As(err, &throttled) {
		t.Fatalf("first ListDomains = %v, want the ThrottlingException of the -faults file", err)
	}
	var respErr *smithyhttp.ResponseError
	if !errors.As(err, &respErr) || respErr.Response.StatusCode != http.StatusTooManyRequests || respErr.Response.Header.Get("Retry-After") != "2" {
		t.Errorf("throttling response = %v, want 429 with Retry-After: 2", err)
	}
	if _, err := p.client().ListDomains(context.Background(), &connectcases.ListDomainsInput{}); err != nil {
		t.Errorf("second ListDomains (times 1 used up): %v", err)
	}

	resp, err := http.Get(p.url + "/_emulator/faults")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var state emulator.FaultState
	if err := json.NewDecoder(resp.Body).Decode(&state); err != nil {
		t.Fatal(err)
	}
	if state.Seed != 11 || len(state.Rules) != 1 || state.Total() != 1 {
		t.Errorf("GET /_emulator/faults = %+v, want the file's seed and rule, fired once", state)
	}
}

// TestCommand_stateSurvivesKill9 runs mutations from several clients at
// once against the real binary with -state-file, kills it with SIGKILL while
// they are still running, restarts it on the same file, and checks that
// every mutation it acknowledged is there.
func TestCommand_stateSurvivesKill9(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("SIGKILL is POSIX")
	}
	const (
		workers      = 8
		opsPerWorker = 25
		// The kill comes once this many mutations were acknowledged, so
		// that requests are still in flight when it lands.
		killAfter = workers * opsPerWorker * 3 / 4
	)
	binary := buildEmulator(t)
	stateFile := filepath.Join(t.TempDir(), "state.json")
	args := []string{"-state-file", stateFile, "-domain-quota", "1000", "-activation-delay", "0s"}
	p := startBinary(t, binary, args...)
	client := p.client()

	// Per domain name: what the emulator acknowledged last, and whether a
	// later mutation of it got no answer (then either outcome is allowed).
	type record struct {
		id        string
		exists    bool // after the last acknowledged mutation
		uncertain bool
	}
	var (
		mu           sync.Mutex
		records      = map[string]*record{}
		acknowledged int
		killed       = make(chan struct{})
		killOnce     sync.Once
	)
	ack := func() {
		mu.Lock()
		acknowledged++
		n := acknowledged
		mu.Unlock()
		if n == killAfter {
			killOnce.Do(func() {
				// SIGKILL: no shutdown code runs. t.Errorf, not t.Fatal, on
				// a worker goroutine.
				if err := p.cmd.Process.Kill(); err != nil {
					t.Errorf("kill -9: %v", err)
				}
				close(killed)
			})
		}
	}

	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ctx := context.Background()
			var previous string
			for i := range opsPerWorker {
				// Every fourth operation deletes the domain made just before,
				// so deletes are under test too.
				if i%4 == 3 && previous != "" {
					mu.Lock()
					r := records[previous]
					mu.Unlock()
					_, err := client.DeleteDomain(ctx, &connectcases.DeleteDomainInput{DomainId: aws.String(r.id)})
					mu.Lock()
					if err == nil {
						r.exists = false
					} else {
						r.uncertain = true
					}
					mu.Unlock()
					if err != nil {
						return
					}
					ack()
					previous = ""
					continue
				}
				name := fmt.Sprintf("w%d-op%02d", w, i)
				out, err := client.CreateDomain(ctx, &connectcases.CreateDomainInput{Name: aws.String(name)})
				mu.Lock()
				if err == nil {
					records[name] = &record{id: aws.ToString(out.DomainId), exists: true}
				} else {
					records[name] = &record{uncertain: true}
				}
				mu.Unlock()
				if err != nil {
					return // the emulator is gone
				}
				ack()
				previous = name
			}
		}()
	}
	wg.Wait()
	_ = p.cmd.Wait()
	select {
	case <-killed:
	default:
		t.Fatalf("only %d mutations were acknowledged, fewer than the %d before the kill", acknowledged, killAfter)
	}

	restarted := startBinary(t, binary, args...)
	held := map[string]string{}
	for _, tenant := range restarted.state(t).Tenants {
		for _, d := range tenant.Domains {
			held[d.Name] = d.DomainID
		}
	}
	var checked, lost int
	for name, r := range records {
		if r.uncertain {
			continue
		}
		checked++
		id, ok := held[name]
		switch {
		case r.exists && (!ok || id != r.id):
			lost++
			t.Errorf("acknowledged create of %s (%s) is missing after kill -9", name, r.id)
		case !r.exists && ok:
			lost++
			t.Errorf("acknowledged delete of %s (%s) is undone after kill -9", name, r.id)
		}
	}
	t.Logf("%d mutations acknowledged before kill -9 (%d domains checked, %d held after restart, %d lost)", acknowledged, checked, len(held), lost)
}

func TestCommand_corruptStateFileStopsStartUp(t *testing.T) {
	const corrupt = `{"format":"cases-emulator-state","version":1,"tenants":{"1234`
	stateFile := writeTemp(t, "state.json", corrupt)
	cmd := exec.CommandContext(t.Context(), buildEmulator(t), "-listen", "127.0.0.1:0", "-state-file", stateFile)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.ExitCode() != 1 {
		t.Fatalf("run over a corrupt state file = %v, want exit status 1", err)
	}
	if !strings.Contains(stderr.String(), stateFile) || !strings.Contains(stderr.String(), "does not start over it with empty state") {
		t.Errorf("stderr = %q, want the file named and why the emulator stopped", stderr.String())
	}
	if stdout.Len() != 0 {
		t.Errorf("stdout = %q, want no URL line", stdout.String())
	}
	if data, _ := os.ReadFile(stateFile); string(data) != corrupt {
		t.Errorf("the corrupt file was rewritten: %q", data)
	}
}
