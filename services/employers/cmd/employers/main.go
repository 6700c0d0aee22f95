// Command employers runs Onward's employers service: employers and the roles
// they post.
package main

import (
	"github.com/onward-jobs/onward/pkg/platform"
	"github.com/onward-jobs/onward/services/employers"
)

func main() { platform.Main("employers", ":8081", employers.Run) }
