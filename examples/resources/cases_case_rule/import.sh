# A case rule can be imported by DOMAIN_ID,CASE_RULE_ID...
terraform import cases_case_rule.gold_needs_amount 4c8a3b8e-2f6b-4f1e-9d58-1a2b3c4d5e6f,0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d

# ...or by its ARN.
terraform import cases_case_rule.gold_needs_amount arn:aws:cases:us-west-2:111122223333:domain/4c8a3b8e-2f6b-4f1e-9d58-1a2b3c4d5e6f/case-rule/0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d
