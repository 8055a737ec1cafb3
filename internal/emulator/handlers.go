package emulator

import "github.com/connect-cases/terraform-provider-cases/internal/apimodel"

// casesAPI is the Cases API as the emulator serves it: every operation of
// the generated model (apimodel.Cases) is routed by its smithy.api#http
// method and URI, its request is validated against its input shape, and
// the errors it answers are checked against those it declares. What the
// emulator adds is which handler implements which operation, in this one
// table; TestCasesAPI_coversModel keeps it and the model in step.
var casesAPI = &apiTable{
	service: apimodel.Cases(),
	handlers: map[string]operationHandler{
		// Domains (domain.go).
		"CreateDomain": createDomain,
		"GetDomain":    getDomain,
		"ListDomains":  listDomains,
		"DeleteDomain": deleteDomain,
		// Tags of domains and of the entities in them (tags.go).
		"TagResource":         tagResource,
		"UntagResource":       untagResource,
		"ListTagsForResource": listTagsForResource,
		// Fields and field options (field.go, field_options.go).
		"CreateField":          createField,
		"BatchGetField":        batchGetField,
		"ListFields":           listFields,
		"UpdateField":          updateField,
		"DeleteField":          deleteField,
		"BatchPutFieldOptions": batchPutFieldOptions,
		"ListFieldOptions":     listFieldOptions,
		// Layouts (layout.go).
		"CreateLayout": createLayout,
		"GetLayout":    getLayout,
		"ListLayouts":  listLayouts,
		"UpdateLayout": updateLayout,
		"DeleteLayout": deleteLayout,
		// Templates (template.go).
		"CreateTemplate": createTemplate,
		"GetTemplate":    getTemplate,
		"ListTemplates":  listTemplates,
		"UpdateTemplate": updateTemplate,
		"DeleteTemplate": deleteTemplate,
		// Case rules (case_rule.go).
		"CreateCaseRule":   createCaseRule,
		"BatchGetCaseRule": batchGetCaseRule,
		"ListCaseRules":    listCaseRules,
		"UpdateCaseRule":   updateCaseRule,
		"DeleteCaseRule":   deleteCaseRule,
		// The case event configuration (case_event_configuration.go).
		"GetCaseEventConfiguration": getCaseEventConfiguration,
		"PutCaseEventConfiguration": putCaseEventConfiguration,
		// Cases: the data plane, checked against the configuration above
		// (case.go, case_enforce.go, case_audit.go, case_search.go).
		"CreateCase":          createCase,
		"GetCase":             getCase,
		"UpdateCase":          updateCase,
		"DeleteCase":          deleteCase,
		"SearchCases":         searchCases,
		"ListCasesForContact": listCasesForContact,
		"GetCaseAuditEvents":  getCaseAuditEvents,
		// Related items of cases (related_item.go, case_search.go).
		"CreateRelatedItem":     createRelatedItem,
		"UpdateRelatedItem":     updateRelatedItem,
		"DeleteRelatedItem":     deleteRelatedItem,
		"SearchRelatedItems":    searchRelatedItems,
		"SearchAllRelatedItems": searchAllRelatedItems,
	},
	errors:      casesErrors,
	rateLimited: true,
}
