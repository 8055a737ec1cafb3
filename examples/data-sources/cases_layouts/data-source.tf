data "cases_layouts" "all" {
  domain_id = "4c8a3b8e-2f6b-4f1e-9d58-1a2b3c4d5e6f"
}

output "layout_names" {
  value = data.cases_layouts.all.layouts[*].name
}
