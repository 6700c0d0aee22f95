package platform

import (
	"context"
	"strings"
	"testing"

	"github.com/redis/go-redis/v9"

	"github.com/onward-jobs/onward/pkg/testkit"
)

func TestParseRedisURLChoosesTheTopologyByForm(t *testing.T) {
	t.Parallel()
	cases := []struct {
		url   string
		kind  string
		addrs []string
	}{
		{"redis://127.0.0.1:6379/2", "node", []string{"127.0.0.1:6379"}},
		{"rediss://:secret@cache.example:6380/0", "node", []string{"cache.example:6380"}},
		{"redis://s1:26379/0?master_name=onward&addr=s2:26379&addr=s3:26379&password=p", "sentinel", []string{"s1:26379", "s2:26379", "s3:26379"}},
		{"redis+sentinel://s1:26379?master_name=onward", "sentinel", []string{"s1:26379"}},
		{"redis+cluster://n1:6379?addr=n2:6379&addr=n3:6379", "cluster", []string{"n1:6379", "n2:6379", "n3:6379"}},
		{"rediss+cluster://u:p@n1:6379", "cluster", []string{"n1:6379"}},
		{"redis://n1:7000?addr=n2:7000", "cluster", []string{"n1:7000", "n2:7000"}},
	}
	for _, c := range cases {
		got, err := ParseRedisURL(c.url)
		if err != nil {
			t.Errorf("%s: %v", c.url, err)
			continue
		}
		kind, addrs := describe(got)
		if kind != c.kind || strings.Join(addrs, ",") != strings.Join(c.addrs, ",") {
			t.Errorf("%s parsed as %s %v, want %s %v", c.url, kind, addrs, c.kind, c.addrs)
		}
	}
	if got, _ := ParseRedisURL("rediss+cluster://u:p@n1:6379"); got.Cluster == nil || got.Cluster.TLSConfig == nil || got.Cluster.Password != "p" {
		t.Error("rediss+cluster lost its TLS or password")
	}
	if got, _ := ParseRedisURL("redis://s1:26379?master_name=onward&password=p"); got.Sentinel == nil || got.Sentinel.MasterName != "onward" || got.Sentinel.Password != "p" {
		t.Error("the Sentinel URL lost its master name or the master's password")
	}
}

// describe names the topology t selects and its seed addresses.
func describe(t RedisTopology) (string, []string) {
	switch {
	case t.Cluster != nil:
		return "cluster", t.Cluster.Addrs
	case t.Sentinel != nil:
		return "sentinel", t.Sentinel.SentinelAddrs
	}
	return "node", []string{t.Node.Addr}
}

func TestParseRedisURLRefusesBadURLsNamingREDIS_URLWithoutPasswords(t *testing.T) {
	t.Parallel()
	for _, bad := range []string{
		"http://127.0.0.1:6379",
		"redis+sharded://n1:6379",
		"redis+sentinel://s1:26379",
		"redis://:hunter2@127.0.0.1:6379/x",
		"redis://127.0.0.1:6379?pool_sise=3",
		"redis+cluster://n1:6379?master_name=m&password=hunter2&bogus=1",
	} {
		_, err := ParseRedisURL(bad)
		if err == nil {
			t.Errorf("%s accepted", bad)
			continue
		}
		if !strings.Contains(err.Error(), "REDIS_URL") || strings.Contains(err.Error(), "hunter2") {
			t.Errorf("%s: error %q should name REDIS_URL and hide the password", bad, err)
		}
	}
}

// TestConnectRedisReachesANodeAndACluster connects through REDIS_URL forms
// to the shared server and to a three-master cluster, and writes keys that
// the cluster spreads over its nodes.
func TestConnectRedisReachesANodeAndACluster(t *testing.T) {
	t.Parallel()
	cluster, err := testkit.StartRedisCluster()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(cluster.Stop)
	ctx := context.Background()
	for kind, url := range map[string]string{"node": testkit.RedisURL(t), "cluster": cluster.URL()} {
		rdb, err := ConnectRedis(ctx, url)
		if err != nil {
			t.Fatalf("%s: %v", kind, err)
		}
		t.Cleanup(func() { _ = rdb.Close() })
		_, isCluster := rdb.(*redis.ClusterClient)
		if isCluster != (kind == "cluster") {
			t.Errorf("%s URL %s gave a %T", kind, url, rdb)
		}
		key := testkit.UniqueName(t, kind)
		for i := range 20 {
			k := key + string(rune('a'+i))
			if err := rdb.Set(ctx, k, i, 0).Err(); err != nil {
				t.Fatalf("%s: set %s: %v", kind, k, err)
			}
			defer rdb.Del(ctx, k)
		}
	}
}

// TestConnectRedisFindsThePrimaryThroughSentinel connects with a Sentinel
// URL and checks that what it writes lands on the primary the Sentinel
// watches.
func TestConnectRedisFindsThePrimaryThroughSentinel(t *testing.T) {
	t.Parallel()
	primary := testkit.StartOwnRedis(t)
	primaryOpts, _ := redis.ParseURL(primary.URL)
	sentinel := testkit.StartRedisSentinel(t, primaryOpts.Addr, "onward")
	ctx := context.Background()
	rdb, err := ConnectRedis(ctx, "redis://"+sentinel+"/0?master_name=onward")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = rdb.Close() })
	if err := rdb.Set(ctx, "through-sentinel", "yes", 0).Err(); err != nil {
		t.Fatalf("set through sentinel: %v", err)
	}
	direct := redis.NewClient(primaryOpts)
	t.Cleanup(func() { _ = direct.Close() })
	if got, err := direct.Get(ctx, "through-sentinel").Result(); err != nil || got != "yes" {
		t.Fatalf("primary holds %q (%v), want the value written through the Sentinel", got, err)
	}
}
