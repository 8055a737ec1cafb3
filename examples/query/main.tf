# `terraform query` (Terraform 1.14 and later) against an existing Cases
# domain: query.tfquery.hcl lists the domain by name, then its fields,
# layouts, case rules and templates, and
#
#   terraform query -var domain_name=complete-claims
#   terraform query -var domain_name=complete-claims -generate-config-out=generated.tf
#
# prints what exists, or writes an import block and a resource block for each
# of them. `make demo TF=bin/terraform-1.15.9` runs it against the domain of
# examples/complete-domain.
#
# Region, credentials and endpoint come from the environment, as in every AWS
# tool; scripts/demo.sh sets them for the emulator.

terraform {
  required_providers {
    cases = {
      source = "connect-cases/cases"
    }
  }
}

provider "cases" {}
