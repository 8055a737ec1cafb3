resource "cases_domain" "support" {
  name = "support-cases"

  tags = {
    env = "prod"
  }

  timeouts {
    create = "20m"
    delete = "20m"
  }
}

output "support_domain_arn" {
  value = cases_domain.support.domain_arn
}
