package esco

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"strings"
)

// Error points at the place in an ESCO file where the import stopped, as
// "skills_nl.csv:123:45: message", so the file can be opened at that spot.
// Line and column are 1-based; the column counts bytes, as encoding/csv
// does.
type Error struct {
	File   string
	Line   int
	Column int
	Err    error
}

// Error formats the position the way compilers do, so editors can jump to
// it.
func (e *Error) Error() string {
	return fmt.Sprintf("%s:%d:%d: %v", e.File, e.Line, e.Column, e.Err)
}

// Unwrap returns the underlying problem, such as csv.ErrQuote.
func (e *Error) Unwrap() error { return e.Err }

// table reads one ESCO CSV file row by row and finds columns by their header
// name, because ESCO has added and moved columns between versions.
type table struct {
	name string
	file fs.File
	r    *csv.Reader
	cols map[string]int
	row  []string
}

// openTable opens name and checks that its header has every required
// column.
func openTable(fsys fs.FS, name string, required ...string) (*table, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	br := bufio.NewReaderSize(f, 1<<16)
	if bom, _ := br.Peek(3); string(bom) == "\uFEFF" {
		br.Discard(3) // some exports start with a UTF-8 byte order mark
	}
	t := &table{name: name, file: f, r: csv.NewReader(br)}
	t.r.ReuseRecord = true
	header, err := t.r.Read()
	if errors.Is(err, io.EOF) {
		f.Close()
		return nil, &Error{File: name, Line: 1, Column: 1, Err: errors.New("empty file, expected a header row")}
	}
	if err != nil {
		f.Close()
		return nil, t.wrap(err)
	}
	t.cols = make(map[string]int, len(header))
	for i, h := range header {
		t.cols[strings.TrimSpace(h)] = i
	}
	for _, c := range required {
		if _, ok := t.cols[c]; !ok {
			f.Close()
			return nil, &Error{File: name, Line: 1, Column: 1, Err: fmt.Errorf("missing column %q in the header", c)}
		}
	}
	return t, nil
}

// next reads the next row and reports false at the end of the file.
func (t *table) next() (bool, error) {
	row, err := t.r.Read()
	if errors.Is(err, io.EOF) {
		return false, nil
	}
	if err != nil {
		return false, t.wrap(err)
	}
	t.row = row
	return true, nil
}

// get returns the trimmed value of a column of the current row, or "" when
// the file has no such column.
func (t *table) get(col string) string {
	i, ok := t.cols[col]
	if !ok {
		return ""
	}
	return strings.TrimSpace(t.row[i])
}

// errorAt reports a problem with the value of col in the current row, at
// the position where that field starts.
func (t *table) errorAt(col, format string, args ...any) error {
	line, column := t.r.FieldPos(t.cols[col])
	return &Error{File: t.name, Line: line, Column: column, Err: fmt.Errorf(format, args...)}
}

func (t *table) close() { t.file.Close() }

func (t *table) wrap(err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		e := &Error{File: t.name, Line: pe.Line, Column: pe.Column, Err: pe.Err}
		if pe.StartLine != pe.Line {
			// An unbalanced quote is found only where the damage ends; the
			// record's first line is where to look.
			e.Err = fmt.Errorf("%w (in the record starting on line %d)", pe.Err, pe.StartLine)
		}
		return e
	}
	return fmt.Errorf("%s: %w", t.name, err)
}
