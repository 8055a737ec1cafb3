package apimodel

import "testing"

// Every operation the throttling table names is an operation of the model,
// named as the model names it, and in one row only.
func TestCasesThrottlingQuotasNameModelOperations(t *testing.T) {
	seen := map[string]string{}
	for _, row := range CasesThrottlingQuotas() {
		if !(row.Rate > 0) || row.Burst < 1 {
			t.Errorf("row %s: rate %v burst %d", row.Name, row.Rate, row.Burst)
		}
		for _, op := range row.Operations {
			if _, ok := Cases().Operations[op]; !ok {
				t.Errorf("row %s: %s is not a Cases operation", row.Name, op)
			}
			if prev, dup := seen[op]; dup {
				t.Errorf("%s is in rows %s and %s", op, prev, row.Name)
			}
			seen[op] = row.Name
		}
	}
}

func TestCasesThrottlingQuota(t *testing.T) {
	for op, want := range map[string]RateQuota{
		"CreateField":   {Rate: 2, Burst: 5},
		"BatchGetField": {Rate: 8, Burst: 25},
		"GetTemplate":   {Rate: 6, Burst: 20},
		"DeleteField":   CasesOtherOperationsQuota,
	} {
		if got := CasesThrottlingQuota(op); got != want {
			t.Errorf("CasesThrottlingQuota(%s) = %+v, want %+v", op, got, want)
		}
	}
}
