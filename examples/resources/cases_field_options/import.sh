# The options of a field are imported by DOMAIN_ID,FIELD_ID (or the field's
# ARN). Only active options are imported: inactive ones are what removing an
# option leaves behind.
terraform import cases_field_options.channel 4c8a3b8e-2f6b-4f1e-9d58-1a2b3c4d5e6f,0d7e2f4a-5b6c-4d8e-9f01-23456789abcd
