package esco

import (
	"fmt"
	"strings"

	"github.com/onward-jobs/onward/pkg/skills"
)

// maxIDLen keeps ids from long ESCO labels ("apply health and safety
// standards in …") readable in URLs and logs.
const maxIDLen = 64

// assignIDs gives every concept an id: the slug of its English preferred
// label, or "esco-" and the last segment of its URI when the label leaves no
// slug. Concepts are taken in URI order; when a slug is already taken, the
// later concept gets the first eight characters of its URI's last segment
// appended, then a counter. The same files therefore always give the same
// ids.
func assignIDs(set *conceptSet) map[string]string {
	ids := make(map[string]string, len(set.order))
	taken := make(map[string]bool, len(set.order))
	for _, c := range set.sortedByURI() {
		segment := skills.Slug(lastSegment(c.uri), maxIDLen)
		id := skills.Slug(c.labels[skills.EN], maxIDLen)
		if id == "" {
			id = "esco-" + segment
		}
		base := id
		if taken[base] {
			if short := strings.ReplaceAll(segment, "-", ""); short != "" {
				base += "-" + short[:min(8, len(short))]
			}
		}
		id = base
		for n := 2; taken[id]; n++ {
			id = fmt.Sprintf("%s-%d", base, n)
		}
		taken[id] = true
		ids[c.uri] = id
	}
	return ids
}

func lastSegment(uri string) string {
	return uri[strings.LastIndexByte(uri, '/')+1:]
}
