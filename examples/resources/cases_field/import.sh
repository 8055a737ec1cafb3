# A field can be imported by DOMAIN_ID,FIELD_ID...
terraform import cases_field.policy_number 4c8a3b8e-2f6b-4f1e-9d58-1a2b3c4d5e6f,0d7e2f4a-5b6c-4d8e-9f01-23456789abcd

# ...or by its ARN.
terraform import cases_field.policy_number arn:aws:cases:us-west-2:111122223333:domain/4c8a3b8e-2f6b-4f1e-9d58-1a2b3c4d5e6f/field/0d7e2f4a-5b6c-4d8e-9f01-23456789abcd
