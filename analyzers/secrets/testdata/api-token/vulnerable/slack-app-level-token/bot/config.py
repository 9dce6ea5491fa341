SLACK_APP_TOKEN = "xapp-1-A07gfV4Cpmci6nQw4bvV3mfj3pQ-7gfV4Cpmci6nQw4bvV3mfj3pQ"  # want secrets/api-token
SOCKET_MODE = True
