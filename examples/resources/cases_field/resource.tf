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

# A Text field agents fill in a multi-line box. text_attributes is for Text
# fields only and changes in place.
resource "cases_field" "damage_description" {
  domain_id = cases_domain.support.domain_id
  name      = "Damage description"
  type      = "Text"

  text_attributes = {
    is_multiline = true
  }
}

output "policy_number_field_id" {
  value = cases_field.policy_number.field_id
}
