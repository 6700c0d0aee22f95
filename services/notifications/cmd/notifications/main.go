// Command notifications runs Onward's notifications service: the in-app
// inbox and e-mail.
package main

import (
	"github.com/onward-jobs/onward/pkg/platform"
	"github.com/onward-jobs/onward/services/notifications"
)

func main() { platform.Main("notifications", ":8084", notifications.Run) }
