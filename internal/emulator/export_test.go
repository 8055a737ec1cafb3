package emulator

// AddFieldReferrerForTest makes DeleteField see users of fields, as an
// extra row of domainEntities, until the returned function removes it.
// users is called with the domain and field ids. Tests that use it must not
// run in parallel with others.
func AddFieldReferrerForTest(users func(domainID, fieldID string) []string) (remove func()) {
	saved := domainEntities
	domainEntities = append(append([]entityKind{}, saved...), entityKind{
		name: "test referrer",
		refersTo: map[entityRef]func(*domain, string) []string{
			refField: func(d *domain, fieldID string) []string { return users(d.ID, fieldID) },
		},
	})
	return func() { domainEntities = saved }
}

// ImplementedOperations returns the names of the Cases operations the
// emulator serves, sorted.
func ImplementedOperations() []string {
	var names []string
	for _, name := range casesAPI.service.OperationNames() {
		if casesAPI.handlers[name] != nil {
			names = append(names, name)
		}
	}
	return names
}

// SetGetCasePageSizeForTest makes GetCase answer pages of n field values
// until the returned function restores the model's size. Tests that use it
// must not run in parallel with others.
func SetGetCasePageSizeForTest(n int) (restore func()) {
	saved := getCasePageSize
	getCasePageSize = n
	return func() { getCasePageSize = saved }
}
