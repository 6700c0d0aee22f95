package smtp_test

import (
	"bytes"
	"io"
	"net"
	"sync"
	"sync/atomic"
	"testing"
)

// cutPoint is where cutProxy cuts the first SMTP conversation.
type cutPoint int

const (
	// inBody: after the server's 354 reply to DATA, once part of the
	// message body (never its final dot) has reached the server.
	inBody cutPoint = iota
	// afterAccepted: just after the server's 250 reply to the body has
	// reached the client, so the server holds the mail.
	afterAccepted
)

// cutProxy stands between the delivery worker and an SMTP server. It
// forwards every conversation unchanged except the first, which it holds at
// its cut point until the test calls Cut; Cut drops both sides. The client
// sees nothing from the server after the cut point, so the outcome does not
// depend on timing.
type cutProxy struct {
	t        *testing.T
	upstream string
	at       cutPoint
	ln       net.Listener
	cutting  atomic.Bool
	held     chan struct{} // closed once the first conversation reached the cut point
	release  chan struct{} // closed by Cut
	cutOnce  sync.Once
	accepted atomic.Int32
}

func startCutProxy(t *testing.T, upstream string, at cutPoint) *cutProxy {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p := &cutProxy{t: t, upstream: upstream, at: at, ln: ln, held: make(chan struct{}), release: make(chan struct{})}
	t.Cleanup(func() {
		p.Cut()
		_ = ln.Close()
	})
	go p.serve()
	return p
}

// Addr is where the worker should send its mail.
func (p *cutProxy) Addr() string { return p.ln.Addr().String() }

// Held is closed once the first conversation reached the cut point.
func (p *cutProxy) Held() <-chan struct{} { return p.held }

// Cut drops both sides of the held conversation.
func (p *cutProxy) Cut() { p.cutOnce.Do(func() { close(p.release) }) }

// Conversations is how many connections the proxy accepted.
func (p *cutProxy) Conversations() int { return int(p.accepted.Load()) }

func (p *cutProxy) serve() {
	for {
		client, err := p.ln.Accept()
		if err != nil {
			return
		}
		p.accepted.Add(1)
		go p.handle(client, p.cutting.CompareAndSwap(false, true))
	}
}

func (p *cutProxy) handle(client net.Conn, cut bool) {
	defer client.Close()
	server, err := net.Dial("tcp", p.upstream)
	if err != nil {
		return
	}
	defer server.Close()
	if !cut {
		done := make(chan struct{}, 2)
		go func() { _, _ = io.Copy(server, client); done <- struct{}{} }()
		go func() { _, _ = io.Copy(client, server); done <- struct{}{} }()
		<-done
		return
	}
	reached := make(chan struct{})
	var reach sync.Once
	dataStarted := make(chan struct{}) // the server answered DATA with 354
	go p.down(server, client, dataStarted, func() { reach.Do(func() { close(reached) }) })
	go p.up(client, server, dataStarted, func() { reach.Do(func() { close(reached) }) })
	<-reached
	close(p.held)
	<-p.release
}

// down forwards the server's replies. It notes the 354 before forwarding it,
// so the client's next bytes are certainly body; at afterAccepted it stops
// after forwarding the next reply, the 250 for the body.
func (p *cutProxy) down(server, client net.Conn, dataStarted chan struct{}, reach func()) {
	buf := make([]byte, 32<<10)
	inData := false
	for {
		n, err := server.Read(buf)
		if n > 0 {
			chunk := buf[:n]
			final := inData && p.at == afterAccepted
			if !inData && hasReply(chunk, "354") {
				inData = true
				close(dataStarted)
			}
			if _, werr := client.Write(chunk); werr != nil {
				return
			}
			if final {
				if !hasReply(chunk, "250") {
					p.t.Errorf("cutProxy: the server answered the body with %q", chunk)
				}
				reach()
				return
			}
		}
		if err != nil {
			return
		}
	}
}

// up forwards the client's bytes; at inBody it forwards part of the first
// chunk of body and stops.
func (p *cutProxy) up(client, server net.Conn, dataStarted chan struct{}, reach func()) {
	buf := make([]byte, 32<<10)
	for {
		n, err := client.Read(buf)
		if n > 0 {
			chunk := buf[:n]
			select {
			case <-dataStarted:
				if p.at == inBody {
					part := chunk[:min(n/2, 256)]
					if len(part) == 0 || bytes.Contains(part, []byte("\r\n.\r\n")) {
						p.t.Errorf("cutProxy: cannot cut inside a body chunk of %d bytes", n)
					}
					_, _ = server.Write(part)
					reach()
					return
				}
			default:
			}
			if _, werr := server.Write(chunk); werr != nil {
				return
			}
		}
		if err != nil {
			return
		}
	}
}

// hasReply reports whether chunk holds a final reply line with code.
func hasReply(chunk []byte, code string) bool {
	for line := range bytes.Lines(chunk) {
		if bytes.HasPrefix(line, []byte(code+" ")) {
			return true
		}
	}
	return false
}
