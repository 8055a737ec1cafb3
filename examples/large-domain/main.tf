# A large domain: 100 custom fields of mixed types, one single-select field
# with 50 options, two layouts and two templates. It is the shape of the
# rate-limited benchmark (cases-bench -run large-domain, part of make bench):
# applied with Terraform's default parallelism of 10 against the Cases API's
# published default rates, every operation's requests leave at its own rate.
#
# Region, credentials and endpoint come from the environment, as in
# examples/complete-domain.

terraform {
  required_providers {
    cases = {
      source = "connect-cases/cases"
    }
  }
}

provider "cases" {
}

variable "domain_name" {
  description = "Name of the Cases domain."
  type        = string
  default     = "large-domain"
}

locals {
  field_types = ["Text", "Number", "Boolean", "DateTime", "Url", "User", "SingleSelect"]
}

resource "cases_domain" "large" {
  name = var.domain_name
}

resource "cases_field" "f" {
  count     = 100
  domain_id = cases_domain.large.domain_id
  name      = format("Field %03d", count.index)
  type      = local.field_types[count.index % length(local.field_types)]
}

# Field 006 is the first SingleSelect one (index 6 of field_types).
resource "cases_field_options" "region" {
  domain_id = cases_domain.large.domain_id
  field_id  = cases_field.f[6].field_id

  options = [for i in range(50) : { name = format("Option %02d", i), value = format("option-%02d", i) }]
}

resource "cases_layout" "l" {
  count     = 2
  domain_id = cases_domain.large.domain_id
  name      = format("Layout %d", count.index)

  content = {
    top_panel = [{
      name      = "Summary"
      field_ids = concat(["summary"], [for f in slice(cases_field.f, count.index * 10, count.index * 10 + 5) : f.field_id])
    }]
    more_info = [{
      name      = "Details"
      field_ids = [for f in slice(cases_field.f, count.index * 10 + 5, count.index * 10 + 10) : f.field_id]
    }]
  }
}

resource "cases_template" "t" {
  count     = 2
  domain_id = cases_domain.large.domain_id
  name      = format("Template %d", count.index)

  layout_configuration = {
    default_layout = cases_layout.l[count.index].layout_id
  }

  required_fields = [cases_field.f[count.index].field_id]
}
