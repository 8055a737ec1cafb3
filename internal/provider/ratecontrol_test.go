package provider

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"
)

// TestNewRateBudget: unset arguments keep each operation's published rate
// and burst (the provider's bucket one smaller); a set one replaces it for
// every operation; requests_per_second = 0 turns rate control off.
func TestNewRateBudget(t *testing.T) {
	type figures struct {
		rate  float64
		burst int
	}
	for _, tc := range []struct {
		name  string
		rate  types.Float64
		burst types.Int64
		want  map[string]figures // nil: off
	}{
		{name: "published", rate: types.Float64Null(), burst: types.Int64Null(), want: map[string]figures{
			"CreateField": {2, 4}, "GetDomain": {2, 4}, "BatchGetField": {8, 24}, "GetLayout": {6, 19}, "DeleteField": {2, 4},
		}},
		{name: "rate set", rate: types.Float64Value(20), burst: types.Int64Null(), want: map[string]figures{
			"CreateField": {20, 4}, "BatchGetField": {20, 24},
		}},
		{name: "both set", rate: types.Float64Value(1000), burst: types.Int64Value(1000), want: map[string]figures{
			"CreateField": {1000, 999}, "GetTemplate": {1000, 999},
		}},
		{name: "burst set", rate: types.Float64Null(), burst: types.Int64Value(3), want: map[string]figures{
			"CreateField": {2, 2}, "BatchGetField": {8, 2},
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
				if got := (figures{l.Rate(), l.Burst()}); got != want {
					t.Errorf("%s: %+v, want %+v", op, got, want)
				}
			}
		})
	}
}
