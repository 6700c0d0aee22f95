package kit

import "testing"

func TestLocalPathRefusesOtherSites(t *testing.T) {
	cases := map[string]string{
		"/signup":                    "/signup",
		"/invitations/abc?x=1":       "/invitations/abc?x=1",
		"":                           "/",
		"https://evil.example/":      "/",
		"//evil.example/":            "/",
		"/\\evil.example":            "/",
		"/%0d%0aSet-Cookie:x":        "/%0d%0aSet-Cookie:x",
		"javascript:alert(1)":        "/",
		"/ok\r\nLocation: elsewhere": "/",
	}
	for in, want := range cases {
		if got := LocalPath(in); got != want {
			t.Errorf("LocalPath(%q) = %q, want %q", in, got, want)
		}
	}
}
