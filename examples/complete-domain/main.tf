# A complete Amazon Connect Cases domain configuration: a domain, its custom
# fields and options, two layouts, a case rule, two templates and the case
# event configuration.
#
# Nothing uses depends_on: every reference is an attribute (a field_id, a
# layout_id, a case_rule_id), so Terraform creates fields before the layouts
# that show them, layouts and rules before the templates that use them, and
# destroys in the reverse order.
#
# Region, credentials and endpoint come from the environment; scripts/demo.sh
# sets them for a local emulator (AWS_ENDPOINT_URL_CONNECTCASES).

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

variable "domain_name" {
  description = "Name of the Cases domain."
  type        = string
  default     = "complete-claims"
}

resource "cases_domain" "claims" {
  name = var.domain_name

  tags = {
    team = "claims"
  }
}

# Custom fields.

resource "cases_field" "policy_number" {
  domain_id   = cases_domain.claims.domain_id
  name        = "Policy number"
  type        = "Text"
  description = "The customer's insurance policy."
}

resource "cases_field" "claim_amount" {
  domain_id = cases_domain.claims.domain_id
  name      = "Claim amount"
  type      = "Number"
}

resource "cases_field" "tier" {
  domain_id = cases_domain.claims.domain_id
  name      = "Customer tier"
  type      = "SingleSelect"
}

resource "cases_field_options" "tier" {
  domain_id = cases_domain.claims.domain_id
  field_id  = cases_field.tier.field_id

  options = [
    { name = "Gold", value = "gold" },
    { name = "Silver", value = "silver" },
    { name = "Bronze", value = "bronze" },
  ]
}

resource "cases_field" "escalated" {
  domain_id = cases_domain.claims.domain_id
  name      = "Escalated"
  type      = "Boolean"
}

# Layouts: what agents see, in order.

resource "cases_layout" "claim" {
  domain_id = cases_domain.claims.domain_id
  name      = "Claim"

  content = {
    top_panel = [{
      name      = "Claim"
      field_ids = [cases_field.policy_number.field_id, cases_field.claim_amount.field_id, "summary"]
    }]
    more_info = [{
      name      = "Customer"
      field_ids = ["customer_id", cases_field.tier.field_id, cases_field.escalated.field_id]
    }]
  }
}

resource "cases_layout" "inquiry" {
  domain_id = cases_domain.claims.domain_id
  name      = "Inquiry"

  content = {
    top_panel = [{
      field_ids = ["summary", cases_field.policy_number.field_id]
    }]
  }
}

# A case rule: the claim amount is required for gold customers.

resource "cases_case_rule" "amount_for_gold" {
  domain_id   = cases_domain.claims.domain_id
  name        = "Claim amount for gold customers"
  description = "Gold customers' claims need an amount up front."

  required = {
    default_value = false
    conditions = [
      { equal_to = { field_id = cases_field.tier.field_id, string_value = "gold", result = true } },
    ]
  }
}

# Templates: the kinds of case agents open.

resource "cases_template" "claim" {
  domain_id   = cases_domain.claims.domain_id
  name        = "Insurance claim"
  description = "A claim against a policy."

  layout_configuration = {
    default_layout = cases_layout.claim.layout_id
  }

  required_fields = [cases_field.policy_number.field_id, "customer_id"]

  rules = [{
    case_rule_id = cases_case_rule.amount_for_gold.case_rule_id
    field_id     = cases_field.claim_amount.field_id
  }]
}

resource "cases_template" "inquiry" {
  domain_id = cases_domain.claims.domain_id
  name      = "General inquiry"
  status    = "Active"

  layout_configuration = {
    default_layout = cases_layout.inquiry.layout_id
  }
}

# Case events to EventBridge, with the fields downstream consumers need.

resource "cases_case_event_configuration" "claims" {
  domain_id                    = cases_domain.claims.domain_id
  enabled                      = true
  case_field_ids               = ["status", "title", cases_field.policy_number.field_id, cases_field.claim_amount.field_id]
  include_related_item_content = true
}

output "domain_id" {
  description = "ID of the claims domain."
  value       = cases_domain.claims.domain_id
}

output "templates" {
  description = "Template IDs by name."
  value = {
    for t in [cases_template.claim, cases_template.inquiry] : t.name => t.template_id
  }
}

output "layouts" {
  description = "Layout IDs by name."
  value = {
    for l in [cases_layout.claim, cases_layout.inquiry] : l.name => l.layout_id
  }
}
