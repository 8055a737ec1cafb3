resource "cases_domain" "support" {
  name = "support-cases"
}

resource "cases_field" "channel" {
  domain_id = cases_domain.support.domain_id
  name      = "Contact channel"
  type      = "SingleSelect"
}

resource "cases_field_options" "channel" {
  domain_id = cases_field.channel.domain_id
  field_id  = cases_field.channel.field_id

  # Exactly these options: removing one from the list makes it inactive.
  options = [
    { name = "Email", value = "email" },
    { name = "Phone", value = "phone" },
    { name = "Chat", value = "chat" },
    # Kept on existing cases, no longer offered to agents.
    { name = "Fax", value = "fax", active = false },
  ]
}

# The system field case_reason is single-select too.
resource "cases_field_options" "case_reason" {
  domain_id = cases_domain.support.domain_id
  field_id  = "case_reason"

  options = [
    { name = "Billing question", value = "billing" },
    { name = "Damaged item", value = "damaged" },
  ]
}
