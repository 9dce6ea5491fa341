from .base import *  # noqa

DEBUG = False
SECRET_KEY = "xGHkl460GXEfgvADteAclHC5zqkUJGU6R2qkcOU9UgIa46Xo"  # want secrets/generic-secret
ALLOWED_HOSTS = ["api.acme.dev"]
