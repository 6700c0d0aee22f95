package testkit

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"
)

// clusterMasters is how many masters a test cluster has; the 16384 slots
// are split evenly between them.
const clusterMasters = 3

// RedisCluster is a three-master Redis Cluster of Debian's redis-server on
// loopback ports, without replicas or persistence, for tests that check a
// package also works when its keys are spread over nodes: a multi-key
// command, script or MULTI whose keys hash to different slots fails there
// with CROSSSLOT, where one node would have accepted it.
type RedisCluster struct {
	// Addrs are the masters' host:port addresses.
	Addrs   []string
	dir     string
	servers []*exec.Cmd
	release []func()
}

// StartRedisCluster starts the servers in a temporary directory, joins
// them (CLUSTER MEET), gives each a third of the slots (CLUSTER
// ADDSLOTSRANGE) and waits until every node reports cluster_state:ok. It
// needs no test, so a TestMain can share one cluster across a package.
func StartRedisCluster() (c *RedisCluster, err error) {
	if _, err := exec.LookPath("redis-server"); err != nil {
		return nil, errors.New("testkit: redis-server is not installed (`make test-deps` installs it)")
	}
	c = &RedisCluster{}
	defer func() {
		if err != nil {
			c.Stop()
		}
	}()
	if c.dir, err = os.MkdirTemp("", "onward-redis-cluster-"); err != nil {
		return nil, fmt.Errorf("testkit: cluster dir: %w", err)
	}
	var busPorts []string
	for i := range clusterMasters {
		port, bus, err := c.claimPorts()
		if err != nil {
			return nil, err
		}
		if err := c.startNode(i, port, bus); err != nil {
			return nil, err
		}
		c.Addrs = append(c.Addrs, net.JoinHostPort("127.0.0.1", port))
		busPorts = append(busPorts, bus)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if err := c.form(ctx, busPorts); err != nil {
		return nil, err
	}
	return c, nil
}

// claimPorts reserves a client port and a cluster-bus port, so the bus
// never lands on port+10000, which may be in the kernel's ephemeral range.
func (c *RedisCluster) claimPorts() (port, bus string, err error) {
	var ports [2]string
	for i := range ports {
		addr, release, err := claimAddr()
		if err != nil {
			return "", "", err
		}
		c.release = append(c.release, release)
		_, ports[i], _ = net.SplitHostPort(addr)
	}
	return ports[0], ports[1], nil
}

// startNode starts one cluster-enabled server with its own directory and
// cluster-config-file.
func (c *RedisCluster) startNode(i int, port, bus string) error {
	dir := filepath.Join(c.dir, strconv.Itoa(i))
	if err := os.Mkdir(dir, 0o700); err != nil {
		return fmt.Errorf("testkit: cluster node dir: %w", err)
	}
	cmd := exec.Command("redis-server", "--port", port, "--bind", "127.0.0.1",
		"--cluster-enabled", "yes", "--cluster-port", bus,
		"--cluster-config-file", filepath.Join(dir, "nodes.conf"), "--dir", dir,
		"--cluster-node-timeout", "5000", "--save", "", "--appendonly", "no")
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("testkit: start cluster node: %w", err)
	}
	c.servers = append(c.servers, cmd)
	return nil
}

// form joins the nodes, assigns the slots and waits for the cluster.
func (c *RedisCluster) form(ctx context.Context, busPorts []string) error {
	nodes := make([]*redis.Client, len(c.Addrs))
	for i, addr := range c.Addrs {
		nodes[i] = redis.NewClient(&redis.Options{Addr: addr})
		defer nodes[i].Close()
		if err := waitFor(ctx, "node "+addr+" answers", func() bool { return nodes[i].Ping(ctx).Err() == nil }); err != nil {
			return err
		}
	}
	per := 16384 / len(nodes)
	for i, node := range nodes {
		host, port, _ := net.SplitHostPort(c.Addrs[i])
		if i > 0 {
			if err := nodes[0].Do(ctx, "CLUSTER", "MEET", host, port, busPorts[i]).Err(); err != nil {
				return fmt.Errorf("testkit: cluster meet %s: %w", c.Addrs[i], err)
			}
		}
		first, last := i*per, (i+1)*per-1
		if i == len(nodes)-1 {
			last = 16383
		}
		if err := node.Do(ctx, "CLUSTER", "ADDSLOTSRANGE", first, last).Err(); err != nil {
			return fmt.Errorf("testkit: cluster addslotsrange on %s: %w", c.Addrs[i], err)
		}
	}
	for _, node := range nodes {
		err := waitFor(ctx, "cluster_state:ok", func() bool {
			info, err := node.ClusterInfo(ctx).Result()
			return err == nil && strings.Contains(info, "cluster_state:ok") &&
				strings.Contains(info, "cluster_known_nodes:"+strconv.Itoa(len(nodes)))
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// waitFor polls ok until it holds or ctx ends.
func waitFor(ctx context.Context, what string, ok func() bool) error {
	for !ok() {
		select {
		case <-ctx.Done():
			return fmt.Errorf("testkit: redis cluster: no %s within the time allowed", what)
		case <-time.After(20 * time.Millisecond):
		}
	}
	return nil
}

// URL is the cluster's REDIS_URL in the redis+cluster form the services
// accept (see platform.ParseRedisURL).
func (c *RedisCluster) URL() string {
	q := url.Values{"addr": c.Addrs[1:]}
	return "redis+cluster://" + c.Addrs[0] + "?" + q.Encode()
}

// Client returns a cluster client, closed when the test ends.
func (c *RedisCluster) Client(t testing.TB) *redis.ClusterClient {
	t.Helper()
	client := redis.NewClusterClient(&redis.ClusterOptions{Addrs: c.Addrs})
	t.Cleanup(func() { _ = client.Close() })
	return client
}

// Stop kills the servers, waits for them and removes their files.
func (c *RedisCluster) Stop() {
	for _, cmd := range c.servers {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
	}
	c.servers = nil
	for _, release := range c.release {
		release()
	}
	c.release = nil
	if c.dir != "" {
		_ = os.RemoveAll(c.dir)
	}
}
