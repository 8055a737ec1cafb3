package emulator

import (
	"bytes"
	"encoding/json"
	"testing"
)

// FuzzDecodeState: whatever a state file holds, loading it either fails
// with an error or gives a store that writes back to a document that loads
// to the same store. It must never panic, since a damaged file has to be a
// clear start-up error.
func FuzzDecodeState(f *testing.F) {
	for _, seed := range []string{
		`{"format":"cases-emulator-state","version":1,"tenants":{}}`,
		`{"format":"cases-emulator-state","version":1,"tenants":{"123456789012/us-west-2":{"account":"123456789012","region":"us-west-2","domains":{"d1":{"id":"d1","name":"support","tags":{"env":"prod","k":null}}},"lastSequence":3}}}`,
		`{"format":"cases-emulator-state","version":1,"tenants":{"a/b":null}}`,
		`{"format":"cases-emulator-state","version":1,"tenants":{"123456789012/us-west-2":{"account":"123456789012","region":"us-west-2","domains":{"d1":null}}}}`,
		`{"format":"cases-emulator-state","version":2}`,
		`{"format":"cases-emulator-state","version":1,"tenants":{`,
		``,
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := decodeState(data)
		if err != nil {
			return
		}
		written, err := json.Marshal(stateDocument{Format: stateFileFormat, Version: stateFileVersion, Tenants: s.Tenants})
		if err != nil {
			t.Fatalf("a loaded store cannot be written: %v", err)
		}
		again, err := decodeState(written)
		if err != nil {
			t.Fatalf("the state written from %q does not load: %v\n%s", data, err, written)
		}
		rewritten, err := json.Marshal(stateDocument{Format: stateFileFormat, Version: stateFileVersion, Tenants: again.Tenants})
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(written, rewritten) {
			t.Fatalf("state changed through a save and a load:\n%s\n%s", written, rewritten)
		}
	})
}
