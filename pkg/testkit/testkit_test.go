package testkit

import (
	"context"
	"testing"

	"go.mongodb.org/mongo-driver/v2/bson"
)

func TestMongoDBRoundTrip(t *testing.T) {
	t.Parallel()
	db := MongoDB(t)
	ctx := context.Background()
	if _, err := db.Collection("things").InsertOne(ctx, bson.M{"_id": "a", "n": 1}); err != nil {
		t.Fatalf("insert: %v", err)
	}
	var got struct{ N int }
	if err := db.Collection("things").FindOne(ctx, bson.M{"_id": "a"}).Decode(&got); err != nil {
		t.Fatalf("find: %v", err)
	}
	if got.N != 1 {
		t.Fatalf("n = %d, want 1", got.N)
	}
}

func TestRedisRoundTrip(t *testing.T) {
	t.Parallel()
	rdb := Redis(t)
	key := UniqueName(t, "k")
	ctx := context.Background()
	if err := rdb.Set(ctx, key, "v", 0).Err(); err != nil {
		t.Fatalf("set: %v", err)
	}
	defer rdb.Del(ctx, key)
	if v, _ := rdb.Get(ctx, key).Result(); v != "v" {
		t.Fatalf("get = %q, want v", v)
	}
}
