# A complete Amazon Connect Cases domain configuration: a domain, its custom
# fields (one multi-line) and options, two layouts, case rules of every kind
# (required, hidden with a compound condition, category -> subcategory
# options), two templates (one propagating tags to its cases) and the case
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

# A multi-line text box for a free-form description.
resource "cases_field" "damage_description" {
  domain_id   = cases_domain.claims.domain_id
  name        = "Damage description"
  type        = "Text"
  description = "What happened, in the customer's words."

  text_attributes = {
    is_multiline = true
  }
}

# Category and subcategory: which subcategories an agent may pick depends on
# the category (see cases_case_rule.subcategory_by_category).
resource "cases_field" "category" {
  domain_id = cases_domain.claims.domain_id
  name      = "Claim category"
  type      = "SingleSelect"
}

resource "cases_field_options" "category" {
  domain_id = cases_domain.claims.domain_id
  field_id  = cases_field.category.field_id

  options = [
    { name = "Vehicle", value = "vehicle" },
    { name = "Property", value = "property" },
  ]
}

resource "cases_field" "subcategory" {
  domain_id = cases_domain.claims.domain_id
  name      = "Claim subcategory"
  type      = "SingleSelect"
}

resource "cases_field_options" "subcategory" {
  domain_id = cases_domain.claims.domain_id
  field_id  = cases_field.subcategory.field_id

  options = [
    { name = "Collision", value = "collision" },
    { name = "Theft", value = "theft" },
    { name = "Fire", value = "fire" },
    { name = "Water damage", value = "water" },
  ]
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
      name = "Details"
      field_ids = [
        "customer_id", cases_field.tier.field_id, cases_field.escalated.field_id,
        cases_field.category.field_id, cases_field.subcategory.field_id, cases_field.damage_description.field_id,
      ]
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

# A hidden rule with a compound condition (and_all inside or_all): the
# escalation flag is hidden unless the customer is gold and the claim has an
# amount, or the customer is silver and the claim is already escalated.
# Conditions nest at most 2 levels and a rule holds at most 5 comparisons.

resource "cases_case_rule" "escalation_visibility" {
  domain_id = cases_domain.claims.domain_id
  name      = "Escalation only for valuable claims"

  hidden = {
    default_value = true
    conditions = [
      {
        or_all = [
          {
            and_all = [
              { equal_to = { field_id = cases_field.tier.field_id, string_value = "gold", result = false } },
              { not_equal_to = { field_id = cases_field.claim_amount.field_id, empty_value = true, result = false } },
            ]
          },
          {
            and_all = [
              { equal_to = { field_id = cases_field.tier.field_id, string_value = "silver", result = false } },
              { equal_to = { field_id = cases_field.escalated.field_id, boolean_value = true, result = false } },
            ]
          },
        ]
      },
    ]
  }
}

# An option-dependency rule: the subcategories each category allows. The
# field IDs come from the option resources, so the options exist first.

resource "cases_case_rule" "subcategory_by_category" {
  domain_id = cases_domain.claims.domain_id
  name      = "Subcategory by category"

  field_options = {
    parent_field_id = cases_field_options.category.field_id
    child_field_id  = cases_field_options.subcategory.field_id
    mappings = {
      vehicle  = ["collision", "theft", "fire"]
      property = ["theft", "fire", "water"]
    }
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

  rules = [
    {
      case_rule_id = cases_case_rule.amount_for_gold.case_rule_id
      field_id     = cases_field.claim_amount.field_id
    },
    {
      case_rule_id = cases_case_rule.escalation_visibility.case_rule_id
      field_id     = cases_field.escalated.field_id
    },
    {
      case_rule_id = cases_case_rule.subcategory_by_category.case_rule_id
      field_id     = cases_field.subcategory.field_id
    },
  ]

  # Every case opened from this template is tagged for cost reporting.
  tag_propagation = [{
    resource_type = "Cases"
    tags = {
      line_of_business = "claims"
    }
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
