package mongox

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
)

// CompareIndexTable compares the indexes of db, other than _id, with the
// rows the index table of the deployment guide (docs/deployment.md, given
// as markdown) lists for service. A row of that table reads
//
//	| service | database | collection | `{field: 1, other: -1}` | name / options |
//
// undocumented are the indexes the server has and the table lacks,
// unbuilt the rows the server lacks, each as "collection {keys}"; a row
// whose options say "not on FerretDB" is not expected there. The services'
// tests call it after their store has created its indexes, so the guide's
// table stays true as the code changes.
func CompareIndexTable(ctx context.Context, db *mongo.Database, service, markdown string) (undocumented, unbuilt []string, err error) {
	server, err := DetectServer(ctx, db)
	if err != nil {
		return nil, nil, err
	}
	documented := map[string]bool{}
	for _, line := range strings.Split(markdown, "\n") {
		cells := strings.Split(line, "|")
		if len(cells) < 7 || strings.TrimSpace(cells[1]) != service {
			continue
		}
		if server.FerretDB && strings.Contains(cells[5], "not on FerretDB") {
			continue
		}
		documented[strings.TrimSpace(cells[3])+" "+strings.Trim(strings.TrimSpace(cells[4]), "`")] = true
	}
	names, err := db.ListCollectionNames(ctx, bson.D{})
	if err != nil {
		return nil, nil, fmt.Errorf("list collections of %s: %w", db.Name(), err)
	}
	built := map[string]bool{}
	for _, name := range names {
		keys, err := indexKeys(ctx, db.Collection(name))
		if err != nil {
			return nil, nil, err
		}
		for _, k := range keys {
			built[name+" "+k] = true
			if !documented[name+" "+k] {
				undocumented = append(undocumented, name+" "+k)
			}
		}
	}
	for row := range documented {
		if !built[row] {
			unbuilt = append(unbuilt, row)
		}
	}
	sort.Strings(unbuilt)
	return undocumented, unbuilt, nil
}

// indexKeys returns the key patterns of coll's indexes other than _id,
// each written as {field: 1, other: -1}.
func indexKeys(ctx context.Context, coll *mongo.Collection) ([]string, error) {
	cur, err := coll.Indexes().List(ctx)
	if err != nil {
		return nil, fmt.Errorf("list indexes of %s: %w", coll.Name(), err)
	}
	var specs []struct {
		Name string `bson:"name"`
		Key  bson.D `bson:"key"`
	}
	if err := cur.All(ctx, &specs); err != nil {
		return nil, fmt.Errorf("read indexes of %s: %w", coll.Name(), err)
	}
	var out []string
	for _, s := range specs {
		if s.Name == "_id_" {
			continue
		}
		fields := make([]string, len(s.Key))
		for i, e := range s.Key {
			fields[i] = fmt.Sprintf("%s: %v", e.Key, keyDirection(e.Value))
		}
		out = append(out, "{"+strings.Join(fields, ", ")+"}")
	}
	return out, nil
}

// keyDirection writes an index key's value as the guide does: 1 or -1
// whatever number type the server answers with, and a quoted kind
// ("hashed", "text") otherwise.
func keyDirection(v any) string {
	switch n := v.(type) {
	case int32:
		return fmt.Sprint(n)
	case int64:
		return fmt.Sprint(n)
	case float64:
		return fmt.Sprint(int64(n))
	case string:
		return fmt.Sprintf("%q", n)
	default:
		return fmt.Sprint(n)
	}
}
