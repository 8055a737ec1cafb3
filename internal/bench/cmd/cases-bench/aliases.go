package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/connectcases"

	"github.com/connect-cases/terraform-provider-cases/internal/bench"
	"github.com/connect-cases/terraform-provider-cases/internal/emulator"
)

// Many provider configurations: one aliased provider block per Region, a
// few domains each. Terraform starts a provider process per configuration,
// so this plan weighs start-up far more than the 100-domain plan does.
const (
	aliasConfigs    = 20
	aliasPerConfig  = 5
	aliasMaxRatio   = 1.15
	aliasNamePrefix = "bench-alias-"
)

func measureAliases(ctx context.Context, o options, tf *bench.Terraform, overrides map[string]string, providerBin, fixtureBin string) ([]bench.Row, error) {
	runtimeCfg := emulator.DefaultRuntimeConfig()
	runtimeCfg.ActivationDelay = 0
	emu, err := emulator.New(emulator.Options{Runtime: runtimeCfg})
	if err != nil {
		return nil, err
	}
	srv, err := emulator.Start(emu, "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	defer srv.Close()

	regions := bench.AliasRegions[:aliasConfigs]
	logf("many configurations: %d Regions x %d domains, created and imported", len(regions), aliasPerConfig)
	ids := map[string][]string{}
	for _, region := range regions {
		client := connectcases.New(connectcases.Options{
			Region:       region,
			BaseEndpoint: aws.String(srv.URL()),
			Credentials:  credentials.NewStaticCredentialsProvider(bench.Account, bench.SecretKey, ""),
		})
		for i := range aliasPerConfig {
			out, err := client.CreateDomain(ctx, &connectcases.CreateDomainInput{Name: aws.String(fmt.Sprintf("%s%d", aliasNamePrefix, i))})
			if err != nil {
				return nil, fmt.Errorf("creating a domain in %s: %w", region, err)
			}
			ids[region] = append(ids[region], aws.ToString(out.DomainId))
		}
	}
	cases, err := bench.SetupCasesAliasesWorkspace(ctx, tf, filepath.Join(o.work, "aliases-cases"), srv.URL(), aliasNamePrefix, regions, ids)
	if err != nil {
		return nil, err
	}
	fixture, err := bench.SetupFixtureAliasesWorkspace(ctx, tf, filepath.Join(o.work, "aliases-fixture"), bench.FixtureItem, regions, aliasPerConfig)
	if err != nil {
		return nil, err
	}
	shaped, err := bench.SetupFixtureAliasesWorkspace(ctx, tf, filepath.Join(o.work, "aliases-fixture-domain"), bench.FixtureDomain, regions, aliasPerConfig)
	if err != nil {
		return nil, err
	}
	// SDK logs off, as the cases provider has them: like for like.
	shaped.Env = bench.QuietSDKLogs
	logf("many configurations: %d rounds of 3 plans", o.planRuns)
	times, err := bench.TimePlans(ctx, tf, []*bench.Workspace{cases, fixture, shaped}, o.planRuns)
	if err != nil {
		return nil, err
	}
	tc, tfx, tq := times[0], times[1], times[2]
	ratio := bench.MedianRatio(tc, tfx)

	if o.profileDir != "" {
		prefix := filepath.Join(o.profileDir, "aliases.provider.cpu.pprof")
		logf("profiling the provider processes of one more plan: %s.<pid>", prefix)
		if _, err := tf.Plan(ctx, cases.Dir, []string{"CASES_PROVIDER_CPUPROFILE=" + prefix}); err != nil {
			return nil, err
		}
	}

	logf("many configurations: one plan each with the provider processes wrapped")
	self, err := os.Executable()
	if err != nil {
		return nil, err
	}
	startCases, err := bench.MeasureStartup(ctx, tf, cases, o.work, self, bench.CasesAddress, providerBin, overrides)
	if err != nil {
		return nil, fmt.Errorf("start-up of the cases provider: %w", err)
	}
	startFixture, err := bench.MeasureStartup(ctx, tf, fixture, o.work, self, bench.FixtureAddress, fixtureBin, overrides)
	if err != nil {
		return nil, fmt.Errorf("start-up of the fixture: %w", err)
	}
	shape := fmt.Sprintf("%d provider configurations (aliases over Regions) x %d", len(regions), aliasPerConfig)
	return []bench.Row{
		{
			Figure:   fmt.Sprintf("terraform plan, %s cases_domain", shape),
			Value:    "median " + bench.Seconds(bench.Median(tc)),
			Baseline: fmt.Sprintf("%s %s: median %s", shape, bench.FixtureItem, bench.Seconds(bench.Median(tfx))),
			Ratio:    fmt.Sprintf("%.2f", ratio),
			Goal:     fmt.Sprintf("<= %.2f", aliasMaxRatio),
			Status:   bench.Check(ratio <= aliasMaxRatio),
			Inputs: fmt.Sprintf("terraform plan (refresh), parallelism 10, no changes; %d rounds, ratio = median of the per-round ratios; provider rate control at its defaults; cases %s; fixture %s",
				o.planRuns, durations(tc), durations(tfx)),
		},
		{
			Figure:   fmt.Sprintf("plan, %s: the cases provider's own work (cases_domain vs %s, SDK logs off in both)", shape, bench.FixtureDomain),
			Value:    "median " + bench.Seconds(bench.Median(tc)),
			Baseline: "median " + bench.Seconds(bench.Median(tq)),
			Ratio:    fmt.Sprintf("%.2f", bench.MedianRatio(tc, tq)),
			Status:   bench.Info,
			Inputs:   "same schema, same logging, same provider blocks: the rest is start-up, Configure and 5 GetDomain calls per configuration; fixture runs " + durations(tq),
		},
		startupRow(fmt.Sprintf("provider start-up, %s-domain plan", shape), startCases, startFixture),
	}, nil
}
