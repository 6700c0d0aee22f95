package results

import (
	"context"
	"fmt"
	"slices"
	"sync"
)

// membership is which ids each stored list holds, and the reverse: for
// shortlists, role → candidates and candidate → roles; for suggestions,
// candidate → roles and role → candidates. Results keeps it in memory so
// a change finds the lists that hold an id without a query, which
// FerretDB v1 answers by reading every list. It is loaded from the store
// at start, updated on every write and delete this instance makes, and
// reloaded periodically so what other instances wrote is seen.
//
// Ids are interned as uint32: a stored pair costs about a dozen bytes.
type membership struct {
	// refresh serialises reloads.
	refresh sync.Mutex

	mu    sync.RWMutex
	tab   idTab
	lists map[uint32][]uint32
	// holders is member → lists holding it.
	holders map[uint32]map[uint32]struct{}
	// gen counts local changes; local is each list's last one since the
	// reload in progress or the last reload began.
	gen   uint64
	local map[string]uint64
}

// idTab interns ids.
type idTab struct {
	idOf  map[string]uint32
	names []string
}

func (t *idTab) intern(s string) uint32 {
	if n, ok := t.idOf[s]; ok {
		return n
	}
	if t.idOf == nil {
		t.idOf = map[string]uint32{}
	}
	n := uint32(len(t.names))
	t.idOf[s] = n
	t.names = append(t.names, s)
	return n
}

func newMembership() *membership {
	return &membership{lists: map[uint32][]uint32{}, holders: map[uint32]map[uint32]struct{}{}, local: map[string]uint64{}}
}

// set records that list now holds members, as this instance just wrote.
func (m *membership) set(list string, members []string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.gen++
	m.local[list] = m.gen
	m.put(list, members)
}

// drop records that list is deleted.
func (m *membership) drop(list string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.gen++
	m.local[list] = m.gen
	m.remove(list)
}

// put replaces a list's members; the caller holds mu.
func (m *membership) put(list string, members []string) {
	m.remove(list)
	l := m.tab.intern(list)
	ids := make([]uint32, 0, len(members))
	for _, s := range members {
		id := m.tab.intern(s)
		ids = append(ids, id)
		h := m.holders[id]
		if h == nil {
			h = map[uint32]struct{}{}
			m.holders[id] = h
		}
		h[l] = struct{}{}
	}
	m.lists[l] = ids
}

// remove forgets a list; the caller holds mu.
func (m *membership) remove(list string) {
	l, ok := m.tab.idOf[list]
	if !ok {
		return
	}
	for _, id := range m.lists[l] {
		if h := m.holders[id]; h != nil {
			delete(h, l)
			if len(h) == 0 {
				delete(m.holders, id)
			}
		}
	}
	delete(m.lists, l)
}

// listsWith returns, sorted, the lists that hold member.
func (m *membership) listsWith(member string) []string {
	m.mu.RLock()
	defer m.mu.RUnlock()
	id, ok := m.tab.idOf[member]
	if !ok {
		return nil
	}
	out := make([]string, 0, len(m.holders[id]))
	for l := range m.holders[id] {
		out = append(out, m.tab.names[l])
	}
	slices.Sort(out)
	return out
}

// members returns a list's members and whether it is known.
func (m *membership) members(list string) ([]string, bool) {
	m.mu.RLock()
	defer m.mu.RUnlock()
	l, ok := m.tab.idOf[list]
	if !ok {
		return nil, false
	}
	ids, ok := m.lists[l]
	if !ok {
		return nil, false
	}
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = m.tab.names[id]
	}
	return out, true
}

// snapshot returns every list's members.
func (m *membership) snapshot() map[string][]string {
	m.mu.RLock()
	defer m.mu.RUnlock()
	out := make(map[string][]string, len(m.lists))
	for l, ids := range m.lists {
		names := make([]string, len(ids))
		for i, id := range ids {
			names[i] = m.tab.names[id]
		}
		out[m.tab.names[l]] = names
	}
	return out
}

// reload replaces the membership with what load reads from the store,
// keeping the lists this instance wrote or deleted while it read: those
// are at least as new as what the store answered. The new membership is
// built outside the lock, so readers wait only for the swap.
func (m *membership) reload(ctx context.Context, load func(context.Context) ([]ListMembers, error)) (int, error) {
	m.refresh.Lock()
	defer m.refresh.Unlock()
	m.mu.RLock()
	start := m.gen
	m.mu.RUnlock()
	loaded, err := load(ctx)
	if err != nil {
		return 0, fmt.Errorf("load membership: %w", err)
	}
	fresh := newMembership()
	for _, l := range loaded {
		fresh.put(l.ID, l.Members)
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	for list, g := range m.local {
		if g <= start {
			continue
		}
		if members, ok := m.membersLocked(list); ok {
			fresh.put(list, members)
		} else {
			fresh.remove(list)
		}
		fresh.local[list] = g
	}
	fresh.gen = m.gen
	m.tab, m.lists, m.holders, m.local = fresh.tab, fresh.lists, fresh.holders, fresh.local
	return len(loaded), nil
}

func (m *membership) membersLocked(list string) ([]string, bool) {
	l, ok := m.tab.idOf[list]
	if !ok {
		return nil, false
	}
	ids, ok := m.lists[l]
	if !ok {
		return nil, false
	}
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = m.tab.names[id]
	}
	return out, true
}

// RefreshMembership reloads from the store which lists hold which
// candidates and roles, so this instance sees what the others wrote. Run
// it before the first change (a change loads it otherwise) and
// periodically (MATCHING_MEMBERSHIP_REFRESH). It reads the id and the
// member ids of every stored list, no entries.
func (r *Results) RefreshMembership(ctx context.Context) error {
	if _, err := r.shortMembers.reload(ctx, r.store.ShortlistMembers); err != nil {
		return fmt.Errorf("shortlists: %w", err)
	}
	if _, err := r.suggMembers.reload(ctx, r.store.SuggestionMembers); err != nil {
		return fmt.Errorf("suggestions: %w", err)
	}
	r.loaded.Store(true)
	return nil
}

// ensureMembership loads the membership before its first use when nobody
// loaded it yet.
func (r *Results) ensureMembership(ctx context.Context) error {
	if r.loaded.Load() {
		return nil
	}
	return r.RefreshMembership(ctx)
}
