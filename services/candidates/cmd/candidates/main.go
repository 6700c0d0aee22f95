// Command candidates runs Onward's candidates service: candidates,
// programmes, hours, attestations, availability and restrictions.
package main

import (
	"github.com/onward-jobs/onward/pkg/platform"
	"github.com/onward-jobs/onward/services/candidates"
)

func main() { platform.Main("candidates", ":8082", candidates.Run) }
