// Package http serves the insights API with Fiber: the outcomes report
// (GET /api/v1/insights/outcomes, JSON or CSV) and the sharing of reports
// with observers (/api/v1/insights/shares). Handlers parse the request,
// call the service and convert its answer to the types of docs/openapi.yaml
// (pkg/api) with named converters; errors go to the one problem+json
// error handler of pkg/httpx.
package http
