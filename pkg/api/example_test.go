package api_test

import (
	"context"
	"fmt"

	"github.com/onward-jobs/onward/pkg/api"
)

// A caller signed in as a user sends its access token with every request.
// Service-to-service calls pass api.WithHTTPClient with an http.Client
// whose transport is auth.ServiceTransport instead.
func ExampleBearerToken() {
	ctx, accessToken := context.Background(), "eyJ..."
	c, err := api.NewClientWithResponses("http://localhost:8080", api.WithRequestEditorFn(api.BearerToken(accessToken)))
	if err != nil {
		panic(err)
	}
	resp, err := c.GetRoleWithResponse(ctx, "rol_01J")
	switch {
	case err != nil:
		fmt.Println("no answer:", err)
	case resp.JSON200 != nil:
		fmt.Println(resp.JSON200.Title, resp.JSON200.Status)
	default:
		fmt.Println(resp.StatusCode(), resp.ApplicationProblemJSON404) // Problem answers are typed too.
	}
}
