package emulator

import (
	"slices"
	"strings"
	"time"
)

// resourceTypeLayout is the resourceType of ResourceNotFoundException for a
// layout.
const resourceTypeLayout = "Layout"

// maxDeletedLayoutsPerDomain: "You can delete up to 100 layouts per domain"
// (documentation of DeleteLayout in the model).
const maxDeletedLayoutsPerDomain = 100

// unconfigurableLayoutFields are the system fields no layout may show:
// "Title and Status fields cannot be part of layouts since they are not
// configurable" (documentation of CreateLayout and UpdateLayout).
var unconfigurableLayoutFields = []string{"title", "status"}

// layout is a layout as stored. A deleted layout stays, marked Deleted:
// GetLayout still returns it, ListLayouts does not.
type layout struct {
	ID               string         `json:"layoutId"`
	ARN              string         `json:"layoutArn"`
	Name             string         `json:"name"`
	Content          *layoutContent `json:"content"`
	Tags             tagMap         `json:"tags"`
	Deleted          bool           `json:"deleted,omitempty"`
	CreatedTime      time.Time      `json:"createdTime"`
	LastModifiedTime time.Time      `json:"lastModifiedTime"`
	Sequence         uint64         `json:"sequence"`
}

func (l *layout) sequence() uint64    { return l.Sequence }
func (l *layout) isDeleted() bool     { return l.Deleted }
func (l *layout) entityID() string    { return l.ID }
func (l *layout) entityName() string  { return l.Name }
func (l *layout) entityTags() *tagMap { return &l.Tags }

// layoutContent is the LayoutContent union: basic is its only member.
type layoutContent struct {
	Basic *basicLayout `json:"basic,omitempty"`
}

// basicLayout is BasicLayout: the top panel and the More Info tab.
type basicLayout struct {
	TopPanel *layoutSections `json:"topPanel,omitempty"`
	MoreInfo *layoutSections `json:"moreInfo,omitempty"`
}

type layoutSections struct {
	Sections []layoutSection `json:"sections,omitempty"`
}

// layoutSection is the Section union: fieldGroup is its only member.
type layoutSection struct {
	FieldGroup *fieldGroup `json:"fieldGroup,omitempty"`
}

type fieldGroup struct {
	Name   *string     `json:"name,omitempty"`
	Fields []fieldItem `json:"fields"`
}

type fieldItem struct {
	ID *string `json:"id"`
}

func layoutARN(domainARN, id string) string {
	return domainARN + "/layout/" + id
}

// fieldIDs returns the ids of the fields the content shows, in order.
func (c *layoutContent) fieldIDs() []string {
	if c == nil || c.Basic == nil {
		return nil
	}
	var ids []string
	for _, panel := range []*layoutSections{c.Basic.TopPanel, c.Basic.MoreInfo} {
		if panel == nil {
			continue
		}
		for _, s := range panel.Sections {
			if s.FieldGroup == nil {
				continue
			}
			for _, f := range s.FieldGroup.Fields {
				if f.ID != nil {
					ids = append(ids, *f.ID)
				}
			}
		}
	}
	return ids
}

// checkLayoutContent applies the rules of the service that go beyond the
// constraint traits: every field exists and is live, appears once, is not
// one of the unconfigurable system fields, and the layout stays within the
// fields-per-layout quota.
func (d *domain) checkLayoutContent(c *layoutContent, quota int) *APIError {
	ids := c.fieldIDs()
	if err := d.requireLiveFields("content", ids); err != nil {
		return err
	}
	if dups := duplicates(ids); len(dups) > 0 {
		return validationError("'content' shows these fields more than once: %s. A layout shows each field once.", strings.Join(dups, ", "))
	}
	for _, id := range ids {
		for _, fixed := range unconfigurableLayoutFields {
			if id == fixed {
				return validationError("'content' shows field '%s'; the Title and Status fields cannot be part of layouts because they are not configurable.", id)
			}
		}
	}
	if len(ids) > quota {
		return quotaError("'content' shows %d fields; a layout shows at most %d.", len(ids), quota)
	}
	return nil
}

func (d *domain) layoutByName(name string) *layout {
	return liveEntityNamed(d.Layouts, name)
}

// liveLayout returns the layout with id unless it does not exist or is
// deleted.
func (d *domain) liveLayout(id string) (*layout, bool) {
	return liveEntity(d.Layouts, id)
}

func (d *domain) layoutTags(id string) *tagMap {
	return liveEntityTags(d.Layouts, id)
}

// layoutsUsingField is the field finder (domainEntities) of layouts.
func (d *domain) layoutsUsingField(fieldID string) []string {
	return liveEntitiesWhere(d.Layouts, "layout", func(l *layout) bool {
		return slices.Contains(l.Content.fieldIDs(), fieldID)
	})
}

type createLayoutInput struct {
	Name    *string        `json:"name"`
	Content *layoutContent `json:"content"`
}

type createLayoutOutput struct {
	LayoutID  string `json:"layoutId"`
	LayoutARN string `json:"layoutArn"`
}

func createLayout(e *Emulator, req *opRequest) (any, error) {
	var in createLayoutInput
	if err := req.decodeBody(&in); err != nil {
		return nil, err
	}
	domainID := req.label("domainId")

	config, _ := e.runtimeSnapshot()
	now := e.now().UTC().Truncate(time.Millisecond)
	e.store.mu.Lock()
	defer e.store.mu.Unlock()
	t := e.store.tenant(req.call.Account, req.call.Region)
	d, err := e.domainForConfig(t, domainID, true, CodeConflict, "layouts")
	if err != nil {
		return nil, err
	}
	if err := d.checkLayoutContent(in.Content, config.Quotas.FieldsPerLayout); err != nil {
		return nil, err
	}
	if existing := d.layoutByName(*in.Name); existing != nil {
		return nil, conflictError("A layout named '%s' already exists in domain '%s' (layoutId %s).", existing.Name, d.ID, existing.ID)
	}
	if live, _ := liveCount(d.Layouts); live >= config.Quotas.LayoutsPerDomain {
		return nil, quotaError("Domain '%s' already has %d of at most %d layouts. Delete a layout or raise the quota.", d.ID, live, config.Quotas.LayoutsPerDomain)
	}
	id := newUUID()
	l := &layout{
		ID:               id,
		ARN:              layoutARN(d.ARN, id),
		Name:             *in.Name,
		Content:          deepCopy(in.Content),
		Tags:             tagMap{},
		CreatedTime:      now,
		LastModifiedTime: now,
		Sequence:         t.nextSequence(),
	}
	if d.Layouts == nil {
		d.Layouts = map[string]*layout{}
	}
	d.Layouts[id] = l
	return createLayoutOutput{LayoutID: l.ID, LayoutARN: l.ARN}, nil
}

// getLayoutOutput is the model's GetLayoutResponse.
type getLayoutOutput struct {
	LayoutID         string         `json:"layoutId"`
	LayoutARN        string         `json:"layoutArn"`
	Name             string         `json:"name"`
	Content          *layoutContent `json:"content"`
	Tags             tagMap         `json:"tags"`
	Deleted          bool           `json:"deleted"`
	CreatedTime      string         `json:"createdTime"`
	LastModifiedTime string         `json:"lastModifiedTime"`
}

func getLayout(e *Emulator, req *opRequest) (any, error) {
	domainID, layoutID := req.label("domainId"), req.label("layoutId")
	e.store.mu.RLock()
	defer e.store.mu.RUnlock()
	d, err := e.domainForConfig(e.store.tenant(req.call.Account, req.call.Region), domainID, false, "", "")
	if err != nil {
		return nil, err
	}
	l := d.Layouts[layoutID]
	if l == nil {
		return nil, notFoundError(resourceTypeLayout, layoutID)
	}
	return getLayoutOutput{
		LayoutID:         l.ID,
		LayoutARN:        l.ARN,
		Name:             l.Name,
		Content:          deepCopy(l.Content),
		Tags:             l.Tags.clone(),
		Deleted:          l.Deleted,
		CreatedTime:      formatDateTime(l.CreatedTime),
		LastModifiedTime: formatDateTime(l.LastModifiedTime),
	}, nil
}

type layoutSummary struct {
	LayoutID  string `json:"layoutId"`
	LayoutARN string `json:"layoutArn"`
	Name      string `json:"name"`
}

type listLayoutsOutput struct {
	Layouts   []layoutSummary `json:"layouts"`
	NextToken string          `json:"nextToken,omitempty"`
}

func listLayouts(e *Emulator, req *opRequest) (any, error) {
	domainID := req.label("domainId")
	maxResults, nextToken := pageQuery(req, defaultMaxResults)
	e.store.mu.RLock()
	defer e.store.mu.RUnlock()
	d, err := e.domainForConfig(e.store.tenant(req.call.Account, req.call.Region), domainID, false, "", "")
	if err != nil {
		return nil, err
	}
	page, next, err := livePage(d.Layouts, nextToken, maxResults, nil)
	if err != nil {
		return nil, err
	}
	out := listLayoutsOutput{Layouts: []layoutSummary{}, NextToken: next}
	for _, l := range page {
		out.Layouts = append(out.Layouts, layoutSummary{LayoutID: l.ID, LayoutARN: l.ARN, Name: l.Name})
	}
	return out, nil
}

type updateLayoutInput struct {
	Name    *string        `json:"name"`
	Content *layoutContent `json:"content"`
}

func updateLayout(e *Emulator, req *opRequest) (any, error) {
	var in updateLayoutInput
	if err := req.decodeBody(&in); err != nil {
		return nil, err
	}
	domainID, layoutID := req.label("domainId"), req.label("layoutId")

	config, _ := e.runtimeSnapshot()
	now := e.now().UTC().Truncate(time.Millisecond)
	e.store.mu.Lock()
	defer e.store.mu.Unlock()
	d, err := e.domainForConfig(e.store.tenant(req.call.Account, req.call.Region), domainID, true, CodeConflict, "layouts")
	if err != nil {
		return nil, err
	}
	l := d.Layouts[layoutID]
	if l == nil {
		return nil, notFoundError(resourceTypeLayout, layoutID)
	}
	if l.Deleted {
		// DeleteLayout (model documentation): "You cannot update a deleted
		// layout by calling UpdateLayout; it throws a ValidationException."
		return nil, validationError("Layout '%s' is deleted; a deleted layout cannot be updated.", layoutID)
	}
	if in.Content != nil {
		if err := d.checkLayoutContent(in.Content, config.Quotas.FieldsPerLayout); err != nil {
			return nil, err
		}
	}
	if in.Name != nil && *in.Name != l.Name {
		if existing := d.layoutByName(*in.Name); existing != nil {
			return nil, conflictError("A layout named '%s' already exists in domain '%s' (layoutId %s).", existing.Name, d.ID, existing.ID)
		}
		l.Name = *in.Name
	}
	if in.Content != nil {
		l.Content = deepCopy(in.Content)
	}
	l.LastModifiedTime = now
	return nil, nil
}

func deleteLayout(e *Emulator, req *opRequest) (any, error) {
	domainID, layoutID := req.label("domainId"), req.label("layoutId")
	now := e.now().UTC().Truncate(time.Millisecond)
	e.store.mu.Lock()
	defer e.store.mu.Unlock()
	d, err := e.domainForConfig(e.store.tenant(req.call.Account, req.call.Region), domainID, true, CodeConflict, "layouts")
	if err != nil {
		return nil, err
	}
	l := d.Layouts[layoutID]
	if l == nil || l.Deleted {
		return nil, notFoundError(resourceTypeLayout, layoutID)
	}
	if users := d.referrers(refLayout, layoutID); len(users) > 0 {
		return nil, conflictError("Layout '%s' (%s) is the default layout of %s. Change their default layout before deleting it.", l.Name, layoutID, strings.Join(users, ", "))
	}
	if _, deleted := liveCount(d.Layouts); deleted >= maxDeletedLayoutsPerDomain {
		// DeleteLayout declares no ServiceQuotaExceededException.
		return nil, validationError("Domain '%s' already has %d deleted layouts; at most %d layouts can be deleted per domain.", d.ID, deleted, maxDeletedLayoutsPerDomain)
	}
	l.Deleted = true
	l.LastModifiedTime = now
	return nil, nil
}
