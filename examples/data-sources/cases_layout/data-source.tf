# By name...
data "cases_layout" "claim" {
  domain_id = "4c8a3b8e-2f6b-4f1e-9d58-1a2b3c4d5e6f"
  name      = "Claim"
}

# ...or by ID.
data "cases_layout" "by_id" {
  domain_id = data.cases_layout.claim.domain_id
  layout_id = data.cases_layout.claim.layout_id
}

output "claim_top_panel_fields" {
  value = data.cases_layout.claim.content.top_panel[0].field_ids
}
