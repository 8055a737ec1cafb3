# By name...
data "cases_template" "claim" {
  domain_id = "4c8a3b8e-2f6b-4f1e-9d58-1a2b3c4d5e6f"
  name      = "Insurance claim"
}

# ...or by ID.
data "cases_template" "by_id" {
  domain_id   = data.cases_template.claim.domain_id
  template_id = data.cases_template.claim.template_id
}

output "claim_default_layout" {
  value = data.cases_template.claim.layout_configuration.default_layout
}
