resource "cases_field" "tier" {
  domain_id = cases_domain.support.domain_id
  name      = "Customer tier"
  type      = "SingleSelect"
}

# The field a template attaches this rule to is required for gold customers,
# and when the case reason is empty.
resource "cases_case_rule" "gold_needs_amount" {
  domain_id   = cases_domain.support.domain_id
  name        = "Required for gold customers"
  description = "Gold customers' claims need this field."

  required = {
    default_value = false
    conditions = [
      { equal_to = { field_id = cases_field.tier.field_id, string_value = "gold", result = true } },
      { equal_to = { field_id = "case_reason", empty_value = true, result = true } },
    ]
  }
}

resource "cases_domain" "support" {
  name = "support-cases"
}
