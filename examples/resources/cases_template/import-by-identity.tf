# Terraform 1.12 and later: import by resource identity.
import {
  to = cases_template.claim
  identity = {
    domain_id   = "4c8a3b8e-2f6b-4f1e-9d58-1a2b3c4d5e6f"
    template_id = "5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9"
    # Optional: they default to the provider's, and any other is an error.
    account_id = "111122223333"
    region     = "us-west-2"
  }
}
