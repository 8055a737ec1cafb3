package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"syscall"
	"testing"
)

func goTool(t *testing.T) string {
	t.Helper()
	path, err := exec.LookPath("go")
	if err != nil {
		t.Fatalf("building the command needs the go tool on PATH: %v", err)
	}
	return path
}

// TestCommand_servesUntilSIGTERM builds the real binary, starts it on a free
// loopback port, reads the URL from its first stdout line, asks for health,
// and checks that SIGTERM ends it with exit status 0.
func TestCommand_servesUntilSIGTERM(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("SIGTERM is POSIX")
	}
	binary := filepath.Join(t.TempDir(), "cases-emulator")
	build := exec.Command(goTool(t), "build", "-o", binary, ".")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}

	// t.Context ends before cleanup, so a hung emulator is killed, never leaked.
	cmd := exec.CommandContext(t.Context(), binary, "-listen", "127.0.0.1:0", "-log-level", "error")
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}

	lines := bufio.NewReader(stdout)
	first, err := lines.ReadString('\n')
	if err != nil {
		t.Fatalf("reading the first stdout line: %v (stderr: %s)", err, stderr.String())
	}
	match := regexp.MustCompile(`^cases-emulator listening on (http://127\.0\.0\.1:[0-9]+)\n$`).FindStringSubmatch(first)
	if match == nil {
		t.Fatalf("first stdout line = %q", first)
	}
	url := match[1]
	if strings.HasSuffix(url, ":0") {
		t.Fatalf("URL %s names port 0, not the port chosen", url)
	}

	resp, err := http.Get(url + "/_emulator/health")
	if err != nil {
		t.Fatalf("GET health: %v", err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || string(body) != `{"status":"ok"}` {
		t.Errorf("health = %d %s", resp.StatusCode, body)
	}

	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	rest, _ := io.ReadAll(lines)
	if err := cmd.Wait(); err != nil {
		t.Fatalf("exit after SIGTERM: %v (stderr: %s)", err, stderr.String())
	}
	if cmd.ProcessState.ExitCode() != 0 {
		t.Errorf("exit code = %d, want 0", cmd.ProcessState.ExitCode())
	}
	if len(rest) != 0 {
		t.Errorf("stdout after the URL line = %q, want nothing (logs go to stderr)", rest)
	}
}

func TestRun_rejectsBadCommandLines(t *testing.T) {
	for _, tc := range []struct {
		name    string
		args    []string
		message string
	}{
		{"non-loopback address", []string{"-listen", "0.0.0.0:0"}, "-allow-remote"},
		{"all interfaces", []string{"-listen", ":4590"}, "-allow-remote"},
		{"not host:port", []string{"-listen", "127.0.0.1"}, "HOST:PORT"},
		{"log level", []string{"-listen", "127.0.0.1:0", "-log-level", "loud"}, "-log-level"},
		{"domain quota", []string{"-listen", "127.0.0.1:0", "-domain-quota", "0"}, "-domain-quota"},
		{"credentials", []string{"-listen", "127.0.0.1:0", "-credentials", "no-secret"}, "KEY:SECRET"},
		{"sigv4 without credentials", []string{"-listen", "127.0.0.1:0", "-auth", "sigv4"}, "credential"},
		{"auth mode", []string{"-listen", "127.0.0.1:0", "-auth", "none"}, "auth mode"},
		{"fail pattern", []string{"-listen", "127.0.0.1:0", "-fail-creation-name-pattern", "("}, "RE2"},
		{"state file in a missing directory", []string{"-listen", "127.0.0.1:0", "-state-file", filepath.Join(t.TempDir(), "missing", "state.json")}, "state.json"},
		{"corrupt state file", []string{"-listen", "127.0.0.1:0", "-state-file", writeTemp(t, "state.json", `{"format":"cases-emulator-state","version":1,"tenants":{`)}, "state.json"},
		{"missing faults file", []string{"-listen", "127.0.0.1:0", "-faults", filepath.Join(t.TempDir(), "faults.json")}, "-faults"},
		{"unknown rate limit profile", []string{"-listen", "127.0.0.1:0", "-rate-limits", "fast"}, "service-defaults"},
		{"invalid rate limits file", []string{"-listen", "127.0.0.1:0", "-rate-limits", writeTemp(t, "limits.json", `{"groups":[{"name":"g","operations":["GetDomain"],"rate":0,"burst":5}]}`)}, "rate must be a positive"},
		{"invalid fault rule", []string{"-listen", "127.0.0.1:0", "-faults", writeTemp(t, "faults.json", `{"rules":[{"action":"explode"}]}`)}, "rule 0"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			err := run(context.Background(), tc.args, noEnv, &stdout, &stderr)
			if err == nil || !strings.Contains(err.Error(), tc.message) {
				t.Errorf("run(%q) = %v, want an error mentioning %q", tc.args, err, tc.message)
			}
			if stdout.Len() != 0 {
				t.Errorf("stdout = %q, want nothing before the server listens", stdout.String())
			}
		})
	}

	t.Run("unknown flag", func(t *testing.T) {
		var stderr bytes.Buffer
		if err := run(context.Background(), []string{"-nope"}, noEnv, io.Discard, &stderr); !errors.Is(err, errUsage) {
			t.Errorf("run = %v, want a usage error", err)
		}
		if !strings.Contains(stderr.String(), "-nope") {
			t.Errorf("stderr = %q, want the flag named", stderr.String())
		}
	})
}

func TestRun_readsCredentialsFromTheEnvironment(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel() // serve, then shut down at once
	env := func(name string) string {
		if name == credentialsEnv {
			return "111122223333:secret"
		}
		return ""
	}
	var stdout bytes.Buffer
	if err := run(ctx, []string{"-listen", "127.0.0.1:0", "-auth", "sigv4"}, env, &stdout, io.Discard); err != nil {
		t.Fatalf("run: %v", err)
	}
	if !strings.HasPrefix(stdout.String(), "cases-emulator listening on http://127.0.0.1:") {
		t.Errorf("stdout = %q", stdout.String())
	}
}

func TestCheckListenAddress(t *testing.T) {
	for addr, ok := range map[string]bool{
		"127.0.0.1:4590": true,
		"127.0.0.2:0":    true,
		"[::1]:4590":     true,
		"localhost:4590": true,
		"0.0.0.0:4590":   false,
		"[::]:4590":      false,
		":4590":          false,
		"10.0.0.5:4590":  false,
		"example.com:80": false,
	} {
		if err := checkListenAddress(addr, false); (err == nil) != ok {
			t.Errorf("checkListenAddress(%q) = %v, want ok=%v", addr, err, ok)
		}
		if err := checkListenAddress(addr, true); err != nil {
			t.Errorf("checkListenAddress(%q, allowRemote) = %v", addr, err)
		}
	}
}

func noEnv(string) string { return "" }

// writeTemp writes content to a new file called name and returns its path.
func writeTemp(t *testing.T, name, content string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}
