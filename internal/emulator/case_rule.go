package emulator

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/connect-cases/terraform-provider-cases/internal/apimodel"
)

// resourceTypeCaseRule is the resourceType of ResourceNotFoundException for
// a case rule.
const resourceTypeCaseRule = "CaseRule"

// Rule types: the RuleType enum of the SDK (the model in shared/ knows only
// Required; the SDK adds Hidden and FieldOptions).
const (
	ruleTypeRequired     = "Required"
	ruleTypeHidden       = "Hidden"
	ruleTypeFieldOptions = "FieldOptions"
)

// caseRule is a case rule as stored. A deleted rule stays, marked Deleted:
// BatchGetCaseRule still returns it, ListCaseRules does not.
type caseRule struct {
	ID               string           `json:"caseRuleId"`
	ARN              string           `json:"caseRuleArn"`
	Name             string           `json:"name"`
	Description      string           `json:"description,omitempty"`
	Rule             *caseRuleDetails `json:"rule"`
	Tags             tagMap           `json:"tags"`
	Deleted          bool             `json:"deleted,omitempty"`
	CreatedTime      time.Time        `json:"createdTime"`
	LastModifiedTime time.Time        `json:"lastModifiedTime"`
	Sequence         uint64           `json:"sequence"`
}

func (r *caseRule) sequence() uint64    { return r.Sequence }
func (r *caseRule) isDeleted() bool     { return r.Deleted }
func (r *caseRule) entityID() string    { return r.ID }
func (r *caseRule) entityName() string  { return r.Name }
func (r *caseRule) entityTags() *tagMap { return &r.Tags }

// caseRuleDetails is the CaseRuleDetails union of the SDK.
type caseRuleDetails struct {
	Required     *conditionalRule      `json:"required,omitempty"`
	Hidden       *conditionalRule      `json:"hidden,omitempty"`
	FieldOptions *fieldOptionsCaseRule `json:"fieldOptions,omitempty"`
}

// conditionalRule is RequiredCaseRule (and the SDK's HiddenCaseRule, of the
// same shape).
type conditionalRule struct {
	DefaultValue *bool              `json:"defaultValue"`
	Conditions   []booleanCondition `json:"conditions"`
}

// booleanCondition is the BooleanCondition union; the SDK adds andAll and
// orAll.
type booleanCondition struct {
	EqualTo    *booleanOperands   `json:"equalTo,omitempty"`
	NotEqualTo *booleanOperands   `json:"notEqualTo,omitempty"`
	AndAll     *compoundCondition `json:"andAll,omitempty"`
	OrAll      *compoundCondition `json:"orAll,omitempty"`
}

type compoundCondition struct {
	Conditions []booleanCondition `json:"conditions"`
}

type booleanOperands struct {
	OperandOne *operandOne `json:"operandOne"`
	OperandTwo *operandTwo `json:"operandTwo"`
	Result     *bool       `json:"result"`
}

// operandOne is the OperandOne union: fieldId is its only member.
type operandOne struct {
	FieldID *string `json:"fieldId,omitempty"`
}

// operandTwo is the OperandTwo union.
type operandTwo struct {
	StringValue  *string   `json:"stringValue,omitempty"`
	BooleanValue *bool     `json:"booleanValue,omitempty"`
	DoubleValue  *float64  `json:"doubleValue,omitempty"`
	EmptyValue   *struct{} `json:"emptyValue,omitempty"`
}

// fieldOptionsCaseRule is the SDK's FieldOptionsCaseRule.
type fieldOptionsCaseRule struct {
	ParentFieldID                   *string                          `json:"parentFieldId,omitempty"`
	ChildFieldID                    *string                          `json:"childFieldId,omitempty"`
	ParentChildFieldOptionsMappings []parentChildFieldOptionsMapping `json:"parentChildFieldOptionsMappings"`
}

type parentChildFieldOptionsMapping struct {
	ParentFieldOptionValue *string  `json:"parentFieldOptionValue"`
	ChildFieldOptionValues []string `json:"childFieldOptionValues"`
}

func caseRuleARN(domainARN, id string) string {
	return domainARN + "/case-rule/" + id
}

// ruleType names the member of the union that is set.
func (r *caseRuleDetails) ruleType() string {
	switch {
	case r.Required != nil:
		return ruleTypeRequired
	case r.Hidden != nil:
		return ruleTypeHidden
	default:
		return ruleTypeFieldOptions
	}
}

// fieldIDs returns the fields the rule reads, in order.
func (r *caseRuleDetails) fieldIDs() []string {
	if r == nil {
		return nil
	}
	var ids []string
	var walk func([]booleanCondition)
	walk = func(conditions []booleanCondition) {
		for _, c := range conditions {
			for _, ops := range []*booleanOperands{c.EqualTo, c.NotEqualTo} {
				if ops != nil && ops.OperandOne != nil && ops.OperandOne.FieldID != nil {
					ids = append(ids, *ops.OperandOne.FieldID)
				}
			}
			for _, compound := range []*compoundCondition{c.AndAll, c.OrAll} {
				if compound != nil {
					walk(compound.Conditions)
				}
			}
		}
	}
	for _, cr := range []*conditionalRule{r.Required, r.Hidden} {
		if cr != nil {
			walk(cr.Conditions)
		}
	}
	if fo := r.FieldOptions; fo != nil {
		for _, id := range []*string{fo.ParentFieldID, fo.ChildFieldID} {
			if id != nil {
				ids = append(ids, *id)
			}
		}
	}
	return ids
}

// checkConditionLimits applies the limits the model states in the
// documentation of CompoundCondition.conditions: "A case rule can have a
// maximum of 5 conditions, spread across a maximum of 2 levels of nesting."
// Conditions are counted as comparisons (equalTo, notEqualTo); andAll and
// orAll only group them. A nil rule (an update without one) passes.
func checkConditionLimits(r *caseRuleDetails) *APIError {
	if r == nil {
		return nil
	}
	for _, m := range []struct {
		name string
		rule *conditionalRule
	}{{"required", r.Required}, {"hidden", r.Hidden}} {
		if m.rule == nil {
			continue
		}
		comparisons, depth := conditionStats(m.rule.Conditions, 0)
		if comparisons > apimodel.CaseRuleMaxConditions {
			return validationError("'rule.%s.conditions' holds %d conditions; a case rule can have a maximum of %d conditions, compound conditions included.",
				m.name, comparisons, apimodel.CaseRuleMaxConditions)
		}
		if depth > apimodel.CaseRuleMaxNesting {
			return validationError("'rule.%s.conditions' nests andAll/orAll %d levels deep; a case rule can have a maximum of %d levels of nesting.",
				m.name, depth, apimodel.CaseRuleMaxNesting)
		}
	}
	return nil
}

// conditionStats returns how many comparisons conditions hold and how deep
// their compound conditions nest below level.
func conditionStats(conditions []booleanCondition, level int) (comparisons, depth int) {
	depth = level
	for _, c := range conditions {
		if c.EqualTo != nil || c.NotEqualTo != nil {
			comparisons++
		}
		for _, compound := range []*compoundCondition{c.AndAll, c.OrAll} {
			if compound == nil {
				continue
			}
			n, d := conditionStats(compound.Conditions, level+1)
			comparisons += n
			depth = max(depth, d)
		}
	}
	return comparisons, depth
}

// checkCaseRuleReferences applies the referential rules of a case rule:
// every field it reads exists and is not deleted; a fieldOptions rule links
// two different SingleSelect fields and maps only values that are options
// of them (an empty value, which the model's pattern allows, stands for "no
// value" and needs no option).
func (d *domain) checkCaseRuleReferences(r *caseRuleDetails) *APIError {
	if err := d.requireLiveFields("rule", r.fieldIDs()); err != nil {
		return err
	}
	fo := r.FieldOptions
	if fo == nil {
		return nil
	}
	// The model leaves both ids optional, but a rule without either has
	// nothing to act on.
	if fo.ParentFieldID == nil || fo.ChildFieldID == nil {
		return validationError("'rule.fieldOptions' needs both parentFieldId and childFieldId.")
	}
	parentID, childID := *fo.ParentFieldID, *fo.ChildFieldID
	if parentID == childID {
		return validationError("'rule.fieldOptions' names field '%s' as both parent and child; a field cannot restrict its own options.", parentID)
	}
	for _, side := range []struct {
		member, id string
		values     func() []string
	}{
		{"parentFieldId", parentID, func() []string {
			out := make([]string, 0, len(fo.ParentChildFieldOptionsMappings))
			for _, m := range fo.ParentChildFieldOptionsMappings {
				if m.ParentFieldOptionValue != nil {
					out = append(out, *m.ParentFieldOptionValue)
				}
			}
			return out
		}},
		{"childFieldId", childID, func() []string {
			var out []string
			for _, m := range fo.ParentChildFieldOptionsMappings {
				out = append(out, m.ChildFieldOptionValues...)
			}
			return out
		}},
	} {
		f, _ := d.liveField(side.id)
		if f.Type != fieldTypeSingleSelect {
			return validationError("'rule.fieldOptions.%s' is field '%s' (%s) of type %s; a fieldOptions rule links fields of type %s.",
				side.member, f.Name, f.ID, f.Type, fieldTypeSingleSelect)
		}
		var unknown []string
		for _, value := range side.values() {
			if value != "" && f.optionByValue(value) == nil && f.fixedOption(value) == nil && !slices.Contains(unknown, value) {
				unknown = append(unknown, value)
			}
		}
		if len(unknown) > 0 {
			return validationError("'rule.fieldOptions' maps values that are not options of field '%s' (%s): %s. Add them with BatchPutFieldOptions first.",
				f.Name, f.ID, strings.Join(unknown, ", "))
		}
	}
	return nil
}

func (d *domain) caseRuleByName(name string) *caseRule {
	return liveEntityNamed(d.CaseRules, name)
}

// liveCaseRule returns the case rule with id unless it does not exist or is
// deleted.
func (d *domain) liveCaseRule(id string) (*caseRule, bool) {
	return liveEntity(d.CaseRules, id)
}

func (d *domain) caseRuleTags(id string) *tagMap {
	return liveEntityTags(d.CaseRules, id)
}

// caseRulesUsingField is the field finder (domainEntities) of case rules.
func (d *domain) caseRulesUsingField(fieldID string) []string {
	return liveEntitiesWhere(d.CaseRules, "case rule", func(r *caseRule) bool {
		return slices.Contains(r.Rule.fieldIDs(), fieldID)
	})
}

type createCaseRuleInput struct {
	Name        *string          `json:"name"`
	Description *string          `json:"description"`
	Rule        *caseRuleDetails `json:"rule"`
}

type createCaseRuleOutput struct {
	CaseRuleID  string `json:"caseRuleId"`
	CaseRuleARN string `json:"caseRuleArn"`
}

func createCaseRule(e *Emulator, req *opRequest) (any, error) {
	var in createCaseRuleInput
	if err := req.decodeBody(&in); err != nil {
		return nil, err
	}
	domainID := req.label("domainId")
	if err := checkConditionLimits(in.Rule); err != nil {
		return nil, err
	}

	now := e.now().UTC().Truncate(time.Millisecond)
	e.store.mu.Lock()
	defer e.store.mu.Unlock()
	t := e.store.tenant(req.call.Account, req.call.Region)
	d, err := e.domainForConfig(t, domainID, true, CodeConflict, "case rules")
	if err != nil {
		return nil, err
	}
	if err := d.checkCaseRuleReferences(in.Rule); err != nil {
		return nil, err
	}
	if existing := d.caseRuleByName(*in.Name); existing != nil {
		return nil, conflictError("A case rule named '%s' already exists in domain '%s' (caseRuleId %s).", existing.Name, d.ID, existing.ID)
	}
	id := newUUID()
	r := &caseRule{
		ID:               id,
		ARN:              caseRuleARN(d.ARN, id),
		Name:             *in.Name,
		Rule:             deepCopy(in.Rule),
		Tags:             tagMap{},
		CreatedTime:      now,
		LastModifiedTime: now,
		Sequence:         t.nextSequence(),
	}
	if in.Description != nil {
		r.Description = *in.Description
	}
	if d.CaseRules == nil {
		d.CaseRules = map[string]*caseRule{}
	}
	d.CaseRules[id] = r
	return createCaseRuleOutput{CaseRuleID: r.ID, CaseRuleARN: r.ARN}, nil
}

type caseRuleIdentifier struct {
	ID *string `json:"id"`
}

type batchGetCaseRuleInput struct {
	CaseRules []caseRuleIdentifier `json:"caseRules"`
}

// getCaseRuleResponse is the model's GetCaseRuleResponse.
type getCaseRuleResponse struct {
	CaseRuleID       string           `json:"caseRuleId"`
	Name             string           `json:"name"`
	CaseRuleARN      string           `json:"caseRuleArn"`
	Rule             *caseRuleDetails `json:"rule"`
	Description      string           `json:"description,omitempty"`
	Deleted          bool             `json:"deleted"`
	CreatedTime      string           `json:"createdTime"`
	LastModifiedTime string           `json:"lastModifiedTime"`
	Tags             tagMap           `json:"tags"`
}

// caseRuleError is the model's CaseRuleError.
type caseRuleError struct {
	ID        string `json:"id"`
	ErrorCode string `json:"errorCode"`
	Message   string `json:"message"`
}

type batchGetCaseRuleOutput struct {
	CaseRules []getCaseRuleResponse `json:"caseRules"`
	Errors    []caseRuleError       `json:"errors"`
}

func batchGetCaseRule(e *Emulator, req *opRequest) (any, error) {
	var in batchGetCaseRuleInput
	if err := req.decodeBody(&in); err != nil {
		return nil, err
	}
	domainID := req.label("domainId")

	e.store.mu.RLock()
	defer e.store.mu.RUnlock()
	d, err := e.domainForConfig(e.store.tenant(req.call.Account, req.call.Region), domainID, false, "", "")
	if err != nil {
		return nil, err
	}
	out := batchGetCaseRuleOutput{CaseRules: []getCaseRuleResponse{}, Errors: []caseRuleError{}}
	seen := map[string]bool{}
	for _, id := range in.CaseRules {
		if seen[*id.ID] {
			continue
		}
		seen[*id.ID] = true
		r := d.CaseRules[*id.ID]
		if r == nil {
			out.Errors = append(out.Errors, caseRuleError{ID: *id.ID, ErrorCode: CodeResourceNotFound, Message: fmt.Sprintf("Case rule '%s' does not exist in domain '%s'.", *id.ID, d.ID)})
			continue
		}
		out.CaseRules = append(out.CaseRules, getCaseRuleResponse{
			CaseRuleID:       r.ID,
			Name:             r.Name,
			CaseRuleARN:      r.ARN,
			Rule:             deepCopy(r.Rule),
			Description:      r.Description,
			Deleted:          r.Deleted,
			CreatedTime:      formatDateTime(r.CreatedTime),
			LastModifiedTime: formatDateTime(r.LastModifiedTime),
			Tags:             r.Tags.clone(),
		})
	}
	return out, nil
}

type caseRuleSummary struct {
	CaseRuleID  string `json:"caseRuleId"`
	Name        string `json:"name"`
	CaseRuleARN string `json:"caseRuleArn"`
	RuleType    string `json:"ruleType"`
	Description string `json:"description,omitempty"`
}

type listCaseRulesOutput struct {
	CaseRules []caseRuleSummary `json:"caseRules"`
	NextToken string            `json:"nextToken,omitempty"`
}

func listCaseRules(e *Emulator, req *opRequest) (any, error) {
	domainID := req.label("domainId")
	maxResults, nextToken := pageQuery(req, defaultMaxResults)
	e.store.mu.RLock()
	defer e.store.mu.RUnlock()
	d, err := e.domainForConfig(e.store.tenant(req.call.Account, req.call.Region), domainID, false, "", "")
	if err != nil {
		return nil, err
	}
	page, next, err := livePage(d.CaseRules, nextToken, maxResults, nil)
	if err != nil {
		return nil, err
	}
	out := listCaseRulesOutput{CaseRules: []caseRuleSummary{}, NextToken: next}
	for _, r := range page {
		out.CaseRules = append(out.CaseRules, caseRuleSummary{
			CaseRuleID: r.ID, Name: r.Name, CaseRuleARN: r.ARN, RuleType: r.Rule.ruleType(), Description: r.Description,
		})
	}
	return out, nil
}

type updateCaseRuleInput struct {
	Name        *string          `json:"name"`
	Description *string          `json:"description"`
	Rule        *caseRuleDetails `json:"rule"`
}

func updateCaseRule(e *Emulator, req *opRequest) (any, error) {
	var in updateCaseRuleInput
	if err := req.decodeBody(&in); err != nil {
		return nil, err
	}
	domainID, ruleID := req.label("domainId"), req.label("caseRuleId")
	if err := checkConditionLimits(in.Rule); err != nil {
		return nil, err
	}

	now := e.now().UTC().Truncate(time.Millisecond)
	e.store.mu.Lock()
	defer e.store.mu.Unlock()
	d, err := e.domainForConfig(e.store.tenant(req.call.Account, req.call.Region), domainID, true, CodeConflict, "case rules")
	if err != nil {
		return nil, err
	}
	r := d.CaseRules[ruleID]
	if r == nil {
		return nil, notFoundError(resourceTypeCaseRule, ruleID)
	}
	if r.Deleted {
		return nil, validationError("Case rule '%s' is deleted; a deleted case rule cannot be updated.", ruleID)
	}
	if in.Rule != nil {
		if err := d.checkCaseRuleReferences(in.Rule); err != nil {
			return nil, err
		}
	}
	if in.Name != nil && *in.Name != r.Name {
		if existing := d.caseRuleByName(*in.Name); existing != nil {
			return nil, conflictError("A case rule named '%s' already exists in domain '%s' (caseRuleId %s).", existing.Name, d.ID, existing.ID)
		}
		r.Name = *in.Name
	}
	if in.Description != nil {
		r.Description = *in.Description
	}
	if in.Rule != nil {
		r.Rule = deepCopy(in.Rule)
	}
	r.LastModifiedTime = now
	return nil, nil
}

func deleteCaseRule(e *Emulator, req *opRequest) (any, error) {
	domainID, ruleID := req.label("domainId"), req.label("caseRuleId")
	now := e.now().UTC().Truncate(time.Millisecond)
	e.store.mu.Lock()
	defer e.store.mu.Unlock()
	d, err := e.domainForConfig(e.store.tenant(req.call.Account, req.call.Region), domainID, true, CodeConflict, "case rules")
	if err != nil {
		return nil, err
	}
	r := d.CaseRules[ruleID]
	if r == nil || r.Deleted {
		return nil, notFoundError(resourceTypeCaseRule, ruleID)
	}
	if users := d.referrers(refCaseRule, ruleID); len(users) > 0 {
		return nil, conflictError("Case rule '%s' (%s) is used by %s. Remove it from their rules before deleting it.", r.Name, ruleID, strings.Join(users, ", "))
	}
	r.Deleted = true
	r.LastModifiedTime = now
	return nil, nil
}
