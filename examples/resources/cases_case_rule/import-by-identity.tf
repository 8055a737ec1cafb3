# Terraform 1.12 and later: import by resource identity.
import {
  to = cases_case_rule.gold_needs_amount
  identity = {
    domain_id    = "4c8a3b8e-2f6b-4f1e-9d58-1a2b3c4d5e6f"
    case_rule_id = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"
    # Optional: they default to the provider's, and any other is an error.
    account_id = "111122223333"
    region     = "us-west-2"
  }
}
