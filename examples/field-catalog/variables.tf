variable "domain_name" {
  description = "Name of the Cases domain to create (1 to 100 characters, not ending in white space)."
  type        = string
  default     = "insurance-claims"
}

variable "claim_types" {
  description = "Options of the single-select field \"Claim type\": value => label. Removing an entry makes the option inactive; cases that use it keep it."
  type        = map(string)
  default = {
    auto   = "Auto"
    home   = "Home"
    travel = "Travel"
    health = "Health"
  }
}

variable "tags" {
  description = "Tags for the domain and every field."
  type        = map(string)
  default     = {}
}
