data "cases_case_rules" "all" {
  domain_id = "4c8a3b8e-2f6b-4f1e-9d58-1a2b3c4d5e6f"
}

# Rule IDs by name, e.g. to attach existing rules to a template.
output "case_rules" {
  value = { for r in data.cases_case_rules.all.case_rules : r.name => r.case_rule_id }
}

output "hidden_rules" {
  value = [for r in data.cases_case_rules.all.case_rules : r.name if r.rule_type == "Hidden"]
}
