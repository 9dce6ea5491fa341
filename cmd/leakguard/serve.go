package main

// registerServe adds the `serve` command (the GitHub App) once the app
// package provides it.
func registerServe(map[string]command) {}
