package emulator

import (
	"bytes"
	"context"
	"encoding/json"
	"testing"
	"time"
)

// TestStore_roundTripsThroughJSON guards the persistence seam: the whole
// store must survive being written as one JSON document and read back.
func TestStore_roundTripsThroughJSON(t *testing.T) {
	clock := time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC)
	e, err := New(Options{Now: func() time.Time { return clock }})
	if err != nil {
		t.Fatal(err)
	}
	call := Call{Account: "111122223333", Region: "eu-west-2"}
	out, err := createDomain(e, &opRequest{ctx: context.Background(), call: call, body: []byte(`{"name":"persisted"}`)})
	if err != nil {
		t.Fatal(err)
	}
	created, ok := out.(createDomainOutput)
	if !ok {
		t.Fatalf("createDomain returned %T", out)
	}
	// A null tag value (the Tags map is sparse) must stay null.
	tagBody := []byte(`{"tags":{"env":"prod","empty":null}}`)
	if _, err := tagResource(e, &opRequest{ctx: context.Background(), call: call, labels: map[string]string{"arn": created.DomainARN}, body: tagBody}); err != nil {
		t.Fatal(err)
	}

	written, err := json.Marshal(e.store)
	if err != nil {
		t.Fatal(err)
	}
	restored := newStore()
	if err := json.Unmarshal(written, restored); err != nil {
		t.Fatal(err)
	}
	rewritten, err := json.Marshal(restored)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(written, rewritten) {
		t.Errorf("store changed through JSON:\n%s\n%s", written, rewritten)
	}

	d := restored.tenant(call.Account, call.Region).domain(created.DomainID)
	if d == nil || d.Name != "persisted" || d.status(clock.Add(time.Hour)) != DomainStatusActive {
		t.Fatalf("restored domain = %+v", d)
	}
	if v, ok := d.Tags["empty"]; !ok || v != nil {
		t.Errorf("null tag value restored as %v, %v", v, ok)
	}
}

// TestStore_roundTripsDomainConfiguration: layouts, templates, case rules
// and the case event configuration persist with the store.
func TestStore_roundTripsDomainConfiguration(t *testing.T) {
	clock := time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC)
	e, err := New(Options{Now: func() time.Time { return clock }})
	if err != nil {
		t.Fatal(err)
	}
	call := Call{Account: "111122223333", Region: "eu-west-2"}
	run := func(handle operationHandler, labels map[string]string, body string) any {
		t.Helper()
		out, err := handle(e, &opRequest{ctx: context.Background(), call: call, labels: labels, body: []byte(body)})
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	created := as[createDomainOutput](t, run(createDomain, nil, `{"name":"persisted"}`))
	clock = clock.Add(time.Hour)
	domainLabels := map[string]string{"domainId": created.DomainID}
	l := as[createLayoutOutput](t, run(createLayout, domainLabels, `{"name":"L","content":{"basic":{"topPanel":{"sections":[{"fieldGroup":{"name":"g","fields":[{"id":"summary"}]}}]}}}}`))
	r := as[createCaseRuleOutput](t, run(createCaseRule, domainLabels, `{"name":"R","rule":{"required":{"defaultValue":false,"conditions":[{"equalTo":{"operandOne":{"fieldId":"summary"},"operandTwo":{"doubleValue":1.5},"result":true}}]}}}`))
	run(createTemplate, domainLabels, `{"name":"T","layoutConfiguration":{"defaultLayout":"`+l.LayoutID+`"},"rules":[{"caseRuleId":"`+r.CaseRuleID+`","fieldId":"summary"}],"requiredFields":[{"fieldId":"summary"}]}`)
	run(putCaseEventConfiguration, domainLabels, `{"eventBridge":{"enabled":true,"includedData":{"caseData":{"fields":[{"id":"summary"}]}}}}`)

	written, err := json.Marshal(e.store)
	if err != nil {
		t.Fatal(err)
	}
	restored := newStore()
	if err := json.Unmarshal(written, restored); err != nil {
		t.Fatal(err)
	}
	rewritten, err := json.Marshal(restored)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(written, rewritten) {
		t.Errorf("store changed through JSON:\n%s\n%s", written, rewritten)
	}
	d := restored.tenant(call.Account, call.Region).domain(created.DomainID)
	if len(d.Layouts) != 1 || len(d.Templates) != 1 || len(d.CaseRules) != 1 || d.EventConfiguration == nil || !*d.EventConfiguration.Enabled {
		t.Fatalf("restored domain lost configuration: %s", rewritten)
	}
	if users := d.referrers(refField, "summary"); len(users) != 4 {
		t.Errorf("restored references of summary = %v, want layout, template, rule and event configuration", users)
	}
}

// as asserts the type of a handler's output.
func as[T any](t *testing.T, out any) T {
	t.Helper()
	v, ok := out.(T)
	if !ok {
		t.Fatalf("handler returned %T", out)
	}
	return v
}
