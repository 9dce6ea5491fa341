resource "aws_db_instance" "main" {
  engine         = "postgres"
  username       = "acme"
  password       = var.db_password
  instance_class = "db.t4g.small"
}

variable "db_password" {
  type      = string
  sensitive = true
}
