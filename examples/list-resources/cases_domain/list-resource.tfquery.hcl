# Every Cases domain of the provider's account and region, with its
# configuration (include_resource) for -generate-config-out.
list "cases_domain" "all" {
  provider         = cases
  include_resource = true
}
