package cases

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/aws/aws-sdk-go-v2/service/connect"
	connecttypes "github.com/aws/aws-sdk-go-v2/service/connect/types"
	"github.com/aws/aws-sdk-go-v2/service/connectcases"
	awstypes "github.com/aws/aws-sdk-go-v2/service/connectcases/types"
	"github.com/aws/smithy-go/middleware"
	smithyhttp "github.com/aws/smithy-go/transport/http"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-log/tflog"
)

// Creates that survive a lost answer.
//
// No create of the Cases API, nor Connect's CreateIntegrationAssociation,
// takes an idempotency token (API models: no clientToken member), so a
// create whose answer is lost (a 5xx, a dropped connection, a timeout) may
// have landed or not, and the SDK's retry of one that landed meets
// ConflictException (Connect: DuplicateResourceException), because names
// are unique in their scope (domains in the account and region; fields,
// layouts, templates and case rules in their domain; one Cases domain per
// Connect instance). createOnce is the one way every resource creates:
//
//  1. It lists the scope first. An entity already holding the name was not
//     made by this create: that is a name in use, and the error says how to
//     import it.
//  2. It creates, logging every HTTP attempt (the SDK's retries included):
//     an attempt is ambiguous when it may have been carried out without
//     the client learning so (no answer, or a 5xx).
//  3. Only when some attempt was ambiguous does it look the name up again,
//     on the adoptionLookupPauses schedule, and adopt what it finds.
//
// Why adoption is safe: the entity was absent from a list taken after this
// create began and before its first attempt was sent, names are unique in
// the scope, and some attempt of this create may have committed; within
// this provider process creates of one name in one scope run one at a
// time (nameLocks), so a sibling resource of this apply cannot be
// mistaken for ours either. What is left is another writer outside this
// process creating the same name in the same scope in the instant between
// our list and our lost attempt; the entity found must also match what this
// create sent, as far as a list shows it (sameAsSent), so even that would
// have to be a twin. A conflict with no ambiguous attempt before it is
// never adopted: the name was taken by someone else after the list.
//
// The alternatives were weighed and refused: comparing creation times
// needs the client's and the service's clocks to agree, and comparing
// attributes alone would adopt an identical entity that another
// configuration already manages, so two states would hold it. The price is
// one List of the scope per create; creates of one scope that start while
// a list is running share the next list (snapshots), so a parallel apply
// pays about one list per batch.

// lostAnswerNote ends the description of the resources without a
// documentation template of their own.
const lostAnswerNote = "Names are unique in the domain: a name already in use fails the create with the ID to import. " +
	"A create whose answer is lost (a 5xx, a dropped connection, a timeout) is adopted only when the entity was absent from a list taken just before it " +
	"and matches what was sent; a delete whose answer is lost succeeds when a read shows the entity gone."

// adoptionLookupTimeout bounds the search for a create that may have
// landed, and the check of a delete whose answer was lost.
const adoptionLookupTimeout = 2 * time.Minute

// adoptionLookupPauses are the pauses before each look for a create that
// may have landed. A request the client gave up on (an interrupted apply,
// a timeout) can still be in the service's pipeline and commit a moment
// after the client stopped waiting, so one look right away does not prove
// that it never landed. Seven and a half seconds in all, spent only after
// an ambiguous failure that found nothing.
var adoptionLookupPauses = []time.Duration{0, 500 * time.Millisecond, time.Second, 2 * time.Second, 4 * time.Second}

// namedCreate describes one create for createOnce. T is what a list of the
// scope returns for one entity (a summary).
type namedCreate[T any] struct {
	// kind names the entity in messages ("Cases Field").
	kind string
	// scope is what the name is unique in, as a key: creates with the same
	// scope share their lists. It must name the client too (scopeKey).
	scope string
	// name is the unique name (for an instance association, the instance).
	name string
	// list returns every entity of the scope.
	list func(ctx context.Context) ([]T, error)
	// key returns an entity's unique name; importID the ID that imports it.
	key      func(T) string
	importID func(T) string
	// sameAsSent reports whether a listed entity has what the create sent,
	// as far as the list shows it; nil when the list shows only the name.
	sameAsSent func(T) bool
	// create sends the create with the attempt log added to the call
	// (attempts.casesOption or attempts.connectOption) and returns the new
	// entity as a list would show it.
	create func(ctx context.Context, attempts *attemptLog) (T, error)
}

// nameInUseError says that an entity holding the name exists and is not
// certainly the one this create made.
type nameInUseError struct {
	kind, name string
	// importID imports the existing entity; existing is it, as listed.
	importID string
	existing any
	// reason says why it is not adopted.
	reason string
}

func (e *nameInUseError) Error() string {
	return fmt.Sprintf("a %s named %q already exists (import ID %s) and %s", e.kind, e.name, e.importID, e.reason)
}

// importHint tells how to bring the existing entity under Terraform.
func (e *nameInUseError) importHint(resourceType string) string {
	return fmt.Sprintf("Choose another name, or bring the existing one under Terraform:\n  terraform import %s.NAME %s\nor an import block with id = %q.",
		resourceType, e.importID, e.importID)
}

// createOnce creates the entity spec describes, or adopts it when an
// ambiguous attempt of this create made it; see the comment above.
func createOnce[T any](ctx context.Context, spec namedCreate[T]) (T, error) {
	var zero T
	unlock, err := nameLocks.lock(ctx, spec.scope+"\x00"+spec.name)
	if err != nil {
		return zero, err
	}
	defer unlock()

	before, err := snapshots.take(ctx, spec.scope, func(ctx context.Context) (any, error) { return spec.list(ctx) })
	if err != nil {
		return zero, fmt.Errorf("looking for an existing %s of that name first: %w", spec.kind, err)
	}
	existing, ok := before.([]T)
	if !ok {
		return zero, fmt.Errorf("looking for an existing %s of that name first: the list gave %T", spec.kind, before)
	}
	for _, e := range existing {
		if spec.key(e) == spec.name {
			return zero, spec.inUse(e, "existed before this create")
		}
	}

	attempts := &attemptLog{}
	out, createErr := spec.create(ctx, attempts)
	if createErr == nil {
		return out, nil
	}
	// Look even when ctx is already canceled: an entity that landed and is
	// not recorded would be orphaned.
	lookupCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), adoptionLookupTimeout)
	defer cancel()
	if !attempts.ambiguous() {
		if isConflict(createErr) {
			// Taken since the list by another writer: name it if it can be
			// found, for the import hint.
			if found, err := spec.find(lookupCtx, []time.Duration{0}); err == nil && found != nil {
				return zero, spec.inUse(*found, "was created by another writer while this create ran")
			}
		}
		return zero, createErr
	}
	found, err := spec.find(lookupCtx, adoptionLookupPauses)
	if err != nil {
		return zero, fmt.Errorf("%w (and looking up whether the create landed failed: %v)", createErr, err)
	}
	if found == nil {
		return zero, createErr
	}
	if spec.sameAsSent != nil && !spec.sameAsSent(*found) {
		return zero, spec.inUse(*found, "differs from what this create sent, so another writer made it")
	}
	tflog.Warn(ctx, "create failed ambiguously but the entity exists, was absent before and matches; adopting it", map[string]any{
		"kind": spec.kind, "name": spec.name, "import_id": spec.importID(*found),
		"attempts": attempts.count(), "create_error": createErr.Error(),
	})
	return *found, nil
}

func (spec namedCreate[T]) inUse(e T, reason string) *nameInUseError {
	return &nameInUseError{kind: spec.kind, name: spec.name, importID: spec.importID(e), existing: e, reason: reason}
}

// find lists the scope after each pause and returns the entity holding the
// name, or nil when every list came back without it. It fails only when no
// list succeeded at all.
func (spec namedCreate[T]) find(ctx context.Context, pauses []time.Duration) (*T, error) {
	var lastErr error
	listed := false
	for _, pause := range pauses {
		if err := sleep(ctx, pause); err != nil {
			break
		}
		all, err := spec.list(ctx)
		if err != nil {
			lastErr = err
			continue
		}
		listed = true
		for _, e := range all {
			if spec.key(e) == spec.name {
				return &e, nil
			}
		}
	}
	if !listed && lastErr != nil {
		return nil, lastErr
	}
	return nil, nil
}

// deleteOnce deletes with del; an entity already gone is success. When an
// attempt of the delete was ambiguous (the service may have carried it out
// and the answer was lost) and the delete still failed, one read with
// find decides: an entity that is gone was deleted.
func deleteOnce(ctx context.Context, kind, id string, del func(ctx context.Context, attempts *attemptLog) error, find func(ctx context.Context) error) error {
	attempts := &attemptLog{}
	err := del(ctx, attempts)
	if err == nil || IsNotFound(err) {
		return nil
	}
	if !attempts.ambiguous() {
		return err
	}
	checkCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), adoptionLookupTimeout)
	defer cancel()
	if findErr := find(checkCtx); IsNotFound(findErr) {
		tflog.Warn(ctx, "delete failed ambiguously but the entity is gone", map[string]any{"kind": kind, "id": id, "delete_error": err.Error()})
		return nil
	}
	return err
}

// attemptLog records the HTTP attempts of one SDK call, retries included.
type attemptLog struct {
	mu        sync.Mutex
	attempts  int
	uncertain bool
}

func (l *attemptLog) count() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.attempts
}

// ambiguous reports whether an attempt may have been carried out without
// the client learning so.
func (l *attemptLog) ambiguous() bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.uncertain
}

// record notes one attempt's outcome. An attempt is ambiguous unless it
// was answered, and answered with anything but a 5xx: a 4xx is a
// rejection before any change (the API model declares them so), while a
// 5xx, a dropped connection, a timeout or an unreadable answer leave the
// outcome unknown.
func (l *attemptLog) record(err error) {
	ambiguous := false
	if err != nil {
		// The SDK wraps a send that got no answer in a ResponseError too,
		// with an empty response (status 0); a 2xx it could not read is no
		// rejection either.
		var answer *smithyhttp.ResponseError
		ambiguous = !errors.As(err, &answer) || answer.Response == nil || answer.Response.Response == nil ||
			answer.HTTPStatusCode() < 400 || answer.HTTPStatusCode() >= 500
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	l.attempts++
	l.uncertain = l.uncertain || ambiguous
}

// middleware adds the log to the end of a client's finalize step: after
// the SDK's retry middleware, the rate limiter and signing, so once per
// attempt that is sent.
func (l *attemptLog) middleware(stack *middleware.Stack) error {
	return stack.Finalize.Add(middleware.FinalizeMiddlewareFunc("CasesAttemptLog",
		func(ctx context.Context, in middleware.FinalizeInput, next middleware.FinalizeHandler) (middleware.FinalizeOutput, middleware.Metadata, error) {
			out, md, err := next.HandleFinalize(ctx, in)
			l.record(err)
			return out, md, err
		}), middleware.After)
}

// casesOption adds the log to one Cases call.
func (l *attemptLog) casesOption(o *connectcases.Options) {
	o.APIOptions = append(o.APIOptions, l.middleware)
}

// connectOption adds the log to one Connect call.
func (l *attemptLog) connectOption(o *connect.Options) {
	o.APIOptions = append(o.APIOptions, l.middleware)
}

// isConflict reports whether a create was refused because the name (or
// the instance's one Cases domain) is taken.
func isConflict(err error) bool {
	var (
		conflict  *awstypes.ConflictException
		duplicate *connecttypes.DuplicateResourceException
	)
	return errors.As(err, &conflict) || errors.As(err, &duplicate)
}

// scopeKey names a scope of unique names for one client: two provider
// configurations (aliases) never share a list.
func scopeKey(client any, parts ...string) string {
	key := fmt.Sprintf("%p", client)
	for _, p := range parts {
		key += "/" + p
	}
	return key
}

// nameLocks serializes the creates of one name in one scope within this
// provider process.
var nameLocks = &keyedLocks{held: map[string]chan struct{}{}}

type keyedLocks struct {
	mu   sync.Mutex
	held map[string]chan struct{}
}

// lock waits until no other holder has key, or ctx ends.
func (k *keyedLocks) lock(ctx context.Context, key string) (unlock func(), err error) {
	for {
		k.mu.Lock()
		released, busy := k.held[key]
		if !busy {
			released = make(chan struct{})
			k.held[key] = released
			k.mu.Unlock()
			return func() {
				k.mu.Lock()
				delete(k.held, key)
				k.mu.Unlock()
				close(released)
			}, nil
		}
		k.mu.Unlock()
		select {
		case <-released:
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
}

// snapshots shares the lists createOnce takes before creating.
var snapshots = &snapshotGroup{running: map[string]bool{}, next: map[string]*snapshotCall{}}

// snapshotGroup runs at most one list per scope at a time. A caller gets a
// list that starts after it asked: the next one, which every caller that
// arrives while a list runs shares. A list already running is never
// joined, since it may predate a create that a caller's own create must
// see.
type snapshotGroup struct {
	mu      sync.Mutex
	running map[string]bool
	next    map[string]*snapshotCall
}

type snapshotCall struct {
	ctx  context.Context
	list func(context.Context) (any, error)
	done chan struct{}
	out  any
	err  error
}

func (g *snapshotGroup) take(ctx context.Context, scope string, list func(context.Context) (any, error)) (any, error) {
	g.mu.Lock()
	c := g.next[scope]
	if c == nil {
		// Detached from this caller, whose cancellation must not fail the
		// others sharing the list.
		c = &snapshotCall{ctx: context.WithoutCancel(ctx), list: list, done: make(chan struct{})}
		g.next[scope] = c
		if !g.running[scope] {
			g.startLocked(scope)
		}
	}
	g.mu.Unlock()
	select {
	case <-c.done:
		return c.out, c.err
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// startLocked starts the pending list of scope; g.mu is held.
func (g *snapshotGroup) startLocked(scope string) {
	c := g.next[scope]
	delete(g.next, scope)
	g.running[scope] = true
	go func() {
		ctx, cancel := context.WithTimeout(c.ctx, adoptionLookupTimeout)
		c.out, c.err = c.list(ctx)
		cancel()
		close(c.done)
		g.mu.Lock()
		defer g.mu.Unlock()
		delete(g.running, scope)
		if g.next[scope] != nil {
			g.startLocked(scope)
		}
	}()
}

// addCreateError reports a failed create: a name in use as an error on the
// name argument with how to import what holds it, anything else as usual.
func addCreateError(diags *diag.Diagnostics, kind, resourceType, name string, err error, hint string) {
	var taken *nameInUseError
	if errors.As(err, &taken) {
		diags.AddAttributeError(path.Root("name"), kind+" name already in use",
			fmt.Sprintf("creating %s (%s): %s\n\nNames are unique in a domain. %s", kind, name, err, taken.importHint(resourceType)))
		return
	}
	addError(diags, "creating", kind, name, err, hint)
}
