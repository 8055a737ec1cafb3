# Only the templates agents can open cases with.
data "cases_templates" "active" {
  domain_id = "4c8a3b8e-2f6b-4f1e-9d58-1a2b3c4d5e6f"
  statuses  = ["Active"]
}

output "active_template_ids" {
  value = data.cases_templates.active.template_ids
}
