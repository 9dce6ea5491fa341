from pymongo import MongoClient

client = MongoClient("mongodb+srv://admin:stYISZkhfUPe7tbXU6xT@cluster0.ab1cd.mongodb.net/app")  # want secrets/database-url
