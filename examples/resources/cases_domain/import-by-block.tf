# Terraform 1.5 and later: declare the import in configuration.
import {
  to = cases_domain.support
  id = "4c8a3b8e-2f6b-4f1e-9d58-1a2b3c4d5e6f"
}
