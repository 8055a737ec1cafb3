terraform {
  required_version = ">= 1.5"

  required_providers {
    cases = {
      source = "connect-cases/cases"
    }
  }
}
