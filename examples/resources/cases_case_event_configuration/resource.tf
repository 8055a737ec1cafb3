resource "cases_field" "policy_number" {
  domain_id = cases_domain.support.domain_id
  name      = "Policy number"
  type      = "Text"
}

# Publish case events to EventBridge with the status, title and policy
# number of the case, and the content of related items.
resource "cases_case_event_configuration" "support" {
  domain_id                    = cases_domain.support.domain_id
  enabled                      = true
  case_field_ids               = ["status", "title", cases_field.policy_number.field_id]
  include_related_item_content = true
}

resource "cases_domain" "support" {
  name = "support-cases"
}
