// Package owners reaches the services that own what matching indexes: the
// candidates service (candidates' matching views, programmes) and the
// employers service (roles). Every call carries a service token from the
// gateway whose audience is the owner, and every answer is converted into
// the engine's types by a named converter, so nothing of the owners' JSON
// travels further into matching.
//
// The views hold no identity: the candidates service's matching view has
// no name, contact or birth-date field at all.
package owners
