package testkit

import (
	"net"
	"os"
	"path/filepath"
	"strconv"
	"testing"
)

// TestFreeAddrIsNeverHandedOutTwice: while a test holds an address, no
// other caller gets it, in this process or another (which would find its
// lock taken), and the port is outside the kernel's own choices.
func TestFreeAddrIsNeverHandedOutTwice(t *testing.T) {
	seen := map[string]bool{}
	low, high := reservablePorts()
	for range 300 {
		addr := FreeAddr(t)
		if seen[addr] {
			t.Fatalf("FreeAddr handed out %s twice", addr)
		}
		seen[addr] = true
		_, portText, _ := net.SplitHostPort(addr)
		port, _ := strconv.Atoi(portText)
		if port < low || port >= high {
			t.Fatalf("port %d outside %d-%d", port, low, high)
		}
		if f, err := lockPort(filepath.Join(os.TempDir(), "onward-test-ports"), port); err == nil {
			f.Close()
			t.Fatalf("the lock of %s is not held", addr)
		}
	}
	ln, err := net.Listen("tcp", FreeAddr(t))
	if err != nil {
		t.Fatalf("a free address could not be listened on: %v", err)
	}
	ln.Close()
}

// TestPortsOutsideTheEphemeralRange: FreeAddr's ports stay clear of the
// kernel's own choices on machines whose ephemeral range starts high
// (Linux's default), starts low, or leaves room nowhere.
func TestPortsOutsideTheEphemeralRange(t *testing.T) {
	for _, tc := range []struct{ first, last, low, high int }{
		{32768, 60999, 20000, 32768}, // Linux's default
		{1024, 50000, 50001, 65536},  // a range that starts low
		{10000, 65535, 20000, 30000}, // no room: the old default
		{23000, 61000, 61001, 65536}, // too little room below, more above
	} {
		if low, high := portsOutside(tc.first, tc.last); low != tc.low || high != tc.high {
			t.Errorf("ephemeral %d-%d: ports %d-%d, want %d-%d", tc.first, tc.last, low, high, tc.low, tc.high)
		}
	}
}
