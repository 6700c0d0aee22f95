package launcher

import (
	"fmt"
	"io"
	"strings"
	"time"
)

// bannerInfo is what the banner tells the developer once everything is up.
type bannerInfo struct {
	PublicURL   string
	AdminEmail  string
	PasswordSet bool
	DataDir     string
	Stores      *stores
	// Mail says where to read the mails the platform sends.
	Mail      string
	Services  []service
	StartedIn time.Duration
}

// printBanner writes the friendly summary shown once every service is ready.
func printBanner(w io.Writer, b bannerInfo) {
	password := "shown once above when the administrator was created (first start only)"
	if b.PasswordSet {
		password = "from ONWARD_ADMIN_PASSWORD"
	}
	addrs := make([]string, 0, len(b.Services))
	for _, s := range b.Services {
		addrs = append(addrs, s.name+" "+s.URL())
	}
	fmt.Fprintf(w, `
  Onward is running at %s   (ready in %s)

  Administrator  %s
  Password       %s
  Data           %s
  MongoDB        %s
  Redis          %s
  Mail           %s
  Services       %s

  For development only: never enter real people's data here.
  Ctrl-C to stop.

`, b.PublicURL, b.StartedIn.Round(10*time.Millisecond), b.AdminEmail, password, b.DataDir,
		b.Stores.Mongo, b.Stores.Redis, b.Mail, strings.Join(addrs, ", "))
}
