// Command web serves Onward's mobile-first web app. Every page calls the
// gateway's public /api/v1 with the signed-in user's own token.
package main

import (
	"github.com/onward-jobs/onward/pkg/platform"
	"github.com/onward-jobs/onward/services/web"
)

func main() {
	platform.Main("web", ":8080", web.Run)
}
