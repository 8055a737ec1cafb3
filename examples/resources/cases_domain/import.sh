# A domain can be imported by its ID...
terraform import cases_domain.support 4c8a3b8e-2f6b-4f1e-9d58-1a2b3c4d5e6f

# ...or by its ARN.
terraform import cases_domain.support arn:aws:cases:us-west-2:111122223333:domain/4c8a3b8e-2f6b-4f1e-9d58-1a2b3c4d5e6f
