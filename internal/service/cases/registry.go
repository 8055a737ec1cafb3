package cases

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/resource"
)

// Resources lists the constructors of every resource of this service.
func Resources() []func() resource.Resource {
	return []func() resource.Resource{
		NewDomainResource,
		NewFieldResource,
		NewFieldOptionsResource,
		NewLayoutResource,
		NewTemplateResource,
		NewCaseRuleResource,
		NewCaseEventConfigurationResource,
		NewInstanceAssociationResource,
	}
}

// DataSources lists the constructors of every data source of this service.
func DataSources() []func() datasource.DataSource {
	return []func() datasource.DataSource{
		NewDomainDataSource,
		NewDomainsDataSource,
		NewFieldDataSource,
		NewFieldsDataSource,
		NewLayoutDataSource,
		NewLayoutsDataSource,
		NewTemplateDataSource,
		NewTemplatesDataSource,
		NewInstanceAssociationDataSource,
		NewCaseRuleDataSource,
		NewCaseRulesDataSource,
		NewFieldOptionsDataSource,
	}
}

// ListResources lists the constructors of every list resource of this
// service (terraform query, Terraform 1.14+).
func ListResources() []func() list.ListResource {
	return []func() list.ListResource{
		NewDomainListResource,
		NewFieldListResource,
		NewLayoutListResource,
		NewTemplateListResource,
		NewCaseRuleListResource,
	}
}
