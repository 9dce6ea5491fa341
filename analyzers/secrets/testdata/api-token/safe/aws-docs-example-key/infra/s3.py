import boto3

# Credentials come from the instance role; the values below are the AWS documentation examples
# used by our moto-based local stack.
LOCAL_STACK = {
    "aws_access_key_id": "AKIAIOSFODNN7EXAMPLE",
    "aws_secret_access_key": "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
}

s3 = boto3.client("s3")
