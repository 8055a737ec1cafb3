# By name...
data "cases_domain" "support" {
  name = "support-cases"
}

# ...or by ID.
data "cases_domain" "by_id" {
  domain_id = data.cases_domain.support.domain_id
}

output "support_domain_status" {
  value = data.cases_domain.support.domain_status
}
