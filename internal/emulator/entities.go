package emulator

// The entities of the emulator, in one table. Everything a tenant holds
// hangs off a domain, so deleting the domain (delete(t.Domains, id) in
// deleteDomain) removes every row below with it; nothing else needs
// cleaning up.
//
//	entity               stored in                  ARN (after the domain's)  refers to
//	domain               tenant.Domains             (its own)                 -
//	field                domain.Fields              /field/ID                 -
//	field option         field.Options              -                         (part of its field)
//	layout               domain.Layouts             /layout/ID                fields
//	template             domain.Templates           /template/ID              layout, fields, case rules
//	case rule            domain.CaseRules           /case-rule/ID             fields
//	event configuration  domain.EventConfiguration  -                         fields
//	case                 domain.Cases               /case/ID                  template, fields
//	related item         case.RelatedItems          /case/ID/related-item/ID  (part of its case)
//	audit event          case.Audit                 -                         (part of its case)
//
// Cases refer to configuration without holding it in use: a case keeps its
// template and its values when the template or a field is deleted, as on
// AWS, so no refersTo finder names them. Case events (tenant.Events) outlive
// their case and their domain until the tenant is reset.
//
// A delete that would leave a live reference dangling is refused with a
// ConflictException naming the referrers (DeleteField, DeleteLayout,
// DeleteCaseRule); the referrers come from the refersTo column of
// domainEntities.

// entityRef names a kind of entity that others refer to.
type entityRef string

// The kinds of entity others refer to.
const (
	refField    entityRef = "field"
	refLayout   entityRef = "layout"
	refCaseRule entityRef = "case rule"
)

// entityKind is one row of the table: an entity inside a domain.
type entityKind struct {
	// name is how messages call it ("layout 'Main' (id)").
	name string
	// arnKind is the KIND element of its ARN,
	// arn:aws:cases:REGION:ACCOUNT:domain/DOMAIN_ID/KIND/ID; "" when it has
	// no ARN of its own.
	arnKind string
	// resourceType names it in ResourceNotFoundException.
	resourceType string
	// tags returns the tags of the live entity with id in d, nil when there
	// is none; nil for an entity without an ARN.
	tags func(d *domain, id string) *tagMap
	// refersTo lists, for each kind of entity it references, a finder that
	// describes the live entities of this kind in d that reference id.
	refersTo map[entityRef]func(d *domain, id string) []string
}

// domainEntities is the table. A new entity of a domain is one row here.
var domainEntities = []entityKind{
	{name: "field", arnKind: "field", resourceType: resourceTypeField, tags: (*domain).fieldTags},
	{name: "layout", arnKind: "layout", resourceType: resourceTypeLayout, tags: (*domain).layoutTags,
		refersTo: map[entityRef]func(*domain, string) []string{
			refField: (*domain).layoutsUsingField,
		}},
	{name: "template", arnKind: "template", resourceType: resourceTypeTemplate, tags: (*domain).templateTags,
		refersTo: map[entityRef]func(*domain, string) []string{
			refField:    (*domain).templatesUsingField,
			refLayout:   (*domain).templatesUsingLayout,
			refCaseRule: (*domain).templatesUsingCaseRule,
		}},
	{name: "case rule", arnKind: "case-rule", resourceType: resourceTypeCaseRule, tags: (*domain).caseRuleTags,
		refersTo: map[entityRef]func(*domain, string) []string{
			refField: (*domain).caseRulesUsingField,
		}},
	{name: "case", arnKind: "case", resourceType: resourceTypeCase, tags: (*domain).caseTags},
	{name: "event configuration",
		refersTo: map[entityRef]func(*domain, string) []string{
			refField: (*domain).eventConfigurationUsingField,
		}},
}

// referrers describes everything live in d that refers to the entity of
// kind ref with id, in table order.
func (d *domain) referrers(ref entityRef, id string) []string {
	var users []string
	for _, kind := range domainEntities {
		if find := kind.refersTo[ref]; find != nil {
			users = append(users, find(d, id)...)
		}
	}
	return users
}

// entityKindByARN returns the row whose ARN kind is arnKind.
func entityKindByARN(arnKind string) (entityKind, bool) {
	for _, kind := range domainEntities {
		if kind.arnKind != "" && kind.arnKind == arnKind {
			return kind, true
		}
	}
	return entityKind{}, false
}
