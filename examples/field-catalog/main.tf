# A Cases domain for insurance claims with a catalog of custom fields, one of
# every type, and the options of its single-select fields.
#
# Apply it against the local emulator:
#   go run ./internal/cmd/cases-emulator -listen 127.0.0.1:4590 &
#   export AWS_REGION=us-west-2 AWS_ACCESS_KEY_ID=111122223333 AWS_SECRET_ACCESS_KEY=x
#   export AWS_ENDPOINT_URL_CONNECTCASES=http://127.0.0.1:4590
#   terraform init && terraform apply

resource "cases_domain" "claims" {
  name = var.domain_name
  tags = var.tags
}

locals {
  # One field of every type but SingleSelect, which has its own resource
  # below because it carries options.
  fields = {
    policy_number = {
      name        = "Policy number"
      type        = "Text"
      description = "The policy the claim is made under."
    }
    claimed_amount = {
      name        = "Claimed amount"
      type        = "Number"
      description = "The amount claimed, in the policy's currency."
    }
    police_report = {
      name        = "Police report filed"
      type        = "Boolean"
      description = "Whether the customer filed a police report."
    }
    incident_time = {
      name        = "Date/Time of incident"
      type        = "DateTime"
      description = "When the insured event happened."
    }
    evidence_url = {
      name        = "Evidence"
      type        = "Url"
      description = "Link to the photos and documents the customer sent."
    }
    adjuster = {
      name        = "Adjuster"
      type        = "User"
      description = "The claims adjuster who assesses the claim."
    }
  }
}

resource "cases_field" "this" {
  for_each = local.fields

  domain_id   = cases_domain.claims.domain_id
  name        = each.value.name
  type        = each.value.type
  description = each.value.description
  tags        = var.tags
}

resource "cases_field" "claim_type" {
  domain_id   = cases_domain.claims.domain_id
  name        = "Claim type"
  type        = "SingleSelect"
  description = "What kind of policy the claim is about."
  tags        = var.tags
}

resource "cases_field_options" "claim_type" {
  domain_id = cases_field.claim_type.domain_id
  field_id  = cases_field.claim_type.field_id

  options = [
    for value in sort(keys(var.claim_types)) : {
      name  = var.claim_types[value]
      value = value
    }
  ]
}

# Why a case was opened: the options of the system field case_reason.
resource "cases_field_options" "case_reason" {
  domain_id = cases_domain.claims.domain_id
  field_id  = data.cases_field.case_reason.field_id

  options = [
    { name = "New claim", value = "new_claim" },
    { name = "Claim status inquiry", value = "status_inquiry" },
    { name = "Appeal a decision", value = "appeal" },
    # Retired: kept on old cases, no longer offered.
    { name = "Fax submission", value = "fax", active = false },
  ]
}

data "cases_field" "case_reason" {
  domain_id = cases_domain.claims.domain_id
  field_id  = "case_reason"
}

# Every field of the domain, system ones included, once the custom fields
# exist.
data "cases_fields" "all" {
  domain_id  = cases_domain.claims.domain_id
  depends_on = [cases_field.this, cases_field.claim_type]
}
