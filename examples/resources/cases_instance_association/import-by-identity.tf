# Terraform 1.12 and later: import by resource identity.
import {
  to = cases_instance_association.support
  identity = {
    instance_id    = "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee"
    association_id = "0f1e2d3c-4b5a-6978-8695-a4b3c2d1e0f9"
    # Optional: they default to the provider's, and any other is an error.
    account_id = "111122223333"
    region     = "us-west-2"
  }
}
