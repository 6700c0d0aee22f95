// Command insights runs Onward's outcomes and fairness service: the read
// model of what happened to the people registered, and its reports.
package main

import (
	"github.com/onward-jobs/onward/pkg/platform"
	"github.com/onward-jobs/onward/services/insights"
)

func main() { platform.Main("insights", ":8086", insights.Run) }
