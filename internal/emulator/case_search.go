package emulator

import (
	"sort"
	"strings"
	"time"
)

// SearchCases, SearchRelatedItems and SearchAllRelatedItems. The emulator
// searches its store directly, so a change is visible to the next search
// (the service's index may lag a little; a test against the emulator never
// waits). Where the model is silent:
//
//   - SearchCases without sorts returns cases in creation order; a sort puts
//     cases without a value for its field last; ties keep creation order.
//   - field filter contains and searchTerm match text case-insensitively;
//     searchTerm looks in every value of the case shown as text.
//   - greaterThan and its kin compare numbers as numbers, DateTime fields as
//     instants and other text in byte order; a case without a value for the
//     field never matches them.
//   - equalTo with emptyValue matches cases where the field has no value.
//   - related items come in creation order unless SearchAllRelatedItems
//     sorts them; filters of several types match items of any of them.
//
// nextToken holds the position in the sorted matches, so a page boundary
// moves if cases that sort before it are created or deleted between pages.

// caseFilter is the model's CaseFilter union.
type caseFilter struct {
	Field  *fieldFilter `json:"field,omitempty"`
	Not    *caseFilter  `json:"not,omitempty"`
	Tag    *tagFilter   `json:"tag,omitempty"`
	AndAll []caseFilter `json:"andAll,omitempty"`
	OrAll  []caseFilter `json:"orAll,omitempty"`
}

// fieldFilter is the model's FieldFilter union.
type fieldFilter struct {
	EqualTo              *fieldValue `json:"equalTo,omitempty"`
	Contains             *fieldValue `json:"contains,omitempty"`
	GreaterThan          *fieldValue `json:"greaterThan,omitempty"`
	GreaterThanOrEqualTo *fieldValue `json:"greaterThanOrEqualTo,omitempty"`
	LessThan             *fieldValue `json:"lessThan,omitempty"`
	LessThanOrEqualTo    *fieldValue `json:"lessThanOrEqualTo,omitempty"`
}

type tagFilter struct {
	EqualTo *tagValue `json:"equalTo,omitempty"`
}

type tagValue struct {
	Key   *string `json:"key"`
	Value *string `json:"value"`
}

// fieldIDs returns the fields a filter reads.
func (f *caseFilter) fieldIDs() []string {
	if f == nil {
		return nil
	}
	var ids []string
	if ff := f.Field; ff != nil {
		for _, fv := range []*fieldValue{ff.EqualTo, ff.Contains, ff.GreaterThan, ff.GreaterThanOrEqualTo, ff.LessThan, ff.LessThanOrEqualTo} {
			if fv != nil {
				ids = append(ids, *fv.ID)
			}
		}
	}
	ids = append(ids, f.Not.fieldIDs()...)
	for i := range f.AndAll {
		ids = append(ids, f.AndAll[i].fieldIDs()...)
	}
	for i := range f.OrAll {
		ids = append(ids, f.OrAll[i].fieldIDs()...)
	}
	return ids
}

func (ff *fieldFilter) matches(d *domain, values map[string]fieldValueUnion) bool {
	compare := func(fv *fieldValue, ok func(int) bool) bool {
		actual := values[*fv.ID]
		fieldType := ""
		if f := d.Fields[*fv.ID]; f != nil {
			fieldType = f.Type
		}
		cmp, sameKind := compareValues(fieldType, &actual, fv.Value)
		return sameKind && ok(cmp)
	}
	switch {
	case ff.EqualTo != nil:
		actual := values[*ff.EqualTo.ID]
		return actual.equal(ff.EqualTo.Value)
	case ff.Contains != nil:
		actual := values[*ff.Contains.ID]
		return !actual.isEmpty() && strings.Contains(strings.ToLower(actual.text()), strings.ToLower(ff.Contains.Value.text()))
	case ff.GreaterThan != nil:
		return compare(ff.GreaterThan, func(c int) bool { return c > 0 })
	case ff.GreaterThanOrEqualTo != nil:
		return compare(ff.GreaterThanOrEqualTo, func(c int) bool { return c >= 0 })
	case ff.LessThan != nil:
		return compare(ff.LessThan, func(c int) bool { return c < 0 })
	case ff.LessThanOrEqualTo != nil:
		return compare(ff.LessThanOrEqualTo, func(c int) bool { return c <= 0 })
	}
	return false
}

// matchesTerm reports whether any value of c contains term.
func (c *caseRecord) matchesTerm(term string) bool {
	for _, v := range c.Fields {
		if strings.Contains(strings.ToLower(v.text()), term) {
			return true
		}
	}
	return false
}

type caseSort struct {
	FieldID   *string `json:"fieldId"`
	SortOrder *string `json:"sortOrder"`
}

type searchCasesInput struct {
	MaxResults *int              `json:"maxResults"`
	NextToken  *string           `json:"nextToken"`
	SearchTerm *string           `json:"searchTerm"`
	Filter     *caseFilter       `json:"filter"`
	Sorts      []caseSort        `json:"sorts"`
	Fields     []fieldIdentifier `json:"fields"`
}

type searchCasesItem struct {
	CaseID     string       `json:"caseId"`
	TemplateID string       `json:"templateId"`
	Fields     []fieldValue `json:"fields"`
	Tags       tagMap       `json:"tags"`
}

type searchCasesOutput struct {
	Cases      []searchCasesItem `json:"cases"`
	NextToken  string            `json:"nextToken,omitempty"`
	TotalCount int64             `json:"totalCount"`
}

// searchPageToken is the content of a search nextToken: the index in the
// sorted matches where the next page starts.
type searchPageToken struct {
	Next int `json:"next"`
}

func searchCases(e *Emulator, req *opRequest) (any, error) {
	var in searchCasesInput
	if err := req.decodeBody(&in); err != nil {
		return nil, err
	}
	position, err := decodeSearchToken(in.NextToken)
	if err != nil {
		return nil, err
	}
	e.store.mu.RLock()
	defer e.store.mu.RUnlock()
	d, err := e.domainForCases(e.store.tenant(req.call.Account, req.call.Region), req.label("domainId"), false)
	if err != nil {
		return nil, err
	}
	var referenced []string
	referenced = append(referenced, in.Filter.fieldIDs()...)
	for _, s := range in.Sorts {
		referenced = append(referenced, *s.FieldID)
	}
	if err := d.requireKnownFields("filter and sorts", referenced); err != nil {
		return nil, err
	}
	term := ""
	if in.SearchTerm != nil {
		term = strings.ToLower(strings.TrimSpace(*in.SearchTerm))
	}
	match := d.compileFilter(in.Filter)
	matches := make([]*caseRecord, 0, len(d.Cases))
	for _, c := range d.Cases {
		if match != nil && !match(c.Fields, c.Tags) || term != "" && !c.matchesTerm(term) {
			continue
		}
		matches = append(matches, c)
	}
	d.sortCases(in.Sorts, matches)

	maxResults := intOr(in.MaxResults, defaultSearchCasesMaxResults)
	out := searchCasesOutput{Cases: []searchCasesItem{}, TotalCount: int64(len(matches))}
	start := min(position.Next, len(matches))
	end := min(start+maxResults, len(matches))
	for _, c := range matches[start:end] {
		item := searchCasesItem{CaseID: c.ID, TemplateID: c.TemplateID, Fields: []fieldValue{}, Tags: c.Tags.clone()}
		for _, f := range in.Fields {
			if v, ok := c.Fields[*f.ID]; ok {
				id := *f.ID
				item.Fields = append(item.Fields, fieldValue{ID: &id, Value: deepCopy(&v)})
			}
		}
		out.Cases = append(out.Cases, item)
	}
	if end < len(matches) {
		out.NextToken = encodePageToken(searchPageToken{Next: end})
	}
	return out, nil
}

func decodeSearchToken(token *string) (searchPageToken, error) {
	var position searchPageToken
	if token != nil && *token != "" {
		if err := decodePageToken(*token, &position); err != nil {
			return position, err
		}
		if position.Next < 0 {
			return position, validationError("The nextToken is not valid; pass the nextToken of a previous response unchanged.")
		}
	}
	return position, nil
}

// requireKnownFields checks that ids name fields of d, deleted ones
// included (old cases may still hold their values).
func (d *domain) requireKnownFields(member string, ids []string) *APIError {
	var missing []string
	for _, id := range ids {
		if d.Fields[id] == nil && !containsString(missing, id) {
			missing = append(missing, id)
		}
	}
	if len(missing) > 0 {
		return validationError("'%s' reference fields that do not exist in the domain: %s.", member, strings.Join(missing, ", "))
	}
	return nil
}

// sortCases orders cases by the sorts, then by creation. Each case's sort
// values are read once.
func (d *domain) sortCases(sorts []caseSort, cases []*caseRecord) {
	types := make([]string, len(sorts))
	for i, s := range sorts {
		types[i] = d.Fields[*s.FieldID].Type
	}
	keys := make([][]fieldValueUnion, len(cases))
	for i, c := range cases {
		keys[i] = make([]fieldValueUnion, len(sorts))
		for j, s := range sorts {
			keys[i][j] = c.Fields[*s.FieldID]
		}
	}
	sort.Sort(caseOrder{cases: cases, keys: keys, less: func(a, b []fieldValueUnion, seqA, seqB uint64) bool {
		for j, s := range sorts {
			va, vb := &a[j], &b[j]
			switch {
			case va.isEmpty() && vb.isEmpty():
				continue
			case va.isEmpty():
				return false
			case vb.isEmpty():
				return true
			}
			cmp, ok := compareValues(types[j], va, vb)
			if !ok || cmp == 0 {
				continue
			}
			if *s.SortOrder == "Desc" {
				return cmp > 0
			}
			return cmp < 0
		}
		return seqA < seqB
	}})
}

type caseOrder struct {
	cases []*caseRecord
	keys  [][]fieldValueUnion
	less  func(a, b []fieldValueUnion, seqA, seqB uint64) bool
}

func (o caseOrder) Len() int { return len(o.cases) }
func (o caseOrder) Less(i, j int) bool {
	return o.less(o.keys[i], o.keys[j], o.cases[i].Sequence, o.cases[j].Sequence)
}
func (o caseOrder) Swap(i, j int) {
	o.cases[i], o.cases[j] = o.cases[j], o.cases[i]
	o.keys[i], o.keys[j] = o.keys[j], o.keys[i]
}

// caseMatcher reports whether a case with these values and tags passes a
// filter.
type caseMatcher func(values map[string]fieldValueUnion, tags tagMap) bool

// compileFilter turns a filter into a matcher once per search, with each
// field's type looked up once; nil matches everything.
func (d *domain) compileFilter(f *caseFilter) caseMatcher {
	if f == nil {
		return nil
	}
	switch {
	case f.Field != nil:
		ff := f.Field
		return func(values map[string]fieldValueUnion, _ tagMap) bool { return ff.matches(d, values) }
	case f.Not != nil:
		inner := d.compileFilter(f.Not)
		return func(values map[string]fieldValueUnion, tags tagMap) bool { return inner != nil && !inner(values, tags) }
	case f.Tag != nil:
		eq := f.Tag.EqualTo
		return func(_ map[string]fieldValueUnion, tags tagMap) bool {
			if eq == nil || eq.Key == nil {
				return false
			}
			v, ok := tags[*eq.Key]
			return ok && (eq.Value == nil || v != nil && *v == *eq.Value)
		}
	case f.AndAll != nil || f.OrAll != nil:
		and := f.AndAll != nil
		list := f.AndAll
		if !and {
			list = f.OrAll
		}
		parts := make([]caseMatcher, 0, len(list))
		for i := range list {
			if m := d.compileFilter(&list[i]); m != nil {
				parts = append(parts, m)
			}
		}
		return func(values map[string]fieldValueUnion, tags tagMap) bool {
			for _, m := range parts {
				if m(values, tags) != and {
					return !and
				}
			}
			return and
		}
	}
	return nil
}

// relatedItemTypeFilter is the model's RelatedItemTypeFilter union.
type relatedItemTypeFilter struct {
	Contact *struct {
		Channel    []string `json:"channel"`
		ContactArn *string  `json:"contactArn"`
	} `json:"contact,omitempty"`
	Comment *struct{} `json:"comment,omitempty"`
	File    *struct {
		FileArn *string `json:"fileArn"`
	} `json:"file,omitempty"`
	Sla *struct {
		Name   *string `json:"name"`
		Status *string `json:"status"`
	} `json:"sla,omitempty"`
	ConnectCase *struct {
		CaseID *string `json:"caseId"`
	} `json:"connectCase,omitempty"`
	Custom *struct {
		Fields *customFieldsFilter `json:"fields"`
	} `json:"custom,omitempty"`
}

// customFieldsFilter is the model's CustomFieldsFilter union.
type customFieldsFilter struct {
	Field  *fieldFilter         `json:"field,omitempty"`
	Not    *customFieldsFilter  `json:"not,omitempty"`
	AndAll []customFieldsFilter `json:"andAll,omitempty"`
	OrAll  []customFieldsFilter `json:"orAll,omitempty"`
}

func (f *customFieldsFilter) matches(d *domain, values map[string]fieldValueUnion) bool {
	switch {
	case f == nil:
		return true
	case f.Field != nil:
		return f.Field.matches(d, values)
	case f.Not != nil:
		return !f.Not.matches(d, values)
	case f.AndAll != nil:
		for i := range f.AndAll {
			if !f.AndAll[i].matches(d, values) {
				return false
			}
		}
		return true
	case f.OrAll != nil:
		for i := range f.OrAll {
			if f.OrAll[i].matches(d, values) {
				return true
			}
		}
		return false
	}
	return true
}

// matches reports whether ri passes the filter at now (an SLA's status
// depends on the time).
func (f *relatedItemTypeFilter) matches(d *domain, ri *relatedItem, now time.Time) bool {
	switch {
	case f.Contact != nil:
		c := ri.Content.Contact
		return c != nil && (f.Contact.ContactArn == nil || *f.Contact.ContactArn == c.ContactArn) &&
			(len(f.Contact.Channel) == 0 || containsString(f.Contact.Channel, c.Channel))
	case f.Comment != nil:
		return ri.Type == relatedItemComment
	case f.File != nil:
		c := ri.Content.File
		return c != nil && (f.File.FileArn == nil || *f.File.FileArn == *c.FileArn)
	case f.Sla != nil:
		s := ri.SLA
		return s != nil && (f.Sla.Name == nil || *f.Sla.Name == s.Name) && (f.Sla.Status == nil || *f.Sla.Status == s.status(now))
	case f.ConnectCase != nil:
		c := ri.Content.ConnectCase
		return c != nil && (f.ConnectCase.CaseID == nil || *f.ConnectCase.CaseID == *c.CaseID)
	case f.Custom != nil:
		c := ri.Content.Custom
		if c == nil {
			return false
		}
		values := map[string]fieldValueUnion{}
		for _, fv := range c.Fields {
			if !fv.Value.isEmpty() {
				values[*fv.ID] = *fv.Value
			}
		}
		return f.Custom.Fields.matches(d, values)
	}
	return false
}

// matchesAny reports whether ri passes one of the filters; no filter passes
// everything ("If no filters are provided, this returns all related items
// associated with a case", SearchRelatedItems).
func matchesAny(filters []relatedItemTypeFilter, d *domain, ri *relatedItem, now time.Time) bool {
	if len(filters) == 0 {
		return true
	}
	for i := range filters {
		if filters[i].matches(d, ri, now) {
			return true
		}
	}
	return false
}

type searchRelatedItemsInput struct {
	MaxResults *int                    `json:"maxResults"`
	NextToken  *string                 `json:"nextToken"`
	Filters    []relatedItemTypeFilter `json:"filters"`
}

// searchRelatedItemsItem is SearchRelatedItemsResponseItem, and with CaseID
// SearchAllRelatedItemsResponseItem.
type searchRelatedItemsItem struct {
	RelatedItemID   string             `json:"relatedItemId"`
	CaseID          string             `json:"caseId,omitempty"`
	Type            string             `json:"type"`
	AssociationTime string             `json:"associationTime"`
	Content         relatedItemContent `json:"content"`
	Tags            tagMap             `json:"tags"`
	PerformedBy     *userUnion         `json:"performedBy,omitempty"`
}

type searchRelatedItemsOutput struct {
	RelatedItems []searchRelatedItemsItem `json:"relatedItems"`
	NextToken    string                   `json:"nextToken,omitempty"`
}

func (ri *relatedItem) searchItem(caseID string, now time.Time) searchRelatedItemsItem {
	return searchRelatedItemsItem{
		RelatedItemID: ri.ID, CaseID: caseID, Type: ri.Type, AssociationTime: formatDateTime(ri.AssociationTime),
		Content: ri.render(now), Tags: ri.Tags.clone(), PerformedBy: deepCopy(ri.CreatedBy),
	}
}

func searchRelatedItems(e *Emulator, req *opRequest) (any, error) {
	var in searchRelatedItemsInput
	if err := req.decodeBody(&in); err != nil {
		return nil, err
	}
	position, err := decodeSearchToken(in.NextToken)
	if err != nil {
		return nil, err
	}
	now := e.now()
	e.store.mu.RLock()
	defer e.store.mu.RUnlock()
	d, c, err := e.caseOfRequest(e.store.tenant(req.call.Account, req.call.Region), req, false)
	if err != nil {
		return nil, err
	}
	var matches []*relatedItem
	for _, ri := range sortedBySequence(c.RelatedItems) {
		if matchesAny(in.Filters, d, ri, now) {
			matches = append(matches, ri)
		}
	}
	out := searchRelatedItemsOutput{RelatedItems: []searchRelatedItemsItem{}}
	start := min(position.Next, len(matches))
	end := min(start+intOr(in.MaxResults, defaultRelatedItemsMaxResults), len(matches))
	for _, ri := range matches[start:end] {
		out.RelatedItems = append(out.RelatedItems, ri.searchItem("", now))
	}
	if end < len(matches) {
		out.NextToken = encodePageToken(searchPageToken{Next: end})
	}
	return out, nil
}

type searchAllRelatedItemsSort struct {
	SortProperty *string `json:"sortProperty"`
	SortOrder    *string `json:"sortOrder"`
}

type searchAllRelatedItemsInput struct {
	MaxResults *int                        `json:"maxResults"`
	NextToken  *string                     `json:"nextToken"`
	Filters    []relatedItemTypeFilter     `json:"filters"`
	Sorts      []searchAllRelatedItemsSort `json:"sorts"`
}

func searchAllRelatedItems(e *Emulator, req *opRequest) (any, error) {
	var in searchAllRelatedItemsInput
	if err := req.decodeBody(&in); err != nil {
		return nil, err
	}
	position, err := decodeSearchToken(in.NextToken)
	if err != nil {
		return nil, err
	}
	now := e.now()
	e.store.mu.RLock()
	defer e.store.mu.RUnlock()
	d, err := e.domainForCases(e.store.tenant(req.call.Account, req.call.Region), req.label("domainId"), false)
	if err != nil {
		return nil, err
	}
	type hit struct {
		caseID string
		item   *relatedItem
	}
	var matches []hit
	for _, c := range d.Cases {
		for _, ri := range c.RelatedItems {
			if matchesAny(in.Filters, d, ri, now) {
				matches = append(matches, hit{caseID: c.ID, item: ri})
			}
		}
	}
	sort.Slice(matches, func(i, j int) bool {
		a, b := matches[i], matches[j]
		for _, s := range in.Sorts {
			cmp := 0
			if *s.SortProperty == "CaseId" {
				cmp = strings.Compare(a.caseID, b.caseID)
			} else {
				cmp = a.item.AssociationTime.Compare(b.item.AssociationTime)
			}
			if cmp == 0 {
				continue
			}
			if *s.SortOrder == "Desc" {
				return cmp > 0
			}
			return cmp < 0
		}
		return a.item.Sequence < b.item.Sequence
	})
	out := searchRelatedItemsOutput{RelatedItems: []searchRelatedItemsItem{}}
	start := min(position.Next, len(matches))
	end := min(start+intOr(in.MaxResults, defaultAllRelatedItemsMaxCount), len(matches))
	for _, h := range matches[start:end] {
		out.RelatedItems = append(out.RelatedItems, h.item.searchItem(h.caseID, now))
	}
	if end < len(matches) {
		out.NextToken = encodePageToken(searchPageToken{Next: end})
	}
	return out, nil
}
