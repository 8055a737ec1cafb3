data "cases_fields" "all" {
  domain_id = "4c8a3b8e-2f6b-4f1e-9d58-1a2b3c4d5e6f"
}

# Field IDs by name, custom fields only.
output "custom_field_ids" {
  value = {
    for f in data.cases_fields.all.fields : f.name => f.field_id if f.namespace == "Custom"
  }
}
