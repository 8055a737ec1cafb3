package poll

import (
	"testing"
	"time"
)

func TestDelayRampsToSteadyInterval(t *testing.T) {
	prev := time.Duration(0)
	for attempt := range 20 {
		d := Delay(attempt, 0)
		if d < prev {
			t.Fatalf("Delay(%d) = %s shrinks from %s", attempt, d, prev)
		}
		if d > SteadyInterval {
			t.Fatalf("Delay(%d) = %s exceeds the steady interval %s", attempt, d, SteadyInterval)
		}
		prev = d
	}
	if got := Delay(0, 0); got != FirstDelay {
		t.Errorf("first delay = %s, want %s", got, FirstDelay)
	}
	if got := Delay(100, 0); got != SteadyInterval {
		t.Errorf("late delay = %s, want %s", got, SteadyInterval)
	}
}

// After the first read, the schedule never asks for a read sooner than the
// pacer would grant one, so one waiter alone is never held back by it.
func TestDelayRespectsPacerSpacing(t *testing.T) {
	for attempt := 1; attempt < 20; attempt++ {
		if d := Delay(attempt, 0); d < DefaultMinSpacing {
			t.Errorf("Delay(%d) = %s, shorter than the pacer's %s", attempt, d, DefaultMinSpacing)
		}
	}
}

func TestDelayBacksOffOnThrottling(t *testing.T) {
	for attempt := range 12 {
		base := Delay(attempt, 0)
		if got := Delay(attempt, 1); got != min(2*base, MaxThrottledInterval) {
			t.Errorf("Delay(%d, 1) = %s, want double of %s", attempt, got, base)
		}
		if got := Delay(attempt, 40); got != MaxThrottledInterval {
			t.Errorf("Delay(%d, 40) = %s, want the cap %s", attempt, got, MaxThrottledInterval)
		}
	}
}
