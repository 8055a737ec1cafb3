# Terraform 1.12 and later: import by resource identity.
import {
  to = cases_field_options.channel
  identity = {
    domain_id = "4c8a3b8e-2f6b-4f1e-9d58-1a2b3c4d5e6f"
    field_id  = "0d7e2f4a-5b6c-4d8e-9f01-23456789abcd"
    # Optional: they default to the provider's, and any other is an error.
    account_id = "111122223333"
    region     = "us-west-2"
  }
}
