resource "cases_field" "policy_number" {
  domain_id = cases_domain.support.domain_id
  name      = "Policy number"
  type      = "Text"
}

resource "cases_layout" "claim" {
  domain_id = cases_domain.support.domain_id
  name      = "Claim"

  content = {
    # The top panel of a case: one group of fields, in display order.
    top_panel = [{
      name      = "Claim"
      field_ids = [cases_field.policy_number.field_id, "summary"]
    }]
    # The More Info tab.
    more_info = [{
      field_ids = ["customer_id", "case_reason"]
    }]
  }

  tags = {
    team = "claims"
  }
}

resource "cases_domain" "support" {
  name = "support-cases"
}
