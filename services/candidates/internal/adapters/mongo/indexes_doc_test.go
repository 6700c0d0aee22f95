package mongo

import (
	"context"
	"os"
	"testing"

	"github.com/onward-jobs/onward/pkg/mongox"
)

// TestDeploymentDocListsEveryIndex: the index table of docs/deployment.md
// lists exactly the indexes this service creates at start, so an operator
// sizing or sharding its database reads what the code does.
func TestDeploymentDocListsEveryIndex(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	guide, err := os.ReadFile("../../../../../docs/deployment.md")
	if err != nil {
		t.Fatal(err)
	}
	undocumented, unbuilt, err := mongox.CompareIndexTable(context.Background(), f.db, "candidates", string(guide))
	if err != nil {
		t.Fatal(err)
	}
	if len(undocumented) > 0 || len(unbuilt) > 0 {
		t.Fatalf("docs/deployment.md's index table lacks %q and lists %q, which the service does not create", undocumented, unbuilt)
	}
}
