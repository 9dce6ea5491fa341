package auth

import "github.com/gorilla/securecookie"

var hashKey = []byte("hash")
var cookieSecret = "jqKaa7h189funK2swE6RII4GQ2cLIwNq" // want secrets/generic-secret

// Codec encodes the session cookie.
var Codec = securecookie.New([]byte(cookieSecret), hashKey)
