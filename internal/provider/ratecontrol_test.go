package provider

import (
	"math"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"
)

// TestNewRateBudget: unset arguments keep each operation's published rate
// and burst (the provider's bucket smaller by 0.1 s of the rate); a set one replaces it for
// every operation; requests_per_second = 0 turns rate control off.
func TestNewRateBudget(t *testing.T) {
	type figures struct {
		rate  float64
		burst float64
	}
	for _, tc := range []struct {
		name  string
		rate  types.Float64
		burst types.Int64
		want  map[string]figures // nil: off
	}{
		{name: "published", rate: types.Float64Null(), burst: types.Int64Null(), want: map[string]figures{
			"CreateField": {2, 4.8}, "GetDomain": {2, 4.8}, "BatchGetField": {8, 24.2}, "GetLayout": {6, 19.4}, "DeleteField": {2, 4.8},
		}},
		{name: "rate set", rate: types.Float64Value(20), burst: types.Int64Null(), want: map[string]figures{
			"CreateField": {20, 3}, "BatchGetField": {20, 23},
		}},
		{name: "both set", rate: types.Float64Value(1000), burst: types.Int64Value(1000), want: map[string]figures{
			"CreateField": {1000, 900}, "GetTemplate": {1000, 900},
		}},
		{name: "burst set", rate: types.Float64Null(), burst: types.Int64Value(3), want: map[string]figures{
			"CreateField": {2, 2.8}, "BatchGetField": {8, 2.2},
		}},
		{name: "off", rate: types.Float64Value(0), burst: types.Int64Value(9)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			budget, _ := newRateBudget(tc.rate, tc.burst)
			if tc.want == nil {
				if budget != nil {
					t.Fatalf("budget = %v, want nil (off)", budget)
				}
				return
			}
			for op, want := range tc.want {
				l := budget.Limiter(op)
				if got := (figures{l.Rate(), l.Burst()}); math.Abs(got.rate-want.rate) > 1e-9 || math.Abs(got.burst-want.burst) > 1e-9 {
					t.Errorf("%s: %+v, want %+v", op, got, want)
				}
			}
		})
	}
}
