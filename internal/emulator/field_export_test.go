package emulator

// AddFieldReferrerForTest makes DeleteField see users of fields, as layouts
// and templates will, until the returned function removes it. users is
// called with the domain and field ids. Tests that use it must not run in
// parallel with others.
func AddFieldReferrerForTest(users func(domainID, fieldID string) []string) (remove func()) {
	saved := fieldReferrers
	fieldReferrers = append(append([]func(*domain, string) []string{}, saved...), func(d *domain, fieldID string) []string {
		return users(d.ID, fieldID)
	})
	return func() { fieldReferrers = saved }
}
