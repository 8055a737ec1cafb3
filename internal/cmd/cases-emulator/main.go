// Command cases-emulator serves a local Amazon Connect Cases API for
// Terraform acceptance tests and for anyone testing Cases configuration
// without an AWS account. Point the AWS SDK or the provider at the URL it
// prints (endpoints { connectcases = "..." } or AWS_ENDPOINT_URL_CONNECTCASES).
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"os/signal"
	"syscall"

	"github.com/connect-cases/terraform-provider-cases/internal/emulator"
)

// credentialsEnv supplies -credentials when the flag is not given, so that
// secrets need not appear in the process list.
const credentialsEnv = "CASES_EMULATOR_CREDENTIALS"

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	err := run(ctx, os.Args[1:], os.Getenv, os.Stdout, os.Stderr)
	switch {
	case err == nil, errors.Is(err, flag.ErrHelp):
	case errors.Is(err, errUsage):
		os.Exit(2)
	default:
		fmt.Fprintln(os.Stderr, "cases-emulator:", err)
		os.Exit(1)
	}
}

// errUsage marks a command line the flag package has already reported.
var errUsage = errors.New("usage")

// run parses args, serves until ctx ends (SIGINT or SIGTERM), then shuts
// down gracefully. The first line on stdout is the URL line.
func run(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	flags := flag.NewFlagSet("cases-emulator", flag.ContinueOnError)
	flags.SetOutput(stderr)
	listen := flags.String("listen", "127.0.0.1:4590", "`address` to listen on; port 0 picks a free port")
	allowRemote := flags.Bool("allow-remote", false, "allow a -listen address other than loopback")
	activationDelay := flags.Duration("activation-delay", emulator.DefaultActivationDelay, "how long a new domain stays CreationInProgress")
	failPattern := flags.String("fail-creation-name-pattern", "", "RE2 `pattern`: domains whose name matches end CreationFailed")
	domainQuota := flags.Int("domain-quota", emulator.DefaultDomainsPerAccountRegion, "domains per account and region")
	stateFile := flags.String("state-file", "", "`path` to persist state in: loaded at start, every change written before it is answered")
	faultsFile := flags.String("faults", "", "`file` of fault injection rules (JSON, as PUT /_emulator/faults takes)")
	auth := flags.String("auth", emulator.AuthAny, "any: require a well-formed SigV4 header, accept any key; sigv4: verify signatures against -credentials")
	credentials := flags.String("credentials", "", "KEY:SECRET[,KEY:SECRET...] for -auth sigv4 (default $"+credentialsEnv+")")
	rateLimits := flags.String("rate-limits", emulator.RateLimitProfileOff, "throttle by rate: off, service-defaults (the published Cases API rates), or a JSON `file` as PUT /_emulator/config takes for rateLimits")
	logLevel := flags.String("log-level", "info", "debug, info, warn or error")
	if err := flags.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return errUsage
	}
	if flags.NArg() > 0 {
		fmt.Fprintf(stderr, "cases-emulator takes no arguments, got %q\n", flags.Args())
		flags.Usage()
		return errUsage
	}

	if err := checkListenAddress(*listen, *allowRemote); err != nil {
		return err
	}
	var level slog.Level
	if err := level.UnmarshalText([]byte(*logLevel)); err != nil {
		return fmt.Errorf("-log-level %q is not one of debug, info, warn, error", *logLevel)
	}
	if *domainQuota < 1 {
		return fmt.Errorf("-domain-quota must be at least 1, got %d", *domainQuota)
	}
	credentialList := *credentials
	if credentialList == "" {
		credentialList = getenv(credentialsEnv)
	}
	credentialMap, err := emulator.ParseCredentials(credentialList)
	if err != nil {
		return fmt.Errorf("-credentials: %w", err)
	}

	var faults emulator.FaultConfig
	if *faultsFile != "" {
		data, err := os.ReadFile(*faultsFile)
		if err != nil {
			return fmt.Errorf("-faults: %w", err)
		}
		if faults, err = emulator.ParseFaultConfig(data); err != nil {
			return fmt.Errorf("-faults %s: %w", *faultsFile, err)
		}
	}

	limits, err := loadRateLimits(*rateLimits)
	if err != nil {
		return fmt.Errorf("-rate-limits: %w", err)
	}

	runtime := emulator.DefaultRuntimeConfig()
	runtime.RateLimits = limits
	runtime.ActivationDelay = emulator.Duration(*activationDelay)
	runtime.FailCreationNamePattern = *failPattern
	runtime.Quotas.DomainsPerAccountRegion = *domainQuota
	logger := slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: level}))

	e, err := emulator.New(emulator.Options{
		Runtime:     runtime,
		Auth:        *auth,
		Credentials: credentialMap,
		StateFile:   *stateFile,
		Logger:      logger,
	})
	if err != nil {
		return err
	}
	if err := e.SetFaults(faults); err != nil {
		return fmt.Errorf("-faults %s: %w", *faultsFile, err)
	}
	server, err := emulator.Start(e, *listen)
	if err != nil {
		return err
	}
	if _, err := fmt.Fprintf(stdout, "cases-emulator listening on %s\n", server.URL()); err != nil {
		_ = server.Close()
		return err
	}
	logger.Info("serving", "url", server.URL(), "auth", *auth, "activationDelay", activationDelay.String(),
		"stateFile", *stateFile, "faultRules", len(faults.Rules), "rateLimits", *rateLimits)

	select {
	case <-ctx.Done():
		logger.Info("shutting down")
		return server.Close()
	case <-server.Done():
		return fmt.Errorf("serving: %w", server.Err())
	}
}

// checkListenAddress refuses addresses other machines can reach unless the
// user opted in: the emulator has no TLS and, by default, accepts any
// credentials.
func checkListenAddress(addr string, allowRemote bool) error {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("-listen %q is not HOST:PORT: %w", addr, err)
	}
	if allowRemote || host == "localhost" {
		return nil
	}
	if ip := net.ParseIP(host); ip != nil && ip.IsLoopback() {
		return nil
	}
	return fmt.Errorf("-listen %q is not a loopback address; the emulator has no TLS and accepts any credentials by default, so pass -allow-remote to listen there anyway", addr)
}

// loadRateLimits reads -rate-limits: a profile name, or a JSON file.
func loadRateLimits(value string) (*emulator.RateLimits, error) {
	if limits, ok := emulator.RateLimitProfile(value); ok {
		return limits, nil
	}
	data, err := os.ReadFile(value)
	if err != nil {
		return nil, fmt.Errorf("%q is neither %q, %q nor a readable file: %w", value,
			emulator.RateLimitProfileOff, emulator.RateLimitProfileServiceDefaults, err)
	}
	limits, err := emulator.ParseRateLimits(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", value, err)
	}
	return limits, nil
}
