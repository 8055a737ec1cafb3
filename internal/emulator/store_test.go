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
