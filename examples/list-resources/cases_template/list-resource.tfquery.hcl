# The templates of one domain, active and inactive, with their configuration.
list "cases_template" "support" {
  provider         = cases
  include_resource = true
  config {
    domain_id = "4c8a3b8e-2f6b-4f1e-9d58-1a2b3c4d5e6f"
  }
}
