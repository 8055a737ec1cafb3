resource "cases_domain" "support" {
  name = "support-cases"
}

resource "cases_field" "policy_number" {
  domain_id   = cases_domain.support.domain_id
  name        = "Policy number"
  type        = "Text"
  description = "The customer's insurance policy number."

  tags = {
    team = "claims"
  }
}

output "policy_number_field_id" {
  value = cases_field.policy_number.field_id
}
