// Package testkit gives tests real servers: an embedded FerretDB speaking the
// MongoDB wire protocol (SQLite backend, one per test binary, a fresh database
// per test) and the Redis server named by REDIS_URL (started by `make test` and
// `.ci/run`). Tests fail, never skip, when a server is missing, so CI cannot
// pass by testing nothing.
package testkit
