package emulator_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/connectcases"

	"github.com/connect-cases/terraform-provider-cases/internal/emulator"
)

// TestPersist_restartKeepsState: what an emulator acknowledged is there
// when another emulator starts on the same file, including deletes and tags.
func TestPersist_restartKeepsState(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	e1, server1 := startEmulator(t, emulator.Options{StateFile: path})
	client := defaultClient(server1)
	kept := createDomain(t, client, "kept")
	gone := createDomain(t, client, "gone")
	if _, err := client.DeleteDomain(context.Background(), &connectcases.DeleteDomainInput{DomainId: gone.DomainId}); err != nil {
		t.Fatal(err)
	}
	if _, err := client.TagResource(context.Background(), &connectcases.TagResourceInput{
		Arn: kept.DomainArn, Tags: map[string]*string{"env": aws.String("prod")},
	}); err != nil {
		t.Fatal(err)
	}
	before := e1.State()

	// No Close: the file must already hold everything acknowledged.
	e2, err := emulator.New(emulator.Options{StateFile: path})
	if err != nil {
		t.Fatalf("restart on the state file: %v", err)
	}
	after := e2.State()
	if len(after.Tenants) != 1 || len(after.Tenants[0].Domains) != 1 {
		t.Fatalf("state after restart = %+v, want the one kept domain", after)
	}
	got, want := after.Tenants[0].Domains[0], before.Tenants[0].Domains[0]
	if got.DomainID != want.DomainID || got.Name != "kept" || got.Tags["env"] != "prod" || !got.CreatedTime.Equal(want.CreatedTime) {
		t.Errorf("domain after restart = %+v, want %+v", got, want)
	}
}

// TestPersist_damagedFileIsAStartUpError: a state file that cannot be read
// whole stops the emulator with an error naming the file, and the file is
// left as it was, never replaced by an empty store.
func TestPersist_damagedFileIsAStartUpError(t *testing.T) {
	for _, tc := range []struct{ name, content, message string }{
		{"empty", "", "invalid JSON"},
		{"truncated", `{"format":"cases-emulator-state","version":1,"tenants":{"123`, "invalid JSON"},
		{"not JSON", "hello", "invalid JSON"},
		{"another format", `{"format":"terraform","version":4}`, `format is "terraform"`},
		{"newer version", `{"format":"cases-emulator-state","version":2,"tenants":{}}`, "version 2 is not supported"},
		{"trailing data", `{"format":"cases-emulator-state","version":1,"tenants":{}} x`, "unexpected data"},
		{"damaged tenant", `{"format":"cases-emulator-state","version":1,"tenants":{"a/b":{"account":"c","region":"d"}}}`, "is damaged"},
		{"damaged domain", `{"format":"cases-emulator-state","version":1,"tenants":{"123456789012/us-west-2":{"account":"123456789012","region":"us-west-2","domains":{"x":{"id":"y"}}}}}`, "is damaged"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "state.json")
			if err := os.WriteFile(path, []byte(tc.content), 0o600); err != nil {
				t.Fatal(err)
			}
			_, err := emulator.New(emulator.Options{StateFile: path})
			if err == nil {
				t.Fatal("New started over a damaged state file")
			}
			for _, want := range []string{path, tc.message, "does not start over it with empty state"} {
				if !strings.Contains(err.Error(), want) {
					t.Errorf("error %q does not mention %q", err, want)
				}
			}
			if data, _ := os.ReadFile(path); string(data) != tc.content {
				t.Errorf("the damaged file was rewritten: %q", data)
			}
		})
	}

	t.Run("unreadable", func(t *testing.T) {
		// A directory where the file should be cannot be read as a file.
		path := t.TempDir()
		_, err := emulator.New(emulator.Options{StateFile: path})
		if err == nil || !strings.Contains(err.Error(), "reading state file "+path) {
			t.Errorf("New over a directory = %v, want a read error naming it", err)
		}
	})

	t.Run("unwritable directory", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "missing-dir", "state.json")
		if _, err := emulator.New(emulator.Options{StateFile: path}); err == nil {
			t.Error("New with a state file it cannot write started anyway")
		}
	})
}

// TestPersist_missingFileStartsEmpty: the first start creates the file.
func TestPersist_missingFileStartsEmpty(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	e, err := emulator.New(emulator.Options{StateFile: path})
	if err != nil {
		t.Fatal(err)
	}
	if len(e.State().Tenants) != 0 {
		t.Errorf("state = %+v, want empty", e.State())
	}
	if _, err := os.Stat(path); err != nil {
		t.Errorf("the state file was not created at start: %v", err)
	}
}

// TestPersist_resetIsSaved: POST /_emulator/reset empties the file too.
func TestPersist_resetIsSaved(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	e, server := startEmulator(t, emulator.Options{StateFile: path})
	createDomain(t, defaultClient(server), "before-reset")
	e.Reset()
	again, err := emulator.New(emulator.Options{StateFile: path})
	if err != nil {
		t.Fatal(err)
	}
	if len(again.State().Tenants) != 0 {
		t.Errorf("state after reset and restart = %+v, want empty", again.State())
	}
}

// TestPersist_commitThenFailIsDurable: a change whose answer a fault
// replaced was still made, so it must be on disk too.
func TestPersist_commitThenFailIsDurable(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	e, server := startEmulator(t, emulator.Options{StateFile: path})
	setFaults(t, e, emulator.FaultConfig{Rules: []emulator.FaultRule{{
		Operations: []string{"CreateDomain"}, Probability: 1, Action: emulator.FaultCommitThenFail,
	}}})
	_, err := defaultClient(server).CreateDomain(context.Background(), &connectcases.CreateDomainInput{Name: aws.String("unacknowledged")})
	if err == nil {
		t.Fatal("commit-then-fail answered success")
	}
	again, err := emulator.New(emulator.Options{StateFile: path})
	if err != nil {
		t.Fatal(err)
	}
	if got := again.Domains(emulator.DefaultAccount, testRegion); len(got) != 1 {
		t.Errorf("domains after restart = %+v, want the committed one", got)
	}
}
