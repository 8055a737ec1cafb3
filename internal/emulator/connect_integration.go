package emulator

import (
	"strings"
	"time"
)

// integrationTypeCasesDomain is the IntegrationType value of a Cases
// domain: an instance has at most one such association ("Each Amazon
// Connect instance can be associated with only one Cases domain", Cases
// API reference, CreateDomain).
const integrationTypeCasesDomain = "CASES_DOMAIN"

// defaultListIntegrationAssociationsMaxResults: MaxResult100 bounds the
// page to 1..100 and the model sets no default.
const defaultListIntegrationAssociationsMaxResults = 100

// integrationAssociation is one integration of an instance. Only a
// CASES_DOMAIN association is checked against what it names; other types
// are stored with their ARN as given.
type integrationAssociation struct {
	ID                    string            `json:"id"`
	ARN                   string            `json:"arn"`
	IntegrationType       string            `json:"integrationType"`
	IntegrationARN        string            `json:"integrationArn"`
	SourceApplicationURL  string            `json:"sourceApplicationUrl,omitempty"`
	SourceApplicationName string            `json:"sourceApplicationName,omitempty"`
	SourceType            string            `json:"sourceType,omitempty"`
	Tags                  map[string]string `json:"tags,omitempty"`
	Sequence              uint64            `json:"sequence"`
}

// integrationAssociationARN has the shape of real association ARNs: the
// instance ARN, then /integration-association/ID.
func integrationAssociationARN(instanceARN, id string) string {
	return instanceARN + "/integration-association/" + id
}

type createIntegrationAssociationInput struct {
	IntegrationType       string            `json:"IntegrationType"`
	IntegrationARN        string            `json:"IntegrationArn"`
	SourceApplicationURL  string            `json:"SourceApplicationUrl"`
	SourceApplicationName string            `json:"SourceApplicationName"`
	SourceType            string            `json:"SourceType"`
	Tags                  map[string]string `json:"Tags"`
}

type createIntegrationAssociationOutput struct {
	ID  string `json:"IntegrationAssociationId"`
	ARN string `json:"IntegrationAssociationArn"`
}

func createIntegrationAssociation(e *Emulator, req *opRequest) (any, error) {
	var in createIntegrationAssociationInput
	if err := req.decodeBody(&in); err != nil {
		return nil, err
	}
	now := e.now()
	e.store.mu.Lock()
	defer e.store.mu.Unlock()
	inst, err := e.instanceFor(req)
	if err != nil {
		return nil, err
	}
	if status := inst.status(now); status != InstanceStatusActive {
		return nil, connectInvalidRequest("Instance %s is %s; integrations can be associated once it is %s.", inst.ID, status, InstanceStatusActive)
	}
	if in.IntegrationType == integrationTypeCasesDomain {
		if err := e.checkCasesDomainIntegration(req, inst, in.IntegrationARN, now); err != nil {
			return nil, err
		}
	}
	t := e.store.tenant(req.call.Account, req.call.Region)
	id := newUUID()
	a := &integrationAssociation{
		ID:                    id,
		ARN:                   integrationAssociationARN(inst.ARN, id),
		IntegrationType:       in.IntegrationType,
		IntegrationARN:        in.IntegrationARN,
		SourceApplicationURL:  in.SourceApplicationURL,
		SourceApplicationName: in.SourceApplicationName,
		SourceType:            in.SourceType,
		Tags:                  in.Tags,
		Sequence:              t.nextSequence(),
	}
	if inst.Associations == nil {
		inst.Associations = map[string]*integrationAssociation{}
	}
	inst.Associations[id] = a
	return createIntegrationAssociationOutput{ID: a.ID, ARN: a.ARN}, nil
}

// checkCasesDomainIntegration applies the rules of a CASES_DOMAIN
// association: the ARN names an existing, Active Cases domain of the same
// account and region, and the instance has no Cases domain yet. Callers
// hold the store lock.
func (e *Emulator) checkCasesDomainIntegration(req *opRequest, inst *connectInstance, arn string, now time.Time) error {
	for _, a := range inst.sortedAssociations() {
		if a.IntegrationType == integrationTypeCasesDomain {
			return connectError(connectCodeDuplicateResource,
				"Instance %s is already associated with the Cases domain %s (integration association %s); an instance can have only one Cases domain.",
				inst.ID, a.IntegrationARN, a.ID)
		}
	}
	region, account, domainID, ok := parseCasesDomainARN(arn)
	if !ok {
		return connectInvalidRequest("IntegrationArn '%s' is not a Cases domain ARN (arn:aws:cases:REGION:ACCOUNT:domain/DOMAIN_ID).", arn)
	}
	if region != req.call.Region || account != req.call.Account {
		return connectInvalidRequest("The Cases domain %s is not in the instance's account and region (%s, %s).", arn, req.call.Account, req.call.Region)
	}
	d := e.store.tenant(account, region).domain(domainID)
	if d == nil || d.ARN != arn {
		return connectNotFound("The Cases domain %s does not exist.", arn)
	}
	if status := d.status(now); status != DomainStatusActive {
		return connectInvalidRequest("The Cases domain %s is %s; only an %s domain can be associated.", arn, status, DomainStatusActive)
	}
	return nil
}

// parseCasesDomainARN splits arn:PARTITION:cases:REGION:ACCOUNT:domain/ID.
func parseCasesDomainARN(arn string) (region, account, domainID string, ok bool) {
	parts := strings.SplitN(arn, ":", 6)
	if len(parts) != 6 || parts[0] != "arn" || parts[2] != "cases" {
		return "", "", "", false
	}
	id, found := strings.CutPrefix(parts[5], "domain/")
	if !found || id == "" || strings.Contains(id, "/") {
		return "", "", "", false
	}
	return parts[3], parts[4], id, true
}

type integrationAssociationSummary struct {
	ID                    string `json:"IntegrationAssociationId"`
	ARN                   string `json:"IntegrationAssociationArn"`
	InstanceID            string `json:"InstanceId"`
	IntegrationType       string `json:"IntegrationType"`
	IntegrationARN        string `json:"IntegrationArn"`
	SourceApplicationURL  string `json:"SourceApplicationUrl,omitempty"`
	SourceApplicationName string `json:"SourceApplicationName,omitempty"`
	SourceType            string `json:"SourceType,omitempty"`
}

type listIntegrationAssociationsOutput struct {
	Summaries []integrationAssociationSummary `json:"IntegrationAssociationSummaryList"`
	NextToken string                          `json:"NextToken,omitempty"`
}

// listIntegrationAssociations lists an instance's associations, filtered by
// the integrationType and integrationArn query members when present.
func listIntegrationAssociations(e *Emulator, req *opRequest) (any, error) {
	maxResults, position, err := pageParams(req, defaultListIntegrationAssociationsMaxResults)
	if err != nil {
		return nil, err
	}
	typeFilter := req.query.Get("integrationType")
	arnFilter := req.query.Get("integrationArn")
	e.store.mu.RLock()
	defer e.store.mu.RUnlock()
	inst, err := e.instanceFor(req)
	if err != nil {
		return nil, err
	}
	out := listIntegrationAssociationsOutput{Summaries: []integrationAssociationSummary{}}
	var last uint64
	for _, a := range inst.sortedAssociations() {
		if a.Sequence <= position.AfterSequence ||
			(typeFilter != "" && a.IntegrationType != typeFilter) ||
			(arnFilter != "" && a.IntegrationARN != arnFilter) {
			continue
		}
		if len(out.Summaries) == maxResults {
			out.NextToken = encodePageToken(connectPageToken{AfterSequence: last})
			break
		}
		out.Summaries = append(out.Summaries, integrationAssociationSummary{
			ID:                    a.ID,
			ARN:                   a.ARN,
			InstanceID:            inst.ID,
			IntegrationType:       a.IntegrationType,
			IntegrationARN:        a.IntegrationARN,
			SourceApplicationURL:  a.SourceApplicationURL,
			SourceApplicationName: a.SourceApplicationName,
			SourceType:            a.SourceType,
		})
		last = a.Sequence
	}
	return out, nil
}

func deleteIntegrationAssociation(e *Emulator, req *opRequest) (any, error) {
	e.store.mu.Lock()
	defer e.store.mu.Unlock()
	inst, err := e.instanceFor(req)
	if err != nil {
		return nil, err
	}
	id := req.labels["IntegrationAssociationId"]
	if inst.Associations[id] == nil {
		return nil, connectNotFound("Integration association %s does not exist on instance %s.", id, inst.ID)
	}
	delete(inst.Associations, id)
	return nil, nil
}

// connectTaggable returns the tags of the instance or association arn
// names in the tenant, creating the map when create is set, and whether it
// exists. Tenants are isolated: an ARN of another account or region is
// never found.
func (t *tenant) connectTaggable(arn string, create bool) (*map[string]string, bool) {
	for _, inst := range t.connectInstances() {
		if inst.ARN == arn {
			if create && inst.Tags == nil {
				inst.Tags = map[string]string{}
			}
			return &inst.Tags, true
		}
		if !strings.HasPrefix(arn, inst.ARN+"/") {
			continue
		}
		for _, a := range inst.Associations {
			if a.ARN == arn {
				if create && a.Tags == nil {
					a.Tags = map[string]string{}
				}
				return &a.Tags, true
			}
		}
	}
	return nil, false
}

// checkConnectARN rejects a resource ARN that cannot name a Connect
// resource at all, before looking it up.
func checkConnectARN(arn string) error {
	parts := strings.SplitN(arn, ":", 6)
	if len(parts) != 6 || parts[0] != "arn" || parts[2] != "connect" || parts[5] == "" {
		return connectError(connectCodeInvalidParameter, "resourceArn '%s' is not an Amazon Connect ARN.", arn)
	}
	return nil
}

func (e *Emulator) taggableFor(req *opRequest, create bool) (*map[string]string, error) {
	arn := req.labels["resourceArn"]
	if err := checkConnectARN(arn); err != nil {
		return nil, err
	}
	tags, ok := e.store.tenant(req.call.Account, req.call.Region).connectTaggable(arn, create)
	if !ok {
		return nil, connectNotFound("Resource %s does not exist.", arn)
	}
	return tags, nil
}

// maxConnectTags is the TagMap length bound of the model: a resource holds
// at most that many tags, old and new together.
func maxConnectTags() int {
	return int(connectModel.Shapes["TagMap"].Length.MaxOr(50))
}

type tagConnectResourceInput struct {
	Tags map[string]string `json:"tags"`
}

func tagConnectResource(e *Emulator, req *opRequest) (any, error) {
	var in tagConnectResourceInput
	if err := req.decodeBody(&in); err != nil {
		return nil, err
	}
	e.store.mu.Lock()
	defer e.store.mu.Unlock()
	tags, err := e.taggableFor(req, true)
	if err != nil {
		return nil, err
	}
	merged := cloneStringMap(*tags)
	for k, v := range in.Tags {
		merged[k] = v
	}
	if limit := maxConnectTags(); len(merged) > limit {
		return nil, connectError(connectCodeInvalidParameter, "A resource can have at most %d tags; this request would leave %d.", limit, len(merged))
	}
	*tags = merged
	return nil, nil
}

func untagConnectResource(e *Emulator, req *opRequest) (any, error) {
	e.store.mu.Lock()
	defer e.store.mu.Unlock()
	tags, err := e.taggableFor(req, false)
	if err != nil {
		return nil, err
	}
	for _, k := range req.query["tagKeys"] {
		delete(*tags, k)
	}
	return nil, nil
}

type listConnectTagsOutput struct {
	Tags map[string]string `json:"tags,omitempty"`
}

func listConnectTags(e *Emulator, req *opRequest) (any, error) {
	e.store.mu.RLock()
	defer e.store.mu.RUnlock()
	tags, err := e.taggableFor(req, false)
	if err != nil {
		return nil, err
	}
	if len(*tags) == 0 {
		return listConnectTagsOutput{}, nil
	}
	return listConnectTagsOutput{Tags: cloneStringMap(*tags)}, nil
}
