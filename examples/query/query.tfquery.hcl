variable "domain_name" {
  description = "Name of the Cases domain to list the configuration of."
  type        = string
}

# Every domain of the account and region; the one named domain_name is used
# below.
list "cases_domain" "all" {
  provider         = cases
  include_resource = true
}

locals {
  domain_id = one([for d in list.cases_domain.all.data : d.identity.domain_id if d.display_name == var.domain_name])
}

# Its custom fields (system fields are left out: the service owns them).
list "cases_field" "domain" {
  provider         = cases
  include_resource = true
  limit            = 500
  config {
    domain_id = local.domain_id
  }
}

list "cases_layout" "domain" {
  provider         = cases
  include_resource = true
  config {
    domain_id = local.domain_id
  }
}

list "cases_case_rule" "domain" {
  provider         = cases
  include_resource = true
  config {
    domain_id = local.domain_id
  }
}

list "cases_template" "domain" {
  provider         = cases
  include_resource = true
  config {
    domain_id = local.domain_id
  }
}
