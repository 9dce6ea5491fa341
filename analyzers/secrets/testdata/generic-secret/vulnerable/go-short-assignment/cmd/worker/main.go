package main

func main() {
	apiToken := "IbLuYnstHGpXRAU1UmBi3Q5oM34g5Cau" // want secrets/generic-secret
	run(apiToken)
}
