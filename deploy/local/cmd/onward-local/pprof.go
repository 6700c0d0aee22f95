package main

import (
	"fmt"
	"net"
	"net/http"
	_ "net/http/pprof" // registers the profiles on http.DefaultServeMux
	"os"
)

// servePprof serves Go's profiles on ONWARD_PPROF_ADDR when it is set, for
// profiling the whole platform under `make loadtest`. Only a loopback
// address is accepted: the profiles show the process's memory.
func servePprof() {
	addr := os.Getenv("ONWARD_PPROF_ADDR")
	if addr == "" {
		return
	}
	host, _, err := net.SplitHostPort(addr)
	if ip := net.ParseIP(host); err != nil || ip == nil || !ip.IsLoopback() {
		fmt.Fprintf(os.Stderr, "onward-local: ONWARD_PPROF_ADDR %q is not a loopback address; no profiles served\n", addr)
		return
	}
	go func() {
		if err := http.ListenAndServe(addr, nil); err != nil {
			fmt.Fprintln(os.Stderr, "onward-local: profiles:", err)
		}
	}()
}
