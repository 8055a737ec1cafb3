# A layout can be imported by DOMAIN_ID,LAYOUT_ID...
terraform import cases_layout.claim 4c8a3b8e-2f6b-4f1e-9d58-1a2b3c4d5e6f,7d0e1f2a-3b4c-4d5e-8f6a-7b8c9d0e1f2a

# ...or by its ARN.
terraform import cases_layout.claim arn:aws:cases:us-west-2:111122223333:domain/4c8a3b8e-2f6b-4f1e-9d58-1a2b3c4d5e6f/layout/7d0e1f2a-3b4c-4d5e-8f6a-7b8c9d0e1f2a
