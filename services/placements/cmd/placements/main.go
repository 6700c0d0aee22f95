// Command placements runs Onward's placements service: introductions,
// placements and their follow-ups.
package main

import (
	"github.com/onward-jobs/onward/pkg/platform"
	"github.com/onward-jobs/onward/services/placements"
)

func main() { platform.Main("placements", ":8085", placements.Run) }
