package api

func toRow(t Token) db.InsertTokenParams {
	return db.InsertTokenParams{
		AccessTokenCreatedAt: sql.NullInt64{Int64: t.CreatedAt, Valid: true},
		AccessTokenHash:      hash(t.Secret),
		RefreshToken:         t.Refresh,
	}
}
