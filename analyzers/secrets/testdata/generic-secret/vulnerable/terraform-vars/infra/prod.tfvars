region            = "eu-west-1"
db_password       = "4KAPG5OZy2tgrvRmkHkB" # want secrets/generic-secret
datadog_api_key   = "c1405c9efd1910e58928aa000d7e4a42e4e9d56044afa85594bc07a0c765e730" # want secrets/generic-secret
