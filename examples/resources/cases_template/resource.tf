resource "cases_template" "claim" {
  domain_id   = cases_domain.support.domain_id
  name        = "Insurance claim"
  description = "A claim against a policy."
  status      = "Active"

  layout_configuration = {
    default_layout = cases_layout.claim.layout_id
  }

  # Order does not matter.
  required_fields = [cases_field.policy_number.field_id, "customer_id"]

  # Case rules, each acting on one field.
  rules = [{
    case_rule_id = cases_case_rule.gold_needs_amount.case_rule_id
    field_id     = cases_field.claim_amount.field_id
  }]

  # Tags the service puts on every case created from this template.
  tag_propagation = [{
    resource_type = "Cases"
    tags = {
      line_of_business = "claims"
    }
  }]
}

resource "cases_domain" "support" {
  name = "support-cases"
}

resource "cases_field" "policy_number" {
  domain_id = cases_domain.support.domain_id
  name      = "Policy number"
  type      = "Text"
}

resource "cases_field" "claim_amount" {
  domain_id = cases_domain.support.domain_id
  name      = "Claim amount"
  type      = "Number"
}

resource "cases_layout" "claim" {
  domain_id = cases_domain.support.domain_id
  name      = "Claim"
  content = {
    top_panel = [{ field_ids = [cases_field.policy_number.field_id, cases_field.claim_amount.field_id] }]
  }
}

resource "cases_case_rule" "gold_needs_amount" {
  domain_id = cases_domain.support.domain_id
  name      = "Required for gold customers"
  required = {
    default_value = false
    conditions    = [{ equal_to = { field_id = "case_reason", string_value = "gold", result = true } }]
  }
}
