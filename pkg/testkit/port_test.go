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
