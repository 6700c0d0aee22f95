package api

import (
	"context"
	"net/http"
)

// BearerToken returns a RequestEditorFn that sends token as the request's bearer
// credential, for a client that calls on behalf of a signed-in user.
func BearerToken(token string) RequestEditorFn {
	return func(_ context.Context, req *http.Request) error {
		req.Header.Set("Authorization", "Bearer "+token)
		return nil
	}
}

// AcceptMediaType returns a RequestEditorFn that asks for mediaType, such as
// application/x-ndjson for an owner's streamed listing, which the generated
// parsers do not read: send those requests with the plain Client and read
// the body line by line.
func AcceptMediaType(mediaType string) RequestEditorFn {
	return func(_ context.Context, req *http.Request) error {
		req.Header.Set("Accept", mediaType)
		return nil
	}
}
