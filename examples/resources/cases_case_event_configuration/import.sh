# The case event configuration of a domain is imported by the domain ID...
terraform import cases_case_event_configuration.support 4c8a3b8e-2f6b-4f1e-9d58-1a2b3c4d5e6f

# ...or by the domain ARN.
terraform import cases_case_event_configuration.support arn:aws:cases:us-west-2:111122223333:domain/4c8a3b8e-2f6b-4f1e-9d58-1a2b3c4d5e6f
