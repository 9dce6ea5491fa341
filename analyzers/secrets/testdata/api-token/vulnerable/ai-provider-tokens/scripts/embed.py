from huggingface_hub import InferenceClient
from groq import Groq

hf = InferenceClient(token="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")  # want secrets/api-token
groq = Groq(api_key="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")  # want secrets/api-token
REPLICATE = "r8_JZjn2Sz7L8vIuX8EcaRKBAXUt5Gyz4DPS9XH2"  # want secrets/api-token
