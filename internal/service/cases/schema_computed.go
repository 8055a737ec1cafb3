package cases

import (
	"context"
	"fmt"

	dschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	rschema "github.com/hashicorp/terraform-plugin-framework/resource/schema"
)

// computedFromResource turns a resource attribute into the same attribute,
// computed, for a data source that returns what the resource manages: the
// two schemas cannot drift apart, and the data source fills it with the
// resource's model types. It covers the attribute kinds the resources use.
func computedFromResource(a rschema.Attribute) dschema.Attribute {
	switch a := a.(type) {
	case rschema.StringAttribute:
		return dschema.StringAttribute{MarkdownDescription: a.MarkdownDescription, Computed: true}
	case rschema.BoolAttribute:
		return dschema.BoolAttribute{MarkdownDescription: a.MarkdownDescription, Computed: true}
	case rschema.Float64Attribute:
		return dschema.Float64Attribute{MarkdownDescription: a.MarkdownDescription, Computed: true}
	case rschema.ListAttribute:
		return dschema.ListAttribute{MarkdownDescription: a.MarkdownDescription, ElementType: a.ElementType, Computed: true}
	case rschema.MapAttribute:
		return dschema.MapAttribute{MarkdownDescription: a.MarkdownDescription, ElementType: a.ElementType, Computed: true}
	case rschema.SingleNestedAttribute:
		return dschema.SingleNestedAttribute{MarkdownDescription: a.MarkdownDescription, Attributes: computedAttributes(a.Attributes), Computed: true}
	case rschema.ListNestedAttribute:
		return dschema.ListNestedAttribute{MarkdownDescription: a.MarkdownDescription, Computed: true,
			NestedObject: dschema.NestedAttributeObject{Attributes: computedAttributes(a.NestedObject.Attributes)}}
	}
	panic(fmt.Sprintf("computedFromResource: unsupported attribute %T", a))
}

func computedAttributes(in map[string]rschema.Attribute) map[string]dschema.Attribute {
	out := make(map[string]dschema.Attribute, len(in))
	for name, a := range in {
		out[name] = computedFromResource(a)
	}
	return out
}

// rsSchema returns the schema of a resource.
func rsSchema(ctx context.Context, r resource.Resource) rschema.Schema {
	var resp resource.SchemaResponse
	r.Schema(ctx, resource.SchemaRequest{}, &resp)
	return resp.Schema
}
