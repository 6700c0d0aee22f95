package platform

import (
	"context"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/redis/go-redis/v9"
)

// ConnectRedis opens a client for the Redis named by REDIS_URL (see
// ParseRedisURL for the forms) and pings it, so that a wrong address fails
// the start rather than the first request.
func ConnectRedis(ctx context.Context, redisURL string) (redis.UniversalClient, error) {
	rdb, err := NewRedisClient(redisURL)
	if err != nil {
		return nil, err
	}
	pingCtx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	if err := rdb.Ping(pingCtx).Err(); err != nil {
		_ = rdb.Close()
		return nil, fmt.Errorf("redis ping (REDIS_URL %s): %w", redactRedisURL(redisURL), err)
	}
	return rdb, nil
}

// NewRedisClient builds, without connecting, the client for a REDIS_URL: a
// plain client for one node, a Sentinel-backed failover client, or a
// cluster client.
func NewRedisClient(redisURL string) (redis.UniversalClient, error) {
	kind, err := ParseRedisURL(redisURL)
	if err != nil {
		return nil, err
	}
	switch {
	case kind.Cluster != nil:
		return redis.NewClusterClient(kind.Cluster), nil
	case kind.Sentinel != nil:
		return redis.NewFailoverClient(kind.Sentinel), nil
	}
	return redis.NewClient(kind.Node), nil
}

// RedisTopology is a parsed REDIS_URL: exactly one of its fields is set.
type RedisTopology struct {
	Node     *redis.Options
	Sentinel *redis.FailoverOptions
	Cluster  *redis.ClusterOptions
}

// ParseRedisURL reads REDIS_URL with go-redis's own parsers, choosing one by
// the URL's form:
//
//   - redis://[user:password@]host:port[/db][?option=...], rediss://... (TLS)
//     or unix:///path/redis.sock: one node (redis.ParseURL);
//   - redis://[sentinel-user:sentinel-password@]sentinel1:26379[/db]?master_name=mymaster&addr=sentinel2:26379&password=...:
//     the master that Sentinel names (redis.ParseFailoverURL); a
//     redis+sentinel:// scheme says the same and is accepted too;
//   - redis+cluster://[user:password@]node1:6379[?addr=node2:6379&addr=...],
//     rediss+cluster://..., or redis://node1:6379?addr=node2:6379 (several
//     addresses without master_name): a Redis Cluster (redis.ParseClusterURL),
//     which learns the other nodes from any one it reaches. A cluster has no
//     database number.
//
// The option names in the query are go-redis's (dial_timeout, pool_size, ...);
// an unknown one is an error.
func ParseRedisURL(redisURL string) (RedisTopology, error) {
	u, err := url.Parse(redisURL)
	if err != nil {
		return RedisTopology{}, fmt.Errorf("REDIS_URL: %w", err)
	}
	base, form, _ := strings.Cut(u.Scheme, "+")
	plain := withScheme(u, base)
	q := u.Query()
	var t RedisTopology
	switch {
	case form == "cluster" || (form == "" && q.Has("addr") && !q.Has("master_name")):
		t.Cluster, err = redis.ParseClusterURL(plain)
	case form == "sentinel" || (form == "" && q.Has("master_name")):
		t.Sentinel, err = redis.ParseFailoverURL(plain)
		if err == nil && t.Sentinel.MasterName == "" {
			err = fmt.Errorf("a Sentinel URL needs ?master_name=")
		}
	case form == "":
		t.Node, err = redis.ParseURL(plain)
	default:
		err = fmt.Errorf("unknown scheme %q (want redis, rediss, unix, redis+sentinel or redis+cluster)", u.Scheme)
	}
	if err != nil {
		return RedisTopology{}, fmt.Errorf("REDIS_URL %s: %w", redactRedisURL(redisURL), err)
	}
	return t, nil
}

// withScheme returns u as text with its scheme replaced.
func withScheme(u *url.URL, scheme string) string {
	c := *u
	c.Scheme = scheme
	return c.String()
}

// redactRedisURL hides the passwords of a REDIS_URL, in its user part and in
// a password= option, so that an error naming the URL can be logged.
func redactRedisURL(redisURL string) string {
	u, err := url.Parse(redisURL)
	if err != nil {
		return "(unparsable)"
	}
	q := u.Query()
	if q.Has("password") {
		q.Set("password", "xxxxx")
		u.RawQuery = q.Encode()
	}
	return u.Redacted()
}
