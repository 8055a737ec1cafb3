package emulator_test

import (
	"bytes"
	"encoding/json"
	"net/http"
	"path/filepath"
	"testing"
	"time"

	"github.com/connect-cases/terraform-provider-cases/internal/emulator"
)

func controlRequest(t *testing.T, server *emulator.Server, method, path, body string) rawResponse {
	t.Helper()
	req, err := http.NewRequest(method, server.URL()+"/_emulator/"+path, bytes.NewReader([]byte(body)))
	if err != nil {
		t.Fatal(err)
	}
	return do(t, req)
}

func TestControl_health(t *testing.T) {
	_, server := startEmulator(t, emulator.Options{})
	resp := controlRequest(t, server, http.MethodGet, "health", "")
	if resp.status != http.StatusOK || string(resp.body) != `{"status":"ok"}` {
		t.Errorf("health = %d %s", resp.status, resp.body)
	}
	controlRequest(t, server, http.MethodPost, "health", "").
		requireWireError(t, http.StatusMethodNotAllowed, emulator.CodeUnknownOperation)
	controlRequest(t, server, http.MethodGet, "nothing", "").
		requireWireError(t, http.StatusNotFound, emulator.CodeUnknownOperation)
}

func TestControl_config(t *testing.T) {
	_, server := startEmulator(t, emulator.Options{})

	resp := controlRequest(t, server, http.MethodGet, "config", "")
	want := `{"activationDelay":"1s","instanceActivationDelay":"1s","failCreationNamePattern":"","quotas":{"domainsPerAccountRegion":5,"fieldsPerDomain":500,"layoutsPerDomain":100,"templatesPerDomain":100,"optionsPerField":500,"fieldsPerLayout":440,"relatedItemsPerCase":200,"filesPerCase":50,"slasPerCase":10,"fieldsPerRelatedItem":50,"instancesPerAccountRegion":2}}`
	if resp.status != http.StatusOK || string(resp.body) != want {
		t.Errorf("GET config = %d %s\nwant %s", resp.status, resp.body, want)
	}

	// PUT merges: members left out keep their value.
	config := putConfig(t, server, `{"activationDelay":"1.5s","quotas":{"layoutsPerDomain":7}}`)
	wantConfig := emulator.DefaultRuntimeConfig()
	wantConfig.ActivationDelay = emulator.Duration(1500 * time.Millisecond)
	wantConfig.Quotas.LayoutsPerDomain = 7
	if config != wantConfig {
		t.Errorf("config after PUT = %+v, want %+v", config, wantConfig)
	}
	config = putConfig(t, server, `{"failCreationNamePattern":"^x"}`)
	wantConfig.FailCreationNamePattern = "^x"
	if config != wantConfig {
		t.Errorf("config after second PUT = %+v, want %+v", config, wantConfig)
	}

	for _, bad := range []string{
		`{"failCreationNamePattern":"("}`,
		`{"activationDelay":"soon"}`,
		`{"activationDelay":"-1s"}`,
		`{"quotas":{"domainsPerAccountRegion":-1}}`,
		`{"activationDelayz":"1s"}`,
		`not json`,
	} {
		controlRequest(t, server, http.MethodPut, "config", bad).
			requireWireError(t, http.StatusBadRequest, emulator.CodeValidation)
	}
	resp = controlRequest(t, server, http.MethodGet, "config", "")
	var after emulator.RuntimeConfig
	if err := json.Unmarshal(resp.body, &after); err != nil || after != wantConfig {
		t.Errorf("rejected PUTs changed the config to %s", resp.body)
	}
}

func TestControl_stateAndReset(t *testing.T) {
	e, server := startEmulator(t, emulator.Options{})
	createDomain(t, newClient(server, "111111111111", testSecret, "eu-west-2"), "first")
	createDomain(t, defaultClient(server), "second")
	putConfig(t, server, `{"quotas":{"domainsPerAccountRegion":9}}`)

	resp := controlRequest(t, server, http.MethodGet, "state", "")
	var state emulator.StateSnapshot
	if err := json.Unmarshal(resp.body, &state); err != nil {
		t.Fatalf("state %s: %v", resp.body, err)
	}
	if len(state.Tenants) != 2 ||
		state.Tenants[0].Account != "111111111111" || state.Tenants[0].Region != "eu-west-2" || state.Tenants[0].Domains[0].Name != "first" ||
		state.Tenants[1].Account != emulator.DefaultAccount || state.Tenants[1].Domains[0].Name != "second" {
		t.Errorf("state = %s", resp.body)
	}
	if d := state.Tenants[1].Domains[0]; d.DomainStatus != "CreationInProgress" || d.CreatedTime.IsZero() || d.Tags == nil {
		t.Errorf("domain in state = %+v", d)
	}

	resp = controlRequest(t, server, http.MethodPost, "reset", "")
	if resp.status != http.StatusOK {
		t.Fatalf("reset = %d %s", resp.status, resp.body)
	}
	if got := e.State(); len(got.Tenants) != 0 {
		t.Errorf("state after reset = %+v, want empty", got)
	}
	if got := e.RuntimeConfig(); got != emulator.DefaultRuntimeConfig() {
		t.Errorf("config after reset = %+v, want the startup config", got)
	}
	resp = controlRequest(t, server, http.MethodGet, "state", "")
	if string(resp.body) != `{"tenants":[]}` {
		t.Errorf("state after reset = %s", resp.body)
	}
}

func TestNew_rejectsBadOptions(t *testing.T) {
	for name, opts := range map[string]emulator.Options{
		"unknown auth mode":                 {Auth: "none"},
		"sigv4 without credentials":         {Auth: emulator.AuthSigV4},
		"invalid fail pattern":              {Runtime: emulator.RuntimeConfig{FailCreationNamePattern: "("}},
		"negative activation delay":         {Runtime: emulator.RuntimeConfig{ActivationDelay: -1}},
		"state file in a missing directory": {StateFile: filepath.Join(t.TempDir(), "missing", "state.json")},
	} {
		if _, err := emulator.New(opts); err == nil {
			t.Errorf("%s: New succeeded", name)
		}
	}
}

func TestSetRuntimeConfig_zeroQuotasMeanDefaults(t *testing.T) {
	e, err := emulator.New(emulator.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := e.SetRuntimeConfig(emulator.RuntimeConfig{ActivationDelay: emulator.Duration(time.Second), InstanceActivationDelay: emulator.Duration(time.Second)}); err != nil {
		t.Fatal(err)
	}
	if got := e.RuntimeConfig(); got != emulator.DefaultRuntimeConfig() {
		t.Errorf("config = %+v, want the defaults", got)
	}
	if err := e.SetRuntimeConfig(emulator.RuntimeConfig{FailCreationNamePattern: "["}); err == nil {
		t.Error("SetRuntimeConfig accepted an invalid pattern")
	}
}
