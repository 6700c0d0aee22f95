// Command matching runs Onward's matching service: shortlists of candidates
// for roles and suggestions of roles for candidates.
package main

import (
	"github.com/onward-jobs/onward/pkg/platform"
	"github.com/onward-jobs/onward/services/matching"
)

func main() { platform.Main("matching", ":8083", matching.Run) }
