package emulator_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/aws/aws-sdk-go-v2/service/connectcases"

	"github.com/connect-cases/terraform-provider-cases/internal/emulator"
)

// Benchmarks measure a round trip through the stock SDK client, signing
// included: what one provider API call costs against the emulator.

func BenchmarkGetDomain(b *testing.B) {
	_, server := startEmulator(b, emulator.Options{})
	client := defaultClient(server)
	created := createDomain(b, client, "benchmarked")
	input := &connectcases.GetDomainInput{DomainId: created.DomainId}
	ctx := context.Background()

	for b.Loop() {
		if _, err := client.GetDomain(ctx, input); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkCreateAndDeleteDomain(b *testing.B) {
	_, server := startEmulator(b, emulator.Options{})
	client := defaultClient(server)
	ctx := context.Background()

	i := 0
	for b.Loop() {
		created := createDomain(b, client, fmt.Sprintf("domain-%d", i))
		if _, err := client.DeleteDomain(ctx, &connectcases.DeleteDomainInput{DomainId: created.DomainId}); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

func BenchmarkGetDomain_sigv4(b *testing.B) {
	_, server := startEmulator(b, emulator.Options{Auth: emulator.AuthSigV4, Credentials: map[string]string{"111111111111": testSecret}})
	client := newClient(server, "111111111111", testSecret, testRegion)
	created := createDomain(b, client, "benchmarked")
	input := &connectcases.GetDomainInput{DomainId: created.DomainId}
	ctx := context.Background()

	for b.Loop() {
		if _, err := client.GetDomain(ctx, input); err != nil {
			b.Fatal(err)
		}
	}
}
