# Every option of the system field status...
data "cases_field_options" "status" {
  domain_id = "4c8a3b8e-2f6b-4f1e-9d58-1a2b3c4d5e6f"
  field_id  = "status"
}

# ...or only the option with one value.
data "cases_field_options" "open" {
  domain_id = data.cases_field_options.status.domain_id
  field_id  = "status"
  value     = "open"
}

output "active_status_values" {
  value = [for o in data.cases_field_options.status.options : o.value if o.active]
}
