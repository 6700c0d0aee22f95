package mongo

import (
	"context"
	"slices"

	"go.mongodb.org/mongo-driver/v2/mongo"
)

// maxBulk caps the statements of one bulk write. FerretDB v1 keeps each
// update statement's query open until the whole command ends, one SQLite
// connection each, out of a pool of 100: a command of 100 updates waits
// for a connection it holds itself, for ever.
const maxBulk = 50

// bulkResult sums what the chunks of a bulk write matched and upserted.
type bulkResult struct{ matched, upserted int64 }

// bulk writes models in chunks of at most maxBulk, in order.
func bulk(ctx context.Context, coll *mongo.Collection, models []mongo.WriteModel) (bulkResult, error) {
	var out bulkResult
	for chunk := range slices.Chunk(models, maxBulk) {
		res, err := coll.BulkWrite(ctx, chunk)
		if err != nil {
			return out, err
		}
		out.matched += res.MatchedCount
		out.upserted += res.UpsertedCount
	}
	return out, nil
}
