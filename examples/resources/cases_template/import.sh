# A template can be imported by DOMAIN_ID,TEMPLATE_ID...
terraform import cases_template.claim 4c8a3b8e-2f6b-4f1e-9d58-1a2b3c4d5e6f,5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9

# ...or by its ARN.
terraform import cases_template.claim arn:aws:cases:us-west-2:111122223333:domain/4c8a3b8e-2f6b-4f1e-9d58-1a2b3c4d5e6f/template/5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9
