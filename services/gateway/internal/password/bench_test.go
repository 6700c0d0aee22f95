package password

import "testing"

// BenchmarkVerify measures the argon2id cost of one sign-in attempt with
// the default parameters; it bounds sign-ins per core per second.
func BenchmarkVerify(b *testing.B) {
	h, err := Hash("correct horse battery staple", Default)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if ok, _ := Verify("correct horse battery staple", h); !ok {
			b.Fatal("verify failed")
		}
	}
}
