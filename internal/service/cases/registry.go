package cases

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"
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
