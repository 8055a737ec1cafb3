data "cases_domains" "all" {}

output "domain_names" {
  value = [for d in data.cases_domains.all.domains : d.name]
}
