package http

import (
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"io"
	"log/slog"
	"net"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/valyala/fasthttp"

	"github.com/onward-jobs/onward/pkg/auth"
	"github.com/onward-jobs/onward/pkg/httpx"
	"github.com/onward-jobs/onward/services/gateway/internal/domain"
)

// BenchmarkShortlistReadThroughTheGateway measures the gateway's share of
// an employer's shortlist read: the security headers, the organisation
// gate (token check, the organisation's status from its cache) and the
// proxy to matching, here a loopback server answering a page of the size
// matching answers (about 30 KB). cpu-ns/op is the CPU the process spent
// per read, that small upstream's included, measured with several reads
// in flight as under load.
func BenchmarkShortlistReadThroughTheGateway(b *testing.B) {
	page := []byte(`{"role_id":"r1","items":[` + strings.Repeat(`{"candidate_ref":"x","card":{"skills":[]}},`, 700) + `{}]}`)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		b.Fatal(err)
	}
	upstream := &fasthttp.Server{Handler: func(ctx *fasthttp.RequestCtx) {
		ctx.SetContentType("application/json")
		ctx.SetBody(page)
	}}
	go func() { _ = upstream.Serve(ln) }()
	b.Cleanup(func() { _ = upstream.Shutdown() })

	pub, priv, _ := ed25519.GenerateKey(rand.Reader)
	signer, err := auth.NewSigner("k1", priv)
	if err != nil {
		b.Fatal(err)
	}
	v, err := auth.NewVerifier(auth.VerifierConfig{Issuer: "https://onward.test", Audiences: []string{"onward-api"}, Keys: auth.StaticKeys{"k1": pub}})
	if err != nil {
		b.Fatal(err)
	}
	token, err := auth.IssueAccessToken(signer, "https://onward.test", []string{"onward-api"},
		auth.Principal{Subject: "u1", OrgID: "emp-1", OrgKind: auth.OrgKindEmployer, Role: auth.RoleMember}, time.Hour)
	if err != nil {
		b.Fatal(err)
	}
	statuses := &OrgStatusCache{TTL: time.Minute,
		Lookup: func(context.Context, string) (domain.OrgStatus, error) { return domain.StatusVerified, nil }}
	proxy := NewProxy([]Upstream{{Name: "matching", URL: "http://" + ln.Addr().String()}}, 5*time.Second)
	server := httpx.NewServer(httpx.AppConfig{Service: "gateway", Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	server.App.Use(securityHeaders(), corsFor(""))
	server.App.Use("/api/v1", orgGate(v, statuses), proxy.Handle)
	handler := server.App.Handler()

	read := func(ctx *fasthttp.RequestCtx) {
		ctx.Request.Reset()
		ctx.Response.Reset()
		ctx.Request.Header.SetMethod("GET")
		ctx.Request.SetRequestURI("/api/v1/roles/r1/shortlist?limit=20&lang=nl")
		ctx.Request.Header.Set("Authorization", "Bearer "+token)
		handler(ctx)
	}
	var first fasthttp.RequestCtx
	read(&first)
	if first.Response.StatusCode() != 200 || len(first.Response.Body()) != len(page) {
		b.Fatalf("status %d, %d bytes", first.Response.StatusCode(), len(first.Response.Body()))
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
