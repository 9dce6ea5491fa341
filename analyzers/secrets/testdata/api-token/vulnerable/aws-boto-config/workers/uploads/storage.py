import boto3

s3 = boto3.client(
    "s3",
    region_name="eu-central-1",
    aws_access_key_id="AKIA3XXCTHZVS7ZSXBX2",  # want secrets/api-token
    aws_secret_access_key="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",  # want secrets/generic-secret
)
