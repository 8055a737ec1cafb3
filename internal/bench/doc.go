// Package bench measures what users of the provider feel (how long a create
// waits after the domain is Active, how many status reads it spends, how a
// plan's time grows with resources, how fast the emulator answers) and
// prints it as one table: `make bench` runs it through
// internal/bench/cmd/cases-bench. docs/benchmarks.md records a run.
//
// Benchmarks measure speed; the behavior they rely on is asserted by the
// tests of the packages measured. Every server here listens on 127.0.0.1 and
// every load loop is bounded in count and in time.
package bench
