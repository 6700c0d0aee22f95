package kit

// Ptr is the address of a copy of v, for the API's optional fields.
func Ptr[T any](v T) *T { return &v }

// Deref is the value p points to, or the zero value: an optional field of
// the API, read.
func Deref[T any](p *T) T {
	if p == nil {
		var zero T
		return zero
	}
	return *p
}
