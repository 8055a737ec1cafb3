package emulator

import (
	"fmt"
	"slices"
	"sort"
	"strings"
)

// Enforcement of the applied configuration on CreateCase and UpdateCase. The
// case as it would be after the request is checked whole, and every problem
// is named in one ValidationException, so that a caller (or a test) sees all
// of them at once:
//
//   - the template's requiredFields, and on CreateCase the fields the model
//     documents as required on every case (customer_id and title), must
//     have a value;
//   - each rule of the template (TemplateRule: a case rule acting on a
//     field) is evaluated on the case's values. A required rule that
//     evaluates to true makes its field required; a hidden rule that
//     evaluates to true hides its field; a fieldOptions rule restricts the
//     child field to the values mapped to the parent's value;
//   - a hidden field is never required, and a request may not give it a
//     value (emptyValue, which clears it, is allowed).
//
// Evaluation of conditions (the model: "the first condition to evaluate to
// true dictates the value of the rule", RequiredCaseRule.conditions; andAll
// is true when all its conditions are, orAll when one is, BooleanCondition):
// equalTo holds when the field's value equals operandTwo (emptyValue matches
// a field without a value), notEqualTo when it does not. A condition that
// holds gives the rule the result of its comparison; for andAll that is the
// result of its first condition, for orAll that of its first condition that
// holds. No condition holds: the rule's defaultValue.

// documentedRequiredOnCreate are the fields CreateCase needs whatever the
// template says: "The following fields are required when creating a case:
// customer_id ... title" (documentation of CreateCase in the model).
var documentedRequiredOnCreate = []string{"customer_id", "title"}

// conditionOutcome is what one condition gives: whether it holds, and if so
// the value it gives the rule.
type conditionOutcome struct {
	holds  bool
	result bool
}

func evalCondition(c *booleanCondition, values map[string]fieldValueUnion) conditionOutcome {
	leaf := func(ops *booleanOperands, negate bool) conditionOutcome {
		var actual fieldValueUnion
		if ops.OperandOne != nil && ops.OperandOne.FieldID != nil {
			actual = values[*ops.OperandOne.FieldID]
		}
		holds := operandMatches(&actual, ops.OperandTwo)
		if negate {
			holds = !holds
		}
		return conditionOutcome{holds: holds, result: ops.Result != nil && *ops.Result}
	}
	switch {
	case c.EqualTo != nil:
		return leaf(c.EqualTo, false)
	case c.NotEqualTo != nil:
		return leaf(c.NotEqualTo, true)
	case c.AndAll != nil:
		if len(c.AndAll.Conditions) == 0 {
			return conditionOutcome{}
		}
		first := evalCondition(&c.AndAll.Conditions[0], values)
		for i := range c.AndAll.Conditions {
			if !evalCondition(&c.AndAll.Conditions[i], values).holds {
				return conditionOutcome{}
			}
		}
		return conditionOutcome{holds: true, result: first.result}
	case c.OrAll != nil:
		for i := range c.OrAll.Conditions {
			if out := evalCondition(&c.OrAll.Conditions[i], values); out.holds {
				return out
			}
		}
	}
	return conditionOutcome{}
}

// operandMatches reports whether a field's value equals operandTwo.
func operandMatches(actual *fieldValueUnion, op *operandTwo) bool {
	switch {
	case op == nil:
		return false
	case op.EmptyValue != nil:
		return actual.isEmpty()
	case op.StringValue != nil:
		return actual.StringValue != nil && *actual.StringValue == *op.StringValue ||
			actual.UserArnValue != nil && *actual.UserArnValue == *op.StringValue
	case op.BooleanValue != nil:
		return actual.BooleanValue != nil && *actual.BooleanValue == *op.BooleanValue
	case op.DoubleValue != nil:
		return actual.DoubleValue != nil && *actual.DoubleValue == *op.DoubleValue
	}
	return false
}

// evalRule returns the value of a required or hidden rule on values.
func evalRule(r *conditionalRule, values map[string]fieldValueUnion) bool {
	for i := range r.Conditions {
		if out := evalCondition(&r.Conditions[i], values); out.holds {
			return out.result
		}
	}
	return r.DefaultValue != nil && *r.DefaultValue
}

// caseRulesOf returns the rules a template applies, each with the field it
// acts on, skipping rules that no longer exist.
func (d *domain) caseRulesOf(t *template) []appliedRule {
	var out []appliedRule
	for _, tr := range t.Rules {
		r := d.CaseRules[*tr.CaseRuleID]
		if r == nil || r.Rule == nil {
			continue
		}
		out = append(out, appliedRule{rule: r, fieldID: *tr.FieldID})
	}
	return out
}

type appliedRule struct {
	rule    *caseRule
	fieldID string
}

// enforceTemplate checks the case values after a request (after) against
// template t. sent holds the ids of the fields the request sets to a value;
// creating adds the fields every new case needs.
func (d *domain) enforceTemplate(t *template, after map[string]fieldValueUnion, sent []string, creating bool) *APIError {
	rules := d.caseRulesOf(t)

	hiddenBy := map[string]string{} // field id -> the rule hiding it
	for _, ar := range rules {
		if h := ar.rule.Rule.Hidden; h != nil && ar.fieldID != templateRuleFieldIDDefault && evalRule(h, after) {
			hiddenBy[ar.fieldID] = ar.rule.Name
		}
	}

	requiredBy := map[string]string{} // field id -> why
	var order []string
	need := func(id, why string) {
		if _, seen := requiredBy[id]; !seen {
			order = append(order, id)
			requiredBy[id] = why
		}
	}
	if creating {
		for _, id := range documentedRequiredOnCreate {
			need(id, "every new case")
		}
	}
	for _, rf := range t.RequiredFields {
		need(*rf.FieldID, fmt.Sprintf("template '%s'", t.Name))
	}
	for _, ar := range rules {
		if r := ar.rule.Rule.Required; r != nil && ar.fieldID != templateRuleFieldIDDefault && evalRule(r, after) {
			need(ar.fieldID, fmt.Sprintf("case rule '%s'", ar.rule.Name))
		}
	}

	var problems []string
	for _, id := range order {
		if _, hidden := hiddenBy[id]; hidden {
			continue
		}
		if v := after[id]; v.isEmpty() {
			problems = append(problems, fmt.Sprintf("field %s is required by %s and has no value", d.fieldLabel(id), requiredBy[id]))
		}
	}
	for _, id := range sent {
		if rule, hidden := hiddenBy[id]; hidden {
			problems = append(problems, fmt.Sprintf("field %s is hidden by case rule '%s' and cannot be given a value", d.fieldLabel(id), rule))
		}
	}
	for _, ar := range rules {
		if fo := ar.rule.Rule.FieldOptions; fo != nil {
			if msg := checkFieldOptionsRule(d, ar.rule, after); msg != "" {
				problems = append(problems, msg)
			}
		}
	}
	if len(problems) == 0 {
		return nil
	}
	return validationError("The case does not satisfy the configuration of template '%s' (%s): %s.", t.Name, t.ID, strings.Join(problems, "; "))
}

// checkFieldOptionsRule applies a fieldOptions rule: when the parent field
// has a value that the rule maps, the child field may only hold one of the
// mapped values. A parent without a value, or with a value the rule does not
// map, leaves the child free (the model is silent; the emulator restricts
// only what the mapping names).
func checkFieldOptionsRule(d *domain, r *caseRule, after map[string]fieldValueUnion) string {
	fo := r.Rule.FieldOptions
	if fo.ParentFieldID == nil || fo.ChildFieldID == nil {
		return ""
	}
	parent, child := after[*fo.ParentFieldID], after[*fo.ChildFieldID]
	if parent.StringValue == nil || child.isEmpty() {
		return ""
	}
	for _, m := range fo.ParentChildFieldOptionsMappings {
		if m.ParentFieldOptionValue == nil || *m.ParentFieldOptionValue != *parent.StringValue {
			continue
		}
		if child.StringValue != nil && slices.Contains(m.ChildFieldOptionValues, *child.StringValue) {
			return ""
		}
		allowed := append([]string(nil), m.ChildFieldOptionValues...)
		sort.Strings(allowed)
		return fmt.Sprintf("field %s cannot be '%s' while field %s is '%s' (case rule '%s' allows: %s)",
			d.fieldLabel(*fo.ChildFieldID), child.text(), d.fieldLabel(*fo.ParentFieldID), *parent.StringValue, r.Name, strings.Join(allowed, ", "))
	}
	return ""
}

// fieldLabel names a field in messages: its name in quotes and its id.
func (d *domain) fieldLabel(id string) string {
	if f := d.Fields[id]; f != nil && f.Name != id {
		return fmt.Sprintf("'%s' (%s)", f.Name, id)
	}
	return "'" + id + "'"
}
