package api

import (
	"context"
	"regexp"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
)

// operationID is verbNoun in camelCase, such as getRole or listMatchingViews:
// the generated client's methods are named after it.
var operationID = regexp.MustCompile(`^[a-z]+[A-Z][A-Za-z0-9]*$`)

// TestDescriptionNamesEveryOperation checks what generation relies on:
// docs/openapi.yaml is valid and every operation has its own operationId,
// without which oapi-codegen would name the client's methods after paths.
func TestDescriptionNamesEveryOperation(t *testing.T) {
	doc, err := openapi3.NewLoader().LoadFromFile("../../docs/openapi.yaml")
	if err != nil {
		t.Fatalf("load docs/openapi.yaml: %v", err)
	}
	if err := doc.Validate(context.Background()); err != nil {
		t.Fatalf("docs/openapi.yaml is not valid OpenAPI: %v", err)
	}
	seen := map[string]string{}
	for path, item := range doc.Paths.Map() {
		for method, op := range item.Operations() {
			where := method + " " + path
			switch id := op.OperationID; {
			case id == "":
				t.Errorf("%s has no operationId; name it verbNoun in camelCase, such as getRole", where)
			case !operationID.MatchString(id):
				t.Errorf("%s: operationId %q is not verbNoun in camelCase, such as getRole", where, id)
			case seen[id] != "":
				t.Errorf("%s and %s share the operationId %q", where, seen[id], id)
			default:
				seen[id] = where
			}
		}
	}
}

// TestEveryJSONBodyMayBeTooLarge checks that every operation taking a JSON
// body lists 413: every service refuses a body over its limit, and a
// client (and the platform tests' contract check) must find that answer
// in the description.
func TestEveryJSONBodyMayBeTooLarge(t *testing.T) {
	doc, err := openapi3.NewLoader().LoadFromFile("../../docs/openapi.yaml")
	if err != nil {
		t.Fatalf("load docs/openapi.yaml: %v", err)
	}
	for path, item := range doc.Paths.Map() {
		for method, op := range item.Operations() {
			if op.RequestBody == nil || op.RequestBody.Value == nil || op.RequestBody.Value.Content.Get("application/json") == nil {
				continue
			}
			if op.Responses.Value("413") == nil {
				t.Errorf("%s %s (%s) takes a JSON body but does not list 413", method, path, op.OperationID)
			}
		}
	}
}
