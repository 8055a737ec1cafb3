package apimodel

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"
)

// TestDocumentedLimits checks the limits of documented.go against the
// documentation in the vendored model.
func TestDocumentedLimits(t *testing.T) {
	raw, err := os.ReadFile("models/connectcases-2022-10-03.json")
	if err != nil {
		t.Fatal(err)
	}
	var model struct {
		Shapes map[string]struct {
			Members map[string]struct {
				Traits map[string]json.RawMessage `json:"traits"`
			} `json:"members"`
		} `json:"shapes"`
	}
	if err := json.Unmarshal(raw, &model); err != nil {
		t.Fatal(err)
	}
	var doc string
	if err := json.Unmarshal(model.Shapes["com.amazonaws.connectcases#CompoundCondition"].Members["conditions"].Traits["smithy.api#documentation"], &doc); err != nil {
		t.Fatalf("CompoundCondition.conditions has no documentation: %v", err)
	}
	want := fmt.Sprintf(caseRuleLimitsSentence, CaseRuleMaxConditions, CaseRuleMaxNesting)
	if !strings.Contains(doc, want) {
		t.Errorf("CompoundCondition.conditions documentation = %q; want it to contain %q", doc, want)
	}
}
