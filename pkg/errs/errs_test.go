package errs

import (
	"errors"
	"fmt"
	"testing"
)

func TestValidationErrorIsInvalidArgument(t *testing.T) {
	err := fmt.Errorf("signup: %w", Invalid("email", "must be an e-mail address"))
	if !errors.Is(err, InvalidArgument) {
		t.Fatal("a wrapped validation error must be an InvalidArgument")
	}
	var ve *ValidationError
	if !errors.As(err, &ve) || ve.Fields[0].Field != "email" {
		t.Fatalf("field errors lost: %v", err)
	}
	if errors.Is(err, NotFound) {
		t.Fatal("a validation error is not a NotFound")
	}
}
