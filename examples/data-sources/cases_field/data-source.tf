# A system field, by ID...
data "cases_field" "status" {
  domain_id = "4c8a3b8e-2f6b-4f1e-9d58-1a2b3c4d5e6f"
  field_id  = "status"
}

# ...or any field by name.
data "cases_field" "policy_number" {
  domain_id = "4c8a3b8e-2f6b-4f1e-9d58-1a2b3c4d5e6f"
  name      = "Policy number"
}

output "policy_number_type" {
  value = data.cases_field.policy_number.type
}
