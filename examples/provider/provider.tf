terraform {
  required_providers {
    cases = {
      source = "connect-cases/cases"
    }
  }
}

# Credentials and region come from the usual AWS sources (environment,
# shared config and credentials files, or the arguments below).
provider "cases" {
  region = "us-west-2"

  default_tags {
    tags = {
      managed_by = "terraform"
      team       = "support-platform"
    }
  }
}

# Against the local emulator (`make emulator`), point the Cases endpoint at it.
# Any credentials work unless the emulator runs with -auth sigv4.
provider "cases" {
  alias      = "emulator"
  region     = "us-west-2"
  access_key = "123456789012"
  secret_key = "emulator"

  endpoints {
    connectcases = "http://127.0.0.1:4590"
    connect      = "http://127.0.0.1:4590" # Amazon Connect, for cases_instance_association
  }
}

# An account whose Cases API quotas were raised: let requests go faster. By
# default each API operation goes at its own published rate and burst
# (CreateField 2/s burst 5, BatchGetField 8/s burst 25, ...); set, these apply
# to every operation; requests_per_second = 0 turns rate control off.
provider "cases" {
  alias               = "raised_quotas"
  region              = "us-east-1"
  requests_per_second = 10
  burst               = 20
}

# Assume a role in the target account.
provider "cases" {
  alias  = "prod"
  region = "eu-west-2"

  assume_role {
    role_arn     = "arn:aws:iam::111122223333:role/cases-admin"
    session_name = "terraform"
    duration     = "1h"
  }
}
