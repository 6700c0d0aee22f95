// Package owners reaches the services that own what matching indexes: the
// candidates service (candidates' matching views, programmes) and the
// employers service (roles). Every call goes through the client generated
// from docs/openapi.yaml (pkg/api) and carries a service token from the
// gateway whose audience is the owner; streamed listings, which the
// generated client does not parse, are read line by line into the same
// generated types. Every answer is converted into the engine's types by a
// named converter, so nothing of the owners' JSON travels further into
// matching.
//
// The views hold no identity: the candidates service's matching view has
// no name, contact or birth-date field at all.
package owners
