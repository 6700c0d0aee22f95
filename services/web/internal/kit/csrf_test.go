package kit

import "testing"

// TestPublicOrigin: only the public URL's origin may post a form, but a
// loopback public URL (make run) accepts any loopback name for the same
// scheme and port.
func TestPublicOrigin(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		public, origin string
		want           bool
	}{
		{"https://onward.example", "https://onward.example", true},
		{"https://onward.example:443/", "https://ONWARD.example", true},
		{"https://onward.example", "http://onward.example", false},
		{"https://onward.example", "https://onward.example.evil.example", false},
		{"https://onward.example", "https://evil.example", false},
		{"https://onward.example", "null", false},
		{"https://onward.example", "https://localhost", false},
		{"http://localhost:8080", "http://127.0.0.1:8080", true},
		{"http://localhost:8080", "http://[::1]:8080", true},
		{"http://localhost:8080", "http://127.0.0.1:9090", false},
		{"http://localhost:8080", "https://127.0.0.1:8080", false},
		{"http://localhost:8080", "http://evil.example:8080", false},
	} {
		if got := publicOrigin(originOf(tc.public), originOf(tc.origin)); got != tc.want {
			t.Errorf("public %s, Origin %s: %v, want %v", tc.public, tc.origin, got, tc.want)
		}
	}
}
