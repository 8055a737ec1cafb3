# By name...
data "cases_case_rule" "by_name" {
  domain_id = "4c8a3b8e-2f6b-4f1e-9d58-1a2b3c4d5e6f"
  name      = "Subcategory by category"
}

# ...or by ID.
data "cases_case_rule" "by_id" {
  domain_id    = data.cases_case_rule.by_name.domain_id
  case_rule_id = data.cases_case_rule.by_name.case_rule_id
}

# Exactly one of required, hidden and field_options is set.
output "allowed_subcategories" {
  value = try(data.cases_case_rule.by_name.field_options.mappings, null)
}
