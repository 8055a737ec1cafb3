package emulator

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"
)

// Connect instance statuses: the com.amazonaws.connect#InstanceStatus enum.
const (
	InstanceStatusCreationInProgress = "CREATION_IN_PROGRESS"
	InstanceStatusActive             = "ACTIVE"
)

// Identity management types (com.amazonaws.connect#DirectoryType) with a
// rule of their own.
const (
	identityExistingDirectory = "EXISTING_DIRECTORY"
)

// DefaultInstanceActivationDelay is how long a new Connect instance stays
// CREATION_IN_PROGRESS.
const DefaultInstanceActivationDelay = time.Second

// DefaultInstancesPerAccountRegion is the Amazon Connect quota "Amazon
// Connect instances per account" for new accounts (adjustable), from the
// Amazon Connect Administrator Guide, "Amazon Connect service quotas".
const DefaultInstancesPerAccountRegion = 2

// Default and largest page sizes: the model bounds ListInstances'
// MaxResults (MaxResult10) to 1..10 and sets no default, so a page is as
// large as the range allows.
const defaultListInstancesMaxResults = 10

// connectInstance is an Amazon Connect instance as stored. Its integration
// associations hang off it, so deleting the instance deletes them.
type connectInstance struct {
	ID                     string            `json:"id"`
	ARN                    string            `json:"arn"`
	IdentityManagementType string            `json:"identityManagementType"`
	InstanceAlias          string            `json:"instanceAlias,omitempty"`
	DirectoryID            string            `json:"directoryId,omitempty"`
	InboundCallsEnabled    bool              `json:"inboundCallsEnabled"`
	OutboundCallsEnabled   bool              `json:"outboundCallsEnabled"`
	ClientToken            string            `json:"clientToken,omitempty"`
	CreatedTime            time.Time         `json:"createdTime"`
	SettlesAt              time.Time         `json:"settlesAt"`
	Tags                   map[string]string `json:"tags,omitempty"`
	Sequence               uint64            `json:"sequence"`
	// Associations by integration association id.
	Associations map[string]*integrationAssociation `json:"associations,omitempty"`
}

func connectInstanceARN(region, account, id string) string {
	return fmt.Sprintf("arn:aws:connect:%s:%s:instance/%s", region, account, id)
}

// status is derived from SettlesAt on every read, like a domain's, so no
// goroutine flips it and a restored store resumes correctly.
func (inst *connectInstance) status(now time.Time) string {
	if now.Before(inst.SettlesAt) {
		return InstanceStatusCreationInProgress
	}
	return InstanceStatusActive
}

// serviceRole is the service-linked role Amazon Connect creates for an
// instance.
func (inst *connectInstance) serviceRole(account string) string {
	return fmt.Sprintf("arn:aws:iam::%s:role/aws-service-role/connect.amazonaws.com/AWSServiceRoleForAmazonConnect_%s", account, strings.ReplaceAll(inst.ID, "-", "")[:20])
}

func (inst *connectInstance) accessURL() string {
	name := inst.InstanceAlias
	if name == "" {
		name = inst.ID
	}
	return "https://" + name + ".my.connect.aws"
}

// sortedAssociations returns the instance's associations in creation order.
func (inst *connectInstance) sortedAssociations() []*integrationAssociation {
	out := make([]*integrationAssociation, 0, len(inst.Associations))
	for _, a := range inst.Associations {
		out = append(out, a)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Sequence < out[j].Sequence })
	return out
}

// connectInstances returns the tenant's instances in creation order. A nil
// tenant has none.
func (t *tenant) connectInstances() []*connectInstance {
	if t == nil {
		return nil
	}
	out := make([]*connectInstance, 0, len(t.ConnectInstances))
	for _, inst := range t.ConnectInstances {
		out = append(out, inst)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Sequence < out[j].Sequence })
	return out
}

// connectInstance returns the instance with id, or nil.
func (t *tenant) connectInstance(id string) *connectInstance {
	if t == nil {
		return nil
	}
	return t.ConnectInstances[id]
}

// epochSeconds writes a timestamp as restJson1 does by default: seconds
// since the epoch, with milliseconds.
func epochSeconds(t time.Time) float64 {
	return float64(t.UnixMilli()) / 1000
}

type createInstanceInput struct {
	ClientToken            string            `json:"ClientToken"`
	IdentityManagementType string            `json:"IdentityManagementType"`
	InstanceAlias          string            `json:"InstanceAlias"`
	DirectoryID            string            `json:"DirectoryId"`
	InboundCallsEnabled    bool              `json:"InboundCallsEnabled"`
	OutboundCallsEnabled   bool              `json:"OutboundCallsEnabled"`
	Tags                   map[string]string `json:"Tags"`
}

type createInstanceOutput struct {
	ID  string `json:"Id"`
	ARN string `json:"Arn"`
}

func createConnectInstance(e *Emulator, req *opRequest) (any, error) {
	var in createInstanceInput
	if err := req.decodeBody(&in); err != nil {
		return nil, err
	}
	// Rules the model states in prose: an existing directory is given by
	// its id, the other identity types name the instance by its alias.
	if in.IdentityManagementType == identityExistingDirectory && in.DirectoryID == "" {
		return nil, connectInvalidRequest("DirectoryId is required when IdentityManagementType is %s.", identityExistingDirectory)
	}
	if in.IdentityManagementType != identityExistingDirectory && in.InstanceAlias == "" {
		return nil, connectInvalidRequest("InstanceAlias is required when IdentityManagementType is %s.", in.IdentityManagementType)
	}
	config, _ := e.runtimeSnapshot()
	now := e.now().UTC().Truncate(time.Millisecond)

	e.store.mu.Lock()
	defer e.store.mu.Unlock()
	t := e.store.tenantForWrite(req.call.Account, req.call.Region)
	if t.ConnectInstances == nil {
		t.ConnectInstances = map[string]*connectInstance{}
	}
	for _, inst := range t.ConnectInstances {
		if in.ClientToken != "" && inst.ClientToken == in.ClientToken {
			// The same idempotency token: the instance it created.
			return createInstanceOutput{ID: inst.ID, ARN: inst.ARN}, nil
		}
	}
	for _, inst := range t.ConnectInstances {
		if in.InstanceAlias != "" && strings.EqualFold(inst.InstanceAlias, in.InstanceAlias) {
			return nil, connectInvalidRequest("The instance alias '%s' is already in use by instance %s.", in.InstanceAlias, inst.ID)
		}
	}
	if quota := config.Quotas.InstancesPerAccountRegion; len(t.ConnectInstances) >= quota {
		return nil, connectError(connectCodeServiceQuotaExceeded, "The account already has %d of at most %d Amazon Connect instances in %s. Delete an instance or raise the quota.", len(t.ConnectInstances), quota, req.call.Region)
	}
	id := newUUID()
	inst := &connectInstance{
		ID:                     id,
		ARN:                    connectInstanceARN(req.call.Region, req.call.Account, id),
		IdentityManagementType: in.IdentityManagementType,
		InstanceAlias:          in.InstanceAlias,
		DirectoryID:            in.DirectoryID,
		InboundCallsEnabled:    in.InboundCallsEnabled,
		OutboundCallsEnabled:   in.OutboundCallsEnabled,
		ClientToken:            in.ClientToken,
		CreatedTime:            now,
		SettlesAt:              now.Add(time.Duration(config.InstanceActivationDelay)),
		Tags:                   in.Tags,
		Sequence:               t.nextSequence(),
		Associations:           map[string]*integrationAssociation{},
	}
	t.ConnectInstances[id] = inst
	return createInstanceOutput{ID: inst.ID, ARN: inst.ARN}, nil
}

// instanceDescription is the com.amazonaws.connect#Instance structure; the
// summary of ListInstances is the same without Tags and StatusReason.
type instanceDescription struct {
	ID                     string            `json:"Id"`
	ARN                    string            `json:"Arn"`
	IdentityManagementType string            `json:"IdentityManagementType"`
	InstanceAlias          string            `json:"InstanceAlias,omitempty"`
	CreatedTime            float64           `json:"CreatedTime"`
	ServiceRole            string            `json:"ServiceRole"`
	InstanceStatus         string            `json:"InstanceStatus"`
	InboundCallsEnabled    bool              `json:"InboundCallsEnabled"`
	OutboundCallsEnabled   bool              `json:"OutboundCallsEnabled"`
	InstanceAccessURL      string            `json:"InstanceAccessUrl"`
	Tags                   map[string]string `json:"Tags,omitempty"`
}

func (inst *connectInstance) describe(account string, now time.Time, withTags bool) instanceDescription {
	d := instanceDescription{
		ID:                     inst.ID,
		ARN:                    inst.ARN,
		IdentityManagementType: inst.IdentityManagementType,
		InstanceAlias:          inst.InstanceAlias,
		CreatedTime:            epochSeconds(inst.CreatedTime),
		ServiceRole:            inst.serviceRole(account),
		InstanceStatus:         inst.status(now),
		InboundCallsEnabled:    inst.InboundCallsEnabled,
		OutboundCallsEnabled:   inst.OutboundCallsEnabled,
		InstanceAccessURL:      inst.accessURL(),
	}
	if withTags && len(inst.Tags) > 0 {
		d.Tags = cloneStringMap(inst.Tags)
	}
	return d
}

type describeInstanceOutput struct {
	Instance instanceDescription `json:"Instance"`
}

// instanceFor returns the instance of the {InstanceId} label in the
// caller's tenant, or ResourceNotFoundException. Callers hold the store
// lock.
func (e *Emulator) instanceFor(req *opRequest) (*connectInstance, error) {
	id := req.labels["InstanceId"]
	inst := e.store.tenant(req.call.Account, req.call.Region).connectInstance(id)
	if inst == nil {
		return nil, connectNotFound("Instance %s does not exist in %s.", id, req.call.Region)
	}
	return inst, nil
}

func describeConnectInstance(e *Emulator, req *opRequest) (any, error) {
	now := e.now()
	e.store.mu.RLock()
	defer e.store.mu.RUnlock()
	inst, err := e.instanceFor(req)
	if err != nil {
		return nil, err
	}
	return describeInstanceOutput{Instance: inst.describe(req.call.Account, now, true)}, nil
}

type listInstancesOutput struct {
	InstanceSummaryList []instanceDescription `json:"InstanceSummaryList"`
	NextToken           string                `json:"NextToken,omitempty"`
}

// connectPageToken is the content of an opaque NextToken: the creation
// sequence after which the next page starts, so a page boundary stays put
// when entities before it are deleted.
type connectPageToken struct {
	AfterSequence uint64 `json:"afterSequence"`
}

// pageParams reads MaxResults (default def) and NextToken from the query;
// both have passed model validation.
func pageParams(req *opRequest, def int) (int, connectPageToken, error) {
	maxResults := def
	if raw := req.query.Get("maxResults"); raw != "" {
		maxResults, _ = strconv.Atoi(raw)
	}
	var position connectPageToken
	if token := req.query.Get("nextToken"); token != "" {
		if err := decodePageToken(token, &position); err != nil {
			return 0, position, connectInvalidRequest("The NextToken is not valid; pass the NextToken of a previous response unchanged.")
		}
	}
	return maxResults, position, nil
}

func listConnectInstances(e *Emulator, req *opRequest) (any, error) {
	maxResults, position, err := pageParams(req, defaultListInstancesMaxResults)
	if err != nil {
		return nil, err
	}
	now := e.now()
	e.store.mu.RLock()
	defer e.store.mu.RUnlock()
	out := listInstancesOutput{InstanceSummaryList: []instanceDescription{}}
	var last uint64
	for _, inst := range e.store.tenant(req.call.Account, req.call.Region).connectInstances() {
		if inst.Sequence <= position.AfterSequence {
			continue
		}
		if len(out.InstanceSummaryList) == maxResults {
			out.NextToken = encodePageToken(connectPageToken{AfterSequence: last})
			break
		}
		out.InstanceSummaryList = append(out.InstanceSummaryList, inst.describe(req.call.Account, now, false))
		last = inst.Sequence
	}
	return out, nil
}

func deleteConnectInstance(e *Emulator, req *opRequest) (any, error) {
	e.store.mu.Lock()
	defer e.store.mu.Unlock()
	inst, err := e.instanceFor(req)
	if err != nil {
		return nil, err
	}
	// Its integration associations go with it.
	delete(e.store.tenant(req.call.Account, req.call.Region).ConnectInstances, inst.ID)
	return nil, nil
}

func cloneStringMap(m map[string]string) map[string]string {
	out := make(map[string]string, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}

// InstanceSnapshot is a Connect instance as the API would describe it now,
// with its integration associations.
type InstanceSnapshot struct {
	InstanceID              string                `json:"instanceId"`
	InstanceARN             string                `json:"instanceArn"`
	InstanceAlias           string                `json:"instanceAlias,omitempty"`
	InstanceStatus          string                `json:"instanceStatus"`
	CreatedTime             time.Time             `json:"createdTime"`
	Tags                    map[string]string     `json:"tags"`
	IntegrationAssociations []AssociationSnapshot `json:"integrationAssociations"`
}

// AssociationSnapshot is an integration association of an instance.
type AssociationSnapshot struct {
	AssociationID   string            `json:"integrationAssociationId"`
	AssociationARN  string            `json:"integrationAssociationArn"`
	IntegrationType string            `json:"integrationType"`
	IntegrationARN  string            `json:"integrationArn"`
	Tags            map[string]string `json:"tags"`
}

func (inst *connectInstance) snapshot(now time.Time) InstanceSnapshot {
	s := InstanceSnapshot{
		InstanceID:              inst.ID,
		InstanceARN:             inst.ARN,
		InstanceAlias:           inst.InstanceAlias,
		InstanceStatus:          inst.status(now),
		CreatedTime:             inst.CreatedTime,
		Tags:                    cloneStringMap(inst.Tags),
		IntegrationAssociations: []AssociationSnapshot{},
	}
	for _, a := range inst.sortedAssociations() {
		s.IntegrationAssociations = append(s.IntegrationAssociations, AssociationSnapshot{
			AssociationID:   a.ID,
			AssociationARN:  a.ARN,
			IntegrationType: a.IntegrationType,
			IntegrationARN:  a.IntegrationARN,
			Tags:            cloneStringMap(a.Tags),
		})
	}
	return s
}

func snapshotInstances(t *tenant, now time.Time) []InstanceSnapshot {
	out := []InstanceSnapshot{}
	for _, inst := range t.connectInstances() {
		out = append(out, inst.snapshot(now))
	}
	return out
}

// Instances returns the Connect instances of account in region in creation
// order, with their integration associations.
func (e *Emulator) Instances(account, region string) []InstanceSnapshot {
	now := e.now()
	e.store.mu.RLock()
	defer e.store.mu.RUnlock()
	return snapshotInstances(e.store.tenant(account, region), now)
}
