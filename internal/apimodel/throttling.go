package apimodel

import "sync"

// The Cases API's published default throttling quotas: the table "Connect
// Customer Cases API throttling quotas" in the Amazon Connect Administrator
// Guide,
// https://docs.aws.amazon.com/connect/latest/adminguide/amazon-connect-service-limits.html#cases-api-quotas.
// The Smithy model carries no rates, so this table is typed in here, once:
// the emulator's service-defaults rate limit profile and the provider's
// client-side rate control both read it.
//
// The guide gives a rate and a burst per row of APIs, and its best-practices
// page says the limits are "defined for each API separately at the AWS
// account level": every operation has a token bucket of its own, per
// account and Region, with its row's figures. The table names two
// operations in the plural ("CreateRelatedItems", "DeleteCaseRules"); the
// model's names, used here, are CreateRelatedItem and DeleteCaseRule.
// Operations the table does not list (DeleteDomain, DeleteField,
// DeleteLayout, DeleteTemplate, ...) get CasesOtherOperationsQuota.

// RateQuota is one token bucket: Rate requests a second, up to Burst at
// once after a quiet spell.
type RateQuota struct {
	Rate  float64
	Burst int
}

// ThrottlingRow is one row of the published table: operations sharing the
// same figures, each in a bucket of its own.
type ThrottlingRow struct {
	// Name is a short name for the row, e.g. "config".
	Name       string
	Operations []string
	RateQuota
}

// CasesOtherOperationsQuota is what an operation the table does not list
// gets: 2 requests per second with a burst of 5, the rate the same guide
// gives for "all other operations" of the Amazon Connect API. An
// assumption, not a published Cases figure.
var CasesOtherOperationsQuota = RateQuota{Rate: 2, Burst: 5}

// CasesThrottlingQuotas returns the published table, a fresh copy each
// call.
func CasesThrottlingQuotas() []ThrottlingRow {
	return []ThrottlingRow{
		{Name: "cases", RateQuota: RateQuota{Rate: 2, Burst: 10}, Operations: []string{
			"CreateCase", "SearchCases", "ListTemplates", "ListLayouts", "CreateRelatedItem", "SearchRelatedItems",
			"ListCaseRules", "ListTagsForResource", "TagResource", "UntagResource", "GetCaseAuditEvents",
			"GetCaseEventConfiguration", "PutCaseEventConfiguration",
		}},
		{Name: "get-case", RateQuota: RateQuota{Rate: 4, Burst: 10}, Operations: []string{"GetCase"}},
		{Name: "update-case", RateQuota: RateQuota{Rate: 2, Burst: 2}, Operations: []string{"UpdateCase", "ListCasesForContact"}},
		{Name: "config", RateQuota: RateQuota{Rate: 2, Burst: 5}, Operations: []string{
			"CreateField", "ListFields", "UpdateField", "BatchPutFieldOptions", "CreateDomain", "GetDomain",
			"ListDomains", "CreateTemplate", "UpdateTemplate", "CreateLayout", "UpdateLayout", "CreateCaseRule",
			"UpdateCaseRule", "DeleteCaseRule",
		}},
		{Name: "batch-get", RateQuota: RateQuota{Rate: 8, Burst: 25}, Operations: []string{"BatchGetField", "BatchGetCaseRule"}},
		{Name: "field-options", RateQuota: RateQuota{Rate: 6, Burst: 16}, Operations: []string{"ListFieldOptions"}},
		{Name: "get-layout-template", RateQuota: RateQuota{Rate: 6, Burst: 20}, Operations: []string{"GetTemplate", "GetLayout"}},
	}
}

// casesQuotaByOperation indexes the table; built on first use.
var casesQuotaByOperation = sync.OnceValue(func() map[string]RateQuota {
	m := map[string]RateQuota{}
	for _, row := range CasesThrottlingQuotas() {
		for _, op := range row.Operations {
			m[op] = row.RateQuota
		}
	}
	return m
})

// CasesThrottlingQuota returns the published default quota of a Cases
// operation, CasesOtherOperationsQuota for one the table does not list.
func CasesThrottlingQuota(operation string) RateQuota {
	if q, ok := casesQuotaByOperation()[operation]; ok {
		return q
	}
	return CasesOtherOperationsQuota
}
