package esco

import (
	"bytes"
	"encoding/csv"
	"slices"
	"testing"
)

// reorderColumns reverses the column order of a CSV file.
func reorderColumns(t *testing.T, data []byte) []byte {
	t.Helper()
	rows, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	w := csv.NewWriter(&out)
	for _, row := range rows {
		slices.Reverse(row)
		w.Write(row)
	}
	w.Flush()
	return out.Bytes()
}
