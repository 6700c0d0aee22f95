// Package api is the contract of Onward's HTTP APIs in Go: the types and
// the client that oapi-codegen generates from docs/openapi.yaml into
// api.gen.go. The web app calls /api/v1 with it and the services call each
// other's /internal/v1 with it, so no service keeps its own copy of another
// service's request and response shapes.
//
// A caller builds a ClientWithResponses for a base URL and says how to
// authenticate, either with a RequestEditorFn that sets the Authorization
// header or with an http.Client whose transport does (auth.ServiceTransport
// for service tokens):
//
//	c, err := api.NewClientWithResponses("http://localhost:8080", api.WithRequestEditorFn(api.BearerToken(token)))
//	resp, err := c.GetRoleWithResponse(ctx, roleID)
//	if err == nil && resp.JSON200 != nil {
//		fmt.Println(resp.JSON200.Title)
//	}
//
// Never edit api.gen.go: change docs/openapi.yaml and run `make generate`.
// TestGeneratedIsCurrent fails while the two disagree.
package api

//go:generate go tool oapi-codegen -config oapi-codegen.yaml ../../docs/openapi.yaml
