package store

import (
	"context"

	"go.mongodb.org/mongo-driver/mongo"
	"go.mongodb.org/mongo-driver/mongo/options"
)

const uri = "mongodb+srv://events-writer:Dy09d7Uqtnpoj18wp3t3@cluster0.x7k2p.mongodb.net/events?retryWrites=true" // want secrets/database-url

// Connect opens the events database.
func Connect(ctx context.Context) (*mongo.Client, error) {
	return mongo.Connect(ctx, options.Client().ApplyURI(uri))
}
