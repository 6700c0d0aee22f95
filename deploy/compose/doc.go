// Package compose holds no production code: its tests check that the
// repository's docker-compose.yml and the services' Dockerfiles describe the
// deployment documented in docs/deployment.md. No Docker engine is needed;
// the compose file is loaded with the Compose Specification's own Go loader
// and the Dockerfiles are read as text.
//
// Run them with `go test ./...` in this directory.
package compose
