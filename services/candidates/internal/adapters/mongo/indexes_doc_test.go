package mongo

import (
	"testing"

	"github.com/onward-jobs/onward/pkg/mongox/mongoxtest"
)

// TestDeploymentDocListsEveryIndex: the index table of docs/deployment.md
// lists exactly the indexes this service creates at start, so an operator
// sizing or sharding its database reads what the code does.
func TestDeploymentDocListsEveryIndex(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	mongoxtest.RequireDocumentedIndexes(t, f.db, "candidates")
}
