package emulator

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
)

// Persistence (Options.StateFile): the whole store is one JSON document. A
// Cases operation that may change state has its effect written to the file
// before its response is sent, so an acknowledged change survives kill -9:
// the document goes to a temporary file in the same directory, which is
// fsynced and renamed over the state file, and the directory is fsynced so
// that the rename itself is durable. A reader of the file sees the old
// document or the new one, never a mix.
//
// Only the store is persisted. The runtime configuration, fault rules and
// the clock come from the command line (or Options) on every start; domain
// status is derived from timestamps, so a domain that was CreationInProgress
// when the emulator stopped settles on time after a restart.

// stateFileFormat and stateFileVersion head every state file, so that a file
// of another kind is recognized rather than read as an empty store.
const (
	stateFileFormat  = "cases-emulator-state"
	stateFileVersion = 1
)

type stateDocument struct {
	Format  string             `json:"format"`
	Version int                `json:"version"`
	Tenants map[string]*tenant `json:"tenants"`
}

// persister writes the store to its file, one write at a time.
type persister struct {
	path string
	// mu orders writes: each takes its snapshot and writes it while holding
	// mu, so the file always ends with the newest snapshot, and every
	// snapshot taken after a change contains that change.
	mu sync.Mutex
}

// readOnlyOperation reports whether an operation never changes state, from
// the naming rule of the models: reads are Get*, List*, Search* and
// BatchGet* in Cases, Describe* and List* in Connect. Any other operation is saved after it runs, which costs a write
// at worst.
func readOnlyOperation(operation string) bool {
	for _, prefix := range []string{"Get", "List", "Search", "BatchGet", "Describe"} {
		if strings.HasPrefix(operation, prefix) {
			return true
		}
	}
	return false
}

// saveAfter persists the store after operation ran, when it may have changed
// state and a state file is configured. The error it returns is the answer
// to the request: the change was not made durable, so it must not be
// acknowledged.
func (e *Emulator) saveAfter(operation string) error {
	if e.persist == nil || readOnlyOperation(operation) {
		return nil
	}
	return e.saveState()
}

// saveState writes the whole store to the state file, if there is one. Its
// error is an *APIError, the answer to a change that was not saved.
func (e *Emulator) saveState() error {
	if err := e.writeState(); err != nil {
		e.log.Error("saving the state file failed; the change is in memory but was not acknowledged", "error", err)
		return NewAPIError(CodeInternalServer, "The emulator could not save its state file; see its log.")
	}
	return nil
}

// writeState writes the whole store to the state file, if there is one.
func (e *Emulator) writeState() error {
	p := e.persist
	if p == nil {
		return nil
	}
	p.mu.Lock()
	defer p.mu.Unlock()

	e.store.mu.RLock()
	data, err := json.Marshal(stateDocument{Format: stateFileFormat, Version: stateFileVersion, Tenants: e.store.Tenants})
	e.store.mu.RUnlock()
	if err != nil {
		return fmt.Errorf("encoding the state: %w", err)
	}
	if err := writeFileAtomic(p.path, data); err != nil {
		return fmt.Errorf("writing state file %s: %w", p.path, err)
	}
	return nil
}

// writeFileAtomic replaces path with data durably: temporary file in the
// same directory, fsync, rename, fsync of the directory.
func writeFileAtomic(path string, data []byte) (err error) {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			_ = tmp.Close()
			_ = os.Remove(tmp.Name())
		}
	}()
	if _, err = tmp.Write(data); err != nil {
		return err
	}
	if err = tmp.Sync(); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	if err = os.Rename(tmp.Name(), path); err != nil {
		return err
	}
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	return d.Sync()
}

// loadStateFile reads the store from path. A missing file is an empty store
// (first start); anything else that cannot be read whole is an error naming
// the file, never an empty store, so a damaged file is not overwritten.
func loadStateFile(path string) (*store, error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return newStore(), nil
	}
	if err != nil {
		return nil, fmt.Errorf("reading state file %s: %w", path, err)
	}
	s, err := decodeState(data)
	if err != nil {
		return nil, fmt.Errorf("state file %s is not a cases-emulator state file (%w); fix or move it away, the emulator does not start over it with empty state", path, err)
	}
	return s, nil
}

// decodeState parses a state document and checks that it is whole.
func decodeState(data []byte) (*store, error) {
	var doc stateDocument
	decoder := json.NewDecoder(bytes.NewReader(data))
	if err := decoder.Decode(&doc); err != nil {
		return nil, fmt.Errorf("invalid JSON: %w", err)
	}
	if decoder.More() {
		return nil, errors.New("unexpected data after the JSON document")
	}
	if doc.Format != stateFileFormat {
		return nil, fmt.Errorf("format is %q, want %q", doc.Format, stateFileFormat)
	}
	if doc.Version != stateFileVersion {
		return nil, fmt.Errorf("version %d is not supported (this emulator reads version %d)", doc.Version, stateFileVersion)
	}
	s := newStore()
	for key, t := range doc.Tenants {
		if t == nil || key != tenantKey(t.Account, t.Region) {
			return nil, fmt.Errorf("tenant %q is damaged", key)
		}
		if t.Domains == nil {
			t.Domains = map[string]*domain{}
		}
		for id, d := range t.Domains {
			if d == nil || d.ID != id {
				return nil, fmt.Errorf("domain %q of tenant %q is damaged", id, key)
			}
			if d.Tags == nil {
				d.Tags = tagMap{}
			}
		}
		s.Tenants[key] = t
	}
	return s, nil
}
