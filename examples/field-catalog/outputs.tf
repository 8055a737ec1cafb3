output "domain_id" {
  description = "The ID of the claims domain."
  value       = cases_domain.claims.domain_id
}

output "field_ids" {
  description = "The IDs of the custom fields, by key (claim_type included)."
  value = merge(
    { for key, f in cases_field.this : key => f.field_id },
    { claim_type = cases_field.claim_type.field_id },
  )
}

output "claim_type_options" {
  description = "The active options of the Claim type field: value => label."
  value       = { for o in cases_field_options.claim_type.options : o.value => o.name if o.active }
}

output "system_field_ids" {
  description = "The IDs of the system fields every domain comes with."
  value       = [for f in data.cases_fields.all.fields : f.field_id if f.namespace == "System"]
}
