package testkit

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
)

// FreeAddr returns a loopback address for a server under test that no
// other test, in this process or another, is given while t runs.
//
// Asking the kernel for port 0 and closing the listener is not enough: the
// kernel may hand the same port to the next caller, or use it as the local
// port of an outgoing connection, before the server binds it, and a test
// then talks to another test's server. So the port comes from outside the
// kernel's ephemeral range, which it never picks by itself, and is claimed
// with a lock file that the process holds until t ends (and loses if it
// dies).
func FreeAddr(t testing.TB) string {
	t.Helper()
	addr, release, err := claimAddr()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(release)
	return addr
}

// claimAddr is FreeAddr for a caller with no test at hand (a TestMain): it
// returns the address and the function that gives the port back.
func claimAddr() (addr string, release func(), err error) {
	low, high := reservablePorts()
	dir := filepath.Join(os.TempDir(), "onward-test-ports")
	if err := os.MkdirAll(dir, 0o777); err != nil {
		return "", nil, fmt.Errorf("testkit: port locks: %w", err)
	}
	for range 200 {
		port := low + rand.IntN(high-low)
		lock, err := lockPort(dir, port)
		if err != nil {
			continue
		}
		addr := net.JoinHostPort("127.0.0.1", strconv.Itoa(port))
		ln, err := net.Listen("tcp", addr)
		if err != nil {
			lock.Close()
			continue
		}
		ln.Close()
		return addr, func() { lock.Close() }, nil
	}
	return "", nil, errors.New("testkit: no free port found in 200 tries")
}

// lockPort takes the lock of port in dir without waiting, and returns the
// file holding it.
func lockPort(dir string, port int) (*os.File, error) {
	f, err := os.OpenFile(filepath.Join(dir, strconv.Itoa(port)), os.O_CREATE|os.O_RDWR, 0o666)
	if err != nil {
		return nil, err
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}

// reservablePorts is the range FreeAddr picks from: the ports between
// 20000 and the start of the kernel's ephemeral range, or those above its
// end when there are more of them (a machine whose range starts low), or
// 20000 to 30000 when the range cannot be read or leaves too little room
// on either side.
func reservablePorts() (low, high int) {
	low, high = 20000, 30000
	raw, err := os.ReadFile("/proc/sys/net/ipv4/ip_local_port_range")
	if err != nil {
		return low, high
	}
	var first, last int
	if _, err := fmt.Sscan(strings.TrimSpace(string(raw)), &first, &last); err != nil {
		return low, high
	}
	return portsOutside(first, last)
}

// portsOutside is the range of ports reservablePorts picks given the
// kernel's ephemeral range first to last; high is exclusive.
func portsOutside(first, last int) (low, high int) {
	below, above := first-20000, 65535-last
	switch {
	case below >= 2000 && below >= above:
		return 20000, first
	case above >= 2000:
		return last + 1, 65536
	}
	return 20000, 30000
}
