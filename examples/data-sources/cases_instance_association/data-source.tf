# The Cases domain an Amazon Connect instance uses, if any.
data "cases_instance_association" "current" {
  instance_id = "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee"
}

output "cases_domain_arn" {
  # null when the instance has no Cases domain yet.
  value = data.cases_instance_association.current.domain_arn
}
