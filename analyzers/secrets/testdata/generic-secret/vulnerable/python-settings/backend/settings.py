DEBUG = False
SECRET_KEY = "9k1gnne%GEYG1!L^wiqD9jJBAciI05FhfwKV&qlUr5Q^rec8TN"  # want secrets/generic-secret
ALLOWED_HOSTS = ["api.example.com"]
