// Package mongoxtest holds test helpers over mongox that need testkit, which
// mongox's own tests import (so testkit cannot import mongox).
package mongoxtest

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"go.mongodb.org/mongo-driver/v2/mongo"

	"github.com/onward-jobs/onward/pkg/mongox"
	"github.com/onward-jobs/onward/pkg/testkit"
)

// RequireDocumentedIndexes fails t unless the index table of
// docs/deployment.md lists exactly the indexes service created in db, so an
// operator sizing or sharding its database reads what the code does.
func RequireDocumentedIndexes(t *testing.T, db *mongo.Database, service string) {
	t.Helper()
	guide, err := os.ReadFile(filepath.Join(testkit.RepoRoot(t), "docs", "deployment.md"))
	if err != nil {
		t.Fatal(err)
	}
	undocumented, unbuilt, err := mongox.CompareIndexTable(context.Background(), db, service, string(guide))
	if err != nil {
		t.Fatal(err)
	}
	if len(undocumented) > 0 || len(unbuilt) > 0 {
		t.Fatalf("docs/deployment.md's index table lacks %q and lists %q, which the %s service does not create", undocumented, unbuilt, service)
	}
}
