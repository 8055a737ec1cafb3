# The case rules of one domain, with their configuration.
list "cases_case_rule" "support" {
  provider         = cases
  include_resource = true
  config {
    domain_id = "4c8a3b8e-2f6b-4f1e-9d58-1a2b3c4d5e6f"
  }
}
