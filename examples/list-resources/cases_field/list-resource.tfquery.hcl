# The custom fields of one domain; system fields are left out. Terraform
# stops a list at 100 results unless limit says otherwise, and a domain
# holds up to 500 custom fields.
list "cases_field" "support" {
  provider         = cases
  include_resource = true
  limit            = 500
  config {
    domain_id = "4c8a3b8e-2f6b-4f1e-9d58-1a2b3c4d5e6f"
  }
}

# Or the fields of every domain found by another list block.
list "cases_domain" "all" {
  provider = cases
}

list "cases_field" "first_domain" {
  provider = cases
  config {
    domain_id = list.cases_domain.all.data[0].identity.domain_id
  }
}
