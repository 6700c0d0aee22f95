package mongo

import (
	"bytes"
	"compress/flate"
	"encoding/json"
	"fmt"
	"io"
	"sync"
)

// writers keeps flate writers for reuse: a new one allocates about a
// megabyte of state.
var writers = sync.Pool{New: func() any {
	w, _ := flate.NewWriter(io.Discard, flate.BestSpeed)
	return w
}}

// pack renders v as compressed JSON: a candidate's contributions repeat
// the same dimension and measure names hundreds of times, and shrink
// about fivefold, which is what FerretDB writes and reads per document.
func pack(v any) ([]byte, error) {
	var buf bytes.Buffer
	w := writers.Get().(*flate.Writer)
	defer writers.Put(w)
	w.Reset(&buf)
	if err := json.NewEncoder(w).Encode(v); err != nil {
		return nil, fmt.Errorf("pack: %w", err)
	}
	if err := w.Close(); err != nil {
		return nil, fmt.Errorf("pack: %w", err)
	}
	return buf.Bytes(), nil
}

// unpack reads what pack wrote into v; nothing packed leaves v alone.
func unpack(b []byte, v any) error {
	if len(b) == 0 {
		return nil
	}
	r := flate.NewReader(bytes.NewReader(b))
	defer r.Close()
	if err := json.NewDecoder(io.LimitReader(r, 64<<20)).Decode(v); err != nil {
		return fmt.Errorf("unpack: %w", err)
	}
	return nil
}
