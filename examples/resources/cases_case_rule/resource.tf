resource "cases_field" "tier" {
  domain_id = cases_domain.support.domain_id
  name      = "Customer tier"
  type      = "SingleSelect"
}

resource "cases_field" "amount" {
  domain_id = cases_domain.support.domain_id
  name      = "Claim amount"
  type      = "Number"
}

# The field a template attaches this rule to is required for gold customers,
# and when the case reason is empty.
resource "cases_case_rule" "gold_needs_amount" {
  domain_id   = cases_domain.support.domain_id
  name        = "Required for gold customers"
  description = "Gold customers' claims need this field."

  required = {
    default_value = false
    conditions = [
      { equal_to = { field_id = cases_field.tier.field_id, string_value = "gold", result = true } },
      { equal_to = { field_id = "case_reason", empty_value = true, result = true } },
    ]
  }
}

# Hidden unless (gold customer and an amount is set) or the customer is
# platinum: and_all inside or_all. Conditions nest at most 2 levels deep and
# a rule holds at most 5 comparisons in all.
resource "cases_case_rule" "hide_escalation" {
  domain_id = cases_domain.support.domain_id
  name      = "Escalation only for valuable claims"

  hidden = {
    default_value = true
    conditions = [
      {
        or_all = [
          {
            and_all = [
              { equal_to = { field_id = cases_field.tier.field_id, string_value = "gold", result = false } },
              { not_equal_to = { field_id = cases_field.amount.field_id, empty_value = true, result = false } },
            ]
          },
          { equal_to = { field_id = cases_field.tier.field_id, string_value = "platinum", result = false } },
        ]
      },
    ]
  }
}

# Which subcategories agents may pick for each category.
resource "cases_field" "category" {
  domain_id = cases_domain.support.domain_id
  name      = "Category"
  type      = "SingleSelect"
}

resource "cases_field_options" "category" {
  domain_id = cases_domain.support.domain_id
  field_id  = cases_field.category.field_id
  options = [
    { name = "Billing", value = "billing" },
    { name = "Technical", value = "technical" },
  ]
}

resource "cases_field" "subcategory" {
  domain_id = cases_domain.support.domain_id
  name      = "Subcategory"
  type      = "SingleSelect"
}

resource "cases_field_options" "subcategory" {
  domain_id = cases_domain.support.domain_id
  field_id  = cases_field.subcategory.field_id
  options = [
    { name = "Refund", value = "refund" },
    { name = "Invoice", value = "invoice" },
    { name = "Outage", value = "outage" },
  ]
}

resource "cases_case_rule" "subcategory_by_category" {
  domain_id = cases_domain.support.domain_id
  name      = "Subcategory by category"

  field_options = {
    # Referencing the option resources orders the rule after the options.
    parent_field_id = cases_field_options.category.field_id
    child_field_id  = cases_field_options.subcategory.field_id
    mappings = {
      billing   = ["refund", "invoice"]
      technical = ["outage"]
    }
  }
}

resource "cases_domain" "support" {
  name = "support-cases"
}
