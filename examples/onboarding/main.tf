# Onboarding to Amazon Connect Cases in one apply: a Cases domain, associated
# with an existing Amazon Connect instance so that agents can use it.
#
# Region, credentials and endpoints come from the environment, as in every
# AWS tool; `make demo` sets AWS_ENDPOINT_URL_CONNECTCASES and
# AWS_ENDPOINT_URL_CONNECT to a local emulator and creates the instance there.

terraform {
  required_providers {
    cases = {
      source = "connect-cases/cases"
    }
  }
}

provider "cases" {}

variable "connect_instance_id" {
  description = "The Amazon Connect instance to onboard: its ID or its ARN."
  type        = string
}

variable "domain_name" {
  description = "Name of the Cases domain."
  type        = string
  default     = "support-cases"
}

resource "cases_domain" "main" {
  name = var.domain_name
}

# Waits for nothing: cases_domain is Active once created, which the
# association needs.
resource "cases_instance_association" "main" {
  instance_id = var.connect_instance_id
  domain_arn  = cases_domain.main.domain_arn
}

output "domain_arn" {
  value = cases_domain.main.domain_arn
}

output "association_arn" {
  value = cases_instance_association.main.association_arn
}
