package bench

import (
	"testing"
	"time"

	"github.com/connect-cases/terraform-provider-cases/internal/apimodel"
)

func TestRateFloor(t *testing.T) {
	for _, tc := range []struct {
		name     string
		admitted map[string]int64
		want     time.Duration
		by       string
	}{
		{name: "nothing", want: 0},
		{name: "within the burst", admitted: map[string]int64{"CreateField": 5, "BatchGetField": 25}, want: 0},
		// 100 CreateField: (100-5)/2; 100 BatchGetField: (100-25)/8.
		{name: "slowest bucket wins", admitted: map[string]int64{"CreateField": 100, "BatchGetField": 100, "GetDomain": 3},
			want: 47500 * time.Millisecond, by: "CreateField"},
		{name: "batch get alone", admitted: map[string]int64{"BatchGetField": 105, "GetLayout": 2},
			want: 10 * time.Second, by: "BatchGetField"},
		// DeleteField is not in the table: 2/s, burst 5.
		{name: "unlisted operation", admitted: map[string]int64{"DeleteField": 101}, want: 48 * time.Second, by: "DeleteField"},
	} {
		got, by := RateFloor(tc.admitted, apimodel.CasesThrottlingQuota)
		if got != tc.want || by != tc.by {
			t.Errorf("%s: RateFloor = %v (%q), want %v (%q)", tc.name, got, by, tc.want, tc.by)
		}
	}
}
