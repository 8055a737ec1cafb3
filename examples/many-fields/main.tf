# A domain with 100 custom fields of mixed types: the large-apply shape of
# scripts/ratelimit-run.sh. Region, credentials and endpoint come from the
# environment, as in examples/complete-domain.

terraform {
  required_providers {
    cases = {
      source = "connect-cases/cases"
    }
  }
}

provider "cases" {
}

locals {
  field_types = ["Text", "Number", "Boolean", "DateTime", "SingleSelect", "Url", "User"]
}

resource "cases_domain" "many" {
  name = "many-fields"
}

resource "cases_field" "f" {
  count     = 100
  domain_id = cases_domain.many.domain_id
  name      = format("Field %03d", count.index)
  type      = local.field_types[count.index % length(local.field_types)]
}
