package bench

import (
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"slices"
	"sync"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/connectcases"

	"github.com/connect-cases/terraform-provider-cases/internal/emulator"
)

// LoadConfig bounds one load run.
type LoadConfig struct {
	Clients  int           // concurrent clients, each with requests in series
	Duration time.Duration // measured time, after Warmup
	Warmup   time.Duration
	// MaxRequests bounds the measured requests of one client.
	MaxRequests int
}

// LoadResult is what one load run measured.
type LoadResult struct {
	Requests  int // answered with 200 in the measured time
	Errors    int // anything else
	Elapsed   time.Duration
	PerSecond float64
	P50, P99  time.Duration
}

// Target is a GetDomain endpoint under load.
type Target struct {
	Name string
	// NewRequest returns one GetDomain request, signed.
	NewRequest func(ctx context.Context) (*http.Request, error)
	Stop       func()
}

// EmulatorTarget starts the emulator on 127.0.0.1 as cases-emulator serves
// it (emulator.Start, auth "any"), creates one domain, and returns a target
// that reads it with GetDomain. Requests are raw HTTP carrying a SigV4
// header signed once with the SDK signer (the emulator's "any" mode checks
// the header's form and scope, not the signature), so that the client
// spends as little CPU as possible and the figure is the emulator's.
func EmulatorTarget(ctx context.Context) (*Target, error) {
	runtime := emulator.DefaultRuntimeConfig()
	runtime.ActivationDelay = 0
	emu, err := emulator.New(emulator.Options{Runtime: runtime})
	if err != nil {
		return nil, err
	}
	srv, err := emulator.Start(emu, "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	client := connectcases.New(connectcases.Options{
		Region:       Region,
		BaseEndpoint: aws.String(srv.URL()),
		Credentials:  credentials.NewStaticCredentialsProvider(Account, SecretKey, ""),
	})
	out, err := client.CreateDomain(ctx, &connectcases.CreateDomainInput{Name: aws.String("bench-throughput")})
	if err != nil {
		_ = srv.Close()
		return nil, fmt.Errorf("creating the domain to read: %w", err)
	}
	newRequest, err := signedGetDomain(ctx, srv.URL(), aws.ToString(out.DomainId))
	if err != nil {
		_ = srv.Close()
		return nil, err
	}
	return &Target{Name: "emulator", NewRequest: newRequest, Stop: func() { _ = srv.Close() }}, nil
}

// BaselineTarget serves the floor the emulator is compared with: a minimal
// net/http handler that reads the body and writes a GetDomain document
// encoded with encoding/json, on 127.0.0.1, reached with the same requests.
func BaselineTarget(ctx context.Context) (*Target, error) {
	type getDomainOutput struct {
		DomainID     string            `json:"domainId"`
		DomainARN    string            `json:"domainArn"`
		Name         string            `json:"name"`
		CreatedTime  string            `json:"createdTime"`
		DomainStatus string            `json:"domainStatus"`
		Tags         map[string]string `json:"tags"`
	}
	const id = "0b5bd4a6-1d5f-4a4e-9c4e-1f2a3b4c5d6e"
	created := time.Now().UTC().Format(time.RFC3339Nano)
	handler := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body)
		body, _ := json.Marshal(getDomainOutput{
			DomainID:     id,
			DomainARN:    "arn:aws:cases:" + Region + ":" + Account + ":domain/" + id,
			Name:         "bench-throughput",
			CreatedTime:  created,
			DomainStatus: "Active",
			Tags:         map[string]string{},
		})
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write(body)
	})
	url, stop, err := serve(handler)
	if err != nil {
		return nil, err
	}
	newRequest, err := signedGetDomain(ctx, url, id)
	if err != nil {
		stop()
		return nil, err
	}
	return &Target{Name: "net/http JSON handler", NewRequest: newRequest, Stop: stop}, nil
}

// signedGetDomain signs one GetDomain request with the SDK's SigV4 signer
// and returns a function that builds copies of it.
func signedGetDomain(ctx context.Context, baseURL, id string) (func(context.Context) (*http.Request, error), error) {
	url := baseURL + "/domains/" + id
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, nil)
	if err != nil {
		return nil, err
	}
	empty := sha256.Sum256(nil)
	payloadHash := hex.EncodeToString(empty[:])
	req.Header.Set("X-Amz-Content-Sha256", payloadHash)
	creds := aws.Credentials{AccessKeyID: Account, SecretAccessKey: SecretKey}
	if err := v4.NewSigner().SignHTTP(ctx, creds, req, payloadHash, "cases", Region, time.Now()); err != nil {
		return nil, err
	}
	header := req.Header.Clone()
	return func(ctx context.Context) (*http.Request, error) {
		r, err := http.NewRequestWithContext(ctx, http.MethodPost, url, nil)
		if err != nil {
			return nil, err
		}
		for k, v := range header {
			r.Header[k] = v
		}
		return r, nil
	}, nil
}

// Load runs cfg.Clients clients against target, each sending its next
// request when the previous one is answered, for cfg.Warmup and then
// cfg.Duration (or cfg.MaxRequests each), and reports throughput and
// latency of the measured part.
func Load(ctx context.Context, target *Target, cfg LoadConfig) (LoadResult, error) {
	transport := &http.Transport{
		MaxIdleConns:        cfg.Clients,
		MaxIdleConnsPerHost: cfg.Clients,
		DisableCompression:  true,
	}
	defer transport.CloseIdleConnections()
	client := &http.Client{Transport: transport, Timeout: 10 * time.Second}

	ctx, cancel := context.WithTimeout(ctx, cfg.Warmup+cfg.Duration+30*time.Second)
	defer cancel()

	measureFrom := time.Now().Add(cfg.Warmup)
	measureTo := measureFrom.Add(cfg.Duration)
	type clientResult struct {
		latencies []time.Duration
		errors    int
		err       error
	}
	results := make([]clientResult, cfg.Clients)
	var wg sync.WaitGroup
	for c := range cfg.Clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			res := &results[c]
			res.latencies = make([]time.Duration, 0, min(cfg.MaxRequests, 1<<16))
			for ctx.Err() == nil && len(res.latencies)+res.errors < cfg.MaxRequests {
				req, err := target.NewRequest(ctx)
				if err != nil {
					res.err = err
					return
				}
				start := time.Now()
				if !start.Before(measureTo) {
					return
				}
				resp, err := client.Do(req)
				ok := err == nil && resp.StatusCode == http.StatusOK
				if err == nil {
					_, _ = io.Copy(io.Discard, resp.Body)
					_ = resp.Body.Close()
				}
				if start.Before(measureFrom) {
					continue // warm-up
				}
				if ok {
					res.latencies = append(res.latencies, time.Since(start))
				} else {
					res.errors++
				}
			}
		}()
	}
	wg.Wait()
	elapsed := time.Since(measureFrom)

	var all []time.Duration
	var out LoadResult
	for _, r := range results {
		if r.err != nil {
			return LoadResult{}, r.err
		}
		all = append(all, r.latencies...)
		out.Errors += r.errors
	}
	if len(all) == 0 {
		return LoadResult{}, errors.New("no request succeeded")
	}
	slices.Sort(all)
	out.Requests = len(all)
	out.Elapsed = elapsed
	out.PerSecond = float64(out.Requests) / elapsed.Seconds()
	out.P50 = Percentile(all, 50)
	out.P99 = Percentile(all, 99)
	return out, nil
}

// MedianRound returns the round with the median throughput (the lower
// middle one for an even count), so that its latencies come with it.
func MedianRound(rounds []LoadResult) LoadResult {
	if len(rounds) == 0 {
		return LoadResult{}
	}
	s := slices.Clone(rounds)
	slices.SortFunc(s, func(a, b LoadResult) int { return cmp.Compare(a.PerSecond, b.PerSecond) })
	return s[(len(s)-1)/2]
}
