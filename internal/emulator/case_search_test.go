package emulator_test

// Contract tests of SearchCases, related items, ListCasesForContact and
// case events through the stock SDK client.

import (
	"context"
	"encoding/json"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/connectcases"
	"github.com/aws/aws-sdk-go-v2/service/connectcases/types"

	"github.com/connect-cases/terraform-provider-cases/internal/emulator"
)

func fieldFilter(f types.FieldFilter) types.CaseFilter { return &types.CaseFilterMemberField{Value: f} }

func TestSearchCases(t *testing.T) {
	f := newCasesFixture(t)
	ctx := context.Background()
	// Five cases: amounts 10..50, tiers alternating, titles with a word.
	titles := []string{"Flooded basement", "Broken window", "Flooded garage", "Stolen bike", "Hail damage"}
	tiers := []string{"gold", "silver", "gold", "bronze", "silver"}
	ids := make([]string, len(titles))
	for i, title := range titles {
		ids[i] = f.mustCreate(t, f.plain, append(basics(title), fv(f.amount, dv(float64(10*(i+1)))), fv(f.tier, sv(tiers[i])))...)
		f.clock.Advance(time.Second)
	}
	search := func(in connectcases.SearchCasesInput) *connectcases.SearchCasesOutput {
		t.Helper()
		in.DomainId = aws.String(f.domainID)
		out, err := f.client.SearchCases(ctx, &in)
		if err != nil {
			t.Fatalf("SearchCases: %v", err)
		}
		return out
	}
	titlesOf := func(out *connectcases.SearchCasesOutput) []string {
		var got []string
		for _, c := range out.Cases {
			got = append(got, valueText(c.Fields)["title"])
		}
		return got
	}
	title := []types.FieldIdentifier{{Id: aws.String("title")}}

	for name, tc := range map[string]struct {
		in   connectcases.SearchCasesInput
		want string
	}{
		"no filter, creation order": {connectcases.SearchCasesInput{Fields: title}, "Flooded basement,Broken window,Flooded garage,Stolen bike,Hail damage"},
		"equalTo":                   {connectcases.SearchCasesInput{Fields: title, Filter: fieldFilter(&types.FieldFilterMemberEqualTo{Value: fv(f.tier, sv("gold"))})}, "Flooded basement,Flooded garage"},
		"contains, any case":        {connectcases.SearchCasesInput{Fields: title, Filter: fieldFilter(&types.FieldFilterMemberContains{Value: fv("title", sv("FLOOD"))})}, "Flooded basement,Flooded garage"},
		"greaterThan":               {connectcases.SearchCasesInput{Fields: title, Filter: fieldFilter(&types.FieldFilterMemberGreaterThan{Value: fv(f.amount, dv(30))})}, "Stolen bike,Hail damage"},
		"lessThanOrEqualTo":         {connectcases.SearchCasesInput{Fields: title, Filter: fieldFilter(&types.FieldFilterMemberLessThanOrEqualTo{Value: fv(f.amount, dv(20))})}, "Flooded basement,Broken window"},
		"not":                       {connectcases.SearchCasesInput{Fields: title, Filter: &types.CaseFilterMemberNot{Value: fieldFilter(&types.FieldFilterMemberEqualTo{Value: fv(f.tier, sv("silver"))})}}, "Flooded basement,Flooded garage,Stolen bike"},
		"andAll": {connectcases.SearchCasesInput{Fields: title, Filter: &types.CaseFilterMemberAndAll{Value: []types.CaseFilter{
			fieldFilter(&types.FieldFilterMemberEqualTo{Value: fv(f.tier, sv("gold"))}), fieldFilter(&types.FieldFilterMemberGreaterThanOrEqualTo{Value: fv(f.amount, dv(30))}),
		}}}, "Flooded garage"},
		"orAll": {connectcases.SearchCasesInput{Fields: title, Filter: &types.CaseFilterMemberOrAll{Value: []types.CaseFilter{
			fieldFilter(&types.FieldFilterMemberEqualTo{Value: fv(f.tier, sv("bronze"))}), fieldFilter(&types.FieldFilterMemberLessThan{Value: fv(f.amount, dv(20))}),
		}}}, "Flooded basement,Stolen bike"},
		"empty value":  {connectcases.SearchCasesInput{Fields: title, Filter: fieldFilter(&types.FieldFilterMemberEqualTo{Value: fv("summary", ev())})}, "Flooded basement,Broken window,Flooded garage,Stolen bike,Hail damage"},
		"searchTerm":   {connectcases.SearchCasesInput{Fields: title, SearchTerm: aws.String("bike")}, "Stolen bike"},
		"sorted":       {connectcases.SearchCasesInput{Fields: title, Sorts: []types.Sort{{FieldId: aws.String(f.tier), SortOrder: types.OrderAscending}, {FieldId: aws.String(f.amount), SortOrder: types.OrderDescending}}}, "Stolen bike,Flooded garage,Flooded basement,Hail damage,Broken window"},
		"by date-time": {connectcases.SearchCasesInput{Fields: title, Filter: fieldFilter(&types.FieldFilterMemberGreaterThan{Value: fv("created_datetime", sv(f.clock.Now().Add(-3*time.Second).Format(time.RFC3339)))})}, "Stolen bike,Hail damage"},
	} {
		t.Run(name, func(t *testing.T) {
			out := search(tc.in)
			if got := strings.Join(titlesOf(out), ","); got != tc.want {
				t.Errorf("titles = %s, want %s", got, tc.want)
			}
			if out.TotalCount != int64(len(out.Cases)) {
				t.Errorf("totalCount = %v for %d cases on one page", out.TotalCount, len(out.Cases))
			}
		})
	}

	t.Run("pages of 2", func(t *testing.T) {
		var got []string
		var token *string
		for pages := 1; ; pages++ {
			out := search(connectcases.SearchCasesInput{MaxResults: aws.Int32(2), NextToken: token, Fields: []types.FieldIdentifier{{Id: aws.String("case_id")}}})
			if len(out.Cases) > 2 || out.TotalCount != 5 || pages > 3 {
				t.Fatalf("page %d: %d cases, totalCount %d", pages, len(out.Cases), out.TotalCount)
			}
			for _, c := range out.Cases {
				got = append(got, aws.ToString(c.CaseId))
				if valueText(c.Fields)["case_id"] != aws.ToString(c.CaseId) || aws.ToString(c.TemplateId) != f.plain {
					t.Errorf("case %+v", c)
				}
			}
			if token = out.NextToken; token == nil {
				break
			}
		}
		if !slices.Equal(got, ids) {
			t.Errorf("cases over pages = %v, want %v", got, ids)
		}
	})
}

func TestRelatedItems(t *testing.T) {
	f := newCasesFixture(t)
	ctx := context.Background()
	caseID := f.mustCreate(t, f.plain, basics("With items")...)
	other := f.mustCreate(t, f.plain, basics("Other")...)
	contactARN := "arn:aws:connect:us-west-2:123456789012:instance/i/contact/c-1"
	user := &types.UserUnionMemberUserArn{Value: "arn:aws:connect:us-west-2:123456789012:instance/i/agent/a"}
	create := func(onCase string, itemType types.RelatedItemType, content types.RelatedItemInputContent) string {
		t.Helper()
		out, err := f.client.CreateRelatedItem(ctx, &connectcases.CreateRelatedItemInput{DomainId: aws.String(f.domainID), CaseId: aws.String(onCase), Type: itemType, Content: content, PerformedBy: user})
		if err != nil {
			t.Fatalf("CreateRelatedItem(%s): %v", itemType, err)
		}
		if !strings.HasSuffix(aws.ToString(out.RelatedItemArn), "/case/"+onCase+"/related-item/"+aws.ToString(out.RelatedItemId)) {
			t.Errorf("relatedItemArn = %s", aws.ToString(out.RelatedItemArn))
		}
		return aws.ToString(out.RelatedItemId)
	}
	comment := create(caseID, types.RelatedItemTypeComment, &types.RelatedItemInputContentMemberComment{Value: types.CommentContent{Body: aws.String("Called back"), ContentType: types.CommentBodyTextTypePlaintext}})
	create(caseID, types.RelatedItemTypeContact, &types.RelatedItemInputContentMemberContact{Value: types.Contact{ContactArn: aws.String(contactARN)}})
	create(other, types.RelatedItemTypeContact, &types.RelatedItemInputContentMemberContact{Value: types.Contact{ContactArn: aws.String(contactARN)}})
	file := create(caseID, types.RelatedItemTypeFile, &types.RelatedItemInputContentMemberFile{Value: types.FileContent{FileArn: aws.String("arn:aws:connect:us-west-2:123456789012:instance/i/file/f-1")}})
	sla := create(caseID, types.RelatedItemTypeSla, &types.RelatedItemInputContentMemberSla{Value: &types.SlaInputContentMemberSlaInputConfiguration{Value: types.SlaInputConfiguration{
		Name: aws.String("Close in an hour"), Type: types.SlaTypeCaseField, FieldId: aws.String("status"), TargetFieldValues: []types.FieldValueUnion{sv("closed")}, TargetSlaMinutes: aws.Int64(60),
	}}})
	create(caseID, types.RelatedItemTypeConnectCase, &types.RelatedItemInputContentMemberConnectCase{Value: types.ConnectCaseInputContent{CaseId: aws.String(other)}})
	custom := create(caseID, types.RelatedItemTypeCustom, &types.RelatedItemInputContentMemberCustom{Value: types.CustomInputContent{Fields: []types.FieldValue{fv(f.policy, sv("P-9")), fv(f.amount, dv(3))}}})

	searchItems := func(filters ...types.RelatedItemTypeFilter) []*types.SearchRelatedItemsResponseItem {
		t.Helper()
		out, err := f.client.SearchRelatedItems(ctx, &connectcases.SearchRelatedItemsInput{DomainId: aws.String(f.domainID), CaseId: aws.String(caseID), Filters: filters})
		if err != nil {
			t.Fatalf("SearchRelatedItems: %v", err)
		}
		return out.RelatedItems
	}
	all := searchItems()
	if len(all) != 6 {
		t.Fatalf("SearchRelatedItems without filters = %d items, want 6", len(all))
	}
	kinds := map[string]bool{}
	for _, ri := range all {
		kinds[string(ri.Type)] = true
		if u, ok := ri.PerformedBy.(*types.UserUnionMemberUserArn); !ok || u.Value != user.Value {
			t.Errorf("%s performedBy = %#v", ri.Type, ri.PerformedBy)
		}
		switch c := ri.Content.(type) {
		case *types.RelatedItemContentMemberContact:
			if aws.ToString(c.Value.ContactArn) != contactARN || aws.ToString(c.Value.Channel) == "" || c.Value.ConnectedToSystemTime == nil {
				t.Errorf("contact content %+v", c.Value)
			}
		case *types.RelatedItemContentMemberSla:
			if c.Value.SlaConfiguration.Status != types.SlaStatusActive || !aws.ToTime(c.Value.SlaConfiguration.TargetTime).Equal(f.clock.Now().Add(time.Hour)) {
				t.Errorf("SLA content %+v, want Active with a target an hour away", c.Value.SlaConfiguration)
			}
		case *types.RelatedItemContentMemberCustom:
			if got := valueText(c.Value.Fields); got[f.policy] != "P-9" || got[f.amount] != "3" {
				t.Errorf("custom content %v", got)
			}
		}
	}
	if len(kinds) != 6 {
		t.Errorf("types = %v, want all six", kinds)
	}
	if got := searchItems(&types.RelatedItemTypeFilterMemberComment{}, &types.RelatedItemTypeFilterMemberFile{}); len(got) != 2 {
		t.Errorf("comment or file filter = %d items, want 2", len(got))
	}
	customFilter := &types.RelatedItemTypeFilterMemberCustom{Value: types.CustomFilter{Fields: &types.CustomFieldsFilterMemberField{Value: &types.FieldFilterMemberGreaterThan{Value: fv(f.amount, dv(2))}}}}
	if got := searchItems(customFilter); len(got) != 1 || aws.ToString(got[0].RelatedItemId) != custom {
		t.Errorf("custom field filter = %+v", got)
	}

	t.Run("SLA status follows the clock and the case", func(t *testing.T) {
		slaStatus := func() types.SlaStatus {
			got := searchItems(&types.RelatedItemTypeFilterMemberSla{Value: types.SlaFilter{Name: aws.String("Close in an hour")}})
			if len(got) != 1 || aws.ToString(got[0].RelatedItemId) != sla {
				t.Fatalf("SLA filter = %+v", got)
			}
			return got[0].Content.(*types.RelatedItemContentMemberSla).Value.SlaConfiguration.Status
		}
		f.clock.Advance(2 * time.Hour)
		if s := slaStatus(); s != types.SlaStatusOverdue {
			t.Errorf("after the target time: %s, want Overdue", s)
		}
		if err := f.update(t, caseID, fv("status", sv("closed"))); err != nil {
			t.Fatal(err)
		}
		if s := slaStatus(); s != types.SlaStatusNotMet {
			t.Errorf("closed after the target: %s, want NotMet", s)
		}
		met := create(other, types.RelatedItemTypeSla, &types.RelatedItemInputContentMemberSla{Value: &types.SlaInputContentMemberSlaInputConfiguration{Value: types.SlaInputConfiguration{
			Name: aws.String("Fast"), Type: types.SlaTypeCaseField, FieldId: aws.String("status"), TargetFieldValues: []types.FieldValueUnion{sv("closed")}, TargetSlaMinutes: aws.Int64(5),
		}}})
		if err := f.update(t, other, fv("status", sv("closed"))); err != nil {
			t.Fatal(err)
		}
		out, err := f.client.SearchAllRelatedItems(ctx, &connectcases.SearchAllRelatedItemsInput{DomainId: aws.String(f.domainID),
			Filters: []types.RelatedItemTypeFilter{&types.RelatedItemTypeFilterMemberSla{Value: types.SlaFilter{Status: types.SlaStatusMet}}}})
		if err != nil || len(out.RelatedItems) != 1 || aws.ToString(out.RelatedItems[0].RelatedItemId) != met || aws.ToString(out.RelatedItems[0].CaseId) != other {
			t.Errorf("Met SLAs across the domain = %+v, %v", out, err)
		}
	})

	t.Run("SearchAllRelatedItems sorts and pages", func(t *testing.T) {
		var got []string
		var token *string
		for pages := 1; ; pages++ {
			out, err := f.client.SearchAllRelatedItems(ctx, &connectcases.SearchAllRelatedItemsInput{DomainId: aws.String(f.domainID), MaxResults: aws.Int32(3), NextToken: token,
				Sorts: []types.SearchAllRelatedItemsSort{{SortProperty: types.SearchAllRelatedItemsSortPropertyAssociationTime, SortOrder: types.OrderDescending}}})
			if err != nil || len(out.RelatedItems) > 3 || pages > 4 {
				t.Fatalf("page %d: %+v, %v", pages, out, err)
			}
			for _, ri := range out.RelatedItems {
				got = append(got, aws.ToString(ri.RelatedItemId))
			}
			if token = out.NextToken; token == nil {
				break
			}
		}
		if len(got) != 8 || got[0] == comment {
			t.Errorf("all items newest first = %d items starting %s", len(got), got[0])
		}
	})

	t.Run("ListCasesForContact", func(t *testing.T) {
		var got []string
		var token *string
		for pages := 1; ; pages++ {
			out, err := f.client.ListCasesForContact(ctx, &connectcases.ListCasesForContactInput{DomainId: aws.String(f.domainID), ContactArn: aws.String(contactARN), MaxResults: aws.Int32(1), NextToken: token})
			if err != nil || len(out.Cases) > 1 || pages > 3 {
				t.Fatalf("page %d: %+v, %v", pages, out, err)
			}
			for _, c := range out.Cases {
				got = append(got, aws.ToString(c.CaseId))
			}
			if token = out.NextToken; token == nil {
				break
			}
		}
		if !slices.Equal(got, []string{caseID, other}) {
			t.Errorf("cases for the contact = %v, want %s then %s", got, caseID, other)
		}
	})

	t.Run("update and delete", func(t *testing.T) {
		out, err := f.client.UpdateRelatedItem(ctx, &connectcases.UpdateRelatedItemInput{DomainId: aws.String(f.domainID), CaseId: aws.String(caseID), RelatedItemId: aws.String(comment),
			Content:     &types.RelatedItemUpdateContentMemberComment{Value: types.CommentUpdateContent{Body: aws.String("Called back twice"), ContentType: types.CommentBodyTextTypePlaintext}},
			PerformedBy: &types.UserUnionMemberCustomEntity{Value: "supervisor"}})
		if err != nil {
			t.Fatalf("UpdateRelatedItem: %v", err)
		}
		if c := out.Content.(*types.RelatedItemContentMemberComment); aws.ToString(c.Value.Body) != "Called back twice" || out.Type != types.RelatedItemTypeComment {
			t.Errorf("updated content = %+v", c.Value)
		}
		if _, err := f.client.UpdateRelatedItem(ctx, &connectcases.UpdateRelatedItemInput{DomainId: aws.String(f.domainID), CaseId: aws.String(caseID), RelatedItemId: aws.String(custom),
			Content: &types.RelatedItemUpdateContentMemberCustom{Value: types.CustomUpdateContent{Fields: []types.FieldValue{fv(f.amount, dv(4))}}}}); err != nil {
			t.Fatalf("UpdateRelatedItem(custom): %v", err)
		}
		if got := searchItems(customFilter); len(got) != 1 {
			t.Fatalf("custom item after update: %+v", got)
		} else if v := valueText(got[0].Content.(*types.RelatedItemContentMemberCustom).Value.Fields); len(v) != 1 || v[f.amount] != "4" {
			t.Errorf("custom fields after update = %v, want only amount=4 (fields left out are removed)", v)
		}
		if _, err := f.client.DeleteRelatedItem(ctx, &connectcases.DeleteRelatedItemInput{DomainId: aws.String(f.domainID), CaseId: aws.String(caseID), RelatedItemId: aws.String(comment)}); err != nil {
			t.Fatalf("DeleteRelatedItem: %v", err)
		}
		_, err = f.client.DeleteRelatedItem(ctx, &connectcases.DeleteRelatedItemInput{DomainId: aws.String(f.domainID), CaseId: aws.String(caseID), RelatedItemId: aws.String(file)})
		requireValidation(t, err, "DeleteAttachedFile")
		audit, err := f.client.GetCaseAuditEvents(ctx, &connectcases.GetCaseAuditEventsInput{DomainId: aws.String(f.domainID), CaseId: aws.String(caseID), MaxResults: aws.Int32(25)})
		if err != nil {
			t.Fatal(err)
		}
		var types_ []string
		for _, a := range audit.AuditEvents {
			types_ = append(types_, string(a.Type)+"/"+string(a.RelatedItemType))
		}
		want := "Case.Created/,RelatedItem.Created/Comment,RelatedItem.Created/Contact,RelatedItem.Created/File,RelatedItem.Created/Sla,RelatedItem.Created/ConnectCase,RelatedItem.Created/Custom,Case.Updated/,RelatedItem.Updated/Comment,RelatedItem.Updated/Custom,RelatedItem.Deleted/Comment"
		if strings.Join(types_, ",") != want {
			t.Errorf("audit = %s\nwant    %s", strings.Join(types_, ","), want)
		}
	})
}

// TestCaseEvents: with the event configuration enabled, each change is an
// EventBridge event carrying the configured fields; disabled, none.
func TestCaseEvents(t *testing.T) {
	f := newCasesFixture(t)
	ctx := context.Background()
	getEvents := func(query string) []emulator.CaseEvent {
		t.Helper()
		req, err := http.NewRequest(http.MethodGet, f.server.URL()+"/_emulator/events"+query, nil)
		if err != nil {
			t.Fatal(err)
		}
		resp := do(t, req)
		var body struct{ Events []emulator.CaseEvent }
		if resp.status != http.StatusOK || json.Unmarshal(resp.body, &body) != nil {
			t.Fatalf("GET events: %d %s", resp.status, resp.body)
		}
		return body.Events
	}

	f.mustCreate(t, f.plain, basics("Before events")...)
	if got := getEvents("?domainId=" + f.domainID); len(got) != 0 {
		t.Fatalf("events without a configuration: %d", len(got))
	}
	if _, err := f.client.PutCaseEventConfiguration(ctx, &connectcases.PutCaseEventConfigurationInput{DomainId: aws.String(f.domainID), EventBridge: &types.EventBridgeConfiguration{
		Enabled: aws.Bool(true), IncludedData: &types.EventIncludedData{
			CaseData:        &types.CaseEventIncludedData{Fields: []types.FieldIdentifier{{Id: aws.String("status")}, {Id: aws.String(f.amount)}, {Id: aws.String("summary")}}},
			RelatedItemData: &types.RelatedItemEventIncludedData{IncludeContent: aws.Bool(true)},
		},
	}}); err != nil {
		t.Fatal(err)
	}
	id := f.mustCreate(t, f.plain, append(basics("Evented"), fv(f.amount, dv(7)))...)
	f.clock.Advance(time.Second)
	if err := f.update(t, id, fv("summary", sv("noted"))); err != nil {
		t.Fatal(err)
	}
	if _, err := f.client.CreateRelatedItem(ctx, &connectcases.CreateRelatedItemInput{DomainId: aws.String(f.domainID), CaseId: aws.String(id), Type: types.RelatedItemTypeComment,
		Content: &types.RelatedItemInputContentMemberComment{Value: types.CommentContent{Body: aws.String("hello"), ContentType: types.CommentBodyTextTypePlaintext}}}); err != nil {
		t.Fatal(err)
	}
	if _, err := f.client.DeleteCase(ctx, &connectcases.DeleteCaseInput{DomainId: aws.String(f.domainID), CaseId: aws.String(id)}); err != nil {
		t.Fatal(err)
	}

	events := getEvents("?domainId=" + f.domainID)
	var kinds []string
	for _, ev := range events {
		kinds = append(kinds, ev.Detail.EventType)
		if ev.Source != "aws.cases" || ev.DetailType != "Amazon Connect Cases Change" || ev.Account != emulator.DefaultAccount || ev.Region != testRegion || len(ev.Resources) != 2 {
			t.Errorf("event envelope %+v", ev)
		}
	}
	if strings.Join(kinds, ",") != "CASE.CREATED,CASE.UPDATED,RELATED_ITEM.CREATED,CASE.DELETED" {
		t.Fatalf("event types = %v", kinds)
	}
	raw, _ := json.Marshal(events[1].Detail)
	var detail struct {
		ChangedFieldIDs []string `json:"changedFieldIds"`
		Case            struct {
			CaseID string                               `json:"caseId"`
			Fields map[string]map[string]map[string]any `json:"fields"`
		} `json:"case"`
	}
	if err := json.Unmarshal(raw, &detail); err != nil {
		t.Fatal(err)
	}
	if detail.Case.CaseID != id || !slices.Equal(detail.ChangedFieldIDs, []string{"last_updated_datetime", "summary"}) {
		t.Errorf("CASE.UPDATED detail = %s", raw)
	}
	if len(detail.Case.Fields) != 3 || detail.Case.Fields["summary"]["value"]["stringValue"] != "noted" || detail.Case.Fields[f.amount]["value"]["doubleValue"] != 7.0 || detail.Case.Fields["status"]["value"]["stringValue"] != "open" {
		t.Errorf("CASE.UPDATED case fields = %v, want status, amount and summary only", detail.Case.Fields)
	}
	raw, _ = json.Marshal(events[2].Detail)
	if !strings.Contains(string(raw), `"relatedItemType":"Comment"`) || !strings.Contains(string(raw), `"comment":{"body":"hello"`) || !strings.HasSuffix(events[2].Resources[1], "/related-item/"+events[2].Detail.RelatedItem.RelatedItemID) {
		t.Errorf("RELATED_ITEM.CREATED = %s, resources %v", raw, events[2].Resources)
	}
	if got := getEvents("?eventType=CASE.DELETED"); len(got) != 1 {
		t.Errorf("CASE.DELETED events = %d", len(got))
	}
	if got := getEvents("?domainId=00000000-0000-4000-8000-000000000000"); len(got) != 0 {
		t.Errorf("events of another domain = %d", len(got))
	}
}
