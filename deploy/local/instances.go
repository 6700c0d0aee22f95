package launcher

import (
	"context"
	"fmt"
	"io"
	"net"
	"strings"
	"time"
)

// withInstances runs n instances of every service, as a deployment with
// several replicas does, so a platform test can check that nothing is
// applied twice or lost when two instances share the stores. The first
// instance of each keeps its configured address; the others listen on
// free ports of the same host and are named "<service>-2" and so on.
// Every instance shares the stores, the databases and the consumer
// groups. The services call each other's first instance (their clients
// take one address); the gateways take turns over every instance of each
// service and the web apps over every gateway, through the comma-separated
// lists of their *_URL settings. With n = 1 svcs come back unchanged.
func withInstances(svcs []service, n int) ([]service, error) {
	if n <= 1 {
		return svcs, nil
	}
	out := make([]service, 0, len(svcs)*n)
	for _, s := range svcs {
		s.kind = s.name
		out = append(out, s)
		for i := 2; i <= n; i++ {
			addr, err := freeAddrOnHostOf(s.addr)
			if err != nil {
				return nil, fmt.Errorf("%s instance %d: %w", s.name, i, err)
			}
			extra := s
			extra.name, extra.addr = fmt.Sprintf("%s-%d", s.name, i), addr
			out = append(out, extra)
		}
	}
	lists := instanceLists(out)
	for i := range out {
		switch out[i].kind {
		case "gateway":
			out[i].set = map[string]string{}
			for kind, list := range lists {
				if kind != "gateway" && kind != "web" {
					out[i].set[strings.ToUpper(kind)+"_URL"] = list
				}
			}
		case "web":
			out[i].set = map[string]string{"GATEWAY_URL": lists["gateway"]}
		}
	}
	return out, nil
}

// startInTwoWaves starts the first instance of every service and waits
// until they are ready, then the other instances, and waits for them: the
// first instances create what an empty database lacks (the gateway's
// first signing key, the administrator, indexes and migrations) before any
// second instance could race them to it. ctx is the launcher's, svcCtx the
// services'.
func (g *group) startInTwoWaves(ctx, svcCtx context.Context, svcs []service, shared map[string]string, logOut io.Writer, timeout time.Duration) error {
	var first, others []service
	for _, s := range svcs {
		if s.kind == "" || s.kind == s.name {
			first = append(first, s)
		} else {
			others = append(others, s)
		}
	}
	g.start(svcCtx, first, shared, logOut)
	if err := g.waitReady(ctx, timeout); err != nil || len(others) == 0 || ctx.Err() != nil {
		return err
	}
	g.start(svcCtx, others, shared, logOut)
	return g.waitReady(ctx, timeout)
}

// instanceLists are the comma-separated URLs of every instance of each
// kind of service.
func instanceLists(svcs []service) map[string]string {
	lists := map[string]string{}
	for _, s := range svcs {
		if lists[s.kind] != "" {
			lists[s.kind] += ","
		}
		lists[s.kind] += s.URL()
	}
	return lists
}

// freeAddrOnHostOf is a port free right now on the host of addr.
func freeAddrOnHostOf(addr string) (string, error) {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return "", err
	}
	ln, err := net.Listen("tcp", net.JoinHostPort(host, "0"))
	if err != nil {
		return "", err
	}
	defer ln.Close()
	_, port, _ := net.SplitHostPort(ln.Addr().String())
	return net.JoinHostPort(host, port), nil
}
