package poll

import (
	"context"
	"sync"
	"testing"
	"time"
)

// newTestPacer has a frozen clock, so that slots are checked without sleeping.
func newTestPacer(spacing time.Duration) (*Pacer, *time.Time) {
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	p := NewPacer(spacing)
	p.now = func() time.Time { return now }
	return p, &now
}

func TestPacerSpacesSlots(t *testing.T) {
	p, _ := newTestPacer(DefaultMinSpacing)
	var slots []time.Time
	for range 5 {
		slot, _ := p.reserve()
		slots = append(slots, slot)
	}
	for i := 1; i < len(slots); i++ {
		if gap := slots[i].Sub(slots[i-1]); gap < DefaultMinSpacing {
			t.Fatalf("slots %d and %d are %s apart, want at least %s", i-1, i, gap, DefaultMinSpacing)
		}
	}
	// No one-second window holds more than two slots.
	for i := 2; i < len(slots); i++ {
		if slots[i].Sub(slots[i-2]) <= time.Second {
			t.Fatalf("three reads within one second: %v", slots[i-2:i+1])
		}
	}
}

func TestPacerBacksOffAndRecovers(t *testing.T) {
	p := NewPacer(DefaultMinSpacing)
	p.Throttled()
	p.Throttled()
	if got := p.Spacing(); got != 4*DefaultMinSpacing {
		t.Fatalf("spacing after two throttles = %s, want %s", got, 4*DefaultMinSpacing)
	}
	for range 100 {
		p.Throttled()
	}
	if got := p.Spacing(); got != maxSpacing {
		t.Fatalf("spacing = %s, want the cap %s", got, maxSpacing)
	}
	for range 200 {
		p.Succeeded()
	}
	if got := p.Spacing(); got != DefaultMinSpacing {
		t.Fatalf("spacing after recovery = %s, want %s", got, DefaultMinSpacing)
	}
}

func TestPacerWaitHonoursContext(t *testing.T) {
	p := NewPacer(time.Hour)
	if err := p.Wait(context.Background()); err != nil {
		t.Fatalf("first slot: %v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	var err error
	wg.Add(1)
	go func() {
		defer wg.Done()
		err = p.Wait(ctx)
	}()
	cancel()
	wg.Wait()
	if err == nil {
		t.Fatal("Wait returned nil after its context was canceled")
	}
}

func TestNilPacerIsNoOp(t *testing.T) {
	var p *Pacer
	if err := p.Wait(context.Background()); err != nil {
		t.Fatal(err)
	}
	p.Throttled()
	p.Succeeded()
}
