// Command terraform-provider-cases serves the Amazon Connect Cases provider
// to Terraform over the plugin protocol.
package main

import (
	"context"
	"flag"
	"fmt"
	"log"
	"os"
	"runtime/pprof"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"

	"github.com/connect-cases/terraform-provider-cases/internal/provider"
)

// version and commit are set by goreleaser through -ldflags.
var (
	version = "dev"
	commit  = "none"
)

// cpuProfileEnv names a file prefix: when set, each provider process writes
// a CPU profile of its whole life to PREFIX.<pid> (terraform starts the
// provider more than once per command). docs/benchmarks.md shows its use.
const cpuProfileEnv = "CASES_PROVIDER_CPUPROFILE"

func main() {
	var debug bool
	flag.BoolVar(&debug, "debug", false, "start the provider for a debugger (prints TF_REATTACH_PROVIDERS)")
	flag.Parse()

	for name, value := range quietLogSettings(os.Environ()) {
		_ = os.Setenv(name, value)
	}
	stopProfile := startCPUProfile(os.Getenv(cpuProfileEnv))
	err := providerserver.Serve(context.Background(), provider.New(version, commit), providerserver.ServeOpts{
		Address: provider.RegistryAddress,
		Debug:   debug,
	})
	stopProfile()
	if err != nil {
		log.Fatal(err)
	}
}

// quietLogSettings returns the log levels to set when nobody will read the
// provider's logs.
//
// terraform-plugin-go and the framework log at TRACE by default and write
// every line as JSON to stderr, where Terraform drops it unless TF_LOG (or
// TF_LOG_PROVIDER...) asks for provider logs. Formatting those lines was
// the largest single cost of the provider in a 100-resource plan (about a
// third of its CPU; see docs/benchmarks.md). The provider inherits
// Terraform's environment, so with no TF_LOG* variable set nothing reads
// the lines and the loggers can be turned off; with any of them set,
// everything stays as the SDKs default it to. Panics bypass the loggers and
// still reach Terraform.
func quietLogSettings(environ []string) map[string]string {
	for _, kv := range environ {
		if strings.HasPrefix(kv, "TF_LOG") {
			return nil
		}
	}
	return map[string]string{
		"TF_LOG_SDK":            "off", // terraform-plugin-go
		"TF_LOG_SDK_PROTO":      "off", // terraform-plugin-go, per RPC
		"TF_LOG_SDK_FRAMEWORK":  "off", // terraform-plugin-framework
		"TF_LOG_PROVIDER_CASES": "off", // tflog calls of this provider
	}
}

// startCPUProfile starts a CPU profile into prefix.<pid> and returns what
// stops it; with an empty prefix it does nothing.
func startCPUProfile(prefix string) (stop func()) {
	if prefix == "" {
		return func() {}
	}
	f, err := os.Create(fmt.Sprintf("%s.%d", prefix, os.Getpid()))
	if err == nil {
		err = pprof.StartCPUProfile(f)
	}
	if err != nil {
		// stderr reaches terraform's log; the provider still serves.
		log.Printf("[WARN] %s: not profiling: %v", cpuProfileEnv, err)
		if f != nil {
			_ = f.Close()
		}
		return func() {}
	}
	return func() {
		pprof.StopCPUProfile()
		_ = f.Close()
	}
}
