package service

import "github.com/google/uuid"

// mongoxID returns a fresh random id for a worker's leases.
func mongoxID() string { return uuid.NewString() }
