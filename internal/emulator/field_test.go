package emulator_test

// Contract tests of the field and field option operations, through the stock
// aws-sdk-go-v2 connectcases client.

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/connectcases"
	"github.com/aws/aws-sdk-go-v2/service/connectcases/types"

	"github.com/connect-cases/terraform-provider-cases/internal/emulator"
)

// wantSystemFields is the system field set of a new domain, in ListFields
// order (see system_fields.go for the source).
var wantSystemFields = []struct {
	id, name  string
	fieldType types.FieldType
}{
	{"assigned_queue", "Assigned queue", types.FieldTypeText},
	{"assigned_user", "Assigned user", types.FieldTypeText},
	{"case_id", "Case ID", types.FieldTypeText},
	{"case_reason", "Case Reason", types.FieldTypeSingleSelect},
	{"customer_id", "Customer", types.FieldTypeText},
	{"last_closed_datetime", "Date/Time Closed", types.FieldTypeDateTime},
	{"created_datetime", "Date/Time Opened", types.FieldTypeDateTime},
	{"last_updated_datetime", "Date/Time Updated", types.FieldTypeDateTime},
	{"last_updated_user", "Last Updated User", types.FieldTypeUser},
	{"reference_number", "Reference number", types.FieldTypeText},
	{"status", "Status", types.FieldTypeSingleSelect},
	{"summary", "Summary", types.FieldTypeText},
	{"title", "Title", types.FieldTypeText},
}

// startFieldsEmulator serves an emulator whose domains are Active at once,
// with its clock, and returns a client and an Active domain.
func startFieldsEmulator(t *testing.T, configure ...func(*emulator.RuntimeConfig)) (*connectcases.Client, *emulator.Server, *fakeClock, string) {
	t.Helper()
	clock := newFakeClock()
	runtime := emulator.DefaultRuntimeConfig()
	runtime.ActivationDelay = 0
	for _, f := range configure {
		f(&runtime)
	}
	_, server := startEmulator(t, emulator.Options{Runtime: runtime, Now: clock.Now})
	client := defaultClient(server)
	out := createDomain(t, client, "fields")
	return client, server, clock, aws.ToString(out.DomainId)
}

func createField(t *testing.T, client *connectcases.Client, domainID, name string, fieldType types.FieldType) *connectcases.CreateFieldOutput {
	t.Helper()
	out, err := client.CreateField(context.Background(), &connectcases.CreateFieldInput{
		DomainId: aws.String(domainID), Name: aws.String(name), Type: fieldType,
	})
	if err != nil {
		t.Fatalf("CreateField(%q): %v", name, err)
	}
	return out
}

func getField(t *testing.T, client *connectcases.Client, domainID, fieldID string) types.GetFieldResponse {
	t.Helper()
	out, err := client.BatchGetField(context.Background(), &connectcases.BatchGetFieldInput{
		DomainId: aws.String(domainID), Fields: []types.FieldIdentifier{{Id: aws.String(fieldID)}},
	})
	if err != nil {
		t.Fatalf("BatchGetField(%s): %v", fieldID, err)
	}
	if len(out.Fields) != 1 || len(out.Errors) != 0 {
		t.Fatalf("BatchGetField(%s) = %d fields, errors %+v; want the field", fieldID, len(out.Fields), out.Errors)
	}
	return out.Fields[0]
}

// listAllFields walks ListFields with the SDK paginator.
func listAllFields(t *testing.T, client *connectcases.Client, domainID string, pageSize int32) ([]types.FieldSummary, int) {
	t.Helper()
	paginator := connectcases.NewListFieldsPaginator(client, &connectcases.ListFieldsInput{DomainId: aws.String(domainID), MaxResults: aws.Int32(pageSize)})
	var fields []types.FieldSummary
	pages := 0
	for paginator.HasMorePages() {
		page, err := paginator.NextPage(context.Background())
		if err != nil {
			t.Fatalf("ListFields page %d: %v", pages+1, err)
		}
		pages++
		if len(page.Fields) > int(pageSize) {
			t.Fatalf("page %d has %d fields, more than maxResults %d", pages, len(page.Fields), pageSize)
		}
		fields = append(fields, page.Fields...)
	}
	return fields, pages
}

func listAllOptions(t *testing.T, client *connectcases.Client, domainID, fieldID string, pageSize int32) []types.FieldOption {
	t.Helper()
	paginator := connectcases.NewListFieldOptionsPaginator(client, &connectcases.ListFieldOptionsInput{
		DomainId: aws.String(domainID), FieldId: aws.String(fieldID), MaxResults: aws.Int32(pageSize),
	})
	var options []types.FieldOption
	for paginator.HasMorePages() {
		page, err := paginator.NextPage(context.Background())
		if err != nil {
			t.Fatalf("ListFieldOptions: %v", err)
		}
		options = append(options, page.Options...)
	}
	return options
}

func option(name, value string, active bool) types.FieldOption {
	return types.FieldOption{Name: aws.String(name), Value: aws.String(value), Active: aws.Bool(active)}
}

func optionsString(options []types.FieldOption) string {
	parts := make([]string, len(options))
	for i, o := range options {
		parts[i] = fmt.Sprintf("%s=%s/%t", aws.ToString(o.Value), aws.ToString(o.Name), aws.ToBool(o.Active))
	}
	return strings.Join(parts, " ")
}

func requireValidationMessage(t *testing.T, err error, contains ...string) {
	t.Helper()
	validation := requireAPIErrorAs[*types.ValidationException](t, err)
	for _, c := range contains {
		if !strings.Contains(aws.ToString(validation.Message), c) {
			t.Errorf("message %q does not contain %q", aws.ToString(validation.Message), c)
		}
	}
}

func TestField_systemFieldsOfANewDomain(t *testing.T) {
	client, _, _, domainID := startFieldsEmulator(t)
	ctx := context.Background()

	fields, _ := listAllFields(t, client, domainID, 100)
	if len(fields) != len(wantSystemFields) {
		t.Fatalf("a new domain lists %d fields, want the %d system fields", len(fields), len(wantSystemFields))
	}
	domainARN := "arn:aws:cases:us-west-2:" + emulator.DefaultAccount + ":domain/" + domainID
	for i, want := range wantSystemFields {
		got := fields[i]
		if aws.ToString(got.FieldId) != want.id || aws.ToString(got.Name) != want.name || got.Type != want.fieldType || got.Namespace != types.FieldNamespaceSystem {
			t.Errorf("field %d = %s %q %s %s, want %s %q %s System", i, aws.ToString(got.FieldId), aws.ToString(got.Name), got.Type, got.Namespace, want.id, want.name, want.fieldType)
		}
		if aws.ToString(got.FieldArn) != domainARN+"/field/"+want.id {
			t.Errorf("field %s ARN = %s", want.id, aws.ToString(got.FieldArn))
		}
	}

	status := getField(t, client, domainID, "status")
	if status.Namespace != types.FieldNamespaceSystem || status.Deleted || aws.ToString(status.Description) == "" {
		t.Errorf("status = %+v, want a live system field with a description", status)
	}
	if got := optionsString(listAllOptions(t, client, domainID, "status", 100)); got != "open=Open/true closed=Closed/true" {
		t.Errorf("status options = %s, want open and closed", got)
	}
	if got := listAllOptions(t, client, domainID, "case_reason", 100); len(got) != 0 {
		t.Errorf("case_reason options = %s, want none", optionsString(got))
	}

	t.Run("not deletable", func(t *testing.T) {
		_, err := client.DeleteField(ctx, &connectcases.DeleteFieldInput{DomainId: aws.String(domainID), FieldId: aws.String("title")})
		requireValidationMessage(t, err, "system field")
		if got := getField(t, client, domainID, "title"); got.Deleted {
			t.Error("title was deleted")
		}
	})
	t.Run("name and description fixed", func(t *testing.T) {
		_, err := client.UpdateField(ctx, &connectcases.UpdateFieldInput{DomainId: aws.String(domainID), FieldId: aws.String("title"), Name: aws.String("Subject")})
		requireValidationMessage(t, err, "system field")
		_, err = client.UpdateField(ctx, &connectcases.UpdateFieldInput{DomainId: aws.String(domainID), FieldId: aws.String("title"), Description: aws.String("mine")})
		requireValidationMessage(t, err, "system field")
	})
	t.Run("custom fields cannot take a system field's name", func(t *testing.T) {
		_, err := client.CreateField(ctx, &connectcases.CreateFieldInput{DomainId: aws.String(domainID), Name: aws.String("Status"), Type: types.FieldTypeText})
		conflict := requireAPIErrorAs[*types.ConflictException](t, err)
		if !strings.Contains(aws.ToString(conflict.Message), "status") {
			t.Errorf("message %q does not name the field that holds the name", aws.ToString(conflict.Message))
		}
	})
	t.Run("status keeps its fixed options", func(t *testing.T) {
		out, err := client.BatchPutFieldOptions(ctx, &connectcases.BatchPutFieldOptionsInput{
			DomainId: aws.String(domainID), FieldId: aws.String("status"),
			Options: []types.FieldOption{option("Open", "open", false), option("Escalated", "escalated", true), option("Closed", "closed", true)},
		})
		if err != nil {
			t.Fatalf("BatchPutFieldOptions: %v", err)
		}
		if len(out.Errors) != 1 || aws.ToString(out.Errors[0].Value) != "open" || aws.ToString(out.Errors[0].ErrorCode) == "" || aws.ToString(out.Errors[0].Message) == "" {
			t.Fatalf("errors = %+v, want one error for the fixed option open", out.Errors)
		}
		if got := optionsString(listAllOptions(t, client, domainID, "status", 100)); got != "open=Open/true closed=Closed/true escalated=Escalated/true" {
			t.Errorf("status options = %s, want open and closed unchanged and escalated added", got)
		}
	})
}

func TestField_lifecycle(t *testing.T) {
	client, _, clock, domainID := startFieldsEmulator(t)
	ctx := context.Background()

	created, err := client.CreateField(ctx, &connectcases.CreateFieldInput{
		DomainId: aws.String(domainID), Name: aws.String("Priority"), Type: types.FieldTypeSingleSelect, Description: aws.String("How urgent"),
	})
	if err != nil {
		t.Fatalf("CreateField: %v", err)
	}
	id := aws.ToString(created.FieldId)
	if !uuidPattern.MatchString(id) {
		t.Errorf("fieldId = %q, want a UUID", id)
	}
	wantARN := "arn:aws:cases:us-west-2:" + emulator.DefaultAccount + ":domain/" + domainID + "/field/" + id
	if aws.ToString(created.FieldArn) != wantARN {
		t.Errorf("fieldArn = %s, want %s", aws.ToString(created.FieldArn), wantARN)
	}

	got := getField(t, client, domainID, id)
	if aws.ToString(got.Name) != "Priority" || got.Type != types.FieldTypeSingleSelect || got.Namespace != types.FieldNamespaceCustom ||
		aws.ToString(got.Description) != "How urgent" || got.Deleted || aws.ToString(got.FieldArn) != wantARN {
		t.Errorf("BatchGetField = %+v", got)
	}
	if !aws.ToTime(got.CreatedTime).Equal(clock.Now()) || !aws.ToTime(got.LastModifiedTime).Equal(clock.Now()) {
		t.Errorf("times = %v, %v, want the emulator clock %v", got.CreatedTime, got.LastModifiedTime, clock.Now())
	}
	if got.Tags == nil || len(got.Tags) != 0 {
		t.Errorf("tags = %v, want an empty map", got.Tags)
	}

	clock.Advance(time.Minute)
	if _, err := client.UpdateField(ctx, &connectcases.UpdateFieldInput{
		DomainId: aws.String(domainID), FieldId: aws.String(id), Name: aws.String("Urgency"), Description: aws.String(""),
	}); err != nil {
		t.Fatalf("UpdateField: %v", err)
	}
	got = getField(t, client, domainID, id)
	if aws.ToString(got.Name) != "Urgency" || got.Description != nil {
		t.Errorf("after update name = %q description = %v, want Urgency and no description", aws.ToString(got.Name), got.Description)
	}
	if !aws.ToTime(got.LastModifiedTime).Equal(clock.Now()) || aws.ToTime(got.CreatedTime).Equal(clock.Now()) {
		t.Errorf("after update createdTime = %v lastModifiedTime = %v, want only lastModifiedTime moved to %v", got.CreatedTime, got.LastModifiedTime, clock.Now())
	}

	if _, err := client.DeleteField(ctx, &connectcases.DeleteFieldInput{DomainId: aws.String(domainID), FieldId: aws.String(id)}); err != nil {
		t.Fatalf("DeleteField: %v", err)
	}
	fields, _ := listAllFields(t, client, domainID, 100)
	for _, f := range fields {
		if aws.ToString(f.FieldId) == id {
			t.Error("ListFields still lists the deleted field")
		}
	}
	if got := getField(t, client, domainID, id); !got.Deleted || aws.ToString(got.Name) != "Urgency" {
		t.Errorf("BatchGetField of the deleted field = %+v, want it with deleted true", got)
	}

	_, err = client.UpdateField(ctx, &connectcases.UpdateFieldInput{DomainId: aws.String(domainID), FieldId: aws.String(id), Name: aws.String("Again")})
	requireValidationMessage(t, err, "deleted")
	_, err = client.BatchPutFieldOptions(ctx, &connectcases.BatchPutFieldOptionsInput{
		DomainId: aws.String(domainID), FieldId: aws.String(id), Options: []types.FieldOption{option("High", "high", true)},
	})
	requireValidationMessage(t, err, "deleted")
	_, err = client.DeleteField(ctx, &connectcases.DeleteFieldInput{DomainId: aws.String(domainID), FieldId: aws.String(id)})
	notFound := requireAPIErrorAs[*types.ResourceNotFoundException](t, err)
	if aws.ToString(notFound.ResourceType) != "Field" || aws.ToString(notFound.ResourceId) != id {
		t.Errorf("resourceType=%q resourceId=%q, want Field, %s", aws.ToString(notFound.ResourceType), aws.ToString(notFound.ResourceId), id)
	}

	// The name of a deleted field is free again.
	createField(t, client, domainID, "Urgency", types.FieldTypeText)
}

func TestBatchGetField_unknownIDsAreErrors(t *testing.T) {
	client, _, _, domainID := startFieldsEmulator(t)
	out, err := client.BatchGetField(context.Background(), &connectcases.BatchGetFieldInput{
		DomainId: aws.String(domainID),
		Fields:   []types.FieldIdentifier{{Id: aws.String("title")}, {Id: aws.String("no-such-field")}, {Id: aws.String("title")}},
	})
	if err != nil {
		t.Fatalf("BatchGetField: %v", err)
	}
	if len(out.Fields) != 1 || aws.ToString(out.Fields[0].FieldId) != "title" {
		t.Errorf("fields = %+v, want title once", out.Fields)
	}
	if len(out.Errors) != 1 || aws.ToString(out.Errors[0].Id) != "no-such-field" || aws.ToString(out.Errors[0].ErrorCode) != "ResourceNotFoundException" {
		t.Errorf("errors = %+v, want one ResourceNotFoundException for no-such-field", out.Errors)
	}

	_, err = client.BatchGetField(context.Background(), &connectcases.BatchGetFieldInput{DomainId: aws.String(domainID), Fields: []types.FieldIdentifier{}})
	requireValidationMessage(t, err, "Value at 'fields' failed to satisfy constraint: Member must have length greater than or equal to 1")
	many := make([]types.FieldIdentifier, 51)
	for i := range many {
		many[i] = types.FieldIdentifier{Id: aws.String(fmt.Sprint(i))}
	}
	_, err = client.BatchGetField(context.Background(), &connectcases.BatchGetFieldInput{DomainId: aws.String(domainID), Fields: many})
	requireValidationMessage(t, err, "Member must have length less than or equal to 50")
}

func TestCreateField_validation(t *testing.T) {
	client, _, _, domainID := startFieldsEmulator(t)
	multiline := &types.FieldAttributesMemberText{Value: types.TextAttributes{IsMultiline: aws.Bool(true)}}

	for _, tc := range []struct {
		name        string
		input       connectcases.CreateFieldInput
		wantMessage string
	}{
		{"empty name", connectcases.CreateFieldInput{Name: aws.String(""), Type: types.FieldTypeText},
			"1 validation error detected: Value at 'name' failed to satisfy constraint: Member must have length greater than or equal to 1"},
		{"101 characters", connectcases.CreateFieldInput{Name: aws.String(strings.Repeat("n", 101)), Type: types.FieldTypeText},
			"1 validation error detected: Value at 'name' failed to satisfy constraint: Member must have length less than or equal to 100"},
		{"trailing space", connectcases.CreateFieldInput{Name: aws.String("Priority "), Type: types.FieldTypeText},
			`1 validation error detected: Value at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern: ^.*[\S]$`},
		{"unknown type", connectcases.CreateFieldInput{Name: aws.String("Priority"), Type: "Currency"},
			"1 validation error detected: Value 'Currency' at 'type' failed to satisfy constraint: Member must satisfy enum value set: [Text, Number, Boolean, DateTime, SingleSelect, Url, User]"},
		{"description too long", connectcases.CreateFieldInput{Name: aws.String("Priority"), Type: types.FieldTypeText, Description: aws.String(strings.Repeat("d", 256))},
			"1 validation error detected: Value at 'description' failed to satisfy constraint: Member must have length less than or equal to 255"},
		{"text attributes on a number", connectcases.CreateFieldInput{Name: aws.String("Amount"), Type: types.FieldTypeNumber, Attributes: multiline},
			"Text attributes apply to fields of type Text only"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := tc.input
			in.DomainId = aws.String(domainID)
			_, err := client.CreateField(context.Background(), &in)
			requireValidationMessage(t, err, tc.wantMessage)
		})
	}

	t.Run("every type of the model", func(t *testing.T) {
		for _, fieldType := range types.FieldType("").Values() {
			out := createField(t, client, domainID, "field of type "+string(fieldType), fieldType)
			if got := getField(t, client, domainID, aws.ToString(out.FieldId)); got.Type != fieldType {
				t.Errorf("type = %s, want %s", got.Type, fieldType)
			}
		}
	})
	t.Run("unknown domain", func(t *testing.T) {
		_, err := client.CreateField(context.Background(), &connectcases.CreateFieldInput{DomainId: aws.String("no-such-domain"), Name: aws.String("x"), Type: types.FieldTypeText})
		notFound := requireAPIErrorAs[*types.ResourceNotFoundException](t, err)
		if aws.ToString(notFound.ResourceType) != "Domain" {
			t.Errorf("resourceType = %q, want Domain", aws.ToString(notFound.ResourceType))
		}
	})
}

func TestField_textAttributes(t *testing.T) {
	client, _, _, domainID := startFieldsEmulator(t)
	ctx := context.Background()
	out, err := client.CreateField(ctx, &connectcases.CreateFieldInput{
		DomainId: aws.String(domainID), Name: aws.String("Notes"), Type: types.FieldTypeText,
		Attributes: &types.FieldAttributesMemberText{Value: types.TextAttributes{IsMultiline: aws.Bool(true)}},
	})
	if err != nil {
		t.Fatalf("CreateField: %v", err)
	}
	multiline := func(a types.FieldAttributes) any {
		text, ok := a.(*types.FieldAttributesMemberText)
		if !ok {
			return a
		}
		return aws.ToBool(text.Value.IsMultiline)
	}
	if got := multiline(getField(t, client, domainID, aws.ToString(out.FieldId)).Attributes); got != true {
		t.Errorf("BatchGetField isMultiline = %v, want true", got)
	}
	if _, err := client.UpdateField(ctx, &connectcases.UpdateFieldInput{
		DomainId: aws.String(domainID), FieldId: out.FieldId,
		Attributes: &types.FieldAttributesMemberText{Value: types.TextAttributes{IsMultiline: aws.Bool(false)}},
	}); err != nil {
		t.Fatalf("UpdateField: %v", err)
	}
	fields, _ := listAllFields(t, client, domainID, 100)
	last := fields[len(fields)-1]
	if aws.ToString(last.FieldId) != aws.ToString(out.FieldId) || multiline(last.Attributes) != false {
		t.Errorf("ListFields last = %s isMultiline %v, want the field with false", aws.ToString(last.FieldId), multiline(last.Attributes))
	}
	// Updating the name alone keeps the attributes.
	if _, err := client.UpdateField(ctx, &connectcases.UpdateFieldInput{DomainId: aws.String(domainID), FieldId: out.FieldId, Name: aws.String("Long notes")}); err != nil {
		t.Fatalf("UpdateField: %v", err)
	}
	if got := multiline(getField(t, client, domainID, aws.ToString(out.FieldId)).Attributes); got != false {
		t.Errorf("isMultiline after a rename = %v, want false kept", got)
	}
}

func TestField_namesAreUniquePerDomain(t *testing.T) {
	client, _, _, domainID := startFieldsEmulator(t)
	ctx := context.Background()
	first := createField(t, client, domainID, "Priority", types.FieldTypeText)
	other := createField(t, client, domainID, "Severity", types.FieldTypeText)

	_, err := client.CreateField(ctx, &connectcases.CreateFieldInput{DomainId: aws.String(domainID), Name: aws.String("Priority"), Type: types.FieldTypeNumber})
	conflict := requireAPIErrorAs[*types.ConflictException](t, err)
	if !strings.Contains(aws.ToString(conflict.Message), aws.ToString(first.FieldId)) {
		t.Errorf("message %q does not name the field that holds the name", aws.ToString(conflict.Message))
	}
	_, err = client.UpdateField(ctx, &connectcases.UpdateFieldInput{DomainId: aws.String(domainID), FieldId: other.FieldId, Name: aws.String("Priority")})
	requireAPIError[*types.ConflictException](t, err)

	// Another domain may use the same name.
	second := createDomain(t, client, "other-domain")
	createField(t, client, aws.ToString(second.DomainId), "Priority", types.FieldTypeText)
}

func TestField_quota(t *testing.T) {
	client, server, _, domainID := startFieldsEmulator(t)
	putConfig(t, server, `{"quotas":{"fieldsPerDomain":3}}`)
	ctx := context.Background()

	var ids []string
	for i := range 3 {
		ids = append(ids, aws.ToString(createField(t, client, domainID, fmt.Sprintf("custom-%d", i), types.FieldTypeText).FieldId))
	}
	// The system fields do not count against the quota; custom fields do.
	_, err := client.CreateField(ctx, &connectcases.CreateFieldInput{DomainId: aws.String(domainID), Name: aws.String("one-too-many"), Type: types.FieldTypeText})
	requireAPIError[*types.ServiceQuotaExceededException](t, err)

	if _, err := client.DeleteField(ctx, &connectcases.DeleteFieldInput{DomainId: aws.String(domainID), FieldId: aws.String(ids[0])}); err != nil {
		t.Fatalf("DeleteField: %v", err)
	}
	createField(t, client, domainID, "one-too-many", types.FieldTypeText)
}

func TestDeleteField_deletionLimit(t *testing.T) {
	client, _, _, domainID := startFieldsEmulator(t)
	ctx := context.Background()
	const limit = 100 // "You can delete up to 100 fields per domain" (DeleteField)
	for i := range limit + 1 {
		id := createField(t, client, domainID, fmt.Sprintf("f-%d", i), types.FieldTypeBoolean).FieldId
		_, err := client.DeleteField(ctx, &connectcases.DeleteFieldInput{DomainId: aws.String(domainID), FieldId: id})
		if i < limit {
			if err != nil {
				t.Fatalf("DeleteField %d: %v", i+1, err)
			}
			continue
		}
		requireAPIError[*types.ServiceQuotaExceededException](t, err)
	}
}

func TestDeleteField_refusesAFieldInUse(t *testing.T) {
	client, _, _, domainID := startFieldsEmulator(t)
	ctx := context.Background()
	used := createField(t, client, domainID, "Policy number", types.FieldTypeText)
	usedID := aws.ToString(used.FieldId)
	remove := emulator.AddFieldReferrerForTest(func(d, fieldID string) []string {
		if d == domainID && fieldID == usedID {
			return []string{"layout 'Claims' (layout-1)", "template 'Claim' (template-1)"}
		}
		return nil
	})
	defer remove()

	_, err := client.DeleteField(ctx, &connectcases.DeleteFieldInput{DomainId: aws.String(domainID), FieldId: used.FieldId})
	conflict := requireAPIErrorAs[*types.ConflictException](t, err)
	for _, want := range []string{"Policy number", "layout 'Claims' (layout-1)", "template 'Claim' (template-1)"} {
		if !strings.Contains(aws.ToString(conflict.Message), want) {
			t.Errorf("message %q does not name %s", aws.ToString(conflict.Message), want)
		}
	}
	if got := getField(t, client, domainID, usedID); got.Deleted {
		t.Error("the field in use was deleted")
	}

	remove()
	if _, err := client.DeleteField(ctx, &connectcases.DeleteFieldInput{DomainId: aws.String(domainID), FieldId: used.FieldId}); err != nil {
		t.Fatalf("DeleteField once unused: %v", err)
	}
}

func TestListFields_paging(t *testing.T) {
	client, _, _, domainID := startFieldsEmulator(t)
	var want []string
	for _, f := range wantSystemFields {
		want = append(want, f.id)
	}
	for i := range 7 {
		want = append(want, aws.ToString(createField(t, client, domainID, fmt.Sprintf("custom-%d", i), types.FieldTypeNumber).FieldId))
	}
	fields, pages := listAllFields(t, client, domainID, 5)
	if pages != 4 {
		t.Errorf("walked %d pages of 5 for 20 fields, want 4", pages)
	}
	var got []string
	for _, f := range fields {
		got = append(got, aws.ToString(f.FieldId))
	}
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("fields = %v\nwant      %v (system fields, then custom ones in creation order)", got, want)
	}

	for _, tc := range []struct {
		maxResults int32
		rule       string
	}{
		{0, "Member must have value greater than or equal to 1"},
		{101, "Member must have value less than or equal to 100"},
	} {
		_, err := client.ListFields(context.Background(), &connectcases.ListFieldsInput{DomainId: aws.String(domainID), MaxResults: aws.Int32(tc.maxResults)})
		requireValidationMessage(t, err, "Value at 'maxResults' failed to satisfy constraint: "+tc.rule)
	}
	_, err := client.ListFields(context.Background(), &connectcases.ListFieldsInput{DomainId: aws.String(domainID), NextToken: aws.String("forged")})
	requireAPIError[*types.ValidationException](t, err)
}

func TestFieldOptions_lifecycle(t *testing.T) {
	client, _, _, domainID := startFieldsEmulator(t)
	ctx := context.Background()
	fieldID := aws.ToString(createField(t, client, domainID, "Region", types.FieldTypeSingleSelect).FieldId)
	put := func(options ...types.FieldOption) *connectcases.BatchPutFieldOptionsOutput {
		t.Helper()
		out, err := client.BatchPutFieldOptions(ctx, &connectcases.BatchPutFieldOptionsInput{DomainId: aws.String(domainID), FieldId: aws.String(fieldID), Options: options})
		if err != nil {
			t.Fatalf("BatchPutFieldOptions: %v", err)
		}
		if len(out.Errors) != 0 {
			t.Fatalf("BatchPutFieldOptions errors: %+v", out.Errors)
		}
		return out
	}

	put(option("US West (Oregon)", "PDX", true), option("US East (Virginia)", "IAD", true), option("Europe (Ireland)", "DUB", true))
	if got := optionsString(listAllOptions(t, client, domainID, fieldID, 100)); got != "PDX=US West (Oregon)/true IAD=US East (Virginia)/true DUB=Europe (Ireland)/true" {
		t.Errorf("options = %s", got)
	}

	// Options left out stay as they are; an option is made inactive, never
	// removed; an existing value is renamed in place.
	put(option("Europe (Dublin)", "DUB", true), option("US East (Virginia)", "IAD", false), option("Asia (Tokyo)", "NRT", true))
	want := "PDX=US West (Oregon)/true IAD=US East (Virginia)/false DUB=Europe (Dublin)/true NRT=Asia (Tokyo)/true"
	if got := optionsString(listAllOptions(t, client, domainID, fieldID, 100)); got != want {
		t.Errorf("options = %s\nwant      %s", got, want)
	}
	if got := optionsString(listAllOptions(t, client, domainID, fieldID, 1)); got != want {
		t.Errorf("options in pages of 1 = %s\nwant                    %s", got, want)
	}

	filtered, err := client.ListFieldOptions(ctx, &connectcases.ListFieldOptionsInput{DomainId: aws.String(domainID), FieldId: aws.String(fieldID), Values: []string{"IAD"}})
	if err != nil {
		t.Fatalf("ListFieldOptions by value: %v", err)
	}
	if got := optionsString(filtered.Options); got != "IAD=US East (Virginia)/false" || filtered.NextToken != nil {
		t.Errorf("options with value IAD = %s (next %v)", got, filtered.NextToken)
	}
	_, err = client.ListFieldOptions(ctx, &connectcases.ListFieldOptionsInput{DomainId: aws.String(domainID), FieldId: aws.String(fieldID), Values: []string{"IAD", "PDX"}})
	requireValidationMessage(t, err, "Value at 'values' failed to satisfy constraint: Member must have length less than or equal to 1")
}

func TestFieldOptions_validation(t *testing.T) {
	client, _, _, domainID := startFieldsEmulator(t)
	ctx := context.Background()
	selectID := createField(t, client, domainID, "Region", types.FieldTypeSingleSelect).FieldId
	textID := createField(t, client, domainID, "Notes", types.FieldTypeText).FieldId
	putOptions := func(fieldID *string, options ...types.FieldOption) error {
		_, err := client.BatchPutFieldOptions(ctx, &connectcases.BatchPutFieldOptionsInput{DomainId: aws.String(domainID), FieldId: fieldID, Options: options})
		return err
	}

	t.Run("only single-select fields have options", func(t *testing.T) {
		requireValidationMessage(t, putOptions(textID, option("A", "a", true)), "is of type Text", "SingleSelect")
		_, err := client.ListFieldOptions(ctx, &connectcases.ListFieldOptionsInput{DomainId: aws.String(domainID), FieldId: textID})
		requireValidationMessage(t, err, "is of type Text")
	})
	t.Run("constraints", func(t *testing.T) {
		err := putOptions(selectID, option("", "a", true), option("B", "b ", true))
		requireValidationMessage(t, err, "2 validation errors detected",
			"Value at 'options.1.member.name' failed to satisfy constraint: Member must have length greater than or equal to 1",
			`Value at 'options.2.member.value' failed to satisfy constraint: Member must satisfy regular expression pattern: ^.*[\S]$`)
	})
	t.Run("at most 50 per request", func(t *testing.T) {
		options := make([]types.FieldOption, 51)
		for i := range options {
			options[i] = option(fmt.Sprint("option ", i), fmt.Sprint("v", i), true)
		}
		requireValidationMessage(t, putOptions(selectID, options...), "Value at 'options' failed to satisfy constraint: Member must have length less than or equal to 50")
	})
	t.Run("unknown field", func(t *testing.T) {
		notFound := requireAPIErrorAs[*types.ResourceNotFoundException](t, putOptions(aws.String("no-such-field"), option("A", "a", true)))
		if aws.ToString(notFound.ResourceType) != "Field" {
			t.Errorf("resourceType = %q, want Field", aws.ToString(notFound.ResourceType))
		}
	})
	if got := listAllOptions(t, client, domainID, aws.ToString(selectID), 100); len(got) != 0 {
		t.Errorf("rejected requests left options %s", optionsString(got))
	}
}

// TestFieldOptions_repeatedValue: the model does not make option values
// unique within one request (FieldOptionsList has no uniqueItems), so a
// repeated value is accepted; the options apply in order and the last
// occurrence sets the name and active flag. A repeated new value counts once
// against the options quota.
func TestFieldOptions_repeatedValue(t *testing.T) {
	client, server, _, domainID := startFieldsEmulator(t)
	ctx := context.Background()
	fieldID := createField(t, client, domainID, "Region", types.FieldTypeSingleSelect).FieldId
	putConfig(t, server, `{"quotas":{"optionsPerField":2}}`)
	_, err := client.BatchPutFieldOptions(ctx, &connectcases.BatchPutFieldOptionsInput{DomainId: aws.String(domainID), FieldId: fieldID,
		Options: []types.FieldOption{option("A", "a", true), option("B", "b", true), option("Also A", "a", false)}})
	if err != nil {
		t.Fatalf("repeated value: %v", err)
	}
	if got := optionsString(listAllOptions(t, client, domainID, aws.ToString(fieldID), 100)); got != "a=Also A/false b=B/true" {
		t.Errorf("options = %s, want the last occurrence of a to win", got)
	}
}

func TestFieldOptions_quota(t *testing.T) {
	client, server, _, domainID := startFieldsEmulator(t)
	ctx := context.Background()
	fieldID := createField(t, client, domainID, "Product", types.FieldTypeSingleSelect).FieldId
	putBatch := func(from, n int) error {
		options := make([]types.FieldOption, n)
		for i := range options {
			options[i] = option(fmt.Sprint("Product ", from+i), fmt.Sprint("p", from+i), (from+i)%2 == 0)
		}
		_, err := client.BatchPutFieldOptions(ctx, &connectcases.BatchPutFieldOptionsInput{DomainId: aws.String(domainID), FieldId: fieldID, Options: options})
		return err
	}

	// The default quota: 500 options per field, inactive ones included.
	for from := 0; from < emulator.DefaultOptionsPerField; from += 50 {
		if err := putBatch(from, 50); err != nil {
			t.Fatalf("options %d..%d: %v", from, from+49, err)
		}
	}
	requireAPIError[*types.ServiceQuotaExceededException](t, putBatch(emulator.DefaultOptionsPerField, 1))
	// Updating existing options adds none.
	if err := putBatch(0, 50); err != nil {
		t.Errorf("updating existing options at the quota: %v", err)
	}
	if got := len(listAllOptions(t, client, domainID, aws.ToString(fieldID), 100)); got != emulator.DefaultOptionsPerField {
		t.Errorf("field has %d options, want %d", got, emulator.DefaultOptionsPerField)
	}

	// The quota follows the runtime configuration, and a request that
	// would pass it is rejected whole.
	putConfig(t, server, `{"quotas":{"optionsPerField":505}}`)
	requireAPIError[*types.ServiceQuotaExceededException](t, putBatch(500, 6))
	if err := putBatch(500, 5); err != nil {
		t.Errorf("up to the raised quota: %v", err)
	}
}

func TestField_tags(t *testing.T) {
	client, _, _, domainID := startFieldsEmulator(t)
	ctx := context.Background()
	created := createField(t, client, domainID, "Tagged", types.FieldTypeUrl)

	if _, err := client.TagResource(ctx, &connectcases.TagResourceInput{Arn: created.FieldArn, Tags: map[string]*string{"env": aws.String("prod")}}); err != nil {
		t.Fatalf("TagResource: %v", err)
	}
	listed, err := client.ListTagsForResource(ctx, &connectcases.ListTagsForResourceInput{Arn: created.FieldArn})
	if err != nil {
		t.Fatalf("ListTagsForResource: %v", err)
	}
	if got := aws.ToStringMap(listed.Tags); fmt.Sprint(got) != "map[env:prod]" {
		t.Errorf("ListTagsForResource = %v", got)
	}
	if got := aws.ToStringMap(getField(t, client, domainID, aws.ToString(created.FieldId)).Tags); fmt.Sprint(got) != "map[env:prod]" {
		t.Errorf("BatchGetField tags = %v", got)
	}
	if _, err := client.UntagResource(ctx, &connectcases.UntagResourceInput{Arn: created.FieldArn, TagKeys: []string{"env"}}); err != nil {
		t.Fatalf("UntagResource: %v", err)
	}
	domain, err := client.GetDomain(ctx, &connectcases.GetDomainInput{DomainId: aws.String(domainID)})
	if err != nil {
		t.Fatalf("GetDomain: %v", err)
	}
	if len(domain.Tags) != 0 {
		t.Errorf("tagging the field tagged the domain: %v", domain.Tags)
	}

	// System fields have ARNs and take tags too.
	statusARN := aws.ToString(domain.DomainArn) + "/field/status"
	if _, err := client.TagResource(ctx, &connectcases.TagResourceInput{Arn: aws.String(statusARN), Tags: map[string]*string{"k": aws.String("v")}}); err != nil {
		t.Errorf("tagging a system field: %v", err)
	}

	if _, err := client.DeleteField(ctx, &connectcases.DeleteFieldInput{DomainId: aws.String(domainID), FieldId: created.FieldId}); err != nil {
		t.Fatalf("DeleteField: %v", err)
	}
	for _, arn := range []string{aws.ToString(created.FieldArn), aws.ToString(domain.DomainArn) + "/field/no-such-field"} {
		_, err = client.ListTagsForResource(ctx, &connectcases.ListTagsForResourceInput{Arn: aws.String(arn)})
		notFound := requireAPIErrorAs[*types.ResourceNotFoundException](t, err)
		if aws.ToString(notFound.ResourceType) != "Field" || aws.ToString(notFound.ResourceId) != arn {
			t.Errorf("resourceType=%q resourceId=%q, want Field, %s", aws.ToString(notFound.ResourceType), aws.ToString(notFound.ResourceId), arn)
		}
	}
}

func TestField_writesWaitForAnActiveDomain(t *testing.T) {
	clock := newFakeClock()
	runtime := emulator.DefaultRuntimeConfig()
	runtime.ActivationDelay = emulator.Duration(time.Minute)
	_, server := startEmulator(t, emulator.Options{Runtime: runtime, Now: clock.Now})
	client := defaultClient(server)
	ctx := context.Background()
	domainID := createDomain(t, client, "activating").DomainId

	_, err := client.CreateField(ctx, &connectcases.CreateFieldInput{DomainId: domainID, Name: aws.String("Early"), Type: types.FieldTypeText})
	conflict := requireAPIErrorAs[*types.ConflictException](t, err)
	if !strings.Contains(aws.ToString(conflict.Message), "CreationInProgress") {
		t.Errorf("message %q does not say why", aws.ToString(conflict.Message))
	}
	_, err = client.BatchPutFieldOptions(ctx, &connectcases.BatchPutFieldOptionsInput{DomainId: domainID, FieldId: aws.String("case_reason"), Options: []types.FieldOption{option("A", "a", true)}})
	requireAPIError[*types.ValidationException](t, err)
	// Reads work: the system fields are there from the start.
	if fields, _ := listAllFields(t, client, aws.ToString(domainID), 100); len(fields) != len(wantSystemFields) {
		t.Errorf("ListFields while CreationInProgress = %d fields, want the system fields", len(fields))
	}

	clock.Advance(time.Minute)
	createField(t, client, aws.ToString(domainID), "Early", types.FieldTypeText)
}

func TestField_tenantsAndDomainsAreIsolated(t *testing.T) {
	client, server, _, domainID := startFieldsEmulator(t)
	ctx := context.Background()
	created := createField(t, client, domainID, "Mine", types.FieldTypeText)

	other := newClient(server, "222222222222", testSecret, testRegion)
	_, err := other.BatchGetField(ctx, &connectcases.BatchGetFieldInput{DomainId: aws.String(domainID), Fields: []types.FieldIdentifier{{Id: created.FieldId}}})
	requireAPIError[*types.ResourceNotFoundException](t, err)
	_, err = other.ListTagsForResource(ctx, &connectcases.ListTagsForResourceInput{Arn: created.FieldArn})
	requireAPIError[*types.ResourceNotFoundException](t, err)

	second := aws.ToString(createDomain(t, client, "second").DomainId)
	out, err := client.BatchGetField(ctx, &connectcases.BatchGetFieldInput{DomainId: aws.String(second), Fields: []types.FieldIdentifier{{Id: created.FieldId}}})
	if err != nil || len(out.Fields) != 0 || len(out.Errors) != 1 {
		t.Errorf("the field read through another domain: %+v, %v", out, err)
	}

	// Deleting the domain takes its fields with it.
	if _, err := client.DeleteDomain(ctx, &connectcases.DeleteDomainInput{DomainId: aws.String(domainID)}); err != nil {
		t.Fatalf("DeleteDomain: %v", err)
	}
	_, err = client.ListTagsForResource(ctx, &connectcases.ListTagsForResourceInput{Arn: created.FieldArn})
	requireAPIError[*types.ResourceNotFoundException](t, err)
}
