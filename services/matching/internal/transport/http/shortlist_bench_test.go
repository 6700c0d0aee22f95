package http

import (
	"syscall"
	"testing"
	"time"

	"github.com/valyala/fasthttp"
)

// BenchmarkShortlistPageRead serves the read an employer's browser makes
// most often: the first page of a role's stored shortlist (the web app
// asks for 20 entries in the reader's language), with the caller's token,
// through the whole Fiber app (token check, access check, the stored list,
// the page, the JSON), straight into the handler without a network, from
// several goroutines at once as a loaded server would. It reports
// cpu-ns/op, the CPU the whole process spent per read (the embedded
// FerretDB's included): what a core serving reads pays. Measured with the
// cores busy, it leaves out the idle-time GC work a lone request would
// invite.
func BenchmarkShortlistPageRead(b *testing.B) {
	a := newMatchingAPI(b)
	handler := a.server.App.Handler()
	read := func(ctx *fasthttp.RequestCtx) {
		ctx.Request.Reset()
		ctx.Response.Reset()
		ctx.Request.Header.SetMethod("GET")
		ctx.Request.SetRequestURI("/api/v1/roles/role-000/shortlist?limit=20&lang=nl")
		ctx.Request.Header.Set("Authorization", "Bearer "+a.tokens[ownerEmployer])
		handler(ctx)
	}
	var first fasthttp.RequestCtx
	read(&first)
	if first.Response.StatusCode() != 200 {
		b.Fatalf("status %d: %s", first.Response.StatusCode(), first.Response.Body())
	}
	b.ReportAllocs()
	b.SetParallelism(4)
	b.ResetTimer()
	cpu := processCPU()
	b.RunParallel(func(pb *testing.PB) {
		var ctx fasthttp.RequestCtx
		for pb.Next() {
			read(&ctx)
			if ctx.Response.StatusCode() != 200 {
				b.Errorf("status %d", ctx.Response.StatusCode())
				return
			}
		}
	})
	b.ReportMetric(float64(processCPU()-cpu)/float64(b.N), "cpu-ns/op")
}

// processCPU is the user and system CPU time this process has spent, in
// every thread.
func processCPU() time.Duration {
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
