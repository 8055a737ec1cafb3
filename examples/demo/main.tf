# The configuration `make demo` applies against a local emulator: two Cases
# domains, tagged, with provider-wide default tags merged into tags_all.
#
# Region, credentials and endpoint come from the environment, as in every AWS
# tool; scripts/demo.sh sets AWS_REGION, AWS_ACCESS_KEY_ID,
# AWS_SECRET_ACCESS_KEY and AWS_ENDPOINT_URL_CONNECTCASES for the emulator.

terraform {
  required_providers {
    cases = {
      source = "connect-cases/cases"
    }
  }
}

provider "cases" {
  default_tags {
    tags = {
      managed_by = "terraform"
    }
  }
}

variable "name_prefix" {
  description = "Prefix of the demo domain names."
  type        = string
  default     = "demo"
}

resource "cases_domain" "support" {
  name = "${var.name_prefix}-support"

  tags = {
    team = "support"
    env  = "demo"
  }
}

resource "cases_domain" "billing" {
  name = "${var.name_prefix}-billing"

  tags = {
    team = "billing"
    env  = "demo"
  }
}

output "support_domain_id" {
  description = "ID of the support domain."
  value       = cases_domain.support.id
}

output "billing_domain_id" {
  description = "ID of the billing domain."
  value       = cases_domain.billing.id
}

output "domains" {
  description = "ARN, status and all tags (default tags included) of each demo domain, by name."
  value = {
    for d in [cases_domain.support, cases_domain.billing] : d.name => {
      arn      = d.domain_arn
      status   = d.domain_status
      tags_all = d.tags_all
    }
  }
}
