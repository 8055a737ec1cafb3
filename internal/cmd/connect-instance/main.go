// Command connect-instance creates an Amazon Connect instance through the
// Connect API with the stock aws-sdk-go-v2 client, waits until it is ACTIVE
// and prints its ID on stdout. `make demo` uses it to give
// examples/onboarding an instance in the local emulator; region,
// credentials and endpoint come from the usual AWS_* environment
// (AWS_ENDPOINT_URL_CONNECT for the emulator).
//
//	connect-instance -alias demo-center [-timeout 2m]
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/connect"
	"github.com/aws/aws-sdk-go-v2/service/connect/types"
)

// pollInterval is how often the instance status is read while it is
// CREATION_IN_PROGRESS.
const pollInterval = 250 * time.Millisecond

func main() {
	if err := run(context.Background(), os.Args[1:], os.Stdout, os.Stderr); err != nil {
		if !errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(os.Stderr, "connect-instance:", err)
		}
		os.Exit(1)
	}
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	flags := flag.NewFlagSet("connect-instance", flag.ContinueOnError)
	flags.SetOutput(stderr)
	alias := flags.String("alias", "", "instance alias (required)")
	timeout := flags.Duration("timeout", 2*time.Minute, "how long to wait for ACTIVE")
	if err := flags.Parse(args); err != nil {
		return err
	}
	if *alias == "" {
		return errors.New("-alias is required")
	}
	cfg, err := config.LoadDefaultConfig(ctx)
	if err != nil {
		return fmt.Errorf("loading the AWS configuration: %w", err)
	}
	client := connect.NewFromConfig(cfg)

	out, err := client.CreateInstance(ctx, &connect.CreateInstanceInput{
		IdentityManagementType: types.DirectoryTypeConnectManaged,
		InstanceAlias:          aws.String(*alias),
		InboundCallsEnabled:    aws.Bool(true),
		OutboundCallsEnabled:   aws.Bool(true),
	})
	if err != nil {
		return fmt.Errorf("CreateInstance: %w", err)
	}
	id := aws.ToString(out.Id)
	fmt.Fprintf(stderr, "created instance %s (%s), waiting for ACTIVE\n", id, aws.ToString(out.Arn))

	deadline := time.Now().Add(*timeout)
	for {
		got, err := client.DescribeInstance(ctx, &connect.DescribeInstanceInput{InstanceId: out.Id})
		if err != nil {
			return fmt.Errorf("DescribeInstance %s: %w", id, err)
		}
		switch status := got.Instance.InstanceStatus; status {
		case types.InstanceStatusActive:
			fmt.Fprintln(stdout, id)
			return nil
		case types.InstanceStatusCreationFailed:
			return fmt.Errorf("instance %s ended %s", id, status)
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("instance %s is not ACTIVE after %s", id, *timeout)
		}
		time.Sleep(pollInterval)
	}
}
