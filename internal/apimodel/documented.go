package apimodel

// Limits the Cases model states in documentation rather than in constraint
// traits, so the generator cannot see them. Each is pinned to the sentence
// it comes from by TestDocumentedLimits, which fails when the vendored model
// says otherwise.
const (
	// CaseRuleMaxConditions is how many comparisons (equalTo, notEqualTo)
	// one case rule may hold in all, compound conditions included:
	// CompoundCondition.conditions says "A case rule can have a maximum of
	// 5 conditions, spread across a maximum of 2 levels of nesting."
	CaseRuleMaxConditions = 5
	// CaseRuleMaxNesting is how deep andAll/orAll may nest: a compound
	// condition in a rule's conditions is level 1, a compound condition
	// inside it level 2 (same sentence).
	CaseRuleMaxNesting = 2
)

// caseRuleLimitsSentence is the documentation of
// CompoundCondition.conditions the two limits above come from.
const caseRuleLimitsSentence = "A case rule can have a maximum of %d conditions, spread across a maximum of %d levels of nesting."
