resource "cases_domain" "support" {
  name = "support-cases"
}

# Makes the domain usable from the Amazon Connect instance. An instance has
# at most one Cases domain; changing domain_arn replaces the association.
resource "cases_instance_association" "support" {
  instance_id = "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee" # or the instance ARN
  domain_arn  = cases_domain.support.domain_arn
}
