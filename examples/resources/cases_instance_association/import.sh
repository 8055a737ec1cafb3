# An association can be imported by INSTANCE_ID,ASSOCIATION_ID...
terraform import cases_instance_association.support aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee,0f1e2d3c-4b5a-6978-8695-a4b3c2d1e0f9

# ...or by its ARN.
terraform import cases_instance_association.support arn:aws:connect:us-west-2:111122223333:instance/aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee/integration-association/0f1e2d3c-4b5a-6978-8695-a4b3c2d1e0f9
