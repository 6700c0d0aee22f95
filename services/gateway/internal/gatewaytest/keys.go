package gatewaytest

import (
	"context"
	"crypto/ed25519"
	"testing"

	"github.com/onward-jobs/onward/pkg/auth"
	"github.com/onward-jobs/onward/pkg/mongox"
	"github.com/onward-jobs/onward/pkg/sealed"
	"github.com/onward-jobs/onward/services/gateway/internal/adapters/mongo"
)

// Signer returns a signer holding the gateway's current signing key, read
// from its database, so tests can forge tokens that differ from real ones
// in exactly one claim.
func (g *Gateway) Signer(t testing.TB) *auth.Signer {
	t.Helper()
	kid, priv := g.SigningKey(t)
	signer, err := auth.NewSigner(kid, priv)
	if err != nil {
		t.Fatal(err)
	}
	return signer
}

// SigningKey returns the id and private half of the gateway's first
// signing key.
func (g *Gateway) SigningKey(t testing.TB) (string, ed25519.PrivateKey) {
	t.Helper()
	ctx := context.Background()
	client, err := mongox.Connect(ctx, g.Config.MongoURI)
	if err != nil {
		t.Fatal(err)
	}
	defer client.Disconnect(ctx)
	box, err := sealed.NewBox(g.Config.KeyEncryptionKey)
	if err != nil {
		t.Fatal(err)
	}
	keys, err := mongo.NewStore(client.Database(g.Config.MongoDB), box, nil /* signing keys take no locks */).SigningKeys.All(ctx)
	if err != nil || len(keys) == 0 {
		t.Fatalf("gatewaytest: signing keys: %v (%d keys)", err, len(keys))
	}
	return keys[0].KID, keys[0].PrivateKey
}
