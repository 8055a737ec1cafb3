package emulator

import (
	"strings"
	"time"

	"github.com/connect-cases/terraform-provider-cases/internal/apimodel"
)

// resourceTypeTemplate is the resourceType of ResourceNotFoundException for
// a template.
const resourceTypeTemplate = "Template"

// maxDeletedTemplatesPerDomain: "You can delete up to 100 templates per
// domain" (documentation of DeleteTemplate in the model).
const maxDeletedTemplatesPerDomain = 100

// Template statuses: the com.amazonaws.connectcases#TemplateStatus enum.
const (
	templateStatusActive   = "Active"
	templateStatusInactive = "Inactive"
)

// templateRuleFieldIDDefault is what TemplateRule.fieldId reads as when a
// request leaves it out: the model makes the member optional with
// smithy.api#default "NULL" (a rule that acts on no single field), so the
// service stores and returns that value, and so does the emulator.
var templateRuleFieldIDDefault = modelDefaultString(apimodel.Cases().MustLookup("TemplateRule", "fieldId"))

// template is a case template as stored. A deleted template stays, marked
// Deleted: GetTemplate still returns it, ListTemplates does not.
type template struct {
	ID                  string               `json:"templateId"`
	ARN                 string               `json:"templateArn"`
	Name                string               `json:"name"`
	Description         string               `json:"description,omitempty"`
	LayoutConfiguration *layoutConfiguration `json:"layoutConfiguration,omitempty"`
	RequiredFields      []requiredField      `json:"requiredFields,omitempty"`
	Status              string               `json:"status"`
	Rules               []templateRule       `json:"rules,omitempty"`
	// TagPropagationConfigurations is a member the SDK knows and the model
	// in shared/ does not.
	TagPropagationConfigurations []tagPropagationConfiguration `json:"tagPropagationConfigurations,omitempty"`
	Tags                         tagMap                        `json:"tags"`
	Deleted                      bool                          `json:"deleted,omitempty"`
	CreatedTime                  time.Time                     `json:"createdTime"`
	LastModifiedTime             time.Time                     `json:"lastModifiedTime"`
	Sequence                     uint64                        `json:"sequence"`
}

func (t *template) sequence() uint64    { return t.Sequence }
func (t *template) isDeleted() bool     { return t.Deleted }
func (t *template) entityID() string    { return t.ID }
func (t *template) entityName() string  { return t.Name }
func (t *template) entityTags() *tagMap { return &t.Tags }

type layoutConfiguration struct {
	DefaultLayout *string `json:"defaultLayout,omitempty"`
}

type requiredField struct {
	FieldID *string `json:"fieldId"`
}

type templateRule struct {
	CaseRuleID *string `json:"caseRuleId"`
	FieldID    *string `json:"fieldId"`
}

type tagPropagationConfiguration struct {
	ResourceType *string           `json:"resourceType"`
	TagMap       map[string]string `json:"tagMap"`
}

func templateARN(domainARN, id string) string {
	return domainARN + "/template/" + id
}

// templateFields is what a create or update request may set, checked and
// applied the same way by both.
type templateFields struct {
	Name                         *string                       `json:"name"`
	Description                  *string                       `json:"description"`
	LayoutConfiguration          *layoutConfiguration          `json:"layoutConfiguration"`
	RequiredFields               []requiredField               `json:"requiredFields"`
	Status                       *string                       `json:"status"`
	Rules                        []templateRule                `json:"rules"`
	TagPropagationConfigurations []tagPropagationConfiguration `json:"tagPropagationConfigurations"`
}

// empty reports whether the request sets none of the members.
func (in *templateFields) empty() bool {
	return in.Name == nil && in.Description == nil && in.LayoutConfiguration == nil && in.RequiredFields == nil &&
		in.Status == nil && in.Rules == nil && in.TagPropagationConfigurations == nil
}

// applyDefaults fills the members the model defaults when a request leaves
// them out.
func (in *templateFields) applyDefaults() {
	for i := range in.Rules {
		if in.Rules[i].FieldID == nil {
			id := templateRuleFieldIDDefault
			in.Rules[i].FieldID = &id
		}
	}
}

// checkReferences applies the referential rules: "it must reference
// existing field IDs and layout IDs. Additionally, multiple fields with same
// IDs are not allowed within the same Template" (documentation of
// CreateTemplate); rules name existing case rules and fields.
func (d *domain) checkTemplateReferences(in *templateFields) *APIError {
	if in.LayoutConfiguration != nil && in.LayoutConfiguration.DefaultLayout != nil {
		id := *in.LayoutConfiguration.DefaultLayout
		if _, ok := d.liveLayout(id); !ok {
			return validationError("'layoutConfiguration.defaultLayout' references layout '%s', which does not exist in the domain or is deleted.", id)
		}
	}
	if in.RequiredFields != nil {
		ids := make([]string, 0, len(in.RequiredFields))
		for _, f := range in.RequiredFields {
			ids = append(ids, *f.FieldID)
		}
		if err := d.requireLiveFields("requiredFields", ids); err != nil {
			return err
		}
		if dups := duplicates(ids); len(dups) > 0 {
			return validationError("'requiredFields' lists these fields more than once: %s. Multiple fields with the same ID are not allowed within a template.", strings.Join(dups, ", "))
		}
	}
	if in.Rules != nil {
		var fieldIDs, missing []string
		for _, r := range in.Rules {
			if *r.FieldID != templateRuleFieldIDDefault {
				fieldIDs = append(fieldIDs, *r.FieldID)
			}
			if _, ok := d.liveCaseRule(*r.CaseRuleID); !ok {
				missing = append(missing, *r.CaseRuleID)
			}
		}
		if len(missing) > 0 {
			return validationError("'rules' references case rules that do not exist in the domain or are deleted: %s.", strings.Join(missing, ", "))
		}
		if err := d.requireLiveFields("rules", fieldIDs); err != nil {
			return err
		}
	}
	return nil
}

func (d *domain) templateByName(name string) *template {
	return liveEntityNamed(d.Templates, name)
}

func (d *domain) templateTags(id string) *tagMap {
	return liveEntityTags(d.Templates, id)
}

// liveTemplatesWhere describes the live templates for which match holds.
func (d *domain) liveTemplatesWhere(match func(*template) bool) []string {
	return liveEntitiesWhere(d.Templates, "template", match)
}

// templatesUsingField is the field finder (domainEntities) of templates.
func (d *domain) templatesUsingField(fieldID string) []string {
	return d.liveTemplatesWhere(func(t *template) bool {
		for _, f := range t.RequiredFields {
			if *f.FieldID == fieldID {
				return true
			}
		}
		for _, r := range t.Rules {
			if *r.FieldID == fieldID {
				return true
			}
		}
		return false
	})
}

// templatesUsingLayout describes the live templates whose default layout is
// layoutID: DeleteLayout refuses to leave them pointing at a deleted one.
func (d *domain) templatesUsingLayout(layoutID string) []string {
	return d.liveTemplatesWhere(func(t *template) bool {
		return t.LayoutConfiguration != nil && t.LayoutConfiguration.DefaultLayout != nil && *t.LayoutConfiguration.DefaultLayout == layoutID
	})
}

// templatesUsingCaseRule describes the live templates whose rules include
// ruleID.
func (d *domain) templatesUsingCaseRule(ruleID string) []string {
	return d.liveTemplatesWhere(func(t *template) bool {
		for _, r := range t.Rules {
			if *r.CaseRuleID == ruleID {
				return true
			}
		}
		return false
	})
}

type createTemplateOutput struct {
	TemplateID  string `json:"templateId"`
	TemplateARN string `json:"templateArn"`
}

func createTemplate(e *Emulator, req *opRequest) (any, error) {
	var in templateFields
	if err := req.decodeBody(&in); err != nil {
		return nil, err
	}
	domainID := req.label("domainId")
	in.applyDefaults()

	config, _ := e.runtimeSnapshot()
	now := e.now().UTC().Truncate(time.Millisecond)
	e.store.mu.Lock()
	defer e.store.mu.Unlock()
	tn := e.store.tenant(req.call.Account, req.call.Region)
	d, err := e.domainForConfig(tn, domainID, true, CodeConflict, "templates")
	if err != nil {
		return nil, err
	}
	if err := d.checkTemplateReferences(&in); err != nil {
		return nil, err
	}
	if existing := d.templateByName(*in.Name); existing != nil {
		return nil, conflictError("A template named '%s' already exists in domain '%s' (templateId %s).", existing.Name, d.ID, existing.ID)
	}
	if live, _ := liveCount(d.Templates); live >= config.Quotas.TemplatesPerDomain {
		return nil, quotaError("Domain '%s' already has %d of at most %d templates. Delete a template or raise the quota.", d.ID, live, config.Quotas.TemplatesPerDomain)
	}
	id := newUUID()
	t := &template{
		ID:               id,
		ARN:              templateARN(d.ARN, id),
		Status:           templateStatusActive, // the service's default
		Tags:             tagMap{},
		CreatedTime:      now,
		LastModifiedTime: now,
		Sequence:         tn.nextSequence(),
	}
	t.apply(&in)
	if d.Templates == nil {
		d.Templates = map[string]*template{}
	}
	d.Templates[id] = t
	return createTemplateOutput{TemplateID: t.ID, TemplateARN: t.ARN}, nil
}

// apply sets the members of in that are present; absent ones keep their
// value ("If a null value is provided for a given attribute, that attribute
// is ignored and its current value is preserved", UpdateTemplate).
func (t *template) apply(in *templateFields) {
	if in.Name != nil {
		t.Name = *in.Name
	}
	if in.Description != nil {
		t.Description = *in.Description
	}
	if in.LayoutConfiguration != nil {
		t.LayoutConfiguration = deepCopy(in.LayoutConfiguration)
	}
	if in.RequiredFields != nil {
		t.RequiredFields = deepCopy(in.RequiredFields)
	}
	if in.Status != nil {
		t.Status = *in.Status
	}
	if in.Rules != nil {
		t.Rules = deepCopy(in.Rules)
	}
	if in.TagPropagationConfigurations != nil {
		t.TagPropagationConfigurations = deepCopy(in.TagPropagationConfigurations)
	}
}

// getTemplateOutput is the model's GetTemplateResponse.
type getTemplateOutput struct {
	TemplateID                   string                        `json:"templateId"`
	TemplateARN                  string                        `json:"templateArn"`
	Name                         string                        `json:"name"`
	Description                  string                        `json:"description,omitempty"`
	LayoutConfiguration          *layoutConfiguration          `json:"layoutConfiguration,omitempty"`
	RequiredFields               []requiredField               `json:"requiredFields"`
	Tags                         tagMap                        `json:"tags"`
	Status                       string                        `json:"status"`
	Deleted                      bool                          `json:"deleted"`
	CreatedTime                  string                        `json:"createdTime"`
	LastModifiedTime             string                        `json:"lastModifiedTime"`
	Rules                        []templateRule                `json:"rules"`
	TagPropagationConfigurations []tagPropagationConfiguration `json:"tagPropagationConfigurations,omitempty"`
}

func getTemplate(e *Emulator, req *opRequest) (any, error) {
	domainID, templateID := req.label("domainId"), req.label("templateId")
	e.store.mu.RLock()
	defer e.store.mu.RUnlock()
	d, err := e.domainForConfig(e.store.tenant(req.call.Account, req.call.Region), domainID, false, "", "")
	if err != nil {
		return nil, err
	}
	t := d.Templates[templateID]
	if t == nil {
		return nil, notFoundError(resourceTypeTemplate, templateID)
	}
	out := getTemplateOutput{
		TemplateID:                   t.ID,
		TemplateARN:                  t.ARN,
		Name:                         t.Name,
		Description:                  t.Description,
		LayoutConfiguration:          deepCopy(t.LayoutConfiguration),
		RequiredFields:               deepCopy(t.RequiredFields),
		Tags:                         t.Tags.clone(),
		Status:                       t.Status,
		Deleted:                      t.Deleted,
		CreatedTime:                  formatDateTime(t.CreatedTime),
		LastModifiedTime:             formatDateTime(t.LastModifiedTime),
		Rules:                        deepCopy(t.Rules),
		TagPropagationConfigurations: deepCopy(t.TagPropagationConfigurations),
	}
	if out.RequiredFields == nil {
		out.RequiredFields = []requiredField{}
	}
	if out.Rules == nil {
		out.Rules = []templateRule{}
	}
	return out, nil
}

type templateSummary struct {
	TemplateID                   string                        `json:"templateId"`
	TemplateARN                  string                        `json:"templateArn"`
	Name                         string                        `json:"name"`
	Status                       string                        `json:"status"`
	TagPropagationConfigurations []tagPropagationConfiguration `json:"tagPropagationConfigurations,omitempty"`
}

type listTemplatesOutput struct {
	Templates []templateSummary `json:"templates"`
	NextToken string            `json:"nextToken,omitempty"`
}

func listTemplates(e *Emulator, req *opRequest) (any, error) {
	domainID := req.label("domainId")
	maxResults, nextToken := pageQuery(req, defaultMaxResults)
	statuses, filtered := req.query["status"]
	e.store.mu.RLock()
	defer e.store.mu.RUnlock()
	d, err := e.domainForConfig(e.store.tenant(req.call.Account, req.call.Region), domainID, false, "", "")
	if err != nil {
		return nil, err
	}
	keep := func(t *template) bool {
		if !filtered {
			return true
		}
		for _, s := range statuses {
			if t.Status == s {
				return true
			}
		}
		return false
	}
	page, next, err := livePage(d.Templates, nextToken, maxResults, keep)
	if err != nil {
		return nil, err
	}
	out := listTemplatesOutput{Templates: []templateSummary{}, NextToken: next}
	for _, t := range page {
		out.Templates = append(out.Templates, templateSummary{
			TemplateID: t.ID, TemplateARN: t.ARN, Name: t.Name, Status: t.Status,
			TagPropagationConfigurations: deepCopy(t.TagPropagationConfigurations),
		})
	}
	return out, nil
}

func updateTemplate(e *Emulator, req *opRequest) (any, error) {
	var in templateFields
	if err := req.decodeBody(&in); err != nil {
		return nil, err
	}
	domainID, templateID := req.label("domainId"), req.label("templateId")
	in.applyDefaults()
	if in.empty() {
		// UpdateTemplate (model documentation): "At least one of these
		// attributes must not be null."
		return nil, validationError("UpdateTemplate needs at least one of name, description, layoutConfiguration, requiredFields, status and rules.")
	}

	now := e.now().UTC().Truncate(time.Millisecond)
	e.store.mu.Lock()
	defer e.store.mu.Unlock()
	d, err := e.domainForConfig(e.store.tenant(req.call.Account, req.call.Region), domainID, true, CodeConflict, "templates")
	if err != nil {
		return nil, err
	}
	t := d.Templates[templateID]
	if t == nil {
		return nil, notFoundError(resourceTypeTemplate, templateID)
	}
	if t.Deleted {
		// DeleteTemplate (model documentation): "You cannot update the
		// template."
		return nil, validationError("Template '%s' is deleted; a deleted template cannot be updated.", templateID)
	}
	if err := d.checkTemplateReferences(&in); err != nil {
		return nil, err
	}
	if in.Name != nil && *in.Name != t.Name {
		if existing := d.templateByName(*in.Name); existing != nil {
			return nil, conflictError("A template named '%s' already exists in domain '%s' (templateId %s).", existing.Name, d.ID, existing.ID)
		}
	}
	t.apply(&in)
	t.LastModifiedTime = now
	return nil, nil
}

func deleteTemplate(e *Emulator, req *opRequest) (any, error) {
	domainID, templateID := req.label("domainId"), req.label("templateId")
	now := e.now().UTC().Truncate(time.Millisecond)
	e.store.mu.Lock()
	defer e.store.mu.Unlock()
	d, err := e.domainForConfig(e.store.tenant(req.call.Account, req.call.Region), domainID, true, CodeConflict, "templates")
	if err != nil {
		return nil, err
	}
	t := d.Templates[templateID]
	if t == nil || t.Deleted {
		return nil, notFoundError(resourceTypeTemplate, templateID)
	}
	if _, deleted := liveCount(d.Templates); deleted >= maxDeletedTemplatesPerDomain {
		// DeleteTemplate declares no ServiceQuotaExceededException.
		return nil, validationError("Domain '%s' already has %d deleted templates; at most %d templates can be deleted per domain.", d.ID, deleted, maxDeletedTemplatesPerDomain)
	}
	t.Deleted = true
	t.LastModifiedTime = now
	return nil, nil
}
